/** law-study's shapes: inputs (bounded, titled in Chinese) and answers. */
import { z } from 'zod';
import { IsoDate, Uuid } from '../../../core/shared/schemas';
import { MEETING_KIND_KEYS, QUESTION_TYPE_KEYS, SESSION_KIND_KEYS, SHUFA_RATINGS } from './law-study.labels';

const str = (max: number, title: string, msg = `${title}不能为空`) => z.string().trim().min(1, msg).max(max, `${title}不能超过${max}个字符`).meta({ title });
const opt = (max: number, title: string) => z.string().trim().max(max, `${title}不能超过${max}个字符`).optional().meta({ title });

export const SessionInput = z.object({
  kind: z.enum(SESSION_KIND_KEYS, '学习形式不正确').meta({ title: '学习形式' }),
  topic: str(200, '学习主题'),
  laws: str(500, '学习的法律法规'),
  speakers: opt(200, '主讲人'),
  heldOn: IsoDate.meta({ title: '日期' }),
  minutes: z.number().int('时长应为整数分钟').min(10, '时长不少于10分钟').max(600, '时长不超过600分钟').meta({ title: '时长（分钟）' }),
  officialIds: z.array(Uuid).max(2000, '参加人员过多').default([]).meta({ title: '参加人员（名册）' }),
  otherAttendees: z.number().int().min(0, '其他参加人数不能为负').max(10000).default(0).meta({ title: '其他参加人数' }),
  court: opt(100, '旁听法院'),
  courtCaseNo: opt(60, '旁听案件案号'),
  materials: opt(1000, '学习材料'),
  orgId: Uuid.optional().meta({ title: '组织单位' }),
}).superRefine((v, ctx) => {
  if (v.kind === 'courtVisit' && !v.court) ctx.addIssue({ code: 'custom', path: ['court'], message: '旁听庭审应填写法院' });
  if (v.kind === 'courtVisit' && !v.courtCaseNo) ctx.addIssue({ code: 'custom', path: ['courtCaseNo'], message: '旁听庭审应填写案号' });
  if (!v.officialIds.length && !v.otherAttendees) ctx.addIssue({ code: 'custom', path: ['officialIds'], message: '请选择参加人员或填写其他参加人数' });
});
export type SessionInput = z.output<typeof SessionInput>;

export const Session = z.object({
  id: z.string(), kind: z.string(), kindName: z.string(), topic: z.string(), laws: z.string(), speakers: z.string().nullable(), heldOn: z.string(), minutes: z.number(),
  attendees: z.number(), otherAttendees: z.number(), personTimes: z.number(), court: z.string().nullable(), courtCaseNo: z.string().nullable(), materials: z.string().nullable(),
  orgId: z.string(), orgName: z.string(), attendeeNames: z.array(z.string()),
});

export const Official = z.object({ id: z.string(), name: z.string(), post: z.string().nullable(), leader: z.boolean(), orgId: z.string(), orgName: z.string(), hasAccount: z.boolean() });

export const QuestionInput = z.object({
  law: str(100, '所属法律'),
  topic: str(60, '知识点'),
  type: z.enum(QUESTION_TYPE_KEYS, '题型应为单选题、多选题或判断题').meta({ title: '题型' }),
  stem: str(500, '题干'),
  options: z.array(z.string().trim().min(1, '选项不能为空').max(200, '选项不能超过200个字符')).max(8, '选项不超过8个').default([]).meta({ title: '选项' }),
  answer: z.string().trim().toUpperCase().min(1, '请填写答案').max(8).meta({ title: '答案' }),
  explanation: opt(500, '解析'),
}).superRefine((v, ctx) => {
  const letters = 'ABCDEFGH'.slice(0, v.options.length);
  if (v.type === 'judge') {
    if (v.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: '判断题不设选项' });
    if (!['T', 'F'].includes(v.answer)) ctx.addIssue({ code: 'custom', path: ['answer'], message: '判断题答案应为“对”或“错”（T/F）' });
    return;
  }
  if (v.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: '选择题至少两个选项' });
  const ok = [...v.answer].every((c) => letters.includes(c)) && new Set(v.answer).size === v.answer.length;
  if (!ok) ctx.addIssue({ code: 'custom', path: ['answer'], message: `答案应为选项字母（${letters || 'A、B…'}）` });
  else if (v.type === 'single' && v.answer.length !== 1) ctx.addIssue({ code: 'custom', path: ['answer'], message: '单选题只能有一个答案' });
  else if (v.type === 'multiple' && v.answer.length < 2) ctx.addIssue({ code: 'custom', path: ['answer'], message: '多选题至少两个答案' });
});
export type QuestionInput = z.output<typeof QuestionInput>;

