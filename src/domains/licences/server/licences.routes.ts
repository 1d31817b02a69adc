import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { actorOf, can, type Kernel } from '../../../core/server';
import { Licence, LicenceDetail, LicenceLookup, LicenceListQuery, LicenceTypeInput, LicenceTypeView, ReminderRun, Verification } from '../shared/licences.schema';
import * as svc from './licences.service';

const tags = ['电子证照'];
const Id = z.object({ id: z.uuid() });
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export async function licencesRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.get('/api/licences', { schema: { tags, operationId: 'licences', summary: '证照台账（按编号、持证人、状态、类型查询）', querystring: LicenceListQuery, response: { 200: z.object({ items: z.array(Licence), total: z.number() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.list(tx, kernel, actorOf(req), req.query)));
  app.get('/api/licences/types', { schema: { tags, operationId: 'licenceTypes', summary: '证照类型：有效期、到期提醒和续证方式', response: { 200: z.array(LicenceTypeView), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listTypes(tx, actorOf(req))));
  app.put('/api/licences/types/:id', { schema: { tags, operationId: 'putLicenceType', summary: '维护证照类型（提醒不得晚于法定续期申请期限）', params: Id, body: LicenceTypeInput, response: { 200: LicenceTypeView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.updateType(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.post('/api/licences/reminders/run', { schema: { tags, operationId: 'runLicenceReminders', summary: '立即执行到期提醒（与定时任务相同，已发送的提醒不会重复发送）', response: { 200: ReminderRun, ...errorResponses } } },
    async (req) => {
      if (!can(actorOf(req), 'licence.manage')) throw new AppError('FORBIDDEN', '您没有执行到期提醒的权限');
      return svc.runReminders(kernel);
    });
  app.get('/api/licences/mine', { schema: { tags, operationId: 'myLicences', summary: '我的证照（办事群众和企业）', response: { 200: z.array(Licence.extend({ verifyUrl: z.string(), verifyPath: z.string() })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.mine(tx, kernel, actorOf(req), origin(req))));
  app.get('/api/licences/:id', { schema: { tags, operationId: 'licence', params: Id, response: { 200: LicenceDetail, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.detail(tx, kernel, actorOf(req), req.params.id, origin(req))));
  app.post('/api/licences/:id/revoke', { schema: { tags, operationId: 'revokeLicence', summary: '注销证照', params: Id, body: z.object({ reason: z.string().trim().min(2, '请填写注销理由').max(300).meta({ title: '注销理由' }) }), response: { 200: LicenceDetail, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.revoke(tx, kernel, actorOf(req), req.params.id, req.body.reason, origin(req))));
  app.get('/api/licences/:id/qr.png', { schema: { tags, operationId: 'licenceQr', summary: '证照核验二维码（PNG）', params: Id } },
    async (req, reply) => {
      const t = await db.tx((tx) => svc.qrTarget(tx, kernel, actorOf(req), req.params.id, origin(req)));
      const png = await QRCode.toBuffer(t.url, { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' });
      return reply.header('content-type', 'image/png').header('content-disposition', `inline; filename="licence-qr.png"; filename*=UTF-8''${encodeURIComponent(`${t.fileName}.png`)}`).send(png);
    });
  app.get('/api/public/licences/lookup', {
    config: { auth: 'none', guessable: true },
    schema: { tags, operationId: 'lookupLicence', summary: '凭证照编号和证件号码后4位查询证照', querystring: LicenceLookup, response: { 200: Verification.extend({ verifyPath: z.string() }), ...errorResponses } },
  }, async (req) => db.tx((tx) => svc.lookup(tx, kernel, req.query.licenceNo, req.query.idLast4)));
  app.get('/api/public/licences/verify/:token', {
    config: { auth: 'none', guessable: true },
    schema: { tags, operationId: 'verifyLicence', summary: '扫码核验电子证照真伪和有效性', params: z.object({ token: z.string().trim().min(16).max(64) }), response: { 200: Verification, ...errorResponses } },
  }, async (req) => db.tx((tx) => svc.verify(tx, kernel, req.params.token)));
}
