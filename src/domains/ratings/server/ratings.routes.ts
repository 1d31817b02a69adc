import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, errorResponses, IsoDate } from '../../../core/shared/schemas';
import { actorOf, type Kernel, requirePermission } from '../../../core/server';
import { CaseRatingInput, CounterRatingInput, EvaluatorRatingInput, HotlineRatingInput, RatingInput } from '../shared/ratings.machine';
import * as svc from './ratings.service';
import { posterPdf, posterPng, qrPng } from './ratings.poster';

// 503 (UNAVAILABLE): the poster needs Chromium on the server (ratings.poster.ts). Listed on every ratings
// route, as it always was, so the OpenAPI document does not change.
const errors = { ...errorResponses, 503: ErrorBody };
const tags = ['好差评'];
const Saved = z.object({ id: z.string(), bad: z.boolean() });
const Indicator = z.object({ key: z.string(), label: z.string() });
const Kind = z.enum(['site', 'counter', 'staff']);
const Token = z.object({ token: z.string().min(10).max(64) });
const Breakdown = z.object({
  key: z.string(), name: z.string(), total: z.number(), bad: z.number(), satisfactionRate: z.number().nullable(), fixRate: z.number().nullable(),
  realNameFixRate: z.number().nullable(), scores: z.record(z.string(), z.number()),
});
const Site = z.object({ id: z.string(), name: z.string(), divisionCode: z.string(), counters: z.array(z.object({ id: z.string(), name: z.string() })) });

const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
// Chinese file names need RFC 5987 encoding in Content-Disposition.
const file = (reply: FastifyReply, body: Buffer, type: string, name: string) =>
  reply.header('content-type', type).header('content-disposition', `attachment; filename="poster.${type.split('/')[1]}"; filename*=UTF-8''${encodeURIComponent(name)}`).send(body);

