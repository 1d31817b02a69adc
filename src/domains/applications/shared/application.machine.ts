/**
 * 办件 under 行政许可法 (the agency's limits are working days, 第82条):
 * - acceptance within 5 working days, or it counts as accepted from receipt (第32条); 补正 is told in
 *   one go (一次告知, 第32条(四)) and pauses the acceptance clock until the applicant corrects;
 * - decision within the item's legal limit (20 working days unless a law says otherwise), extendable
 *   once by 10 days with the head's approval (第42条), plus the county's promised limit (承诺时限);
 * - hearing, testing, inspection, appraisal and expert review time is excluded (第45条);
 * - the licence or result is delivered within 10 working days of the decision (第44条).
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';
import { ITEM_TYPES } from '../../catalog/public-shared';

const Reason = (title: string) => z.object({ reason: z.string().trim().min(2, `请填写${title}`).max(500).meta({ title }) });
const num = (d: Record<string, unknown>, k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);

/**
 * The basis of the 5-working-day acceptance review. 行政许可法 第32条 governs 行政许可 only; for the other
 * types (行政给付, 公共服务, 行政确认 …) no statute fixes an acceptance period, so the clock is the county's
 * own service rule and says so (local; not confirmed in any statute).
 */
export const acceptanceBasis = (itemType: unknown) =>
  !itemType || itemType === '行政许可' ? '行政许可法 第32条' : `本级政务服务受理规定（${String(itemType)}事项，非法定期限）`;

/**
 * How many days the item's own basis lets its limit be extended, and why: a guide that states it
 * (“可延长5个工作日”, “可延长不超过30日”, “可延长至30日”) decides; else a 行政许可 may be extended by 10 days
 * (行政许可法 第42条); other types have no statutory extension unless their basis says so (0).
 */
export function extensionAllowance(basis: unknown, itemType: unknown, legalLimit: unknown): { days: number; basis: string } {
  const text = typeof basis === 'string' ? basis : '';
  const by = text.match(/可延长(?:不超过)?(\d+)个?(?:工作日|日|天)/);
  if (by) return { days: Number(by[1]), basis: text.slice(0, 120) };
  const to = text.match(/延长至(\d+)个?(?:工作日|日|天)/);
  if (to && typeof legalLimit === 'number' && Number(to[1]) > legalLimit) return { days: Number(to[1]) - legalLimit, basis: text.slice(0, 120) };
  if (!itemType || itemType === '行政许可') return { days: 10, basis: '行政许可法 第42条' };
  return { days: 0, basis: '' };
}
const allowanceOf = (d: Record<string, unknown>) => extensionAllowance(d.limitBasis ?? d.legalBasis, d.itemType, d.legalLimit);

/** A 补正 request's lines: materials ticked from the guide's checklist, plus free text. */
export const CorrectionRequest = z.object({
  materials: z.array(z.string().trim().min(1).max(200)).max(60).default([]).meta({ title: '需补正的材料（按办事指南材料清单勾选）' }),
  missing: z.string().trim().max(1000).optional().meta({ title: '其他需补正的内容（一次告知）' }),
});
/** What the applicant (online) or the counter clerk (papers brought in) hands in against each line. */
export const CorrectionSubmission = z.object({
  items: z.array(z.object({
    name: z.string().trim().min(1).max(200).meta({ title: '材料名称' }),
    fileId: z.uuid().nullable().optional().meta({ title: '已上传的文件' }),
    paper: z.boolean().optional().meta({ title: '窗口收取纸质材料' }),
  })).max(60).default([]).meta({ title: '补正材料' }),
  /** At the counter: the lines of the notice answered on paper, ticked by the clerk. */
  paper: z.array(z.string().trim().min(1).max(200)).max(60).optional().meta({ title: '已收取的纸质补正材料（按补正告知勾选）' }),
  comment: z.string().trim().max(500).optional().meta({ title: '说明' }),
});

export const SPECIAL_PROCEDURES = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'] as const;
export const DELIVERY_METHODS = ['窗口领取', '双向邮寄', '电子证照'] as const;

/** The facts an application keeps in `cases.data`: copied from the item's published guide when it is filed. */
export const ApplicationData = z.object({
  /** The catalog item (事项) applied for. */
  itemId: z.uuid(),
  /** The guide version filed under: its limits and materials never change for this case. */
  itemVersionId: z.uuid(),
  /** The item's type (事项类型): 行政许可 is governed by 行政许可法, the others by local rules. */
  itemType: z.enum(ITEM_TYPES),
  /** The legal limit (法定办理时限) in legalLimitUnit; null when no law fixes one (the clock takes 20). */
  legalLimit: z.number().int().nullable(),
  /** The legal limit's unit as the catalog projects it: 工作日, or 日 (natural days). */
  legalLimitUnit: z.enum(['工作日', '日']).nullable(),
  /** The basis the legal clock cites (the limit's own basis, else the item's 设定依据). */
  legalBasis: z.string().nullable(),
  /** The guide's text on the limit's basis, which may allow an extension (可延长…). */
  limitBasis: z.string().nullable(),
  /** The county's promised limit (承诺时限) in working days; null when none is promised. */
  promisedLimit: z.number().int().nullable(),
  /** How it was filed: online by the applicant, or at a counter. */
  channel: z.enum(['online', 'counter']),
  /** The licence this application renews (无感续证), set by the licences domain. */
  renewsLicenceId: z.uuid(),
});

