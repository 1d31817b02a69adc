/**
 * 12345 政务服务便民热线 工单 and 市长信箱 letters as machines (国办发〔2020〕53号《关于进一步优化地方政务服务
 * 便民热线的指导意见》; 《政务服务便民热线服务规范》GB/T 42313). The centre registers, answers or dispatches
 * (派单); the responsible org signs for the ticket (签收) or returns it within 24 hours (退单) with a
 * reason; it replies within the limit for the ticket's kind; the centre calls the caller back, who says
 * whether it was resolved and how satisfied they are — unresolved tickets go back to the org (重办).
 * Limits are local rules: defaults 咨询 1 working day, others 5 (+5 once with approval), 办不成事 2.
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

export const TICKET_KINDS = {
  consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬', other: '其他',
  cannotDo: '办不成事反映',
} as const;
export type TicketKind = keyof typeof TICKET_KINDS;
export const KIND_BY_LABEL = Object.fromEntries(Object.entries(TICKET_KINDS).map(([k, v]) => [v, k])) as Record<string, TicketKind>;

/** The dispatch catalog's categories (派单目录); each maps to an org per division in `dispatch_rules`. */
export const TICKET_CATEGORIES = ['市场监管', '劳动保障', '城市管理', '住房建设', '交通出行', '教育', '医疗卫生', '医疗保障', '民政救助', '公安治安', '不动产登记', '自然资源', '政务服务', '其他'] as const;

/** Open311 service codes of the categories (GeoReport v2 `service_code`), stable across deployments. */
export const OPEN311_CODES: Record<(typeof TICKET_CATEGORIES)[number], string> = {
  市场监管: 'market', 劳动保障: 'labour', 城市管理: 'city', 住房建设: 'housing', 交通出行: 'transport', 教育: 'education',
  医疗卫生: 'health', 医疗保障: 'medicare', 民政救助: 'welfare', 公安治安: 'police', 不动产登记: 'realestate', 自然资源: 'land',
  政务服务: 'govservice', 其他: 'other',
};

export const SATISFACTION = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
/** 满意率 counts 非常满意, 满意 and 基本满意, as the 好差评 system does (国办发〔2019〕51号). */
export const isSatisfied = (s: string) => SATISFACTION.indexOf(s as (typeof SATISFACTION)[number]) <= 2;

/** What a ticket case keeps in `data`: facts set at intake, then the last 派单, 退单, 督办 and 重办 notes. */
export const TicketData = z.object({
  kind: z.enum(Object.keys(TICKET_KINDS) as [TicketKind, ...TicketKind[]]), // 诉求类型
  kindLabel: z.string(), // its Chinese name, for lists
  category: z.string(), // 派单目录 category
  handleDays: z.number().int(), // working days to answer, by kind (a setting at intake)
  callbackDays: z.number().int(), // natural days to call back
  channel: z.enum(['phone', 'web', 'open311']), // how it came in
  consentToPublish: z.boolean(), // the caller agreed to publish the text and reply (always for Open311)
  dispatchedAt: z.string(), // ISO time of the last 派单: the 退单 window counts from it
  lastReturn: z.string(), // who returned it last, and why
  lastSupervision: z.string(), // the last 督办 note
  lastReopen: z.string(), // why the caller said it was not solved
});

/** What a 市长信箱 letter keeps in `data`. */
export const LetterData = z.object({
  replyDays: z.number().int(), // working days to reply (a setting at intake)
  consentToPublish: z.boolean(), // the writer agreed to publish the letter and reply
});

const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);
const note = (title: string, min = 2) => z.string().trim().min(min, `请填写${title}`).max(2000, `${title}不能超过2000字`).meta({ title });

