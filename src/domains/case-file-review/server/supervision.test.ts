/**
 * 执法监督 through HTTP on a real database: a complaint transferred in from 12345 (bad input refused in
 * Chinese with nothing written; the ticket and the matter linked both ways), the 监督意见书 with its
 * working-day reply clock across 国庆 2026 (date injected), the unit signing and replying, only the bureau
 * closing or sending back, another unit seeing nothing; 联席会议 records; the figures with their rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, okBody, startTestApp, testClock, type TestApp } from '../../../../tests/helpers/harness';
import { buildCase, buildOrg, buildStaff, type BuiltStaff, type CaseRow, type OrgRow } from '../../../core/server';

let t: TestApp;
let bureauOrg: OrgRow;
let deptA: OrgRow;
let deptB: OrgRow;
let bureau: BuiltStaff;
let staffA: BuiltStaff;
let staffB: BuiltStaff;
let leader: BuiltStaff;
let ticket: CaseRow;
const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);
const ok = (c: Client, path: string, body: unknown = {}) => okBody(c.post(path, body), path);
const matters = async () => Number((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sup_matters`))[0].n);

beforeAll(async () => {
  t = await startTestApp({ clock: testClock('2026-09-29T09:00:00+08:00'), env: { SUPERVISION_REPLY_DAYS: '5' } });
  bureauOrg = await buildOrg(t.kernel, { name: '测试司法局' });
  deptA = await buildOrg(t.kernel, { name: '测试市场监督管理局' });
  deptB = await buildOrg(t.kernel, { name: '测试城市管理局' });
  bureau = await buildStaff(t.kernel, { roles: ['legalReviewer'], org: bureauOrg });
  staffA = await buildStaff(t.kernel, { roles: ['director'], org: deptA });
  staffB = await buildStaff(t.kernel, { roles: ['director'], org: deptB });
  leader = await buildStaff(t.kernel, { roles: ['leader'], org: bureauOrg });
  ticket = await buildCase(t.kernel, 'ticket', { orgId: deptA.id, title: '投诉市场监管执法人员检查时态度恶劣' });
});
afterAll(async () => { await t.close(); });

describe('行政执法监督', () => {
  let id = '';
  it('refuses bad matters in Chinese and writes nothing; a department cannot open one', async () => {
    const c = await login(bureau);
    const noTicket = await c.post('/api/supervision/matters', { orgId: deptA.id, source: '12345投诉', summary: '群众投诉执法人员态度恶劣' });
    expect(noTicket.status).toBe(400);
    expect(noTicket.body.message).toContain('请填写12345工单编号');
    const wrong = await c.post('/api/supervision/matters', { orgId: deptA.id, source: '12345投诉', ticketRef: 'RX-NOPE-0001', summary: '群众投诉执法人员态度恶劣' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('未找到该12345工单');
    const notTicket = await c.post('/api/supervision/matters', { orgId: deptA.id, source: '日常监督', ticketRef: ticket.refNo, summary: '日常监督发现问题' });
    expect(notTicket.status).toBe(400);
    expect(notTicket.body.message).toContain('事项来源应为“12345投诉”');
    const self = await c.post('/api/supervision/matters', { orgId: bureauOrg.id, source: '日常监督', summary: '监督自己' });
    expect(self.status).toBe(400);
    const dept = await (await login(staffA)).post('/api/supervision/matters', { orgId: deptB.id, source: '日常监督', summary: '部门之间不能互相监督' });
    expect(dept.status).toBe(403);
    expect(await matters()).toBe(0);
  });

  it('takes a 12345 complaint in with its ticket, linked both ways; only the unit supervised sees the matter', async () => {
    const c = await login(bureau);
    const r = await ok(c, '/api/supervision/matters', { orgId: deptA.id, source: '12345投诉', ticketRef: ticket.refNo, summary: '群众投诉执法人员检查时态度恶劣、未出示执法证' });
    id = r.id;
    expect(r.refNo).toMatch(/^JD/);
    const m = (await c.get(`/api/cases/${id}`)).body;
    expect(m.state).toBe('verifying');
    // The bureau's reviewer holds no ticket.read on a ticket dispatched to the department: the link is counted, not shown.
    expect(m.hiddenLinks).toBe(1);
    // A leader sees both sides: the matter names its ticket, the ticket's page shows where the complaint went.
    const l = await login(leader);
    const lm = (await l.get(`/api/cases/${id}`)).body;
    expect(lm.links).toEqual([expect.objectContaining({ kind: 'supervisesTicket', label: '来源12345工单', direction: 'out' })]);
    expect(lm.links[0].case.refNo).toBe(ticket.refNo);
    const tk = (await l.get(`/api/cases/${ticket.id}`)).body;
    expect(tk.links).toEqual([expect.objectContaining({ kind: 'supervisesTicket', label: '转行政执法监督', direction: 'in' })]);
    expect(tk.links[0].case.refNo).toBe(r.refNo);
    expect((await (await login(staffA)).get(`/api/cases/${id}`)).status).toBe(200);
    expect((await (await login(staffB)).get(`/api/cases/${id}`)).status).toBe(404);
  });

  it('issues a 监督意见书 with a numbered notice and a 5-working-day reply clock across 国庆 (09-30, 10-08, 10-09, 10-10 make-up Saturday, 10-12)', async () => {
    const c = await login(bureau);
    const empty = await c.post(`/api/supervisions/${id}/issue`, { problems: '', requirement: '限期整改' });
    expect(empty.status).toBe(400);
    expect((await (await login(staffA)).post(`/api/supervisions/${id}/issue`, { problems: '未出示执法证', requirement: '整改' })).status).toBe(403);
    await ok(c, `/api/supervisions/${id}/issue`, { problems: '执法人员入企检查未出示行政执法证，态度生硬', requirement: '对涉事执法人员批评教育，组织全员执法礼仪培训，并书面报告整改情况' });
    const m = (await c.get(`/api/cases/${id}`)).body;
    expect(m.state).toBe('issued');
    const clock = m.clocks.find((k: { name: string }) => k.name === 'reply');
    expect(clock).toMatchObject({ unit: 'workday', limit: 5, startedOn: '2026-09-29', dueDate: '2026-10-12', state: 'running' });
    const fields = Object.fromEntries(m.fields.map((f: { label: string; value: string }) => [f.label, f.value]));
    expect(fields['监督意见书文号']).toBe('执法监督意见〔2026〕1号');
    expect(fields['事项来源']).toBe('12345投诉');
  });

  it('the unit signs and replies; it cannot close its own matter; the bureau sends back once, then closes', async () => {
    await ok(await login(staffA), `/api/supervisions/${id}/receive`, {});
    t.clock.set('2026-10-09T10:00:00+08:00');
    const a = await login(staffA);
    await ok(a, `/api/supervisions/${id}/reply`, { note: '已对涉事执法人员批评教育，组织执法礼仪培训一次' });
    expect((await a.post(`/api/supervisions/${id}/accept`, { note: '自己审查' })).status).toBe(403);
    const c = await login(bureau);
    await ok(c, `/api/supervisions/${id}/returnFix`, { note: '未附培训记录' });
    await ok(a, `/api/supervisions/${id}/reply`, { note: '补充培训签到表和课件' });
    await ok(c, `/api/supervisions/${id}/accept`, { note: '整改到位' });
    const m = (await c.get(`/api/cases/${id}`)).body;
    expect(m.state).toBe('closed');
    expect(m.clocks.find((k: { name: string }) => k.name === 'reply').state).toBe('stopped');
    const twice = await c.post(`/api/supervisions/${id}/accept`, { note: '再次办结' });
    expect(twice.status).toBe(409);
  });

  it('closes an unfounded complaint without a notice (not counted as a notice)', async () => {
    const c = await login(bureau);
    const r = await ok(c, '/api/supervision/matters', { orgId: deptB.id, source: '来信来访投诉', summary: '来信反映城管执法扣押物品不开清单' });
    await ok(c, `/api/supervisions/${r.id}/dismiss`, { note: '经调取执法记录仪视频核实，当场开具了清单，投诉不属实' });
    expect((await c.get(`/api/cases/${r.id}`)).body.state).toBe('dismissed');
  });

  it('records 联席会议 (bad input refused, a double entry is 409) and counts both figures from their rows', async () => {
    const c = await login(bureau);
    const future = await c.post('/api/supervision/joint-meetings', { heldOn: '2026-12-01', topic: '涉企检查统筹', attendeeOrgIds: [deptA.id], items: ['统筹年度检查计划'] });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('不能晚于今天');
    const noItems = await c.post('/api/supervision/joint-meetings', { heldOn: '2026-10-09', topic: '涉企检查统筹', attendeeOrgIds: [deptA.id], items: [] });
    expect(noItems.status).toBe(400);
    const meeting = { heldOn: '2026-10-09', topic: '涉企检查统筹', attendeeOrgIds: [deptA.id, deptB.id], items: ['市场监管与城管对同一商户的检查合并为“综合查一次”', '12345执法投诉的转办和答复时限'] };
    await ok(c, '/api/supervision/joint-meetings', meeting);
    const dup = await c.post('/api/supervision/joint-meetings', meeting);
    expect(dup.status).toBe(409);
    await ok(c, '/api/supervision/joint-meetings', { heldOn: '2026-03-10', topic: '行政执法协调监督工作部署', attendeeOrgIds: [deptA.id], items: ['部署年度执法监督工作'] });
    expect((await (await login(staffA)).post('/api/supervision/joint-meetings', meeting)).status).toBe(403);
    const list = (await c.get('/api/supervision/joint-meetings')).body;
    expect(list[0]).toMatchObject({ topic: '涉企检查统筹', attendees: ['测试市场监督管理局', '测试城市管理局'] });

    const Q = `divisionCode=${bureauOrg.divisionCode}&from=2026-01-01&to=2026-12-31`;
    const n = async (key: string) => (await c.get(`/api/metrics/${key}?${Q}`)).body.numerator;
    expect(await n('enforcement.jointMeetings')).toBe(2);
    expect(await n('supervision.notices')).toBe(1);
    const rows = (await c.get(`/api/metrics/enforcement.jointMeetings/rows?${Q}`)).body;
    expect(rows.total).toBe(2);
    expect(rows.rows.map((r: { heldOn: string }) => r.heldOn)).toEqual(['2026-03-10', '2026-10-09']);
    expect(rows.rows[1].items).toContain('综合查一次');
    const recs = (await c.get(`/api/metrics/supervision.notices/records?${Q}`)).body;
    expect(recs.total).toBe(1);
    expect(recs.items[0].id).toBe(id);
    // The first half of the year had no meeting on record.
    expect((await c.get(`/api/metrics/enforcement.jointMeetings?divisionCode=${bureauOrg.divisionCode}&from=2026-01-01&to=2026-03-09`)).body.numerator).toBe(0);
  });
});
