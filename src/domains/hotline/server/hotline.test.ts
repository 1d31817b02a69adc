import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type StaffSpec, type TestApp } from '../../../../tests/helpers/harness';
import { ensureHotlineSetup, OPEN311_DEMO_KEY, seedHotlineDemo } from './hotline.seed';
import { computeBreakdown, computeMetric, scanClocks, metricRecords, SYSTEM_ACTOR } from '../../../core/server';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_MZJ = { roles: ['clerk', 'reviewer'], org: '湖滨区民政局' };
const OPERATOR_12345 = { roles: ['hotlineOperator'], org: '湖滨区12345政务服务便民热线中心' };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.kernel.db.tx((tx) => ensureHotlineSetup(tx, t.kernel));
});
afterAll(async () => { await t.close(); });
afterEach(() => { t.clock.set('2026-11-02T09:00:00+08:00'); });

const ticket = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint', category: '市场监管', title: '超市销售过期食品',
  description: '湖滨街道黄河路某超市货架上有过期的酸奶，已经过期三天仍在销售。', callerName: '王先生', callerPhone: '13912345678',
  address: '黄河路88号', divisionCode: '411202001', ...over,
});
const eventsOf = (d: { events: { event: string }[] }) => d.events.map((e) => e.event);
/** Files a ticket as the operator and dispatches it by the catalog; the org signs for it. */
async function dispatched(over: Record<string, unknown>, handler: StaffSpec = CLERK_SCJ) {
  const op = await t.staff(OPERATOR_12345);
  const filed = await op.post('/api/tickets', ticket(over));
  expect(filed.status).toBe(200);
  expect((await op.post(`/api/tickets/${filed.body.id}/dispatch`, {})).status).toBe(200);
  const org = await t.staff(handler);
  expect((await org.post(`/api/tickets/${filed.body.id}/accept`, {})).status).toBe(200);
  return { op, org, id: filed.body.id as string, refNo: filed.body.refNo as string };
}
const countCases = async () => (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE type = 'ticket'`))[0].n;

describe('12345 工单', () => {
  it('dispatches by the catalog, takes a return within 24 hours, re-dispatches, replies, calls back and closes', async () => {
    const op = await t.staff(OPERATOR_12345);
    const filed = await op.post('/api/tickets', ticket());
    expect(filed.status).toBe(200);
    expect(filed.body.refNo).toMatch(/^RX41120220261102\d{5}$/);
    const id = filed.body.id;
    let d = (await op.get(`/api/cases/${id}`)).body;
    expect(d).toMatchObject({ stateName: '已登记待派单', orgName: '湖滨区12345政务服务便民热线中心' });
    // A 求助 is dispatched: 直接答复办结 (咨询 only) is not offered, since its precondition would refuse it.
    expect(d.actions.map((a: { event: string }) => a.event).sort()).toEqual(['dispatch', 'merge']);

    d = (await op.post(`/api/tickets/${id}/dispatch`, {})).body;
    expect(d).toMatchObject({ stateName: '已派单待签收', orgName: '湖滨区市场监督管理局' });
    expect(d.clocks[0]).toMatchObject({ name: 'handle', dueDate: '2026-11-09', state: 'running' }); // 11-02 + 5 working days

    // The market regulator sees it in its 工作台 and returns it (not theirs) within 24 hours.
    const scj = await t.staff(CLERK_SCJ);
    expect((await scj.get('/api/workbench?pageSize=100')).body.items.some((i: { id: string }) => i.id === id)).toBe(true);
    const ret = await scj.post(`/api/tickets/${id}/return`, { reason: '该超市位于会兴街道，属地为会兴街道' });
    expect(ret.status).toBe(200);
    expect(ret.body.orgName).toBe('湖滨区12345政务服务便民热线中心');
    expect((await scj.get(`/api/cases/${id}`)).status).toBe(404);

    expect((await op.get(`/api/cases/${id}`)).body.fields).toContainEqual({ label: '退单理由', value: `${(await t.staffUser(CLERK_SCJ)).displayName}：该超市位于会兴街道，属地为会兴街道` });
    d = (await op.post(`/api/tickets/${id}/dispatch`, { orgName: '湖滨区市场监督管理局' })).body;
    expect(d.stateName).toBe('已派单待签收');
    expect(d.fields).toContainEqual({ label: '可退单截止', value: '2026/11/03 09:00' });
    t.clock.set('2026-11-02T09:20:00+08:00');
    expect((await scj.post(`/api/tickets/${id}/accept`, {})).status).toBe(200);
    const replied = await scj.post(`/api/tickets/${id}/reply`, { reply: '已现场检查，责令下架过期商品并立案调查。' });
    expect(replied.body.stateName).toBe('已答复待回访');
    const contact = await op.get(`/api/tickets/${id}/contact`);
    expect(contact.body.phone).toBe('13912345678');
    expect((await scj.get(`/api/tickets/${id}/contact`)).status).toBe(403);
    const noSat = await op.post(`/api/tickets/${id}/confirm`, { reached: true });
    expect(noSat.status).toBe(422);
    expect(noSat.body.message).toBe('联系上诉求人时请记录其满意度');
    const closed = await op.post(`/api/tickets/${id}/confirm`, { reached: true, satisfaction: '满意', note: '诉求人表示满意' });
    expect(closed.body.stateName).toBe('已办结');
    expect(closed.body.events.map((e: { eventName: string }) => e.eventName)).toEqual(['创建', '派单', '退单', '派单', '签收', '答复', '回访办结']);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('refuses a return after 24 hours and changes nothing', async () => {
    const op = await t.staff(OPERATOR_12345);
    const { id } = (await op.post('/api/tickets', ticket({ title: '餐馆后厨卫生差', description: '大安街道某餐馆后厨老鼠出没，卫生条件极差，请查处。' }))).body;
    await op.post(`/api/tickets/${id}/dispatch`, {});
    t.clock.set('2026-11-03T10:00:01+08:00');
    const scj = await t.staff(CLERK_SCJ);
    const r = await scj.post(`/api/tickets/${id}/return`, { reason: '不属于我局职责' });
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('派单已超过24小时，不能退单');
    const d = (await scj.get(`/api/cases/${id}`)).body;
    expect(d).toMatchObject({ state: 'dispatched', orgName: '湖滨区市场监督管理局' });
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('does not take matters with their own legal channel, and says which', async () => {
    const op = await t.staff(OPERATOR_12345);
    const before = await countCases();
    const r = await op.post('/api/tickets', ticket({ kind: 'complaint', title: '对处罚决定不服', description: '我对区市场监管局的罚款决定不服，想申请行政复议，请问怎么办。' }));
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('行政复议');
    expect(await countCases()).toBe(before);
    const court = await op.post('/api/tickets', ticket({ kind: 'help', title: '邻居欠钱不还', description: '邻居借了我两万元一直不还，我想起诉他，请问怎么办。' }));
    expect(court.status).toBe(422);
    expect(court.body.message).toContain('人民法院');
    expect(await countCases()).toBe(before);
    const report = await op.post('/api/tickets', ticket({ kind: 'report', title: '无证经营黑作坊', description: '湖滨街道某小区地下室有无证食品加工作坊，请市场监管局立案查处。' }));
    expect(report.status).toBe(200);
    const places = (await t.anon().get('/api/public/hotline/places')).body as { code: string; name: string }[];
    expect(places.length).toBeGreaterThanOrEqual(10);
    expect(places.every((p) => /^411202\d{3}$/.test(p.code))).toBe(true);
    const nowhere = await op.post('/api/tickets', ticket({ divisionCode: '411202999' }));
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.message).toBe('事发乡镇（街道）不存在');
    const bad = await op.post('/api/tickets', ticket({ callerPhone: '123' }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('联系电话');
    expect(await countCases()).toBe(before + 1);
  });

  it('finds the repeat of an open ticket and merges it', async () => {
    const op = await t.staff(OPERATOR_12345);
    const first = (await op.post('/api/tickets', ticket({ category: '城市管理', kind: 'complaint', title: '夜间施工噪音扰民', description: '涧河街道华阳社区旁工地每天夜里十二点后还在施工，噪音很大影响休息。' }))).body;
    const text = '华阳社区旁边工地夜里十二点后还在施工，噪音很大，影响休息';
    const sim = (await op.get(`/api/tickets/similar?text=${encodeURIComponent(text)}&divisionCode=411202004`)).body;
    expect(sim[0]).toMatchObject({ id: first.id, refNo: first.refNo });
    expect(sim[0].score).toBeGreaterThanOrEqual(0.5);
    const unrelated = (await op.get(`/api/tickets/similar?text=${encodeURIComponent('咨询灵活就业人员怎样缴纳养老保险')}&divisionCode=411202004`)).body;
    expect(unrelated.map((r: { id: string }) => r.id)).not.toContain(first.id);
    const second = (await op.post('/api/tickets', ticket({ category: '城市管理', title: '工地夜间施工', description: text }))).body;
    const m = await op.post(`/api/tickets/${second.id}/merge`, { targetRefNo: first.refNo });
    expect(m.body.stateName).toBe('已并单');
    const missing = await op.post(`/api/tickets/${first.id}/merge`, { targetRefNo: 'RX000' });
    expect(missing.status).toBe(400);
  });

  it('lets two operators dispatch at once: one wins, the other gets 409', async () => {
    const op = await t.staff(OPERATOR_12345);
    const op2 = await t.staff({ ...OPERATOR_12345, name: '话务员乙' });
    const { id } = (await op.post('/api/tickets', ticket({ title: '商家拒绝退换货', description: '在车站街道某手机店买的手机三天就坏了，商家拒绝退换。' }))).body;
    const [a, b] = await Promise.all([op.post(`/api/tickets/${id}/dispatch`, {}), op2.post(`/api/tickets/${id}/dispatch`, {})]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('lets the caller say it is not solved (reopened for the org), then rate it solved; closed tickets take no more ratings', async () => {
    const { org, id, refNo } = await dispatched({ title: '健身房办卡后倒闭不退款', description: '湖滨街道某健身房收了会员费后突然关门，老板联系不上，要求退款。' });
    expect((await org.post(`/api/tickets/${id}/reply`, { reply: '已约谈经营者，承诺本月内退款。' })).status).toBe(200);
    const pub = t.anon();
    const wrong = await pub.post('/api/public/tickets/feedback', { refNo, phone4: '0000', resolved: true, satisfaction: '满意' });
    expect(wrong.status).toBe(404);
    const bad = await pub.post('/api/public/tickets/feedback', { refNo, phone4: '5678', resolved: true, satisfaction: '还行' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('满意度');
    const tracked = (await pub.get(`/api/public/tickets/track?refNo=${refNo}&phone4=5678`)).body;
    expect(tracked).toMatchObject({ stateName: '已答复待回访', canRate: true, reply: '已约谈经营者，承诺本月内退款。' });
    const no = await pub.post('/api/public/tickets/feedback', { refNo, phone4: '5678', resolved: false, satisfaction: '不满意', note: '到现在还没退款' });
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({ state: 'handling', canRate: false });
    let d = (await org.get(`/api/cases/${id}`)).body;
    expect(d.events.at(-1)).toMatchObject({ event: 'reopen', actorName: '诉求人王先生（网上评价）', toStateName: '办理中' });
    expect(d.clocks.find((c: { name: string }) => c.name === 'handle')).toMatchObject({ state: 'running', dueDate: '2026-11-09' });
    expect((await org.post(`/api/tickets/${id}/reply`, { reply: '经营者已全额退款。' })).status).toBe(200);
    const yes = await pub.post('/api/public/tickets/feedback', { refNo, phone4: '5678', resolved: true, satisfaction: '非常满意' });
    expect(yes.body).toMatchObject({ state: 'closed', stateName: '已办结' });
    d = (await org.get(`/api/cases/${id}`)).body;
    expect(d.fields).toEqual(expect.arrayContaining([{ label: '回访满意度', value: '非常满意' }, { label: '回访结果', value: '已解决' }]));
    const again = await pub.post('/api/public/tickets/feedback', { refNo, phone4: '5678', resolved: false, satisfaction: '不满意' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已办结');
  });

  it('routes 办不成事 to the services bureau with its own short limit, and counts it apart', async () => {
    const op = await t.staff(OPERATOR_12345);
    const before = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'tickets.cannotDo', { divisionCode: '411202', from: '2026-11-01', to: '2026-11-30' })))!.numerator;
    const { id } = (await op.post('/api/tickets', ticket({ kind: 'cannotDo', category: '政务服务', title: '办营业执照跑了三次没办成', description: '在政务服务中心办理个体工商户营业执照，窗口三次要求补不同的材料，至今没有办成。' }))).body;
    const d = (await op.post(`/api/tickets/${id}/dispatch`, {})).body;
    expect(d.orgName).toBe('湖滨区行政审批和政务信息管理局');
    expect(d.clocks[0]).toMatchObject({ name: 'handle', limit: 2, dueDate: '2026-11-04' });
    const after = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'tickets.cannotDo', { divisionCode: '411202', from: '2026-11-01', to: '2026-11-30' })))!.numerator;
    expect(after).toBe(before + 1);
  });

  it('names the catalog co-handlers on dispatch; an unknown co-handler is refused and changes nothing', async () => {
    const op = await t.staff(OPERATOR_12345);
    const { id } = (await op.post('/api/tickets', ticket({ category: '城市管理', title: '小区门口道路破损', description: '车站街道建设路小区门口道路破损严重，下雨积水，车辆无法通行。' }))).body;
    const bad = await op.post(`/api/tickets/${id}/dispatch`, { coOrgNames: '湖滨区不存在局' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('湖滨区不存在局');
    expect((await op.get(`/api/cases/${id}`)).body).toMatchObject({ state: 'registered', version: 1 });
    const d = (await op.post(`/api/tickets/${id}/dispatch`, {})).body;
    expect(d.orgName).toBe('湖滨区城市管理局');
    expect(d.fields).toContainEqual({ label: '协办单位', value: '湖滨区住房和城乡建设局' });
  });

  it('supervises a ticket past its limit through the clock scanner, and allows one extension', async () => {
    const { org, id } = await dispatched({ title: '农贸市场缺斤短两', description: '湖滨街道农贸市场有摊贩使用不准的秤，缺斤短两，请查处。' });
    expect((await org.post(`/api/tickets/${id}/extend`, { days: 3, reason: '需要计量检定' })).status).toBe(403);
    t.clock.set('2026-11-10T09:00:00+08:00'); // due 11-09
    await scanClocks(t.kernel);
    // Sessions idle out over a week: sign in again.
    const scj = await t.staff(CLERK_SCJ);
    let d = (await scj.get(`/api/cases/${id}`)).body;
    expect(eventsOf(d).slice(-2)).toEqual(['clock.overdue', 'overdueSupervise']);
    expect(d.fields).toContainEqual({ label: '督办次数', value: '1' });
    const [{ n }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE case_id = $1 AND title LIKE '【督办】%'`, [id]);
    expect(n).toBeGreaterThan(0);
    const director = await t.staff(DIRECTOR_SCJ);
    const ext = await director.post(`/api/tickets/${id}/extend`, { days: 5, reason: '需要计量检定' });
    expect(ext.status).toBe(200);
    expect(ext.body.clocks[0]).toMatchObject({ dueDate: '2026-11-16', limit: 5 });
    const twice = await director.post(`/api/tickets/${id}/extend`, { days: 1, reason: '再延一天' });
    expect(twice.status).toBe(422);
    expect(twice.body.message).toBe('工单只能延期一次');
    d = (await scj.get(`/api/cases/${id}`)).body;
    expect(d.version).toBe(ext.body.version);
  });

  it('lets the centre keep the dispatch catalog: a township routes a category to itself', async () => {
    const op = await t.staff(OPERATOR_12345);
    const rule = { category: '民政救助', divisionPrefix: '411202001', orgName: '湖滨街道便民服务中心', coOrgNames: ['湖滨区民政局'] };
    expect((await (await t.staff(CLERK_SCJ)).put('/api/hotline/catalog', rule)).status).toBe(403);
    const bad = await op.put('/api/hotline/catalog', { ...rule, orgName: '湖滨街道不存在处' });
    expect(bad.status).toBe(400);
    expect((await op.get('/api/hotline/catalog')).body.some((r: { divisionPrefix: string }) => r.divisionPrefix === '411202001')).toBe(false);
    const saved = await op.put('/api/hotline/catalog', rule);
    expect(saved.status).toBe(200);
    expect(saved.body).toContainEqual(rule);
    const { id } = (await op.post('/api/tickets', ticket({ kind: 'help', category: '民政救助', title: '独居老人需要帮助', description: '湖滨街道某小区独居老人行动不便，家中无人照顾，希望社区帮助。', divisionCode: '411202001' }))).body;
    const d = (await op.post(`/api/tickets/${id}/dispatch`, {})).body;
    expect(d.orgName).toBe('湖滨街道便民服务中心');
    expect(d.fields).toContainEqual({ label: '协办单位', value: '湖滨区民政局' });
  });
});

