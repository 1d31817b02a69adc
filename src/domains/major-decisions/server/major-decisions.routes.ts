import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel, siteDivisionCode } from '../../../core/server';
import { DecisionInput } from '../shared/major-decision.machine';
import * as svc from './major-decisions.service';

const tags = ['重大行政决策'];
const CatalogEntry = z.object({ id: z.string(), title: z.string(), draftingOrg: z.string(), stateName: z.string(), steps: z.array(z.string()), decidedOn: z.string().nullable(), publishedOn: z.string().nullable() });

export async function majorDecisionRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.post('/api/major-decisions', { schema: { tags, operationId: 'addMajorDecision', summary: '列入年度重大行政决策目录', body: DecisionInput, response: { 200: z.object({ id: z.string(), refNo: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.addToCatalog(tx, kernel, actorOf(req), req.body)));
  app.get('/api/public/major-decisions', { config: { auth: 'none' }, schema: { tags, operationId: 'publicDecisionCatalog', summary: '年度重大行政决策目录（公开）', querystring: z.object({ year: z.coerce.number().int().min(2019).max(2100) }), response: { 200: z.array(CatalogEntry), ...errorResponses } } },
    async (req) => db.tx(async (tx) => svc.publicCatalog(tx, kernel, siteDivisionCode(kernel), req.query.year)));
}
