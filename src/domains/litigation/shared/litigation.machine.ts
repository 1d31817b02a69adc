/**
 * 行政应诉: the agency as defendant in an administrative suit (行政诉讼法, 2017修正). A suit is registered
 * when the court's copy of the complaint arrives; the agency answers with its evidence and the normative
 * documents it relied on within 15 days of receiving the copy (第67条; natural days, counted under
 * 民事诉讼法 第85条 through 第101条); hearings are recorded with who appeared for the agency (第3条: the
 * head shall appear, or send the staff who handled the matter; 法释〔2020〕3号 counts deputies as heads and
 * asks for written reasons when the head is absent); the court decides by judgment or ruling
 * (第69–78条), or the case ends by 调解 (第60条) or 撤诉 (第62条); a party may appeal within 15 days of a
 * judgment or 10 of a ruling (第85条), after which the decision takes effect; the second instance is
 * final (第89条) unless it sends the case back for retrial.
 */
import { z } from 'zod';
import { defineMachine, type GuardContext } from '../../../core/shared/machine';

/** 判决 (第69–78条): the kinds the statistics distinguish. */
export const JUDGMENT_OUTCOMES = ['驳回诉讼请求', '撤销', '履行', '给付', '确认违法', '确认无效', '变更', '行政协议责任'] as const;
export type JudgmentOutcome = (typeof JUDGMENT_OUTCOMES)[number];
/** 裁定: 驳回起诉 (最高法解释 第69条) and the rest. */
export const RULING_OUTCOMES = ['驳回起诉', '其他裁定'] as const;
/** 第89条: the second instance upholds, revises, or (with 上诉人撤回上诉) leaves the first decision in force. */
export const SECOND_OUTCOMES = ['驳回上诉，维持原判', '改判', '准予撤回上诉'] as const;
/** Every final outcome a closed suit carries (the 败诉 set is a setting drawn from these). */
export const FINAL_OUTCOMES = [...JUDGMENT_OUTCOMES, ...RULING_OUTCOMES, '调解', '撤诉'] as const;

/**
 * Who appeared for the agency at a hearing. 第3条¶3 and 法释〔2020〕3号 第2条: the head — the principal
 * head, or a deputy in charge of the matter — shall appear; otherwise the staff who exercise the power;
 * never a lawyer alone (最高法解释 第128条).
 */
export const APPEARANCES = ['主要负责人', '副职负责人', '仅工作人员', '无人出庭'] as const;
export type Appearance = (typeof APPEARANCES)[number];
export const HEAD_APPEARANCES: readonly Appearance[] = ['主要负责人', '副职负责人'];

const text = (title: string, max = 2000, min = 2) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const optText = (title: string, max = 200) => z.string().trim().max(max, `${title}不能超过${max}个字`).optional().meta({ title });
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });

export const HearingInput = z.object({
  heldOn: day('开庭日期'),
  appearance: z.enum(APPEARANCES, '请选择出庭情况').meta({ title: '行政机关出庭情况' }),
  headName: optText('出庭负责人姓名及职务', 60),
  staffNames: optText('出庭工作人员', 200),
  absenceReason: optText('负责人不能出庭的理由', 500),
  spoke: z.boolean().optional().meta({ title: '负责人就实质性解决争议发表意见' }),
});
export type HearingInput = z.infer<typeof HearingInput>;

/**
 * 第3条 and 法释〔2020〕3号 第9条: a head who appears is named; when no head appears the reason is stated
 * (in writing, sealed or signed by the principal head); 第11条 asks an appearing head to speak on
 * resolving the dispute, which is recorded, not required here.
 */
export function hearingProblem(input: Record<string, unknown>): string | null {
  const a = input.appearance as Appearance | undefined;
  if (a && HEAD_APPEARANCES.includes(a) && !String(input.headName ?? '').trim()) return '负责人出庭的，应当填写出庭负责人的姓名和职务（法释〔2020〕3号 第6条）';
  if ((a === '仅工作人员' || a === '无人出庭') && String(input.absenceReason ?? '').trim().length < 2) {
    return '负责人不能出庭的，应当说明理由（行政诉讼法 第3条；法释〔2020〕3号 第9条：加盖行政机关印章或者由主要负责人签字）';
  }
  if (a === '仅工作人员' && !String(input.staffNames ?? '').trim()) return '委托工作人员出庭的，应当填写出庭工作人员（行政诉讼法 第3条）';
  return null;
}
const hearingGuard = ({ input }: GuardContext) => hearingProblem(input);

const judgmentGuard = ({ input }: GuardContext) =>
  input.outcome === '改判' && !input.revisedOutcome ? '二审改判的，应当选择改判后的裁判结果（行政诉讼法 第89条）' : null;
