/**
 * 人民调解 of a dispute (人民调解法 2010). A dispute is registered by a village or township 人民调解委员会,
 * by the justice bureau, or from a 12345 ticket; the mediators hold sessions; the mediation ends in an
 * agreement (第28–31条; a written 调解协议书, 第29条), in no agreement — the mediators end it and tell the
 * parties the other routes, 仲裁, 行政 or 诉讼 (第26条) — or in withdrawal, a party refusing mediation
 * (第17条, 第23条). After an agreement both parties may apply to the court together for 司法确认 within
 * 30 days of the agreement taking effect (第33条); the court's answer is recorded. The 调委会 visits the
 * parties afterwards to check performance (第31条¶2: 调委会 shall supervise performance).
 *
 * Clock: 人民调解工作若干规定 (司法部 2002) 第33条 says a dispute is generally settled within one month
 * (the default, a setting); a dispute the court referred carries the court's limit instead
 * (人民法院在线调解规则 2021 第24条: 30 days before filing; after filing 15 days, 7 in simplified
 * procedure). The limit may be extended once with the parties' consent (宁波市人民调解条例 第27条, a
 * local rule; the national texts are silent).
 */
import { z } from 'zod';
import { defineMachine, type GuardContext } from '../../../core/shared/machine';

export const DISPUTE_TYPES = ['邻里纠纷', '婚姻家庭纠纷', '土地纠纷', '劳动纠纷', '物业纠纷', '损害赔偿纠纷', '合同纠纷', '征地拆迁纠纷', '其他纠纷'] as const;
export const SOURCES = ['村（居）调委会', '乡镇（街道）调委会', '司法局', '12345热线', '法院委派'] as const;
export type Source = (typeof SOURCES)[number];
/** 人民法院在线调解规则 第24条: the court-referral stages and their limits (days). */
export const COURT_STAGES = { preFiling: { label: '立案前委派调解', days: 30 }, filedOrdinary: { label: '立案后委托调解（普通程序）', days: 15 }, filedSimple: { label: '立案后委托调解（简易程序）', days: 7 } } as const;
export type CourtStage = keyof typeof COURT_STAGES;
/** 第26条: the routes the parties are told of when mediation fails. */
export const REFERRALS = ['诉讼', '仲裁', '行政'] as const;
export const PERFORMANCE = ['已履行', '部分履行', '未履行'] as const;
export const COURT_ANSWERS = ['确认有效', '驳回申请'] as const;

const text = (title: string, max = 2000, min = 2) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const optText = (title: string, max = 500) => z.string().trim().max(max, `${title}不能超过${max}个字`).optional().meta({ title });
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });

const confirmOnce = ({ data }: GuardContext) => (data.confirmApplied ? '本案已申请过司法确认' : null);

/** What a dispute keeps in `data`. */
export const MediationData = z.object({
  limitDays: z.number().int(), // days to mediate (30, or the court's limit for a 委派/委托 case)
  courtStage: z.enum(Object.keys(COURT_STAGES) as [keyof typeof COURT_STAGES, ...(keyof typeof COURT_STAGES)[]]), // a court-referred case's stage
  disputeType: z.string(), // 纠纷类型
  village: z.string(), // 发生地 (the village's name)
  confirmApplied: z.boolean(), // 司法确认 has been applied for (once only)
});

