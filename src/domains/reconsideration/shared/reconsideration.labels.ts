/**
 * 行政复议 (行政复议法, 2023-09-01修订, 2024-01-01施行): the enumerations a case records, each with the
 * article it comes from, so the decision document, the case page and the statistics print the same words.
 */

export const CHANNELS = { online: '网上申请', counter: '当面递交', letter: '邮寄', oral: '口头申请（当场记录）', viaAgency: '经作出处罚的行政机关提交（第32条）' } as const;
export type Channel = keyof typeof CHANNELS;

export const APPLICANT_KINDS = { person: '自然人', firm: '法人', other: '其他组织' } as const;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;

/** What kind of act is challenged: the 第53条 test for 简易程序 reads it. */
export const ACT_KINDS = {
  onTheSpot: '当场作出的行政行为',
  warning: '警告或者通报批评',
  smallFine: '罚款等涉及金额的行为（3000元以下）',
  disclosure: '政府信息公开案件',
  licence: '行政许可（含不予许可）',
  penalty: '行政处罚（其他）',
  inaction: '不履行法定职责',
  other: '其他行政行为',
} as const;
export type ActKind = keyof typeof ACT_KINDS;

/**
 * 第53条: facts clear, rights and duties clear, dispute minor, and the act was made on the spot, a
 * warning or 通报批评, an amount of ≤ ¥3,000, or a government-information-disclosure case. Otherwise
 * 简易程序 only where every party agrees. A suggestion for the reviewer, never a decision.
 */
export const SIMPLE_AMOUNT_LIMIT = 3000;
export function suggestProcedure(a: { actKind: ActKind; amountYuan?: number | null; partiesAgreeSimple?: boolean }): { procedure: 'simple' | 'ordinary'; reason: string } {
  if (a.actKind === 'onTheSpot') return { procedure: 'simple', reason: '被申请行政复议的行政行为是当场作出的（第53条第一款第一项）' };
  if (a.actKind === 'warning') return { procedure: 'simple', reason: '被申请行政复议的行政行为是警告或者通报批评（第53条第一款第二项）' };
  if (a.actKind === 'disclosure') return { procedure: 'simple', reason: '属于政府信息公开案件（第53条第一款第四项）' };
  if (a.amountYuan !== null && a.amountYuan !== undefined && a.amountYuan <= SIMPLE_AMOUNT_LIMIT) return { procedure: 'simple', reason: `案件涉及款额${a.amountYuan}元，在三千元以下（第53条第一款第三项）` };
  if (a.partiesAgreeSimple) return { procedure: 'simple', reason: '当事人各方同意适用简易程序（第53条第二款）' };
  return { procedure: 'ordinary', reason: '不属于第53条规定可以适用简易程序的情形，适用普通程序' };
}
export const PROCEDURES = { simple: '简易程序', ordinary: '普通程序' } as const;
export type Procedure = keyof typeof PROCEDURES;

/** 第63–69条 and 第33条: the decision types, with the article the 决定书 cites. */
export const DECISIONS = {
  change: { label: '变更', basis: '第63条' },
  revoke: { label: '撤销或者部分撤销', basis: '第64条' },
  confirmIllegal: { label: '确认违法', basis: '第65条' },
  orderPerform: { label: '责令履行', basis: '第66条' },
  confirmVoid: { label: '确认无效', basis: '第67条' },
  uphold: { label: '维持', basis: '第68条' },
  dismissClaim: { label: '驳回行政复议请求', basis: '第69条' },
  dismissApplication: { label: '驳回行政复议申请', basis: '第33条' },
} as const;
export type DecisionType = keyof typeof DECISIONS;
export const DECISION_TYPES = Object.keys(DECISIONS) as [DecisionType, ...DecisionType[]];
/** 纠错 as the 白皮书 counts it (变更、撤销、确认违法、责令履行、确认无效); the set is a setting. */
export const DEFAULT_CORRECTIVE: DecisionType[] = ['change', 'revoke', 'confirmIllegal', 'orderPerform', 'confirmVoid'];

/** How an accepted case ended, beyond a decision: 调解书 (第73条), 和解后撤回 (第74条), 撤回, 终止 (第41条). */
export const OUTCOMES = {
  ...Object.fromEntries(Object.entries(DECISIONS).map(([k, v]) => [k, `${v.label}（${v.basis}）`])),
  mediation: '调解结案（第73条）',
  settlement: '和解后撤回申请（第74条）',
  withdrawal: '申请人撤回申请（第74条）',
  termination: '终止行政复议（第41条）',
  refused: '不予受理（第30条）',
  abandoned: '逾期不补正，视为放弃（第31条）',
} as Record<string, string>;
/** Outcomes that count as 调撤 (the national statistics publish 调撤率 next to 纠错率). */
export const MEDIATED_OUTCOMES = ['mediation', 'settlement', 'withdrawal'] as const;

/** 第39条第一款: the grounds for 中止. */
export const SUSPENSION_GROUNDS = [
  '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  '作为申请人的公民下落不明',
  '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  '有本法第五十六条或者第五十七条规定的情形（规范性文件附带审查）',
  '需要经过鉴定或者其他需要中止的情形',
] as const;

/** 第41条: the grounds for 终止 (withdrawal and 和解 have their own events). */
export const TERMINATION_GROUNDS = [
  '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
  '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利',
  '申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施',
  '依照第39条第一款第一项、第二项、第四项的规定中止行政复议满六十日，行政复议中止的原因仍未消除',
] as const;

export const HEARING_PARTIES_METHODS = ['当面', '互联网', '电话'] as const;

/** What the decision form offers (the text a reviewer picks, with its article) and back to the type. */
export const decisionOption = (t: DecisionType) => `${DECISIONS[t].label}（${DECISIONS[t].basis}）`;
export const DECISION_OPTIONS = DECISION_TYPES.map(decisionOption) as [string, ...string[]];
export const decisionByOption = (s: string) => DECISION_TYPES.find((t) => decisionOption(t) === s) ?? null;
export const PROCEDURE_OPTIONS = ['简易程序', '普通程序'] as const;
export const procedureByOption = (s: string): Procedure => (s === '简易程序' ? 'simple' : 'ordinary');
