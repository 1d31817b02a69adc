import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { handedIn } from '../../../../tests/helpers/materials';
import { seedApplicationsDemo } from '../../applications/public';
import { sampled } from './callbacks.service';

function idNumber(seed: number) {
  const body = `41120219900202${String(seed).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}

const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const REVIEWER_SCJ = { roles: ['reviewer'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
/** The hall's 回访员 (the demo's callback_zwzx). */
const AGENT = { roles: ['callbackAgent'], org: '湖滨区政务服务中心' };
/** A 12345 operator at the centre ensureHotlineSetup opens (the demo's operator_12345). */
const OPERATOR = { roles: ['hotlineOperator'], org: '湖滨区12345政务服务便民热线中心' };

let t: TestApp;
let food: { id: string };
const q = 'from=2026-11-01&to=2026-11-30';
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '50' } });
  await seedApplicationsDemo(t.kernel);
  food = (await t.anon().get('/api/public/service-items?q=食品经营许可')).body[0];
});
afterAll(async () => { await t.close(); });

async function completed(seed: number, phone?: string) {
  let id: string;
  if (phone) {
    const idNo = idNumber(seed);
    expect((await t.anon().post('/api/auth/register', { kind: 'person', name: `回访对象${seed}`, idNumber: idNo, phone, password: 'Citizen#2026' })).status).toBe(200);
    id = (await (await t.anon().login(idNo, 'Citizen#2026')).post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id) })).body.id;
  } else {
    id = (await (await t.staff(CLERK_ZWZX)).post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id), applicant: { kind: 'person', name: `窗口${seed}`, idNumber: idNumber(seed), phone: '13900000000' } })).body.id;
  }
  const scj = await t.staff(CLERK_SCJ);
  expect((await scj.post(`/api/applications/${id}/accept`, {})).status).toBe(200);
  expect((await (await t.staff(REVIEWER_SCJ)).post(`/api/applications/${id}/approve`, {})).status).toBe(200);
  expect((await scj.post(`/api/applications/${id}/deliver`, { method: '窗口领取' })).status).toBe(200);
  return id;
}
const callbackOf = async (caseId: string) => (await t.kernel.db.query<{ id: string }>(`SELECT id FROM callbacks WHERE case_id = $1`, [caseId]))[0]?.id ?? null;

describe('回访', () => {
  it('draws completed applications into the sample at the configured rate, reproducibly', async () => {
    const leader = await t.staff(LEADER);
    const s = (await leader.get('/api/callbacks/settings')).body;
    expect(s.find((x: { kind: string }) => x.kind === 'application')).toMatchObject({ samplePercent: 10, maxAttempts: 3, custom: false });
    const bad = await leader.put('/api/callbacks/settings', { kind: 'application', samplePercent: 120, maxAttempts: 3, retryHours: 4, script: '您好，这里是回访。' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].message).toContain('抽样比例应为0至100');
    const other = await (await t.staff(CLERK_SCJ)).put('/api/callbacks/settings', { kind: 'application', samplePercent: 0, maxAttempts: 3, retryHours: 4, script: '您好，这里是回访。' });
    expect(other.status, JSON.stringify(other.body)).toBe(403);
    expect((await leader.put('/api/callbacks/settings', { kind: 'application', samplePercent: 0, maxAttempts: 3, retryHours: 4, script: '您好，这里是回访。' })).status).toBe(200);
    expect(await callbackOf(await completed(1, '13700000001'))).toBeNull();
    const put = await leader.put('/api/callbacks/settings', { kind: 'application', samplePercent: 100, maxAttempts: 2, retryHours: 4, script: '您好，我是{回访单位}回访员，您在{承办单位}办理的“{事项}”（编号{编号}）已于{办结日期}办结。' });
    expect(put.body.find((x: { kind: string }) => x.kind === 'application')).toMatchObject({ samplePercent: 100, maxAttempts: 2, custom: true });
    expect(await callbackOf(await completed(2, '13700000002'))).not.toBeNull();
    // the draw is a pure function of the case id
    const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const share = ids.filter((id) => sampled(id, 10)).length / ids.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
    expect(ids.map((id) => sampled(id, 10))).toEqual(ids.map((id) => sampled(id, 10)));
  });

  it('queues the callback for the agent with the script filled in; the phone is shown on request and the read audited', async () => {
    const caseId = await completed(3, '13700000003');
    const agent = await t.staff(AGENT);
    const queue = (await agent.get('/api/callbacks')).body;
    const item = queue.items.find((i: { caseId: string }) => i.caseId === caseId);
    expect(item).toMatchObject({ kindName: '办件回访', stateName: '待回访', due: true, attempts: 0, maxAttempts: 2, orgName: '湖滨区市场监督管理局' });
    const d = (await agent.get(`/api/callbacks/${item.id}`)).body;
    expect(d.script).toBe(`您好，我是湖滨区政务服务中心回访员，您在湖滨区市场监督管理局办理的“${item.title}”（编号${item.refNo}）已于2026-11-02办结。`);
    expect(d.canPerform).toBe(true);
    expect(JSON.stringify(d)).not.toContain('13700000003');
    expect((await agent.get(`/api/callbacks/${item.id}/contact`)).body).toEqual({ phone: '13700000003' });
    const audit = await t.kernel.db.query<{ actor_name: string; entity_id: string }>(`SELECT actor_name, entity_id FROM audit_log WHERE action = 'pi.read' AND entity_type = 'callback.application'`);
    expect(audit).toEqual([{ actor_name: (await t.staffUser(AGENT)).displayName, entity_id: caseId }]);
    // a department's head sees its own org's callbacks but does not call; another department sees none
    const director = await t.staff(DIRECTOR_SCJ);
    expect((await director.get(`/api/callbacks/${item.id}`)).body.canPerform).toBe(false);
    expect((await director.get(`/api/callbacks/${item.id}/contact`)).status).toBe(403);
    expect((await director.post(`/api/callbacks/${item.id}/attempts`, { reached: false })).status).toBe(403);
    expect((await (await t.staff(CLERK_SCJ)).get('/api/callbacks')).status).toBe(403);
    // a walk-in has no account: the number the clerk typed at the counter is the one to call
    const walkIn = await completed(4);
    expect((await agent.get(`/api/callbacks/${await callbackOf(walkIn)}/contact`)).body).toEqual({ phone: '13900000000' });
  });

  it('records reached outcomes, retries unreached calls up to the maximum, and the metrics follow the records', async () => {
    const agent = await t.staff(AGENT);
    const leader = await t.staff(LEADER);
    const metric = async (k: string) => (await leader.get(`/api/metrics/${k}?${q}&caseType=application`)).body;
    const before = { rate: await metric('callbacks.rate'), sat: await metric('callbacks.satisfactionRate') };
    const a = (await callbackOf(await completed(5, '13700000005')))!;
    const b = (await callbackOf(await completed(6, '13700000006')))!;
    const missing = await agent.post(`/api/callbacks/${a}/attempts`, { reached: true, resolved: true });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields.map((f: { message: string }) => f.message).join()).toContain('联系上的回访须记录满意度');
    const done = await agent.post(`/api/callbacks/${a}/attempts`, { reached: true, resolved: true, satisfaction: 4, note: '已办成，窗口服务好' });
    expect(done.body).toMatchObject({ stateName: '已回访', reached: true, satisfactionName: '满意', agentName: (await t.staffUser(AGENT)).displayName, attempts: 1 });
    expect((await agent.post(`/api/callbacks/${a}/attempts`, { reached: false })).status).toBe(409);
    const first = (await agent.post(`/api/callbacks/${b}/attempts`, { reached: false, note: '无人接听' })).body;
    expect(first).toMatchObject({ stateName: '待回访', attempts: 1, due: false });
    expect(new Date(first.nextAttemptAt).getTime() - t.kernel.now().getTime()).toBe(4 * 3600_000);
    const last = (await agent.post(`/api/callbacks/${b}/attempts`, { reached: false, note: '关机' })).body;
    expect(last).toMatchObject({ stateName: '多次未联系上', attempts: 2, reached: false });
    expect(last.history.map((h: { note: string }) => h.note)).toEqual(['无人接听', '关机']);
    const after = { rate: await metric('callbacks.rate'), sat: await metric('callbacks.satisfactionRate') };
    expect(after.rate.denominator - before.rate.denominator).toBe(2);
    expect(after.rate.numerator - before.rate.numerator).toBe(1);
    expect(after.sat.numerator - before.sat.numerator).toBe(1);
    expect(after.sat.denominator - before.sat.denominator).toBe(1);
    const recs = (await leader.get(`/api/metrics/callbacks.rate/records?${q}&caseType=application`)).body;
    expect(recs.total).toBe(after.rate.numerator);
    expect((await leader.get(`/api/metrics/callbacks.total?${q}`)).body.value).toBe(after.rate.denominator);
  });

  it('a 不满意 callback opens a 差评整改 case for the org that handled the case', async () => {
    const agent = await t.staff(AGENT);
    const c = (await callbackOf(await completed(9, '13700000009')))!;
    const cb = (await agent.get(`/api/callbacks/${c}`)).body;
    const r = await agent.post(`/api/callbacks/${c}/attempts`, { reached: true, resolved: false, satisfaction: 2, note: '材料被要求反复提交' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const fixes = await t.kernel.db.query<{ title: string; org_id: string; state: string }>(`SELECT title, org_id, state FROM cases WHERE type = 'complaintFix' AND data->>'sourceRef' = $1`, [cb.refNo]);
    expect(fixes).toHaveLength(1);
    expect(fixes[0].title).toContain('回访不满意');
    expect(fixes[0].state).toBe('verifying');
    const [{ org_id }] = await t.kernel.db.query<{ org_id: string }>(`SELECT org_id FROM cases WHERE ref_no = $1`, [cb.refNo]);
    expect(fixes[0].org_id).toBe(org_id);
  });

  it('follows closed 12345 tickets by case type, and lets the agent take a rating on the phone', async () => {
    const hotline = t.kernel.domains.find((d) => d.name === 'hotline');
    if (hotline) {
      const { ensureHotlineSetup } = await import('../../hotline/public');
      await t.kernel.db.tx((tx) => ensureHotlineSetup(tx, t.kernel));
      await (await t.staff(LEADER)).put('/api/callbacks/settings', { kind: 'ticket', samplePercent: 100, maxAttempts: 3, retryHours: 2, script: '您好，这里是12345热线回访，工单{编号}。' });
      const op = await t.staff(OPERATOR);
      const filed = (await op.post('/api/tickets', { kind: 'consult', category: '政务服务', title: '营业执照办理咨询', description: '请问个体工商户营业执照网上怎么办理，需要哪些材料？', callerName: '周女士', callerPhone: '13700000099', divisionCode: '411202001' })).body;
      expect((await op.post(`/api/tickets/${filed.id}/answer`, { reply: '已告知网上办理入口和所需材料清单' })).status).toBe(200);
      const cb = await callbackOf(filed.id);
      expect(cb).not.toBeNull();
      const agent = await t.staff(AGENT);
      expect((await agent.get(`/api/callbacks/${cb}`)).body).toMatchObject({ kindName: '12345工单回访', script: `您好，这里是12345热线回访，工单${filed.refNo}。` });
      expect((await agent.get(`/api/callbacks/${cb}/contact`)).body).toEqual({ phone: '13700000099' });
    }
    // 12345 channel of 好差评: the agent records a caller's rating of a completed case by its number
    const caseId = await completed(7, '13700000007');
    const [{ ref_no: refNo }] = await t.kernel.db.query<{ ref_no: string }>(`SELECT ref_no FROM cases WHERE id = $1`, [caseId]);
    const agent = await t.staff(AGENT);
    expect((await agent.post('/api/ratings/hotline', { refNo, level: 5, scores: { efficiency: 5 } })).status).toBe(200);
    expect((await agent.post('/api/ratings/hotline', { refNo, level: 4 })).status).toBe(409);
    expect((await agent.post('/api/ratings/hotline', { refNo: 'BJ000', level: 4 })).status).toBe(404);
    expect((await (await t.staff(CLERK_SCJ)).post('/api/ratings/hotline', { refNo, level: 4 })).status).toBe(403);
  });
});
