import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { startTestApp, type Client, type StaffSpec, type TestApp } from '../../../../tests/helpers/harness';
import { computeBreakdown, computeMetric, deliverPending, scanClocks } from '../../../core/server';
import { seedCatalogDemo } from '../../catalog/public';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const DIRECTOR_SPJ = { roles: ['director'], org: '湖滨区行政审批和政务信息管理局' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
// reviewer_sfj is also the 复议机构负责人 (ensureReconsiderationStaff gives the demo's the role).
const REVIEWER_SFJ = { roles: ['reviewer', 'reconsiderationHead'], org: '湖滨区司法局' };
const LEGAL_SFJ = { roles: ['legalReviewer'], org: '湖滨区司法局' };

let t: TestApp;
let scj: string; // 湖滨区市场监督管理局, the respondent
let gov: string; // 湖滨区人民政府
let citizen: Client;
const CITIZEN = { idNumber: '11010519491231002X', password: 'Citizen#2026' };
beforeAll(async () => {
  t = await startTestApp();
  const orgs = (await t.anon().get('/api/public/reconsideration/respondents')).body as { id: string; name: string }[];
  scj = orgs.find((o) => o.name === '湖滨区市场监督管理局')!.id;
  gov = orgs.find((o) => o.name === '湖滨区人民政府')!.id;
  expect((await t.anon().post('/api/auth/register', { kind: 'person', name: '周明', idNumber: CITIZEN.idNumber, phone: '13800003333', password: CITIZEN.password })).status).toBe(200);
  citizen = await t.anon().login(CITIZEN.idNumber, CITIZEN.password);
});
afterAll(async () => { await t.close(); });

const application = (over: Record<string, unknown> = {}) => ({
  applicantKind: 'person', applicantName: '周明', phone: '13800003333', channel: 'online', respondentOrgId: scj,
  actDescription: '湖滨区市场监督管理局作出的罚款五千元的行政处罚决定', actKind: 'penalty', amountYuan: 5000, knewOn: '2026-10-20',
  request: '请求撤销该行政处罚决定', factsAndReasons: '被申请人认定申请人销售过期食品，但涉案食品系退货待处理商品，并未销售。', ...over,
});
const clock = (d: { clocks: { name: string }[] }, name: string) => d.clocks.find((c) => c.name === name) as Record<string, unknown> | undefined;
// Sessions time out when the test clock jumps: every jump signs everyone in again.
let sessions = new Map<StaffSpec, Client>();
const at = async (iso: string) => { t.clock.set(`${iso}T09:30:00+08:00`); sessions = new Map(); citizen = await t.anon().login(CITIZEN.idNumber, CITIZEN.password); };
const staff = async (who: StaffSpec) => { if (!sessions.has(who)) sessions.set(who, await t.staff(who)); return sessions.get(who)!; };
const docxText = async (c: Client, id: string, kind: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/reconsiderations/${id}/document?kind=${kind}`, headers: { cookie: (c as unknown as { cookieHeader(): string }).cookieHeader() } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
};

describe('行政复议 from a phone to the decision', () => {
  it('takes an online application, asks for 补正 once, accepts, extends once under 普通程序, takes the answer and decides with a .docx', async () => {
    await at('2026-11-02');
    const filed = await citizen.post('/api/reconsiderations', application());
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toMatchObject({ receivedOn: '2026-11-02', procedure: 'ordinary', warnings: [], refNo: expect.stringMatching(/^FY411202202611020\d{4}$/) });
    const id = filed.body.id;
    let d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    // 第30条: 5 working days; 第31条: the notice within 5 working days.
    expect(clock(d, 'review')).toMatchObject({ dueDate: '2026-11-09', legalBasis: '行政复议法 第30条' });
    expect(d.actions.map((a: { event: string }) => a.event).sort()).toEqual(['accept', 'refuse', 'requestCorrection', 'setProcedure', 'withdraw']);
    // The respondent sees its own case, never another agency's.
    expect((await (await staff(DIRECTOR_SCJ)).get(`/api/cases/${id}`)).status).toBe(200);
    expect((await (await staff(DIRECTOR_SPJ)).get(`/api/cases/${id}`)).status).toBe(404);

    d = (await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/requestCorrection`, { missing: '请提交行政处罚决定书复印件和申请人身份证明' })).body;
    expect(d.state).toBe('correcting');
    expect(clock(d, 'correction')).toMatchObject({ dueDate: '2026-11-16' }); // 10 working days
    expect(await docxText(await staff(LEGAL_SFJ), id, 'correction')).toContain('请提交行政处罚决定书复印件和申请人身份证明');
    // The applicant follows it by number on a phone and supplies there; the review period runs again (第31条).
    const tracked = (await t.anon().get(`/api/public/reconsiderations/track?refNo=${filed.body.refNo}&phone4=3333`)).body;
    expect(tracked).toMatchObject({ state: 'correcting', correctionAsked: '请提交行政处罚决定书复印件和申请人身份证明' });
    expect((await t.anon().get(`/api/public/reconsiderations/track?refNo=${filed.body.refNo}&phone4=0000`)).status).toBe(404);
    await at('2026-11-04');
    const supplied = await t.anon().post('/api/public/reconsiderations/supply', { refNo: filed.body.refNo, phone4: '3333', content: '已上传处罚决定书复印件和身份证复印件' });
    expect(supplied.body.state).toBe('received');
    d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    expect(clock(d, 'review')).toMatchObject({ startedOn: '2026-11-04', dueDate: '2026-11-11', state: 'running' });
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/requestCorrection`, { missing: '再补正' })).status).toBe(422);

    await at('2026-11-05');
    d = (await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/accept`)).body;
    expect(d.state).toBe('underReview');
    expect(clock(d, 'decide')).toMatchObject({ startedOn: '2026-11-05', dueDate: '2027-01-04', unit: 'natural' }); // 60 days → 01-04 (01-04 Monday)
    expect(clock(d, 'copy')).toMatchObject({ dueDate: '2026-11-16' }); // 7 working days (第48条)
    // 第62条: the head of the 复议机构 extends, once, by at most 30 days.
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/extend`, { days: 30, reason: '案情复杂' })).status).toBe(403);
    d = (await (await staff(REVIEWER_SFJ)).post(`/api/reconsiderations/${id}/extend`, { days: 30, reason: '案情复杂，需要调取补充证据' })).body;
    expect(clock(d, 'decide')).toMatchObject({ dueDate: '2027-02-03', extensions: [expect.objectContaining({ days: 30, approverName: (await t.staffUser(REVIEWER_SFJ)).displayName })] });
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('extend');
    expect((await (await staff(REVIEWER_SFJ)).post(`/api/reconsiderations/${id}/extend`, { days: 5, reason: '再延' })).body.message).toBe('审理期限只能延长一次，且延长期限最多不得超过30日（行政复议法 第62条）');
    const early = await (await staff(DIRECTOR_SCJ)).post(`/api/reconsiderations/${id}/answer`, { answer: '认定事实清楚', evidence: '检查笔录' });
    expect(early.status).toBe(422);
    d = (await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/sendCopy`)).body;
    expect(clock(d, 'answer')).toMatchObject({ dueDate: '2026-11-19' }); // 10 working days
    // Sent once: the page no longer offers it (a precondition), and a second try is refused.
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('sendCopy');
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/sendCopy`)).body.message).toBe('申请书副本已经发送');
    expect(await docxText(await staff(LEGAL_SFJ), id, 'answerNotice')).toContain('十个工作日内提出书面答复');
    await at('2026-11-12');
    const answered = await (await staff(DIRECTOR_SCJ)).post(`/api/reconsiderations/${id}/answer`, { answer: '被申请人认定事实清楚，证据确凿，请求维持。', evidence: '现场检查笔录、询问笔录、照片' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(clock(answered.body, 'answer')).toMatchObject({ state: 'stopped', stoppedOn: '2026-11-12' });
    // 第51条: a hearing is noticed 5 working days ahead (11-13, 16, 17, 18, 19): one on 11-18 is refused
    // before the compare-and-set, and nothing of it is recorded.
    const eventsBefore = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body.events.length;
    const hurried = await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/scheduleHearing`, { hearingOn: '2026-11-18', place: '区司法局听证室', basis: '申请人请求听证' });
    expect(hurried.status).toBe(422);
    expect(hurried.body.message).toBe('听证应当在举行5个工作日前通知当事人（第51条），最早可安排在2026-11-19');
    expect((await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body.events).toHaveLength(eventsBefore);
    expect((await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${id}/substance`)).body.hearingOn).toBeNull();
    expect((await (await staff(DIRECTOR_SCJ)).post(`/api/reconsiderations/${id}/decide`, { decision: '维持（第68条）', facts: '自己认定的事实', reasoning: '自己的理由', approval: '本局负责人同意' })).status).toBe(403);

    await at('2026-12-01');
    d = (await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/decide`, {
      decision: '撤销或者部分撤销（第64条）', facts: '经查，涉案食品系退货待处理商品，被申请人未查明是否用于销售。', reasoning: '被申请人作出的处罚决定主要事实不清、证据不足。', approval: '经区人民政府负责人同意',
    })).body;
    expect(d.state).toBe('decided');
    const text = await docxText(await staff(LEGAL_SFJ), id, 'decision');
    expect(text).toContain('行政复议决定书');
    expect(text).toContain('依照《中华人民共和国行政复议法》第六十四条的规定，本机关决定：撤销或者部分撤销。');
    expect(text).toContain('被申请人称：被申请人认定事实清楚，证据确凿，请求维持。');
    expect(text).toContain('湖滨区人民政府');
    expect(text).toContain('2026年12月1日');
    // The applicant downloads it too; a stranger agency cannot.
    expect(await docxText(citizen, id, 'acceptance')).toContain('受理日期为2026年11月5日');
    const other = await staff(DIRECTOR_SPJ);
    expect((await t.app.inject({ method: 'GET', url: `/api/reconsiderations/${id}/document?kind=decision`, headers: { cookie: (other as unknown as { cookieHeader(): string }).cookieHeader() } })).statusCode).toBe(404);
    const s = (await citizen.get(`/api/reconsiderations/${id}/substance`)).body;
    expect(s).toMatchObject({ outcome: '撤销或者部分撤销（第64条）', answer: '被申请人认定事实清楚，证据确凿，请求维持。', respondent: '湖滨区市场监督管理局' });
    expect(s.documents.map((x: { kind: string }) => x.kind)).toEqual(['correction', 'acceptance', 'answerNotice', 'decision']);
  });

  it('deems an application accepted when 5 working days pass across 国庆 without a refusal (第30条), and rolls a natural-day limit off the holiday (第88条)', async () => {
    await at('2026-09-28');
    const { id } = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'letter', receivedOn: '2026-09-28', knewOn: '2026-09-10' }))).body;
    let d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    // 9-29, 9-30, (国庆 10-01…10-07), 10-08, 10-09, 10-10 (a make-up Saturday).
    expect(clock(d, 'review')).toMatchObject({ dueDate: '2026-10-10' });
    await at('2026-10-10');
    await scanClocks(t.kernel);
    expect((await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body.state).toBe('received');
    await at('2026-10-12');
    await scanClocks(t.kernel);
    d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    expect(d.state).toBe('underReview');
    expect(d.events.map((e: { event: string }) => e.event)).toContain('deemAccept');
    // 第30条: accepted on the day the review period ended (10-10), not the day the scanner noticed (10-12);
    // the decision clock counts its 60 days from that day too.
    expect((await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${id}/substance`)).body).toMatchObject({ deemedAccepted: true, acceptedOn: '2026-10-10' });
    expect(clock(d, 'decide')).toMatchObject({ startedOn: '2026-10-10', dueDate: '2026-12-09' });
    expect(clock(d, 'copy')).toMatchObject({ startedOn: '2026-10-10', dueDate: '2026-10-20' }); // 7 working days from 10-10

    // 简易程序 (a disclosure case, 第53条) accepted 09-01: 30 natural days end on 10-01, in 国庆 → 10-08.
    await at('2026-09-01');
    const simple = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'counter', actKind: 'disclosure', amountYuan: undefined, knewOn: '2026-08-20', actDescription: '湖滨区市场监督管理局作出的政府信息公开申请答复' }))).body;
    expect(simple).toMatchObject({ procedure: 'simple', procedureReason: expect.stringContaining('第53条') });
    d = (await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${simple.id}/accept`)).body;
    expect(clock(d, 'decide')).toMatchObject({ dueDate: '2026-10-08', legalBasis: '行政复议法 第62条第二款（简易程序）' });
    expect(clock(d, 'copy')).toMatchObject({ dueDate: '2026-09-04', legalBasis: '行政复议法 第54条' }); // 3 working days
    expect((await (await staff(REVIEWER_SFJ)).post(`/api/reconsiderations/${simple.id}/extend`, { days: 10, reason: '案情复杂' })).body.message).toContain('简易程序案件不能延长审理期限');
    // 中止 (第39条) stops the decision clock until the cause is gone.
    await at('2026-09-07');
    d = (await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${simple.id}/suspend`, { ground: '需要经过鉴定或者其他需要中止的情形', notice: '本案需要鉴定，中止审理。' })).body;
    expect(clock(d, 'decide')).toMatchObject({ state: 'paused' });
    await at('2026-09-17');
    d = (await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${simple.id}/resume`, { reason: '鉴定意见已经作出' })).body;
    expect(clock(d, 'decide')).toMatchObject({ state: 'running', dueDate: '2026-10-12' }); // the 10 days paused push the end to 10-11, a Sunday → Monday
    // 第55条: moved to 普通程序 with the 复议机构负责人's approval: 60 days from acceptance (09-01), the
    // pause still excluded — 09-01 + 60 + 10 = 11-10 — not 60 days from the switch.
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('extend');
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${simple.id}/toOrdinary`, { reason: '案情复杂，需要调查取证' })).status).toBe(403);
    d = (await (await staff(REVIEWER_SFJ)).post(`/api/reconsiderations/${simple.id}/toOrdinary`, { reason: '案情复杂，需要调查取证' })).body;
    expect(clock(d, 'decide')).toMatchObject({ startedOn: '2026-09-01', limit: 60, state: 'running', dueDate: '2026-11-10', legalBasis: '行政复议法 第62条第一款（普通程序）' });
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('toOrdinary');
    expect(d.actions.map((a: { event: string }) => a.event)).toContain('extend');
    expect((await (await staff(REVIEWER_SFJ)).post(`/api/reconsiderations/${simple.id}/toOrdinary`, { reason: '再转' })).body.message).toBe('本案已适用普通程序');
    expect((await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${simple.id}/substance`)).body).toMatchObject({ procedure: '普通程序', procedureReason: expect.stringContaining('批准转为普通程序（第55条）：案情复杂，需要调查取证') });
  });

  it('issues a 意见书 to the respondent (第76条) as a linked case with a 60-day reply clock, overdue on its 工作台, a .docx and a figure with records', async () => {
    const q = { divisionCode: '411202', from: '2027-03-01', to: '2027-03-31' };
    const letters = () => t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'reconsideration.opinionLetters', q));
    const before = (await letters())!.numerator;
    await at('2027-03-01');
    const { id } = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'counter', knewOn: '2027-02-20' }))).body;
    const letter = { problems: '被申请人作出处罚决定前未告知当事人陈述、申辩的权利', suggestions: '规范处罚告知程序，对同类案件开展自查' };
    // Only while handling an accepted case.
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/opinions`, letter)).body.message).toContain('本案尚未受理');
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/accept`)).status).toBe(200);
    expect((await (await staff(DIRECTOR_SCJ)).post(`/api/reconsiderations/${id}/opinions`, letter)).status).toBe(403);
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/opinions`, { ...letter, problems: '' })).status).toBe(400);
    const issued = await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/opinions`, letter);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const oid = issued.body.id;
    // The addressee (the respondent) sees and answers it; another agency does not see it.
    let o = (await (await staff(DIRECTOR_SCJ)).get(`/api/cases/${oid}`)).body;
    expect(o).toMatchObject({ state: 'issued', refNo: expect.stringMatching(/^FYJ411202/) });
    expect(clock(o, 'reply')).toMatchObject({ startedOn: '2027-03-01', dueDate: '2027-04-30', legalBasis: expect.stringContaining('第76条') });
    expect(o.actions.map((a: { event: string }) => a.event)).toEqual(['reply']);
    expect(o.links).toEqual([expect.objectContaining({ kind: 'opinionOn', case: expect.objectContaining({ id, caseType: 'reconsideration' }) })]);
    expect((await (await staff(DIRECTOR_SPJ)).get(`/api/cases/${oid}`)).status).toBe(404);
    expect((await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${id}/opinions`)).body).toEqual([
      expect.objectContaining({ id: oid, kind: '意见书', addressee: '湖滨区市场监督管理局', issuedOn: '2027-03-01', replyDue: '2027-04-30', stateName: '待报送纠正情况' }),
    ]);
    const text = await (async () => {
      const c = await staff(LEGAL_SFJ);
      const res = await t.app.inject({ method: 'GET', url: `/api/reconsideration-opinions/${oid}/document`, headers: { cookie: (c as unknown as { cookieHeader(): string }).cookieHeader() } });
      expect(res.statusCode, res.body).toBe(200);
      return (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    })();
    expect(text).toContain('行政复议意见书');
    expect(text).toContain(letter.problems);
    expect(text).toContain('依照《中华人民共和国行政复议法》第七十六条的规定，请你单位自收到本意见书之日起六十日内');
    expect(text).toContain('湖滨区人民政府');
    // The figure counts it, and its records open the letter.
    expect((await letters())!.numerator).toBe(before + 1);
    const recs = (await (await staff(LEADER)).get(`/api/metrics/reconsideration.opinionLetters/records?${new URLSearchParams({ ...q, pageSize: '100' })}`)).body;
    expect(recs.items.map((r: { id: string }) => r.id)).toContain(oid);
    // Past the 60 days unanswered: overdue on the addressee's 工作台.
    await at('2027-05-06');
    await scanClocks(t.kernel);
    const wb = (await (await staff(DIRECTOR_SCJ)).get('/api/workbench?caseType=reconsiderationOpinion&pageSize=50')).body;
    expect(wb.items.find((c: { id: string }) => c.id === oid)).toMatchObject({ dueDate: '2027-04-30', badge: expect.objectContaining({ level: 'overdue' }) });
    // Its own page: the letter, the addressee, the 复议 case it came from (opened by whoever may see it).
    expect(wb.items.find((c: { id: string }) => c.id === oid).link).toBe(`/reconsideration/opinions/${oid}`);
    expect((await (await staff(DIRECTOR_SCJ)).get(`/api/reconsideration-opinions/${oid}/substance`)).body).toMatchObject({
      kind: '意见书', addressee: '湖滨区市场监督管理局', issuedOn: '2027-03-01', problems: letter.problems, repliedOn: null, reconsideration: { id, refNo: expect.stringMatching(/^FY411202/) },
    });
    expect((await (await staff(DIRECTOR_SPJ)).get(`/api/reconsideration-opinions/${oid}/substance`)).status).toBe(404);
    // A report without its measures is refused in Chinese and changes nothing.
    const bad = await (await staff(DIRECTOR_SCJ)).post(`/api/reconsideration-opinions/${oid}/reply`, { rectification: '已撤销原处罚决定', measures: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await (await staff(DIRECTOR_SCJ)).get(`/api/cases/${oid}`)).body.state).toBe('issued');
    // Two reports at once: one wins, the other is refused.
    const body = { rectification: '已撤销原处罚决定并重新履行告知程序', measures: '修订处罚告知文书范本，组织执法人员培训' };
    const both = await Promise.all([(await staff(DIRECTOR_SCJ)).post(`/api/reconsideration-opinions/${oid}/reply`, body), (await staff(DIRECTOR_SCJ)).post(`/api/reconsideration-opinions/${oid}/reply`, body)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    o = (await (await staff(DIRECTOR_SCJ)).get(`/api/cases/${oid}`)).body;
    expect(o.state).toBe('replied');
    expect(o.events.filter((e: { event: string }) => e.event === 'reply')).toHaveLength(1);
    // A letter to another agency of the county: it sees the letter, not the 复议 case (named, not opened).
    const spj = (await t.staffUser(DIRECTOR_SPJ)).orgId;
    const other = await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/opinions`, { ...letter, kind: '建议书', addresseeOrgId: spj });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect((await (await staff(DIRECTOR_SPJ)).get(`/api/reconsideration-opinions/${other.body.id}/substance`)).body).toMatchObject({
      kind: '建议书', addressee: '湖滨区行政审批和政务信息管理局', reconsideration: { id: null, refNo: expect.stringMatching(/^FY411202/) },
    });
    expect((await (await staff(DIRECTOR_SCJ)).get(`/api/reconsideration-opinions/${other.body.id}/substance`)).status).toBe(404);
    // The list of letters: the bureau sees both, each addressee its own.
    const listed = async (who: StaffSpec) => ((await (await staff(who)).get('/api/reconsideration-opinions?pageSize=100')).body.items as { id: string }[]).map((x) => x.id);
    expect(await listed(LEGAL_SFJ)).toEqual(expect.arrayContaining([oid, other.body.id]));
    expect(await listed(DIRECTOR_SCJ)).toContain(oid);
    expect(await listed(DIRECTOR_SCJ)).not.toContain(other.body.id);
    expect((await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${id}/opinions`)).body[0]).toMatchObject({ stateName: '已报送纠正情况', repliedOn: '2027-05-06', rectification: '已撤销原处罚决定并重新履行告知程序' });
  });

  it('lets the 5 working days for a 补正 notice (第31条) run out through the clock scanner: warned on the last day, then deemed accepted and no 补正 asked any more (第30条)', async () => {
    await at('2026-11-02');
    const { id } = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'letter', receivedOn: '2026-11-02', knewOn: '2026-10-20' }))).body;
    let d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    expect(clock(d, 'correctionNotice')).toMatchObject({ state: 'running', startedOn: '2026-11-02', dueDate: '2026-11-09', legalBasis: '行政复议法 第31条' });
    const noticeEvents = (c: { events: { event: string; comment: string | null }[] }, event: string) => c.events.filter((e) => e.event === event && (e.comment ?? '').startsWith('补正通知期限'));
    // The last day (11-09): the scanner warns; the notice may still go out.
    await at('2026-11-09');
    await scanClocks(t.kernel);
    d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    expect(d.state).toBe('received');
    expect(noticeEvents(d, 'clock.warning')).toHaveLength(1);
    expect(noticeEvents(d, 'clock.overdue')).toHaveLength(0);
    expect(d.actions.map((a: { event: string }) => a.event)).toContain('requestCorrection');
    // The day after: both 5-day periods ran out on 11-09. The review period's runs out with a legal effect:
    // the application — neither refused nor sent back for 补正 — is deemed accepted as of 11-09 (第30条),
    // which ends the 补正 notice period too (no 补正 can be asked any more, and the applicant's 10-day 补正
    // clock never starts). The scanner judges the review clock first, and the notice clock, stopped by
    // that acceptance in the same scan, is no longer running: no overdue mark and no 超期 notice for it.
    await at('2026-11-10');
    await scanClocks(t.kernel);
    d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    expect(d.state).toBe('underReview');
    expect(d.events.filter((e: { event: string; comment: string | null }) => e.event === 'clock.overdue' && (e.comment ?? '').startsWith('受理审查期限'))).toHaveLength(1);
    expect(noticeEvents(d, 'clock.overdue')).toHaveLength(0);
    // The notices go to the 复议机构 whose periods these are, not to the respondent agency (the case's org).
    while ((await deliverPending(t.kernel)) > 0) { /* every batch */ }
    const inbox = async (who: StaffSpec) => ((await (await staff(who)).get('/api/inbox')).body as { title: string; body: string }[]).filter((m) => m.title.endsWith(d.refNo));
    expect((await inbox(LEGAL_SFJ)).filter((m) => m.title.startsWith('【超期】')).map((m) => m.body)).toEqual([expect.stringContaining('受理审查期限')]);
    const warned = (await inbox(LEGAL_SFJ)).filter((m) => m.title.startsWith('【临期】')).map((m) => m.body);
    expect(warned).toHaveLength(2);
    expect(warned).toEqual(expect.arrayContaining([expect.stringContaining('受理审查期限'), expect.stringContaining('补正通知期限')]));
    expect(await inbox(DIRECTOR_SCJ)).toEqual([]);
    expect(clock(d, 'correctionNotice')).toMatchObject({ state: 'stopped', dueDate: '2026-11-09' });
    expect(clock(d, 'correction')).toBeUndefined();
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('requestCorrection');
    const late = await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/requestCorrection`, { missing: '请提交行政处罚决定书复印件' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${id}/substance`)).body).toMatchObject({ deemedAccepted: true, acceptedOn: '2026-11-09', correctionAsked: null });
    // A second scan the same day changes nothing: one overdue record, one acceptance.
    await scanClocks(t.kernel);
    d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body;
    expect(noticeEvents(d, 'clock.overdue')).toHaveLength(0);
    expect(d.events.filter((e: { event: string }) => e.event === 'deemAccept')).toHaveLength(1);
  });

  it('tells the respondent and the 复议机构 of the respondent\'s own answer period (第48条) run out, and the respondent of nothing else', async () => {
    await at('2026-11-02');
    const legal = await staff(LEGAL_SFJ);
    const { id, refNo } = (await legal.post('/api/reconsiderations', application({ channel: 'counter' }))).body;
    expect((await legal.post(`/api/reconsiderations/${id}/accept`)).status).toBe(200);
    const d = (await legal.post(`/api/reconsiderations/${id}/sendCopy`)).body;
    expect(clock(d, 'answer')).toMatchObject({ dueDate: '2026-11-16' }); // 10 working days (第48条)
    await at('2026-11-17');
    await scanClocks(t.kernel);
    while ((await deliverPending(t.kernel)) > 0) { /* every batch */ }
    const notices = async (who: StaffSpec) => ((await (await staff(who)).get('/api/inbox')).body as { title: string; body: string }[]).filter((m) => m.title.endsWith(refNo)).map((m) => `${m.title.slice(0, 4)}${m.body}`);
    for (const who of [DIRECTOR_SCJ, LEGAL_SFJ]) {
      expect((await notices(who)).filter((n) => n.startsWith('【超期】'))).toEqual([expect.stringContaining('被申请人答复期限')]);
    }
    // The bureau's own periods (审查 stopped at acceptance; 审理 not yet near) never reach the respondent.
    expect((await notices(DIRECTOR_SCJ)).every((n) => n.includes('被申请人答复期限'))).toBe(true);
  });

  it('deems an application abandoned when no correction comes within 10 working days (第31条)', async () => {
    await at('2026-11-02');
    const { id } = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'counter' }))).body;
    await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/requestCorrection`, { missing: '请写明具体的行政复议请求' });
    await at('2026-11-17');
    await scanClocks(t.kernel);
    expect((await (await staff(LEGAL_SFJ)).get(`/api/cases/${id}`)).body.state).toBe('abandoned');
    expect((await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${id}/substance`)).body.outcome).toBe('逾期不补正，视为放弃（第31条）');
  });

  it('warns of the time bar (第20条) and jurisdiction (第24条) at registration, links the challenged act by number, and refuses a number that is not the citizen’s', async () => {
    await at('2026-11-02');
    const late = (await citizen.post('/api/reconsiderations', application({ knewOn: '2026-08-01' }))).body;
    expect(late.warnings).toEqual([expect.stringContaining('60日的申请期限（2026-09-30届满，第20条）')]);
    const notTold = (await citizen.post('/api/reconsiderations', application({ knewOn: '2026-08-01', rightNotStated: true }))).body;
    expect(notTold.warnings[0]).toContain('最长不超过一年（第20条第三款）');
    const own = (await citizen.post('/api/reconsiderations', application({ respondentOrgId: gov }))).body;
    expect(own.warnings).toEqual([expect.stringContaining('应当向上一级人民政府申请行政复议（第24条）')]);
    // A disclosure reply the citizen received, linked as the challenged act.
    const req = (await citizen.post('/api/disclosure-requests', { applicantType: 'person', applicantName: '周明', phone: '13800003333', channel: 'online', orgId: scj, content: '请公开2026年湖滨区食品安全抽检结果汇总表' })).body;
    const linked = await citizen.post('/api/reconsiderations', application({ actRefNo: req.refNo, actKind: 'disclosure', amountYuan: undefined }));
    expect(linked.status).toBe(200);
    const d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${linked.body.id}`)).body;
    expect(d.links.length + d.hiddenLinks).toBe(1);
    // The respondent's head reads both cases; its window clerk, without 复议 permissions, only counts the link.
    const onTheReply = (await (await staff(DIRECTOR_SCJ)).get(`/api/cases/${req.id}`)).body;
    expect((await (await staff(CLERK_SCJ)).get(`/api/cases/${req.id}`)).body).toMatchObject({ links: [], hiddenLinks: 1 });
    expect(onTheReply.links).toEqual([expect.objectContaining({ kind: 'challenges', label: '被申请行政复议' })]);
    const other = await t.anon().post('/api/auth/register', { kind: 'person', name: '钱二', idNumber: '34052419800101001X', phone: '13800004444', password: CITIZEN.password });
    expect(other.status).toBe(200);
    const stranger = await t.anon().login('34052419800101001X', CITIZEN.password);
    const bad = await stranger.post('/api/reconsiderations', application({ actRefNo: req.refNo, phone: '13800004444', applicantName: '钱二' }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('未找到您本人的该办件编号');
    expect((await stranger.post('/api/reconsiderations', application({ factsAndReasons: '太短' }))).status).toBe(400);
  });
});

describe('行政复议: the other ways a case goes', () => {
  it('refuses naming the competent body (第30条), records 阅卷 and 听取意见, a hearing with the head absent only with the reason (第51条), and closes by 和解 (第74条) or 终止 (第41条) — each counted as 审结, the refusal not', async () => {
    const q = { divisionCode: '411202', from: '2027-08-01', to: '2027-08-31' };
    const closed = async () => (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'reconsideration.mediatedRate', q)))!;
    const before = await closed();
    await at('2027-08-02');
    const legal = await staff(LEGAL_SFJ);
    const reg = async () => (await legal.post('/api/reconsiderations', application({ channel: 'counter', knewOn: '2027-07-20' }))).body.id as string;
    const refused = await reg();
    expect((await legal.post(`/api/reconsiderations/${refused}/refuse`, { reason: '不属于本机关管辖', competentBody: '三门峡市人民政府' })).body.state).toBe('refused');
    expect((await legal.get(`/api/reconsiderations/${refused}/substance`)).body.outcomeNote).toBe('不属于本机关管辖（告知向三门峡市人民政府申请）');
    const [settled, ended] = [await reg(), await reg()];
    for (const id of [settled, ended]) {
      expect((await legal.post(`/api/reconsiderations/${id}/accept`)).status).toBe(200);
      expect((await legal.post(`/api/reconsiderations/${id}/sendCopy`)).status).toBe(200);
    }
    expect((await legal.post(`/api/reconsiderations/${settled}/readFile`, { reader: '申请人周明', readOn: '2027-08-02', materials: '被申请人的书面答复和现场检查笔录' })).status).toBe(200);
    expect((await legal.post(`/api/reconsiderations/${settled}/hearParties`, { method: '当面', summary: '听取了申请人、被申请人的意见，制作了笔录。' })).status).toBe(200);
    expect((await legal.post(`/api/reconsiderations/${settled}/recordHearing`, { heldOn: '2027-08-02', headAttended: true, summary: '未安排即记录' })).body.message).toBe('尚未安排听证');
    expect((await legal.post(`/api/reconsiderations/${settled}/scheduleHearing`, { hearingOn: '2027-08-16', place: '区司法局听证室', basis: '申请人请求听证' })).status).toBe(200);
    await at('2027-08-16');
    const legal2 = await staff(LEGAL_SFJ);
    const absent = await legal2.post(`/api/reconsiderations/${settled}/recordHearing`, { heldOn: '2027-08-16', headAttended: false, summary: '双方质证' });
    expect([absent.status, absent.body.message]).toEqual([422, '被申请人负责人未参加听证的，应当说明理由并记录委托参加的工作人员（第51条）']);
    expect((await legal2.post(`/api/reconsiderations/${settled}/recordHearing`, { heldOn: '2027-08-16', headAttended: false, absenceReason: '负责人出差，委托法制股股长参加', summary: '双方质证' })).status).toBe(200);
    const d = (await legal2.get(`/api/cases/${settled}`)).body;
    expect(d.events.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['readFile', 'hearParties', 'scheduleHearing', 'recordHearing']));
    expect((await legal2.get(`/api/reconsiderations/${settled}/substance`)).body).toMatchObject({ hearingOn: '2027-08-16', headAttended: false });
    expect((await legal2.post(`/api/reconsiderations/${settled}/settle`, { terms: '被申请人退还部分罚款，申请人撤回申请' })).body.state).toBe('terminated');
    const term = await legal2.post(`/api/reconsiderations/${ended}/terminate`, { ground: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利', reason: '申请人死亡，近亲属书面放弃' });
    expect(term.body.state).toBe('terminated');
    const after = await closed();
    // 调撤率: 和解 in numerator and denominator; 终止 in the denominator only; the refusal in neither.
    expect([after.numerator - before.numerator, after.denominator! - before.denominator!]).toEqual([1, 2]);
  });
});

