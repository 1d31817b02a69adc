/** Zod shapes of enforcement's inputs (forms, OpenAPI and validation from one place). */
import { z } from 'zod';

const text = (title: string, max = 200, min = 2) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });

export const InspectionInput = z.object({
  orgId: z.uuid('请选择执法机关').optional().meta({ title: '执法机关' }),
  firmCode: z.string().trim().min(1, '请填写统一社会信用代码').max(24, '统一社会信用代码应为18位').meta({ title: '企业统一社会信用代码' }),
  firmName: text('企业名称', 100),
  kind: z.enum(['planned', 'complaint'], '请选择检查类型').meta({ title: '检查类型' }),
  planId: z.uuid('请选择检查计划').optional().meta({ title: '双随机检查计划' }),
  reason: z.string().trim().max(500, '检查事由不能超过500个字').optional().meta({ title: '个案检查事由（投诉举报、转办等）' }),
  purpose: text('检查事项', 300),
  officerIds: z.array(z.string().trim().min(1).max(64)).min(1, '请选择执法人员').max(10, '执法人员不能超过10人').meta({ title: '检查人员' }),
  visitOn: day('检查日期'),
  /** One per form on the page: a second submit of the same form (Enter, then the button) registers nothing twice. */
  idempotencyKey: z.string().trim().max(64).optional(),
});
export type InspectionInput = z.input<typeof InspectionInput>;

export const PlanInput = z.object({
  orgId: z.uuid('请选择执法机关').optional().meta({ title: '执法机关' }),
  year: z.number().int().min(2020, '年度不正确').max(2100, '年度不正确').meta({ title: '年度' }),
  planNo: text('计划编号', 40),
  name: text('计划名称', 100),
  kind: z.enum(['日常检查', '专项检查'], '请选择计划类型').meta({ title: '计划类型' }),
  cap: z.number().int().min(1, '频次上限至少为1').max(50, '频次上限不能超过50').optional().meta({ title: '对同一企业年度检查频次上限' }),
  firmCodes: z.array(z.string().trim().min(1).max(24)).max(2000).default([]).meta({ title: '随机抽取的检查对象（统一社会信用代码）' }),
  publishedOn: day('公布日期'),
});
export type PlanInput = z.input<typeof PlanInput>;

export const RatingInput = z.object({
  score: z.number().int().min(1, '请选择评价').max(5, '评价为1至5分').meta({ title: '评价' }),
  comment: z.string().trim().max(500, '意见不能超过500个字').optional().meta({ title: '意见建议' }),
});

export const ReviewerInput = z.object({
  userId: z.uuid('请选择工作人员').meta({ title: '工作人员' }),
  certificateNo: z.string().trim().min(6, '请填写法律职业资格证书编号').max(40, '证书编号不能超过40个字').meta({ title: '法律职业资格证书编号' }),
});
