/**
 * The product on 5 January 2027, when the bundled calendar (to 2026-12-31) does not cover today and the
 * 2027 notice has not been entered (DESIGN §5: nothing depends on today's date falling inside it): the
 * whole demo seeds the last twelve months, the 2026 annual report drafts from it, and a clock started
 * today gets a provisional 预计 due date instead of none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../helpers/harness';
import { seedDemo } from '../../src/app/server/demo-district';
import { checkReport } from '../../src/domains/annual-report/shared/report-check';

const SIZES: Record<string, string> = {
  DEMO_APPLICATIONS: '300', DEMO_TICKETS: '200', DEMO_LETTERS: '20', DEMO_RATINGS: '200', DEMO_BUNDLES: '20',
  DEMO_DISCLOSURE_ITEMS: '50', DEMO_DISCLOSURE_REQUESTS: '20', DEMO_INSPECTIONS: '60', DEMO_PENALTIES: '20',
};

let t: TestApp;
beforeAll(async () => {
  Object.assign(process.env, SIZES);
  t = await startTestApp({ clock: testClock('2027-01-05T09:00:00+08:00') });
  await seedDemo(t.kernel);
}, 600_000);
afterAll(async () => {
  await t.close();
  for (const k of Object.keys(SIZES)) delete process.env[k];
});

const count = async (sqlText: string) => Number((await t.kernel.db.query<{ n: number }>(sqlText))[0].n);
const year = (col: string, y: number) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '${y}-01-01' AND '${y}-12-31'`;

describe('the demo seeded on 2027-01-05', () => {
  it('fills the last twelve months: the whole of 2026 (from January), and nothing in the future', async () => {
    expect(t.kernel.today()).toBe('2027-01-05');
    const in2026 = await count(`SELECT count(*)::int AS n FROM cases WHERE ${year('created_at', 2026)}`);
    expect(in2026).toBeGreaterThan(300); // the applications alone are 300 over the twelve months
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE type = 'application' AND (created_at AT TIME ZONE 'Asia/Shanghai')::date < '2026-02-01'`)).toBeGreaterThan(0);
    // The flow of the twelve months starts 2026-01-06 (older normative documents stand for the clean-up set).
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE type IN ('application', 'ticket', 'disclosureRequest', 'bundle') AND (created_at AT TIME ZONE 'Asia/Shanghai')::date < '2026-01-06'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE (created_at AT TIME ZONE 'Asia/Shanghai')::date > '2027-01-05'`)).toBe(0);
    // (No bundle at this size: a bundle needs its component applications filed on the same day.)
    for (const type of ['application', 'ticket', 'disclosureRequest']) {
      expect(await count(`SELECT count(*)::int AS n FROM cases WHERE type = '${type}' AND ${year('created_at', 2026)}`), type).toBeGreaterThan(0);
    }
    // Open cases whose due date runs into unpublished 2027 carry a provisional one, none an empty one.
    expect(await count(`SELECT count(*)::int AS n FROM case_clocks WHERE due_date > '2026-12-31' AND NOT provisional`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM case_clocks WHERE state = 'running' AND due_date IS NULL`)).toBe(0);
  });

  it('drafts the 2026 annual report with figures that the checker finds consistent', async () => {
    const sfj = await t.as('reviewer_sfj');
    const res = await sfj.post('/api/annual-reports', { year: 2026, subjectKind: 'division', divisionCode: '411202' });
    expect(res.status).toBe(200);
    const paras = res.body.content.parts.flatMap((p: any) => p.sections.flatMap((s: any) => s.paragraphs));
    const text = paras.map((p: any) => p.segments.map((s: any) => s.text).join('')).join('\n');
    const received = /全年受理各类政务服务事项(\d+)件/.exec(text);
    expect(received).not.toBeNull();
    expect(Number(received![1])).toBeGreaterThan(0);
    expect(Number(received![1])).toBe(await count(`SELECT count(*)::int AS n FROM cases WHERE type = 'application' AND ${year('created_at', 2026)}`));
    expect(checkReport(text).claims.filter((c) => c.status === 'mismatch')).toEqual([]);
  });

  it('gives a clock started today a provisional 预计 due date, and shows the case list', async () => {
    const clerk = await t.as('clerk_scj');
    const orgs = (await (await t.as('admin')).get('/api/admin/orgs')).body as { id: string; name: string }[];
    const filed = await clerk.post('/api/permits', { title: '新年第一件', orgId: orgs.find((o) => o.name === '湖滨区市场监督管理局')!.id });
    expect(filed.status).toBe(200);
    const d = (await clerk.get(`/api/cases/${filed.body.id}`)).body;
    // 2027-01-05 (Tuesday) + 5 working days on weekends alone = 2027-01-12.
    expect(d.clocks[0]).toMatchObject({ dueDate: '2027-01-12', provisional: true });
    expect(d.clocks[0].badge).toMatchObject({ label: '剩余5个工作日（预计）', provisional: '预计：2027年节假日安排尚未发布，按周末推算' });
    const wb = await clerk.get('/api/workbench?pageSize=20');
    expect(wb.status).toBe(200);
    expect(wb.body.total).toBeGreaterThan(0);
  });
});
