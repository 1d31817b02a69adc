/**
 * The register facts the 免申即享 rules read (rule-of-law-domains §5.2 ¶1; service-catalog §5.2 ¶2 "一企一档"):
 * each fact has a Chinese label, a type, a unit and the department that owns it (the one that confirms or
 * corrects it when a firm objects). Money is integer fen. Isomorphic: the structured editor lists these,
 * the importer maps exchange-file columns to them, and the evaluator reads them by key.
 */
export const FACT_SOURCES = {
  market: '市场监管',
  tax: '税务',
  social: '社保',
  stats: '统计',
  tech: '科技',
  miit: '工信',
  ip: '知识产权',
  credit: '信用',
  police: '公安',
  civil: '民政',
  hr: '人社',
} as const;
export type FactSource = keyof typeof FACT_SOURCES;

/**
 * The county department that owns each source's data and answers an objection to it (its org's name ends
 * so). 知识产权 sits in the 市场监管局 at county level; 信用 (the 失信 lists) with the 发展和改革委员会. A county
 * without that department in the system (税务 and 公安 are often not on it) leaves the objection with the
 * policy's department, which checks with the source, and the case says so.
 */
export const SOURCE_ORG_SUFFIX: Record<FactSource, string> = {
  market: '市场监督管理局', tax: '税务局', social: '人力资源和社会保障局', stats: '统计局', tech: '科学技术局', miit: '工业和信息化局',
  ip: '市场监督管理局', credit: '发展和改革委员会', police: '公安局', civil: '民政局', hr: '人力资源和社会保障局',
};

export type FactType = 'number' | 'money' | 'boolean' | 'text' | 'date' | 'year';
export type FactDef = { key: string; label: string; type: FactType; source: FactSource; subject: 'enterprise' | 'person'; unit?: string; options?: readonly string[]; hint: string };

const f = (key: string, label: string, type: FactType, source: FactSource, hint: string, extra: Partial<FactDef> = {}): FactDef =>
  ({ key, label, type, source, subject: 'enterprise', hint, ...extra });

export const FACTS: readonly FactDef[] = [
  f('regStatus', '登记状态', 'text', 'market', '请向市场监管部门核实登记状态', { options: ['存续', '注销', '吊销', '迁出'] }),
  f('abnormal', '列入经营异常名录', 'boolean', 'market', '已移出经营异常名录的，请向市场监管部门申请更正'),
  f('dishonest', '列入严重失信主体名单', 'boolean', 'credit', '已完成信用修复的，请向信用主管部门申请更正'),
  f('scale', '企业规模', 'text', 'stats', '企业规模依据统计上大中小微型企业划分办法，请向统计部门核实', { options: ['大型', '中型', '小型', '微型'] }),
  f('industry', '国民经济行业门类', 'text', 'stats', '行业门类以统计名录为准', { options: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S'] }),
  f('private', '民营企业', 'boolean', 'market', '企业性质以登记信息为准'),
  f('siPaidMonths', '上年度失业保险足额缴费月数', 'number', 'social', '漏缴月份补缴后，请向社保经办机构申请更正', { unit: '月' }),
  f('siAvgInsured', '上年度月均参保人数', 'number', 'social', '参保人数以社保经办机构记录为准', { unit: '人' }),
  f('siNewClaimants', '上年度新增领取失业保险金人数', 'number', 'social', '裁员人数有误的，请向社保经办机构申请更正', { unit: '人' }),
  f('siPremiumFen', '上年度实际缴纳失业保险费', 'money', 'social', '缴费金额以社保经办机构记录为准', { unit: '元' }),
  f('aboveScaleYear', '首次纳入规模以上工业统计年份', 'year', 'stats', '入规年份以统计联网直报名录为准'),
  f('tradeLimitYear', '首次纳入限额以上统计年份', 'year', 'stats', '入库年份以统计联网直报名录为准'),
  f('revenueFen', '上年度主营业务收入', 'money', 'stats', '主营业务收入以统计年报为准', { unit: '元' }),
  f('hnteYear', '高新技术企业认定年份', 'year', 'tech', '以科技部门公示的认定名单为准'),
  f('hnteKind', '高新技术企业认定类型', 'text', 'tech', '首次认定或重新认定以认定名单为准', { options: ['首次', '重新'] }),
  f('srdiLevel', '专精特新认定层级', 'text', 'miit', '以工信部门公布的名单为准', { options: ['省级', '国家级'] }),
  f('srdiYear', '专精特新首次认定年份', 'year', 'miit', '以工信部门公布的名单为准'),
  f('graduatesHired', '招用符合条件的高校毕业生和青年人数', 'number', 'hr', '招用人员已签订劳动合同并参保的，请向人社部门补充就业登记', { unit: '人' }),
  f('convertedYear', '个体工商户转型为企业年份', 'year', 'market', '个转企以市场监管变更登记为准'),
  f('taxNormal', '依法正常纳税申报', 'boolean', 'tax', '存在未申报记录的，补报后请向税务部门申请更正'),
  f('patentsLastYear', '上年度授权发明专利件数（第一专利权人）', 'number', 'ip', '专利授权以国家知识产权局公告为准', { unit: '件' }),
  f('taxPaidFen', '上年度入库税收', 'money', 'tax', '入库税收以税务部门数据为准', { unit: '元' }),
  f('taxPerMuFen', '亩均入库税收', 'money', 'tax', '用地面积有误的，请向自然资源部门申请更正', { unit: '元/亩' }),
  f('vatIncrementFen', '增值税县级留成增量', 'money', 'tax', '增量以税务部门数据为准', { unit: '元' }),
  f('birthDate', '出生日期', 'date', 'police', '出生日期以户籍登记为准', { subject: 'person' }),
  f('hukouLocal', '本县户籍', 'boolean', 'police', '户籍迁入的，请向公安机关申请更正', { subject: 'person' }),
  f('deceased', '已死亡', 'boolean', 'civil', '死亡信息有误的，请向民政部门申请更正', { subject: 'person' }),
];

export const FACT_BY_KEY: ReadonlyMap<string, FactDef> = new Map(FACTS.map((d) => [d.key, d]));
export const factLabel = (key: string) => FACT_BY_KEY.get(key)?.label ?? key;
export const sourceLabel = (key: string) => { const d = FACT_BY_KEY.get(key); return d ? FACT_SOURCES[d.source] : '未知来源'; };

/** A register subject's facts at a snapshot: values by key (null when the register holds none). */
export type Facts = Record<string, number | string | boolean | null | undefined>;

/** A fact value shown to a reader: money in 元 with two decimals, booleans as 是/否. */
export function formatFact(key: string, v: unknown): string {
  if (v === null || v === undefined) return '无数据';
  const d = FACT_BY_KEY.get(key);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (d?.type === 'money' && typeof v === 'number') return `${(v / 100).toFixed(2)}元`;
  if (typeof v === 'number' && !Number.isInteger(v)) return `${(v * 100).toFixed(2)}%`;
  return `${String(v)}${d?.unit && d.type === 'number' ? d.unit : ''}`;
}
