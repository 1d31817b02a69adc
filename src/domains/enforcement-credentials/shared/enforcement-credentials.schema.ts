/** Shapes of the credential register (input with 中文 titles; outputs for the typed client). */
import { z } from 'zod';
import { CREDENTIAL_KINDS, EMPLOYMENTS, TRAINING_TYPES } from './enforcement-credentials.labels';

const text = (title: string, max: number, min = 1) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });

export const HolderInput = z.object({
  name: text('姓名', 30, 2),
  gender: z.enum(['男', '女'], '请选择性别').optional().meta({ title: '性别' }),
  idNumber: z.string().trim().max(18, '身份证号码不能超过18位').optional().meta({ title: '公民身份号码' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').optional().meta({ title: '手机号码' }),
  orgId: z.uuid('请选择所在单位').meta({ title: '所在单位' }),
  post: text('职务（岗位）', 60),
  employment: z.enum(EMPLOYMENTS, '请选择人员身份').meta({ title: '人员身份' }),
  scope: text('执法范围（本单位权责清单中的职权）', 500, 2),
  staffUserId: z.uuid('系统账号格式不正确').optional().meta({ title: '关联系统账号' }),
});
export type HolderInput = z.infer<typeof HolderInput>;

export const ExamInput = z.object({
  subject: z.enum(['public', 'professional'], '请选择考试科目').meta({ title: '考试科目' }),
  score: z.coerce.number().int('分数应为整数').min(0, '分数不能小于0').max(100, '分数不能大于100').meta({ title: '成绩' }),
  takenOn: day('考试日期'),
});

export const ApplyInput = z.object({
  holderId: z.uuid('请选择执法人员').meta({ title: '执法人员' }),
  kind: z.enum(CREDENTIAL_KINDS, '请选择证件种类').meta({ title: '证件种类' }),
  scope: z.string().trim().max(500, '执法范围不能超过500个字').optional().meta({ title: '执法范围（不填则取人员登记的范围）' }),
});

export const ReasonInput = z.object({ reason: text('理由', 300, 2) });
export const LeaveInput = z.object({ reason: text('离岗原因（调离、退休、辞职等）', 300, 2), leftOn: day('离岗日期') });
export const ReviewInput = z.object({ year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').meta({ title: '年审年度' }) });

export const SessionInput = z.object({
  title: text('培训名称', 100, 2),
  type: z.enum(TRAINING_TYPES, '请选择培训类别').meta({ title: '培训类别' }),
  heldOn: day('培训日期'),
  hours: z.coerce.number().positive('学时应大于0').max(100, '单次培训学时不能超过100').meta({ title: '学时' }),
  holderIds: z.array(z.uuid('执法人员格式不正确')).min(1, '请选择参训人员').max(2000, '一次最多登记2000人').meta({ title: '参训人员' }),
});

export const StatusListInput = z.object({
  refs: z.array(z.string().trim().min(1).max(64)).min(1, '请提供证号或核验码').max(500, '一次最多核验500张证件').meta({ title: '证号或核验码' }),
  on: day('核验日期').optional(),
});

const s = z.string();
const n = s.nullable();
export const CardView = z.object({
  id: s, number: s, kind: s, kindName: s, scope: s, issuedOn: s, validTo: s, status: s, statusName: s, statusReason: n, cancelledOn: n,
  verifyPath: s, verifyUrl: s, qrPath: s, caseId: n,
});
export const HolderSummary = z.object({
  id: s, name: s, orgId: s, orgName: s, post: s, employment: s, employmentName: s, status: s, scope: s, idTail: n,
  cards: z.array(z.object({ number: s, kindName: s, statusName: s, validTo: s })),
});
export const HolderDetail = HolderSummary.extend({
  gender: n, leftOn: n, leftReason: n, staffUserId: n,
  cards: z.array(CardView),
  exams: z.array(z.object({ id: s, subject: s, subjectName: s, score: z.number(), passed: z.boolean(), takenOn: s })),
  reviews: z.array(z.object({ id: s, year: z.number(), hours: z.number(), requiredHours: z.number(), examPassed: z.boolean(), passed: z.boolean(), reason: n, reviewedOn: s, reviewerName: s, number: s })),
  trainings: z.array(z.object({ id: s, type: s, typeName: s, title: s, heldOn: s, hours: z.number(), source: s })),
  hoursThisYear: z.object({ year: z.number(), total: z.number(), counted: z.number(), required: z.number(), byType: z.array(z.object({ type: s, typeName: s, hours: z.number(), counts: z.boolean(), fromLawStudy: z.number() })) }),
  pendingApplication: z.object({ id: s, refNo: s, stateName: s }).nullable(),
});
export const Verification = z.object({
  number: s, kindName: s, status: s, statusName: s, name: s, orgName: s, scope: s, issuedOn: s, validTo: s, checkedOn: s,
});
export const StatusEntry = z.object({ ref: s, found: z.boolean(), number: n, status: n, statusName: n, validTo: n });
export const ImportReport = z.object({
  // A refused file answers 400 with its bad rows (ImportRowError); a report is only ever of a whole import.
  imported: z.number(), rows: z.number(),
});
export const ReviewResult = z.object({
  passed: z.boolean(), hours: z.number(), requiredHours: z.number(), examPassed: z.boolean(), reason: n, number: s, year: z.number(),
});
