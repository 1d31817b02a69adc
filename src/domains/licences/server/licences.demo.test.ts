import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedServicesDemo } from '../../services/server/services.seed';
import { seedLicencesDemo } from './licences.seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  process.env.DEMO_APPLICATIONS = '3000';
  await seedServicesDemo(t.kernel);
  await seedLicencesDemo(t.kernel);
}, 120_000);
afterAll(async () => { await t.close(); delete process.env.DEMO_APPLICATIONS; });

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
    const year = `from=${t.kernel.today().slice(0, 4)}-01-01&to=${t.kernel.today()}`;
    // the figure also counts this year's automatic renewals of imported licences
    const { thisYear } = await one<{ thisYear: number }>(`SELECT count(*)::int AS "thisYear" FROM licences WHERE source <> 'import' AND issued_at >= '${t.kernel.today().slice(0, 4)}-01-01T00:00:00+08:00'`);
    expect(Number(thisYear)).toBeGreaterThan(Number(issued));
    expect((await leader.get(`/api/metrics/licences.issued?${year}`)).body.value).toBe(Number(thisYear));
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
