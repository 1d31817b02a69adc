import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { acceptXlsx, actorOf, sendXlsx, xlsxBody, type Kernel } from '../../../core/server';
import {
  ApplyInput, ExamInput, HolderDetail, HolderInput, HolderSummary, ImportReport, LeaveInput, ReasonInput, ReviewInput, ReviewResult,
  SessionInput, StatusEntry, StatusListInput, Verification,
} from '../shared/enforcement-credentials.schema';
import * as svc from './enforcement-credentials.service';
import { importTrainings, trainingTemplate } from './enforcement-credentials.xlsx';

const tags = ['行政执法证件'];
const Id = z.object({ id: z.uuid('编号格式不正确') });
const Ok = z.object({ ok: z.boolean() });
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const HolderQuery = z.object({
  q: z.string().trim().max(50).optional(), orgId: z.uuid().optional(), status: z.enum(['active', 'left']).optional(),
  page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export async function credentialRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  acceptXlsx(app);
  const detail = (req: FastifyRequest, id: string) => db.tx((tx) => svc.holderDetail(tx, kernel, actorOf(req), id, origin(req)));

  app.get('/api/credential-holders', { schema: { tags, operationId: 'credentialHolders', summary: '执法人员和证件台账', querystring: HolderQuery, response: { 200: z.object({ total: z.number(), items: z.array(HolderSummary) }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listHolders(tx, kernel, actorOf(req), req.query)));
  app.post('/api/credential-holders', { schema: { tags, operationId: 'registerCredentialHolder', summary: '登记执法人员（须为在编在职人员）', body: HolderInput, response: { 200: HolderDetail, ...errorResponses } } },
    async (req) => { const { id } = await db.tx((tx) => svc.registerHolder(tx, kernel, actorOf(req), req.body)); return detail(req, id); });
  app.get('/api/credential-holders/:id', { schema: { tags, operationId: 'credentialHolder', summary: '执法人员：证件、考试、年审和培训学时', params: Id, response: { 200: HolderDetail, ...errorResponses } } },
    async (req) => detail(req, req.params.id));
  app.post('/api/credential-holders/:id/exams', { schema: { tags, operationId: 'recordCredentialExam', summary: '登记法律知识考试成绩', params: Id, body: ExamInput, response: { 200: HolderDetail, ...errorResponses } } },
    async (req) => { await db.tx((tx) => svc.recordExam(tx, kernel, actorOf(req), req.params.id, req.body)); return detail(req, req.params.id); });
  app.post('/api/credential-holders/:id/leave', { schema: { tags, operationId: 'credentialHolderLeave', summary: '登记离岗并注销其证件', params: Id, body: LeaveInput, response: { 200: HolderDetail, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.leave(tx, kernel, actorOf(req), req.params.id, req.body.reason, req.body.leftOn)));
  app.post('/api/credential-applications', { schema: { tags, operationId: 'applyCredential', summary: '申领（或到期换领）执法证件', body: ApplyInput, response: { 200: z.object({ id: z.string(), refNo: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.apply(tx, kernel, actorOf(req), req.body)));

  app.post('/api/credentials/:id/suspend', { schema: { tags, operationId: 'suspendCredential', summary: '暂扣证件', params: Id, body: ReasonInput, response: { 200: Ok, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.suspend(tx, kernel, actorOf(req), req.params.id, req.body.reason)));
  app.post('/api/credentials/:id/reinstate', { schema: { tags, operationId: 'reinstateCredential', summary: '恢复暂扣的证件', params: Id, body: ReasonInput, response: { 200: Ok, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.reinstate(tx, kernel, actorOf(req), req.params.id, req.body.reason)));
  app.post('/api/credentials/:id/cancel', { schema: { tags, operationId: 'cancelCredential', summary: '注销证件', params: Id, body: ReasonInput, response: { 200: Ok, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.cancel(tx, kernel, actorOf(req), req.params.id, req.body.reason)));
  app.post('/api/credentials/:id/review', { schema: { tags, operationId: 'reviewCredential', summary: '年审（按年度培训学时和考试）', params: Id, body: ReviewInput, response: { 200: ReviewResult, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.annualReview(tx, kernel, actorOf(req), req.params.id, req.body.year)));
  app.get('/api/credentials/:id/qr.png', { schema: { tags, operationId: 'credentialQr', summary: '证件核验二维码（PNG）', params: Id } },
    async (req, reply) => {
      const t = await db.tx((tx) => svc.qrTarget(tx, actorOf(req), req.params.id, origin(req)));
      const png = await QRCode.toBuffer(t.url, { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' });
      return reply.header('content-type', 'image/png').header('content-disposition', `inline; filename="credential-${t.number}.png"`).send(png);
    });

  app.post('/api/credential-trainings', { schema: { tags, operationId: 'recordTrainingSession', summary: '登记一次培训的参训人员和学时', body: SessionInput, response: { 200: z.object({ recorded: z.number() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.recordSession(tx, kernel, actorOf(req), req.body)));
  app.post('/api/credential-trainings/import', { schema: { tags, operationId: 'importTrainings', summary: '导入培训学时台账（请求体为xlsx文件；有错误时整体不导入并逐行列出）', response: { 200: ImportReport, ...errorResponses } } },
    async (req) => { const buf = xlsxBody(req.body); return db.tx((tx) => importTrainings(tx, kernel, actorOf(req), buf)); });
  app.get('/api/credential-trainings/template.xlsx', { schema: { tags, operationId: 'trainingTemplate', summary: '培训学时台账模板' } },
    async (_req, reply) => sendXlsx(reply, 'training.xlsx', '培训学时台账模板.xlsx', await trainingTemplate()));

  // ---- public: what the card's QR code opens, and the status list for a verifier checking many cards ----
  app.get('/api/public/credentials/verify/:token', {
    config: { auth: 'none', guessable: true },
    schema: { tags, operationId: 'verifyCredential', summary: '扫码核验行政执法证件', params: z.object({ token: z.string().trim().min(16).max(64) }), response: { 200: Verification, ...errorResponses } },
  }, async (req) => db.tx((tx) => svc.verify(tx, kernel, req.params.token)));
  app.post('/api/public/credentials/status', {
    config: { auth: 'none', guessable: true },
    schema: { tags, operationId: 'credentialStatusList', summary: '批量核验证件状态（按证号或核验码，仅返回状态）', body: StatusListInput, response: { 200: z.array(StatusEntry), ...errorResponses } },
  }, async (req) => db.tx((tx) => svc.statusList(tx, kernel, req.body.refs, req.body.on)));
}
