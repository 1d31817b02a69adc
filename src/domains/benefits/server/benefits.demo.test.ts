import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { seedBenefitsDemo } from './benefits.seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_BENEFIT_FIRMS: '300', DEMO_BENEFIT_PERSONS: '60' } });
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel)); // the demo's accounts, as seedDemo makes them first
  await t.kernel.db.tx((tx) => ensureDecisionStaff(tx, t.kernel));
  await seedBenefitsDemo(t.kernel);
});
afterAll(async () => { await t.close(); });

const one = async (sql: string) => Number((await t.kernel.db.query<{ n: number }>(sql))[0].n);

describe('免申即享 demo', () => {
  it('publishes P1–P10, scans the register thirty days ago, pays the confirmed in a batch; the figures and the report sentence follow the ledger', async () => {
    expect(await one(`SELECT count(*)::int AS n FROM benefit_subjects`)).toBe(360);
    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'benefitPolicy' AND state = 'published'`)).toBe(10);
    expect(await one(`SELECT count(DISTINCT source)::int AS n FROM benefit_batches`)).toBeGreaterThanOrEqual(8);
    const eligible = await one(`SELECT count(*)::int AS n FROM benefit_results WHERE outcome = 'eligible'`);
    expect(eligible).toBeGreaterThan(20);
    expect(await one(`SELECT count(*)::int AS n FROM benefit_results WHERE outcome = 'nearMiss'`)).toBeGreaterThan(0);
    // Every stored result carries its explanation; every payment cites a published version.
    expect(await one(`SELECT count(*)::int AS n FROM benefit_results WHERE jsonb_array_length(explanation) = 0`)).toBe(0);
    expect(await one(`SELECT count(*)::int AS n FROM benefit_ledger l JOIN benefit_policy_versions v ON v.id = l.version_id WHERE v.status <> 'published'`)).toBe(0);
    const paidFen = await one(`SELECT coalesce(sum(amount_fen), 0)::float8 AS n FROM benefit_ledger`);
    expect(paidFen).toBeGreaterThan(0);
    const firms = await one(`SELECT count(DISTINCT l.subject_id)::int AS n FROM benefit_ledger l JOIN benefit_subjects s ON s.id = l.subject_id WHERE s.kind = 'enterprise'`);
    const people = await one(`SELECT count(DISTINCT l.subject_id)::int AS n FROM benefit_ledger l JOIN benefit_subjects s ON s.id = l.subject_id WHERE s.kind = 'person'`);
    const leader = await t.as('leader');
    const q = 'divisionCode=411202&from=2026-01-01&to=2026-12-31';
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body;
    expect((await m('benefits.amountPaid')).numerator).toBeCloseTo(paidFen / 100, 2);
    expect((await m('benefits.firmsBenefited')).numerator).toBe(firms);
    expect((await m('benefits.peopleBenefited')).numerator).toBe(people);
    expect(await m('benefits.policiesNoApplication')).toMatchObject({ numerator: 9, denominator: 10 });
    // One in eight eligible results was left unconfirmed: 应享未享 once the period has passed.
    expect((await m('benefits.unclaimed')).numerator).toBeGreaterThan(0);

    const sfj = await t.as('reviewer_sfj');
    const r = (await sfj.post('/api/annual-reports', { year: 2026, subjectKind: 'division', divisionCode: '411202' })).body;
    const text = r.content.parts.flatMap((p: any) => p.sections.flatMap((s: any) => s.paragraphs)).map((p: any) => p.segments.map((s: any) => s.text).join('')).join('\n');
    const wan = (Math.floor((paidFen + 5000) / 10000) / 100).toFixed(2).replace(/\.?0+$/, '');
    expect(text).toContain(`梳理惠企政策10件，兑现资金${wan}万元，惠及企业${firms}家，其中“免申即享”政策占比90%。`);
  });
});
