import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { seedApplicationsDemo } from '../../applications/public';
import { deriveBundleState } from '../shared/bundle.derive';
import { seedBundlesDemo } from './bundles.seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '6000', DEMO_BUNDLES: '60' } });
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel)); // the demo's accounts, as seedDemo makes them first
  await seedApplicationsDemo(t.kernel);
  await seedBundlesDemo(t.kernel);
}, 120_000);
afterAll(async () => { await t.close(); });

describe('demo 一件事', () => {
  it('seeds a demo year whose bundles group same-day applications and whose states follow the same derivation', async () => {
    const parents = await t.kernel.db.query<{ id: string; state: string }>(`SELECT c.id, c.state FROM cases c JOIN bundle_cases b ON b.case_id = c.id WHERE b.is_demo`);
    expect(parents.length).toBeGreaterThan(0);
    for (const p of parents) {
      const kids = await t.kernel.db.query<{ state: string; d: string }>(`SELECT state, to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d FROM cases WHERE parent_id = $1`, [p.id]);
      expect(kids.length).toBeGreaterThan(1);
      expect(new Set(kids.map((k) => k.d)).size).toBe(1);
      expect(p.state).toBe(deriveBundleState(kids.map((k) => k.state)));
    }
  });

  it('is counted by the kernel like any case, and seeding twice adds nothing', async () => {
    const n = Number((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bundle_cases WHERE is_demo`))[0].n);
    await seedBundlesDemo(t.kernel);
    expect(Number((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bundle_cases WHERE is_demo`))[0].n)).toBe(n);
    const leader = await t.as('leader');
    const year = (await leader.get(`/api/metrics/cases.received?from=2025-11-03&to=2026-12-31&caseType=bundle`)).body;
    expect(year.value).toBe(n);
    const onTime = (await leader.get(`/api/metrics/cases.onTimeRate?from=2025-11-03&to=2026-12-31&caseType=bundle`)).body;
    const [r] = await t.kernel.db.query<{ done: number; ok: number }>(`SELECT count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS done, count(*) FILTER (WHERE closed_at IS NOT NULL AND primary_stopped <= primary_due)::int AS ok FROM cases WHERE type = 'bundle'`);
    expect(onTime.numerator).toBe(Number(r.ok));
    expect(onTime.denominator).toBe(Number(r.done));
  });
});
