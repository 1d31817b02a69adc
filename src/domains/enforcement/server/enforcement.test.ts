/**
 * Enforcement through HTTP on a real database: 扫码入企 with the officers' credentials checked, the firm's
 * phone page and anonymous rating, the per-firm cap and the head's approval; a penalty case refused with
 * one officer (第42条), refused a decision without 法制审核 (第58条), then decided, published and withdrawn;
 * clocks across the 2026 中秋/国庆 holidays with the date injected; figures on factory data; scope.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, testClock, type TestApp } from '../../../../tests/helpers/harness';
import { buildOrg, buildStaff, type BuiltStaff } from '../../../core/server';
import type { OrgRow } from '../../../core/server';
import { eq } from 'drizzle-orm';
import { penalties } from './enforcement.tables';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };

let t: TestApp;
let org: OrgRow;
let other: OrgRow;
let officer: BuiltStaff;
let head: BuiltStaff;
let outsider: BuiltStaff;
let bureau: BuiltStaff;
const holders: Record<string, string> = {};

/** A holder of the credential register with one card (the register's own tables; tests may write them). */
async function holder(name: string, o: OrgRow, card: { issuedOn: string; validTo: string; cancelledOn?: string }) {
  const id = randomUUID();
  await t.kernel.db.query(
    `INSERT INTO credential_holders (id, name, org_id, division_code, post, employment, scope, status, created_at) VALUES ($1,$2,$3,$4,'执法人员','establishment','市场监管','active',now())`,
    [id, name, o.id, o.divisionCode],
  );
  const no = `41120200${String(Object.keys(holders).length + 1).padStart(4, '0')}`;
  await t.kernel.db.query(
    `INSERT INTO credentials (id, holder_id, kind, number, verify_token, scope, issued_on, valid_to, status, cancelled_on, org_id, division_code, created_at)
     VALUES ($1,$2,'enforcement',$3,$4,'市场监管',$5,$6,$7,$8,$9,$10,now())`,
    [randomUUID(), id, no, randomUUID(), card.issuedOn, card.validTo, card.cancelledOn ? 'cancelled' : 'valid', card.cancelledOn ?? null, o.id, o.divisionCode],
  );
  holders[name] = id;
  return id;
}

