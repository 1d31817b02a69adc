import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { ErrorBody, errorResponses } from '../../../core/shared/schemas';
import { acceptRawBodies, actorOf, sendFile, type Kernel } from '../../../core/server';
import { InspectionInput, PlanInput, RatingInput, ReviewerInput } from '../shared/enforcement.schema';
import { PenaltyInput } from '../shared/penalty.machine';
import * as insp from './inspection.service';
import * as pen from './penalty.service';

const tags = ['行政执法'];
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const IdParam = z.object({ id: z.uuid('案件编号格式不正确') });
const Token = z.object({ token: z.string().trim().min(16).max(64) });
const s = z.string();
const n = s.nullable();
const Officer = z.object({ holderId: s, name: s, credentialNo: s });
const Registered = z.object({ id: s, refNo: s, token: s, cap: z.number(), priorVisits: z.number(), overCap: z.boolean(), warning: n, creditCodeWarning: n });
const InspectionFile = z.object({
  firmCode: s, firmName: s, kind: s, purpose: s, visitOn: s, officers: z.array(Officer), cap: z.number(), priorVisits: z.number(), overCap: z.boolean(),
  outcome: n, findings: n, completedOn: n, rating: z.number().nullable(), ratingComment: n, ratedOn: n, visitPath: s,
});
const Plan = z.object({ id: s, orgId: s, orgName: s, year: z.number(), planNo: s, name: s, kind: s, cap: z.number(), capIsDefault: z.boolean(), firms: z.number(), publishedOn: s });
const FirmView = z.object({
  refNo: s, orgName: s, firmName: s, kind: s, purpose: s, visitOn: s, officers: z.array(z.object({ name: s, credentialNo: s })), status: s, frequency: s, canRate: z.boolean(), rated: z.boolean(),
});
const Attachment = z.object({ id: s, step: s, fileName: s, mime: s, size: z.number(), uploadedBy: s, createdAt: s });
const PenaltyFile = z.object({
  partyKind: s, partyName: s, partyCode: n, cause: s, source: s, facts: s, filedOn: s, hearingEligible: z.boolean(), major: z.boolean(), reviewGrounds: z.array(s),
  reviewedOn: n, reviewerName: n, reviewPassed: z.boolean().nullable(), decisionKind: n, decisionNo: n, basis: n, content: n, amount: z.number().nullable(),
  decidedOn: n, servedOn: n, closedOn: n,
  evidence: z.array(z.object({ id: s, takenOn: s, officers: z.array(Officer), summary: s })),
  publication: z.object({ kind: s, partyShown: s, dueOn: s, publishedOn: n, revokedOn: n, withdrawDueOn: n, withdrawnOn: n }).nullable(),
  attachments: z.array(Attachment),
});
const PublicDecision = z.object({ id: s, orgName: s, kind: s, party: s, partyKind: s, decisionNo: s, cause: s, basis: s, content: s, decidedOn: s, publishedOn: s });
const ATTACH_TYPES = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'video/mp4', 'audio/mpeg', 'audio/wav', 'application/ofd'];

