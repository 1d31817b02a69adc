/**
 * 政府信息公开 (政府信息公开条例, 国务院令第711号, 2019修订). Proactive items must be published within 20
 * working days of forming (第26条). A request is received on the date 第31条 fixes for its channel; an
 * unclear request gets one 补正 notice within 7 working days, and the 20-working-day reply clock
 * restarts from receipt of the corrected request (第30条, 第33条); the disclosure office head may extend
 * by up to 20 working days (第33条); consulting a third party (15 working days, 第32条) or another agency
 * (第34条) is not counted. Reply types follow 第36–37条 in the rows of the national annual-report table
 * (国办公开办函〔2021〕30号), so the annual tables are a count of records.
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

export const PROACTIVE_CATEGORIES = ['规章和规范性文件', '政策解读', '机构职能', '规划计划', '财政预决算', '行政许可', '行政处罚', '行政事业性收费', '政府采购', '重点领域信息', '政务动态'] as const;

export const CHANNELS = { inPerson: '当面提交', post: '邮寄', online: '网络申请', fax: '传真', other: '其他' } as const;
export type Channel = keyof typeof CHANNELS;

export const APPLICANT_TYPES = { person: '自然人', business: '商业企业', research: '科研机构', charity: '社会公益组织', legal: '法律服务机构', otherOrg: '其他' } as const;
export type ApplicantType = keyof typeof APPLICANT_TYPES;

/** Outcome rows of the national table (三、收到和处理政府信息公开申请情况), each tied to its article. */
export const REPLY_TYPES = {
  disclose: { group: '予以公开', label: '予以公开', basis: '第36条（二）' },
  partial: { group: '部分公开', label: '部分公开（区分处理的，只计这一情形）', basis: '第37条' },
  refuseSecret: { group: '不予公开', label: '属于国家秘密', basis: '第14条' },
  refuseLaw: { group: '不予公开', label: '其他法律行政法规禁止公开', basis: '第14条' },
  refuseSafety: { group: '不予公开', label: '危及“三安全一稳定”', basis: '第14条' },
  refuseThirdParty: { group: '不予公开', label: '保护第三方合法权益', basis: '第15条' },
  refuseInternal: { group: '不予公开', label: '属于三类内部事务信息', basis: '第16条第一款' },
  refuseProcess: { group: '不予公开', label: '属于四类过程性信息', basis: '第16条第二款' },
  refuseCaseFile: { group: '不予公开', label: '属于行政执法案卷', basis: '第16条第二款' },
  refuseQuery: { group: '不予公开', label: '属于行政查询事项', basis: '第36条（七）' },
  unableNotHeld: { group: '无法提供', label: '本机关不掌握相关政府信息', basis: '第36条（四）（五）' },
  unableNeedsMaking: { group: '无法提供', label: '没有现成信息需要另行制作', basis: '第38条' },
  unableUnclear: { group: '无法提供', label: '补正后申请内容仍不明确', basis: '第30条' },
  noPetition: { group: '不予处理', label: '信访举报投诉类申请', basis: '第39条' },
  noRepeat: { group: '不予处理', label: '重复申请', basis: '第36条（六）' },
  noPublication: { group: '不予处理', label: '要求提供公开出版物', basis: '第39条' },
  noExcessive: { group: '不予处理', label: '无正当理由大量反复申请', basis: '第35条' },
  noConfirm: { group: '不予处理', label: '要求行政机关确认或重新出具已获取信息', basis: '第39条' },
  otherNoCorrection: { group: '其他处理', label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', basis: '第30条' },
  otherNoFee: { group: '其他处理', label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', basis: '国办函〔2020〕109号' },
  otherOther: { group: '其他处理', label: '其他', basis: '—' },
} as const;
export type ReplyType = keyof typeof REPLY_TYPES;
const REPLY_LABELS = Object.values(REPLY_TYPES).map((r) => `${r.group}：${r.label}`) as [string, ...string[]];
export const replyTypeByLabel = (label: string) => (Object.entries(REPLY_TYPES).find(([, r]) => `${r.group}：${r.label}` === label)?.[0] ?? null) as ReplyType | null;

const note = (title: string) => z.string().trim().min(2, `请填写${title}`).max(2000).meta({ title });
const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);

/** The facts a request keeps in `cases.data`. */
export const DisclosureRequestData = z.object({
  /** The reply period in working days (第33条; a setting, fixed when the request is received). */
  replyDays: z.number().int(),
  /** The applicant's period to correct an unclear request, in working days (第30条; a setting). */
  correctionDays: z.number().int(),
  /** How the request came in (第31条 fixes the date of receipt by channel). */
  channel: z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]]),
  /** The date of receipt (第31条), YYYY-MM-DD. */
  receivedOn: z.iso.date(),
  /** The request has been corrected once: a second 补正 notice is not allowed. */
  corrected: z.boolean(),
});

