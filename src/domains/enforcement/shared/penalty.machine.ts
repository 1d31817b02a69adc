/**
 * 行政处罚 (行政处罚法, 2021修订) under the 三项制度 (国办发〔2018〕118号). Filing the case is 立案 and starts the
 * 90-day decision clock (第60条; natural days, 第85条 counts only 二/三/五/七日 as working days); evidence is
 * recorded only with at least two officers who held valid credentials that day (第42条; checked against the
 * credential register when the record is made); 告知 states the proposed penalty and, for 第63条 penalties,
 * the right to a hearing, requested within 5 working days and noticed 7 working days ahead (第64条);
 * 法制审核 is required in the cases of 第58条 and a decision without a passed review is refused; 重大 cases
 * are decided by the heads collectively (第57条); the decision is served (第61条: 7 working days), executed,
 * closed, and published within 7 working days (118号) — withdrawn within 3 working days when revoked
 * (第48条). Every step can carry attachments (全过程记录, 第47条).
 */
import { z } from 'zod';
import { defineMachine, type GuardContext } from '../../../core/shared/machine';

const text = (title: string, max = 2000, min = 2) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const optText = (title: string, max = 200) => z.string().trim().max(max, `${title}不能超过${max}个字`).optional().meta({ title });
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });

/** 第58条¶1: the cases in which 法制审核 is required before the head decides. */
export const REVIEW_GROUNDS = [
  '涉及重大公共利益',
  '直接关系当事人或者第三人重大权益，经过听证程序',
  '案件情况疑难复杂、涉及多个法律关系',
  '法律、法规规定应当进行法制审核的其他情形',
] as const;

const evidenced = ({ data }: GuardContext) =>
  Number(data.evidenceCount ?? 0) > 0 ? null : '尚未记录调查取证（行政处罚法 第42条、第54条：应当由两名以上具有行政执法资格的执法人员调查取证），不能告知';
const hearingEligible = ({ data }: GuardContext) =>
  data.hearingEligible ? null : '拟作出的处罚不属于行政处罚法第63条规定的听证范围';
const scheduled = ({ data }: GuardContext) => (data.hearingOn ? null : '尚未确定听证日期并通知当事人（第64条）');
/** 第58条¶1: no decision before a passed review where one is required; 第57条¶2: 重大 cases by the heads together. */
export function decisionProblem(data: Record<string, unknown>): string | null {
  if (data.reviewRequired && !data.reviewPassed) return '本案属于行政处罚法第58条规定的情形，未经法制审核或者审核未通过的，不得作出决定';
  if (data.major && !data.discussed) return '情节复杂或者重大违法行为给予行政处罚的，行政机关负责人应当集体讨论决定（行政处罚法 第57条）';
  return null;
}
const decidable = ({ data }: GuardContext) => decisionProblem(data);
const unpublished = ({ data }: Pick<GuardContext, 'data'>) => (data.published ? '决定已经公示，撤销后应在3个工作日内撤下公示' : null);
const published = ({ data }: Pick<GuardContext, 'data'>) => (data.published ? null : '决定尚未公示（国办发〔2018〕118号：执法决定应当公示）');
const notYetPublished = ({ data }: Pick<GuardContext, 'data'>) => (data.published ? '决定已公示' : null);

export const NotifyInput = z.object({
  proposal: text('拟作出的行政处罚内容及事实、理由、依据', 2000),
  amount: z.number().min(0, '罚款金额不能为负').max(1e10, '罚款金额过大').optional().meta({ title: '拟罚款金额（元）' }),
  hearingEligible: z.boolean().optional().meta({ title: '属于听证范围（第63条）' }),
  // One ground is enough to require the review; the form offers them as one choice.
  reviewGround: z.enum(REVIEW_GROUNDS, '请选择需要法制审核的情形').optional().meta({ title: '需要法制审核的情形（第58条，不属于的不选）' }),
  major: z.boolean().optional().meta({ title: '情节复杂或者重大违法行为（需集体讨论）' }),
});
export type NotifyInput = z.input<typeof NotifyInput>;

