/**
 * The kernel's routes. Thin: validate with the shared zod schema, call one service function in a
 * transaction, return the resource. Case event routes are generated from each registered machine.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as S from '../../shared/schemas';
import { AppError } from '../../shared/errors';
import { actorOf, clearSessionCookies, setSessionCookies } from './plugin';
import * as auth from '../auth.service';
import * as tenancy from '../tenancy.service';
import * as calendar from '../calendar.service';
import * as cases from '../cases/case.service';
import * as auditRepo from '../audit.repository';
import * as jobsRepo from '../jobs.repository';
import { requirePermission } from '../actor';
import { computeMetric, metricRecords, metricRecordSet } from '../metrics';
import { figureScope } from '../access/scope';
import type { Kernel } from '../contract';
import { publicSite } from '../site';

const Ok = z.object({ ok: z.literal(true) });
const IdParam = z.object({ id: z.string().max(64) });

export async function kernelRoutes(appBase: FastifyInstance, kernel: Kernel) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  // ---- operators ----
  app.get('/api/health', { config: { auth: 'none' }, schema: { tags: ['运维'], operationId: 'health', response: { 200: z.object({ status: z.literal('ok'), engine: z.string(), time: z.string() }) } } },
    async () => { await db.query('SELECT 1'); return { status: 'ok' as const, engine: db.engine, time: kernel.now().toISOString() }; });

  // ---- the public site ----
  app.get('/api/public/site', { config: { auth: 'none' }, schema: { tags: ['公众'], operationId: 'publicSite', summary: '公众网站服务的行政区划和网站名称', response: { 200: S.PublicSite } } },
    async () => db.tx((tx) => publicSite(tx, kernel)));

  // ---- auth ----
  app.post('/api/auth/login', { config: { auth: 'none' }, schema: { tags: ['登录'], operationId: 'login', body: S.LoginInput, response: { 200: S.Me, ...S.errorResponses, 423: S.ErrorBody } } },
    async (req, reply) => {
      const r = await auth.login(kernel, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookies(kernel, reply, r.token, r.csrf);
      return r.me;
    });
  app.post('/api/auth/register', { config: { auth: 'none' }, schema: { tags: ['登录'], operationId: 'registerPublic', body: S.RegisterInput, response: { 200: z.object({ id: S.Uuid, warning: z.string().nullable() }), ...S.errorResponses } } },
    async (req) => { const r = await auth.registerPublic(kernel, req.body); return { id: r.user.id, warning: r.warning }; });
  app.post('/api/auth/logout', { schema: { tags: ['登录'], operationId: 'logout', response: { 200: Ok } } },
    async (req, reply) => { await auth.logout(kernel, req.session!); clearSessionCookies(reply); return { ok: true as const }; });
  app.get('/api/auth/me', { schema: { tags: ['登录'], operationId: 'me', response: { 200: S.Me, ...S.errorResponses } } },
    async (req) => auth.meOf(kernel, req.session!.user, req.session!.actor));
  app.post('/api/auth/password', { schema: { tags: ['登录'], operationId: 'changePassword', body: S.ChangePasswordInput, response: { 200: Ok, ...S.errorResponses } } },
    async (req) => { await auth.changePassword(kernel, req.session!, req.body.oldPassword, req.body.newPassword); return { ok: true as const }; });

  // ---- 工作台 and the generic case page ----
  app.get('/api/workbench', { schema: { tags: ['工作台'], operationId: 'workbench', querystring: S.WorkbenchQuery, response: { 200: S.paged(S.CaseSummary), ...S.errorResponses } } },
    async (req) => db.tx((tx) => cases.workbench(tx, kernel, actorOf(req), req.query)));
  app.get('/api/my/cases', { schema: { tags: ['案件'], operationId: 'myCases', summary: '我的办件（办事群众、企业本人的申请；“一件事”的各部门办件列在其下）', querystring: S.Page, response: { 200: S.paged(S.CaseSummary), ...S.errorResponses } } },
    async (req) => db.tx((tx) => cases.myCases(tx, kernel, actorOf(req), req.query)));
  app.get('/api/cases/:id', { schema: { tags: ['案件'], operationId: 'caseDetail', params: IdParam, response: { 200: S.CaseDetail, ...S.errorResponses } } },
    async (req) => db.tx((tx) => cases.detail(tx, kernel, actorOf(req), req.params.id)));

  app.get('/api/case-types', { schema: { tags: ['案件'], operationId: 'caseTypes', summary: '案件类型及其状态（列表筛选用）', response: { 200: z.array(S.CaseTypeInfo), ...S.errorResponses } } },
    async (req) => {
      actorOf(req);
      return [...kernel.caseTypes.values()].map(({ machine: m }) => ({
        type: m.type, label: m.label, plural: m.plural,
        states: Object.entries(m.states).map(([key, s]) => ({ key, label: s.label, terminal: !!s.terminal })),
      }));
    });

  app.post('/api/cases/:id/links', { schema: { tags: ['案件'], operationId: 'linkCase', summary: '关联案件（如复议案件与被申请复议的行政行为）', params: IdParam, body: S.CaseLinkInput, response: { 200: S.CaseDetail, ...S.errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return db.tx(async (tx) => cases.detail(tx, kernel, actor, (await cases.linkCases(tx, kernel, actor, req.params.id, req.body.to, req.body.kind)).id));
    });

  for (const [type, reg] of kernel.caseTypes) {
    if (reg.list !== false) {
      app.get(`/api/${reg.machine.plural}`, { schema: { tags: [reg.machine.label], operationId: `${type}.list`, summary: `${reg.machine.label}列表（按权限范围，可检索、筛选）`, querystring: S.CaseListQuery, response: { 200: S.paged(S.CaseSummary), ...S.errorResponses } } },
        async (req) => db.tx((tx) => cases.listOf(tx, kernel, actorOf(req), type, req.query)));
    }
    for (const [event, def] of Object.entries(reg.machine.events)) {
      if (def.system) continue;
      app.post(`/api/${reg.machine.plural}/:id/${event}`, {
        schema: { tags: [reg.machine.label], operationId: `${type}.${event}`, summary: def.label, params: IdParam, body: cases.eventInputSchema(reg.machine, event), response: { 200: S.CaseDetail, ...S.errorResponses } },
      }, async (req) => {
        const actor = actorOf(req);
        // One transaction: the response shows exactly the state this transition committed.
        return db.tx(async (tx) => cases.detail(tx, kernel, actor, req.params.id, await cases.transition(tx, kernel, actor, req.params.id, event, req.body, type)));
      });
    }
  }

  // ---- in-app inbox ----
  app.get('/api/inbox', { schema: { tags: ['消息'], operationId: 'inbox', response: { 200: z.array(S.InboxItem) } } },
    async (req) => (await db.tx((tx) => jobsRepo.listNotifications(tx, actorOf(req).id!))).map((n) => ({
      id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
    })));
  app.post('/api/inbox/:id/read', { schema: { tags: ['消息'], operationId: 'inboxRead', params: IdParam, response: { 200: Ok, ...S.errorResponses } } },
    async (req) => {
      const ok = await db.tx((tx) => jobsRepo.markNotificationRead(tx, actorOf(req).id!, req.params.id, kernel.now()));
      if (!ok) throw new AppError('NOT_FOUND');
      return { ok: true as const };
    });

  // ---- tenancy administration ----
  app.get('/api/admin/divisions', { schema: { tags: ['系统管理'], operationId: 'listDivisions', response: { 200: z.array(S.Division), ...S.errorResponses } } },
    async (req) => db.tx((tx) => tenancy.listDivisions(tx, actorOf(req))));
  app.post('/api/admin/divisions', { schema: { tags: ['系统管理'], operationId: 'addDivision', body: S.DivisionInput, response: { 200: S.Division, ...S.errorResponses } } },
    async (req) => {
      const d = await db.tx((tx) => tenancy.addDivision(tx, kernel, actorOf(req), req.body));
      return { code: d.code, name: d.name, level: d.level as S.Division['level'], parentCode: d.parentCode, path: d.path };
    });
  app.get('/api/admin/orgs', { schema: { tags: ['系统管理'], operationId: 'listOrgs', querystring: z.object({ divisionCode: S.DivisionCode.optional() }), response: { 200: z.array(S.Org), ...S.errorResponses } } },
    async (req) => db.tx((tx) => tenancy.listOrgs(tx, actorOf(req), req.query.divisionCode)));
  const orgOut = async (id: string, actor: ReturnType<typeof actorOf>) => (await db.tx((tx) => tenancy.listOrgs(tx, actor))).find((o) => o.id === id)!;
  app.post('/api/admin/orgs', { schema: { tags: ['系统管理'], operationId: 'addOrg', body: S.OrgInput, response: { 200: S.Org, ...S.errorResponses } } },
    async (req) => { const a = actorOf(req); const o = await db.tx((tx) => tenancy.saveOrg(tx, kernel, a, null, req.body)); return orgOut(o.id, a); });
  app.put('/api/admin/orgs/:id', { schema: { tags: ['系统管理'], operationId: 'updateOrg', params: IdParam, body: S.OrgInput, response: { 200: S.Org, ...S.errorResponses } } },
    async (req) => { const a = actorOf(req); const o = await db.tx((tx) => tenancy.saveOrg(tx, kernel, a, req.params.id, req.body)); return orgOut(o.id, a); });
  app.get('/api/admin/roles', { schema: { tags: ['系统管理'], operationId: 'listRoles', response: { 200: z.array(S.Role), ...S.errorResponses } } },
    async (req) => db.tx((tx) => tenancy.listRoles(tx, actorOf(req))));
  app.get('/api/admin/users', { schema: { tags: ['系统管理'], operationId: 'listUsers', querystring: S.UserQuery, response: { 200: S.paged(S.StaffUser), ...S.errorResponses } } },
    async (req) => db.tx((tx) => tenancy.listUsers(tx, kernel, actorOf(req), req.query)));
  app.post('/api/admin/users', { schema: { tags: ['系统管理'], operationId: 'addUser', body: S.UserInput, response: { 200: z.object({ id: S.Uuid }), ...S.errorResponses } } },
    async (req) => ({ id: (await db.tx((tx) => tenancy.addUser(tx, kernel, actorOf(req), req.body))).id }));
  app.put('/api/admin/users/:id/roles', { schema: { tags: ['系统管理'], operationId: 'setUserRoles', params: IdParam, body: S.UserRolesInput, response: { 200: Ok, ...S.errorResponses } } },
    async (req) => { await db.tx((tx) => tenancy.setRoles(tx, kernel, actorOf(req), req.params.id, req.body.roles)); return { ok: true as const }; });
  app.get('/api/admin/users/:id/contact', { schema: { tags: ['系统管理'], operationId: 'userContact', params: IdParam, response: { 200: z.object({ phone: z.string().nullable() }), ...S.errorResponses } } },
    async (req) => db.tx((tx) => tenancy.userContact(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/admin/users/:id/unlock', { schema: { tags: ['系统管理'], operationId: 'unlockUser', params: IdParam, response: { 200: Ok, ...S.errorResponses } } },
    async (req) => { await db.tx((tx) => tenancy.unlockUser(tx, kernel, actorOf(req), req.params.id)); return { ok: true as const }; });
  app.post('/api/admin/users/:id/disable', { schema: { tags: ['系统管理'], operationId: 'disableUser', params: IdParam, response: { 200: Ok, ...S.errorResponses } } },
    async (req) => { await db.tx((tx) => tenancy.disableUser(tx, kernel, actorOf(req), req.params.id)); return { ok: true as const }; });

  // ---- calendar ----
  const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
  app.get('/api/calendar/years/:year', { schema: { tags: ['节假日'], operationId: 'calendarYear', params: YearParam, response: { 200: S.CalendarYear, ...S.errorResponses } } },
    async (req) => { requirePermission(actorOf(req), 'calendar.read'); return db.tx((tx) => calendar.getYear(tx, req.params.year)); });
  app.post('/api/admin/calendar/years/:year', { schema: { tags: ['节假日'], operationId: 'openCalendarYear', params: YearParam, body: S.CalendarYearInput, response: { 200: S.CalendarYear, ...S.errorResponses } } },
    async (req) => db.tx(async (tx) => { await calendar.openYear(tx, actorOf(req), req.params.year, req.body.source, kernel.now()); return calendar.getYear(tx, req.params.year); }));
  app.post('/api/admin/calendar/years/:year/publish', { schema: { tags: ['节假日'], operationId: 'publishCalendarYear', params: YearParam, response: { 200: S.CalendarYear, ...S.errorResponses } } },
    async (req) => db.tx(async (tx) => { await calendar.publishYear(tx, actorOf(req), req.params.year, kernel.now()); return calendar.getYear(tx, req.params.year); }));
  const DateParam = z.object({ date: S.IsoDate });
  app.put('/api/admin/calendar/days/:date', { schema: { tags: ['节假日'], operationId: 'setCalendarDay', params: DateParam, body: S.CalendarDay.omit({ date: true }), response: { 200: S.CalendarYear, ...S.errorResponses } } },
    async (req) => db.tx(async (tx) => {
      await calendar.setDay(tx, actorOf(req), { date: req.params.date, ...req.body }, kernel.now());
      return calendar.getYear(tx, Number(req.params.date.slice(0, 4)));
    }));
  app.delete('/api/admin/calendar/days/:date', { schema: { tags: ['节假日'], operationId: 'removeCalendarDay', params: DateParam, response: { 200: S.CalendarYear, ...S.errorResponses } } },
    async (req) => db.tx(async (tx) => {
      await calendar.removeDay(tx, actorOf(req), req.params.date, kernel.now());
      return calendar.getYear(tx, Number(req.params.date.slice(0, 4)));
    }));
  app.get('/api/calendar/due', { schema: { tags: ['节假日'], operationId: 'calendarDue', querystring: z.object({ start: S.IsoDate, days: z.coerce.number().int().min(0).max(3650), unit: z.enum(['workday', 'natural']).default('workday') }), response: { 200: z.object({ dueDate: S.IsoDate, calendarVersion: z.string() }), ...S.errorResponses } } },
    async (req) => {
      const cal = await db.tx((tx) => kernel.calendar.get(tx));
      const { start, days, unit } = req.query;
      return { dueDate: unit === 'workday' ? cal.addWorkdays(start, days) : cal.addNaturalDays(start, days), calendarVersion: cal.version };
    });

  // ---- audit ----
  app.get('/api/admin/audit', { schema: { tags: ['审计'], operationId: 'listAudit', querystring: S.AuditQuery, response: { 200: S.paged(S.AuditRecord), ...S.errorResponses } } },
    async (req) => {
      requirePermission(actorOf(req), 'audit.read');
      const r = await db.tx((tx) => auditRepo.listRecords(tx, req.query));
      return { total: r.total, items: r.items.map((a) => ({ id: a.id, stream: a.stream, seq: a.seq, at: a.at.toISOString(), actorName: a.actorName, action: a.action, entityType: a.entityType, entityId: a.entityId, success: a.success, ip: a.ip, hash: a.hash })) };
    });

  // ---- metrics registry ----
  app.get('/api/metrics', { schema: { tags: ['统计'], operationId: 'listMetrics', response: { 200: z.array(S.MetricDef), ...S.errorResponses } } },
    async (req) => { requirePermission(actorOf(req), 'metrics.read'); return [...kernel.metrics.values()].map(({ key, label, unit, definition }) => ({ key, label, unit, definition })); });
  const MetricParam = z.object({ key: z.string().max(100) });
  const scopeOf = (actor: ReturnType<typeof actorOf>, q: S.MetricQuery) => {
    const scoped = figureScope(actor, q);
    if (q.from > q.to) throw new AppError('VALIDATION', '统计起始日期不能晚于截止日期');
    return { ...q, ...scoped };
  };
  app.get('/api/metrics/:key', { schema: { tags: ['统计'], operationId: 'metric', params: MetricParam, querystring: S.MetricQuery, response: { 200: S.MetricResult, ...S.errorResponses } } },
    async (req) => {
      const q = scopeOf(actorOf(req), req.query);
      const r = await db.tx((tx) => computeMetric(tx, kernel, req.params.key, q));
      if (!r) throw new AppError('NOT_FOUND', `指标${req.params.key}不存在`);
      return r;
    });
  app.get('/api/metrics/:key/rows', { schema: { tags: ['统计'], operationId: 'metricRows', summary: '指标背后的台账记录（非案件，如主动公开信息、法律顾问工作记录）', params: MetricParam, querystring: S.MetricQuery.extend(S.Page.shape).extend({ which: z.enum(['numerator', 'denominator']).default('numerator') }), response: { 200: S.MetricRowSet, ...S.errorResponses } } },
    async (req) => {
      const q = scopeOf(actorOf(req), req.query);
      return db.tx(async (tx) => {
        const r = await metricRecordSet(tx, kernel, actorOf(req), req.params.key, q, req.query.which, req.query);
        if (!r) throw new AppError('NOT_FOUND', `指标${req.params.key}不存在`);
        if (r === 'none') { const m = kernel.metrics.get(req.params.key)!; throw new AppError('NOT_FOUND', m.recordsNote ?? `指标${m.label}没有台账记录`); }
        return r;
      });
    });
  app.get('/api/metrics/:key/records', { schema: { tags: ['统计'], operationId: 'metricRecords', params: MetricParam, querystring: S.MetricQuery.extend(S.Page.shape).extend({ which: z.enum(['numerator', 'denominator']).default('numerator') }), response: { 200: S.paged(S.CaseSummary), ...S.errorResponses } } },
    async (req) => {
      const q = scopeOf(actorOf(req), req.query);
      return db.tx(async (tx) => {
        const r = await metricRecords(tx, kernel, actorOf(req), req.params.key, q, req.query.which, req.query);
        if (!r) throw new AppError('NOT_FOUND', `指标${req.params.key}不存在`);
        if (r === 'not-cases') { const m = kernel.metrics.get(req.params.key)!; throw new AppError('NOT_FOUND', m.recordsNote ?? `指标${m.label}的记录不是办件，请到相应台账查看`); }
        return { total: r.total, items: await cases.summaries(tx, kernel, r.items) };
      });
    });
}
