/** 预约 routes: public booking (no login: name, id number and phone, like tracking) and the counter's day. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel, siteDivisionCode } from '../../../core/server';
import { AppointmentBook, AppointmentCancel, AppointmentView, Slot, SlotCreate, SlotQuery } from '../shared/appointments.schema';
import * as svc from './appointments.service';

const tags = ['预约'];

export async function appointmentRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  const Code = z.object({ code: z.string().trim().min(6).max(30).meta({ title: '预约号' }) });

  app.get('/api/public/appointment-sites', { config: { auth: 'none' }, schema: { tags, operationId: 'appointmentSites', summary: '可预约的政务服务中心和便民服务中心', querystring: z.object({ divisionCode: z.string().regex(/^\d{6,12}$/).optional() }), response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), divisionCode: z.string(), kind: z.string() })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.sites(tx, req.query.divisionCode ?? siteDivisionCode(kernel))));
  app.get('/api/public/appointment-slots', { config: { auth: 'none' }, schema: { tags, operationId: 'appointmentSlots', summary: '某日的预约时段（不带日期时返回尚有余号的日期）', querystring: SlotQuery, response: { 200: z.object({ days: z.array(z.string()), slots: z.array(Slot) }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.slots(tx, kernel, req.query)));
  app.post('/api/public/appointments', { config: { auth: 'none' }, schema: { tags, operationId: 'bookAppointment', summary: '预约（时段约满时返回409）', body: AppointmentBook, response: { 200: AppointmentView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.book(tx, kernel, null, req.body)));
  app.get('/api/public/appointments/:code', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'lookupAppointment', summary: '凭预约号和手机号后4位查询预约', params: Code, querystring: AppointmentCancel, response: { 200: AppointmentView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.lookup(tx, req.params.code, req.query.phoneLast4)));
  app.post('/api/public/appointments/:code/cancel', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'cancelAppointment', summary: '取消预约', params: Code, body: AppointmentCancel, response: { 200: AppointmentView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.cancel(tx, kernel, req.params.code, req.body.phoneLast4)));

  app.get('/api/appointments', { schema: { tags, operationId: 'appointmentsOfDay', summary: '本窗口（中心）某日的预约', querystring: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), orgId: z.uuid().optional() }), response: { 200: z.array(AppointmentView), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.day(tx, kernel, actorOf(req), req.query)));
  app.post('/api/appointments/:id/arrive', { schema: { tags, operationId: 'appointmentArrive', summary: '登记到场', params: z.object({ id: z.uuid() }), response: { 200: AppointmentView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.arrive(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/appointment-slots', { schema: { tags, operationId: 'createAppointmentSlot', summary: '设置预约时段（窗口、延时服务、上门服务）', body: SlotCreate, response: { 200: Slot, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.createSlot(tx, kernel, actorOf(req), req.body)));
}
