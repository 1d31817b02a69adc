import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel } from '../../../core/server';
import { CallbackOutcome, CallbackSettingsInput, KIND_KEYS } from '../shared/callbacks.schema';
import * as svc from './callbacks.service';

const tags = ['回访'];
const Item = z.object({
  id: z.string(), kind: z.string(), kindName: z.string(), caseId: z.string(), refNo: z.string(), title: z.string(), orgName: z.string(), closedAt: z.string(),
  state: z.string(), stateName: z.string(), attempts: z.number(), maxAttempts: z.number(), nextAttemptAt: z.string(), due: z.boolean(),
  reached: z.boolean().nullable(), resolved: z.boolean().nullable(), satisfaction: z.number().nullable(), satisfactionName: z.string().nullable(),
  note: z.string().nullable(), agentName: z.string().nullable(), completedAt: z.string().nullable(),
});
const Detail = Item.extend({ script: z.string(), canPerform: z.boolean(), history: z.array(z.object({ at: z.string(), agentName: z.string(), reached: z.boolean(), note: z.string().nullable() })) });
const Settings = z.array(z.object({ kind: z.string(), kindName: z.string(), divisionCode: z.string(), samplePercent: z.number(), maxAttempts: z.number(), retryHours: z.number(), script: z.string(), custom: z.boolean() }));
const Id = z.object({ id: z.uuid() });

export async function callbacksRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.get('/api/callbacks', {
    schema: {
      tags, operationId: 'callbackQueue', summary: '回访队列（默认待回访，按应拨打时间排序）',
      querystring: z.object({ state: z.enum(['pending', 'done', 'unreached', 'all']).default('pending'), kind: z.enum(KIND_KEYS).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ items: z.array(Item), total: z.number() }), ...errorResponses },
    },
  }, async (req) => db.tx((tx) => svc.queue(tx, kernel, actorOf(req), req.query)));
  app.get('/api/callbacks/settings', { schema: { tags, operationId: 'callbackSettings', summary: '回访抽样比例、拨打次数和话术', response: { 200: Settings, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.getSettings(tx, actorOf(req))));
  app.put('/api/callbacks/settings', { schema: { tags, operationId: 'putCallbackSettings', body: CallbackSettingsInput, response: { 200: Settings, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.putSettings(tx, kernel, actorOf(req), req.body)));
  app.get('/api/callbacks/:id', { schema: { tags, operationId: 'callback', params: Id, response: { 200: Detail, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.detail(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/callbacks/:id/contact', { schema: { tags, operationId: 'callbackContact', summary: '回访对象联系电话（仅回访员，查看留痕）', params: Id, response: { 200: z.object({ phone: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.contact(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/callbacks/:id/attempts', { schema: { tags, operationId: 'recordCallback', summary: '记录一次回访（联系上：是否解决、满意度；未联系上：按间隔重拨）', params: Id, body: CallbackOutcome, response: { 200: Detail, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.record(tx, kernel, actorOf(req), req.params.id, req.body)));
}
