import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../../tests/helpers/harness';
import { disclosureFee } from '../shared/disclosure.machine';
import { seedDisclosureDemo } from './disclosure.seed';
import { computeMetric, scanClocks } from '../../../core/server';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };

let t: TestApp;
let gov: string; // 湖滨区人民政府
let citizen: Client;
beforeAll(async () => {
  t = await startTestApp();
  const orgs = (await t.anon().get('/api/public/disclosure/orgs')).body as { id: string; name: string }[];
  gov = orgs.find((o) => o.name === '湖滨区市场监督管理局')!.id;
  expect((await t.anon().post('/api/auth/register', { kind: 'person', name: '周明', idNumber: '11010519491231002X', phone: '13800003333', password: 'Citizen#2026' })).status).toBe(200);
  citizen = await t.anon().login('11010519491231002X', 'Citizen#2026');
});
afterAll(async () => { await t.close(); });

const request = (over: Record<string, unknown> = {}) => ({
  applicantType: 'person', applicantName: '周明', phone: '13800003333', channel: 'online', orgId: gov,
  content: '请公开2026年湖滨区食品安全抽检结果汇总表', ...over,
});

describe('依申请公开', () => {
  it('restarts the 20-working-day clock on 补正 and replies on the 20th working day with its type', async () => {
    const filed = await citizen.post('/api/disclosure-requests', request());
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ receivedOn: '2026-11-02', refNo: expect.stringMatching(/^GK4112022026110200\d{3}$/) });
    const id = filed.body.id;
    const clerk = await t.staff(CLERK_SCJ);
    let d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.clocks.find((c: { name: string }) => c.name === 'reply')).toMatchObject({ dueDate: '2026-11-30', legalBasis: '政府信息公开条例 第33条' });
    expect(d.clocks.find((c: { name: string }) => c.name === 'correctionNotice')).toMatchObject({ dueDate: '2026-11-11' });
    d = (await clerk.post(`/api/disclosure-requests/${id}/requestCorrection`, { missing: '请写明需要公开的抽检批次或时间范围' })).body;
    expect(d.stateName).toBe('待申请人补正');
    // The citizen corrects on Thursday 11-05: the reply period runs again from that day (第30条).
    t.clock.set('2026-11-05T10:00:00+08:00');
    citizen = await t.anon().login('11010519491231002X', 'Citizen#2026');
    const c = await citizen.post(`/api/disclosure-requests/${id}/correct`, { content: '请公开2026年第三季度湖滨区食品安全监督抽检结果汇总表' });
    expect(c.status).toBe(200);
    const reply = c.body.clocks.find((x: { name: string }) => x.name === 'reply');
    expect(reply).toMatchObject({ startedOn: '2026-11-05', dueDate: '2026-12-03', state: 'running' }); // 11-05 + 20 working days
    // A second 补正 is not allowed: the office must answer.
    const clerk2 = await t.staff(CLERK_SCJ);
    const again = await clerk2.post(`/api/disclosure-requests/${id}/requestCorrection`, { missing: '再补正' });
    expect(again.status).toBe(422);
    t.clock.set('2026-12-03T15:00:00+08:00');
    const clerk3 = await t.staff(CLERK_SCJ);
    const done = await clerk3.post(`/api/disclosure-requests/${id}/reply`, { replyType: '部分公开：部分公开（区分处理的，只计这一情形）', content: '经审查，抽检结果汇总表予以公开，涉及企业商业秘密的检测数据不予公开。' });
    expect(done.status).toBe(200);
    expect(done.body.stateName).toBe('已答复');
    const r = done.body.clocks.find((x: { name: string }) => x.name === 'reply');
    expect(r).toMatchObject({ state: 'stopped', stoppedOn: '2026-12-03', dueDate: '2026-12-03' });
    expect(done.body.fields.find((f: { label: string }) => f.label === '答复类型').value).toBe('部分公开：部分公开（区分处理的，只计这一情形）（第37条）');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('extends once with the office head, pauses for a third party, and changes nothing on bad input', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const { id } = (await clerk.post('/api/disclosure-requests', request({ channel: 'post', receivedOn: '2026-10-30', applicantType: 'business', applicantName: '湖滨某某食品有限公司' }))).body;
    let d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.fields.find((f: { label: string }) => f.label === '收到日期（第31条）').value).toBe('2026-10-30');
    expect((await clerk.post(`/api/disclosure-requests/${id}/extend`, { days: 20, reason: '需调取档案' })).status).toBe(403);
    const director = await t.staff(DIRECTOR_SCJ);
    expect((await director.post(`/api/disclosure-requests/${id}/extend`, { days: 21, reason: '需调取档案' })).status).toBe(400);
    d = (await director.post(`/api/disclosure-requests/${id}/extend`, { days: 20, reason: '需调取档案' })).body;
    const reply = d.clocks.find((c: { name: string }) => c.name === 'reply');
    expect(reply.extensions[0]).toMatchObject({ days: 20, approverName: (await t.staffUser(DIRECTOR_SCJ)).displayName });
    expect((await director.post(`/api/disclosure-requests/${id}/extend`, { days: 5, reason: '再延' })).body.message).toBe('答复期限只能延长一次（政府信息公开条例 第33条）');
    d = (await clerk.post(`/api/disclosure-requests/${id}/consult`, { thirdParty: '湖滨某检测公司' })).body;
    expect(d.clocks.find((c: { name: string }) => c.name === 'reply')).toMatchObject({ state: 'paused' });
    const bad = await clerk.post('/api/disclosure-requests', request({ content: '太短' }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('所需政府信息的名称');
    const future = await clerk.post('/api/disclosure-requests', request({ channel: 'post', receivedOn: '2026-12-30' }));
    expect(future.status).toBe(400);
    expect(future.body.message).toBe('收到日期不能晚于今天');
  });

  it('deems a request abandoned when the correction period runs out (第30条)', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const { id } = (await clerk.post('/api/disclosure-requests', request({ channel: 'inPerson' }))).body;
    await clerk.post(`/api/disclosure-requests/${id}/requestCorrection`, { missing: '请说明所需信息的文号' });
    t.clock.set('2026-11-25T09:00:00+08:00'); // 15 working days later
    await scanClocks(t.kernel);
    const d = (await t.kernel.db.query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [id]))[0];
    expect(d.state).toBe('abandoned');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('takes a request on the public page without an account, and the applicant corrects it there', async () => {
    const anon = t.anon();
    const f = await anon.post('/api/public/disclosure-requests', { applicantType: 'person', applicantName: '钱女士', phone: '13700004444', orgId: gov, content: '请公开湖滨区农贸市场改造项目的招标文件' });
    expect(f.status).toBe(200);
    const clerk = await t.staff(CLERK_SCJ);
    await clerk.post(`/api/disclosure-requests/${f.body.id}/requestCorrection`, { missing: '请写明农贸市场名称' });
    expect((await anon.get(`/api/public/disclosure-requests/track?refNo=${f.body.refNo}&phone4=0000`)).status).toBe(404);
    const tr = (await anon.get(`/api/public/disclosure-requests/track?refNo=${f.body.refNo}&phone4=4444`)).body;
    expect(tr).toMatchObject({ state: 'correcting', correctionAsked: '请写明农贸市场名称' });
    const c = await anon.post('/api/public/disclosure-requests/correct', { refNo: f.body.refNo, phone4: '4444', content: '请公开湖滨区大安农贸市场改造项目的招标文件' });
    expect(c.body).toMatchObject({ state: 'received', dueDate: '2026-11-30', content: '请公开湖滨区大安农贸市场改造项目的招标文件' });
    expect(c.body.derivation).toContain('自2026-11-02起算20个工作日');
  });

  it('computes 信息处理费 per 国办函〔2020〕109号', () => {
    expect(disclosureFee(undefined, { nthThisMonth: 50, pages: 500 })).toBe(0);
    expect(disclosureFee('byCount', { nthThisMonth: 10 })).toBe(0);
    expect(disclosureFee('byCount', { nthThisMonth: 11 })).toBe(100);
    expect(disclosureFee('byCount', { nthThisMonth: 30 })).toBe(100);
    expect(disclosureFee('byCount', { nthThisMonth: 31 })).toBe(200);
    expect(disclosureFee('byCount', { nthThisMonth: 41 })).toBe(300);
    expect(disclosureFee('byVolume', { pages: 30 })).toBe(0);
    expect(disclosureFee('byVolume', { pages: 100 })).toBe(700);
    expect(disclosureFee('byVolume', { pages: 150 })).toBe(700 + 1000);
    expect(disclosureFee('byVolume', { pages: 250 })).toBe(700 + 2000 + 2000);
  });
});