/** A question as its keepers see it (with the key). */
export const BankQuestion = z.object({ id: z.string(), law: z.string(), topic: z.string(), type: z.string(), stem: z.string(), options: z.array(z.string()), answer: z.string(), explanation: z.string().nullable(), active: z.boolean() });

export const BlueprintLine = z.object({
  type: z.enum(QUESTION_TYPE_KEYS).meta({ title: '题型' }),
  topic: z.string().trim().max(60).nullable().default(null).meta({ title: '知识点（空为不限）' }),
  count: z.number().int().min(1, '题数至少1').max(200).meta({ title: '题数' }),
  points: z.number().int().min(1, '分值至少1').max(100).meta({ title: '每题分值' }),
});
export const ExamInput = z.object({
  title: str(100, '考试名称'),
  opensAt: z.iso.datetime({ offset: true, message: '开考时间格式不正确' }).meta({ title: '开考时间' }),
  closesAt: z.iso.datetime({ offset: true, message: '截止时间格式不正确' }).meta({ title: '截止时间' }),
  // Fractions of a minute are allowed (a drill or a test); the page offers whole minutes.
  minutes: z.number().min(0.25, '答题时长至少15秒').max(600, '答题时长不超过600分钟').optional().meta({ title: '答题时长（分钟）' }),
  maxAttempts: z.number().int().min(1).max(10).optional().meta({ title: '可考次数' }),
  passMark: z.number().int().min(1).max(100).optional().meta({ title: '合格分数线（百分制）' }),
  blueprint: z.array(BlueprintLine).min(1, '请至少设置一类试题').max(20),
}).refine((v) => v.closesAt > v.opensAt, { path: ['closesAt'], message: '截止时间应晚于开考时间' });
export type ExamInput = z.output<typeof ExamInput>;

export const Exam = z.object({
  id: z.string(), title: z.string(), opensAt: z.string(), closesAt: z.string(), minutes: z.number(), maxAttempts: z.number(), passMark: z.number(), totalPoints: z.number(),
  questionCount: z.number(), blueprint: z.array(z.object({ type: z.string(), topic: z.string().nullable(), count: z.number(), points: z.number() })),
  mine: z.object({ attemptsUsed: z.number(), best: z.number().nullable(), passed: z.boolean(), openAttemptId: z.string().nullable() }).nullable(),
});

/** A paper as its taker sees it: never the key. */
export const Paper = z.object({
  attemptId: z.string(), examTitle: z.string(), attemptNo: z.number(), deadline: z.string(), serverNow: z.string(), finished: z.boolean(),
  score: z.number().nullable(), passMark: z.number(), totalPoints: z.number(),
  questions: z.array(z.object({ id: z.string(), no: z.number(), type: z.string(), stem: z.string(), options: z.array(z.string()), points: z.number() })),
  answers: z.record(z.string(), z.string()),
});
export const AnswersInput = z.object({
  answers: z.record(z.string(), z.string().trim().toUpperCase().max(8, '答案过长')).meta({ title: '作答' }),
});

export const MeetingInput = z.object({
  kind: z.enum(MEETING_KIND_KEYS, '会议类型不正确').meta({ title: '类型' }),
  title: str(200, '会议名称或事项'),
  heldOn: IsoDate.meta({ title: '日期' }),
  chair: opt(60, '主持人或责任人'),
  topics: str(1000, '研究的法治建设议题'),
  decisions: opt(1000, '作出的决定或部署'),
});
export const Meeting = z.object({ id: z.string(), kind: z.string(), kindName: z.string(), title: z.string(), heldOn: z.string(), chair: z.string().nullable(), topics: z.string(), decisions: z.string().nullable(), orgName: z.string() });

export const ShufaInput = z.object({
  officialId: Uuid.meta({ title: '述法人' }),
  year: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
  form: z.enum(['written', 'onsite'], '述法形式应为书面或现场').meta({ title: '述法形式' }),
  meetingId: Uuid.optional().meta({ title: '述法会' }),
  reportedOn: IsoDate.meta({ title: '述法日期' }),
  content: str(8000, '述法报告'),
});
export const ShufaRateInput = z.object({
  rating: z.enum(SHUFA_RATINGS, '评议等次应为好、较好、一般或差').meta({ title: '评议等次' }),
  comments: opt(2000, '点评意见'),
});
export const Shufa = z.object({
  id: z.string(), officialId: z.string(), officialName: z.string(), post: z.string().nullable(), orgName: z.string(), year: z.number(), form: z.string(), formName: z.string(),
  reportedOn: z.string(), content: z.string(), rating: z.string().nullable(), comments: z.string().nullable(),
});
