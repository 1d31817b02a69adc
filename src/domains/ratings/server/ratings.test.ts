import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { deliverPending } from '../../../core/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };

let t: TestApp;
let counterId: string;
beforeAll(async () => {
  t = await startTestApp();
  const [c] = await t.kernel.db.query<{ id: string }>(`SELECT c.id FROM counters c JOIN orgs o ON o.id = c.org_id WHERE o.name = '湖滨区政务服务中心' ORDER BY c.name LIMIT 1`);
  counterId = c.id;
});
afterAll(async () => { await t.close(); });

describe('好差评', () => {
  it('takes a QR rating without login; a good one opens nothing', async () => {
    const info = (await t.anon().get(`/api/public/counters/${counterId}`)).body;
    expect(info.orgName).toBe('湖滨区政务服务中心');
    const r = await t.anon().post('/api/public/ratings', { counterId, level: 5 });
    expect(r.body).toMatchObject({ bad: false });
    const bad = await t.anon().post('/api/public/ratings', { counterId, level: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].message).toMatch(/^评价等级：/);
  });

  it('turns every 差评 into a 整改 case in the rated org\'s 工作台 with its 1- and 15-working-day clocks', async () => {
    const r = await t.anon().post('/api/public/ratings', { counterId, level: 2, comment: '等了很久没人理', phone: '13912340000' });
    expect(r.body.bad).toBe(true);
    const clerk = await t.staff(CLERK_ZWZX);
    const wb = (await clerk.get('/api/workbench?pageSize=50')).body;
    const item = wb.items.find((i: { caseType: string }) => i.caseType === 'complaintFix');
    expect(item).toMatchObject({ caseTypeName: '差评整改', stateName: '待核实回访', badge: { label: '剩余1个工作日' } });
    const d = (await clerk.get(`/api/cases/${item.id}`)).body;
    expect(d.clocks.map((c: { label: string; limit: number; dueDate: string }) => [c.label, c.limit, c.dueDate])).toEqual([['核实回访期限', 1, '2026-11-03'], ['整改期限', 15, '2026-11-23']]);
    expect((await clerk.post(`/api/complaint-fixes/${item.id}/contact`, { note: '已电话联系评价人' })).status).toBe(200);
    const done = await clerk.post(`/api/complaint-fixes/${item.id}/rectify`, { note: '已增设引导员，评价人表示认可' });
    // the rated unit cannot close its own 差评: the district's check does
    expect(done.body.stateName).toBe('待验收');
    expect((await clerk.post(`/api/complaint-fixes/${item.id}/acceptFix`, { note: '自己验收' })).status).toBe(403);
    const accepted = await (await t.staff(LEADER)).post(`/api/complaint-fixes/${item.id}/acceptFix`, { note: '已电话向评价人核实，整改到位' });
    expect(accepted.body.stateName).toBe('已整改反馈');
    await deliverPending(t.kernel);
    const log = readFileSync(join(t.kernel.config.dataDir, 'outbox', 'sms.log'), 'utf8');
    expect(log).toContain('13912340000');
    expect(log).toContain('已增设引导员');
  });

  it('counts ratings, 差评 and the 整改率 from the records, and lets an appeal take a mistaken one out', async () => {
    const r = (await t.anon().post('/api/public/ratings', { counterId, level: 1, comment: '点错了' })).body;
    const [{ fix_case_id: fix }] = await t.kernel.db.query<{ fix_case_id: string }>(`SELECT fix_case_id FROM ratings WHERE id = $1`, [r.id]);
    const clerk = await t.staff(CLERK_ZWZX);
    expect((await clerk.post(`/api/complaint-fixes/${fix}/appeal`, { note: '评价人来电说明误点' })).status).toBe(200);
    expect((await clerk.post(`/api/complaint-fixes/${fix}/upholdAppeal`, { note: '窗口自行复核' })).status).toBe(403);
    expect((await (await t.staff(LEADER)).post(`/api/complaint-fixes/${fix}/upholdAppeal`, { note: '经复核属误评，不计入' })).status).toBe(200);
    const leader = await t.staff(LEADER);
    const q = 'from=2026-11-01&to=2026-11-30';
    const get = async (k: string) => (await leader.get(`/api/metrics/${k}?${q}`)).body;
    expect((await get('ratings.total')).value).toBe(3);
    expect((await get('ratings.bad')).value).toBe(2);
    expect(await get('ratings.fixRate')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect((await get('ratings.satisfactionRate')).value).toBeCloseTo(1 / 3);
    const recs = (await leader.get(`/api/metrics/ratings.bad/records?${q}`)).body;
    expect(recs.total).toBe(2);
  });
});