export const disclosureRequestMachine = defineMachine({
  type: 'disclosureRequest',
  plural: 'disclosure-requests',
  label: '政府信息公开申请',
  data: DisclosureRequestData,
  initial: 'received',
  states: {
    received: { label: '已收到待答复', color: 'processing' },
    correcting: { label: '待申请人补正', color: 'warning' },
    consulting: { label: '征求第三方意见中', color: 'warning' },
    replied: { label: '已答复', color: 'success', terminal: true },
    abandoned: { label: '视为放弃', color: 'default', terminal: true },
  },
  clocks: {
    reply: { label: '答复期限', unit: 'workday', limit: (d) => num(d, 'replyDays', 20), primary: true, warnBefore: 3, legalBasis: '政府信息公开条例 第33条' },
    correctionNotice: { label: '补正告知期限', unit: 'workday', limit: 7, legalBasis: '政府信息公开条例 第30条' },
    correction: { label: '申请人补正期限', unit: 'workday', limit: (d) => num(d, 'correctionDays', 15), legalBasis: '政府信息公开条例 第30条（合理的补正期限，可配置）', onOverdue: 'abandon' },
  },
  initialClocks: ['reply', 'correctionNotice'],
  events: {
    requestCorrection: {
      label: '一次性告知补正', from: ['received'], to: 'correcting', permission: 'disclosureRequest.handle',
      input: z.object({ missing: note('需补正的内容（一次性告知）') }),
      precondition: ({ data }) => (data.corrected ? '申请已补正过一次，补正后仍不明确的应按“无法提供”答复' : null),
      clocks: [{ op: 'stop', clock: 'correctionNotice' }, { op: 'pause', clock: 'reply', reason: '等待补正' }, { op: 'start', clock: 'correction' }],
    },
    correct: {
      label: '申请人已补正', from: ['correcting'], to: 'received', permission: 'disclosureRequest.correct',
      input: z.object({ content: note('补正后的申请内容') }),
      // 第30条: the reply period runs from receipt of the corrected request.
      clocks: [{ op: 'stop', clock: 'correction' }, { op: 'restart', clock: 'reply' }],
    },
    abandon: { label: '逾期未补正，视为放弃', from: ['correcting'], to: 'abandoned', permission: 'disclosureRequest.handle', system: true },
    consult: {
      label: '征求第三方意见', from: ['received'], to: 'consulting', permission: 'disclosureRequest.handle',
      input: z.object({ thirdParty: z.string().trim().min(2, '请填写第三方').max(100).meta({ title: '第三方' }) }),
      clocks: [{ op: 'pause', clock: 'reply', reason: '征求第三方意见（第32条，不计入答复期限）' }],
    },
    consulted: {
      label: '第三方意见已收到', from: ['consulting'], to: 'received', permission: 'disclosureRequest.handle',
      input: z.object({ opinion: note('第三方意见') }),
      clocks: [{ op: 'resume', clock: 'reply' }],
    },
    extend: {
      label: '延长答复期限', from: ['received'], to: 'received', permission: 'disclosureRequest.extend',
      input: z.object({ days: z.number().int().min(1, '至少延长1个工作日').max(20, '延长不得超过20个工作日').meta({ title: '延长工作日数' }), reason: note('延长理由（将告知申请人）') }),
      clocks: [{ op: 'extend', clock: 'reply', max: 1, refusal: '答复期限只能延长一次（政府信息公开条例 第33条）' }],
    },
    reply: {
      label: '答复', from: ['received', 'consulting'], to: 'replied', permission: 'disclosureRequest.handle',
      input: z.object({
        replyType: z.enum(REPLY_LABELS, '请选择答复类型').meta({ title: '答复类型（第36条）' }),
        content: note('答复书内容'),
        pages: z.number().int().min(0).max(100000).optional().meta({ title: '提供信息页数（按量计收时）' }),
      }),
      clocks: [{ op: 'stop', clock: 'correctionNotice' }],
    },
  },
});

