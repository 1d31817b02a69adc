/**
 * The authorization matrix (DESIGN §5): every GET route of the OpenAPI document × every kind of user
 * of the demo district, on a small demo year of every domain. No response may carry a case the user
 * could not open by id (canSee), except cases a route publishes to everyone (a published normative
 * document, a public letter). The route list comes from the running app, so a route added tomorrow is
 * covered tomorrow; a route whose path parameters this test cannot fill must be listed below with the
 * reason, or the test fails.
 *
 * This is the test that would have caught the 2026-12 leak: a department reviewer paging through
 * `GET /api/metrics/<key>/records?divisionCode=<the county>`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../helpers/harness';
import { seedDemo } from '../../src/app/server/demo-district';
import { actorFor } from '../../src/core/server/auth.service';
import { canSee, type Actor } from '../../src/core/server/actor';
import * as tenancy from '../../src/core/server/tenancy.repository';

const DEMO_SIZES: Record<string, string> = {
  DEMO_APPLICATIONS: '240', DEMO_BUNDLES: '12', DEMO_TICKETS: '120', DEMO_LETTERS: '12', DEMO_RATINGS: '120',
  DEMO_DISCLOSURE_ITEMS: '30', DEMO_DISCLOSURE_REQUESTS: '12', DEMO_CREDENTIAL_HOLDERS: '60',
  DEMO_DISPUTES: '120', DEMO_SCREENINGS_PER_VILLAGE: '2', DEMO_LEGAL_ADVISERS: '10', DEMO_ADVISER_WORK: '60',
  DEMO_INSPECTIONS: '60', DEMO_PENALTIES: '20',
};
const COUNTY = '411202';
const PERIOD = { divisionCode: COUNTY, from: '2026-01-01', to: '2026-12-31' };

/** Staff of the demo district by the scope they hold, the public and the three administrators. */
const STAFF = [
  'clerk_hbjd', // township clerk
  'clerk_scj', 'reviewer_scj', 'director_scj', // one department
  'clerk_mzj', 'clerk_rsj', 'clerk_wjw', 'clerk_cgj', // other departments
  'leader', 'reviewer_sfj', 'operator_12345', 'callback_zwzx', 'catalog_spj', 'secrecy',
  'tiaojie_hx', 'jcgk_sfj', 'guwen_hx', // a village 调委会, the justice bureau's mediation office, a village adviser ('self')
  'admin', 'secadmin', 'auditor',
];
const CITIZENS = [
  { name: '甲市民', idNumber: '11010519491231002X', phone: '13800000001' },
  { name: '乙市民', idNumber: '34052419800101001X', phone: '13800000002' },
];

/**
 * Cases some routes show to everyone by design, and only there: what the county has published.
 * Keyed by route; anything else carrying such a case is still checked against canSee.
 */
const PUBLISHED: Record<string, string[]> = {
  '/api/public/normative-docs': ['normativeDoc'],
  '/api/public/normative-docs/consultations': ['normativeDoc'],
  '/api/public/normative-docs/:id': ['normativeDoc'],
  '/api/public/normative-docs/:id/draft': ['normativeDoc'], // a draft out for public comment
  '/api/public/major-decisions': ['majorDecision'],
  '/api/public/annual-reports': ['annualReport'],
  '/api/public/annual-reports/:id': ['annualReport'],
  '/api/public/letters': ['letter'],
  '/api/public/enforcement/decisions': ['penalty'], // 行政执法公示: decisions published under 第48条
  // 12345 tickets under the centre's publication rule: category, township and status; the text, place and
  // reply only with the caller's consent, never a 举报, never the caller (hotline.test checks the content).
  '/open311/v2/requests.json': ['ticket'],
};

/**
 * Routes whose readers see case ids of any scope by their office: the audit administrator reads the
 * whole audit trail (三员分立: record ids and actions, no case content), and only they may call it.
 */
const WHOLE_TRAIL: Record<string, string> = { '/api/admin/audit': 'auditor' };

/** GET routes whose path parameters are not case ids or metric keys, and how their scope is tested. */
const NOT_FILLED: Record<string, string> = {
  '/api/calendar/years/:year': 'the published calendar: no case rows',
  '/api/public/rating-targets/:kind/:id': 'a QR rating target (site, counter, staff): no case rows',
  '/api/public/rating-invitations/:token': 'a hashed SMS token: ratings.channels.test',
  '/api/public/licences/verify/:token': 'a licence QR token: licences.test',
  '/api/public/credentials/verify/:token': 'an enforcement credential QR token (no case rows): enforcement-credentials.test',
  '/api/public/appointments/:code': 'an appointment code plus phone digits: appointments.test (rate-limited look-up)',
  '/api/ratings/posters/:kind/:id/:format': 'a QR poster of a site or counter: no case rows',
  '/api/public/bundle-definitions/:code': 'a bundle definition: public by design',
  '/open311/v2/services/:code': 'an Open311 service definition: public by design',
  '/api/applications/:id/files/:fileId': "a case's uploaded file: scope (another org's clerk 404, another case's file 404) in corrections.test",
  '/api/penalties/:id/attachments/:attachmentId': "a penalty's 全过程记录 file: scope (another org's clerk 404, another id 404) in enforcement.test",
  '/api/law-study/sessions/:id/materials/:materialId': "a study session's material file: scope (another org's director 404, a clerk without the read right 404) in law-study.test",
  '/api/public/inspections/:token': "an inspection visit's QR token (the firm's phone page): enforcement.test",
};

