import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { seedCredentialsDemo } from './enforcement-credentials.seed';

let t: TestApp;
const N = 114; // a fifth of the report's 574, so the proportions stay whole
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_CREDENTIAL_HOLDERS: String(N) } });
  // The demo's staff, created first as seedDemo does: the test template holds none.
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
  t.clock.set('2026-12-07T09:00:00+08:00');
  await t.kernel.db.tx((tx) => ensureDecisionStaff(tx, t.kernel));
  const began = Date.now();
  await seedCredentialsDemo(t.kernel);
  console.log(`credential demo seed: ${N} holders in ${Date.now() - began} ms`);
  await seedCredentialsDemo(t.kernel); // a second run adds nothing
});
afterAll(async () => { await t.close(); });

describe('执法证件 demo year', () => {
  it('holds N cards at the end with the report\'s proportions of issues, supervision cards and cancellations, the year\'s issues through the machine', async () => {
    const today = t.kernel.today();
    const q = new URLSearchParams({ divisionCode: '411202', from: twelveMonthsBefore(today), to: today }).toString();
    const sfj = await t.as('legal_sfj');
    const m = async (key: string) => (await sfj.get(`/api/metrics/${key}?${q}`)).body;
    expect((await m('credentials.held')).numerator).toBe(N);
    expect((await m('credentials.issued')).numerator).toBe(Math.round((201 * N) / 574));
    expect((await m('credentials.supervisionIssued')).numerator).toBe(Math.round((20 * N) / 574));
    expect((await m('credentials.cancelled')).numerator).toBe(Math.round((84 * N) / 574));
    const rate = await m('training.hoursCompletionRate');
    expect(rate.denominator).toBe(N);
    expect(rate.numerator).toBeGreaterThan(N * 0.8);
    expect(rate.numerator).toBeLessThan(N);
    const reviewed = await sfj.get(`/api/metrics/credentials.reviewedRate?divisionCode=411202&from=2026-01-01&to=2026-12-31`);
    expect(reviewed.body.denominator).toBeGreaterThan(0);
    expect(reviewed.body.numerator).toBeLessThan(reviewed.body.denominator); // those short of hours failed
    // The year's issues are cases that went through the machine: one per new card, all 已发证.
    const cases = await t.kernel.db.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM cases WHERE type = 'credentialApplication' GROUP BY state`);
    expect(cases).toEqual([{ state: 'issued', n: Math.round((201 * N) / 574) + Math.round((20 * N) / 574) }]);
    // A holder who failed shows the reason on their page.
    const [failed] = await t.kernel.db.query<{ holder_id: string; reason: string }>(`SELECT holder_id, reason FROM credential_reviews WHERE NOT passed LIMIT 1`);
    const d = (await sfj.get(`/api/credential-holders/${failed.holder_id}`)).body;
    expect(d.cards[0].statusName).toBe('暂扣');
    expect(d.reviews.find((r: { passed: boolean }) => !r.passed).reason).toContain('不足规定的60学时');
  });
});
