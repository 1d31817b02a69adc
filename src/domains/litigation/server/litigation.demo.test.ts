import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { seedLitigationDemo } from './litigation.seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // The demo's staff, created first as seedDemo does: the test template holds none.
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
  await t.kernel.db.tx((tx) => ensureDecisionStaff(tx, t.kernel));
  await seedLitigationDemo(t.kernel);
  await seedLitigationDemo(t.kernel); // a second run adds nothing
});
afterAll(async () => { await t.close(); });

const one = async (sql: string, params: unknown[] = []) => Number((await t.kernel.db.query<{ n: number }>(sql, params))[0].n);

describe('行政应诉 demo year', () => {
  it('fills the last twelve months through the machine: DEMO_LITIGATIONS suits, most closed, the recent ones still heard, a few heads absent', async () => {
    const today = t.kernel.today();
    const window = { divisionCode: '411202', from: twelveMonthsBefore(today), to: today };
    const q = new URLSearchParams(window).toString();
    const leader = await t.as('leader');
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body;
    const received = (await m('litigation.received')).numerator;
    expect(received).toBe(33); // DEMO_LITIGATIONS' default: the scale of the report the demo follows
    const [closed, pending] = [(await m('litigation.closed')).numerator, (await m('litigation.pending')).numerator];
    expect(closed + pending).toBe(received); // every suit of the year is either closed or still heard
    // The figures of the report the demo follows (结案26件，正在审理案件7件), on the test's today (2026-11-02).
    expect([closed, pending]).toEqual([26, 7]);
    expect(pending).toBeGreaterThan(3);
    expect(closed).toBeGreaterThan(pending);
    // Every suit was answered within its 15 days, by the machine's own clock.
    expect(await one(`SELECT count(*)::int AS n FROM case_clocks WHERE name = 'defence' AND (stopped_on IS NULL OR stopped_on > due_date)`)).toBeLessThanOrEqual(1);
    const absent = await one(`SELECT count(*)::int AS n FROM litigation_hearings WHERE appearance NOT IN ('主要负责人', '副职负责人')`);
    expect(absent).toBeGreaterThan(0);
    const rate = await m('litigation.headAppearanceRate');
    expect(rate.denominator - rate.numerator).toBe(absent);
    expect(rate.value).toBeGreaterThan(0.8);
    const loss = await m('litigation.lossRate');
    expect(loss.denominator).toBe(closed);
    expect(loss.numerator).toBe(await one(`SELECT count(*)::int AS n FROM litigation_suits WHERE final_outcome IN ('撤销', '确认违法', '履行', '给付', '确认无效', '变更', '行政协议责任')`));
    // Appeals by both sides reached the second instance; two 司法建议 came in.
    expect(await one(`SELECT count(DISTINCT appealed_by)::int AS n FROM litigation_suits`)).toBe(2);
    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'judicialAdvice'`)).toBe(2);
    expect(await one(`SELECT count(*)::int AS n FROM litigation_suits WHERE served_on > $1`, [today])).toBe(0);
  });

  it('prints the report sentence from the same figures', async () => {
    const year = Number(t.kernel.today().slice(0, 4));
    const leader = await t.as('leader');
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?divisionCode=411202&from=${year}-01-01&to=${year}-12-31`)).body;
    const report = (await (await t.as('reviewer_sfj')).post('/api/annual-reports', { year, subjectKind: 'division', divisionCode: '411202' })).body;
    const para = report.content.parts.flatMap((p: any) => p.sections.flatMap((x: any) => x.paragraphs)).find((p: any) => p.source === 'disputes.litigation');
    const text = para.segments.map((x: { text: string }) => x.text).join('');
    const [r, c, p, h, l] = [await m('litigation.received'), await m('litigation.closed'), await m('litigation.pending'), await m('litigation.headAppearanceRate'), await m('litigation.lossRate')];
    expect(text).toMatch(new RegExp(`^参加行政应诉案件${r.numerator}件，结案${c.numerator}件，正在审理案件${p.numerator}件，行政机关负责人出庭应诉率[\\d.]+%，败诉率[\\d.]+%`));
    const printed = (label: string) => Number(new RegExp(`${label}([\\d.]+)%`).exec(text)![1]) / 100;
    expect(printed('出庭应诉率')).toBeCloseTo(h.value, 4);
    expect(printed('败诉率')).toBeCloseTo(l.value, 4);
    // Each printed figure opens as many records as it counts (a rate: its numerator and its denominator).
    const figures = para.segments.filter((x: any) => x.metric);
    expect(figures.length).toBeGreaterThanOrEqual(5);
    for (const f of figures) {
      const { key, numerator, denominator, query } = f.metric;
      const kind = (await m(key)).records;
      // 出庭应诉率 per hearing (the default) opens the hearings; the other figures open cases.
      expect(kind, key).toBe(key === 'litigation.headAppearanceRate' ? 'rows' : 'cases');
      const records = async (which: string) => (await leader.get(`/api/metrics/${key}/${kind === 'rows' ? 'rows' : 'records'}?divisionCode=${query.divisionCode}&from=${query.from}&to=${query.to}&which=${which}&pageSize=1`)).body.total;
      expect(await records('numerator'), `${key} ${f.text}`).toBe(numerator);
      if (denominator !== null) expect(await records('denominator'), `${key} ${f.text}`).toBe(denominator);
    }
  });
});
