/** The shapes of a 行政复议 application (第22条: written online, by letter or in person, or oral and recorded). */
import { z } from 'zod';
import { ACT_KINDS, APPLICANT_KINDS, CHANNELS, type ActKind, type ApplicantKind, type Channel } from './reconsideration.labels';

const keys = <T extends string>(o: Record<T, unknown>) => Object.keys(o) as [T, ...T[]];

export const ApplicationInput = z.object({
  applicantKind: z.enum(keys<ApplicantKind>(APPLICANT_KINDS), '请选择申请人类型').meta({ title: '申请人类型' }),
  applicantName: z.string().trim().min(1, '请填写申请人姓名或名称').max(100, '申请人不能超过100个字').meta({ title: '申请人' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '联系电话应为11位手机号码').meta({ title: '联系电话' }),
  address: z.string().trim().max(200, '地址不能超过200个字').optional().meta({ title: '送达地址' }),
  channel: z.enum(keys<Channel>(CHANNELS), '请选择申请方式').meta({ title: '申请方式（第22条）' }),
  /** 第22条: staff record the day a letter or a counter application reached the bureau. */
  receivedOn: z.iso.date('收到日期格式应为YYYY-MM-DD').optional().meta({ title: '收到申请日期' }),
  respondentOrgId: z.uuid('请选择被申请人').meta({ title: '被申请人（作出行政行为的行政机关）' }),
  /** The challenged act in zhengtong (a licence refusal, a disclosure reply, a penalty): its case number. */
  actRefNo: z.string().trim().max(40, '案件编号不能超过40个字').optional().meta({ title: '被申请的行政行为在本系统的办件编号' }),
  actDescription: z.string().trim().min(4, '请写明被申请的行政行为（名称、文号或内容）').max(1000).meta({ title: '被申请的行政行为' }),
  actKind: z.enum(keys<ActKind>(ACT_KINDS), '请选择行政行为的类别').meta({ title: '行政行为类别' }),
  amountYuan: z.number('涉及金额应为数字').int('涉及金额以元为单位').min(0, '涉及金额不能为负数').max(1e12).optional().meta({ title: '涉及金额（元）' }),
  /** 第20条: the 60 days run from the day the applicant knew (or should have known) of the act. */
  knewOn: z.iso.date('知道行政行为的日期格式应为YYYY-MM-DD').meta({ title: '知道该行政行为的日期' }),
  /** 第20条第三款: the agency did not tell of the right, the body or the period → up to one year. */
  rightNotStated: z.boolean().optional().meta({ title: '行政机关未告知申请行政复议的权利、机关和期限' }),
  partiesAgreeSimple: z.boolean().optional().meta({ title: '各方当事人同意适用简易程序' }),
  request: z.string().trim().min(4, '请写明行政复议请求').max(1000).meta({ title: '行政复议请求' }),
  factsAndReasons: z.string().trim().min(10, '请写明主要事实和理由（至少10个字）').max(5000).meta({ title: '主要事实和理由' }),
  idempotencyKey: z.string().max(64).optional(),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const TrackQuery = z.object({
  refNo: z.string().trim().min(5, '请填写案件编号').max(40),
  phone4: z.string().regex(/^\d{4}$/, '请填写联系电话后4位'),
});
