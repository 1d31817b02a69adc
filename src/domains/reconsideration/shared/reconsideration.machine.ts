/**
 * 行政复议 (行政复议法, 2023-09-01修订, 2024-01-01施行) as the county government's 复议机构 (the justice
 * bureau) runs it. Day counting (第88条): the 3-, 5-, 7- and 10-day limits are working days, every other
 * period (the 30- and 60-day decision limits) natural days, a natural period ending on a rest day rolling
 * to the next working day (the kernel's clock rule, 民事诉讼法 第85条).
 *
 *   received ── requestCorrection ──▶ correcting ── supply ──▶ received      (第31条: once, 5 + 10 WD)
 *       │                                  └── (10 WD pass) abandon ──▶ abandoned
 *       ├── refuse ──▶ refused (reasons, competent body; 第30条)
 *       ├── accept / (5 WD pass) deemAccept ──▶ underReview                  (第30条; deemed on the 5th WD)
 *   underReview ⇄ suspended (第39条) · sendCopy → answer (第48/54条) · 阅卷, 听取意见, 听证 (第47, 49–51条)
 *       ├── toOrdinary (简易 → 普通 with the head's approval, 60 days from acceptance; 第55条)
 *       ├── extend (+30 days once, 普通程序 only; 第62条)
 *       ├── decide ──▶ decided (第63–69条, 第33条)
 *       ├── mediate ──▶ mediated (第73条)
 *       └── settle / withdraw / terminate ──▶ terminated (第41条, 第74条)
 *
 * The procedure (简易/普通) is on the case before acceptance — suggested from the application by the
 * 第53条 test and changeable by the bureau until it accepts — because the decision, copy and answer
 * clocks read it when they start.
 */
import { z } from 'zod';
import { defineMachine, type ClockOp, type GuardContext } from '../../../core/shared/machine';
import { DECISION_OPTIONS, decisionOption, HEARING_PARTIES_METHODS, PROCEDURE_OPTIONS, SUSPENSION_GROUNDS, TERMINATION_GROUNDS } from './reconsideration.labels';

const text = (title: string, max = 2000) => z.string().trim().min(2, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const IsoDate = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });
const simple = (d: Record<string, unknown>) => d.procedure === 'simple';
const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);

// Preconditions read the case's data alone: the case page evaluates them too, so a refused action is not offered.
const needsCopy = ({ data }: Pick<GuardContext, 'data'>) => (data.copySent ? null : '尚未向被申请人发送申请书副本（第48条），被申请人无法答复');
const beforeDecision = [{ op: 'stop', clock: 'copy' }, { op: 'stop', clock: 'answer' }] as const;
// 第30条: a case not refused in the 5 working days is accepted when they end; its clocks count from that day.
const deemedClocks: ClockOp[] = [
  { op: 'stop', clock: 'review' }, { op: 'stop', clock: 'correctionNotice' },
  { op: 'start', clock: 'decide', asOfDueOf: 'review' }, { op: 'start', clock: 'copy', asOfDueOf: 'review' },
];

/** What a 复议 case keeps in `data`: its procedure and limits (settings at registration), then what has been done once. */
export const ReconsiderationData = z.object({
  procedure: z.enum(['simple', 'ordinary']), // 简易 or 普通程序 (第53条, 第55条)
  correctionDays: z.number().int(), // working days the applicant has to 补正 (第31条, a setting)
  ordinaryDays: z.number().int(), // 普通程序 decision limit (第62条)
  simpleDays: z.number().int(), // 简易程序 decision limit (第62条)
  corrected: z.boolean(), // one 补正 has been asked for
  copySent: z.boolean(), // the application's copy went to the respondent (第48条)
  answered: z.boolean(), // the respondent answered in writing
  hearingOn: z.iso.date(), // the 听证 day scheduled
});

