/**
 * Rating channels and sub-indicators (评价指标), as data. The indicator sets follow one published local
 * scheme (domain-rules.md §7): online 整体满意度, 办事效率, 办事指南精确度, 办事便捷度, 平台操作性; at the
 * counter 整体满意度, 服务效率, 服务水平, 服务态度. The scheme is version-managed: indicators are not added
 * or removed without authorisation, so a change here is a reviewed code change, not a setting.
 */
export const RATING_CHANNELS = {
  counter: '窗口评价器（一次一评）',
  online: '网上评价（一事一评）',
  qr: '扫码评价',
  sms: '短信邀评',
  hotline: '12345热线评价',
} as const;
export type RatingChannel = keyof typeof RATING_CHANNELS;

export const ONLINE_INDICATORS = { overall: '整体满意度', efficiency: '办事效率', guideAccuracy: '办事指南精确度', convenience: '办事便捷度', usability: '平台操作性' } as const;
export const COUNTER_INDICATORS = { overall: '整体满意度', serviceEfficiency: '服务效率', serviceLevel: '服务水平', attitude: '服务态度' } as const;
export const ALL_INDICATORS: Record<string, string> = { ...ONLINE_INDICATORS, ...COUNTER_INDICATORS };

/** Online-served matters are rated on the online set; everything served in person on the counter set. */
export type IndicatorSet = 'online' | 'counter';
export const indicatorsOf = (set: IndicatorSet): Record<string, string> => (set === 'online' ? ONLINE_INDICATORS : COUNTER_INDICATORS);

/** The sub-indicators the rater scores besides the overall level (整体满意度 is the level itself). */
export const subIndicators = (set: IndicatorSet) => Object.entries(indicatorsOf(set)).filter(([k]) => k !== 'overall').map(([key, label]) => ({ key, label }));