export async function enforcementRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  // ---- 行政检查 ----
  app.post('/api/inspections', { schema: { tags, operationId: 'registerInspection', summary: '登记涉企行政检查（扫码入企：入企前登记，生成检查码）', body: InspectionInput, response: { 200: Registered, ...errorResponses } } },
    async (req) => db.tx((tx) => insp.registerInspection(tx, kernel, actorOf(req), req.body)));
  app.get('/api/inspections/:id/file', { schema: { tags, operationId: 'inspectionFile', summary: '检查详情：企业、检查人员、频次、结果和企业匿名评价', params: IdParam, response: { 200: InspectionFile, ...errorResponses } } },
    async (req) => db.tx((tx) => insp.inspectionFile(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/inspections/:id/qr.png', { schema: { tags, operationId: 'inspectionQr', summary: '检查码（PNG）：企业扫码查看检查人员并评价', params: IdParam } },
    async (req, reply) => {
      const t = await db.tx((tx) => insp.qrTarget(tx, actorOf(req), req.params.id, origin(req)));
      const png = await QRCode.toBuffer(t.url, { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' });
      return reply.header('content-type', 'image/png').header('content-disposition', `inline; filename="inspection-qr.png"; filename*=UTF-8''${encodeURIComponent(`${t.fileName}.png`)}`).send(png);
    });
  app.get('/api/enforcement/officers', { schema: { tags, operationId: 'enforcementOfficers', summary: '本机关在指定日期持有有效行政执法证的执法人员', querystring: z.object({ orgId: z.uuid().optional(), on: z.iso.date().optional() }), response: { 200: z.array(Officer.extend({ staffUserId: n })), ...errorResponses } } },
    async (req) => db.tx((tx) => insp.officerOptions(tx, kernel, actorOf(req), req.query.orgId, req.query.on)));
  app.get('/api/enforcement/plans', { schema: { tags, operationId: 'inspectionPlans', summary: '双随机检查计划及公布的年度频次上限', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.array(Plan), ...errorResponses } } },
    async (req) => db.tx((tx) => insp.listPlans(tx, kernel, actorOf(req), req.query.year)));
  app.post('/api/enforcement/plans', { schema: { tags, operationId: 'createInspectionPlan', summary: '公布检查计划和对同一企业的年度检查频次上限', body: PlanInput, response: { 200: z.object({ id: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => insp.createPlan(tx, kernel, actorOf(req), req.body)));
  app.get('/api/public/enforcement/caps', { config: { auth: 'none' }, schema: { tags, operationId: 'publicInspectionCaps', summary: '各执法机关公布的年度检查计划和频次上限', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: z.object({ defaultCap: z.number(), plans: z.array(Plan) }), ...errorResponses } } },
    async (req) => db.tx((tx) => insp.publicCaps(tx, kernel, req.query.year)));
  app.get('/api/public/inspections/:token', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'inspectionVisit', summary: '企业扫检查码：查看检查机关、检查人员及执法证号、检查事项', params: Token, response: { 200: FirmView, ...errorResponses } } },
    async (req) => db.tx((tx) => insp.firmView(tx, req.params.token)));
  app.post('/api/public/inspections/:token/rating', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'rateInspection', summary: '企业匿名评价本次检查（不记录评价人，每次检查一次）', params: Token, body: RatingInput, response: { 200: z.object({ rated: z.boolean() }), ...errorResponses } } },
    async (req) => db.tx((tx) => insp.rate(tx, kernel, req.params.token, req.body)));

  // ---- 行政处罚 ----
  app.post('/api/penalties', { schema: { tags, operationId: 'filePenalty', summary: '行政处罚立案', body: PenaltyInput, response: { 200: z.object({ id: s, refNo: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => pen.filePenalty(tx, kernel, actorOf(req), req.body)));
  app.get('/api/penalties/:id/file', { schema: { tags, operationId: 'penaltyFile', summary: '处罚案卷：当事人、调查取证及执法人员、法制审核、决定、公示、全过程记录', params: IdParam, response: { 200: PenaltyFile, ...errorResponses } } },
    async (req) => db.tx((tx) => pen.penaltyFile(tx, kernel, actorOf(req), req.params.id)));
  // Files arrive as the raw body (one file per request, as applications' materials do).
  acceptRawBodies(app, ATTACH_TYPES, 200 * 1024 * 1024);
  app.post('/api/penalties/:id/attachments', { schema: { tags, operationId: 'attachPenaltyRecord', summary: '上传全过程记录（文书、照片、音视频；请求体为文件内容）', params: IdParam, querystring: z.object({ fileName: z.string().trim().min(1, '请提供文件名').max(200) }), response: { 200: Attachment, ...errorResponses, 413: ErrorBody } } },
    async (req) => db.tx((tx) => pen.attach(tx, kernel, actorOf(req), req.params.id, req.query.fileName, req.body as Buffer)));
  app.get('/api/penalties/:id/attachments/:attachmentId', { schema: { tags, operationId: 'penaltyRecordContent', summary: '下载全过程记录文件', params: IdParam.extend({ attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const { file, body } = await db.tx((tx) => pen.attachmentContent(tx, kernel, actorOf(req), req.params.id, req.params.attachmentId));
      return sendFile(reply, file, body);
    });
  app.get('/api/enforcement/legal-reviewers', { schema: { tags, operationId: 'legalReviewers', summary: '法制审核人员（取得法律职业资格）', response: { 200: z.array(z.object({ userId: s, name: s, certificateNo: s, orgId: s })), ...errorResponses } } },
    async (req) => db.tx((tx) => pen.listReviewers(tx, actorOf(req))));
  app.post('/api/enforcement/legal-reviewers', { schema: { tags, operationId: 'registerLegalReviewer', summary: '登记法制审核人员及其法律职业资格证书编号', body: ReviewerInput, response: { 200: z.object({ userId: s, name: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => pen.registerReviewer(tx, kernel, actorOf(req), req.body)));
  app.get('/api/public/enforcement/decisions', { config: { auth: 'none' }, schema: { tags, operationId: 'publicEnforcementDecisions', summary: '行政执法决定公示（自然人当事人只显示姓氏）', querystring: z.object({ q: z.string().trim().max(50).optional(), page: z.coerce.number().int().min(1).max(10000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: z.object({ total: z.number(), items: z.array(PublicDecision) }), ...errorResponses } } },
    async (req) => db.tx((tx) => pen.publicDecisions(tx, kernel, req.query)));
}