describe('行政复议 scope', () => {
  // The 复议机构 handles cases against every agency of the county (第24条): its staff see and count them
  // all; a respondent agency sees and counts only the cases naming it.
  it('shows the bureau every case of the county and a respondent only its own, in lists, case pages and figures', async () => {
    const q = { divisionCode: '411202', from: '2027-07-01', to: '2027-07-31' };
    await at('2027-07-05');
    const orgs = (await t.anon().get('/api/public/reconsideration/respondents')).body as { id: string; name: string }[];
    const zrj = orgs.find((o) => o.name === '湖滨区自然资源局')!.id;
    const mine = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'counter' }))).body.id as string;
    const theirs = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'counter', respondentOrgId: zrj, actDescription: '湖滨区自然资源局作出的责令限期拆除决定', actKind: 'other', amountYuan: undefined }))).body.id as string;
    const county = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'reconsideration.received', q)))!.numerator;
    const ofScj = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'reconsideration.received', { ...q, orgId: scj })))!.numerator;
    expect(county).toBeGreaterThan(ofScj);
    const listed = async (c: Client) => ((await c.get('/api/reconsiderations?pageSize=100')).body.items as { id: string }[]).map((x) => x.id);
    const figure = async (c: Client) => {
      const r = await c.get(`/api/metrics/reconsideration.received?${new URLSearchParams(q)}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const recs = (await c.get(`/api/metrics/reconsideration.received/records?${new URLSearchParams({ ...q, pageSize: '1' })}`)).body.total;
      return [r.body.numerator, recs];
    };
    // The respondent's head: its own case only, its own figure only; another agency's case is "not found".
    const director = await staff(DIRECTOR_SCJ);
    expect(await listed(director)).toContain(mine);
    expect(await listed(director)).not.toContain(theirs);
    expect((await director.get(`/api/cases/${theirs}`)).status).toBe(404);
    expect((await director.get(`/api/reconsiderations/${theirs}/substance`)).status).toBe(404);
    expect((await director.post(`/api/reconsiderations/${theirs}/answer`, { answer: '请求维持原行政行为', evidence: '现场检查笔录' })).status).toBe(404);
    expect(await figure(director)).toEqual([ofScj, ofScj]);
    // Another agency's head, without a case naming it, sees neither.
    const other = await staff(DIRECTOR_SPJ);
    expect(await listed(other)).not.toContain(mine);
    expect((await other.get(`/api/cases/${mine}`)).status).toBe(404);
    // The bureau's people — the 复议机构负责人 who is also an org-scoped 审核人员 (the demo's reviewer_sfj),
    // a 行政复议人员 and the legality reviewer — see both and count the county's figure.
    for (const who of [REVIEWER_SFJ, { roles: ['reconsiderationOfficer'], org: '湖滨区司法局' }, LEGAL_SFJ]) {
      const c = await staff(who);
      expect(await listed(c), who.roles.join()).toEqual(expect.arrayContaining([mine, theirs]));
      expect((await c.get(`/api/reconsiderations/${theirs}/substance`)).status).toBe(200);
      expect(await figure(c), who.roles.join()).toEqual([county, county]);
    }
  });
});

describe('行政复议 figures', () => {
  it('counts 纠错率, 调撤率, 审结率 and 简易程序适用率 from cases moved through the machine, with records, breakdowns and a configurable 纠错 set', async () => {
    const q = { divisionCode: '411202', from: '2026-12-01', to: '2026-12-31' };
    const before = await t.kernel.db.tx(async (tx) => Object.fromEntries(await Promise.all(['received', 'accepted', 'closed', 'correctionRate', 'mediatedRate', 'closedRate', 'simpleProcedureShare'].map(async (k) => [k, await computeMetric(tx, t.kernel, `reconsideration.${k}`, q)]))));
    await at('2026-12-02');
    const outcomes: [string, Record<string, unknown>][] = [
      ['decide', { decision: '撤销或者部分撤销（第64条）' }], ['decide', { decision: '确认违法（第65条）' }], ['decide', { decision: '维持（第68条）' }],
      ['mediate', { proposedBy: '申请人', consent: '双方书面同意', terms: '重新核定罚款' }], ['withdraw', { reason: '已自行纠正' }], ['open', {}],
    ];
    for (const [i, [event, input]] of outcomes.entries()) {
      const { id } = (await (await staff(LEGAL_SFJ)).post('/api/reconsiderations', application({ channel: 'counter', ...(i === 0 ? { actKind: 'warning', amountYuan: undefined } : {}) }))).body;
      expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/accept`)).status).toBe(200);
      if (event === 'open') continue;
      const body = event === 'decide' ? { ...input, facts: '经审理查明的事实', reasoning: '本机关认为的理由', approval: '经区人民政府负责人同意' } : input;
      const r = await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${id}/${event}`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const after = await t.kernel.db.tx(async (tx) => Object.fromEntries(await Promise.all(['received', 'accepted', 'closed', 'correctionRate', 'mediatedRate', 'closedRate', 'simpleProcedureShare'].map(async (k) => [k, await computeMetric(tx, t.kernel, `reconsideration.${k}`, q)]))));
    const delta = (k: string, part: 'numerator' | 'denominator') => Number(after[k]![part]) - Number(before[k]![part] ?? 0);
    expect(delta('received', 'numerator')).toBe(6);
    expect(delta('accepted', 'numerator')).toBe(6);
    expect(delta('closed', 'numerator')).toBe(5);
    expect([delta('correctionRate', 'numerator'), delta('correctionRate', 'denominator')]).toEqual([2, 5]);
    expect([delta('mediatedRate', 'numerator'), delta('mediatedRate', 'denominator')]).toEqual([2, 5]);
    expect([delta('closedRate', 'numerator'), delta('closedRate', 'denominator')]).toEqual([5, 6]);
    expect([delta('simpleProcedureShare', 'numerator'), delta('simpleProcedureShare', 'denominator')]).toEqual([1, 6]);
    // The records behind the figure are the cases it counts, opened in the reader's scope.
    const leader = await staff(LEADER);
    const qs = new URLSearchParams({ ...q, pageSize: '100' });
    const num = (await leader.get(`/api/metrics/reconsideration.correctionRate/records?${qs}`)).body;
    expect(num.total).toBe(after.correctionRate!.numerator);
    const den = (await leader.get(`/api/metrics/reconsideration.correctionRate/records?${qs}&which=denominator`)).body;
    expect(den.total).toBe(after.correctionRate!.denominator);
    // Breakdowns agree with the figure: by month and by org.
    const byMonth = await t.kernel.db.tx((tx) => computeBreakdown(tx, t.kernel, 'reconsideration.correctionRate', q, 'month', [{ key: '2026-12', scope: q }]));
    expect(byMonth!.get('2026-12')).toMatchObject({ numerator: after.correctionRate!.numerator, denominator: after.correctionRate!.denominator });
    const byOrg = await t.kernel.db.tx((tx) => computeBreakdown(tx, t.kernel, 'reconsideration.closed', q, 'org', [{ key: scj, scope: { ...q, orgId: scj } }]));
    expect(byOrg!.get(scj)!.numerator).toBe(after.closed!.numerator);
    // Every 复议 figure's breakdowns, by month and by respondent org, add up to the figure itself.
    for (const key of [...t.kernel.metrics.keys()].filter((k) => k.startsWith('reconsideration.'))) {
      const whole = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, key, q)))!;
      const month = (await t.kernel.db.tx((tx) => computeBreakdown(tx, t.kernel, key, q, 'month', [{ key: '2026-12', scope: q }])))!.get('2026-12') ?? { numerator: 0, denominator: whole.denominator === null ? null : 0 };
      expect([month.numerator, month.denominator], key).toEqual([whole.numerator, whole.denominator]);
      const org = (await t.kernel.db.tx((tx) => computeBreakdown(tx, t.kernel, key, q, 'org', [{ key: scj, scope: { ...q, orgId: scj } }])))!.get(scj) ?? { numerator: 0, denominator: whole.denominator === null ? null : 0 };
      const own = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, key, { ...q, orgId: scj })))!;
      expect([org.numerator, org.denominator], key).toEqual([own.numerator, own.denominator]);
    }
    // 纠错 is a setting: without 确认违法 the numerator drops by one.
    const narrower = await t.withSettings({ RECONSIDERATION_CORRECTIVE: 'change,revoke,orderPerform,confirmVoid' }, () => t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'reconsideration.correctionRate', q)));
    expect(narrower!.numerator).toBe(after.correctionRate!.numerator - 1);
  });
});

describe('行政复议 filed online by a firm', () => {
  // Two firms' 统一社会信用代码 (GB 32100 test vectors, as enforcement's tests use).
  const FIRM = { kind: 'enterprise', name: '湖滨区味佳餐饮有限公司', idNumber: '914403001922038216', phone: '13900005555', password: 'Firm#2026ok' };
  const OTHER_FIRM = { kind: 'enterprise', name: '湖滨区鑫达商贸有限公司', idNumber: '91110000100006485K', phone: '13900006666', password: 'Firm#2026ok' };
  const firmApplication = (over: Record<string, unknown> = {}) => application({ applicantKind: 'firm', applicantName: FIRM.name, phone: FIRM.phone, ...over });
  let firm: Client;
  let otherFirm: Client;
  beforeAll(async () => {
    await at('2026-11-02');
    for (const f of [FIRM, OTHER_FIRM]) expect((await t.anon().post('/api/auth/register', f)).status).toBe(200);
    firm = await t.anon().login(FIRM.idNumber, FIRM.password);
    otherFirm = await t.anon().login(OTHER_FIRM.idNumber, OTHER_FIRM.password);
  });

  it('takes a firm’s online application (第22条) and lets the firm follow it by number, in its own list and on its case page', async () => {
    const filed = await firm.post('/api/reconsiderations', firmApplication());
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toMatchObject({ created: true, receivedOn: '2026-11-02', warnings: [], refNo: expect.stringMatching(/^FY411202/) });
    const s = (await (await staff(LEGAL_SFJ)).get(`/api/reconsiderations/${filed.body.id}/substance`)).body;
    expect(s).toMatchObject({ applicantKind: '法人', channel: '网上申请', respondent: '湖滨区市场监督管理局', receivedOn: '2026-11-02' });
    // By number and the phone's last four digits, signed in or not.
    const tracked = await t.anon().get(`/api/public/reconsiderations/track?refNo=${filed.body.refNo}&phone4=5555`);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ refNo: filed.body.refNo, state: 'received', stateName: '待审查受理', respondent: '湖滨区市场监督管理局', receivedOn: '2026-11-02' });
    expect(tracked.body.clocks).toEqual(expect.arrayContaining([expect.objectContaining({ label: '受理审查期限', dueDate: '2026-11-09' })]));
    expect((await t.anon().get(`/api/public/reconsiderations/track?refNo=${filed.body.refNo}&phone4=6666`)).status).toBe(404);
    // The firm's account owns the case: its list and its case page; the other firm's account sees neither.
    expect(((await firm.get('/api/reconsiderations?pageSize=100')).body.items as { id: string }[]).map((x) => x.id)).toContain(filed.body.id);
    expect((await firm.get(`/api/cases/${filed.body.id}`)).body).toMatchObject({ refNo: filed.body.refNo, state: 'received' });
    expect(((await otherFirm.get('/api/reconsiderations?pageSize=100')).body.items as { id: string }[]).map((x) => x.id)).not.toContain(filed.body.id);
    expect((await otherFirm.get(`/api/cases/${filed.body.id}`)).status).toBe(404);
    // Accepted by the bureau: the firm reads it on the same page by number.
    expect((await (await staff(LEGAL_SFJ)).post(`/api/reconsiderations/${filed.body.id}/accept`)).status).toBe(200);
    expect((await t.anon().get(`/api/public/reconsiderations/track?refNo=${filed.body.refNo}&phone4=5555`)).body).toMatchObject({ state: 'underReview', acceptedOn: '2026-11-02' });
  });

  it('links online the penalty whose party is the firm (its 统一社会信用代码), and refuses another firm the same number', async () => {
    const officer = await staff({ roles: ['reviewer'], org: '湖滨区市场监督管理局' });
    const penalty = await officer.post('/api/penalties', { partyKind: 'org', partyName: FIRM.name, partyCode: FIRM.idNumber, cause: '销售过期食品', source: '检查发现', facts: '现场检查发现销售超过保质期的食品' });
    expect(penalty.status, JSON.stringify(penalty.body)).toBe(200);
    // Another firm: the same message as for any number not its own, and nothing filed.
    const listed = async () => ((await (await staff(LEGAL_SFJ)).get('/api/reconsiderations?pageSize=100')).body.total as number);
    const before = await listed();
    const bad = await otherFirm.post('/api/reconsiderations', firmApplication({ applicantName: OTHER_FIRM.name, phone: OTHER_FIRM.phone, actRefNo: penalty.body.refNo }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('未找到您本人的该办件编号，可以不填编号，直接描述行政行为');
    expect(await listed()).toBe(before);
    // A citizen with a 身份证号 is refused it too.
    expect((await citizen.post('/api/reconsiderations', application({ actRefNo: penalty.body.refNo }))).status).toBe(400);
    // The party itself links it.
    const linked = await firm.post('/api/reconsiderations', firmApplication({ actRefNo: penalty.body.refNo }));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect((await firm.get(`/api/reconsiderations/${linked.body.id}/substance`)).body.act).toMatchObject({ linked: true });
    // The link shows on both case pages for the respondent's head, who may open both.
    const director = await staff(DIRECTOR_SCJ);
    expect((await director.get(`/api/cases/${linked.body.id}`)).body.links).toEqual([expect.objectContaining({ kind: 'challenges', case: expect.objectContaining({ id: penalty.body.id }) })]);
    expect((await director.get(`/api/cases/${penalty.body.id}`)).body.links).toEqual([expect.objectContaining({ kind: 'challenges', label: '被申请行政复议', case: expect.objectContaining({ id: linked.body.id }) })]);
  });

  it('links online the penalty whose party is the citizen (公民身份号码 matched by the kernel’s index, never decrypted), and refuses another citizen', async () => {
    const officer = await staff({ roles: ['reviewer'], org: '湖滨区市场监督管理局' });
    // The officer types the number as the party wrote it (lower-case x): the same index as the account's.
    const penalty = await officer.post('/api/penalties', { partyKind: 'person', partyName: '周明', partyCode: CITIZEN.idNumber.toLowerCase(), cause: '无照经营', source: '投诉举报', facts: '经查当事人未取得营业执照从事经营活动' });
    expect(penalty.status, JSON.stringify(penalty.body)).toBe(200);
    const other = { idNumber: '320102198506071236', password: 'Another#2026' };
    expect((await t.anon().post('/api/auth/register', { kind: 'person', name: '吴强', idNumber: other.idNumber, phone: '13800004444', password: other.password })).status).toBe(200);
    const stranger = await t.anon().login(other.idNumber, other.password);
    const listed = async () => ((await (await staff(LEGAL_SFJ)).get('/api/reconsiderations?pageSize=100')).body.total as number);
    const before = await listed();
    const bad = await stranger.post('/api/reconsiderations', application({ applicantName: '吴强', phone: '13800004444', actRefNo: penalty.body.refNo }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('未找到您本人的该办件编号，可以不填编号，直接描述行政行为');
    expect(await listed()).toBe(before);
    // The fined citizen links it from their own account.
    const linked = await citizen.post('/api/reconsiderations', application({ actRefNo: penalty.body.refNo }));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect((await citizen.get(`/api/reconsiderations/${linked.body.id}/substance`)).body.act).toMatchObject({ linked: true });
    const director = await staff(DIRECTOR_SCJ);
    expect((await director.get(`/api/cases/${penalty.body.id}`)).body.links).toEqual([expect.objectContaining({ kind: 'challenges', case: expect.objectContaining({ id: linked.body.id }) })]);
  });

  it('links online the firm’s own refused licence application (不予许可, 行政许可法 第38条) as the challenged act, shown on both case pages', async () => {
    await seedCatalogDemo(t.kernel); // the county's published items (食品经营许可 among them)
    const food = ((await t.anon().get(`/api/public/service-items?q=食品经营许可`)).body as { id: string; name: string }[]).find((i) => i.name.includes('食品经营许可'))!;
    const materials = [{ name: '食品经营许可申请书', provided: true }, { name: '营业执照', provided: true }, { name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', provided: true }, { name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录', provided: true }];
    const appl = await firm.post('/api/applications', { itemId: food.id, materials });
    expect(appl.status, JSON.stringify(appl.body)).toBe(200);
    expect((await (await staff(CLERK_SCJ)).post(`/api/applications/${appl.body.id}/accept`, {})).status).toBe(200);
    const denied = await (await staff({ roles: ['reviewer'], org: '湖滨区市场监督管理局' })).post(`/api/applications/${appl.body.id}/deny`, { reason: '经营场所与污染源距离不符合要求；不服的可依法申请行政复议或者提起行政诉讼' });
    expect(denied.status, JSON.stringify(denied.body)).toBe(200);
    const refNo = (await firm.get(`/api/cases/${appl.body.id}`)).body.refNo as string;
    // Another firm cannot link the refusal.
    expect((await otherFirm.post('/api/reconsiderations', firmApplication({ applicantName: OTHER_FIRM.name, phone: OTHER_FIRM.phone, actRefNo: refNo, actKind: 'other', amountYuan: undefined }))).body.message).toBe('未找到您本人的该办件编号，可以不填编号，直接描述行政行为');
    const linked = await firm.post('/api/reconsiderations', firmApplication({ actRefNo: refNo, actKind: 'other', amountYuan: undefined, actDescription: '湖滨区市场监督管理局作出的不予许可决定（食品经营许可）', request: '请求撤销不予许可决定，责令被申请人重新作出许可决定' }));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    // The bureau sees the link from the 复议 (the application counted, opened or not); the respondent's head, on both pages.
    const d = (await (await staff(LEGAL_SFJ)).get(`/api/cases/${linked.body.id}`)).body;
    expect(d.links.length + d.hiddenLinks).toBe(1);
    const director = await staff(DIRECTOR_SCJ);
    expect((await director.get(`/api/cases/${linked.body.id}`)).body.links).toEqual([expect.objectContaining({ kind: 'challenges', case: expect.objectContaining({ id: appl.body.id }) })]);
    expect((await director.get(`/api/cases/${appl.body.id}`)).body.links).toEqual([expect.objectContaining({ kind: 'challenges', label: '被申请行政复议', case: expect.objectContaining({ id: linked.body.id }) })]);
    // The firm itself reads the link on its refused application's page.
    expect((await firm.get(`/api/cases/${appl.body.id}`)).body.links).toEqual([expect.objectContaining({ label: '被申请行政复议' })]);
  });
});
