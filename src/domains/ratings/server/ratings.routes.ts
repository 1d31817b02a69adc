import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../core/shared/schemas';
import { actorOf } from '../../../core/server/http/plugin';
import type { Kernel } from '../../../core/server/kernel';
import { CaseRatingInput, CounterRatingInput } from '../shared/ratings.machine';
import * as svc from './ratings.service';

const err = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['好差评'];
const Saved = z.object({ id: z.string(), bad: z.boolean() });

export async function ratingsRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.get('/api/public/counters/:id', { config: { auth: 'none' }, schema: { tags, operationId: 'publicCounter', params: z.object({ id: z.uuid() }), response: { 200: z.object({ id: z.string(), name: z.string(), orgName: z.string() }), ...err } } },
    async (req) => db.tx((tx) => svc.counterInfo(tx, req.params.id)));
  // 扫码评价: no login, so the counter's QR code works for anyone; the phone is optional (实名评价).
  app.post('/api/public/ratings', { config: { auth: 'none' }, schema: { tags, operationId: 'rateCounter', body: CounterRatingInput, response: { 200: Saved, ...err } } },
    async (req) => db.tx((tx) => svc.rateCounter(tx, kernel, req.body)));
  app.post('/api/ratings', { schema: { tags, operationId: 'rateCase', summary: '一事一评：评价本人已办结的办件', body: CaseRatingInput, response: { 200: Saved, ...err } } },
    async (req) => db.tx((tx) => svc.rateCase(tx, kernel, actorOf(req), req.body)));
}