export const DisclosureRequestInput = z.object({
  applicantType: z.enum(Object.keys(APPLICANT_TYPES) as [ApplicantType, ...ApplicantType[]], '请选择申请人类型').meta({ title: '申请人类型' }),
  applicantName: z.string().trim().min(1, '请填写申请人名称').max(60).meta({ title: '申请人' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '联系电话应为11位手机号码').meta({ title: '联系电话' }),
  channel: z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]], '请选择申请方式').meta({ title: '申请方式' }),
  /** 第31条: post signed for → the signing date; ordinary letter, internet, fax → the confirmation date. */
  receivedOn: z.iso.date('收到日期格式应为YYYY-MM-DD').optional().meta({ title: '收到日期（第31条）' }),
  orgId: z.uuid('请选择受理机关').meta({ title: '受理机关' }),
  content: z.string().trim().min(10, '请写明所需政府信息的名称、文号或便于查询的其他特征性描述（至少10个字）').max(3000).meta({ title: '所需政府信息的内容描述' }),
  purpose: z.string().trim().max(200).optional().meta({ title: '用途（选填）' }),
  feeMethod: z.enum(['byCount', 'byVolume']).optional().meta({ title: '信息处理费计收方式' }),
  idempotencyKey: z.string().max(64).optional(),
});
export type DisclosureRequestInputT = z.infer<typeof DisclosureRequestInput>;

export const ProactiveItemInput = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(120).meta({ title: '标题' }),
  category: z.enum(PROACTIVE_CATEGORIES, '请选择公开类别').meta({ title: '公开类别' }),
  docNo: z.string().trim().max(60).optional().meta({ title: '文号' }),
  formedOn: z.iso.date('形成日期格式应为YYYY-MM-DD').meta({ title: '信息形成（变更）日期' }),
  body: z.string().trim().min(10, '正文至少10个字').max(50000).meta({ title: '正文' }),
});

/**
 * 信息处理费 (国办函〔2020〕109号), free by default. 按件: same applicant in a calendar month, the first 10
 * free, 11–30 ¥100 each, then every further band of 10 ¥100 more each. 按量: the first 30 pages free,
 * 31–100 ¥10/page, 101–200 ¥20/page, 201+ ¥40/page. Progressive; one method per request.
 */
export function disclosureFee(method: 'byCount' | 'byVolume' | undefined, x: { nthThisMonth?: number; pages?: number }): number {
  if (method === 'byCount') {
    const n = x.nthThisMonth ?? 1;
    if (n <= 10) return 0;
    if (n <= 30) return 100;
    return 100 + 100 * Math.ceil((n - 30) / 10);
  }
  if (method === 'byVolume') {
    const p = x.pages ?? 0;
    const band = (from: number, to: number, rate: number) => Math.max(0, Math.min(p, to) - from) * rate;
    return band(30, 100, 10) + band(100, 200, 20) + band(200, Infinity, 40);
  }
  return 0;
}
