import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, defineDomain } from '../../../core/server';
import { DivisionCode, errorResponses, MetricResult } from '../../../core/shared/schemas';
import { dashboard } from './dashboard.service';

/** The year's figures: totals by metric key (null when the metric is not registered), by month, by org, and the 法治政府 figures. */
const Dashboard = z.object({
  year: z.number().int(), divisionCode: z.string(), orgId: z.string().nullable(), orgName: z.string().nullable(), from: z.string(), to: z.string(), caseType: z.string(),
  totals: z.record(z.string(), MetricResult.nullable()),
  months: z.array(z.object({ month: z.string(), from: z.string(), to: z.string(), received: z.number(), completed: z.number(), onTimeRate: z.number().nullable() })),
  orgs: z.array(z.object({ orgId: z.string(), orgName: z.string(), received: z.number(), onTimeRate: z.number().nullable(), onTimeNumerator: z.number(), onTimeDenominator: z.number(), overdue: z.number() })),
  /** 法治政府 figures, each with its own records (no case-type filter). */
  ruleOfLaw: z.array(MetricResult.extend({ title: z.string() })),
  /** 惠企政策免申即享 figures, each with its own records (policies, firms paid, ledger rows, objections, unpaid results). */
  benefits: z.array(MetricResult.extend({ title: z.string() })),
});

export default defineDomain({
  name: 'dashboard',
  permissions: { 'metrics.read': '查看统计指标和驾驶舱' },
  routes: (base: FastifyInstance, kernel) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/api/dashboard', {
      schema: { tags: ['驾驶舱'], operationId: 'dashboard', querystring: z.object({ year: z.coerce.number().int().min(2019).max(2100), caseType: z.string().max(64).default('application'), divisionCode: DivisionCode.optional() }), response: { 200: Dashboard, ...errorResponses } },
    }, async (req) => kernel.db.tx((tx) => dashboard(tx, kernel, actorOf(req), req.query)));
  },
});
