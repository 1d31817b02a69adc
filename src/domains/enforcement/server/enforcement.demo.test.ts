import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { seedEnforcementDemo } from './enforcement.seed';

let t: TestApp;
const one = async (sql: string, params: unknown[] = []) => Number((await t.kernel.db.query<{ n: number }>(sql, params))[0].n);

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_INSPECTIONS: '240', DEMO_PENALTIES: '60' } });
  // The demo's staff, created first as seedDemo does: the test template holds none.
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
  await t.kernel.db.tx((tx) => ensureDecisionStaff(tx, t.kernel));
  // The credential register's demo is another domain's: give two departments three officers each here.
  for (const name of ['湖滨区市场监督管理局', '湖滨区城市管理局']) {
    const [org] = await t.kernel.db.query<{ id: string; division_code: string }>(`SELECT id, division_code FROM orgs WHERE name = $1`, [name]);
    for (let i = 0; i < 3; i++) {
      const h = randomUUID();
      await t.kernel.db.query(`INSERT INTO credential_holders (id, name, org_id, division_code, post, employment, scope, status, created_at) VALUES ($1,$2,$3,$4,'执法人员','establishment','本机关权责清单','active',now())`, [h, `${name.slice(3, 5)}执法员${i + 1}`, org.id, org.division_code]);
      await t.kernel.db.query(`INSERT INTO credentials (id, holder_id, kind, number, verify_token, scope, issued_on, valid_to, status, org_id, division_code, created_at) VALUES ($1,$2,'enforcement',$3,$4,'本机关权责清单','2020-01-01','2030-12-31','valid',$5,$6,now())`, [randomUUID(), h, `4112${name.length}${i}${randomUUID().slice(0, 6)}`, randomUUID(), org.id, org.division_code]);
    }
  }
  await seedEnforcementDemo(t.kernel);
  await seedEnforcementDemo(t.kernel); // a second run adds nothing
});
afterAll(async () => { await t.close(); });

describe('执法 demo year', () => {
  it('fills the last twelve months through the machines: inspections by two credentialed officers within caps or approved, penalties along 第42/58/64条, publications mostly on time', async () => {
    const today = t.kernel.today();
    const q = new URLSearchParams({ divisionCode: '411202', from: twelveMonthsBefore(today), to: today }).toString();
    const leader = await t.as('legal_sfj');
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body;

    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'inspection'`)).toBe(240);
    expect(await one(`SELECT count(*)::int AS n FROM enforcement_inspections`)).toBe(240);
    expect(await one(`SELECT count(*)::int AS n FROM enforcement_inspections WHERE jsonb_array_length(officers) < 2`)).toBe(0);
    // Over the cap: every such visit went to the head (approved → completed/registered, or refused).
    const over = await one(`SELECT count(*)::int AS n FROM enforcement_inspections WHERE over_cap`);
    expect(over).toBeGreaterThan(0);
    expect(await one(`SELECT count(*)::int AS n FROM enforcement_inspections i JOIN case_events e ON e.case_id = i.case_id AND e.event = 'flagOverCap' WHERE i.over_cap`)).toBe(over);
    expect(await one(`SELECT count(*)::int AS n FROM enforcement_inspections i JOIN cases c ON c.id = i.case_id WHERE NOT i.over_cap AND c.state = 'refused'`)).toBe(0);
    const inspections = await m('enforcement.inspections');
    expect(inspections.numerator).toBe(await one(`SELECT count(*)::int AS n FROM enforcement_inspections i JOIN cases c ON c.id = i.case_id WHERE c.state = 'completed'`));
    const perFirm = await m('enforcement.inspectionsPerFirm');
    expect(perFirm.numerator).toBe(inspections.numerator);
    expect(perFirm.value).toBeGreaterThan(1);
    expect(await one(`SELECT count(*)::int AS n FROM enforcement_inspections WHERE rating IS NOT NULL`)).toBeGreaterThan(40);

    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'penalty'`)).toBe(60);
    expect(await one(`SELECT count(*)::int AS n FROM enforcement_evidence WHERE jsonb_array_length(officers) < 2`)).toBe(0);
    const penalties = await m('enforcement.penalties');
    expect(penalties.numerator).toBeGreaterThan(30);
    // 第58条: no decision on a case needing review without a passed one.
    expect(await one(`SELECT count(*)::int AS n FROM enforcement_penalties WHERE decided_on IS NOT NULL AND jsonb_array_length(review_grounds) > 0 AND review_passed IS NOT TRUE`)).toBe(0);
    expect((await m('enforcement.legalReviewed')).numerator).toBeGreaterThan(5);
    const onTime = await m('enforcement.publishedOnTimeRate');
    expect(onTime.denominator).toBeGreaterThan(onTime.numerator); // a few late or never published
    expect(onTime.value).toBeGreaterThan(0.8);
    // The public page shows published decisions with natural persons as 某.
    const pub = (await t.anon().get('/api/public/enforcement/decisions?pageSize=100')).body;
    expect(pub.total).toBeGreaterThan(10);
    expect(pub.items.filter((x: { partyKind: string }) => x.partyKind === '自然人').every((x: { party: string }) => x.party.endsWith('某'))).toBe(true);
    // Through the case engine: every penalty case's 90-day clock exists.
    expect(await one(`SELECT count(*)::int AS n FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE c.type = 'penalty' AND k.name = 'decide'`)).toBe(60);
  });
});