type Row = { id: string; refNo: string; type: string; orgId: string; divisionCode: string; applicantId: string | null; createdBy: string | null };

let t: TestApp;
let rows: Row[];
const byKey = new Map<string, Row>();
const actors = new Map<string, { client: Client; actor: Actor | null }>();

beforeAll(async () => {
  t = await startTestApp({ env: DEMO_SIZES });
  await seedDemo(t.kernel);
  // Two members of the public, each the applicant of a few cases of their own.
  for (const [i, c] of CITIZENS.entries()) {
    expect((await t.anon().post('/api/auth/register', { kind: 'person', ...c, password: 'Citizen#2026' })).status).toBe(200);
    const [u] = await t.kernel.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [c.idNumber]);
    await t.kernel.db.query(`UPDATE cases SET applicant_id = $1 WHERE id IN (SELECT id FROM cases WHERE type = 'application' AND applicant_id IS NULL ORDER BY ref_no OFFSET $2 LIMIT 3)`, [u.id, i * 3]);
  }
  rows = await t.kernel.db.query<Row>(`SELECT id, ref_no AS "refNo", type, org_id AS "orgId", division_code AS "divisionCode", applicant_id AS "applicantId", created_by AS "createdBy" FROM cases`);
  for (const r of rows) { byKey.set(r.id, r); byKey.set(r.refNo, r); }
  for (const name of [...STAFF, ...CITIZENS.map((c) => c.idNumber)]) {
    const client = name.length === 18 ? await new Client(t.app).login(name, 'Citizen#2026') : await t.as(name);
    const actor = await t.kernel.db.tx(async (tx) => actorFor(tx, (await tenancy.getUserByUsername(tx, name))!));
    actors.set(name, { client, actor });
  }
  actors.set('anonymous', { client: t.anon(), actor: null });
}, 600_000);
afterAll(async () => { await t?.close(); });

/** Every string in a JSON body (ids, numbers, titles…), to find the cases it carries. */
function* strings(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* strings(x);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) yield* strings(x);
}

function leaks(route: string, actor: Actor | null, body: unknown): string[] {
  const out: string[] = [];
  const published = PUBLISHED[route] ?? [];
  for (const s of strings(body)) {
    const row = byKey.get(s);
    if (!row || published.includes(row.type)) continue;
    if (actor && canSee(actor, row)) continue;
    out.push(`${row.type} ${row.refNo}`);
  }
  return out;
}