export const ticketMachine = defineMachine({
  type: 'ticket',
  plural: 'tickets',
  label: '12345工单',
  initial: 'registered',
  data: TicketData,
  states: {
    registered: { label: '已登记待派单', color: 'processing' },
    dispatched: { label: '已派单待签收', color: 'processing' },
    returned: { label: '已退单待重派', color: 'warning' },
    handling: { label: '办理中', color: 'processing' },
    replied: { label: '已答复待回访', color: 'processing' },
    closed: { label: '已办结', color: 'success', terminal: true },
    merged: { label: '已并单', color: 'default', terminal: true },
  },
  clocks: {
    handle: {
      label: '办理时限', unit: 'workday', limit: (d) => num(d, 'handleDays', 5), primary: true, warnBefore: 1, onOverdue: 'overdueSupervise',
      legalBasis: (d) => `国办发〔2020〕53号；${String(d.kindLabel ?? '工单')}办理时限${num(d, 'handleDays', 5)}个工作日（地方规定，可配置）`,
    },
    callback: {
      label: '回访期限', unit: 'natural', limit: (d) => num(d, 'callbackDays', 7), onOverdue: 'autoClose',
      legalBasis: '答复后回访；逾期未回访视为办结（地方规定，可配置）',
    },
  },
  events: {
    dispatch: {
      label: '派单', from: ['registered', 'returned'], to: 'dispatched', permission: 'ticket.dispatch',
      input: z.object({
        orgName: z.string().trim().max(60).optional().meta({ title: '承办单位（留空按派单目录）' }),
        coOrgNames: z.string().trim().max(300).optional().meta({ title: '协办单位（多个用顿号分隔；留空按派单目录）' }),
      }),
      // Each 派单 gives the org the full limit: the clock restarts (a returned ticket's time does not count against the next org).
      clocks: [{ op: 'restart', clock: 'handle' }],
    },
    answer: {
      label: '直接答复办结', from: ['registered'], to: 'closed', permission: 'ticket.dispatch',
      input: z.object({ reply: note('答复内容') }),
      precondition: ({ data }) => (data.kind === 'consult' ? null : '只有咨询类工单可以由热线直接答复办结，其他工单应派单办理'),
    },
    merge: {
      label: '并单（重复诉求）', from: ['registered'], to: 'merged', permission: 'ticket.dispatch',
      input: z.object({ targetRefNo: z.string().trim().min(5, '请填写主工单编号').max(40).meta({ title: '并入的主工单编号' }) }),
    },
    accept: { label: '签收', from: ['dispatched'], to: 'handling', permission: 'ticket.handle' },
    return: {
      label: '退单', from: ['dispatched'], to: 'returned', permission: 'ticket.handle', danger: true,
      input: z.object({ reason: note('退单理由（不属于本单位职责的依据）', 4) }),
      clocks: [{ op: 'pause', clock: 'handle', reason: '退单重派' }],
    },
    supervise: {
      label: '督办', from: ['handling'], to: 'handling', permission: 'ticket.dispatch',
      input: z.object({ note: note('督办意见') }),
    },
    // 超期督办 (国办发〔2020〕53号 督办 in the closed loop): the clock scanner fires it the day after the limit.
    overdueSupervise: { label: '超期自动督办', from: ['handling'], to: 'handling', permission: 'ticket.dispatch', system: true },
    extend: {
      label: '延期办理', from: ['handling'], to: 'handling', permission: 'ticket.extend',
      input: z.object({ days: z.number().int().min(1).max(5).meta({ title: '延长工作日数' }), reason: note('延期理由') }),
      clocks: [{ op: 'extend', clock: 'handle', max: 1, refusal: '工单只能延期一次' }],
    },
    reply: {
      label: '答复', from: ['handling'], to: 'replied', permission: 'ticket.handle',
      input: z.object({ reply: note('答复内容（办理结果）') }),
      clocks: [{ op: 'stop', clock: 'handle' }, { op: 'restart', clock: 'callback' }],
    },
    // 回访 (北京市接诉即办工作条例 第23条): the caller says whether it was solved and how satisfied they are.
    // A caller who says "not solved" may still be closed here when the centre judges the reply final
    // (e.g. no legal basis for the request, explained); otherwise the centre uses 退回重办 below.
    confirm: {
      label: '回访办结', from: ['replied'], to: 'closed', permission: 'ticket.dispatch',
      input: z.object({
        reached: z.boolean().meta({ title: '是否联系上诉求人' }),
        resolved: z.boolean().optional().meta({ title: '诉求人认为已解决' }),
        satisfaction: z.enum(SATISFACTION, '请选择满意度').optional().meta({ title: '满意度' }),
        note: z.string().trim().max(500).optional().meta({ title: '回访记录' }),
      }),
      guard: ({ input }) => (input.reached && !input.satisfaction ? '联系上诉求人时请记录其满意度' : null),
      clocks: [{ op: 'stop', clock: 'callback' }],
    },
    // Reopen (DIGIT PGR REOPEN from RESOLVED): only while the reply awaits its callback, i.e. within the
    // callback window (HOTLINE_CALLBACK_DAYS); the org gets a fresh handling limit.
    reopen: {
      label: '回访：未解决，退回重办', from: ['replied'], to: 'handling', permission: 'ticket.dispatch',
      input: z.object({ note: note('诉求人反映的未解决情况') }),
      clocks: [{ op: 'stop', clock: 'callback' }, { op: 'restart', clock: 'handle' }],
    },
    autoClose: { label: '逾期未回访，视为办结', from: ['replied'], to: 'closed', permission: 'ticket.dispatch', system: true },
  },
});