const decisionFields = {
  decisionNo: text('决定书文号', 60, 4),
  basis: text('适用的法律依据（条款）', 500),
  content: text('决定内容', 2000),
};
export const DecideInput = z.object({
  ...decisionFields,
  amount: z.number().min(0, '罚款金额不能为负').max(1e10, '罚款金额过大').optional().meta({ title: '罚款金额（元）' }),
});
export const DecideOtherInput = z.object({
  kind: z.enum(['不予行政处罚', '移送司法机关'], '请选择决定类型').meta({ title: '决定类型' }),
  ...decisionFields,
});

const ExtendInput = z.object({
  days: z.number().int().min(1, '延长天数至少1日').max(90, '延长天数不能超过90日').meta({ title: '延长天数（自然日）' }),
  reason: text('延长理由', 500),
});
const stopPublish = [{ op: 'stop', clock: 'publish' }, { op: 'stop', clock: 'publishOther' }] as const;
const afterDecision = ['decided', 'executing', 'closed'] as const;

/** The facts a penalty case keeps in `cases.data`: what its guards read (the record itself is in the domain's tables). */
export const PenaltyData = z.object({
  /** How many evidence records (调查取证, 第42条) have been made; 告知 needs at least one. */
  evidenceCount: z.number().int(),
  /** The proposed penalty is within the hearing scope (第63条), as stated at 告知. */
  hearingEligible: z.boolean(),
  /** A 重大 case: the heads decide it collectively (第57条). */
  major: z.boolean(),
  /** 法制审核 is required before the decision (第58条). */
  reviewRequired: z.boolean(),
  /** The 第58条 grounds that require the review. */
  reviewGrounds: z.array(z.enum(REVIEW_GROUNDS)),
  /** The day of the hearing, YYYY-MM-DD (第64条). */
  hearingOn: z.iso.date(),
  /** The day the party was told of the hearing, YYYY-MM-DD. */
  noticeOn: z.iso.date(),
  /** Who hosts the hearing. */
  hearingHost: z.string(),
  /** A hearing has been held. */
  hearingHeld: z.boolean(),
  /** The outcome of the last 法制审核. */
  reviewPassed: z.boolean(),
  /** The reviewer of the last 法制审核. */
  reviewedBy: z.string(),
  /** The heads have discussed the case collectively (第57条). */
  discussed: z.boolean(),
  /** The kind of decision made. */
  decisionKind: z.enum(['给予行政处罚', '不予行政处罚', '移送司法机关']),
  /** The decision's document number (决定书文号). */
  decisionNo: z.string(),
  /** The decision has been published (118号). */
  published: z.boolean(),
  /** The published decision has been withdrawn after revocation (第48条). */
  withdrawn: z.boolean(),
});

