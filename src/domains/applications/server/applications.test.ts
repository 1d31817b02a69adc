import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedApplicationsDemo } from './applications.seed';
import { verifyAudit } from '../../../core/server';

const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const REVIEWER_SCJ = { roles: ['reviewer'], org: '湖滨区市场监督管理局' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

let t: TestApp;
let food: { id: string; orgName: string };
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '400' } });
  await seedApplicationsDemo(t.kernel);
  const items = (await t.anon().get('/api/public/service-items?q=食品经营许可')).body;
  food = items.find((i: { name: string }) => i.name.includes('食品经营许可'));
});
afterAll(async () => { await t.close(); });

const FOOD_MATERIALS = [{ name: '食品经营许可申请书', provided: true }, { name: '营业执照', provided: false }, { name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', provided: true }, { name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录', provided: true }];
const walkIn = { kind: 'person', name: '李明', idNumber: '11010519491231002X', phone: '13912345678' };

describe('办件 at the counter', () => {
  it('lists the real county items publicly, searchable in Chinese by what people call them', async () => {
    const all = (await t.anon().get('/api/public/service-items')).body;
    // 77 reference items; 特困人员认定 (SI-043) stays a draft: 0 visits but window-only breaks §2.3.
    expect(all.length).toBe(76);
    expect(all.map((i: { code: string }) => i.code)).not.toContain('SI-043');
    expect(food.orgName).toBe('湖滨区市场监督管理局');
    const names = async (q: string) => (await t.anon().get(`/api/public/service-items?q=${encodeURIComponent(q)}`)).body.map((i: { name: string }) => i.name);
    expect(await names('新生儿')).toEqual(expect.arrayContaining(['出生登记（户口登记）', '出生医学证明签发（首次签发）']));
    expect(await names('餐饮')).toContain('食品经营许可（新办）');
    expect(await names('营业执照')).toEqual(expect.arrayContaining(['企业设立登记', '个体工商户设立登记']));
    expect(await names('开办餐饮店')).toContain('食品经营许可（新办）');
    expect(await names('不存在的事项名')).toEqual([]);
    // as people say it: 生孩子 finds the birth items, 开饭店 the catering licence
    expect(await names('生孩子')).toEqual(expect.arrayContaining(['出生登记（户口登记）', '生育登记']));
    expect(await names('开饭店')).toContain('食品经营许可（新办）');
  });

  it('files at the generalist counter, routes to the item\'s org, and runs the statutory path to delivery', async () => {
    const hall = await t.staff(CLERK_ZWZX); // 政务服务中心 综合窗口
    const bad = await hall.post('/api/applications', { itemId: food.id, applicant: { ...walkIn, idNumber: '110105194912310021' } });
    expect(bad.status).toBe(422);
    expect(bad.body.details.fields[0].message).toMatch(/校验位/);
    const r = await hall.post('/api/applications', { itemId: food.id, applicant: walkIn, assisted: true, materials: FOOD_MATERIALS, idempotencyKey: 'walkin-1' });
    expect(r.status).toBe(200);
    const again = await hall.post('/api/applications', { itemId: food.id, applicant: walkIn, materials: FOOD_MATERIALS, idempotencyKey: 'walkin-1' });
    expect(again.body).toMatchObject({ id: r.body.id, created: false });
    // the hall clerk follows what they took in, but the decision is the department's
    const seen = (await hall.get(`/api/cases/${r.body.id}`)).body;
    expect(seen.actions).toEqual([]);
    expect((await hall.post(`/api/applications/${r.body.id}/accept`, {})).status).toBe(403);
    const scj = await t.staff(CLERK_SCJ);
    let d = (await scj.get(`/api/cases/${r.body.id}`)).body;
    expect(d.orgName).toBe('湖滨区市场监督管理局');
    expect(d.fields).toContainEqual({ label: '帮办代办', value: (await t.staffUser(CLERK_ZWZX)).displayName });
    expect(d.fields.find((f: { label: string }) => f.label === '材料').value).toContain('营业执照（部门共享）（容缺后补）');
    expect(d.actions.map((a: { event: string }) => a.event).sort()).toEqual(['accept', 'reject', 'requestCorrection']);
    expect((await scj.post(`/api/applications/${r.body.id}/accept`, {})).status).toBe(200);
    d = (await scj.get(`/api/cases/${r.body.id}`)).body;
    const legal = d.clocks.find((c: { name: string }) => c.name === 'legal');
    expect(legal).toMatchObject({ state: 'running', primary: true });
    expect(legal.limit).toBeGreaterThan(0);
    expect((await (await t.staff(REVIEWER_SCJ)).post(`/api/applications/${r.body.id}/approve`, {})).status).toBe(200);
    const done = await scj.post(`/api/applications/${r.body.id}/deliver`, { method: '窗口领取' });
    expect(done.status).toBe(200);
    expect(done.body.stateName).toBe('已办结');
    // the applicant tracks it by number with the last 4 of the id number, nothing else
    const tr = await t.anon().get(`/api/public/applications/track?refNo=${done.body.refNo}&idLast4=002X`);
    expect(tr.body).toMatchObject({ itemName: food ? expect.any(String) : '', stateName: '已办结' });
    expect((await t.anon().get(`/api/public/applications/track?refNo=${done.body.refNo}&idLast4=1234`)).status).toBe(404);
    expect((await verifyAudit(t.kernel.db)).ok).toBe(true);

    // Guessing the four digits from one address: after LOOKUP_MAX_FAILURES misses that address is refused,
    // even with the right digits; another address is not.
    const track = (last4: string, ip: string) => t.app.inject({ method: 'GET', url: `/api/public/applications/track?refNo=${done.body.refNo}&idLast4=${last4}`, remoteAddress: ip });
    const max = t.kernel.config.LOOKUP_MAX_FAILURES;
    for (let i = 0; i < max; i++) expect((await track(String(1000 + i), '203.0.113.7')).statusCode).toBe(404);
    const refused = await track('002X', '203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toBe(`查询失败次数过多，请${t.kernel.config.LOOKUP_WINDOW_MINUTES}分钟后再试`);
    expect((await track('002X', '203.0.113.8')).statusCode).toBe(200);
  });

  it('lets a registered citizen file online and see only their own applications', async () => {
    expect((await t.anon().post('/api/auth/register', { kind: 'person', name: '王芳', idNumber: '34052419800101001X', phone: '13800001111', password: 'Citizen#2026' })).status).toBe(200);
    const me = await t.anon().login('34052419800101001X', 'Citizen#2026');
    const r = await me.post('/api/applications', { itemId: food.id, materials: FOOD_MATERIALS });
    expect(r.status).toBe(200);
    const mine = (await me.get('/api/applications')).body;
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([r.body.id]);
    const d = (await me.get(`/api/cases/${r.body.id}`)).body;
    expect(d.fields).toContainEqual({ label: '办理渠道', value: '网上办理' });
    expect(d.actions.map((a: { event: string }) => a.event)).toEqual(['withdraw']);
  });

  it('counts applications by channel and gives the on-time rate for the demo year from the records', async () => {
    const leader = await t.staff(LEADER);
    // The demo fills the twelve months up to the test's today (2026-11-02).
    const q = new URLSearchParams({ from: '2025-11-03', to: '2026-12-31', divisionCode: '411202' });
    const online = (await leader.get(`/api/metrics/applications.online?${q}`)).body;
    const counter = (await leader.get(`/api/metrics/applications.counter?${q}`)).body;
    const received = (await leader.get(`/api/metrics/cases.received?${q}&caseType=application`)).body;
    expect(online.value + counter.value).toBe(received.value);
    expect(received.value).toBeGreaterThanOrEqual(400);
    const onTime = (await leader.get(`/api/metrics/cases.onTimeRate?${q}&caseType=application`)).body;
    expect(onTime.denominator).toBeGreaterThan(0);
    expect(onTime.value).toBeGreaterThan(0.8);
    expect(onTime.value).toBeLessThan(1);
    const share = (await leader.get(`/api/metrics/catalog.zeroVisitShare?${q}`)).body;
    expect(share).toMatchObject({ numerator: 58, denominator: 76 });
  });
});
