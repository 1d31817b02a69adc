import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { seedCaseFileReviewDemo } from './case-file-review.seed';

let t: TestApp;
const one = async (sql: string) => Number((await t.kernel.db.query<{ n: number }>(sql))[0].n);

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_CFR_UNITS: '3', DEMO_CFR_FILES_PER_UNIT: '4' } });
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel)); // the demo's accounts, as seedDemo makes them first
  await t.kernel.db.tx((tx) => ensureDecisionStaff(tx, t.kernel));
  await seedCaseFileReviewDemo(t.kernel);
  await seedCaseFileReviewDemo(t.kernel); // a second run adds nothing
});
afterAll(async () => { await t.close(); });

describe('案卷评查 demo', () => {
  it('reviews units × files at the report’s proportions through the service and machine, and the figures count them', async () => {
    const today = t.kernel.today();
    const q = new URLSearchParams({ divisionCode: '411202', from: twelveMonthsBefore(today), to: today }).toString();
    const leader = await t.as('legal_sfj');
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body.numerator;
    expect(await one(`SELECT count(*)::int AS n FROM cfr_campaigns`)).toBe(1);
    expect(await m('caseFileReview.units')).toBe(3);
    expect(await m('caseFileReview.reviewed')).toBe(12);
    const problems = await m('caseFileReview.problems');
    // 70 per 130 files, plus any veto item the pre-check found beyond a file's share.
    expect(problems).toBeGreaterThanOrEqual(Math.round((12 * 70) / 130));
    expect(await m('caseFileReview.problemsFixed')).toBe(problems);
    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'rectification' AND state <> 'accepted'`)).toBe(0);
    expect(await m('caseFileReview.interviews')).toBe(1);
    expect(await m('caseFileReview.accountability')).toBe(1);
  });
});