export async function ratingsRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  // ---- public: QR codes and SMS links work for anyone, without login ----
  app.get('/api/public/counters/:id', { config: { auth: 'none' }, schema: { tags, operationId: 'publicCounter', params: z.object({ id: z.uuid() }), response: { 200: z.object({ id: z.string(), name: z.string(), orgName: z.string() }), ...errors } } },
    async (req) => db.tx((tx) => svc.counterInfo(tx, req.params.id)));
  app.post('/api/public/ratings', { config: { auth: 'none' }, schema: { tags, operationId: 'rateCounter', summary: '扫码评价窗口（手机号选填，实名评价）', body: CounterRatingInput, response: { 200: Saved, ...errors } } },
    async (req) => db.tx((tx) => svc.rateCounter(tx, kernel, req.body)));
  app.get('/api/public/rating-targets/:kind/:id', { config: { auth: 'none' }, schema: { tags, operationId: 'ratingTarget', params: z.object({ kind: Kind, id: z.uuid() }), response: { 200: z.object({ kind: Kind, id: z.string(), name: z.string(), orgName: z.string(), indicators: z.array(Indicator) }), ...errors } } },
    async (req) => db.tx((tx) => svc.targetInfo(tx, req.params.kind, req.params.id)));
  app.post('/api/public/rating-targets/:kind/:id', { config: { auth: 'none' }, schema: { tags, operationId: 'rateTarget', summary: '扫码评价服务场所、窗口或工作人员', params: z.object({ kind: Kind, id: z.uuid() }), body: RatingInput, response: { 200: Saved, ...errors } } },
    async (req) => db.tx((tx) => svc.rateTarget(tx, kernel, req.params.kind, req.params.id, req.body)));
  app.get('/api/public/rating-invitations/:token', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'ratingInvitation', params: Token, response: { 200: z.object({ title: z.string(), orgName: z.string(), rated: z.boolean(), indicators: z.array(Indicator) }), ...errors } } },
    async (req) => db.tx((tx) => svc.invitationInfo(tx, kernel, req.params.token)));
  app.post('/api/public/rating-invitations/:token', { config: { auth: 'none' }, schema: { tags, operationId: 'rateByInvitation', summary: '短信邀评：评价短信所指的已办结办件（每件一次）', params: Token, body: RatingInput, response: { 200: Saved, ...errors } } },
    async (req) => db.tx((tx) => svc.rateByInvitation(tx, kernel, req.params.token, req.body)));
  // ---- signed in ----
  app.post('/api/ratings', { schema: { tags, operationId: 'rateCase', summary: '一事一评：评价本人已办结的办件', body: CaseRatingInput, response: { 200: Saved, ...errors } } },
    async (req) => db.tx((tx) => svc.rateCase(tx, kernel, actorOf(req), req.body)));
  app.post('/api/ratings/evaluator', { schema: { tags, operationId: 'rateAtCounter', summary: '一次一评：窗口评价器', body: EvaluatorRatingInput, response: { 200: Saved, ...errors } } },
    async (req) => { const a = actorOf(req); requirePermission(a, 'ratings.evaluate'); return db.tx((tx) => svc.rateAtCounter(tx, kernel, a, req.body)); });
  app.post('/api/ratings/hotline', { schema: { tags, operationId: 'rateByHotline', summary: '12345热线代录评价', body: HotlineRatingInput, response: { 200: Saved, ...errors } } },
    async (req) => { const a = actorOf(req); requirePermission(a, 'ratings.record'); return db.tx((tx) => svc.rateByHotline(tx, kernel, a, req.body)); });
  app.get('/api/ratings/breakdown', { schema: { tags, operationId: 'ratingBreakdown', summary: '按单位、场所、窗口、工作人员、事项统计评价', querystring: z.object({ by: z.enum(['org', 'site', 'counter', 'staff', 'item', 'month', 'channel']).meta({ title: '统计维度' }), from: IsoDate, to: IsoDate, orgId: z.uuid().optional(), divisionCode: z.string().regex(/^\d{6,12}$/).optional() }), response: { 200: z.array(Breakdown), ...errors } } },
    async (req) => { const a = actorOf(req); requirePermission(a, 'ratings.read'); return db.tx((tx) => svc.breakdown(tx, kernel, a, req.query)); });
  app.get('/api/ratings/sites', { schema: { tags, operationId: 'ratingSites', summary: '服务场所及其窗口（评价二维码）', response: { 200: z.array(Site), ...errors } } },
    async (req) => { const a = actorOf(req); requirePermission(a, 'ratings.read'); return db.tx((tx) => svc.sitesWithCounters(tx, a)); });
  const Poster = { params: z.object({ kind: z.enum(['site', 'counter']), id: z.uuid(), format: z.enum(['png', 'pdf', 'qr.png']) }) };
  app.get('/api/ratings/posters/:kind/:id/:format', { schema: { tags, operationId: 'ratingPoster', summary: '评价二维码海报（PNG、PDF）或二维码图片', ...Poster } },
    async (req, reply) => {
      const a = actorOf(req);
      requirePermission(a, 'ratings.read');
      const p = await db.tx((tx) => svc.posterFor(tx, kernel, a, req.params.kind, req.params.id, origin(req)));
      if (req.params.format === 'qr.png') return file(reply, await qrPng(p.url), 'image/png', `${p.fileName}.png`);
      if (req.params.format === 'png') return file(reply, await posterPng(p, kernel.config.CHROMIUM_PATH), 'image/png', `${p.fileName}海报.png`);
      return file(reply, await posterPdf(p, kernel.config.CHROMIUM_PATH), 'application/pdf', `${p.fileName}海报.pdf`);
    });
  app.get('/api/complaint-fixes/:id/rater', { schema: { tags, operationId: 'complaintFixRater', summary: '差评整改经办人查看实名评价人联系方式（留痕）', params: z.object({ id: z.uuid() }), response: { 200: z.object({ phone: z.string() }), ...errors } } },
    async (req) => db.tx((tx) => svc.raterContact(tx, kernel, actorOf(req), req.params.id)));
}
