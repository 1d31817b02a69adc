import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel } from '../../../core/server';
import { ADVISER_KINDS, WORK_KIND_KEYS } from '../shared/legal-advisers.labels';
import * as svc from './legal-advisers.service';

const tags = ['村（居）法律顾问'];
const s = z.string();
const n = s.nullable();
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });
const IdParam = z.object({ id: z.uuid('编号格式不正确') });
const Village = z.string().trim().regex(/^\d{12}$/, '请选择村（社区）').meta({ title: '村（社区）' });
const AdviserInput = z.object({
  name: z.string().trim().min(2, '请填写姓名').max(30).meta({ title: '姓名' }),
  kind: z.enum(ADVISER_KINDS, '请选择类别').meta({ title: '类别' }),
  firm: z.string().trim().min(2, '请填写执业机构').max(60).meta({ title: '执业机构（律师事务所、法律服务所）' }),
  licenceNo: z.string().trim().min(6, '请填写执业证号').max(30).meta({ title: '执业证号' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '请填写11位手机号').optional().meta({ title: '联系电话' }),
  username: z.string().trim().min(2).max(40).optional().meta({ title: '登录账号（法律顾问本人在手机上登记工作记录用）' }),
});
const AppointInput = z.object({ villageCode: Village, startOn: day('聘期开始'), endOn: day('聘期结束') });
const LogInput = z.object({
  villageCode: Village,
  kind: z.enum(WORK_KIND_KEYS, '请选择工作类别').meta({ title: '工作类别' }),
  servedOn: day('服务日期'),
  subject: z.string().trim().min(2, '请填写服务事项').max(300, '服务事项不能超过300个字').meta({ title: '服务事项' }),
});
const LogQuery = z.object({ from: day('开始日期'), to: day('截止日期'), unconfirmed: z.enum(['true', 'false']).optional().meta({ title: '只看未确认' }) });
const LogRow = z.object({ id: s, adviser: s, village: s, kind: s, kindName: s, servedOn: s, unit: s, subject: s, confirmedAt: n, confirmedBy: n, canConfirm: z.boolean() });
const Id = z.object({ id: s });

export async function legalAdvisersRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.get('/api/legal-advisers', { schema: { tags, operationId: 'legalAdvisers', summary: '村（居）法律顾问名册及受聘村（社区）', response: { 200: z.array(z.object({ id: s, name: s, kind: s, firm: s, licenceNo: s, hasLogin: z.boolean(), villages: z.array(z.object({ code: s, name: s, startOn: s, endOn: s, current: z.boolean() })) })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.roster(tx, kernel, actorOf(req))));
  app.post('/api/legal-advisers', { schema: { tags, operationId: 'registerLegalAdviser', summary: '登记村（居）法律顾问', body: AdviserInput, response: { 200: Id, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.registerAdviser(tx, kernel, actorOf(req), req.body)));
  app.post('/api/legal-advisers/:id/appointments', { schema: { tags, operationId: 'appointLegalAdviser', summary: '聘任法律顾问到村（社区）', params: IdParam, body: AppointInput, response: { 200: Id, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.appoint(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.get('/api/legal-advisers/me', { schema: { tags, operationId: 'myLegalAdviser', summary: '本人（法律顾问）档案和在聘村（社区）', response: { 200: z.object({ id: s, name: s, kind: s, firm: s, villages: z.array(z.object({ code: s, name: s, endOn: s })) }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.me(tx, kernel, actorOf(req))));
  app.post('/api/legal-advisers/logs', { schema: { tags, operationId: 'logLegalAdviserWork', summary: '法律顾问登记工作记录', body: LogInput, response: { 200: Id, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.logWork(tx, kernel, actorOf(req), req.body)));
  app.get('/api/legal-advisers/logs', { schema: { tags, operationId: 'legalAdviserLogs', summary: '法律顾问工作记录（本人的、本村的或本区的）', querystring: LogQuery, response: { 200: z.array(LogRow), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.logs(tx, actorOf(req), { from: req.query.from, to: req.query.to, unconfirmed: req.query.unconfirmed === 'true' })));
  app.post('/api/legal-advisers/logs/:id/confirm', { schema: { tags, operationId: 'confirmLegalAdviserLog', summary: '村（社区）确认法律顾问工作记录', params: IdParam, response: { 200: Id, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.confirm(tx, kernel, actorOf(req), req.params.id)));
}
