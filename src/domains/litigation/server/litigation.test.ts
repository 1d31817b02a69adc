import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type StaffSpec, type TestApp } from '../../../../tests/helpers/harness';
import { computeBreakdown, scanClocks } from '../../../core/server';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const REVIEWER_SCJ = { roles: ['reviewer'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };
const CLERK_MZJ = { roles: ['clerk', 'reviewer'], org: '湖滨区民政局' };
const OFFICE_ZFB = { roles: ['decisionOfficer'], org: '湖滨区人民政府办公室' };
const LEGAL_SFJ = { roles: ['legalReviewer'], org: '湖滨区司法局' };

let t: TestApp;
let scj = '';
beforeAll(async () => {
  t = await startTestApp();
  scj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区市场监督管理局'`))[0].id;
});
afterAll(async () => { await t.close(); });

const at = async (iso: string, who: StaffSpec) => { t.clock.set(`${iso}T09:00:00+08:00`); return t.staff(who); };
const clock = (d: any, name: string) => d.clocks.find((c: { name: string }) => c.name === name);
let caseNo = 40;
const suit = (over: Record<string, unknown> = {}) => ({
  court: '三门峡市湖滨区人民法院', courtCaseNo: `（2026）豫1202行初${caseNo++}号`, plaintiff: '三门峡鲜达农产品配送有限公司', cause: '行政处罚',
  claims: '请求撤销被告作出的行政处罚决定', servedOn: '2026-09-16', challengedAct: '湖滨市监罚〔2026〕12号行政处罚决定书', ...over,
});
const head = (heldOn: string) => ({ heldOn, appearance: '主要负责人', headName: '陈刚（局长）', staffNames: '刘洋', spoke: true });
const post = async (c: Client, path: string, body: unknown = {}) => {
  const r = await c.post(path, body);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const metric = async (c: Client, key: string, q = 'divisionCode=411202&from=2026-01-01&to=2026-12-31') => (await c.get(`/api/metrics/${key}?${q}`)).body;

describe('行政应诉', () => {
  it('states the figures from the suits: received, closed, pending at the period end, 败诉率 and 出庭率 under each definition the settings allow', async () => {
    // August, before every other suit of this file: the figures count only these.
    const director = await at('2026-08-03', DIRECTOR_SCJ);
    const reg = async (plaintiff: string) => (await post(director, '/api/litigations', suit({ servedOn: '2026-08-03', plaintiff }))).id as string;
    const [won, lost, withdrawn, open] = [await reg('甲公司'), await reg('乙公司'), await reg('丙公司'), await reg('丁公司')];
    for (const id of [won, lost, open]) await post(director, `/api/litigations/${id}/answer`, { evidence: '证据', defence: '答辩' });
    await post(director, `/api/litigations/${withdrawn}/withdraw`, { decidedOn: '2026-08-03', summary: '被告自行撤销原行为后原告撤诉' });
    // Hearings: won — the head, then staff only; lost — a deputy; open — staff only.
    const staff = (heldOn: string) => ({ heldOn, appearance: '仅工作人员', staffNames: '刘洋', absenceReason: '参加全市安全生产会议（已提交盖章说明）' });
    await post(director, `/api/litigations/${won}/hearFirst`, head('2026-08-03'));
    await post(director, `/api/litigations/${won}/hearFirst`, staff('2026-08-03'));
    await post(director, `/api/litigations/${lost}/hearFirst`, { heldOn: '2026-08-03', appearance: '副职负责人', headName: '李明（副局长）' });
    await post(director, `/api/litigations/${open}/hearFirst`, staff('2026-08-03'));
    await post(director, `/api/litigations/${won}/judgment`, { outcome: '驳回诉讼请求', decidedOn: '2026-08-03' });
    await post(director, `/api/litigations/${lost}/judgment`, { outcome: '确认违法', decidedOn: '2026-08-03' });
    // Both judgments take effect when the windows (08-18) run out.
    t.clock.set('2026-08-19T08:00:00+08:00');
    await scanClocks(t.kernel);

    const leader = await t.staff(LEADER);
    const aug = 'divisionCode=411202&from=2026-08-01&to=2026-08-31';
    const value = async (key: string, q = aug) => { const m = await metric(leader, key, q); return [m.numerator, m.denominator]; };
    expect(await value('litigation.received')).toEqual([4, null]);
    expect(await value('litigation.closed')).toEqual([3, null]);
    expect(await value('litigation.pending')).toEqual([1, null]);
    // Pending at 08-10: none had closed yet but the withdrawn one (closed 08-03).
    expect(await value('litigation.pending', 'divisionCode=411202&from=2026-08-01&to=2026-08-10')).toEqual([3, null]);
    // 败诉: 确认违法 of the three closed (驳回诉讼请求 and 撤诉 are not).
    expect(await value('litigation.lossRate')).toEqual([1, 3]);
    // 出庭: 2 of 4 hearings with a head (the principal and a deputy).
    expect(await value('litigation.headAppearanceRate')).toEqual([2, 4]);
    await t.withSettings({ LITIGATION_DEPUTY_COUNTS: 'false' }, async () => expect(await value('litigation.headAppearanceRate')).toEqual([1, 4]));
    await t.withSettings({ LITIGATION_APPEARANCE_BASIS: 'case' }, async () => expect(await value('litigation.headAppearanceRate')).toEqual([2, 3]));
    await t.withSettings({ LITIGATION_LOSS_DENOMINATOR: 'judged' }, async () => expect(await value('litigation.lossRate')).toEqual([1, 2]));
    await t.withSettings({ LITIGATION_LOSS_OUTCOMES: '撤销' }, async () => expect(await value('litigation.lossRate')).toEqual([0, 3]));

    // The records behind each figure are the suits themselves, in the reader's scope.
    const records = async (c: Client, key: string, which = 'numerator') => (await c.get(`/api/metrics/${key}/records?${aug}&which=${which}`)).body.items.map((x: { id: string }) => x.id).sort();
    expect(await records(leader, 'litigation.lossRate')).toEqual([lost]);
    expect(await records(leader, 'litigation.lossRate', 'denominator')).toEqual([won, lost, withdrawn].sort());
    expect(await records(leader, 'litigation.headAppearanceRate')).toEqual([won, lost].sort());
    expect(await records(leader, 'litigation.pending')).toEqual([open]);

    // The dashboard's breakdowns agree with the figure: by agency and by month.
    const q = { divisionCode: '411202', from: '2026-08-01', to: '2026-08-31' };
    await t.kernel.db.tx(async (tx) => {
      const byOrg = await computeBreakdown(tx, t.kernel, 'litigation.headAppearanceRate', q, 'org', [{ key: scj, scope: { ...q, orgId: scj } }]);
      expect([byOrg!.get(scj)?.numerator, byOrg!.get(scj)?.denominator]).toEqual([2, 4]);
      const byMonth = await computeBreakdown(tx, t.kernel, 'litigation.received', q, 'month', [{ key: '2026-08', scope: q }]);
      expect(byMonth!.get('2026-08')?.numerator).toBe(4);
      const pending = await computeBreakdown(tx, t.kernel, 'litigation.pending', q, 'month', [{ key: '2026-08', scope: q }]);
      expect(pending!.get('2026-08')?.numerator).toBe(1);
    });
  });
  it('counts 15 days to answer from the copy even when it was registered later, rolling past the National Day holiday (第67条; 民事诉讼法 第85条)', async () => {
    const director = await at('2026-09-18', DIRECTOR_SCJ);
    // Copy received on 09-16, registered on 09-18: 09-16 + 15 = 10-01, a holiday; the period ends on 10-08.
    const first = suit();
    const { id } = await post(director, '/api/litigations', first);
    const d = (await director.get(`/api/cases/${id}`)).body;
    expect(d.stateName).toBe('待答辩');
    expect(d.title).toBe('三门峡鲜达农产品配送有限公司诉湖滨区市场监督管理局行政处罚案');
    expect(clock(d, 'defence')).toMatchObject({ unit: 'natural', startedOn: '2026-09-18', limit: 13, dueDate: '2026-10-08' });
    expect(clock(d, 'defence').derivation).toContain('（2026-09-16）起15日内');
    expect(clock(d, 'defence').derivation).toContain('民事诉讼法第85条');
    expect(d.fields).toContainEqual({ label: '案号', value: first.courtCaseNo });

    // A copy received more than 15 days ago, or in the future, is refused with the field named.
    let r = await director.post('/api/litigations', suit({ servedOn: '2026-09-01' }));
    expect([r.status, r.body.message]).toEqual([400, '收到起诉状副本已17日，超过行政诉讼法第67条规定的15日答辩期限，请核实日期']);
    r = await director.post('/api/litigations', suit({ servedOn: '2026-09-19' }));
    expect([r.status, r.body.details.fields[0].path]).toEqual([400, 'servedOn']);
    // The same 案号 for the same defendant is one suit.
    r = await director.post('/api/litigations', suit({ courtCaseNo: first.courtCaseNo }));
    expect(r.status).toBe(409);
  });

  it('gives a copy received in late December a provisional due date in a year whose holidays are not yet published', async () => {
    const director = await at('2026-12-17', DIRECTOR_SCJ);
    const { id } = await post(director, '/api/litigations', suit({ servedOn: '2026-12-17', plaintiff: '年末起诉的原告' }));
    // 12-17 + 15 = 2027-01-01: past the bundled calendar, estimated on weekends alone and badged 预计.
    const c = clock((await director.get(`/api/cases/${id}`)).body, 'defence');
    expect(c).toMatchObject({ dueDate: '2027-01-01', provisional: true });
    expect(c.badge.label).toContain('（预计）');
  });

  it('is run by the defendant agency and seen across the division by the justice bureau and the government office, by nobody else', async () => {
    const director = await at('2026-09-18', DIRECTOR_SCJ);
    const { id, refNo } = await post(director, '/api/litigations', suit({ plaintiff: '王某某' }));
    for (const [u, who] of Object.entries({ REVIEWER_SCJ, LEGAL_SFJ, OFFICE_ZFB, LEADER })) expect((await (await t.staff(who)).get(`/api/cases/${id}`)).status, u).toBe(200);
    for (const [u, who] of Object.entries({ CLERK_MZJ, CLERK_RSJ, CLERK_SCJ })) expect((await (await t.staff(who)).get(`/api/cases/${id}`)).status, u).toBe(404);
    expect((await (await t.staff(CLERK_RSJ)).get(`/api/litigations/${id}/file`)).status).toBe(404);
    const list = (await (await t.staff(LEGAL_SFJ)).get(`/api/litigations?q=${encodeURIComponent(refNo)}`)).body;
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await (await t.staff(CLERK_RSJ)).get(`/api/litigations?q=${encodeURIComponent(refNo)}`)).body.items).toEqual([]);
    // A department registers only its own suits; the justice bureau registers any agency's (the government's own, too).
    const mzj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区民政局'`))[0].id;
    expect((await director.post('/api/litigations', suit({ orgId: mzj }))).status).toBe(403);
    const gov = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE kind = 'government' ORDER BY name LIMIT 1`))[0].id;
    const legal = await t.staff(LEGAL_SFJ);
    expect((await legal.post('/api/litigations', suit({ orgId: gov, cause: '政府信息公开' }))).status).toBe(200);
  });

  it('goes from the copy through the answer, a hearing with the head present, a judgment and the agency’s appeal to the second instance, linking the challenged act and the 复议', async () => {
    // The challenged act is a case in zhengtong (here the kernel's fixture permit); the 复议 is linked by number whatever its type.
    const clerk = await at('2026-09-16', CLERK_SCJ);
    const act = await post(clerk, '/api/permits', { title: '食品经营许可（变更）', orgId: scj });
    let director = await t.staff(DIRECTOR_SCJ);
    const earlier = await post(director, '/api/litigations', suit({ plaintiff: '复议在先的原告' }));
    director = await at('2026-09-18', DIRECTOR_SCJ);
    const { id } = await post(director, '/api/litigations', suit({ challengedRef: act.refNo, reconsidered: true, reconsiderationRef: earlier.refNo }));
    let d = (await director.get(`/api/cases/${id}`)).body;
    expect(d.links.map((l: { label: string; case: { refNo: string } }) => `${l.label}:${l.case.refNo}`).sort()).toEqual([`被诉行政行为:${act.refNo}`, `诉前行政复议:${earlier.refNo}`].sort());
    const actSide = (await director.get(`/api/cases/${act.id}`)).body;
    expect(actSide.links.map((l: { label: string }) => l.label)).toEqual(['被提起行政诉讼']);

    // A counsel appointed to the agency may represent it; their case work is recorded in the pool.
    const legal = await t.staff(LEGAL_SFJ);
    const firm = await post(legal, '/api/legal-counsel/firms', { name: '河南应诉测试律师事务所' });
    const lawyer = await post(legal, '/api/legal-counsel/lawyers', { firmId: firm.id, name: '周律师', licenceNo: '41120260000099900' });
    await post(legal, '/api/legal-counsel/appointments', { lawyerId: lawyer.id, orgId: scj, from: '2026-01-01', to: '2026-12-31' });
    const reviewer = await at('2026-09-25', REVIEWER_SCJ);
    expect((await reviewer.get(`/api/litigations/${id}/counsel-options`)).body).toContainEqual({ id: lawyer.id, name: '周律师', firmName: '河南应诉测试律师事务所' });
    d = await post(reviewer, `/api/litigations/${id}/answer`, { evidence: '行政处罚决定书、现场检查笔录、抽检报告', defence: '事实清楚，程序合法', counselId: lawyer.id });
    expect(d.stateName).toBe('一审审理中');
    expect(clock(d, 'defence')).toMatchObject({ state: 'stopped', stoppedOn: '2026-09-25', dueDate: '2026-10-08' });
    const work = (await (await t.staff(LEGAL_SFJ)).get(`/api/legal-counsel/work?from=2026-09-01&to=2026-09-30&lawyerId=${lawyer.id}`)).body;
    expect(work.items.map((w: { kind: string; refNo: string }) => `${w.kind}:${w.refNo}`)).toEqual([`case:${d.refNo}`]);

    // 第3条: staff alone only with the head's reason; the head by name.
    let r = await reviewer.post(`/api/litigations/${id}/hearFirst`, { heldOn: '2026-09-25', appearance: '仅工作人员', staffNames: '刘洋' });
    expect([r.status, r.body.message]).toEqual([422, '负责人不能出庭的，应当说明理由（行政诉讼法 第3条；法释〔2020〕3号 第9条：加盖行政机关印章或者由主要负责人签字）']);
    r = await reviewer.post(`/api/litigations/${id}/hearFirst`, head('2026-09-26'));
    expect([r.status, r.body.details.fields[0].path]).toEqual([400, 'heldOn']);
    d = await post(reviewer, `/api/litigations/${id}/hearFirst`, head('2026-09-25'));
    expect(d.stateName).toBe('一审审理中');

    // A judgment of 09-27 served on 09-28, registered on 09-29: 15 days to appeal run from service (第85条)
    // and end 10-13 (a Tuesday), whatever day it is registered.
    const rv = await at('2026-09-29', REVIEWER_SCJ);
    const judged = { outcome: '撤销', decidedOn: '2026-09-27', summary: '认定事实不清' };
    r = await rv.post(`/api/litigations/${id}/judgment`, { ...judged, servedOn: '2026-09-30' });
    expect([r.status, r.body.details.fields[0].message]).toEqual([400, '送达日期不能晚于今天']);
    r = await rv.post(`/api/litigations/${id}/judgment`, { ...judged, servedOn: '2026-09-26' });
    expect([r.status, r.body.details.fields[0].message]).toEqual([400, '送达日期不能早于裁判日期']);
    d = await post(rv, `/api/litigations/${id}/judgment`, { ...judged, servedOn: '2026-09-28' });
    expect(d.stateName).toBe('一审已裁判（上诉期内）');
    expect(clock(d, 'appealJudgment')).toMatchObject({ unit: 'natural', limit: 15, startedOn: '2026-09-28', dueDate: '2026-10-13' });
    expect(d.actions.map((a: { event: string }) => a.event).sort()).toEqual(['opponentAppeal']); // appealing is the head's call
    r = await rv.post(`/api/litigations/${id}/appeal`, { reason: '一审认定事实错误' });
    expect(r.status).toBe(403);
    director = await t.staff(DIRECTOR_SCJ);
    d = await post(director, `/api/litigations/${id}/appeal`, { reason: '一审认定事实错误，抽检程序符合规定' });
    expect(d.stateName).toBe('二审审理中');
    expect(clock(d, 'appealJudgment')).toMatchObject({ state: 'stopped', stoppedOn: '2026-09-29' });
    // The appellate court's 案号 comes later: registered once, shown on the suit.
    expect(d.actions.map((a: { event: string }) => a.event)).toContain('registerSecondCaseNo');
    expect((await director.post(`/api/litigations/${id}/registerSecondCaseNo`, { secondCaseNo: '8号' })).status).toBe(400);
    d = await post(director, `/api/litigations/${id}/registerSecondCaseNo`, { secondCourt: '漯河市中级人民法院', secondCaseNo: '（2026）豫11行终88号' });
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('registerSecondCaseNo');
    expect(d.fields).toContainEqual({ label: '二审案号', value: '（2026）豫11行终88号（漯河市中级人民法院）' });

    d = await post(director, `/api/litigations/${id}/hearSecond`, { heldOn: '2026-09-28', appearance: '副职负责人', headName: '李明（副局长）' });
    r = await director.post(`/api/litigations/${id}/secondJudgment`, { outcome: '改判', decidedOn: '2026-09-28' });
    expect(r.status).toBe(422);
    d = await post(director, `/api/litigations/${id}/secondJudgment`, { outcome: '驳回上诉，维持原判', decidedOn: '2026-09-28' });
    expect(d.stateName).toBe('已结案');
    expect(d.fields).toContainEqual({ label: '生效裁判结果', value: '撤销（2026-09-29结案）' });
    const file = (await director.get(`/api/litigations/${id}/file`)).body;
    expect(file.hearings.map((h: { instance: number; appearance: string; headName: string }) => `${h.instance}:${h.appearance}:${h.headName}`)).toEqual(['1:主要负责人:陈刚（局长）', '2:副职负责人:李明（副局长）']);
    expect(file.decisions.map((x: { kind: string; outcome: string }) => `${x.kind}:${x.outcome}`)).toEqual(['判决:撤销', '二审裁判:驳回上诉，维持原判']);
    expect(file).toMatchObject({ counsel: { name: '周律师' }, appealedBy: 'agency', finalOutcome: '撤销', reconsidered: true, secondCaseNo: '（2026）豫11行终88号', secondCourt: '漯河市中级人民法院' });
    expect(file.decisions[0]).toMatchObject({ decidedOn: '2026-09-27', servedOn: '2026-09-28' });
  });

  it('lets a ruling take effect when its 10-day window runs out with no appeal (第85条), through the clock scanner', async () => {
    const director = await at('2026-09-18', DIRECTOR_SCJ);
    const { id } = await post(director, '/api/litigations', suit({ plaintiff: '起诉超期的原告' }));
    await post(director, `/api/litigations/${id}/answer`, { evidence: '证据清单', defence: '原告起诉已超过法定期限' });
    // A ruling served on 09-28: 10 days end on 10-08, the first working day after the holiday.
    const rv = await at('2026-09-28', DIRECTOR_SCJ);
    let d = await post(rv, `/api/litigations/${id}/ruling`, { outcome: '驳回起诉', decidedOn: '2026-09-28' });
    expect(clock(d, 'appealRuling')).toMatchObject({ limit: 10, dueDate: '2026-10-08' });
    d = await post(rv, `/api/litigations/${id}/acceptJudgment`, { reason: '裁定驳回起诉，本机关不上诉' });
    expect(d.stateName).toBe('一审已裁判（上诉期内）'); // the plaintiff may still appeal
    expect((await rv.post(`/api/litigations/${id}/acceptJudgment`, { reason: '再次' })).status).toBe(422);
    t.clock.set('2026-10-08T18:00:00+08:00');
    await scanClocks(t.kernel);
    expect((await (await t.staff(DIRECTOR_SCJ)).get(`/api/cases/${id}`)).body.stateName).toBe('一审已裁判（上诉期内）');
    t.clock.set('2026-10-09T08:00:00+08:00');
    await scanClocks(t.kernel);
    d = (await (await t.staff(DIRECTOR_SCJ)).get(`/api/cases/${id}`)).body;
    expect(d.stateName).toBe('已结案');
    expect(d.fields).toContainEqual({ label: '生效裁判结果', value: '驳回起诉（2026-10-09结案）' });
    expect(d.events.map((e: { event: string }) => e.event)).toContain('lapse');
  });

  it('receives a 司法建议 on a suit and answers it within its reply period, linked both ways', async () => {
    const director = await at('2026-10-12', DIRECTOR_SCJ);
    const { id } = await post(director, '/api/litigations', suit({ servedOn: '2026-10-12', plaintiff: '司法建议所涉原告' }));
    let r = await director.post(`/api/litigations/${id}/judicial-advice`, { court: '三门峡市湖滨区人民法院', adviceNo: '（2026）豫1202司建3号', receivedOn: '2026-10-10', content: '建议规范行政处罚案件抽检程序' });
    expect(r.status).toBe(200);
    let a = (await director.get(`/api/cases/${r.body.id}`)).body;
    // Received 10-10, registered 10-12: 60 days from 10-10 end 12-09.
    expect(clock(a, 'reply')).toMatchObject({ unit: 'natural', limit: 58, dueDate: '2026-12-09' });
    expect(a.links.map((l: { label: string }) => l.label)).toEqual(['所涉应诉案件']);
    expect((await (await t.staff(CLERK_MZJ)).get(`/api/cases/${r.body.id}`)).status).toBe(404);
    const file = (await director.get(`/api/litigations/${id}/file`)).body;
    expect(file.advice.map((x: { adviceNo: string; stateName: string }) => `${x.adviceNo}:${x.stateName}`)).toEqual(['（2026）豫1202司建3号:待回复']);
    await t.withSettings({ LITIGATION_ADVICE_REPLY_DAYS: '30' }, async () => {
      const r2 = await director.post(`/api/litigations/${id}/judicial-advice`, { court: '三门峡市中级人民法院', adviceNo: '（2026）豫12司建9号', receivedOn: '2026-10-12', content: '建议负责人出庭出声' });
      expect(clock((await director.get(`/api/cases/${r2.body.id}`)).body, 'reply')).toMatchObject({ limit: 30, dueDate: '2026-11-11' });
    });
    a = await post(director, `/api/judicial-advice/${r.body.id}/reply`, { reply: '已收悉并组织整改', measures: '修订抽检工作规程，开展专题培训' });
    expect(a.stateName).toBe('已回复');
    expect((await director.get(`/api/litigations/${id}/file`)).body.advice[0]).toMatchObject({ stateName: '已回复', repliedOn: '2026-10-12' });
  });

});
