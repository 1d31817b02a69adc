import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel, loadVisible } from '../../../core/server';
import { BundleDefinitionView, BundleFile, BundleFiled, BundleProgress, BundleTrack, BundleTracked } from '../shared/bundles.schema';
import * as svc from './bundles.service';

const tags = ['高效办成一件事'];

export async function bundlesRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.get('/api/public/bundle-definitions', { config: { auth: 'none' }, schema: { tags, operationId: 'bundleDefinitions', summary: '“一件事”清单（含各部门事项、合并表单和去重后的材料）', response: { 200: z.array(BundleDefinitionView) } } },
    async () => db.read((tx) => svc.listDefinitions(tx)));
  app.get('/api/public/bundle-definitions/:code', { config: { auth: 'none' }, schema: { tags, operationId: 'bundleDefinition', params: z.object({ code: z.string().max(40) }), response: { 200: BundleDefinitionView, ...errorResponses } } },
    async (req) => db.read((tx) => svc.getDefinition(tx, req.params.code)));
  app.post('/api/bundles', {
    schema: { tags, operationId: 'fileBundle', summary: '提交“一件事”（网上申请或窗口受理）：一次提交，分送各部门办理', body: BundleFile, headers: z.object({ 'idempotency-key': z.string().max(64).optional() }).passthrough(), response: { 200: BundleFiled, ...errorResponses } },
  }, async (req) => {
    const key = req.body.idempotencyKey ?? req.headers['idempotency-key'];
    return db.tx((tx) => svc.fileBundle(tx, kernel, actorOf(req), { ...req.body, idempotencyKey: key }));
  });
  app.get('/api/bundles/:id/progress', { schema: { tags, operationId: 'bundleProgress', summary: '“一件事”办理进度：各部门办件、时限和联办结果', params: z.object({ id: z.string().max(40) }), response: { 200: BundleProgress, ...errorResponses } } },
    async (req) => db.tx(async (tx) => { const actor = actorOf(req); return svc.progress(tx, kernel, actor, await loadVisible(tx, actor, req.params.id, 'bundle')); }));
  app.get('/api/public/bundles/track', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'trackBundle', summary: '凭“一件事”编号和证件号码后4位查询办理进度', querystring: BundleTrack, response: { 200: BundleTracked, ...errorResponses } } },
    async (req) => db.read((tx) => svc.track(tx, kernel, req.query.refNo, req.query.idLast4)));
}
