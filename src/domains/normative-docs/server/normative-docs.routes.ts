import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, CaseSummary, Page, paged } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { actorOf } from '../../../core/server/http/plugin';
import { summaries, visibleFilter } from '../../../core/server/cases/case.service';
import { listCases } from '../../../core/server/cases/case.repository';
import * as tenancy from '../../../core/server/tenancy.repository';
import type { Kernel } from '../../../core/server/kernel';
import { NormativeDocInput } from '../shared/normative-doc.machine';
import * as svc from './normative-docs.service';

const err = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['行政规范性文件'];
const Entry = z.object({ id: z.string(), title: z.string(), docNo: z.string().nullable(), orgName: z.string(), publishedOn: z.string().nullable(), validUntil: z.string().nullable(), endedOn: z.string().nullable() });

export async function normativeDocRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.post('/api/normative-docs', { schema: { tags, operationId: 'draftNormativeDoc', summary: '起草规范性文件', body: NormativeDocInput, response: { 200: z.object({ id: z.string(), refNo: z.string() }), ...err } } },
    async (req) => {
      const actor = actorOf(req);
      const orgId = actor.grants.find((g) => g.permissions.has('normativeDoc.draft'))?.orgId;
      if (!orgId) throw new AppError('FORBIDDEN');
      return db.tx((tx) => svc.draft(tx, kernel, actor, orgId, req.body));
    });
  app.get('/api/normative-docs', { schema: { tags, operationId: 'listNormativeDocs', querystring: Page, response: { 200: paged(CaseSummary), ...err } } },
    async (req) => db.tx(async (tx) => {
      const r = await listCases(tx, visibleFilter(actorOf(req), 'normativeDoc'), req.query.page, req.query.pageSize);
      return { total: r.total, items: await summaries(tx, kernel, r.items) };
    }));
  app.get('/api/public/normative-docs', { config: { auth: 'none' }, schema: { tags, operationId: 'publicNormativeDocs', summary: '现行有效规范性文件目录和清理结果', response: { 200: z.object({
    inForce: z.array(Entry), ended: z.array(Entry.extend({ stateName: z.string() })),
    cleanups: z.array(z.object({ campaign: z.string(), items: z.array(z.object({ title: z.string(), docNo: z.string().nullable(), outcome: z.string(), reason: z.string().nullable(), decidedOn: z.string() })) })),
  }) } } },
    async () => db.tx(async (tx) => svc.publicLists(tx, (await tenancy.listDivisions(tx)).find((d) => d.level === 'county')?.code ?? '')));
}