describe('主动公开 and the annual tables', () => {
  it('publishes within 第26条 or flags it late, finds it in Chinese, and counts it', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const ok = await clerk.post('/api/disclosure/items', { title: '湖滨区2026年食品安全监督抽检计划', category: '规划计划', formedOn: '2026-10-20', body: '为加强食品安全监管，制定本年度监督抽检计划，涵盖粮食、肉类、乳制品等品种。' });
    expect(ok.body).toMatchObject({ late: false, dueOn: '2026-11-17' });
    const late = await clerk.post('/api/disclosure/items', { title: '关于餐饮服务食品安全检查情况的通报', category: '政务动态', formedOn: '2026-09-01', body: '9月份对全区餐饮服务单位开展了食品安全专项检查，现将情况通报如下。' });
    expect(late.body.late).toBe(true);
    const hits = (await t.anon().get(`/api/public/disclosure/items?q=${encodeURIComponent('食品安全抽检')}&page=1&pageSize=20`)).body;
    expect(hits.items.map((i: { title: string }) => i.title)).toContain('湖滨区2026年食品安全监督抽检计划');
    const bad = await clerk.post('/api/disclosure/items', { title: '未来', category: '政务动态', formedOn: '2026-12-01', body: '这是一条来自未来的信息正文内容。' });
    expect(bad.status).toBe(400);
    const q = { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' };
    const m = await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'disclosure.publishedOnTimeRate', q));
    expect(m).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('builds the national tables from the demo year and exports a real xlsx whose totals add up', async () => {
    await t.withSettings({ DEMO_DISCLOSURE_ITEMS: '300' }, () => seedDisclosureDemo(t.kernel));
    const director = await t.staff(DIRECTOR_SCJ);
    const year = await director.get('/api/disclosure/annual?year=2026');
    expect(year.status).toBe(200);
    const tables = year.body;
    const [{ n: received }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM disclosure_requests WHERE received_on BETWEEN '2026-01-01' AND '2026-12-31'`);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(tables.received)).toBe(received);
    // 勾稽关系: new requests = handled + carried over (no carry-in in the first year).
    expect(sum(tables.rows.flatMap((r: { counts: number[] }) => r.counts)) + sum(tables.carriedOver)).toBe(received);
    const [{ n: published }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM disclosure_items WHERE published_on BETWEEN '2026-01-01' AND '2026-12-31'`);
    expect(tables.proactive.published).toBe(published);
    const metric = await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'disclosure.published', { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' }));
    expect(metric!.numerator).toBe(published);
    const res = await t.app.inject({ method: 'GET', url: '/api/disclosure/annual.xlsx?year=2026', headers: { cookie: (director as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('收到和处理申请情况')!;
    const firstRow = ws.getRow(4).values as (string | number)[];
    expect(firstRow[1]).toBe('一、本年新收政府信息公开申请数量');
    expect(firstRow[firstRow.length - 1]).toBe(received);
    await expect((await t.staff(CLERK_SCJ)).get('/api/disclosure/annual?year=2026').then((r) => r.status)).resolves.toBe(403);
  });
});