describe('Open311 GeoReport v2', () => {
  it('lists services, files a request with an api_key, and reads it back', async () => {
    const svc = (await t.anon().get('/open311/v2/services.json')).body;
    expect(svc.find((s: { service_code: string }) => s.service_code === 'city')).toMatchObject({ service_name: '城市管理', metadata: true, type: 'realtime' });
    const def = (await t.anon().get('/open311/v2/services/city.json')).body;
    expect(def.attributes[0].values.map((v: { name: string }) => v.name)).toContain('投诉');
    const form = (o: Record<string, string>) => t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(o).toString() });
    const denied = await form({ service_code: 'city', description: '路灯坏了好几天了，晚上很黑' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual([{ code: 403, description: '缺少 api_key' }]);
    expect((await (await t.staff(CLERK_SCJ)).post('/api/hotline/open311-keys', { name: '第三方App' })).status).toBe(403);
    const issued = (await (await t.staff(OPERATOR_12345)).post('/api/hotline/open311-keys', { name: '随手拍App' })).body;
    expect(issued.apiKey).toMatch(/^zt311-/);
    expect((await form({ api_key: issued.apiKey, service_code: 'city', description: '人民路垃圾桶满了没人清运，气味很大', phone: '13900002222', address_string: '人民路' })).statusCode).toBe(200);
    const created = await form({ api_key: OPEN311_DEMO_KEY, service_code: 'city', description: '和平路与六峰路交叉口路灯坏了好几天，晚上很黑', phone: '13900001111', lat: '34.77', long: '111.19', address_string: '和平路与六峰路交叉口' });
    expect(created.statusCode).toBe(200);
    const [{ service_request_id: sid }] = created.json();
    expect(sid).toMatch(/^RX/);
    const read = (await t.anon().get(`/open311/v2/requests/${sid}.json`)).body;
    expect(read[0]).toMatchObject({ service_request_id: sid, status: 'open', service_code: 'city', service_name: '城市管理', lat: 34.77, address: '和平路与六峰路交叉口' });
    expect(read[0].requested_datetime).toMatch(/\+08:00$/);
    const list = (await t.anon().get(`/open311/v2/requests.json?service_request_id=${sid}`)).body;
    expect(list).toHaveLength(1);
    expect((await t.anon().get('/open311/v2/requests/RX0.json')).status).toBe(404);
    const noPlace = await form({ api_key: OPEN311_DEMO_KEY, service_code: 'city', description: '路灯坏了好几天了，晚上很黑', phone: '13900001111' });
    expect(noPlace.json()).toEqual([{ code: 400, description: '请提供事发位置：lat 和 long，或 address_string' }]);
    const badCode = await form({ api_key: OPEN311_DEMO_KEY, service_code: 'nope', description: 'x', phone: '13900001111' });
    expect(badCode.statusCode).toBe(400);
    const before = await countCases();
    const badPhone = await form({ api_key: OPEN311_DEMO_KEY, service_code: 'city', description: '和平路路灯坏了好几天，晚上很黑', phone: '12', address_string: '和平路' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json()[0].description).toContain('联系电话');
    const excluded = await form({ api_key: OPEN311_DEMO_KEY, service_code: 'city', description: '我要对城管局的处罚决定申请行政复议', phone: '13900001111', address_string: '和平路' });
    expect(excluded.statusCode).toBe(422);
    expect(excluded.json()[0]).toMatchObject({ code: 422 });
    expect(excluded.json()[0].description).toContain('行政复议');
    expect(await countCases()).toBe(before);
    const open = (await t.anon().get(`/open311/v2/requests.json?status=open&service_code=city&start_date=2026-11-01T00:00:00%2B08:00`)).body;
    expect(open.map((r: { service_request_id: string }) => r.service_request_id)).toContain(sid);
    expect((await t.anon().get('/open311/v2/requests.json?status=closed&service_code=city&start_date=2026-11-01T00:00:00%2B08:00')).body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(sid);
    expect((await t.anon().get('/open311/v2/requests.json?start_date=yesterday')).status).toBe(400);
    expect((await form({ api_key: OPEN311_DEMO_KEY, service_code: 'city', description: '解放路人行道地砖松动，雨天踩上去溅水', phone: '13900003333', address_string: '解放路' })).statusCode).toBe(200);
    // The centre's publication rule for a call to 12345: category, township and status; the text, exact
    // place and reply only with the caller's consent; a 举报 not at all; never the caller.
    const op = await t.staff(OPERATOR_12345);
    const town = (await t.kernel.db.query<{ code: string; name: string }>(`SELECT code, name FROM divisions WHERE level = 'township' ORDER BY code LIMIT 1`))[0];
    const call = { kind: 'complaint', category: '城市管理', title: '夜间施工噪音扰民', callerName: '钱某某', callerPhone: '13900004444', divisionCode: town.code, address: '幸福小区3号楼东侧工地', lat: 34.7712, long: 111.1934 };
    const quiet = (await op.post('/api/tickets', { ...call, description: '幸福小区3号楼东侧工地每晚十一点后仍在施工，噪音很大' })).body;
    const consented = (await op.post('/api/tickets', { ...call, description: '幸福小区3号楼东侧工地每晚十一点后仍在施工，影响休息', consentToPublish: true })).body;
    const whistle = (await op.post('/api/tickets', { ...call, kind: 'report', description: '某工地负责人向检查人员送礼，规避夜间施工处罚' })).body;
    const one = async (ref: string) => (await t.anon().get(`/open311/v2/requests/${ref}.json`)).body[0];
    const q = await one(quiet.refNo);
    expect(q).toMatchObject({ service_name: '城市管理', description: '', address: town.name, lat: 34.77, long: 111.19 });
    expect(q.service_notice).toContain('未同意公开');
    expect(JSON.stringify(q)).not.toMatch(/钱某某|13900004444|幸福小区|噪音/);
    expect(await one(consented.refNo)).toMatchObject({ description: '幸福小区3号楼东侧工地每晚十一点后仍在施工，影响休息', address: '幸福小区3号楼东侧工地', lat: 34.7712 });
    expect(JSON.stringify(await one(consented.refNo))).not.toMatch(/钱某某|13900004444/);
    expect((await t.anon().get(`/open311/v2/requests/${whistle.refNo}.json`)).status).toBe(404);
    const listed = (await t.anon().get('/open311/v2/requests.json?start_date=2026-11-01T00:00:00%2B08:00')).body as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).not.toContain(whistle.refNo);
    const all = (await t.anon().get('/open311/v2/requests.json?start_date=2026-11-01T00:00:00%2B08:00')).body as { service_request_id: string }[];
    expect(all.length).toBeGreaterThan(2);
    const p1 = (await t.anon().get('/open311/v2/requests.json?start_date=2026-11-01T00:00:00%2B08:00&page_size=2')).body as { service_request_id: string }[];
    const p2 = (await t.anon().get('/open311/v2/requests.json?start_date=2026-11-01T00:00:00%2B08:00&page_size=2&page=2')).body as { service_request_id: string }[];
    expect([...p1, ...p2].map((r) => r.service_request_id)).toEqual(all.slice(0, 4).map((r) => r.service_request_id));
    const disc = (await t.anon().get('/open311/v2/discovery.json')).body;
    expect(disc.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json'] });
  });
});

describe('市长信箱', () => {
  it('takes a letter from the public, is assigned, answered and published with consent; tracks by number and phone', async () => {
    const lettersBefore = (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM letters`))[0].n;
    const badLetter = await t.anon().post('/api/public/letters', { title: '建议', content: '太短', writerName: '李女士', writerPhone: '138' });
    expect(badLetter.status).toBe(400);
    expect(badLetter.body.message).toMatch(/标题|来信内容|联系电话/);
    expect((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM letters`))[0].n).toBe(lettersBefore);
    const filed = await t.anon().post('/api/public/letters', { title: '关于增设公交线路的建议', content: '高庙乡到城区只有一班公交车，建议增加班次方便群众出行。', writerName: '李女士', writerPhone: '13800002222', consentToPublish: true });
    expect(filed.status).toBe(200);
    const op = await t.staff(OPERATOR_12345);
    expect((await op.post(`/api/letters/${filed.body.id}/assign`, { orgName: '湖滨区交通运输局不存在' })).status).toBe(400);
    expect((await op.post(`/api/letters/${filed.body.id}/assign`, { orgName: '湖滨区民政局' })).status).toBe(200);
    const mzj = await t.staff(CLERK_MZJ);
    const r = await mzj.post(`/api/letters/${filed.body.id}/reply`, { reply: '已协调公交公司于下月起增开两个班次。', publish: true });
    expect(r.body.stateName).toBe('已答复');
    const pub = (await t.anon().get('/api/public/letters')).body;
    const quiet = (await t.anon().post('/api/public/letters', { title: '关于小区停车难的反映', content: '小区车位太少，晚上车辆乱停，消防通道被堵。', writerName: '周先生', writerPhone: '13800003333' })).body;
    const refused = await op.post(`/api/letters/${quiet.id}/reply`, { reply: '已督促物业规划临时停车位。', publish: true });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('来信人未同意公开，来信和答复不能公开');
    expect((await op.post(`/api/letters/${quiet.id}/reply`, { reply: '已督促物业规划临时停车位。' })).status).toBe(200);
    expect((await t.anon().get('/api/public/letters')).body.total).toBe(pub.total);
    expect(pub.items[0]).toMatchObject({ title: '关于增设公交线路的建议', reply: '已协调公交公司于下月起增开两个班次。' });
    expect(JSON.stringify(pub)).not.toContain('13800002222');
    const tr = await t.anon().get(`/api/public/letters/track?refNo=${filed.body.refNo}&phone4=2222`);
    expect(tr.body).toMatchObject({ stateName: '已答复', orgName: '湖滨区民政局' });
    expect((await t.anon().get(`/api/public/letters/track?refNo=${filed.body.refNo}&phone4=1111`)).status).toBe(404);
  });
});

