/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over 12345 tickets, so existing Open311
 * clients can file and follow them. A service is a dispatch-catalog category; service_request_id is the
 * ticket number. JSON only (the spec's XML format is optional). Errors use the spec's shape:
 * [{"code": <http status>, "description": "..."}]. POST needs an api_key issued by the administrator.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { and, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { cases, type Kernel, SYSTEM_ACTOR, isoWithOffset, utcOffset } from '../../../core/server';
import { isAppError } from '../../../core/shared/errors';
import { OPEN311_CODES, TICKET_CATEGORIES, TICKET_KINDS, TicketInput, type TicketKind } from '../shared/hotline.machine';
import * as svc from './hotline.service';
import * as repo from './hotline.repository';
import { tickets } from './hotline.tables';

const CATEGORY_BY_CODE = Object.fromEntries(Object.entries(OPEN311_CODES).map(([c, code]) => [code, c])) as Record<string, (typeof TICKET_CATEGORIES)[number]>;
const fail = (reply: FastifyReply, status: number, description: string) => reply.status(status).send([{ code: status, description }]);


export async function open311Routes(app: FastifyInstance, kernel: Kernel) {
  const { db } = kernel;
  const base = '/open311/v2';
  // The spec's POST bodies are form-encoded.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
  }

  app.get(`${base}/discovery.json`, async (req) => ({
    changeset: '2026-11-23T00:00:00+08:00',
    contact: '湖滨区12345政务服务便民热线中心',
    key_service: '向系统管理员申请 api_key',
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${req.protocol}://${req.host}${base}`, changeset: '2026-11-23T00:00:00+08:00', type: 'production', formats: ['application/json'] }],
  }));

  app.get(`${base}/services.json`, async () => TICKET_CATEGORIES.map((c) => ({
    service_code: OPEN311_CODES[c], service_name: c, description: `${c}类诉求，按派单目录转承办单位办理`,
    metadata: true, type: 'realtime', keywords: c, group: '12345',
  })));

  app.get<{ Params: { code: string } }>(`${base}/services/:code`, async (req, reply) => {
    const code = req.params.code.replace(/\.json$/, '');
    if (!CATEGORY_BY_CODE[code]) return fail(reply, 404, `service_code ${code} 不存在`);
    return {
      service_code: code,
      attributes: [{
        variable: true, code: 'kind', datatype: 'singlevaluelist', required: false, datatype_description: '诉求类型，默认“求助”',
        order: 1, description: '诉求类型', values: Object.entries(TICKET_KINDS).map(([key, name]) => ({ key, name })),
      }],
    };
  });

  app.post(`${base}/requests.json`, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, string | undefined>;
    if (!b.api_key) return fail(reply, 403, '缺少 api_key');
    const client = await db.tx((tx) => svc.open311ClientFor(tx, b.api_key!));
    if (!client) return fail(reply, 403, 'api_key 无效');
    const category = b.service_code ? CATEGORY_BY_CODE[b.service_code] : undefined;
    if (!category) return fail(reply, 400, `service_code ${b.service_code ?? ''} 不存在，请先查询 services.json`);
    // GeoReport v2: a request needs a location — lat & long, or address_string (address_id is not used here).
    if (!((b.lat && b.long) || b.address_string?.trim())) return fail(reply, 400, '请提供事发位置：lat 和 long，或 address_string');
    const kind = (b['attribute[kind]'] ?? 'help') as TicketKind;
    const description = (b.description ?? '').trim();
    const parsed = TicketInput.safeParse({
      kind, category, title: description.slice(0, 30) || category, description,
      callerName: [b.last_name, b.first_name].filter(Boolean).join('') || '网络用户', callerPhone: b.phone,
      address: b.address_string, lat: b.lat !== undefined ? Number(b.lat) : undefined, long: b.long !== undefined ? Number(b.long) : undefined,
    });
    if (!parsed.success) return fail(reply, 400, parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('；'));
    try {
      const r = await db.tx((tx) => svc.fileTicket(tx, kernel, SYSTEM_ACTOR, parsed.data, 'open311', { open311ServiceCode: b.service_code }));
      return [{ service_request_id: r.refNo, service_notice: '已登记，将按派单目录转承办单位办理，请凭编号查询进度', account_id: null }];
    } catch (e) {
      if (isAppError(e)) return fail(reply, e.status, e.message);
      throw e;
    }
  });

  /**
   * The centre's publication rule: category, agency, status and dates always; the text, exact address,
   * point and reply only where the caller consented (or filed through Open311 itself). Otherwise the place
   * is the township and the point is rounded to two decimals (about 1 km). Never the caller.
   */
  const view = (r: Awaited<ReturnType<typeof repo.open311Tickets>>[number]) => {
    const consented = (r.c.data as { consentToPublish?: boolean }).consentToPublish === true;
    const coarse = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
    return {
      service_request_id: r.c.refNo,
      status: r.c.closedAt ? 'closed' : 'open',
      status_notes: kernel.caseTypes.get('ticket')!.machine.states[r.c.state]?.label ?? r.c.state,
      service_name: r.t.category, service_code: OPEN311_CODES[r.t.category as keyof typeof OPEN311_CODES] ?? 'other',
      description: consented ? r.t.description : '', agency_responsible: r.orgName,
      service_notice: consented ? r.t.reply ?? '' : '诉求人未同意公开诉求内容，仅公开诉求分类、所在乡镇（街道）和办理状态',
      requested_datetime: isoWithOffset(kernel.tz, r.t.createdAt), updated_datetime: isoWithOffset(kernel.tz, r.c.updatedAt),
      expected_datetime: r.c.primaryDue ? `${r.c.primaryDue}T18:00:00${utcOffset(kernel.tz, new Date(`${r.c.primaryDue}T10:00:00Z`))}` : null,
      address: consented ? r.t.address ?? '' : r.placeName ?? '', address_id: null, zipcode: null,
      lat: consented ? r.t.lat : coarse(r.t.lat), long: consented ? r.t.long : coarse(r.t.long), media_url: null,
    };
  };

  app.get<{ Params: { id: string } }>(`${base}/requests/:id`, async (req, reply) => {
    const id = req.params.id.replace(/\.json$/, '');
    const rows = await db.tx((tx) => repo.open311Tickets(tx, sql`${cases.refNo} = ${id}`, 1));
    if (!rows.length) return fail(reply, 404, `service_request_id ${id} 不存在`);
    return rows.map(view);
  });

  const ListQuery = z.object({
    service_request_id: z.string().max(2000).optional(), service_code: z.string().max(40).optional(),
    start_date: z.iso.datetime({ offset: true }).optional(), end_date: z.iso.datetime({ offset: true }).optional(),
    status: z.enum(['open', 'closed']).optional(),
    // The de-facto paging extension (FixMyStreet/mySociety): page from 1, page_size up to the spec's 1000.
    page: z.coerce.number().int().min(1).max(100000).default(1),
    page_size: z.coerce.number().int().min(1).max(1000).default(1000),
  });
  app.get(`${base}/requests.json`, async (req, reply) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) return fail(reply, 400, '查询参数不正确：start_date/end_date 应为带时区的W3C时间，status 为 open 或 closed，page_size 不超过1000');
    const conds: (SQL | undefined)[] = [];
    if (q.data.service_request_id) conds.push(inArray(cases.refNo, q.data.service_request_id.split(',').map((s) => s.trim()).slice(0, 200)));
    else {
      // Spec default: the last 90 days, at most 1000 requests.
      const end = q.data.end_date ? new Date(q.data.end_date) : kernel.now();
      const start = q.data.start_date ? new Date(q.data.start_date) : new Date(end.getTime() - 90 * 86400_000);
      conds.push(gte(tickets.createdAt, start), lte(tickets.createdAt, end));
    }
    if (q.data.service_code) conds.push(sql`${tickets.category} = ${CATEGORY_BY_CODE[q.data.service_code] ?? '-'}`);
    if (q.data.status) conds.push(q.data.status === 'closed' ? sql`${cases.closedAt} IS NOT NULL` : sql`${cases.closedAt} IS NULL`);
    const rows = await db.tx((tx) => repo.open311Tickets(tx, and(...conds), q.data.page_size, (q.data.page - 1) * q.data.page_size));
    return rows.map(view);
  });
}
