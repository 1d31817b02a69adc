import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, Page, paged } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { actorOf, type Kernel, siteDivisionCode, SYSTEM_ACTOR, tenancy } from '../../../core/server';
import { DisclosureRequestInput, PROACTIVE_CATEGORIES, ProactiveItemInput } from '../shared/disclosure.machine';
import * as svc from './disclosure.service';

const tags = ['政府信息公开'];
const Item = z.object({ id: z.string(), title: z.string(), category: z.string(), docNo: z.string().nullable(), orgName: z.string(), formedOn: z.string(), publishedOn: z.string(), late: z.boolean(), excerpt: z.string() });
const ItemQuery = Page.extend({ q: z.string().trim().max(50).optional(), category: z.enum(PROACTIVE_CATEGORIES).optional() });
const Filed = z.object({ id: z.string(), refNo: z.string(), created: z.boolean(), receivedOn: z.string() });
const TrackQuery = z.object({ refNo: z.string().trim().min(5, '请填写申请编号').max(40), phone4: z.string().regex(/^\d{4}$/, '请填写联系电话后4位') });
const Tracked = z.object({
  refNo: z.string(), state: z.string(), stateName: z.string(), orgName: z.string(), receivedOn: z.string(), content: z.string(),
  dueDate: z.string().nullable(), derivation: z.string().nullable(), correctionAsked: z.string().nullable(),
  replyType: z.string().nullable(), replyContent: z.string().nullable(), repliedOn: z.string().nullable(), fee: z.number(),
});
/** 第50条 tables: 二、主动公开 by category; 三、申请 by outcome row × applicant type (columns), with those received and carried over. */
const AnnualTables = z.object({
  proactive: z.object({ published: z.number(), onTime: z.number(), byCategory: z.array(z.object({ category: z.string(), n: z.number() })) }),
  columns: z.array(z.string()), received: z.array(z.number()),
  rows: z.array(z.object({ key: z.string(), group: z.string(), label: z.string(), basis: z.string(), counts: z.array(z.number()) })),
  carriedOver: z.array(z.number()),
});
const YearQuery = z.object({ year: z.coerce.number().int().min(2019).max(2100), orgId: z.uuid().optional() });

export async function disclosureRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  app.get('/api/public/disclosure/items', { config: { auth: 'none' }, schema: { tags, operationId: 'publicDisclosureItems', summary: '主动公开信息（中文检索）', querystring: ItemQuery, response: { 200: paged(Item), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.searchPublished(tx, { ...req.query, divisionCode: siteDivisionCode(kernel) })));
  app.get('/api/public/disclosure/orgs', { config: { auth: 'none' }, schema: { tags, operationId: 'disclosureOrgs', response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) } } },
    async () => (await db.tx((tx) => tenancy.listOrgs(tx, siteDivisionCode(kernel)))).filter(({ org }) => ['government', 'department'].includes(org.kind)).map(({ org }) => ({ id: org.id, name: org.name })));
  // A citizen files online without an account (第29条: name and contact suffice) and follows the
  // request by its number and the last four digits of the phone given.
  app.post('/api/public/disclosure-requests', { config: { auth: 'none' }, schema: { tags, operationId: 'publicFileDisclosureRequest', body: DisclosureRequestInput.omit({ receivedOn: true, channel: true }), response: { 200: Filed, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.fileRequest(tx, kernel, SYSTEM_ACTOR, { ...req.body, channel: 'online' })));
  app.get('/api/public/disclosure-requests/track', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'publicTrackDisclosureRequest', querystring: TrackQuery, response: { 200: Tracked, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.trackPublic(tx, kernel, req.query.refNo, req.query.phone4)));
  app.post('/api/public/disclosure-requests/correct', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'publicCorrectDisclosureRequest', summary: '申请人提交补正', body: TrackQuery.extend({ content: z.string().trim().min(10, '补正后的申请内容至少10个字').max(3000) }), response: { 200: Tracked, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.correctPublic(tx, kernel, req.body.refNo, req.body.phone4, req.body.content)));
  app.post('/api/disclosure/items', { schema: { tags, operationId: 'publishDisclosureItem', summary: '发布主动公开信息', body: ProactiveItemInput.extend({ orgId: z.uuid().optional() }), response: { 200: z.object({ id: z.string(), publishedOn: z.string(), dueOn: z.string().nullable(), late: z.boolean() }), ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const orgId = req.body.orgId ?? actor.grants.find((g) => g.permissions.has('disclosure.publish'))?.orgId;
      if (!orgId) throw new AppError('FORBIDDEN');
      return db.tx((tx) => svc.publishItem(tx, kernel, actor, orgId, req.body));
    });
  app.post('/api/disclosure-requests', { schema: { tags, operationId: 'fileDisclosureRequest', summary: '提出（或登记）政府信息公开申请', body: DisclosureRequestInput, response: { 200: Filed, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.fileRequest(tx, kernel, actorOf(req), req.body)));
  const scopeOf = (req: { query: z.infer<typeof YearQuery> }, actor: ReturnType<typeof actorOf>) => {
    if (!actor.grants.some((g) => g.permissions.has('disclosure.report'))) throw new AppError('FORBIDDEN');
    return { divisionCode: actor.divisionCode ?? '', orgId: req.query.orgId, from: `${req.query.year}-01-01`, to: `${req.query.year}-12-31` };
  };
  app.get('/api/disclosure/annual', { schema: { tags, operationId: 'disclosureAnnualTables', summary: '政府信息公开工作年度报告统计表（第50条）', querystring: YearQuery, response: { 200: AnnualTables, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.annualTables(tx, scopeOf(req, actorOf(req)))));
  app.get('/api/disclosure/annual.xlsx', { schema: { tags, operationId: 'disclosureAnnualXlsx', querystring: YearQuery } },
    async (req, reply) => {
      const t = await db.tx((tx) => svc.annualTables(tx, scopeOf(req, actorOf(req))));
      const buf = await svc.annualTablesXlsx(t, `${req.query.year}年政府信息公开工作年度报告统计表`);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${req.query.year}年政府信息公开统计表.xlsx`)}`).send(buf);
    });
}
