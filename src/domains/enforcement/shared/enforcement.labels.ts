/** 中文 labels for enforcement's enums, shared by pages and exports. */
export const INSPECTION_KIND_LABELS: Record<string, string> = { planned: '双随机计划检查', complaint: '个案检查（投诉举报等）' };
export const PARTY_KIND_LABELS: Record<string, string> = { person: '自然人', org: '法人或其他组织' };
export const PUBLICATION_KIND_LABELS: Record<string, string> = { penalty: '行政处罚决定', other: '其他行政执法决定' };
export const RATING_LABELS: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