export const letterMachine = defineMachine({
  type: 'letter',
  plural: 'letters',
  label: '市长信箱来信',
  initial: 'received',
  data: LetterData,
  states: {
    received: { label: '已收信待转办', color: 'processing' },
    assigned: { label: '已转办待答复', color: 'processing' },
    replied: { label: '已答复', color: 'success', terminal: true },
  },
  clocks: {
    reply: {
      label: '答复期限', unit: 'workday', limit: (d) => num(d, 'replyDays', 15), primary: true, warnBefore: 3,
      legalBasis: '市长信箱来信答复期限（地方规定，可配置）',
    },
  },
  initialClocks: ['reply'],
  events: {
    assign: {
      label: '转办', from: ['received'], to: 'assigned', permission: 'letter.assign',
      input: z.object({ orgName: z.string().trim().min(2, '请填写承办单位').max(60).meta({ title: '承办单位' }) }),
    },
    sendBack: {
      label: '退回（非本单位职责）', from: ['assigned'], to: 'received', permission: 'letter.reply',
      input: z.object({ reason: note('退回理由') }),
    },
    reply: {
      label: '答复', from: ['assigned', 'received'], to: 'replied', permission: 'letter.reply',
      input: z.object({
        reply: note('答复内容'),
        publish: z.boolean().optional().meta({ title: '来信人同意时公开来信和答复' }),
      }),
      // Publication needs the writer's consent given with the letter (个人信息保护法 第13条, 第23条).
      guard: ({ data, input }) => (input.publish && !data.consentToPublish ? '来信人未同意公开，来信和答复不能公开' : null),
    },
  },
});

const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话应为11位手机号或带区号的固定电话');

/** 工单登记 (one shape for the operator, the web page and Open311, which maps onto it). */
export const TicketInput = z.object({
  kind: z.enum(Object.keys(TICKET_KINDS) as [TicketKind, ...TicketKind[]], '请选择诉求类型').meta({ title: '诉求类型' }),
  category: z.enum(TICKET_CATEGORIES, '请选择诉求分类').meta({ title: '诉求分类' }),
  title: z.string().trim().min(4, '标题至少4个字').max(60, '标题不能超过60字').meta({ title: '标题' }),
  description: z.string().trim().min(10, '诉求内容至少10个字，请说清时间、地点和事情').max(3000, '诉求内容不能超过3000字').meta({ title: '诉求内容' }),
  callerName: z.string().trim().min(1, '请填写诉求人姓名').max(30).meta({ title: '诉求人' }),
  callerPhone: phone.meta({ title: '联系电话' }),
  address: z.string().trim().max(200).optional().meta({ title: '事发地址' }),
  divisionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区划代码格式不正确').optional().meta({ title: '事发乡镇（街道）' }),
  lat: z.number().min(-90).max(90).optional(),
  long: z.number().min(-180).max(180).optional(),
  anonymousToOrg: z.boolean().optional().meta({ title: '对承办单位隐去诉求人信息' }),
  /**
   * 同意公开: only then do the ticket's text, exact place and reply appear on public pages and Open311
   * (个人信息保护法 第13条, 第23条); without it only category, township and status are published.
   */
  consentToPublish: z.boolean().optional().meta({ title: '同意公开本工单及办理结果（不公开个人信息）' }),
  idempotencyKey: z.string().max(64).optional(),
});
export type TicketInputT = z.infer<typeof TicketInput>;