describe('metrics on a demo year', () => {
  it('computes the hotline figures from the records, as the seeds count them', async () => {
    await t.withSettings({ DEMO_TICKETS: '800', DEMO_LETTERS: '40' }, () => seedHotlineDemo(t.kernel));
    const q = { divisionCode: '411202', from: '2025-11-03', to: '2026-12-31' }; // the demo fills the twelve months to 2026-11-02
    const m = async (key: string) => t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, key, q));
    const [{ received, closed, rated, satisfied }] = await t.kernel.db.query<{ received: number; closed: number; rated: number; satisfied: number }>(
      `SELECT count(*) FILTER (WHERE merged_into IS NULL)::int AS received,
              count(*) FILTER (WHERE merged_into IS NULL AND case_id IN (SELECT id FROM cases WHERE state = 'closed'))::int AS closed,
              count(*) FILTER (WHERE satisfaction IS NOT NULL)::int AS rated,
              count(*) FILTER (WHERE satisfaction IN ('非常满意','满意','基本满意'))::int AS satisfied FROM tickets`);
    const close = await m('tickets.closeRate');
    expect(close).toMatchObject({ numerator: closed, denominator: received });
    expect(close!.value!).toBeGreaterThan(0.9);
    const sat = await m('tickets.satisfactionRate');
    expect(sat).toMatchObject({ numerator: satisfied, denominator: rated });
    expect(sat!.value!).toBeGreaterThan(0.85);
    const reply = await m('mailbox.replyRate');
    expect(reply!.denominator).toBeGreaterThanOrEqual(40);
    const received2 = await m('cases.received');
    expect(received2!.numerator).toBeGreaterThan(800);
    const recs = await t.kernel.db.tx((tx) => metricRecords(tx, t.kernel, SYSTEM_ACTOR, 'tickets.closeRate', q, 'numerator', { page: 1, pageSize: 5 })) as { total: number };
    expect(recs.total).toBe(closed);
    // Every hotline figure is its records: numerator and denominator equal the record counts, and the
    // per-org breakdown adds up to the figure.
    const keys = ['tickets.responseRate', 'tickets.closeRate', 'tickets.resolveRate', 'tickets.satisfactionRate', 'tickets.onTimeRate', 'tickets.cannotDo', 'mailbox.replyRate'];
    const orgs = await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs`);
    for (const key of keys) {
      const fig = (await m(key))!;
      const num = await t.kernel.db.tx((tx) => metricRecords(tx, t.kernel, SYSTEM_ACTOR, key, q, 'numerator', { page: 1, pageSize: 1 })) as { total: number };
      expect(num.total, key).toBe(fig.numerator);
      if (fig.denominator !== null) {
        const den = await t.kernel.db.tx((tx) => metricRecords(tx, t.kernel, SYSTEM_ACTOR, key, q, 'denominator', { page: 1, pageSize: 1 })) as { total: number };
        expect(den.total, key).toBe(fig.denominator);
      }
      const by = (await t.kernel.db.tx((tx) => computeBreakdown(tx, t.kernel, key, q, 'org', orgs.map((o) => ({ key: o.id, scope: { ...q, orgId: o.id } })))))!;
      expect([...by.values()].reduce((a, r) => a + r.numerator, 0), key).toBe(fig.numerator);
      const one = orgs.find((o) => (by.get(o.id)?.numerator ?? 0) > 0)!;
      expect((await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, key, { ...q, orgId: one.id })))!.numerator, key).toBe(by.get(one.id)!.numerator);
    }
    const onTime = (await m('tickets.onTimeRate'))!;
    expect(onTime.value!).toBeGreaterThan(0.9);
    expect(onTime.value!).toBeLessThan(1);
    const resolve = (await m('tickets.resolveRate'))!;
    expect(resolve.value!).toBeGreaterThan(0.9);
    expect(resolve.value!).toBeLessThan(1);
  });
});
