/**
 * 差评整改 (国办发〔2019〕51号: every 差评 is checked, rectified or explained, and answered; mistaken or
 * malicious ones go to 申诉复核). Contact a real-name rater within 1 working day (安阳市政务服务条例 第52条,
 * a local rule) and rectify within 15 working days (a local rule): both configurable, both cited.
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);
const Text = (title: string) => z.object({ note: z.string().trim().min(2, `请填写${title}`).max(1000).meta({ title }) });

export const RATING_LEVELS = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const;
export const isBad = (level: number) => level <= 2;

/** What a 差评整改 case keeps in `data`: the rating it answers (or the callback that heard it) and its limits. */
export const ComplaintFixData = z.object({
  ratingId: z.string(), // the rating (absent for a callback's follow-up)
  level: z.number().int(), // its level, 1–5
  realName: z.boolean(), // the rater can be called back
  channel: z.string(), // the rating's channel (counter, online, qr, sms …) or 'callback'
  source: z.string(), // a callback's follow-up: what was called back
  sourceRef: z.string(), // and its case number
  contactDays: z.number().int(), // working days to call the rater (local, a setting)
  fixDays: z.number().int(), // working days to rectify (local, a setting)
});

export const complaintFixMachine = defineMachine({
  type: 'complaintFix',
  plural: 'complaint-fixes',
  label: '差评整改',
  initial: 'verifying',
  data: ComplaintFixData,
  states: {
    verifying: { label: '待核实回访', color: 'warning' },
    rectifying: { label: '整改中', color: 'processing' },
    appealed: { label: '申诉复核中', color: 'warning' },
    reviewing: { label: '待验收', color: 'processing' },
    closed: { label: '已整改反馈', color: 'success', terminal: true },
    voided: { label: '复核不计入', color: 'default', terminal: true },
  },
  clocks: {
    contact: { label: '核实回访期限', unit: 'workday', limit: (d) => num(d, 'contactDays', 1), legalBasis: '安阳市政务服务条例 第52条（地方规定，可配置）' },
    rectify: { label: '整改期限', unit: 'workday', limit: (d) => num(d, 'fixDays', 15), legalBasis: '国办发〔2019〕51号；整改时限依地方规定（可配置）', primary: true, warnBefore: 3 },
  },
  initialClocks: ['contact', 'rectify'],
  events: {
    contact: { label: '核实回访', from: ['verifying'], to: 'rectifying', permission: 'complaintFix.handle', input: Text('回访核实情况'), clocks: [{ op: 'stop', clock: 'contact' }] },
    // The rated unit reports its rectification; it is closed only on the check the rules require, by the
    // 政务服务 administration (国办发〔2019〕51号: 整改情况 verified, not self-certified) — never by the unit itself.
    rectify: { label: '整改完成并反馈评价人', from: ['rectifying'], to: 'reviewing', permission: 'complaintFix.handle', input: Text('整改措施和反馈内容') },
    explain: { label: '解释说明并反馈（无法律依据支持诉求）', from: ['rectifying'], to: 'reviewing', permission: 'complaintFix.handle', input: Text('解释说明') },
    acceptFix: { label: '验收通过（办结）', from: ['reviewing'], to: 'closed', permission: 'complaintFix.review', input: Text('验收意见（已向评价人核实整改情况）') },
    returnFix: { label: '验收不通过，退回整改', from: ['reviewing'], to: 'rectifying', permission: 'complaintFix.review', input: Text('退回理由') },
    appeal: { label: '申诉复核', from: ['verifying', 'rectifying'], to: 'appealed', permission: 'complaintFix.handle', input: Text('申诉理由（误评、恶意差评）'), clocks: [{ op: 'pause', clock: 'rectify', reason: '申诉复核' }] },
    upholdAppeal: { label: '申诉成立，不计入差评', from: ['appealed'], to: 'voided', permission: 'complaintFix.review', input: Text('复核意见') },
    rejectAppeal: { label: '申诉不成立，继续整改', from: ['appealed'], to: 'rectifying', permission: 'complaintFix.review', input: Text('复核意见'), clocks: [{ op: 'resume', clock: 'rectify' }] },
  },
});

const Level = (title: string) => z.number({ error: `请选择${title}` }).int(`${title}应为1至5`).min(1, `请选择${title}`).max(5, `${title}应为1至5`).meta({ title });

export const RatingInput = z.object({
  level: Level('评价等级'),
  /** Sub-indicator → level (shared/ratings.indicators.ts); which keys apply depends on the channel. */
  scores: z.record(z.string().max(40), Level('分项评价')).optional().meta({ title: '分项评价' }),
  comment: z.string().trim().max(500, '评价内容不能超过500字').optional().meta({ title: '评价内容' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').optional().meta({ title: '联系电话（实名评价，便于回访）' }),
});
/** 扫码评价 of a counter (or of a site or staff member: their own QR codes). */
export const CounterRatingInput = RatingInput.extend({ counterId: z.uuid().meta({ title: '窗口' }) });
export const TargetRatingInput = RatingInput.extend({ kind: z.enum(['site', 'counter', 'staff']).meta({ title: '评价对象' }), id: z.uuid().meta({ title: '评价对象' }) });
export const CaseRatingInput = RatingInput.extend({ caseId: z.uuid().meta({ title: '办件' }) });
/** 一次一评 on the counter's evaluator, right after the clerk served the person (optionally for a case). */
export const EvaluatorRatingInput = RatingInput.omit({ phone: true }).extend({ counterId: z.uuid().meta({ title: '窗口' }), caseId: z.uuid().optional().meta({ title: '办件' }) });
/** A rating taken by a 12345 operator on the phone, for a case the caller names by its number. */
export const HotlineRatingInput = RatingInput.extend({ refNo: z.string().trim().min(4, '请填写办件编号').max(40).meta({ title: '办件编号' }) });