// Preconditions read the case's data alone, so the case page does not offer what they would refuse.
const acceptedOnce = ({ data }: Pick<GuardContext, 'data'>) => (data.accepted ? '已记录本机关服判不上诉' : null);
const secondNoOnce = ({ data }: Pick<GuardContext, 'data'>) => (data.secondCaseNo ? `已登记二审案号${String(data.secondCaseNo)}` : null);
/** 第85条 runs from service: the 送达日期, which may precede the day the decision is registered. */
const servedOn = (what: string) => day(`${what}送达日期`).optional().meta({ title: `${what}送达日期（不填为登记当日）` });
const caseNo = (title: string) => z.string().trim().min(6, `请填写${title}，如（2027）豫12行终8号`).max(60, `${title}不能超过60个字`).meta({ title });
const secondCourt = optText('二审法院', 60);

const appealClocks = [{ op: 'stop', clock: 'appealJudgment' }, { op: 'stop', clock: 'appealRuling' }] as const;

/** What a suit keeps in `data`: the court's copy as registered, then the appeal facts. */
export const LitigationData = z.object({
  servedOn: z.iso.date(), // the day the agency received the 起诉状副本: the 15-day answer counts from it
  lagDays: z.number().int(), // days already gone between service and registration
  court: z.string(), // 受理法院
  courtCaseNo: z.string(), // 一审案号
  secondCaseNo: z.string().nullable(), // 二审案号 (cleared on 发回重审)
  accepted: z.boolean(), // the agency recorded 服判不上诉 (cleared on 发回重审)
});

