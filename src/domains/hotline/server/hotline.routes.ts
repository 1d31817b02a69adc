import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, Page, paged } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { actorOf, type Kernel, siteDivisionCode, SYSTEM_ACTOR } from '../../../core/server';
import { CallerFeedback, CatalogRule, LetterInput, TicketInput } from '../shared/hotline.machine';
import * as svc from './hotline.service';
import * as repo from './hotline.repository';

const tags = ['12345热线和市长信箱'];
const Filed = z.object({ id: z.string(), refNo: z.string(), created: z.boolean() });
const Similar = z.array(z.object({ id: z.string(), refNo: z.string(), title: z.string(), state: z.string(), createdAt: z.string(), score: z.number() }));
const Track = z.object({ refNo: z.string(), title: z.string(), state: z.string(), stateName: z.string(), createdAt: z.string(), reply: z.string().nullable(), orgName: z.string(), canRate: z.boolean() });
const TrackQuery = z.object({ refNo: z.string().trim().min(5, '请填写编号').max(40), phone4: z.string().regex(/^\d{4}$/, '请填写联系电话后4位') });

export async function hotlineRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  // 热线登记: an operator taking a call (channel phone) or a signed-in citizen on the web.
  app.post('/api/tickets', { schema: { tags, operationId: 'fileTicket', summary: '登记12345工单', body: TicketInput, response: { 200: Filed, ...errorResponses } } },
    async (req) => { const actor = actorOf(req); return db.tx((tx) => svc.fileTicket(tx, kernel, actor, req.body, actor.kind === 'staff' ? 'phone' : 'web')); });
  app.get('/api/tickets/similar', { schema: { tags, operationId: 'similarTickets', summary: '疑似重复诉求（并单候选）', querystring: z.object({ text: z.string().trim().min(2).max(3000), divisionCode: z.string().regex(/^\d{6,12}$/).optional(), excludeId: z.uuid().optional() }), response: { 200: Similar, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.grants.some((g) => g.permissions.has('ticket.file'))) throw new AppError('FORBIDDEN');
      return db.tx((tx) => svc.similarTickets(tx, kernel, req.query.divisionCode ?? actor.divisionCode ?? '', req.query.text, req.query.excludeId));
    });
  app.get('/api/tickets/:id/contact', { schema: { tags, operationId: 'ticketContact', summary: '回访时查看诉求人联系电话（留痕）', params: z.object({ id: z.uuid() }), response: { 200: z.object({ name: z.string(), phone: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.ticketContact(tx, kernel, actorOf(req), req.params.id)));
  const Rule = z.object({ category: z.string(), divisionPrefix: z.string(), orgName: z.string(), coOrgNames: z.array(z.string()) });
  app.get('/api/hotline/catalog', { schema: { tags, operationId: 'dispatchCatalog', summary: '派单目录', response: { 200: z.array(Rule), ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.grants.some((g) => [...g.permissions].some((p) => p.startsWith('ticket.')))) throw new AppError('FORBIDDEN');
      return db.tx((tx) => repo.catalog(tx, (actor.divisionCode ?? '').slice(0, 6)));
    });
  app.put('/api/hotline/catalog', { schema: { tags, operationId: 'saveDispatchRule', summary: '维护派单目录', body: CatalogRule, response: { 200: z.array(Rule), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.saveRule(tx, kernel, actorOf(req), req.body)));
  // Open311 API keys: issued by the centre to a named client; the key is shown once, only its SM3 is kept.
  app.post('/api/hotline/open311-keys', { schema: { tags, operationId: 'issueOpen311Key', summary: '签发Open311 api_key', body: z.object({ name: z.string().trim().min(2, '请填写客户端名称').max(60).meta({ title: '客户端名称' }) }), response: { 200: z.object({ name: z.string(), apiKey: z.string() }), ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.grants.some((g) => g.permissions.has('ticket.catalog'))) throw new AppError('FORBIDDEN', '只有热线中心可以签发Open311 api_key');
      return db.tx(async (tx) => ({ name: req.body.name, apiKey: await svc.issueOpen311Key(tx, kernel, req.body.name, undefined, actor) }));
    });

  // Public pages (no login): file a ticket or a letter with a phone number, follow it by number + phone.
  app.get('/api/public/hotline/places', { config: { auth: 'none' }, schema: { tags, operationId: 'hotlinePlaces', summary: '事发乡镇（街道）', response: { 200: z.array(z.object({ code: z.string(), name: z.string() })), ...errorResponses } } },
    async () => db.tx(async (tx) => repo.townshipsOf(tx, siteDivisionCode(kernel))));
  app.post('/api/public/tickets', { config: { auth: 'none' }, schema: { tags, operationId: 'publicFileTicket', body: TicketInput, response: { 200: Filed, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.fileTicket(tx, kernel, SYSTEM_ACTOR, req.body, 'web')));
  app.get('/api/public/tickets/track', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'publicTrackTicket', querystring: TrackQuery, response: { 200: Track, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.trackPublic(tx, kernel, 'ticket', req.query.refNo, req.query.phone4)));
  app.post('/api/public/tickets/feedback', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'publicTicketFeedback', summary: '诉求人评价答复（未解决可要求重办）', body: CallerFeedback, response: { 200: Track, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.callerFeedback(tx, kernel, req.body)));
  app.post('/api/public/letters', { config: { auth: 'none' }, schema: { tags, operationId: 'publicFileLetter', body: LetterInput, response: { 200: Filed, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.fileLetter(tx, kernel, SYSTEM_ACTOR, req.body)));
  app.get('/api/public/letters/track', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'publicTrackLetter', querystring: TrackQuery, response: { 200: Track, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.trackPublic(tx, kernel, 'letter', req.query.refNo, req.query.phone4)));
  app.get('/api/public/letters', { config: { auth: 'none' }, schema: { tags, operationId: 'publishedLetters', querystring: Page, response: { 200: paged(z.object({ id: z.string(), title: z.string(), content: z.string(), reply: z.string().nullable(), orgName: z.string(), createdAt: z.string(), repliedAt: z.string().nullable() })), ...errorResponses } } },
    async (req) => {
      const r = await db.tx(async (tx) => repo.publishedLetters(tx, siteDivisionCode(kernel), req.query));
      return { total: r.total, items: r.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), repliedAt: i.repliedAt?.toISOString() ?? null })) };
    });
}
