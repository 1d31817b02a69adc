import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { computeMetric } from '../../../core/server';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { seedReconsiderationDemo } from './reconsideration.seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_DISCLOSURE_ITEMS: '10', DEMO_DISCLOSURE_REQUESTS: '24', DEMO_RECONSIDERATIONS: '48' } });
  // The demo's staff, created first as seedDemo does: the test template holds none.
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
  // The disclosure demo's replies are what some cases challenge: its seed, as `seedAfter` runs it.
  await t.kernel.domains.find((d) => d.name === 'disclosure')!.seedDemo!(t.kernel);
  await seedReconsiderationDemo(t.kernel);
}, 300_000);
afterAll(async () => { await t.close(); });

describe('行政复议 demo year', () => {
  it('fills the last twelve months through the machine with the outcomes of a county year', async () => {
    const q = { divisionCode: '411202', from: twelveMonthsBefore(t.kernel.today()), to: t.kernel.today() };
    const m = async (k: string) => (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, `reconsideration.${k}`, q)))!;
    expect((await m('received')).numerator).toBe(48);
    const rate = await m('correctionRate');
    expect(rate.denominator).toBeGreaterThan(25);
    expect(rate.numerator / rate.denominator!).toBeGreaterThan(0.45);
    expect(rate.numerator / rate.denominator!).toBeLessThan(0.7);
    expect((await m('mediatedRate')).numerator).toBeGreaterThan(0);
    expect((await m('simpleProcedureShare')).numerator).toBeGreaterThan(0);
    const [states] = await t.kernel.db.query<{ open: number; refused: number; abandoned: number; deemed: number; absent: number; linked: number; extended: number }>(`
      SELECT count(*) FILTER (WHERE c.state IN ('received', 'correcting', 'underReview', 'suspended'))::int AS open,
             count(*) FILTER (WHERE c.state = 'refused')::int AS refused, count(*) FILTER (WHERE c.state = 'abandoned')::int AS abandoned,
             count(*) FILTER (WHERE r.deemed_accepted)::int AS deemed, count(*) FILTER (WHERE r.head_attended = false)::int AS absent,
             count(*) FILTER (WHERE r.act_case_id IS NOT NULL)::int AS linked,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.name = 'decide' AND jsonb_array_length(k.extensions) > 0))::int AS extended
      FROM cases c JOIN reconsiderations r ON r.case_id = c.id`);
    expect(states.open).toBeGreaterThan(0);
    expect(states.refused).toBeGreaterThan(0);
    expect(states.abandoned).toBeGreaterThan(0);
    expect(states.deemed).toBeGreaterThan(0);
    expect(states.absent).toBeGreaterThan(0);
    expect(states.linked).toBeGreaterThan(0);
    expect(states.extended).toBeGreaterThan(0);
    // Every case has its timeline: created and moved by events, never written into its state.
    const [{ bare }] = await t.kernel.db.query<{ bare: number }>(`SELECT count(*)::int AS bare FROM cases c WHERE c.type = 'reconsideration' AND c.state <> 'received' AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.event <> 'create')`);
    expect(bare).toBe(0);
  });

  it('issues 意见书 in the demo year (第76条), some answered and one overdue, and the figure opens as many letters as it counts', async () => {
    const q = { divisionCode: '411202', from: twelveMonthsBefore(t.kernel.today()), to: t.kernel.today() };
    const letters = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'reconsideration.opinionLetters', q)))!.numerator;
    expect(letters).toBeGreaterThan(0);
    const legal = await t.as('legal_sfj');
    const recs = (await legal.get(`/api/metrics/reconsideration.opinionLetters/records?${new URLSearchParams({ ...q, pageSize: '100' })}`)).body;
    expect(recs.total).toBe(letters);
    expect(recs.items.every((r: { refNo: string; link: string }) => r.refNo.startsWith('FYJ') && r.link.startsWith('/reconsideration/opinions/'))).toBe(true);
    const [s] = await t.kernel.db.query<{ replied: number; overdue: number; pending: number }>(`
      SELECT count(*) FILTER (WHERE c.state = 'replied')::int AS replied,
             count(*) FILTER (WHERE c.state = 'issued' AND k.due_date < $1::date)::int AS overdue,
             count(*) FILTER (WHERE c.state = 'issued' AND k.due_date >= $1::date)::int AS pending
      FROM reconsideration_opinions o JOIN cases c ON c.id = o.case_id JOIN case_clocks k ON k.case_id = c.id AND k.name = 'reply'`, [t.kernel.today()]);
    expect(s.replied).toBeGreaterThan(0);
    expect(s.overdue).toBe(1);
    expect(s.replied + s.overdue + s.pending).toBe(letters);
  });

  it('prints the annual report’s 复议 sentence from the demo year, each figure opening its records', async () => {
    const year = Number(t.kernel.today().slice(0, 4));
    const report = (await (await t.as('reviewer_sfj')).post('/api/annual-reports', { year, subjectKind: 'division', divisionCode: '411202' })).body;
    const para = report.content.parts.flatMap((p: any) => p.sections.flatMap((x: any) => x.paragraphs)).find((p: any) => p.source === 'disputes.reconsideration');
    const figures = para.segments.filter((x: any) => x.metric);
    expect(figures.length).toBeGreaterThanOrEqual(3);
    const legal = await t.as('legal_sfj');
    for (const f of figures) {
      const { key, numerator, denominator, query } = f.metric;
      expect(key).toMatch(/^reconsideration\./);
      // A count prints the numerator; a rate prints numerator ÷ denominator: both open as many records.
      const records = async (which: string) => (await legal.get(`/api/metrics/${key}/records?divisionCode=${query.divisionCode}&from=${query.from}&to=${query.to}&which=${which}&pageSize=1`)).body.total;
      expect(await records('numerator'), `${key} ${f.text}`).toBe(numerator);
      if (denominator !== null) expect(await records('denominator'), `${key} ${f.text}`).toBe(denominator);
    }
  });
});
