import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, defineDomain } from '../../../core/server';
import { DivisionCode } from '../../../core/shared/schemas';
import { dashboard } from './dashboard.service';

export default defineDomain({
  name: 'dashboard',
  permissions: { 'metrics.read': '查看统计指标和驾驶舱' },
  routes: (base: FastifyInstance, kernel) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/api/dashboard', {
      schema: { tags: ['驾驶舱'], operationId: 'dashboard', querystring: z.object({ year: z.coerce.number().int().min(2019).max(2100), caseType: z.string().max(64).default('application'), divisionCode: DivisionCode.optional() }) },
    }, async (req) => kernel.db.tx((tx) => dashboard(tx, kernel, actorOf(req), req.query)));
  },
});
