import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { seedApplicationsDemo } from '../../applications/public';
import { checkReport } from '../shared/report-check';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '500' } });
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel)); // the demo's accounts, as seedDemo makes them first
  await seedApplicationsDemo(t.kernel);
});
afterAll(async () => { await t.close(); });

describe('the report on a demo year', () => {
  it('writes the services figures the dashboard shows, and the checker finds nothing wrong in it', async () => {
    const sfj = await t.as('reviewer_sfj');
    const r = (await sfj.post('/api/annual-reports', { year: 2026, subjectKind: 'division', divisionCode: '411202' })).body;
    const paras = r.content.parts.flatMap((p: any) => p.sections.flatMap((s: any) => s.paragraphs));
    const text = paras.map((p: any) => p.segments.map((s: any) => s.text).join('')).join('\n');
    expect(text).toContain('全区政务服务事项共76项，其中不见面审批事项58项，占比76.32%。');
    // The demo fills the twelve months to 2026-11-02, so 2026 holds the applications filed from 1 January.
    const in2026 = Number((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE type = 'application' AND (created_at AT TIME ZONE 'Asia/Shanghai')::date >= '2026-01-01'`))[0].n);
    expect(in2026).toBeGreaterThan(0);
    expect(text).toContain(`全年受理各类政务服务事项${in2026}件，`);
    expect(text).toMatch(/全年受理各类政务服务事项\d+件，其中网上办理\d+件，窗口办理\d+件，办结\d+件，按时办结率达[\d.]+%。/);
    expect(checkReport(text).claims.filter((c) => c.status === 'mismatch')).toEqual([]);
    const dash = (await (await t.as('leader')).get('/api/dashboard?year=2026')).body;
    const onTime = paras.flatMap((p: any) => p.segments).find((s: any) => s.metric?.key === 'cases.onTimeRate').metric;
    expect([onTime.numerator, onTime.denominator]).toEqual([dash.totals['cases.onTimeRate'].numerator, dash.totals['cases.onTimeRate'].denominator]);
  });
});
