import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { seedCaseFileReviewDemo, seedSupervisionDemo } from './case-file-review.seed';

let t: TestApp;
const one = async (sql: string) => Number((await t.kernel.db.query<{ n: number }>(sql))[0].n);

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_CFR_UNITS: '3', DEMO_CFR_FILES_PER_UNIT: '4', DEMO_SUPERVISIONS: '12', DEMO_JOINT_MEETINGS: '4' } });
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel)); // the demo's accounts, as seedDemo makes them first
  await t.kernel.db.tx((tx) => ensureDecisionStaff(tx, t.kernel));
  await seedCaseFileReviewDemo(t.kernel);
  await seedCaseFileReviewDemo(t.kernel); // a second run adds nothing
  await seedSupervisionDemo(t.kernel);
  await seedSupervisionDemo(t.kernel);
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

  it('dates the campaign as it would run, not all on the seed day: drawn before scoring, scored over weeks, accepted after issue', async () => {
    const today = t.kernel.today();
    const [c] = await t.kernel.db.query<{ sampled: string; first: string; last: string; days: number }>(
      `SELECT (SELECT sampled_on::text FROM cfr_campaigns) AS sampled, min(reviewed_on)::text AS first, max(reviewed_on)::text AS last, count(DISTINCT reviewed_on)::int AS days FROM cfr_files`);
    expect(c.sampled <= c.first).toBe(true);
    expect(c.last <= today).toBe(true);
    // Unless the seed runs in the first days of January, the scores fall on several days before the seed day.
    if (today.slice(5) > '02-15') { expect(c.sampled < today).toBe(true); expect(Number(c.days)).toBeGreaterThan(1); }
    expect(await one(`SELECT count(*)::int AS n FROM cfr_problems p JOIN cfr_files f ON f.id = p.file_id WHERE p.fixed_on < f.reviewed_on`)).toBe(0);
  });

  it('seeds the bureau’s supervision year: matters through the machine and 联席会议 spread over the months, counted by their figures', async () => {
    const today = t.kernel.today();
    const q = new URLSearchParams({ divisionCode: '411202', from: twelveMonthsBefore(today), to: today }).toString();
    const legal = await t.as('legal_sfj');
    const m = async (key: string) => (await legal.get(`/api/metrics/${key}?${q}`)).body.numerator;
    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'supervision'`)).toBe(12);
    expect(await m('supervision.notices')).toBe(await one(`SELECT count(*)::int AS n FROM sup_matters WHERE issued_on IS NOT NULL`));
    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'supervision' AND state = 'dismissed'`)).toBe(2);
    expect(await m('enforcement.jointMeetings')).toBe(4);
    expect(await one(`SELECT count(DISTINCT date_trunc('month', held_on))::int AS n FROM sup_joint_meetings`)).toBe(4);
    expect(await one(`SELECT count(DISTINCT date_trunc('month', received_on))::int AS n FROM sup_matters`)).toBeGreaterThan(6);
  });
});
