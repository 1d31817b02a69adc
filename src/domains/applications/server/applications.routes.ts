import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, errorResponses } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { acceptRawBodies, actorOf, type Kernel, listCounters } from '../../../core/server';
import { ApplicationFile, ApplicationFiled, ApplicationMaterials, MaterialFile, ReusableMaterial, TrackQuery, UploadQuery } from '../shared/applications.schema';
import * as materials from './materials.service';
import * as svc from './applications.service';
import * as corrections from './corrections.service';

const tags = ['政务服务'];

export async function applicationsRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  app.get('/api/counters', { schema: { tags, operationId: 'counters', response: { 200: z.array(z.object({ id: z.string(), name: z.string(), orgId: z.string(), generalist: z.boolean() })), ...errorResponses } } },
    async (req) => {
      const orgIds = actorOf(req).grants.map((g) => g.orgId).filter((x): x is string => !!x);
      return (await db.tx((tx) => listCounters(tx, orgIds))).map((c) => ({ id: c.id, name: c.name, orgId: c.orgId, generalist: c.generalist }));
    });
  app.post('/api/applications', {
    schema: { tags, operationId: 'fileApplication', summary: '提交办件（网上申请或窗口收件）', body: ApplicationFile, headers: z.object({ 'idempotency-key': z.string().max(64).optional() }).passthrough(), response: { 200: ApplicationFiled, ...errorResponses } },
  }, async (req) => {
    const key = req.body.idempotencyKey ?? req.headers['idempotency-key'];
    return db.tx((tx) => svc.fileApplication(tx, kernel, actorOf(req), { ...req.body, idempotencyKey: key }));
  });
  // Materials arrive as the raw file body (no multipart needed for one file); the limit is checked by
  // the service so the answer is a Chinese 413, not the framework's.
  acceptRawBodies(app, ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'application/ofd'], materials.uploadMaxBytes(kernel) * 2);
  const IdParam = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
  app.post('/api/materials', {
    schema: { tags, operationId: 'uploadMaterial', summary: '上传申请材料（请求体为文件内容；按内容识别类型：PDF、JPG、PNG、OFD）', querystring: UploadQuery, response: { 200: MaterialFile, ...errorResponses, 413: ErrorBody } },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('BAD_REQUEST', '请以文件内容作为请求体上传');
    return db.tx((tx) => materials.upload(tx, kernel, actorOf(req), req.query, req.body as Buffer));
  });
  app.get('/api/materials', { schema: { tags, operationId: 'myMaterials', summary: '申请人已上传的材料', querystring: z.object({ idNumber: z.string().trim().max(18).optional() }), response: { 200: z.array(MaterialFile), ...errorResponses } } },
    async (req) => db.tx((tx) => materials.listMine(tx, kernel, actorOf(req), req.query.idNumber)));
  app.get('/api/materials/reusable', { schema: { tags, operationId: 'reusableMaterials', summary: '某事项可复用的已有材料（已上传的文件、已有证照）', querystring: z.object({ itemId: z.uuid(), idNumber: z.string().trim().max(18).optional() }), response: { 200: z.array(ReusableMaterial), ...errorResponses } } },
    async (req) => db.tx((tx) => materials.reusable(tx, kernel, actorOf(req), req.query.itemId, req.query.idNumber)));
  app.get('/api/materials/:id/content', { schema: { tags, operationId: 'materialContent', summary: '下载材料文件', params: IdParam } },
    async (req, reply) => {
      const r = await db.tx((tx) => materials.content(tx, kernel, actorOf(req), req.params.id));
      return reply.header('content-type', r.file.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(r.file.fileName)}`).send(r.body);
    });
  app.get('/api/applications/:id/files/:fileId', {
    schema: { tags, operationId: 'applicationFile', summary: '查看办件的材料文件（PDF和图片在浏览器中打开，OFD下载；查看留痕）', params: z.object({ id: z.uuid({ message: '编号格式不正确' }), fileId: z.uuid({ message: '编号格式不正确' }) }) },
  }, async (req, reply) => {
    const r = await db.tx((tx) => corrections.openFile(tx, kernel, actorOf(req), req.params.id, req.params.fileId));
    const disposition = r.file.kind === 'ofd' ? 'attachment' : 'inline';
    return reply.header('content-type', r.file.mime).header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(r.file.fileName)}`).header('cache-control', 'no-store').send(r.body);
  });
  app.get('/api/applications/:id/materials', {
    schema: { tags, operationId: 'applicationMaterials', summary: '办件的材料（已提交、容缺后补）和一次性补正告知', params: IdParam, response: { 200: ApplicationMaterials, ...errorResponses } },
  }, async (req) => db.tx((tx) => corrections.materialsView(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/public/applications/track', {
    config: { auth: 'none', guessable: true },
    schema: { tags, operationId: 'trackApplication', summary: '凭办件编号和证件号码后4位查询办理进度', querystring: TrackQuery, response: { 200: z.object({ refNo: z.string(), itemName: z.string(), state: z.string(), stateName: z.string(), submittedAt: z.string(), closedAt: z.string().nullable(), clocks: z.array(z.object({ label: z.string(), dueDate: z.string().nullable(), badge: z.string() })), correction: z.string().nullable(), extensions: z.array(z.object({ clock: z.string(), days: z.number(), reason: z.string() })) }), ...errorResponses } },
  }, async (req) => db.tx((tx) => svc.track(tx, kernel, req.query.refNo, req.query.idLast4)));
}