export const penaltyMachine = defineMachine({
  type: 'penalty',
  plural: 'penalties',
  label: '行政处罚',
  data: PenaltyData,
  initial: 'investigating',
  states: {
    investigating: { label: '已立案（调查取证）', color: 'processing' },
    notified: { label: '已告知（陈述申辩期）', color: 'processing' },
    hearing: { label: '听证程序中', color: 'processing' },
    ready: { label: '待审核决定', color: 'processing' },
    legalReview: { label: '法制审核中', color: 'warning' },
    decided: { label: '已作出决定（待送达）', color: 'processing' },
    executing: { label: '已送达（执行中）', color: 'processing' },
    closed: { label: '已结案', color: 'success', terminal: true },
    // Not terminal: entering a terminal state stops every clock, and the 3-day withdrawal clock must run.
    revoked: { label: '决定已撤销（待撤下公示）', color: 'warning' },
    annulled: { label: '决定已撤销', color: 'error', terminal: true },
  },
  clocks: {
    decide: { label: '作出处罚决定期限', unit: 'natural', limit: 90, primary: true, warnBefore: 10, legalBasis: '行政处罚法 第60条：自行政处罚案件立案之日起九十日内作出行政处罚决定（法律、法规、规章另有规定的从其规定）' },
    hearingRequest: { label: '听证申请期限', unit: 'workday', limit: 5, onOverdue: 'hearingLapse', legalBasis: '行政处罚法 第64条第一项：当事人要求听证的，应当在行政机关告知后五日内提出（第85条：工作日）' },
    serve: { label: '送达期限', unit: 'workday', limit: 7, legalBasis: '行政处罚法 第61条：当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达（第85条：工作日）' },
    // 118号: 行政处罚 decisions within 7 working days, other enforcement decisions (不予处罚, 移送) within 20.
    publish: { label: '公示期限', unit: 'workday', limit: 7, legalBasis: '国办发〔2018〕118号：行政处罚决定信息自作出之日起7个工作日内公开' },
    publishOther: { label: '公示期限', unit: 'workday', limit: 20, legalBasis: '国办发〔2018〕118号：行政执法决定自作出之日起20个工作日内向社会公布' },
    withdraw: { label: '撤下公示期限', unit: 'workday', limit: 3, legalBasis: '行政处罚法 第48条：公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回并公开说明理由（第85条：工作日）' },
  },
  initialClocks: ['decide'],
  events: {
    recordEvidence: {
      label: '记录调查取证', from: ['investigating'], to: 'investigating', permission: 'penalty.handle',
      input: z.object({
        takenOn: day('取证日期'),
        officerIds: z.array(z.string().trim().min(1).max(64)).min(1, '请选择执法人员').max(10).meta({ title: '执法人员' }),
        summary: text('取证情况（证据名称、方式）', 2000),
      }),
    },
    notify: {
      label: '告知拟处罚决定及陈述申辩、听证权利', from: ['investigating'], to: 'notified', permission: 'penalty.handle', guard: evidenced,
      input: NotifyInput, clocks: [{ op: 'start', clock: 'hearingRequest' }],
    },
    requestHearing: {
      label: '当事人申请听证', from: ['notified'], to: 'hearing', permission: 'penalty.handle', guard: hearingEligible,
      input: z.object({ requestedOn: day('申请听证日期') }), clocks: [{ op: 'stop', clock: 'hearingRequest' }],
    },
    waiveHearing: {
      label: '陈述申辩完毕（未申请听证）', from: ['notified'], to: 'ready', permission: 'penalty.handle',
      input: z.object({ statement: text('当事人陈述申辩情况及复核意见', 2000) }), clocks: [{ op: 'stop', clock: 'hearingRequest' }],
    },
    hearingLapse: { label: '听证申请期满未申请', from: ['notified'], to: 'ready', permission: 'penalty.handle', system: true, clocks: [{ op: 'stop', clock: 'hearingRequest' }] },
    scheduleHearing: {
      label: '确定听证日期并通知当事人', from: ['hearing'], to: 'hearing', permission: 'penalty.handle',
      input: z.object({ noticeOn: day('通知日期'), hearingOn: day('听证日期'), host: text('听证主持人（非本案调查人员）', 60) }),
    },
    holdHearing: {
      label: '记录听证', from: ['hearing'], to: 'ready', permission: 'penalty.handle', guard: scheduled,
      input: z.object({ record: text('听证笔录要点', 2000) }),
    },
    submitReview: { label: '提交法制审核', from: ['ready'], to: 'legalReview', permission: 'penalty.handle' },
    passReview: {
      label: '法制审核通过', from: ['legalReview'], to: 'ready', permission: 'penalty.review',
      input: z.object({ opinion: text('审核意见', 2000) }),
    },
    failReview: {
      label: '法制审核不通过（退回补充调查）', from: ['legalReview'], to: 'investigating', permission: 'penalty.review', danger: true,
      input: z.object({ opinion: text('审核意见（存在的问题）', 2000) }),
    },
    discuss: {
      label: '记录负责人集体讨论', from: ['ready'], to: 'ready', permission: 'penalty.decide',
      input: z.object({ heldOn: day('讨论日期'), attendees: text('参加讨论的负责人', 300), conclusion: text('讨论决定', 1000) }),
    },
    decide: {
      label: '作出行政处罚决定', from: ['ready'], to: 'decided', permission: 'penalty.decide', guard: decidable,
      input: DecideInput,
      clocks: [{ op: 'stop', clock: 'decide' }, { op: 'start', clock: 'serve' }, { op: 'start', clock: 'publish' }],
    },
    decideOther: {
      label: '作出不予处罚或移送决定', from: ['ready'], to: 'decided', permission: 'penalty.decide', guard: decidable,
      input: DecideOtherInput,
      clocks: [{ op: 'stop', clock: 'decide' }, { op: 'start', clock: 'serve' }, { op: 'start', clock: 'publishOther' }],
    },
    // 第60条 lets laws, regulations and rules set other limits; local rules let the head extend. One self-event
    // per state the case waits in while the clock runs.
    extend: {
      label: '批准延长办案期限', from: ['investigating'], to: 'investigating', permission: 'penalty.extend', input: ExtendInput, clocks: [{ op: 'extend', clock: 'decide' }],
    },
    extendReady: {
      label: '批准延长办案期限', from: ['ready'], to: 'ready', permission: 'penalty.extend', input: ExtendInput, clocks: [{ op: 'extend', clock: 'decide' }],
    },
    serve: {
      label: '送达决定书', from: ['decided'], to: 'executing', permission: 'penalty.handle',
      input: z.object({ servedOn: day('送达日期'), method: text('送达方式', 40) }), clocks: [{ op: 'stop', clock: 'serve' }],
    },
    close: {
      label: '执行完毕，结案', from: ['executing'], to: 'closed', permission: 'penalty.handle', guard: published,
      input: z.object({ execution: text('执行情况', 1000) }),
    },
    // Publication does not move the case on: one self-event per state it may happen in. Whether the
    // decision is published is a precondition, so the page offers 公示 only once and the one revocation that applies.
    publish: { label: '公示决定', from: ['decided'], to: 'decided', permission: 'penalty.handle', precondition: notYetPublished, clocks: stopPublish },
    publishServed: { label: '公示决定', from: ['executing'], to: 'executing', permission: 'penalty.handle', precondition: notYetPublished, clocks: stopPublish },
    revoke: {
      label: '撤销决定（未公示）', from: [...afterDecision], to: 'annulled', permission: 'penalty.decide', precondition: unpublished, danger: true,
      input: z.object({ reason: text('撤销、变更或者确认违法、无效的理由', 1000) }), clocks: stopPublish,
    },
    revokePublished: {
      label: '撤销决定（已公示）', from: [...afterDecision], to: 'revoked', permission: 'penalty.decide', precondition: published, danger: true,
      input: z.object({ reason: text('撤销、变更或者确认违法、无效的理由', 1000) }), clocks: [{ op: 'start', clock: 'withdraw' }],
    },
    withdraw: {
      label: '撤下公示并说明理由', from: ['revoked'], to: 'annulled', permission: 'penalty.handle', guard: published,
      input: z.object({ explanation: text('公开说明的理由', 500) }), clocks: [{ op: 'stop', clock: 'withdraw' }],
    },
  },
});

export const PenaltyInput = z.object({
  orgId: z.uuid('请选择执法机关').optional().meta({ title: '执法机关' }),
  partyKind: z.enum(['person', 'org'], '请选择当事人类型').meta({ title: '当事人类型' }),
  partyName: text('当事人', 100),
  partyCode: z.string().trim().max(18).optional().meta({ title: '统一社会信用代码或公民身份号码' }),
  cause: text('案由', 100),
  source: z.enum(['检查发现', '投诉举报', '上级交办', '移送', '其他'], '请选择案件来源').meta({ title: '案件来源' }),
  facts: text('立案依据和基本事实', 2000),
  inspectionRef: z.string().trim().max(40).optional().meta({ title: '来源检查编号（本平台内）' }),
  /** One per form on the page: a second submit of the same form files nothing twice. */
  idempotencyKey: z.string().trim().max(64).optional(),
});
export type PenaltyInput = z.input<typeof PenaltyInput>;
