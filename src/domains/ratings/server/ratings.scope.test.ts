import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';

const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const CLERK_HALL = { roles: ['clerk'], org: '湖滨区政务服务中心' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const q = 'from=2026-11-01&to=2026-11-30';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // One rating of a 市场监管局 member of staff and one of a hall counter, by QR code.
  const scjClerk = await t.staffUser(CLERK_SCJ);
  expect((await t.anon().post(`/api/public/rating-targets/staff/${scjClerk.id}`, { level: 1, comment: '态度差' })).status).toBe(200);
  const sites = (await (await t.staff(CLERK_HALL)).get('/api/ratings/sites')).body as { name: string; id: string; counters: { id: string }[] }[];
  const hall = sites.find((s) => s.name === '湖滨区政务服务中心')!;
  expect((await t.anon().post(`/api/public/rating-targets/counter/${hall.counters[0].id}`, { level: 5 })).status).toBe(200);
});
afterAll(async () => { await t.close(); });

describe('好差评 figures are scoped like every other figure', () => {
  it('a department reads its own org only, the county leader every org', async () => {
    const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
    const leader = (await (await t.staff(LEADER)).get(`/api/ratings/breakdown?by=org&${q}`));
    expect(leader.status).toBe(200);
    expect(names(leader.body)).toEqual(['湖滨区市场监督管理局', '湖滨区政务服务中心']);
    const director = await t.staff(DIRECTOR_SCJ);
    const own = await director.get(`/api/ratings/breakdown?by=org&${q}`);
    expect(own.status).toBe(200);
    expect(names(own.body)).toEqual(['湖滨区市场监督管理局']);
    // by staff member too: another department's people are not listed
    const staff = (await director.get(`/api/ratings/breakdown?by=staff&${q}`)).body as { name: string; bad: number }[];
    expect(staff).toHaveLength(1);
    expect(staff[0].bad).toBe(1);
    // asking for another org's figures by id answers 404, as opening its records would
    const hallOrg = (await t.staffUser(CLERK_HALL)).orgId;
    expect((await director.get(`/api/ratings/breakdown?by=org&${q}&orgId=${hallOrg}`)).status).toBe(404);
  });
});
