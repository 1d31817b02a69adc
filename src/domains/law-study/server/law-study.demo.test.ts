import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { partThree } from '../public';
import { seedLawStudyDemo } from './law-study.seed';

let t: TestApp;
const SIZES = { DEMO_LAW_STUDY_OFFICIALS: '80', DEMO_LAW_STUDY_SESSIONS_PER_ORG: '1', DEMO_LAW_EXAM_QUESTIONS: '90', DEMO_SHUFA: '25', DEMO_LAW_STUDY_MEETINGS: '12' };
beforeAll(async () => {
  t = await startTestApp({ env: SIZES });
  // The demo's staff, created first as seedDemo does: the test template holds none.
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
  await seedLawStudyDemo(t.kernel);
  await seedLawStudyDemo(t.kernel); // a second run adds nothing
});
afterAll(async () => { await t.close(); });

const one = async (sql: string) => Number((await t.kernel.db.query<{ n: number }>(sql))[0].n);

describe('学法用法 demo year', () => {
  it('fills the register, sessions of every org, the annual exam, 述法 and meetings at the sizes set, and the figures read them', async () => {
    expect(await one(`SELECT count(*)::int AS n FROM law_study_officials`)).toBe(80);
    expect(await one(`SELECT count(*)::int AS n FROM orgs o WHERE o.division_code LIKE '411202%' AND NOT EXISTS (SELECT 1 FROM law_study_sessions s WHERE s.org_id = o.id)`)).toBe(0);
    expect(await one(`SELECT count(*)::int AS n FROM law_exam_questions`)).toBe(90);
    expect(await one(`SELECT count(*)::int AS n FROM law_exams`)).toBe(2);
    expect(await one(`SELECT count(*)::int AS n FROM law_study_shufa`)).toBe(25);

    const leader = await t.as('leader');
    const year = t.kernel.today().slice(0, 4);
    const q = `divisionCode=411202&from=${year}-01-01&to=${year}-12-31`;
    const m = async (key: string) => { const r = (await leader.get(`/api/metrics/${key}?${q}`)).body; return [r.numerator, r.denominator]; };
    const [takers] = await m('exams.takers');
    // Officials without an account sat it (a few did not); login users have not yet.
    expect(takers).toBeGreaterThan(0);
    expect(takers).toBeLessThanOrEqual(80);
    const [passed, base] = await m('exams.passRate');
    expect(base).toBe(takers);
    expect(passed).toBeLessThanOrEqual(takers);
    expect((await m('lawStudy.courtVisits'))[0]).toBe(2);
    const [covered, register] = await m('lawStudy.coverageRate');
    expect(register).toBe(80);
    expect(covered).toBeGreaterThan(0);
    expect((await m('shufa.officials'))[0]).toBe(25);

    const p3 = await t.kernel.db.tx((tx) => partThree(tx, '411202', Number(year)));
    const [counted] = await m('ruleOfLawMeetings.count');
    expect(p3.studiedCount).toBe(counted);
    expect(p3.meetings.length).toBeGreaterThanOrEqual(counted);
    // 区政府常务会坚持季度学法: no quarter of the year so far is missing.
    const admin = await t.as('leader');
    const check = (await admin.get(`/api/law-study/quarterly-check?year=${year}`)).body as { status: string }[];
    expect(check.filter((c) => c.status === 'missing')).toEqual([]);
  });
});
