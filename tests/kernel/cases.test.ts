import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, isPostgres, type TestApp, Client } from '../helpers/harness';
import { buildCase, buildOrg, buildStaff, type BuiltStaff } from '../../src/core/server/testing';
import { scanClocks } from '../../src/core/server/cases/clock.jobs';
import { deliverPending } from '../../src/core/server/outbox';

const ADMIN = { roles: ['sysadmin'], org: '湖滨区行政审批和政务信息管理局' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const REVIEWER_SCJ = { roles: ['reviewer'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_MZJ = { roles: ['clerk', 'reviewer'], org: '湖滨区民政局' };

let t: TestApp;
let scj: string; // 区市场监管局
let mzj: string; // 区民政局
beforeAll(async () => {
  t = await startTestApp();
  const orgs = (await (await t.staff(ADMIN)).get('/api/admin/orgs')).body as { id: string; name: string }[];
  scj = orgs.find((o) => o.name === '湖滨区市场监督管理局')!.id;
  mzj = orgs.find((o) => o.name === '湖滨区民政局')!.id;
});
afterAll(async () => { await t.close(); });
const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);

async function file(c: Client, title = '食品经营许可', orgId = scj, idempotencyKey?: string) {
  const r = await c.post('/api/permits', { title, orgId, idempotencyKey });
  expect(r.status).toBe(200);
  return r.body as { id: string; refNo: string; created: boolean };
}

describe('transition runner', () => {
  it('creates a case with a number, a timeline and a running acceptance clock', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const { id, refNo } = await file(clerk);
    expect(refNo).toMatch(/^CS41120220261102\d{5}$/);
    const d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.stateName).toBe('已提交');
    expect(d.events.map((e: { eventName: string }) => e.eventName)).toEqual(['创建']);
    // 2026-11-02 (Mon) + 5 working days = 2026-11-09 (Mon)
    expect(d.clocks[0]).toMatchObject({ name: 'acceptance', dueDate: '2026-11-09', state: 'running', legalBasis: '行政许可法 第32条' });
    expect(d.clocks[0].badge).toEqual({ label: '剩余5个工作日', level: 'normal', remainingWorkdays: 5 });
    expect(d.clocks[0].derivation).toContain('自2026-11-02起算5个工作日');
    expect(d.actions.map((a: { event: string }) => a.event).sort()).toEqual(['accept', 'reject', 'requestCorrection']);
    expect(d.actions.find((a: { event: string }) => a.event === 'reject').form.properties.reason.title).toBe('不予受理理由');
  });

  it('shows the case on the 工作台 of the clerk, sorted by due date, and not on another org\'s', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const { id } = await file(clerk, '工作台排序');
    const wb = (await clerk.get('/api/workbench?pageSize=100')).body;
    const row = wb.items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({ caseTypeName: '测试许可', orgName: '湖滨区市场监督管理局', badge: { label: '剩余5个工作日' } });
    const dues = wb.items.map((i: { dueDate: string | null }) => i.dueDate ?? '9999');
    expect([...dues].sort()).toEqual(dues);
    const other = (await (await t.staff(CLERK_MZJ)).get('/api/workbench?pageSize=100')).body;
    expect(other.items.find((i: { id: string }) => i.id === id)).toBeUndefined();
  });

  it('finds a case on the 工作台 by its number or title, wildcards taken literally', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const { id, refNo } = await file(clerk, '按编号查找');
    const byRef = (await clerk.get(`/api/workbench?q=${refNo}`)).body;
    expect(byRef).toMatchObject({ total: 1, items: [{ id }] });
    const byTitle = (await clerk.get(`/api/workbench?q=${encodeURIComponent('按编号')}`)).body;
    expect(byTitle.items.map((i: { id: string }) => i.id)).toEqual([id]);
    // '%' is a character to look for, not "anything": no title here has one.
    expect((await clerk.get(`/api/workbench?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
  });

  it('lists every case type at GET /api/<plural> in the actor\'s scope, searchable and filterable', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const mine = await file(clerk, '列表检索-甲');
    const other = await file(await t.staff(CLERK_MZJ), '列表检索-乙', mzj);
    await clerk.post(`/api/permits/${mine.id}/accept`, {});
    type L = { total: number; items: { id: string; state: string; orgId: string }[] };
    const all = (await clerk.get('/api/permits?pageSize=200')).body as L;
    expect(all.items.map((i) => i.id)).toContain(mine.id);
    // Another department's case is not in this clerk's list, whatever they search for.
    expect(all.items.some((i) => i.orgId !== scj)).toBe(false);
    expect((await clerk.get(`/api/permits?q=${other.refNo}`)).body.total).toBe(0);
    expect((await clerk.get(`/api/permits?q=${mine.refNo}`)).body).toMatchObject({ total: 1, items: [{ id: mine.id }] });
    expect((await clerk.get(`/api/permits?q=${encodeURIComponent('列表检索')}`)).body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const accepted = (await clerk.get('/api/permits?state=accepted&pageSize=200')).body as L;
    expect(accepted.items.every((i) => i.state === 'accepted')).toBe(true);
    expect(accepted.items.map((i) => i.id)).toContain(mine.id);
    expect((await clerk.get('/api/permits?from=2026-11-03&to=2026-11-30')).body.total).toBe(0);
    expect((await clerk.get(`/api/permits?from=2026-11-02&to=2026-11-02&q=${mine.refNo}`)).body.total).toBe(1);
    // The leader sees both departments' cases, and narrows to one org.
    const leader = await t.staff(LEADER);
    const both = (await leader.get(`/api/permits?q=${encodeURIComponent('列表检索')}`)).body as L;
    expect(both.items.map((i) => i.id).sort()).toEqual([mine.id, other.id].sort());
    expect((await leader.get(`/api/permits?q=${encodeURIComponent('列表检索')}&orgId=${mzj}`)).body.items.map((i: { id: string }) => i.id)).toEqual([other.id]);
    // Nothing is overdue on the day of filing; a bad filter is a Chinese 400.
    expect((await leader.get(`/api/permits?overdue=true&q=${encodeURIComponent('列表检索')}`)).body.total).toBe(0);
    const bad = await leader.get('/api/permits?divisionCode=12');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/区划代码/);
    // The states a list can filter by come from the machine.
    const types = (await clerk.get('/api/case-types')).body as { plural: string; states: { key: string; label: string }[] }[];
    expect(types.find((x) => x.plural === 'permits')!.states.map((x) => x.key)).toContain('accepted');
  });

  it('links cases both ways, shows each side only what its reader may open, and refuses bad links in Chinese', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const first = await file(clerk, '关联-前序');
    const next = await file(clerk, '关联-后续');
    const linked = await clerk.post(`/api/cases/${next.id}/links`, { to: first.refNo, kind: 'permitFollows' });
    expect(linked.status).toBe(200);
    expect(linked.body.links).toMatchObject([{ kind: 'permitFollows', label: '前序许可', direction: 'out', case: { id: first.id, refNo: first.refNo } }]);
    const back = (await clerk.get(`/api/cases/${first.id}`)).body;
    expect(back.links).toMatchObject([{ label: '后续许可', direction: 'in', case: { id: next.id } }]);
    // Linking again changes nothing.
    expect((await clerk.post(`/api/cases/${next.id}/links`, { to: first.id, kind: 'permitFollows' })).body.links).toHaveLength(1);
    // Another department's case cannot be linked by this clerk: it is not theirs to see.
    const theirs = await file(await t.staff(CLERK_MZJ), '关联-他部门', mzj);
    const refused = await clerk.post(`/api/cases/${next.id}/links`, { to: theirs.refNo, kind: 'permitFollows' });
    expect(refused.status).toBe(404);
    expect(refused.body.message).toBe('关联案件不存在或您无权查看');
    // The leader links it; the clerk then sees that a link exists, never the case.
    expect((await (await t.staff(LEADER)).post(`/api/cases/${theirs.id}/links`, { to: first.id, kind: 'permitFollows' })).status).toBe(200);
    const seen = (await clerk.get(`/api/cases/${first.id}`)).body;
    expect(seen.links.map((l: { case: { id: string } }) => l.case.id)).toEqual([next.id]);
    expect(seen.hiddenLinks).toBe(1);
    expect(JSON.stringify(seen)).not.toContain(theirs.refNo);
    const unknownKind = await clerk.post(`/api/cases/${next.id}/links`, { to: first.id, kind: 'nope' });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.message).toBe('关联类型“nope”不存在');
    expect((await clerk.post(`/api/cases/${next.id}/links`, { to: next.id, kind: 'permitFollows' })).status).toBe(400);
    const audit = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE stream = $1 AND action = 'case.link'`, [`case:${next.id}`]);
    expect(audit[0].n).toBe(1);
  });

  // These two build their org, staff and case with the factories (core/server/testing.ts) instead of demo users.
  it('answers 404 for a case outside the actor\'s scope, for reads and for events', async () => {
    const { id } = await buildCase(t.kernel, 'permit', { title: '食品经营许可' });
    const stranger = await buildStaff(t.kernel, { roles: ['clerk'] });
    const other = await login(stranger);
    expect((await other.get(`/api/cases/${id}`)).status).toBe(404);
    const r = await other.post(`/api/permits/${id}/accept`, {});
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('记录不存在或您无权查看');
    // a leader sees the whole district
    const leader = await buildStaff(t.kernel, { roles: ['leader'] });
    expect((await (await login(leader)).get(`/api/cases/${id}`)).status).toBe(200);
  });

  it('refuses an event the actor has no permission for with 403 and one the state does not allow with 409', async () => {
    const org = await buildOrg(t.kernel);
    const { id } = await buildCase(t.kernel, 'permit', { orgId: org.id });
    const reviewer = await login(await buildStaff(t.kernel, { roles: ['reviewer'], org }));
    const d = (await reviewer.get(`/api/cases/${id}`)).body;
    expect(d.actions).toEqual([]);
    const denied = await reviewer.post(`/api/permits/${id}/accept`, {});
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('您没有「受理」的权限');
    const early = await reviewer.post(`/api/permits/${id}/approve`, {});
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('当前状态为「已提交」，不能执行「准予许可」');
  });

  it('validates event input with the field named in Chinese and changes nothing', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const { id } = await file(clerk);
    const r = await clerk.post(`/api/permits/${id}/reject`, { reason: '' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(r.body.details.fields[0]).toMatchObject({ path: 'reason' });
    expect(r.body.details.fields[0].message).toMatch(/^不予受理理由：/);
    const d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.state).toBe('submitted');
    expect(d.events).toHaveLength(1);
  });

  it('runs the statutory path: 补正 pauses the clock, acceptance starts the decision clock, extension records the approver, approval stops all clocks', async () => {
    let clerk = await t.staff(CLERK_SCJ);
    const { id } = await file(clerk);
    expect((await clerk.post(`/api/permits/${id}/requestCorrection`, { missing: '营业执照复印件', comment: '一次性告知' })).status).toBe(200);
    let d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.clocks[0]).toMatchObject({ state: 'paused', dueDate: null });
    expect(d.clocks[0].badge.label).toBe('已暂停（补正）');
    // The applicant corrects on Thursday 11-05: 3 working days (11-03, 04, 05) do not count.
    t.clock.set('2026-11-05T10:00:00+08:00');
    const sys = await t.kernel.db.tx(async (tx) => {
      const { transition } = await import('../../src/core/server/cases/case.service');
      const { SYSTEM_ACTOR } = await import('../../src/core/server/actor');
      return transition(tx, t.kernel, SYSTEM_ACTOR, id, 'correct', {});
    });
    expect(sys.state).toBe('submitted');
    clerk = await t.staff(CLERK_SCJ); // three days later: a new session
    d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.clocks[0].pauses).toEqual([{ from: '2026-11-02', to: '2026-11-05', reason: '补正', days: 3 }]);
    expect(d.clocks[0].dueDate).toBe('2026-11-12'); // 11-09 + 3 working days
    expect((await clerk.post(`/api/permits/${id}/accept`, { comment: '材料齐全' })).status).toBe(200);
    d = (await clerk.get(`/api/cases/${id}`)).body;
    const decision = d.clocks.find((c: { name: string }) => c.name === 'decision');
    // 2026-11-05 + 20 working days = 2026-12-03
    expect(decision).toMatchObject({ startedOn: '2026-11-05', dueDate: '2026-12-03', primary: true });
    const director = await t.staff(DIRECTOR_SCJ);
    expect((await director.get(`/api/cases/${id}`)).body.actions.map((a: { event: string }) => a.event)).toContain('extend');
    const ext = await director.post(`/api/permits/${id}/extend`, { days: 10, reason: '需现场核查' });
    expect(ext.status).toBe(200);
    // One extension (max: 1, counted on the clock): the button is gone, and the server refuses a second.
    expect(ext.body.actions.map((a: { event: string }) => a.event)).not.toContain('extend');
    const dec2 = ext.body.clocks.find((c: { name: string }) => c.name === 'decision');
    expect(dec2.dueDate).toBe('2026-12-17');
    const { displayName: directorName } = await t.staffUser(DIRECTOR_SCJ);
    expect(dec2.extensions[0]).toMatchObject({ days: 10, approverName: directorName, reason: '需现场核查' });
    expect(dec2.derivation).toContain(`经${directorName}批准延长10个工作日（需现场核查）`);
    const again = await director.post(`/api/permits/${id}/extend`, { days: 5, reason: '再次延长' });
    expect(again.status).toBe(422);
    expect(again.body.message).toBe('审批期限只能延长一次（行政许可法 第42条）');
    t.clock.set('2026-11-20T15:00:00+08:00');
    const done = await (await t.staff(REVIEWER_SCJ)).post(`/api/permits/${id}/approve`, {});
    expect(done.status).toBe(200);
    expect(done.body.closedAt).not.toBeNull();
    expect(done.body.clocks.every((c: { state: string }) => c.state === 'stopped')).toBe(true);
    expect(done.body.events.map((e: { eventName: string }) => e.eventName)).toEqual(['创建', '一次性告知补正', '提交补正材料', '受理', '延长审批期限', '准予许可']);
    expect(done.body.events[3]).toMatchObject({ fromStateName: '已提交', toStateName: '已受理', actorName: (await t.staffUser(CLERK_SCJ)).displayName, comment: '材料齐全' });
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('runs other domains\' subscriptions in the same transaction, and rolls back when one refuses', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const dataOf = async (id: string) => (await t.kernel.db.query<{ data: Record<string, unknown>; state: string }>('select data, state from cases where id = $1', [id]))[0];
    const a = await file(clerk, '订阅通过');
    await clerk.post(`/api/permits/${a.id}/accept`, {});
    expect((await (await t.staff(REVIEWER_SCJ)).post(`/api/permits/${a.id}/approve`, {})).status).toBe(200);
    expect((await dataOf(a.id)).data.watcherSaw).toBe('approve');
    const b = await file(clerk, '订阅拒绝');
    await clerk.post(`/api/permits/${b.id}/accept`, {});
    const r = await (await t.staff(REVIEWER_SCJ)).post(`/api/permits/${b.id}/deny`, { reason: '订阅方拒绝测试' });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('订阅方拒绝了这次操作');
    const after = await dataOf(b.id);
    expect(after.state).toBe('accepted');
    expect(after.data.watcherSaw).toBeUndefined();
  });

  it('files one case for a double submission with the same idempotency key', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const [a, b] = await Promise.all([file(clerk, '重复提交', scj, 'key-123'), file(clerk, '重复提交', scj, 'key-123')]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
  });

  it('numbers cases filed at once uniquely and counts every one in the daily rollup', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    const received = async () => (await t.kernel.db.query<{ n: number }>(`SELECT coalesce(sum(received), 0)::int AS n FROM case_daily WHERE type = 'permit'`))[0].n;
    const before = await received();
    const filed = await Promise.all(Array.from({ length: 12 }, (_, i) => file(clerk, `同时收件${i}`)));
    expect(new Set(filed.map((f) => f.refNo)).size).toBe(12);
    expect(await received()).toBe(before + 12);
  });

  it('lets exactly one of two clerks accepting at once win; the other gets a Chinese 409', async () => {
    const c1 = await t.staff(CLERK_SCJ);
    const c2 = await t.staff(CLERK_SCJ);
    const rounds = isPostgres() ? 8 : 3;
    for (let i = 0; i < rounds; i++) {
      const { id } = await file(c1, `并发受理${i}`);
      const rs = await Promise.all([c1.post(`/api/permits/${id}/accept`, {}), c2.post(`/api/permits/${id}/accept`, {})]);
      expect(rs.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = rs.find((r) => r.status === 409)!;
      expect(['STATE_CONFLICT', 'TRANSITION_NOT_ALLOWED']).toContain(loser.body.code);
      expect(loser.body.message).toMatch(/已被他人处理|不能执行「受理」/);
      const d = (await c1.get(`/api/cases/${id}`)).body;
      expect(d.events.filter((e: { event: string }) => e.event === 'accept')).toHaveLength(1);
    }
  });
});