export const mediationMachine = defineMachine({
  type: 'mediation',
  plural: 'mediations',
  label: '矛盾纠纷调解',
  initial: 'registered',
  data: MediationData,
  states: {
    registered: { label: '已受理', color: 'processing' },
    mediating: { label: '调解中', color: 'processing' },
    agreed: { label: '已达成协议（待回访）', color: 'warning' },
    confirming: { label: '司法确认中', color: 'warning' },
    closed: { label: '调解成功已回访', color: 'success', terminal: true },
    failed: { label: '调解不成', color: 'error', terminal: true },
    withdrawn: { label: '当事人撤回', color: 'default', terminal: true },
  },
  clocks: {
    mediate: {
      label: '调解期限', unit: 'natural', primary: true, warnBefore: 3,
      limit: (d) => (typeof d.limitDays === 'number' ? d.limitDays : 30),
      legalBasis: (d) => (typeof d.courtStage === 'string' && d.courtStage in COURT_STAGES
        ? `人民法院在线调解规则 第24条：${COURT_STAGES[d.courtStage as CourtStage].label}期限${COURT_STAGES[d.courtStage as CourtStage].days}日`
        : '人民调解工作若干规定 第33条：人民调解委员会调解纠纷，一般在一个月内调结（期限为本地设置）'),
    },
    // 第33条: 自调解协议生效之日起三十日内共同向人民法院申请司法确认. Running out is no failure of the
    // mediators: the window closes (a system event) and the agreement stands on its own (第31条).
    confirmWindow: {
      label: '申请司法确认期限', unit: 'natural', limit: 30, warnBefore: 5, onOverdue: 'windowClosed',
      legalBasis: '人民调解法 第33条：双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认',
    },
  },
  initialClocks: ['mediate'],
  events: {
    session: {
      label: '记录调解', from: ['registered', 'mediating'], to: 'mediating', permission: 'mediation.handle',
      input: z.object({ heldOn: day('调解日期'), mediators: text('调解员', 100), place: optText('调解地点', 100), notes: text('调解情况', 2000) }),
    },
    extend: {
      label: '延长调解期限', from: ['mediating'], to: 'mediating', permission: 'mediation.handle',
      input: z.object({ days: z.coerce.number().int('请填写整日数').min(1, '至少延长1日').max(30, '最多延长30日').meta({ title: '延长日数' }), reason: text('延长理由（经双方当事人同意）', 500) }),
      clocks: [{ op: 'extend', clock: 'mediate', max: 1, refusal: '调解期限只能延长一次（宁波市人民调解条例 第27条，本地规定）' }],
    },
    agree: {
      label: '达成调解协议', from: ['mediating'], to: 'agreed', permission: 'mediation.handle',
      input: z.object({
        signedOn: day('协议签订日期'),
        facts: text('纠纷主要事实、争议事项及各方当事人的责任', 2000),
        terms: text('协议内容', 3000),
        performance: text('履行方式、期限', 500),
      }),
      clocks: [{ op: 'stop', clock: 'mediate' }, { op: 'start', clock: 'confirmWindow' }],
    },
    fail: {
      label: '调解不成', from: ['registered', 'mediating'], to: 'failed', permission: 'mediation.handle',
      input: z.object({ referral: z.enum(REFERRALS, '请选择告知当事人的途径').meta({ title: '告知当事人依法维护权利的途径' }), reason: text('终止调解的原因', 500) }),
      clocks: [{ op: 'stop', clock: 'mediate' }],
    },
    withdraw: {
      label: '当事人撤回', from: ['registered', 'mediating'], to: 'withdrawn', permission: 'mediation.handle',
      input: z.object({ reason: text('撤回或拒绝调解的情况', 500) }),
      clocks: [{ op: 'stop', clock: 'mediate' }],
    },
    applyConfirm: {
      label: '双方申请司法确认', from: ['agreed'], to: 'confirming', permission: 'mediation.handle', guard: confirmOnce,
      input: z.object({ court: text('受理法院', 60), appliedOn: day('申请日期') }),
      clocks: [{ op: 'stop', clock: 'confirmWindow' }],
    },
    courtAnswer: {
      label: '登记司法确认结果', from: ['confirming'], to: 'agreed', permission: 'mediation.handle',
      input: z.object({ answer: z.enum(COURT_ANSWERS, '请选择法院的决定').meta({ title: '法院决定' }), decidedOn: day('裁定日期'), rulingNo: optText('裁定书文号', 60) }),
    },
    windowClosed: { label: '司法确认申请期限届满', from: ['agreed'], to: 'agreed', permission: 'mediation.handle', system: true, clocks: [{ op: 'stop', clock: 'confirmWindow' }] },
    followUp: {
      label: '回访履行情况', from: ['agreed'], to: 'closed', permission: 'mediation.handle',
      input: z.object({ visitedOn: day('回访日期'), performance: z.enum(PERFORMANCE, '请选择履行情况').meta({ title: '协议履行情况' }), notes: optText('回访情况', 500) }),
      clocks: [{ op: 'stop', clock: 'confirmWindow' }],
    },
  },
});

export const PartyInput = z.object({
  name: text('当事人姓名（名称）', 60, 1),
  phone: z.string().trim().regex(/^1\d{10}$/, '请填写11位手机号').optional().meta({ title: '联系电话' }),
  address: optText('住址', 120),
});

export const DisputeInput = z.object({
  villageCode: z.string().trim().regex(/^\d{12}$/, '请选择纠纷发生的村（社区）').meta({ title: '纠纷发生地（村、社区）' }),
  type: z.enum(DISPUTE_TYPES, '请选择纠纷类型').meta({ title: '纠纷类型' }),
  source: z.enum(SOURCES, '请选择纠纷来源').meta({ title: '纠纷来源' }),
  summary: text('纠纷简要情况', 2000),
  applicants: z.array(PartyInput).min(1, '至少填写一方当事人').max(10).meta({ title: '申请人（一方当事人）' }),
  respondents: z.array(PartyInput).min(1, '至少填写另一方当事人').max(10).meta({ title: '对方当事人' }),
  mediators: text('调解员', 100),
  ticketRef: z.string().trim().max(40).optional().meta({ title: '12345工单编号' }),
  courtStage: z.enum(Object.keys(COURT_STAGES) as [CourtStage, ...CourtStage[]]).optional().meta({ title: '法院委派（委托）调解阶段' }),
});
export type DisputeInput = z.input<typeof DisputeInput>;