export const litigationMachine = defineMachine({
  type: 'litigation',
  plural: 'litigations',
  label: '行政应诉',
  initial: 'registered',
  data: LitigationData,
  states: {
    registered: { label: '待答辩', color: 'processing' },
    answered: { label: '一审审理中', color: 'processing' },
    firstDecided: { label: '一审已裁判（上诉期内）', color: 'warning' },
    secondInstance: { label: '二审审理中', color: 'processing' },
    closed: { label: '已结案', color: 'success', terminal: true },
  },
  clocks: {
    // Started when the suit is registered; the 15 days count from the day the copy was received, which
    // may be a day or two before it is registered (data.lagDays: the days already gone).
    defence: {
      label: '答辩期限', unit: 'natural', primary: true, warnBefore: 3,
      limit: (d) => 15 - (typeof d.lagDays === 'number' ? d.lagDays : 0),
      legalBasis: (d) => `行政诉讼法 第67条：自收到起诉状副本之日${d.servedOn ? `（${String(d.servedOn)}）` : ''}起15日内提交答辩状和作出行政行为的证据、所依据的规范性文件`,
    },
    // 第85条: 15 days from service of a judgment, 10 from service of a ruling, counted from the 送达日期
    // the event records (asOfInput). Running out with no appeal recorded, the decision takes effect.
    appealJudgment: { label: '上诉期限（判决）', unit: 'natural', limit: 15, legalBasis: '行政诉讼法 第85条：不服判决的，自判决书送达之日起15日内上诉', onOverdue: 'lapse' },
    appealRuling: { label: '上诉期限（裁定）', unit: 'natural', limit: 10, legalBasis: '行政诉讼法 第85条：不服裁定的，自裁定书送达之日起10日内上诉', onOverdue: 'lapse' },
  },
  initialClocks: ['defence'],
  events: {
    answer: {
      label: '提交答辩状和证据', from: ['registered'], to: 'answered', permission: 'litigation.handle',
      input: z.object({
        evidence: text('证据和所依据的规范性文件'),
        defence: text('答辩要点', 2000),
        agents: optText('委托代理人（工作人员）', 200),
        counselId: z.uuid('请选择法律顾问').optional().meta({ title: '代理律师（法律顾问）' }),
      }),
      clocks: [{ op: 'stop', clock: 'defence' }],
    },
    hearFirst: { label: '记录开庭', from: ['answered'], to: 'answered', permission: 'litigation.handle', input: HearingInput, guard: hearingGuard },
    judgment: {
      label: '登记一审判决', from: ['answered'], to: 'firstDecided', permission: 'litigation.handle',
      input: z.object({ outcome: z.enum(JUDGMENT_OUTCOMES, '请选择判决结果').meta({ title: '判决结果' }), decidedOn: day('判决日期'), servedOn: servedOn('判决书'), summary: optText('裁判要旨', 1000) }),
      clocks: [{ op: 'start', clock: 'appealJudgment', asOfInput: 'servedOn' }],
    },
    ruling: {
      label: '登记一审裁定', from: ['answered'], to: 'firstDecided', permission: 'litigation.handle',
      input: z.object({ outcome: z.enum(RULING_OUTCOMES, '请选择裁定结果').meta({ title: '裁定结果' }), decidedOn: day('裁定日期'), servedOn: servedOn('裁定书'), summary: optText('裁判要旨', 1000) }),
      clocks: [{ op: 'start', clock: 'appealRuling', asOfInput: 'servedOn' }],
    },
    // 第60条: only 赔偿, 补偿 and discretionary acts may be mediated; the court decides that, not us.
    mediate: {
      label: '调解结案', from: ['answered', 'secondInstance'], to: 'closed', permission: 'litigation.handle',
      input: z.object({ decidedOn: day('调解书送达日期'), summary: text('调解协议内容', 1000) }),
    },
    // 第62条: a withdrawal (often after the agency changed its act) needs the court's leave.
    withdraw: {
      label: '原告撤诉', from: ['registered', 'answered'], to: 'closed', permission: 'litigation.handle',
      input: z.object({ decidedOn: day('准予撤诉裁定日期'), summary: text('撤诉原因', 500) }),
    },
    appeal: {
      label: '提起上诉', from: ['firstDecided'], to: 'secondInstance', permission: 'litigation.appeal',
      input: z.object({ reason: text('上诉理由', 2000), secondCourt, secondCaseNo: caseNo('二审案号').optional() }), clocks: appealClocks,
    },
    opponentAppeal: {
      label: '对方当事人上诉', from: ['firstDecided'], to: 'secondInstance', permission: 'litigation.handle',
      input: z.object({ appellant: text('上诉人', 100), reason: optText('上诉请求', 1000), secondCourt, secondCaseNo: caseNo('二审案号').optional() }), clocks: appealClocks,
    },
    acceptJudgment: {
      label: '服判不上诉', from: ['firstDecided'], to: 'firstDecided', permission: 'litigation.appeal', precondition: acceptedOnce,
      input: z.object({ reason: text('服判理由', 500) }),
      confirm: '记录本机关不上诉；对方当事人仍可在上诉期内上诉，期满未上诉的裁判自动生效',
    },
    lapse: { label: '上诉期满，裁判生效', from: ['firstDecided'], to: 'closed', permission: 'litigation.handle', system: true, clocks: appealClocks },
    // The appellate court numbers the case when it files the appeal, often after the appeal is recorded.
    registerSecondCaseNo: {
      label: '登记二审案号', from: ['secondInstance'], to: 'secondInstance', permission: 'litigation.handle', precondition: secondNoOnce,
      input: z.object({ secondCourt, secondCaseNo: caseNo('二审案号') }),
    },
    hearSecond: { label: '记录二审开庭', from: ['secondInstance'], to: 'secondInstance', permission: 'litigation.handle', input: HearingInput, guard: hearingGuard },
    secondJudgment: {
      label: '登记二审裁判', from: ['secondInstance'], to: 'closed', permission: 'litigation.handle', guard: judgmentGuard,
      input: z.object({
        outcome: z.enum(SECOND_OUTCOMES, '请选择二审裁判结果').meta({ title: '二审裁判结果' }),
        revisedOutcome: z.enum(JUDGMENT_OUTCOMES, '请选择改判结果').optional().meta({ title: '改判结果' }),
        decidedOn: day('裁判日期'), summary: optText('裁判要旨', 1000),
      }),
    },
    remand: {
      label: '发回重审', from: ['secondInstance'], to: 'answered', permission: 'litigation.handle',
      input: z.object({ decidedOn: day('裁定日期'), summary: text('发回重审理由', 500) }),
    },
  },
});

export const SuitInput = z.object({
  orgId: z.uuid('请选择被告行政机关').optional().meta({ title: '被告行政机关' }),
  court: text('受理法院', 60),
  courtCaseNo: z.string().trim().min(6, '请填写案号，如（2026）豫1202行初45号').max(60, '案号不能超过60个字').meta({ title: '案号' }),
  plaintiff: text('原告', 100),
  cause: text('案由', 40),
  claims: text('诉讼请求', 2000),
  servedOn: day('收到起诉状副本日期'),
  challengedAct: text('被诉行政行为', 500),
  challengedRef: z.string().trim().max(40).optional().meta({ title: '被诉行政行为的案件编号（本平台内）' }),
  reconsidered: z.boolean().default(false).meta({ title: '起诉前经过行政复议' }),
  reconsiderationRef: z.string().trim().max(40).optional().meta({ title: '行政复议案件编号（本平台内）' }),
});
export type SuitInput = z.input<typeof SuitInput>;