describe('clock scanner', () => {
  it('warns before due, marks overdue after, fires 视为受理 and notifies the office in-app', async () => {
    t.clock.set('2026-11-02T09:00:00+08:00');
    const { id } = await file(await t.staff(CLERK_MZJ), '临时救助', mzj);
    t.clock.set('2026-11-06T09:00:00+08:00'); // Friday: 1 working day left (11-09)
    let s = await scanClocks(t.kernel);
    expect(s.warned).toBeGreaterThanOrEqual(1);
    let clerk = await t.staff(CLERK_MZJ);
    let d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.events.at(-1)).toMatchObject({ eventName: '临期预警', actorName: '系统' });
    t.clock.set('2026-11-10T09:00:00+08:00'); // past 11-09
    s = await scanClocks(t.kernel);
    expect(s.overdue).toBeGreaterThanOrEqual(1);
    clerk = await t.staff(CLERK_MZJ);
    d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.state).toBe('accepted');
    expect(d.events.map((e: { eventName: string }) => e.eventName)).toEqual(['创建', '临期预警', '超期', '视为受理']);
    expect(d.events.at(-1).actorName).toBe('系统');
    // a second scan does nothing more
    s = await scanClocks(t.kernel);
    expect((await clerk.get(`/api/cases/${id}`)).body.events).toHaveLength(4);
    // Other tests' cases are scanned too: deliver until the outbox is empty, whatever the batch size.
    while ((await deliverPending(t.kernel)) > 0) { /* next batch */ }
    const inbox = (await clerk.get('/api/inbox')).body;
    expect(inbox.some((m: { title: string }) => m.title.startsWith('【超期】'))).toBe(true);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});
