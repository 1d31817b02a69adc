import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedApplicationsDemo } from '../../applications/public';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { BENEFIT_FIGURES } from './dashboard.service';

const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { DEMO_APPLICATIONS: '600', DEMO_BENEFIT_FIRMS: '200', DEMO_BENEFIT_PERSONS: '30' } }); await seedApplicationsDemo(t.kernel); });
afterAll(async () => { await t.close(); });

describe('驾驶舱', () => {
  it('agrees with the registry: months and departments add up to the year, rates match their counts', async () => {
    const leader = await t.staff(LEADER);
    const d = (await leader.get('/api/dashboard?year=2026')).body;
    const received = d.totals['cases.received'].numerator;
    // The demo's 600 fill the twelve months to 2026-11-02: the year 2026 holds those filed from January.
    const [{ n }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE created_at >= '2026-01-01T00:00:00+08:00' AND created_at < '2027-01-01T00:00:00+08:00'`);
    expect(received).toBe(n);
    expect(received).toBeGreaterThan(400);
    expect(d.months.reduce((s: number, m: { received: number }) => s + m.received, 0)).toBe(received);
    expect(d.orgs.reduce((s: number, o: { received: number }) => s + o.received, 0)).toBe(received);
    expect(d.orgs.reduce((s: number, o: { overdue: number }) => s + o.overdue, 0)).toBe(d.totals['cases.overdue'].numerator);
    const on = d.orgs.reduce((s: number, o: { onTimeNumerator: number }) => s + o.onTimeNumerator, 0);
    const den = d.orgs.reduce((s: number, o: { onTimeDenominator: number }) => s + o.onTimeDenominator, 0);
    expect([on, den]).toEqual([d.totals['cases.onTimeRate'].numerator, d.totals['cases.onTimeRate'].denominator]);
    // one month through the registry directly gives the same figure as the grouped query
    const m = d.months[3];
    const direct = (await leader.get(`/api/metrics/cases.received?from=${m.from}&to=${m.to}&caseType=application`)).body;
    expect(direct.numerator).toBe(m.received);
    // the figures come from the daily rollup, the records from the cases themselves: they must agree
    for (const key of ['cases.received', 'cases.completed', 'cases.onTimeRate', 'cases.overdue']) {
      const rec = (await leader.get(`/api/metrics/${key}/records?from=${d.from}&to=${d.to}&caseType=application&pageSize=1`)).body;
      expect(rec.total, key).toBe(d.totals[key].numerator);
    }
    const denRecords = (await leader.get(`/api/metrics/cases.onTimeRate/records?from=${d.from}&to=${d.to}&caseType=application&pageSize=1&which=denominator`)).body;
    expect(denRecords.total).toBe(d.totals['cases.onTimeRate'].denominator);
  });

  it('shows the 法治政府 figures beside the services, each the registry\'s own figure opening its own records', async () => {
    await t.kernel.domains.find((x) => x.name === 'litigation')!.seedDemo!(t.kernel);
    const leader = await t.staff(LEADER);
    const d = (await leader.get('/api/dashboard?year=2026')).body;
    const lit = d.ruleOfLaw.find((m: { key: string }) => m.key === 'litigation.received');
    expect(lit).toMatchObject({ title: '行政应诉案件' });
    expect(lit.numerator).toBeGreaterThan(0);
    // every 复议 and 应诉 figure issue 11 names is on the leader's dashboard
    const keys = d.ruleOfLaw.map((m: { key: string }) => m.key);
    for (const k of ['received', 'accepted', 'closed', 'closedRate', 'correctionRate', 'mediatedRate', 'simpleProcedureShare']) expect(keys).toContain(`reconsideration.${k}`);
    for (const k of ['received', 'closed', 'pending', 'lossRate', 'headAppearanceRate']) expect(keys).toContain(`litigation.${k}`);
    for (const m of d.ruleOfLaw as { key: string; numerator: number; denominator: number | null; records: string }[]) {
      const direct = (await leader.get(`/api/metrics/${m.key}?from=${d.from}&to=${d.to}`)).body;
      expect([m.numerator, m.denominator], m.key).toEqual([direct.numerator, direct.denominator]);
      if (m.records === 'cases') expect((await leader.get(`/api/metrics/${m.key}/records?from=${d.from}&to=${d.to}&pageSize=1`)).body.total, m.key).toBe(m.numerator);
    }
  });

  it('shows the 免申即享 figures, each the registry\'s own figure opening its own records', async () => {
    await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
    await t.kernel.db.tx((tx) => ensureDecisionStaff(tx, t.kernel));
    await t.kernel.domains.find((x) => x.name === 'benefits')!.seedDemo!(t.kernel);
    const leader = await t.staff(LEADER);
    const d = (await leader.get('/api/dashboard?year=2026')).body;
    expect(d.benefits.map((m: { key: string }) => m.key)).toEqual(BENEFIT_FIGURES.map(([k]) => k));
    const fig = (key: string) => d.benefits.find((m: { key: string }) => m.key === key);
    // The demo publishes P1–P10 (nine of them 免申即享) and pays a batch: none of the row is empty.
    expect(fig('benefits.policies')).toMatchObject({ title: '惠企政策兑现事项', numerator: 10 });
    expect(fig('benefits.policiesNoApplication')).toMatchObject({ numerator: 9, denominator: 10 });
    for (const key of ['benefits.firmsBenefited', 'benefits.amountPaid']) expect(fig(key).numerator, key).toBeGreaterThan(0);
    for (const m of d.benefits as { key: string; numerator: number; denominator: number | null; records: string }[]) {
      const direct = (await leader.get(`/api/metrics/${m.key}?from=${d.from}&to=${d.to}`)).body;
      expect([m.numerator, m.denominator], m.key).toEqual([direct.numerator, direct.denominator]);
      const q = `from=${d.from}&to=${d.to}&pageSize=200`;
      if (m.records === 'cases') {
        expect((await leader.get(`/api/metrics/${m.key}/records?${q}`)).body.total, m.key).toBe(m.numerator);
      } else {
        const rows = (await leader.get(`/api/metrics/${m.key}/rows?${q}`)).body;
        // 兑现资金 opens the ledger rows: they add up to the figure; the others open one row per firm or result.
        if (m.key === 'benefits.amountPaid') expect(rows.rows.reduce((s: number, r: { amount: string }) => s + Math.round(Number(r.amount) * 100), 0)).toBe(Math.round(m.numerator * 100));
        else expect(rows.total, m.key).toBe(m.numerator);
      }
    }
  });

  it('is for leaders only, and only for their own division', async () => {
    expect((await (await t.staff(CLERK_SCJ)).get('/api/dashboard?year=2026')).status).toBe(403);
    expect((await (await t.staff(LEADER)).get('/api/dashboard?year=2026&divisionCode=411203')).status).toBe(404);
  });

  it('shows a department\'s director their own org only, named on the page, and its figures are that org\'s share', async () => {
    const county = (await (await t.staff(LEADER)).get('/api/dashboard?year=2026')).body;
    const mine = (await (await t.staff(DIRECTOR_SCJ)).get('/api/dashboard?year=2026')).body;
    expect(mine.orgName).toBe('湖滨区市场监督管理局');
    expect(mine.orgs.map((o: { orgId: string }) => o.orgId)).toEqual([mine.orgId]);
    const row = county.orgs.find((o: { orgId: string }) => o.orgId === mine.orgId);
    expect(mine.totals['cases.received'].numerator).toBe(row.received);
    expect(mine.totals['cases.received'].numerator).toBeLessThan(county.totals['cases.received'].numerator);
    expect(county.orgName).toBeNull();
  });
});