export const applicationMachine = defineMachine({
  type: 'application',
  plural: 'applications',
  label: '办件',
  data: ApplicationData,
  initial: 'submitted',
  states: {
    submitted: { label: '待受理', color: 'processing' },
    correcting: { label: '补正中', color: 'warning' },
    accepted: { label: '审查中', color: 'processing' },
    suspended: { label: '特别程序中', color: 'warning' },
    approved: { label: '待送达', color: 'processing' },
    delivered: { label: '已办结', color: 'success', terminal: true },
    denied: { label: '不予许可', color: 'error', terminal: true },
    rejected: { label: '不予受理', color: 'error', terminal: true },
    withdrawn: { label: '已撤回', color: 'default', terminal: true },
  },
  clocks: {
    acceptance: { label: '受理期限', unit: 'workday', limit: 5, legalBasis: (d) => acceptanceBasis(d.itemType), onOverdue: 'deemAccept' },
    legal: {
      label: '法定办理时限', primary: true, warnBefore: 3,
      unit: (d) => (d.legalLimitUnit === '日' ? 'natural' : 'workday'),
      limit: (d) => num(d, 'legalLimit') ?? 20,
      legalBasis: (d) => (typeof d.legalBasis === 'string' && d.legalBasis ? String(d.legalBasis).slice(0, 120) : '行政许可法 第42条'),
    },
    promised: { label: '承诺办理时限', unit: 'workday', limit: (d) => num(d, 'promisedLimit'), legalBasis: '本级政务服务事项承诺时限', warnBefore: 1 },
    delivery: { label: '送达期限', unit: 'workday', limit: 10, legalBasis: '行政许可法 第44条' },
  },
  initialClocks: ['acceptance'],
  events: {
    accept: { label: '受理', from: ['submitted'], to: 'accepted', permission: 'application.accept', clocks: [{ op: 'stop', clock: 'acceptance' }, { op: 'start', clock: 'legal' }, { op: 'start', clock: 'promised' }] },
    deemAccept: { label: '视为受理', from: ['submitted'], to: 'accepted', permission: 'application.accept', system: true, clocks: [{ op: 'stop', clock: 'acceptance' }, { op: 'start', clock: 'legal' }, { op: 'start', clock: 'promised' }] },
    requestCorrection: {
      label: '一次性告知补正', from: ['submitted'], to: 'correcting', permission: 'application.accept',
      input: CorrectionRequest,
      // 行政许可法 第32条(四): everything to be corrected is told at once.
      guard: ({ input }) => ((input.materials as string[] | undefined)?.length || String(input.missing ?? '').trim().length >= 2 ? null : '请勾选或填写需补正的全部材料（一次告知）'),
      clocks: [{ op: 'pause', clock: 'acceptance', reason: '补正' }],
    },
    correct: {
      label: '提交补正材料', from: ['correcting'], to: 'submitted', permission: 'application.correct', input: CorrectionSubmission,
      clocks: [{ op: 'resume', clock: 'acceptance' }],
    },
    reject: { label: '不予受理', from: ['submitted'], to: 'rejected', permission: 'application.accept', input: Reason('不予受理理由（并告知向有关行政机关申请）'), danger: true },
    suspend: {
      label: '启动特别程序', from: ['accepted'], to: 'suspended', permission: 'application.review',
      input: z.object({ procedure: z.enum(SPECIAL_PROCEDURES).meta({ title: '特别程序' }), days: z.number().int().min(1).max(365).meta({ title: '预计所需天数（书面告知申请人）' }) }),
      clocks: [{ op: 'pause', clock: 'legal', reason: '特别程序' }, { op: 'pause', clock: 'promised', reason: '特别程序' }],
    },
    resume: { label: '特别程序结束', from: ['suspended'], to: 'accepted', permission: 'application.review', clocks: [{ op: 'resume', clock: 'legal' }, { op: 'resume', clock: 'promised' }] },
    extend: {
      label: '延长办理期限', from: ['accepted'], to: 'accepted', permission: 'application.extend',
      input: z.object({ days: z.number().int().min(1, '延长天数至少为1').max(365).meta({ title: '延长天数（不超过本事项依据允许的天数）' }), reason: z.string().trim().min(2, '请填写延长理由').max(300).meta({ title: '延长理由（须告知申请人）' }) }),
      // Needs no input: an item whose basis allows no extension is never offered one.
      precondition: ({ data }) => (allowanceOf(data).days > 0 ? null : '本事项的办理时限依据未规定可以延长'),
      guard: ({ data, input }) => {
        const a = allowanceOf(data);
        return typeof input.days === 'number' && input.days > a.days ? `延长天数超过本事项依据允许的${a.days}天（${a.basis}），请改为不超过${a.days}天` : null;
      },
      clocks: [{ op: 'extend', clock: 'legal', max: 1, refusal: '办理期限只能延长一次（行政许可法 第42条）' }],
    },
    approve: { label: '准予许可（办结）', from: ['accepted'], to: 'approved', permission: 'application.review', clocks: [{ op: 'stop', clock: 'legal' }, { op: 'stop', clock: 'promised' }, { op: 'start', clock: 'delivery' }] },
    deny: { label: '不予许可', from: ['accepted'], to: 'denied', permission: 'application.review', input: Reason('不予许可理由（并告知复议、诉讼权利）'), danger: true },
    deliver: {
      label: '送达', from: ['approved'], to: 'delivered', permission: 'application.deliver',
      input: z.object({ method: z.enum(DELIVERY_METHODS).meta({ title: '送达方式' }) }),
    },
    withdraw: { label: '撤回申请', from: ['submitted', 'correcting', 'accepted'], to: 'withdrawn', permission: 'application.withdraw', danger: true, confirm: '撤回后本申请终止，确认撤回？' },
  },
});