export const reconsiderationMachine = defineMachine({
  type: 'reconsideration',
  plural: 'reconsiderations',
  label: '行政复议',
  initial: 'received',
  data: ReconsiderationData,
  states: {
    received: { label: '待审查受理', color: 'processing' },
    correcting: { label: '待申请人补正', color: 'warning' },
    underReview: { label: '审理中', color: 'processing' },
    suspended: { label: '中止审理', color: 'warning' },
    decided: { label: '已作出复议决定', color: 'success', terminal: true },
    mediated: { label: '调解结案', color: 'success', terminal: true },
    terminated: { label: '终止', color: 'default', terminal: true },
    refused: { label: '不予受理', color: 'error', terminal: true },
    abandoned: { label: '视为放弃', color: 'default', terminal: true },
  },
  clocks: {
    // 第30条: review within 5 working days; no refusal by then → deemed accepted.
    review: { label: '受理审查期限', unit: 'workday', limit: 5, legalBasis: '行政复议法 第30条', onOverdue: 'deemAccept' },
    // 第31条: the correction notice within 5 working days of receipt.
    correctionNotice: { label: '补正通知期限', unit: 'workday', limit: 5, legalBasis: '行政复议法 第31条' },
    // 第31条: the applicant supplies within 10 working days; none without good reason → deemed abandoned.
    correction: { label: '申请人补正期限', unit: 'workday', limit: (d) => num(d, 'correctionDays', 10), legalBasis: '行政复议法 第31条', onOverdue: 'abandon' },
    // 第62条: 普通程序 60 days from acceptance (+30 once), 简易程序 30 days; natural days (第88条).
    decide: {
      label: '审理期限', unit: 'natural', primary: true, warnBefore: 5,
      limit: (d) => (simple(d) ? num(d, 'simpleDays', 30) : num(d, 'ordinaryDays', 60)),
      legalBasis: (d) => (simple(d) ? '行政复议法 第62条第二款（简易程序）' : '行政复议法 第62条第一款（普通程序）'),
    },
    // 第48条 (普通程序 7 working days) / 第54条 (简易程序 3 working days).
    copy: { label: '发送申请书副本期限', unit: 'workday', limit: (d) => (simple(d) ? 3 : 7), legalBasis: (d) => (simple(d) ? '行政复议法 第54条' : '行政复议法 第48条') },
    // 第48条 (10 working days) / 第54条 (5 working days) from the respondent's receipt of the copy.
    answer: { label: '被申请人答复期限', unit: 'workday', limit: (d) => (simple(d) ? 5 : 10), legalBasis: (d) => (simple(d) ? '行政复议法 第54条' : '行政复议法 第48条') },
  },
  initialClocks: ['review', 'correctionNotice'],
  events: {
    setProcedure: {
      label: '确定适用程序', from: ['received'], to: 'received', permission: 'reconsideration.handle',
      input: z.object({ procedure: z.enum(PROCEDURE_OPTIONS, '请选择简易程序或普通程序').meta({ title: '适用程序（第53条）' }), reason: text('理由', 500) }),
    },
    requestCorrection: {
      label: '一次性告知补正', from: ['received'], to: 'correcting', permission: 'reconsideration.handle',
      input: z.object({ missing: text('需要补正的全部事项（一次性载明）') }),
      precondition: ({ data }) => (data.corrected ? '已经补正过一次，不能再次要求补正（第31条：补正通知应一次性载明需要补正的事项）' : null),
      clocks: [{ op: 'stop', clock: 'correctionNotice' }, { op: 'stop', clock: 'review' }, { op: 'start', clock: 'correction' }],
    },
    // 第31条: the review period runs again from the receipt of the supplied materials.
    supply: {
      label: '提交补正材料', from: ['correcting'], to: 'received', permission: 'reconsideration.correct',
      input: z.object({ content: text('补正的内容和材料', 3000) }),
      clocks: [{ op: 'stop', clock: 'correction' }, { op: 'restart', clock: 'review' }],
    },
    abandon: { label: '逾期不补正，视为放弃', from: ['correcting'], to: 'abandoned', permission: 'reconsideration.handle', system: true },
    refuse: {
      label: '不予受理', from: ['received'], to: 'refused', permission: 'reconsideration.handle', danger: true,
      input: z.object({
        reason: text('不予受理的理由'),
        // 第30条第二款: a refusal for want of jurisdiction names the competent body.
        competentBody: z.string().trim().max(100, '有权机关不能超过100个字').optional().meta({ title: '告知的有权受理机关' }),
      }),
    },
    accept: {
      label: '受理', from: ['received'], to: 'underReview', permission: 'reconsideration.handle',
      clocks: [{ op: 'stop', clock: 'review' }, { op: 'stop', clock: 'correctionNotice' }, { op: 'start', clock: 'decide' }, { op: 'start', clock: 'copy' }],
    },
    deemAccept: {
      label: '审查期限届满未作出不予受理决定，视为受理', from: ['received'], to: 'underReview', permission: 'reconsideration.handle', system: true,
      clocks: deemedClocks,
    },
    sendCopy: {
      label: '发送申请书副本（答复通知）', from: ['underReview'], to: 'underReview', permission: 'reconsideration.handle',
      precondition: ({ data }) => (data.copySent ? '申请书副本已经发送' : null),
      clocks: [{ op: 'stop', clock: 'copy' }, { op: 'start', clock: 'answer' }],
    },
    answer: {
      label: '提交书面答复和证据', from: ['underReview'], to: 'underReview', permission: 'reconsideration.answer',
      input: z.object({ answer: text('书面答复', 5000), evidence: text('证据、依据和其他有关材料', 3000) }),
      precondition: (c) => needsCopy(c) ?? (c.data.answered ? '已经提交过书面答复' : null),
      clocks: [{ op: 'stop', clock: 'answer' }],
    },
    readFile: {
      label: '记录阅卷', from: ['underReview'], to: 'underReview', permission: 'reconsideration.handle',
      // 第47条: the applicant and third parties may read the answer and evidence.
      input: z.object({ reader: text('阅卷人（申请人、第三人或其代理人）', 60), readOn: IsoDate('阅卷日期'), materials: text('查阅的材料', 1000) }),
    },
    hearParties: {
      label: '听取当事人意见', from: ['underReview'], to: 'underReview', permission: 'reconsideration.handle',
      input: z.object({ method: z.enum(HEARING_PARTIES_METHODS, '请选择听取意见的方式').meta({ title: '方式（第49条）' }), summary: text('意见摘要和笔录', 3000) }),
    },
    scheduleHearing: {
      label: '安排听证', from: ['underReview'], to: 'underReview', permission: 'reconsideration.handle',
      input: z.object({
        hearingOn: IsoDate('听证日期'), place: text('听证地点', 100),
        basis: z.enum(['重大、疑难、复杂案件，应当组织听证', '申请人请求听证', '行政复议机构认为有必要听证'], '请选择听证的原因').meta({ title: '听证原因（第50条）' }),
      }),
    },
    recordHearing: {
      label: '记录听证', from: ['underReview'], to: 'underReview', permission: 'reconsideration.handle',
      input: z.object({
        heldOn: IsoDate('听证日期'),
        headAttended: z.boolean('请选择被申请人负责人是否参加').meta({ title: '被申请人负责人参加听证（第51条）' }),
        absenceReason: z.string().trim().max(500).optional().meta({ title: '负责人不能参加的理由和委托人员' }),
        summary: text('听证笔录摘要', 3000),
      }),
      precondition: ({ data }) => (!data.hearingOn ? '尚未安排听证' : null),
      guard: ({ input }) => (input.headAttended === false && !input.absenceReason ? '被申请人负责人未参加听证的，应当说明理由并记录委托参加的工作人员（第51条）' : null),
    },
    suspend: {
      label: '中止审理', from: ['underReview'], to: 'suspended', permission: 'reconsideration.handle',
      input: z.object({ ground: z.enum(SUSPENSION_GROUNDS, '请选择中止的法定情形').meta({ title: '中止情形（第39条）' }), notice: text('中止通知书内容（书面告知当事人）') }),
      clocks: [{ op: 'pause', clock: 'decide', reason: '中止审理（行政复议法 第39条，中止期间不计入审理期限）' }],
    },
    resume: {
      label: '恢复审理', from: ['suspended'], to: 'underReview', permission: 'reconsideration.handle',
      input: z.object({ reason: text('中止原因消除的情况（书面告知当事人）') }),
      clocks: [{ op: 'resume', clock: 'decide' }],
    },
    extend: {
      label: '延长审理期限', from: ['underReview'], to: 'underReview', permission: 'reconsideration.extend',
      input: z.object({ days: z.number('请填写延长天数').int('延长天数应为整数').min(1, '至少延长1日').max(30, '延长期限最多不得超过30日（第62条）').meta({ title: '延长天数' }), reason: text('情况复杂的理由（书面告知当事人）') }),
      precondition: ({ data }) => (simple(data) ? '简易程序案件不能延长审理期限；情况复杂的，经批准转为普通程序（第55条、第62条）' : null),
      clocks: [{ op: 'extend', clock: 'decide', max: 1, refusal: '审理期限只能延长一次，且延长期限最多不得超过30日（行政复议法 第62条）' }],
    },
    // 第55条: a 简易程序 case the reviewer finds unsuitable moves to 普通程序 with the 复议机构负责人's
    // approval; the decision limit becomes 60 days counted from acceptance, not from the switch (第62条).
    toOrdinary: {
      label: '转为普通程序', from: ['underReview'], to: 'underReview', permission: 'reconsideration.extend',
      input: z.object({ reason: text('不宜适用简易程序的理由', 500) }),
      precondition: ({ data }) => (simple(data) ? null : '本案已适用普通程序'),
      clocks: [{ op: 'relimit', clock: 'decide', with: { procedure: 'ordinary' } }],
    },
    decide: {
      label: '作出行政复议决定', from: ['underReview'], to: 'decided', permission: 'reconsideration.handle',
      input: z.object({
        decision: z.enum(DECISION_OPTIONS, '请选择决定类型').meta({ title: '决定类型（第63–69条）' }),
        facts: text('认定的事实', 5000), reasoning: text('理由和适用的依据', 5000),
        // 第61条: the body's head approves, or a collective discussion decides.
        approval: text('审批情况（机关负责人同意或者集体讨论通过）', 200),
        performWithinDays: z.number().int().min(1).max(365).optional().meta({ title: '责令履行的期限（日）' }),
      }),
      guard: ({ input }) => (input.decision === decisionOption('orderPerform') && !input.performWithinDays ? '责令履行的，应当规定履行期限（第66条）' : null),
      clocks: [...beforeDecision, { op: 'stop', clock: 'decide' }],
    },
    mediate: {
      label: '调解结案（制作调解书）', from: ['underReview', 'suspended'], to: 'mediated', permission: 'reconsideration.handle',
      input: z.object({
        proposedBy: z.enum(['申请人', '被申请人', '行政复议机构'], '请选择由谁提出调解').meta({ title: '调解由谁提出' }),
        // 第73条: voluntary and lawful; the 调解书 signed by the parties takes effect.
        consent: text('各方自愿调解的意思表示（时间、方式）', 500),
        terms: text('调解协议内容', 3000),
      }),
      clocks: [...beforeDecision, { op: 'stop', clock: 'decide' }],
    },
    settle: {
      label: '和解后撤回申请', from: ['underReview', 'suspended'], to: 'terminated', permission: 'reconsideration.handle',
      input: z.object({ terms: text('和解内容', 3000) }),
      clocks: [...beforeDecision, { op: 'stop', clock: 'decide' }],
    },
    withdraw: {
      label: '撤回行政复议申请', from: ['received', 'correcting', 'underReview', 'suspended'], to: 'terminated', permission: 'reconsideration.withdraw', danger: true,
      confirm: '撤回后以同一事实和理由再次申请的，行政复议机关不予受理（第74条）。确定撤回？',
      input: z.object({ reason: text('撤回理由', 500) }),
    },
    terminate: {
      label: '终止行政复议', from: ['underReview', 'suspended'], to: 'terminated', permission: 'reconsideration.handle', danger: true,
      input: z.object({ ground: z.enum(TERMINATION_GROUNDS, '请选择终止的法定情形').meta({ title: '终止情形（第41条）' }), reason: text('说明') }),
    },
  },
});