/** One 派单目录 line: a category in a division (prefix) → the lead org and its co-handlers. */
export const CatalogRule = z.object({
  category: z.enum(TICKET_CATEGORIES, '请选择诉求分类').meta({ title: '诉求分类' }),
  divisionPrefix: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区划代码格式不正确').meta({ title: '适用区划' }),
  orgName: z.string().trim().min(2, '请填写承办单位').max(60).meta({ title: '承办单位' }),
  coOrgNames: z.array(z.string().trim().min(2).max(60)).max(10, '协办单位最多10个').default([]).meta({ title: '协办单位' }),
});
export type CatalogRuleT = z.infer<typeof CatalogRule>;

/** The caller's own rating of a replied ticket, on the public tracking page. */
export const CallerFeedback = z.object({
  refNo: z.string().trim().min(5, '请填写工单编号').max(40).meta({ title: '工单编号' }),
  phone4: z.string().regex(/^\d{4}$/, '请填写联系电话后4位').meta({ title: '联系电话后4位' }),
  resolved: z.boolean('请选择问题是否已解决').meta({ title: '问题是否已解决' }),
  satisfaction: z.enum(SATISFACTION, '请选择满意度').meta({ title: '满意度' }),
  note: z.string().trim().max(500, '意见不能超过500字').optional().meta({ title: '意见' }),
});
export type CallerFeedbackT = z.infer<typeof CallerFeedback>;

export const LetterInput = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(60, '标题不能超过60字').meta({ title: '标题' }),
  content: z.string().trim().min(10, '来信内容至少10个字').max(5000, '来信内容不能超过5000字').meta({ title: '来信内容' }),
  writerName: z.string().trim().min(1, '请填写姓名').max(30).meta({ title: '姓名' }),
  writerPhone: phone.meta({ title: '联系电话' }),
  consentToPublish: z.boolean().optional().meta({ title: '同意公开来信和答复（隐去个人信息）' }),
  idempotencyKey: z.string().max(64).optional(),
});
export type LetterInputT = z.infer<typeof LetterInput>;

/**
 * Matters the hotline does not take (国办发〔2020〕53号: 涉及诉讼、仲裁、纪检监察、行政复议、政府信息公开、
 * 信访等已有法定途径的事项，按法定途径办理): the caller is told the right channel instead.
 */
// `where` is the site's division name (湖滨区), so the channel names the caller's own bodies; it is
// passed in because this module is shared and cannot read the server's setting.
export const EXCLUDED_MATTERS: { pattern: RegExp; channel: (where: string) => string }[] = [
  { pattern: /行政复议/, channel: (where) => `请依法向有管辖权的行政复议机关（${where}人民政府行政复议办公室，设在司法局）申请行政复议` },
  // Not "立案": a 举报 asking a regulator to 立案查处 is exactly what the hotline dispatches.
  { pattern: /(起诉|诉讼|打官司)/, channel: () => '属于诉讼事项，请依法向人民法院提起诉讼' },
  { pattern: /仲裁/, channel: () => '属于仲裁事项，请向劳动人事争议仲裁委员会或仲裁机构申请仲裁' },
  { pattern: /(信息公开申请|依申请公开|申请公开.*信息)/, channel: (where) => `请通过政府信息公开申请渠道（${where}人民政府门户网站“依申请公开”栏目）提出申请` },
  { pattern: /(信访|上访)/, channel: (where) => `属于信访事项，请向${where}信访局反映` },
  { pattern: /(纪检|监察|举报.*(干部|官员).*(贪污|受贿))/, channel: (where) => `属于纪检监察事项，请向${where}纪委监委反映` },
];
export function excludedChannel(text: string, where = '当地'): string | null {
  return EXCLUDED_MATTERS.find((m) => m.pattern.test(text))?.channel(where) ?? null;
}