const CODE = '914403001922038216'; // GB 32100 test vector (domain-rules §12.3)
const CODE2 = '91110000100006485K';
const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);
const post = async (c: Client, path: string, body: unknown = {}) => {
  const r = await c.post(path, body);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const on = (iso: string) => t.clock.set(`${iso}T09:00:00+08:00`);
const clockOf = async (c: Client, id: string, name: string) => (await c.get(`/api/cases/${id}`)).body.clocks.find((k: { name: string }) => k.name === name);

beforeAll(async () => {
  t = await startTestApp({ clock: testClock('2026-03-02T09:00:00+08:00'), env: { ENFORCEMENT_INSPECTION_CAP: '2' } });
  org = await buildOrg(t.kernel, { name: '测试市场监督管理局' });
  other = await buildOrg(t.kernel, { name: '测试城市管理局' });
  officer = await buildStaff(t.kernel, { roles: ['reviewer'], org });
  head = await buildStaff(t.kernel, { roles: ['director'], org });
  outsider = await buildStaff(t.kernel, { roles: ['reviewer'], org: other });
  bureau = await buildStaff(t.kernel, { roles: ['legalReviewer'], org: await buildOrg(t.kernel, { name: '测试司法局' }) });
  await holder('王执法', org, { issuedOn: '2024-01-01', validTo: '2029-12-31' });
  await holder('李执法', org, { issuedOn: '2024-01-01', validTo: '2029-12-31' });
  await holder('赵过期', org, { issuedOn: '2020-01-01', validTo: '2025-12-31' });
  await holder('钱注销', org, { issuedOn: '2024-01-01', validTo: '2029-12-31', cancelledOn: '2026-02-01' });
  await holder('孙外单位', other, { issuedOn: '2024-01-01', validTo: '2029-12-31' });
});
afterAll(async () => { await t.close(); });

const visit = (over: Record<string, unknown> = {}) => ({
  firmCode: CODE, firmName: '深圳测试食品有限公司', kind: 'complaint', reason: '12345投诉：销售过期食品', purpose: '食品经营许可事项检查',
  officerIds: [holders['王执法'], holders['李执法']], visitOn: '2026-03-02', ...over,
});

describe('涉企行政检查（扫码入企）', () => {
  it('refuses a visit without two officers holding valid credentials that day, and a wrong credit code; registers one with a QR the firm opens and rates anonymously', async () => {
    on('2026-03-02');
    const c = await login(officer);
    const bad = await c.post('/api/inspections', visit({ officerIds: [holders['王执法'], holders['赵过期']] }));
    expect(bad.status).toBe(422);
    expect(bad.body.message).toContain('第42条');
    expect(bad.body.message).toContain('超过有效期');
    const cancelled = await c.post('/api/inspections', visit({ officerIds: [holders['王执法'], holders['钱注销']] }));
    expect(cancelled.status).toBe(422);
    expect(cancelled.body.message).toContain('注销');
    const foreign = await c.post('/api/inspections', visit({ officerIds: [holders['王执法'], holders['孙外单位']] }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.message).toContain('不是本机关的执法人员');
    const wrongCode = await c.post('/api/inspections', visit({ firmCode: '914403001922038217' }));
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.message).toContain('统一社会信用代码不正确');
    const late = await c.post('/api/inspections', visit({ visitOn: '2026-02-27' }));
    expect(late.status).toBe(400);
    const [{ n: before }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enforcement_inspections`);
    expect(before).toBe(0); // nothing refused left a row

    const reg = await post(c, '/api/inspections', visit({ idempotencyKey: 'form-1' }));
    expect(reg).toMatchObject({ overCap: false, priorVisits: 0, cap: 2, warning: null });
    // The same form sent twice (Enter in a field, then the button): one visit, the first one's answer.
    const again = await post(c, '/api/inspections', visit({ idempotencyKey: 'form-1' }));
    expect(again).toMatchObject({ id: reg.id, refNo: reg.refNo, token: reg.token });
    const [{ n: once }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enforcement_inspections`);
    expect(once).toBe(1);
    const qr = await c.get(`/api/inspections/${reg.id}/qr.png`);
    expect(qr.status).toBe(200);
    const file = (await c.get(`/api/inspections/${reg.id}/file`)).body;
    expect(file.visitPath).toBe(`/public/inspection/${reg.token}`);

    // The firm's phone, not logged in: who is inspecting, their card numbers, the org and purpose.
    const firm = t.anon();
    const seen = (await firm.get(`/api/public/inspections/${reg.token}`)).body;
    expect(seen.officers.map((o: { name: string }) => o.name).sort()).toEqual(['李执法', '王执法']);
    expect(seen.officers.every((o: { credentialNo: string }) => /^41120200\d{4}$/.test(o.credentialNo))).toBe(true);
    expect(seen).toMatchObject({ orgName: '测试市场监督管理局', canRate: true, frequency: '本年度第1次（公布上限2次）' });
    expect((await firm.get('/api/public/inspections/not-a-real-token-000000')).status).toBe(404);
    expect((await firm.post(`/api/public/inspections/${reg.token}/rating`, { score: 9 })).status).toBe(400);
    await post(firm, `/api/public/inspections/${reg.token}/rating`, { score: 2, comment: '检查人员态度生硬' });
    expect((await firm.post(`/api/public/inspections/${reg.token}/rating`, { score: 5 })).status).toBe(409);

    // The department sees the rating, and nothing about who gave it is stored anywhere on the row.
    const after = (await c.get(`/api/inspections/${reg.id}/file`)).body;
    expect(after).toMatchObject({ rating: 2, ratingComment: '检查人员态度生硬', ratedOn: '2026-03-02' });
    const cols = (await t.kernel.db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'enforcement_inspections'`)).map((r) => r.column_name);
    expect(cols.filter((x) => /ip|rater|user|phone|device|agent/.test(x))).toEqual([]);

    await post(c, `/api/inspections/${reg.id}/complete`, { outcome: '责令限期整改', findings: '发现过期食品3批次，已责令下架' });
    expect((await c.get(`/api/cases/${reg.id}`)).body.state).toBe('completed');
  });

  it('warns a visit above the published cap and holds it for the head: officers cannot approve, the head can; a plan may publish its own cap', async () => {
    on('2026-03-03');
    const c = await login(officer);
    const second = await post(c, '/api/inspections', visit({ visitOn: '2026-03-03' }));
    expect(second).toMatchObject({ overCap: false, priorVisits: 1 });
    const third = await post(c, '/api/inspections', visit({ visitOn: '2026-03-04' }));
    expect(third.overCap).toBe(true);
    expect(third.warning).toContain('达到公布的年度频次上限2次');
    const d = (await c.get(`/api/cases/${third.id}`)).body;
    expect(d.state).toBe('awaitingApproval');
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('approve');
    expect((await c.post(`/api/inspections/${third.id}/approve`, { reason: '投诉紧急' })).status).toBe(403);
    expect((await c.post(`/api/inspections/${third.id}/complete`, { outcome: '未发现问题', findings: '未发现违法行为' })).status).toBe(409);
    expect((await t.anon().get(`/api/public/inspections/${third.token}`)).body.status).toContain('批准前检查人员不得入企检查');
    const boss = await login(head);
    await post(boss, `/api/inspections/${third.id}/approve`, { reason: '群众投诉涉及食品安全，确需再次检查' });
    expect((await c.get(`/api/cases/${third.id}`)).body.state).toBe('registered');
    // A result waits for the visit's day (03-04): refused before the compare-and-set, nothing recorded.
    const eventsBefore = (await c.get(`/api/cases/${third.id}`)).body.events.length;
    const early = await c.post(`/api/inspections/${third.id}/complete`, { outcome: '未发现问题', findings: '未发现违法行为' });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('检查日期为2026-03-04，尚未实施');
    const still = (await c.get(`/api/cases/${third.id}`)).body;
    expect(still.state).toBe('registered');
    expect(still.events).toHaveLength(eventsBefore);
    expect((await c.get(`/api/inspections/${third.id}/file`)).body.outcome).toBeNull();

    // A 专项 plan publishing a cap of 1 for another firm drawn at random.
    const plan = await post(boss, '/api/enforcement/plans', { year: 2026, planNo: 'SJ-2026-01', name: '2026年食品安全双随机抽查', kind: '专项检查', cap: 1, firmCodes: [CODE2], publishedOn: '2026-03-01' });
    const caps = (await t.anon().get('/api/public/enforcement/caps?year=2026')).body;
    expect(caps.plans.find((p: { planNo: string }) => p.planNo === 'SJ-2026-01')).toMatchObject({ cap: 1, capIsDefault: false, firms: 1 });
    const notDrawn = await c.post('/api/inspections', visit({ kind: 'planned', planId: plan.id, visitOn: '2026-03-04' }));
    expect(notDrawn.status).toBe(400);
    expect(notDrawn.body.message).toContain('不在本计划随机抽取');
    const p1 = await post(c, '/api/inspections', visit({ kind: 'planned', planId: plan.id, firmCode: CODE2, firmName: '北京测试公司', visitOn: '2026-03-04' }));
    expect(p1.overCap).toBe(false);
    const p2 = await post(c, '/api/inspections', visit({ kind: 'planned', planId: plan.id, firmCode: CODE2, firmName: '北京测试公司', visitOn: '2026-03-05' }));
    expect(p2).toMatchObject({ overCap: true, cap: 1, priorVisits: 1 });
    await post(boss, `/api/inspections/${p2.id}/refuse`, { reason: '本年度已检查，改为书面核查' });
    // A refused visit does not count against the cap.
    const p3 = await post(c, '/api/inspections', visit({ kind: 'planned', planId: plan.id, firmCode: CODE2, firmName: '北京测试公司', visitOn: '2026-03-06' }));
    expect(p3.priorVisits).toBe(1);
  });
});

const filing = (over: Record<string, unknown> = {}) => ({
  partyKind: 'person', partyName: '欧阳小明', cause: '销售过期食品', source: '检查发现', facts: '现场检查发现销售超过保质期的食品', ...over,
});
const DECISION = { decisionNo: '湖测市监罚〔2026〕1号', basis: '《中华人民共和国食品安全法》第一百二十四条', content: '没收违法所得，罚款人民币五万元', amount: 50000 };

describe('行政处罚', () => {
  it('refuses the evidence record with one officer (第42条), refuses a decision without a passed 法制审核 (第58条), then goes through review to a published decision, withdrawn when revoked', async () => {
    on('2026-07-03');
    let c = await login(officer);
    const { id } = await post(c, '/api/penalties', filing());
    // 第60条: 90 natural days from 立案 (07-03) end on 10-01, a holiday: the period runs to 10-08.
    expect((await clockOf(c, id, 'decide')).dueDate).toBe('2026-10-08');
    expect((await c.post(`/api/penalties/${id}/notify`, { proposal: '拟罚款五万元' })).status).toBe(422); // nothing recorded yet

    const one = await c.post(`/api/penalties/${id}/recordEvidence`, { takenOn: '2026-07-03', officerIds: [holders['王执法']], summary: '现场检查笔录、照片' });
    expect(one.status).toBe(422);
    expect(one.body.message).toContain('行政处罚法 第42条');
    const expired = await c.post(`/api/penalties/${id}/recordEvidence`, { takenOn: '2026-07-03', officerIds: [holders['王执法'], holders['赵过期']], summary: '现场检查笔录' });
    expect(expired.status).toBe(422);
    expect((await c.get(`/api/penalties/${id}/file`)).body.evidence).toEqual([]);
    // Evidence is taken after 立案, never before: refused with the field, nothing recorded.
    const beforeFiling = await c.post(`/api/penalties/${id}/recordEvidence`, { takenOn: '2026-07-02', officerIds: [holders['王执法'], holders['李执法']], summary: '现场检查笔录' });
    expect(beforeFiling.status).toBe(400);
    expect(beforeFiling.body.message).toContain('取证日期不能早于立案日期2026-07-03');
    expect((await c.get(`/api/penalties/${id}/file`)).body.evidence).toEqual([]);
    await post(c, `/api/penalties/${id}/recordEvidence`, { takenOn: '2026-07-03', officerIds: [holders['王执法'], holders['李执法']], summary: '现场检查笔录、照片、询问笔录' });
    const pdf = await t.app.inject({ method: 'POST', url: `/api/penalties/${id}/attachments?fileName=${encodeURIComponent('现场检查笔录.pdf')}`, payload: Buffer.from('%PDF-1.4 test'), headers: { 'content-type': 'application/pdf', ...(await cookieOf(c)) } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.json()).toMatchObject({ step: '已立案（调查取证）', mime: 'application/pdf' });
    // The record opens for the case's own officers and for nobody outside its scope.
    const fileUrl = `/api/penalties/${id}/attachments/${pdf.json().id}`;
    const opened = await t.app.inject({ method: 'GET', url: fileUrl, headers: await cookieOf(c) });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toBe('%PDF-1.4 test');
    expect((await (await t.staff(CLERK_RSJ)).get(fileUrl)).status).toBe(404);
    expect((await c.get(`/api/penalties/${id}/attachments/${randomUUID()}`)).status).toBe(404);
    const exe = await t.app.inject({ method: 'POST', url: `/api/penalties/${id}/attachments?fileName=x.exe`, payload: Buffer.from('MZ\x90\x00'), headers: { 'content-type': 'application/octet-stream', ...(await cookieOf(c)) } });
    expect(exe.statusCode).toBe(400);

    on('2026-09-29');
    c = await login(officer);
    await post(c, `/api/penalties/${id}/notify`, { proposal: '拟没收违法所得并罚款五万元', amount: 50000, hearingEligible: true, reviewGround: '涉及重大公共利益' });
    // 第64条: 5 working days; 09-30, then 10-08 after 国庆, 10-09, 10-10 (a make-up Saturday), 10-12.
    expect((await clockOf(c, id, 'hearingRequest')).dueDate).toBe('2026-10-12');
    await post(c, `/api/penalties/${id}/requestHearing`, { requestedOn: '2026-09-29' });
    // 第64条: noticed 7 working days ahead: from 09-29, not before 10-14.
    const soon = await c.post(`/api/penalties/${id}/scheduleHearing`, { noticeOn: '2026-09-29', hearingOn: '2026-10-13', host: '法制科张某' });
    expect(soon.status).toBe(400);
    expect(soon.body.message).toContain('不得早于2026-10-14');
    await post(c, `/api/penalties/${id}/scheduleHearing`, { noticeOn: '2026-09-29', hearingOn: '2026-10-14', host: '法制科张某' });
    // The hearing is held on its day, not before: refused before the compare-and-set, the case stays put.
    const stateBefore = (await c.get(`/api/cases/${id}`)).body.state;
    const early = await c.post(`/api/penalties/${id}/holdHearing`, { record: '提前记录' });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('听证定于2026-10-14举行，尚未到期');
    expect((await c.get(`/api/cases/${id}`)).body.state).toBe(stateBefore);
    on('2026-10-14');
    c = await login(officer);
    await post(c, `/api/penalties/${id}/holdHearing`, { record: '当事人对事实无异议，请求从轻处罚' });

    let boss = await login(head);
    const noReview = await boss.post(`/api/penalties/${id}/decide`, DECISION);
    expect(noReview.status).toBe(422);
    expect(noReview.body.message).toContain('第58条');
    await post(c, `/api/penalties/${id}/submitReview`);
    // The justice bureau's reviewer must be on the register of 法律职业资格 holders first.
    const rev = await login(bureau);
    const unqualified = await rev.post(`/api/penalties/${id}/passReview`, { opinion: '事实清楚，证据确凿' });
    expect(unqualified.status).toBe(403);
    expect(unqualified.body.message).toContain('法律职业资格');
    await post(rev, '/api/enforcement/legal-reviewers', { userId: bureau.user.id, certificateNo: 'A20194112020123' });
    await post(rev, `/api/penalties/${id}/passReview`, { opinion: '事实清楚，证据确凿，程序合法，处罚适当' });

    on('2026-10-15');
    [c, boss] = [await login(officer), await login(head)];
    await post(boss, `/api/penalties/${id}/decide`, DECISION);
    // 118号: 7 working days from 10-15: 10-16, 19, 20, 21, 22, 23, 26.
    expect((await clockOf(boss, id, 'publish')).dueDate).toBe('2026-10-26');
    expect((await c.get(`/api/penalties/${id}/file`)).body.publication).toMatchObject({ dueOn: '2026-10-26', publishedOn: null, partyShown: '欧阳某' });
    expect((await t.anon().get('/api/public/enforcement/decisions')).body.total).toBe(0);
    await post(c, `/api/penalties/${id}/publish`);
    const pub = (await t.anon().get('/api/public/enforcement/decisions')).body;
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ party: '欧阳某', decisionNo: '湖测市监罚〔2026〕1号', partyKind: '自然人' });
    expect(JSON.stringify(pub)).not.toContain('小明');
    await post(c, `/api/penalties/${id}/serve`, { servedOn: '2026-10-15', method: '直接送达' });
    await post(c, `/api/penalties/${id}/close`, { execution: '罚没款已缴清' });

    // 第48条: revoked after publication, withdrawn within 3 working days (10-30 is a Friday: 11-02, 03, 04).
    on('2026-10-30');
    [c, boss] = [await login(officer), await login(head)];
    await post(boss, `/api/penalties/${id}/revokePublished`, { reason: '行政复议决定撤销' });
    expect((await clockOf(boss, id, 'withdraw')).dueDate).toBe('2026-11-04');
    await post(c, `/api/penalties/${id}/withdraw`, { explanation: '该决定已被行政复议机关撤销' });
    expect((await c.get(`/api/cases/${id}`)).body.state).toBe('annulled');
    expect((await t.anon().get('/api/public/enforcement/decisions')).body.total).toBe(0);
  });

  it('crosses the 国庆 make-up Saturday: a decision on 09-30 is due for 公示 on 10-15 (10-10 counts as a working day)', async () => {
    on('2026-09-01');
    let c = await login(officer);
    let boss = await login(head);
    const { id } = await post(c, '/api/penalties', filing({ partyKind: 'org', partyName: '北京测试公司', partyCode: CODE2 }));
    await post(c, `/api/penalties/${id}/recordEvidence`, { takenOn: '2026-09-01', officerIds: [holders['王执法'], holders['李执法']], summary: '询问笔录' });
    await post(c, `/api/penalties/${id}/notify`, { proposal: '拟警告' });
    await post(c, `/api/penalties/${id}/waiveHearing`, { statement: '当事人放弃陈述申辩' });
    on('2026-09-30');
    [c, boss] = [await login(officer), await login(head)];
    await post(boss, `/api/penalties/${id}/decide`, { ...DECISION, decisionNo: '湖测市监罚〔2026〕2号', content: '警告', amount: undefined });
    // 10-08, 09, 10 (make-up Saturday), 12, 13, 14, 15 → seven working days end 10-15.
    expect((await clockOf(c, id, 'publish')).dueDate).toBe('2026-10-15');
    // 第61条: serve within 7 working days, the same reckoning.
    expect((await clockOf(c, id, 'serve')).dueDate).toBe('2026-10-15');
    // A firm is named in full on the public page.
    on('2026-10-09');
    c = await login(officer);
    await post(c, `/api/penalties/${id}/publish`);
    expect((await t.anon().get('/api/public/enforcement/decisions?q=北京测试公司')).body.items[0].party).toBe('北京测试公司');
  });

  it('keeps a natural person\'s 公民身份号码 encrypted with a look-up index, shows it masked, and refuses a wrong one with nothing filed', async () => {
    on('2026-11-02');
    const c = await login(officer);
    const count = async () => (await c.get('/api/penalties?pageSize=200')).body.total as number;
    const before = await count();
    // A checksum error, a credit code given for a person, and an old 15-digit number: each refused on the field.
    const typo = await c.post('/api/penalties', filing({ partyCode: '110105194912310021' }));
    expect(typo.status).toBe(400);
    expect(typo.body.message).toMatch(/^公民身份号码不正确：/);
    expect(typo.body.details.fields).toEqual([expect.objectContaining({ path: 'partyCode' })]);
    const firmCode = await c.post('/api/penalties', filing({ partyCode: CODE2 }));
    expect(firmCode.status).toBe(400);
    expect(firmCode.body.message).toBe('当事人为自然人的，请填写18位公民身份号码');
    expect((await c.post('/api/penalties', filing({ partyCode: '110105491231002' }))).status).toBe(400);
    expect(await count()).toBe(before);
    // A valid one (lower-case x, as typed): stored encrypted, indexed, masked — never in clear.
    const { id } = await post(c, '/api/penalties', filing({ partyName: '周明', partyCode: '11010519491231002x' }));
    const file = (await c.get(`/api/penalties/${id}/file`)).body;
    expect(file).toMatchObject({ partyKind: 'person', partyCode: '110105********002X' });
    const facts = (await c.get(`/api/cases/${id}`)).body.fields as { label: string; value: string }[];
    expect(facts.find((f) => f.label === '当事人')!.value).toBe('周明（自然人，110105********002X）');
    const [row] = await t.kernel.db.tx((tx) => tx.select().from(penalties).where(eq(penalties.caseId, id)));
    expect(row.partyCode).toBeNull();
    expect(row.partyIdEnc).not.toContain('11010519491231002X');
    expect(t.kernel.cipher.decrypt(row.partyIdEnc!)).toBe('11010519491231002X');
    expect(row.partyIdHash).toBe(t.kernel.cipher.index('11010519491231002X'));
    // A person whose number is not known is still fined (the number is optional for a person).
    expect((await c.post('/api/penalties', filing({ partyName: '无证件当事人' }))).status).toBe(200);
  });

  it('lets a department see only its own cases and the justice bureau all of them; another department gets 404', async () => {
    on('2026-11-02');
    const c = await login(officer);
    const { id } = await post(c, '/api/penalties', filing({ partyName: '张三' }));
    const out = await login(outsider);
    expect((await out.get(`/api/penalties/${id}/file`)).status).toBe(404);
    expect((await out.get('/api/penalties')).body.items.some((x: { id: string }) => x.id === id)).toBe(false);
    const bureauList = (await (await login(bureau)).get('/api/penalties?pageSize=100')).body.items.map((x: { id: string }) => x.id);
    expect(bureauList).toContain(id);
    expect((await out.post(`/api/penalties/${id}/recordEvidence`, { takenOn: '2026-11-02', officerIds: [holders['孙外单位']], summary: '询问笔录' })).status).toBe(404);
  });
});

describe('执法 figures on factory data', () => {
  it('counts penalties, inspections, legal reviews, inspections per firm and the on-time 公示 rate with an open overdue publication counted', async () => {
    let c = await login(bureau);
    const q = (from: string, to: string) => `divisionCode=411202&orgId=${org.id}&from=${from}&to=${to}`;
    const m = async (key: string, from = '2026-01-01', to = '2026-12-31') => { const r = (await c.get(`/api/metrics/${key}?${q(from, to)}`)).body; return [r.numerator, r.denominator]; };
    // Penalties decided: the two above (the first later revoked: still counted when it was made).
    expect(await m('enforcement.penalties')).toEqual([2, null]);
    expect(await m('enforcement.legalReviewed')).toEqual([1, null]);
    // Inspections completed: only the first visit recorded a result.
    expect(await m('enforcement.inspections')).toEqual([1, null]);
    expect(await m('enforcement.inspectionsPerFirm')).toEqual([1, 1]);
    // A ratio (次/户), not a share: the figure reads "1", never "100%".
    expect((await c.get(`/api/metrics/enforcement.inspectionsPerFirm?${q('2026-01-01', '2026-12-31')}`)).body).toMatchObject({ unit: 'ratio', value: 1 });
    // Both publications were due by now and published in time.
    expect(await m('enforcement.publishedOnTimeRate')).toEqual([2, 2]);

    // A third decision left unpublished past its due date counts against the rate.
    on('2026-11-02');
    const o = await login(officer);
    const boss = await login(head);
    const { id } = await post(o, '/api/penalties', filing({ partyName: '李四' }));
    await post(o, `/api/penalties/${id}/recordEvidence`, { takenOn: '2026-11-02', officerIds: [holders['王执法'], holders['李执法']], summary: '询问笔录' });
    await post(o, `/api/penalties/${id}/notify`, { proposal: '拟罚款' });
    await post(o, `/api/penalties/${id}/waiveHearing`, { statement: '无异议' });
    await post(boss, `/api/penalties/${id}/decide`, { ...DECISION, decisionNo: '湖测市监罚〔2026〕3号' });
    expect(await m('enforcement.publishedOnTimeRate')).toEqual([2, 2]); // not yet due (11-11)
    on('2026-11-20');
    c = await login(bureau);
    expect(await m('enforcement.publishedOnTimeRate')).toEqual([2, 3]);
    const recs = (await c.get(`/api/metrics/enforcement.publishedOnTimeRate/records?${q('2026-01-01', '2026-12-31')}&which=denominator`)).body;
    expect(recs.items.map((r: { id: string }) => r.id)).toContain(id);
    // By org, one grouped query agrees with the figure.
    expect(await m('enforcement.penalties', '2026-11-01', '2026-11-30')).toEqual([1, null]);
  });
});

async function cookieOf(c: Client): Promise<Record<string, string>> {
  const r = c as unknown as { cookies: Record<string, string> };
  return { cookie: Object.entries(r.cookies).map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': r.cookies.zt_csrf };
}
