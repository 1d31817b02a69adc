import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, errorResponses, paged } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { acceptRawBodies, acceptXlsx, actorOf, sendFile, sendXlsx, xlsxBody, type Kernel } from '../../../core/server';
import {
  AnswersInput, BankQuestion, Exam, ExamInput, Meeting, MeetingInput, Official, Paper, QuestionInput, Session, SessionInput, Shufa, ShufaInput, ShufaRateInput,
} from '../shared/law-study.schema';
import { SESSION_KIND_KEYS } from '../shared/law-study.labels';
import * as svc from './law-study.service';
import * as exams from './exams.service';

const tags = ['学法用法'];
const MATERIAL_TYPES = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'application/ofd'];
const Material = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), uploadedBy: z.string(), createdAt: z.string(), canDelete: z.boolean() });
const IdParam = z.object({ id: z.uuid('编号格式不正确') });
const Created = z.object({ id: z.string() });
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const rate = z.number().nullable();

export async function lawStudyRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  const yearOr = (y?: number) => y ?? svc.yearOf(kernel);
  acceptXlsx(app);

  // ---- register and sessions ----
  app.get('/api/law-study/officials', { schema: { tags, operationId: 'lawStudyOfficials', summary: '干部名册（学法、考试、述法的人员）', response: { 200: z.array(Official), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listOfficials(tx, actorOf(req))));
  app.post('/api/law-study/officials/sync', { schema: { tags, operationId: 'syncLawStudyOfficials', summary: '将本区划的工作人员账号补入干部名册', response: { 200: z.object({ added: z.number() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.syncOfficials(tx, kernel, actorOf(req))));
  app.get('/api/law-study/sessions', {
    schema: { tags, operationId: 'lawStudySessions', summary: '学法活动和旁听庭审', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), kind: z.enum(SESSION_KIND_KEYS).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }), response: { 200: paged(Session), ...errorResponses } },
  }, async (req) => db.tx((tx) => svc.listSessions(tx, actorOf(req), req.query)));
  app.post('/api/law-study/sessions', { schema: { tags, operationId: 'recordLawStudySession', summary: '登记学法活动或旁听庭审', body: SessionInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.recordSession(tx, kernel, actorOf(req), req.body)));
  app.get('/api/law-study/quarterly-check', { schema: { tags, operationId: 'lawStudyQuarterlyCheck', summary: '政府常务会议季度学法检查', querystring: YearQuery, response: { 200: z.array(z.object({ quarter: z.number(), status: z.string(), label: z.string() })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.quarterlyCheck(tx, kernel, actorOf(req), yearOr(req.query.year))));
  app.get('/api/law-study/my-hours', { schema: { tags, operationId: 'myLawStudyHours', summary: '本人年度法治学习学时（按学习形式）', querystring: YearQuery, response: { 200: z.object({ year: z.number(), total: z.number(), byKind: z.array(z.object({ kind: z.string(), kindName: z.string(), sessions: z.number(), hours: z.number() })) }), ...errorResponses } } },
    async (req) => db.tx(async (tx) => svc.trainingHours(tx, kernel, (await svc.officialOf(tx, kernel, actorOf(req))).id, yearOr(req.query.year))));

  // ---- session materials (the raw file as the body, one per request, as enforcement's records) ----
  acceptRawBodies(app, MATERIAL_TYPES, 100 * 1024 * 1024);
  const SessionId = z.object({ id: z.uuid('编号格式不正确') });
  app.post('/api/law-study/sessions/:id/materials', { schema: { tags, operationId: 'attachLawStudyMaterial', summary: '上传学法活动材料（课件、学习材料；请求体为文件内容）', params: SessionId, querystring: z.object({ fileName: z.string().trim().min(1, '请提供文件名').max(200) }), response: { 200: Material, ...errorResponses, 413: ErrorBody } } },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('BAD_REQUEST', '请上传文件（PDF、JPG、PNG或OFD）');
      return db.tx((tx) => svc.attachMaterial(tx, kernel, actorOf(req), req.params.id, req.query.fileName, req.body as Buffer));
    });
  app.get('/api/law-study/sessions/:id/materials', { schema: { tags, operationId: 'lawStudyMaterials', summary: '学法活动材料列表', params: SessionId, response: { 200: z.array(Material), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listMaterials(tx, actorOf(req), req.params.id)));
  app.get('/api/law-study/sessions/:id/materials/:materialId', { schema: { tags, operationId: 'lawStudyMaterialContent', summary: '打开学法活动材料', params: SessionId.extend({ materialId: z.uuid('编号格式不正确') }) } },
    async (req, reply) => {
      const { file, body } = await db.tx((tx) => svc.materialContent(tx, kernel, actorOf(req), req.params.id, req.params.materialId));
      return sendFile(reply, file, body, 'inline');
    });

  app.delete('/api/law-study/sessions/:id/materials/:materialId', { schema: { tags, operationId: 'deleteLawStudyMaterial', summary: '删除误传的学法活动材料（上传人或组织单位）', params: SessionId.extend({ materialId: z.uuid('编号格式不正确') }), response: { 200: z.object({ ok: z.boolean() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.deleteMaterial(tx, kernel, actorOf(req), req.params.id, req.params.materialId)));

  // ---- bank ----
  app.get('/api/law-exams/questions', { schema: { tags, operationId: 'lawExamBank', summary: '题库（含答案，仅题库管理员）', response: { 200: z.array(BankQuestion), ...errorResponses } } },
    async (req) => db.tx((tx) => exams.listBank(tx, actorOf(req))));
  app.post('/api/law-exams/questions', { schema: { tags, operationId: 'addLawExamQuestion', summary: '新增试题', body: QuestionInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => exams.addQuestion(tx, kernel, actorOf(req), req.body)));
  app.post('/api/law-exams/questions/import', { schema: { tags, operationId: 'importLawExamQuestions', summary: '导入题库（请求体为xlsx文件；有错误时整体不导入并逐行列出）', response: { 200: z.object({ imported: z.number() }), ...errorResponses } } },
    async (req) => { const buf = xlsxBody(req.body); return db.tx((tx) => exams.importBank(tx, kernel, actorOf(req), buf)); });
  app.get('/api/law-exams/questions/template', { schema: { tags, operationId: 'lawExamBankTemplate', summary: '题库导入模板（xlsx）' } },
    async (req, reply) => {
      actorOf(req);
      return sendXlsx(reply, 'bank.xlsx', '学法考试题库模板.xlsx', await exams.bankTemplate());
    });

  // ---- exams and attempts ----
  app.get('/api/law-exams', { schema: { tags, operationId: 'lawExams', summary: '学法考试（本人可参加的考试及成绩；管理员和领导看到辖区考试）', response: { 200: z.array(Exam), ...errorResponses } } },
    async (req) => db.tx((tx) => exams.listExams(tx, kernel, actorOf(req))));
  app.post('/api/law-exams', { schema: { tags, operationId: 'createLawExam', summary: '新建学法考试（按组卷规则为每位考生随机抽题）', body: ExamInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => exams.createExam(tx, kernel, actorOf(req), req.body)));
  app.post('/api/law-exams/:id/start', { schema: { tags, operationId: 'startLawExam', summary: '开始考试（已有未交卷的答卷时继续该答卷）', params: IdParam, response: { 200: z.object({ attemptId: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => exams.startAttempt(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/law-exams/attempts/:id', { schema: { tags, operationId: 'lawExamPaper', summary: '本人试卷（不含答案）', params: IdParam, response: { 200: Paper, ...errorResponses } } },
    async (req) => db.tx((tx) => exams.paper(tx, kernel, actorOf(req), req.params.id)));
  app.put('/api/law-exams/attempts/:id/answers', { schema: { tags, operationId: 'saveLawExamAnswers', summary: '保存作答（考试时间到后不再计入）', params: IdParam, body: AnswersInput, response: { 200: z.object({ saved: z.number() }), ...errorResponses } } },
    async (req) => db.tx((tx) => exams.saveAnswers(tx, kernel, actorOf(req), req.params.id, req.body.answers)));
  app.post('/api/law-exams/attempts/:id/submit', { schema: { tags, operationId: 'submitLawExam', summary: '交卷（时间到时自动交卷）', params: IdParam, body: AnswersInput.partial(), response: { 200: z.object({ score: z.number(), totalPoints: z.number(), passed: z.boolean(), late: z.boolean() }), ...errorResponses } } },
    async (req) => db.tx((tx) => exams.submit(tx, kernel, actorOf(req), req.params.id, req.body.answers)));
  app.get('/api/law-exams/:id/units', {
    schema: { tags, operationId: 'lawExamUnitRates', summary: '各单位参考率、合格率', params: IdParam, response: { 200: z.object({ examTitle: z.string(), passMark: z.number(), units: z.array(z.object({ orgId: z.string(), orgName: z.string(), registered: z.number(), takers: z.number(), passed: z.number(), participationRate: rate, passRate: rate })) }), ...errorResponses } },
  }, async (req) => db.tx((tx) => exams.unitRates(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/law-exams/:id/items', {
    schema: {
      tags, operationId: 'lawExamItemStats', summary: '试题分析：难度（答对率）和区分度', params: IdParam,
      response: { 200: z.object({ examTitle: z.string(), takers: z.number(), method: z.string(), items: z.array(z.object({ id: z.string(), stem: z.string(), law: z.string(), topic: z.string(), type: z.string(), typeName: z.string(), answer: z.string(), n: z.number(), facility: rate, discrimination: rate, upperLower: rate, pointBiserial: rate, flag: z.string().nullable() })) }), ...errorResponses },
    },
  }, async (req) => db.tx((tx) => exams.itemStats(tx, kernel, actorOf(req), req.params.id)));

  // ---- meetings and 述法 ----
  app.get('/api/law-study/meetings', { schema: { tags, operationId: 'ruleOfLawMeetings', summary: '法治建设会议和第一责任人履职', querystring: YearQuery, response: { 200: z.array(Meeting), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listMeetings(tx, actorOf(req), yearOr(req.query.year))));
  app.post('/api/law-study/meetings', { schema: { tags, operationId: 'recordRuleOfLawMeeting', summary: '登记法治建设会议或第一责任人履职', body: MeetingInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.recordMeeting(tx, kernel, actorOf(req), req.body)));
  app.get('/api/law-study/shufa', { schema: { tags, operationId: 'shufaReports', summary: '述法记录', querystring: YearQuery, response: { 200: z.array(Shufa), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listShufa(tx, actorOf(req), yearOr(req.query.year))));
  app.post('/api/law-study/shufa', { schema: { tags, operationId: 'recordShufa', summary: '登记述法', body: ShufaInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.recordShufa(tx, kernel, actorOf(req), req.body)));
  app.post('/api/law-study/shufa/:id/rate', { schema: { tags, operationId: 'rateShufa', summary: '述法点评和评议', params: IdParam, body: ShufaRateInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.rateShufa(tx, actorOf(req), req.params.id, req.body)));
  app.get('/api/law-study/shufa/draft/:id', {
    schema: { tags, operationId: 'shufaDraft', summary: '述法报告草稿（由本人学法、旁听庭审、考试、出庭应诉、重大行政决策审查决定记录生成）', params: IdParam, querystring: YearQuery, response: { 200: z.object({ officialId: z.string(), name: z.string(), year: z.number(), text: z.string(), sessions: z.number(), courtVisits: z.number(), hours: z.number(), exams: z.array(z.object({ title: z.string(), best: z.number(), totalPoints: z.number(), passed: z.boolean() })), courtAppearances: z.number(), courtAppearancesUnattributed: z.number(), decisionsReviewed: z.number().nullable().meta({ description: '审查或决定的重大行政决策项数；无账号的干部无法归属，为null' }), decisionSteps: z.array(z.object({ refNo: z.string(), title: z.string(), step: z.string(), on: z.string() })) }), ...errorResponses } },
  }, async (req) => db.tx((tx) => svc.shufaDraft(tx, kernel, actorOf(req), req.params.id, yearOr(req.query.year), exams.resultsOf)));
}