describe('authorization matrix: every GET route × every kind of user', () => {
  it('returns no case outside the user’s scope from any list, search, export, metric or records route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).filter(([, ops]) => ops.get).map(([p]) => p.replace(/\{(\w+)\}/g, ':$1'));
    expect(routes.length).toBeGreaterThan(80);
    const metricKeys = [...t.kernel.metrics.keys()];
    // Case ids to try on every `:id` route: one of each type from two different orgs.
    const samples: string[] = [];
    for (const type of new Set(rows.map((r) => r.type))) {
      const ofType = rows.filter((r) => r.type === type);
      const other = ofType.find((r) => r.orgId !== ofType[0].orgId);
      samples.push(ofType[0].id, ...(other ? [other.id] : []));
    }
    const unfilled: string[] = [];
    const urls: { route: string; url: string }[] = [];
    for (const route of routes) {
      const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]);
      if (params.length === 0) urls.push({ route, url: route });
      else if (params.length === 1 && params[0] === 'key' && route.startsWith('/api/metrics/')) for (const k of metricKeys) urls.push({ route, url: route.replace(':key', k) });
      else if (NOT_FILLED[route]) continue;
      else if (params.length === 1 && params[0] === 'id') for (const id of samples) urls.push({ route, url: route.replace(':id', id) });
      else unfilled.push(route);
    }
    expect(Object.keys(NOT_FILLED).filter((r) => !routes.includes(r)), 'NOT_FILLED names routes that no longer exist').toEqual([]);
    expect(unfilled, 'GET routes with path parameters this test cannot fill: give them samples or a reason in NOT_FILLED').toEqual([]);

    const problems: string[] = [];
    let answered = 0;
    for (const { route, url } of urls) {
      for (const [name, { client, actor }] of actors) {
        // The attack of 2026-12: ask for the whole county and a whole year, a large page.
        const q = new URLSearchParams({ ...PERIOD, page: '1', pageSize: '100' });
        let r = await client.get(`${url}?${q}`);
        if (r.status === 400) r = await client.get(url);
        if (r.status >= 500) problems.push(`${name} GET ${url}: ${r.status}`);
        if (r.status !== 200) continue;
        answered++;
        if (WHOLE_TRAIL[route] === name) continue;
        for (const l of leaks(route, actor, r.body)) problems.push(`${name} GET ${url}: ${l}`);
      }
    }
    expect([...new Set(problems.map((p) => p.replace(/: \S+ \S+$/, '')))].slice(0, 60)).toEqual([]);
    // The matrix really ran: most requests were answered, and some answers carried cases.
    expect(answered).toBeGreaterThan(urls.length);
  }, 900_000);

  it('gives a department reviewer only their own org’s records and figures, whatever division they ask for', async () => {
    const { client, actor } = actors.get('reviewer_scj')!;
    const own = actor!.grants[0].orgId;
    const q = new URLSearchParams({ ...PERIOD, pageSize: '100' });
    const recs = (await client.get(`/api/metrics/cases.received/records?${q}`)).body as { total: number; items: { id: string }[] };
    expect(recs.total).toBeGreaterThan(0);
    expect(recs.items.every((c) => byKey.get(c.id)!.orgId === own)).toBe(true);
    const countyTotal = rows.filter((r) => r.divisionCode.startsWith('411202')).length;
    expect(recs.total).toBeLessThan(countyTotal);
    const figure = (await client.get(`/api/metrics/cases.received?${q}`)).body as { numerator: number; query: { orgId: string } };
    expect(figure.query.orgId).toBe(own);
    // Another org's figures answer 404, as another org's case does.
    const other = rows.find((r) => r.orgId !== own)!.orgId;
    expect((await client.get(`/api/metrics/cases.received?${new URLSearchParams({ ...PERIOD, orgId: other })}`)).status).toBe(404);
    // The leader reads the county and its records, all of them in the county.
    const leader = actors.get('leader')!.client;
    const all = (await leader.get(`/api/metrics/cases.received/records?${q}&caseType=application`)).body as { total: number };
    const fig = (await leader.get(`/api/metrics/cases.received?${q}&caseType=application`)).body as { numerator: number };
    expect(all.total).toBe(fig.numerator);
    expect(all.total).toBeGreaterThan(recs.total);
  });

  it('opens the rows behind figures over registries that are not cases, counted as the figure, in scope', async () => {
    const leader = actors.get('leader')!.client;
    const q = new URLSearchParams({ ...PERIOD, pageSize: '200' });
    type Rows = { columns: { key: string; label: string }[]; rows: Record<string, string | number | null>[]; total: number };
    for (const key of ['disclosure.published', 'legalCounsel.opinions', 'legalCounsel.consultations']) {
      const fig = (await leader.get(`/api/metrics/${key}?${q}`)).body as { numerator: number; records: string };
      expect(fig.records, key).toBe('rows');
      const rows = (await leader.get(`/api/metrics/${key}/rows?${q}`)).body as Rows;
      expect(rows.total, key).toBe(fig.numerator);
      expect(rows.total, key).toBeGreaterThan(0);
      expect(rows.rows.length, key).toBe(Math.min(200, rows.total));
    }
    const onTime = (await leader.get(`/api/metrics/disclosure.publishedOnTimeRate?${q}`)).body as { numerator: number; denominator: number };
    const num = (await leader.get(`/api/metrics/disclosure.publishedOnTimeRate/rows?${q}`)).body as Rows;
    const den = (await leader.get(`/api/metrics/disclosure.publishedOnTimeRate/rows?${q}&which=denominator`)).body as Rows;
    expect([num.total, den.total]).toEqual([onTime.numerator, onTime.denominator]);
    expect(num.rows.every((r) => r.timely === '按时')).toBe(true);
    expect(num.columns.map((c) => c.label)).toContain('发布日期');
    // A department's director reads their own org's items only, as with case records.
    const director = actors.get('director_scj')!;
    const own = (await director.client.get(`/api/metrics/disclosure.published/rows?${q}`)).body as Rows;
    const orgName = director.actor!.grants[0].orgName;
    expect(own.rows.every((r) => r.org === orgName)).toBe(true);
    expect(own.total).toBeLessThan((await leader.get(`/api/metrics/disclosure.published/rows?${q}`)).body.total);
    // A figure whose records are cases has no rows, and says where they are.
    expect((await leader.get(`/api/metrics/cases.received/rows?${q}`)).status).toBe(404);
    expect((await leader.get(`/api/metrics/cases.received?${q}`)).body.records).toBe('cases');
  });
});
