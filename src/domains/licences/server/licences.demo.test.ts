import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { seedApplicationsDemo } from '../../applications/public';
import { seedLicencesDemo } from './licences.seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '3000' } });
  // The demo's staff, created first as seedDemo does: the test template holds none.
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
  await seedApplicationsDemo(t.kernel);
  await seedLicencesDemo(t.kernel);
}, 120_000);
afterAll(async () => { await t.close(); });

const one = async <T>(q: string) => (await t.kernel.db.query<T>(q))[0];

describe('demo e-licences', () => {
  it('issues one licence per delivered demo application of a licence-issuing item, each with its own number', async () => {
    const { delivered } = await one<{ delivered: number }>(`SELECT count(*)::int AS delivered FROM cases c JOIN applications a ON a.case_id = c.id JOIN service_items s ON s.id = a.item_id
      WHERE c.state = 'delivered' AND EXISTS (SELECT 1 FROM licence_types t WHERE t.item_codes ? s.code)`);
    const { issued, distinctNo } = await one<{ issued: number; distinctNo: number }>(`SELECT count(*)::int AS issued, count(DISTINCT licence_no)::int AS "distinctNo" FROM licences WHERE source = 'application'`);
    expect(delivered).toBeGreaterThan(0);
    expect(Number(issued)).toBe(Number(delivered));
    expect(Number(distinctNo)).toBe(Number(issued));
    // each licence is valid from its application's delivery day
    const { off } = await one<{ off: number }>(`SELECT count(*)::int AS off FROM licences l JOIN cases c ON c.id = l.source_case_id WHERE l.valid_from <> (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date`);
    expect(Number(off)).toBe(0);
    const leader = await t.as('leader');
    const year = `from=${twelveMonthsBefore(t.kernel.today())}&to=${t.kernel.today()}` // the demo fills the last twelve months;
    // the figure also counts this year's automatic renewals of imported licences
    const { thisYear } = await one<{ thisYear: number }>(`SELECT count(*)::int AS "thisYear" FROM licences WHERE source <> 'import' AND issued_at >= '${twelveMonthsBefore(t.kernel.today())}T00:00:00+08:00'`);
    expect(Number(thisYear)).toBeGreaterThan(Number(issued));
    expect((await leader.get(`/api/metrics/licences.issued?${year}`)).body.value).toBe(Number(thisYear));
  });

  it('writes the annual report\'s licence sentence from the same figures', async () => {
    const y = Number(t.kernel.today().slice(0, 4));
    const fig = async (k: string) => (await (await t.as('leader')).get(`/api/metrics/${k}?from=${y}-01-01&to=${y}-12-31`)).body.value;
    const [issued, reminded, renewed] = [await fig('licences.issued'), await fig('licences.reminded'), await fig('licences.renewed')];
    expect(issued).toBeGreaterThan(0);
    const report = (await (await t.as('reviewer_sfj')).post('/api/annual-reports', { year: y, subjectKind: 'division', divisionCode: '411202' })).body;
    const para = report.content.parts.flatMap((p: any) => p.sections.flatMap((x: any) => x.paragraphs)).find((p: any) => p.source === 'services.licences');
    // A clause whose figure has no records is left out, never written as 0.
    const clauses = [`发放电子证照${issued}张`, reminded ? `证照到期前提醒${reminded}张` : null, renewed ? `无感续证${renewed}张` : null].filter(Boolean);
    expect(para.segments.map((x: { text: string }) => x.text).join('')).toBe(`${clauses.join('，')}。`);
  });

  it('has imported licences around their expiry, reminded once by the seed run, with renewals filed where the type is 无感续证', async () => {
    const leader = await t.as('leader');
    const expiring = (await leader.get('/api/licences?status=expiring&pageSize=100')).body;
    expect(expiring.total).toBeGreaterThan(0);
    const today = t.kernel.today();
    const due = await one<{ n: number }>(`SELECT count(*)::int AS n FROM licences l JOIN licence_types t ON t.id = l.type_id
      WHERE l.source = 'import' AND l.valid_to >= '${today}' AND l.valid_to <= '${today}'::date + 90`);
    const reminded = await one<{ n: number }>(`SELECT count(DISTINCT licence_id)::int AS n FROM licence_reminders`);
    expect(Number(reminded.n)).toBe(Number(due.n));
    const filed = await one<{ n: number }>(`SELECT count(*)::int AS n FROM licence_reminders WHERE action = 'renewalFiled'`);
    const prefilledDue = await one<{ n: number }>(`SELECT count(*)::int AS n FROM licences l JOIN licence_types t ON t.id = l.type_id
      WHERE l.source = 'import' AND t.auto_renewal = 'prefilled' AND l.valid_to >= '${today}' AND l.valid_to <= '${today}'::date + 90`);
    expect(Number(filed.n)).toBe(Number(prefilledDue.n));
    // seeding again changes nothing
    await seedLicencesDemo(t.kernel);
    expect(Number((await one<{ n: number }>(`SELECT count(DISTINCT licence_id)::int AS n FROM licence_reminders`)).n)).toBe(Number(reminded.n));
  });
});
