import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp, okBody } from '../../../../tests/helpers/harness';
import { buildOrg, buildStaff, type BuiltStaff } from '../../../core/server';
import { partThree, trainingHoursByPerson } from '../public';
import { decisionStepsBy } from '../../major-decisions/public';

let t: TestApp;
let orgA: Awaited<ReturnType<typeof buildOrg>>;
let admin: BuiltStaff; let director: BuiltStaff; let taker1: BuiltStaff; let taker2: BuiltStaff;
const clients = new Map<string, Client>();
const as = async (s: BuiltStaff) => {
  if (!clients.has(s.username)) clients.set(s.username, await new Client(t.app).login(s.username, s.password));
  return clients.get(s.username)!;
};
const ok = (c: Client, method: 'post' | 'put' | 'get', path: string, body?: unknown) => okBody(method === 'get' ? c.get(path) : c[method](path, body ?? {}), path);
const metric = async (c: Client, key: string, q: string) => { const m = (await c.get(`/api/metrics/${key}?${q}`)).body; return [m.numerator, m.denominator]; };

beforeAll(async () => {
  t = await startTestApp();
  orgA = await buildOrg(t.kernel, { name: '湖滨区学法测试局' });
  const sfj = await buildOrg(t.kernel, { name: '湖滨区学法测试司法局' });
  admin = await buildStaff(t.kernel, { roles: ['lawStudyAdmin'], org: sfj, displayName: '管理员甲' });
  director = await buildStaff(t.kernel, { roles: ['director'], org: orgA, displayName: '局长乙' });
  taker1 = await buildStaff(t.kernel, { roles: ['clerk'], org: orgA, displayName: '考生丙' });
  taker2 = await buildStaff(t.kernel, { roles: ['clerk'], org: orgA, displayName: '考生丁' });
});
afterAll(async () => { await t.close(); });

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题库');
  ws.addRow(['所属法律', '知识点', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('学法用法', () => {
  let ids: Record<string, string> = {};
  it('records sessions with register attendees; refuses bad input unchanged; counts sessions, person-times, court visits, coverage and hours', async () => {
    const a = await as(admin);
    expect((await ok(a, 'post', '/api/law-study/officials/sync')).added).toBeGreaterThanOrEqual(4);
    const officials = await ok(a, 'get', '/api/law-study/officials') as { id: string; name: string; orgId: string }[];
    ids = Object.fromEntries(officials.filter((o) => o.orgId === orgA.id).map((o) => [o.name, o.id]));
    expect(Object.keys(ids).sort()).toEqual(['局长乙', '考生丁', '考生丙']);

    const d = await as(director);
    // 旁听庭审 without its court and case: 400 in Chinese, nothing written.
    const bad = await d.post('/api/law-study/sessions', { kind: 'courtVisit', topic: '旁听行政诉讼庭审', laws: '行政诉讼法', heldOn: '2026-10-20', minutes: 120, officialIds: [ids['局长乙']] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('旁听庭审应填写法院');
    expect((await ok(d, 'get', '/api/law-study/sessions?year=2026')).total).toBe(0);

    await ok(d, 'post', '/api/law-study/sessions', { kind: 'lecture', topic: '学习行政处罚法', laws: '中华人民共和国行政处罚法', speakers: '法律顾问', heldOn: '2026-10-10', minutes: 90, officialIds: [ids['考生丙'], ids['局长乙']], otherAttendees: 3 });
    await ok(d, 'post', '/api/law-study/sessions', { kind: 'courtVisit', topic: '旁听行政诉讼庭审', laws: '中华人民共和国行政诉讼法', heldOn: '2026-10-20', minutes: 120, officialIds: [ids['局长乙']], court: '三门峡市湖滨区人民法院', courtCaseNo: '（2026）豫1202行初12号' });
    // A director cannot record for another org.
    expect((await d.post('/api/law-study/sessions', { kind: 'lecture', topic: '越权登记', laws: '宪法', heldOn: '2026-10-10', minutes: 60, otherAttendees: 5, orgId: admin.org.id })).status).toBe(404);
    const list = await ok(d, 'get', '/api/law-study/sessions?year=2026');
    expect(list.items.map((s: { personTimes: number }) => s.personTimes).sort()).toEqual([1, 5]);

    const q = `divisionCode=411202&orgId=${orgA.id}&from=2026-01-01&to=2026-12-31`;
    expect(await metric(a, 'lawStudy.sessions', q)).toEqual([1, null]);
    expect(await metric(a, 'lawStudy.courtVisits', q)).toEqual([1, null]);
    expect(await metric(a, 'lawStudy.personTimes', q)).toEqual([6, null]);
    expect(await metric(a, 'lawStudy.coverageRate', q)).toEqual([2, 3]);
    const rows = (await a.get(`/api/metrics/lawStudy.coverageRate/rows?${q}`)).body;
    expect(rows.rows.map((r: { name: string }) => r.name).sort()).toEqual(['局长乙', '考生丙']);

    // Hours per person for the enforcement credentials' review: court visits count by default.
    const hours = await t.kernel.db.tx((tx) => trainingHoursByPerson(tx, t.kernel, '411202', 2026));
    expect(hours.find((h) => h.officialId === ids['局长乙'])).toMatchObject({ total: 3.5, byKind: { lecture: 1.5, courtVisit: 2 } });
    await t.withSettings({ LAW_STUDY_COURT_VISIT_HOURS: 'false' }, async () => {
      const h = await t.kernel.db.tx((tx) => trainingHoursByPerson(tx, t.kernel, '411202', 2026));
      expect(h.find((x) => x.officialId === ids['局长乙'])?.total).toBe(1.5);
    });
  });

  it('flags a quarter without a 政府常务会议学法 session', async () => {
    const a = await as(admin);
    for (const heldOn of ['2026-02-10', '2026-08-12']) await ok(a, 'post', '/api/law-study/sessions', { kind: 'govExecutive', topic: '常务会议会前学法', laws: '中华人民共和国行政复议法', heldOn, minutes: 30, otherAttendees: 12 });
    const check = await ok(a, 'get', '/api/law-study/quarterly-check?year=2026');
    // Today is 2026-11-02: Q2 passed without one, Q4 is still running.
    expect(check.map((c: { status: string }) => c.status)).toEqual(['held', 'missing', 'held', 'pending']);
  });

  let examId = '';
  it('keeps a session’s materials in the kernel’s file storage: its org uploads, staff in scope open them, others do not, every act audited', async () => {
    const d = await as(director);
    const list = (await ok(d, 'get', '/api/law-study/sessions?year=2026')).items as { id: string; kind: string }[];
    const lecture = list.find((x) => x.kind === 'lecture')!;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (c: Client, body: Buffer, name: string, type = 'application/pdf') => c.request('POST', `/api/law-study/sessions/${lecture.id}/materials?fileName=${encodeURIComponent(name)}`, body, { 'content-type': type });
    // Not a document: refused in Chinese, nothing kept.
    const bad = await upload(d, Buffer.from('just text'), '说明.txt', 'application/octet-stream');
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(bad.body.message).toMatch(/PDF/);
    expect(await ok(d, 'get', `/api/law-study/sessions/${lecture.id}/materials`)).toEqual([]);
    const m = (await upload(d, pdf, '行政处罚法课件.pdf')).body;
    expect(m).toMatchObject({ fileName: '行政处罚法课件.pdf', mime: 'application/pdf', size: pdf.length, uploadedBy: '局长乙' });
    // The division's keeper opens it; a clerk of the org without the right to read sessions does not; nor another org's recorder.
    const a = await as(admin);
    expect((await ok(a, 'get', `/api/law-study/sessions/${lecture.id}/materials`)).map((x: { id: string }) => x.id)).toEqual([m.id]);
    const opened = await t.app.inject({ method: 'GET', url: `/api/law-study/sessions/${lecture.id}/materials/${m.id}`, headers: { cookie: (a as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(opened.rawPayload, pdf)).toBe(0);
    expect((await (await as(taker1)).get(`/api/law-study/sessions/${lecture.id}/materials/${m.id}`)).status).toBe(404);
    const otherDirector = await buildStaff(t.kernel, { roles: ['director'], org: await buildOrg(t.kernel, { name: '湖滨区学法测试别局' }) });
    const od = await new Client(t.app).login(otherDirector.username, otherDirector.password);
    expect((await od.get(`/api/law-study/sessions/${lecture.id}/materials/${m.id}`)).status).toBe(404);
    expect((await upload(od, pdf, '别人的.pdf')).status).toBe(404);
    const audit = await t.kernel.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [m.id]);
    expect(audit.map((r) => r.action)).toEqual(['lawStudy.material.upload', 'lawStudy.material.open']);
  });

  it('deletes a material uploaded by mistake: the uploader or the session’s organiser may, a reader may not (Chinese 403), the file is no longer served, audited', async () => {
    const d = await as(director);
    const lecture = ((await ok(d, 'get', '/api/law-study/sessions?year=2026')).items as { id: string; kind: string }[]).find((x) => x.kind === 'lecture')!;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('mistaken scan')]);
    const upload = async (c: Client, name: string) => (await c.request('POST', `/api/law-study/sessions/${lecture.id}/materials?fileName=${encodeURIComponent(name)}`, png, { 'content-type': 'image/png' })).body as { id: string };
    const open = async (c: Client, id: string) => t.app.inject({ method: 'GET', url: `/api/law-study/sessions/${lecture.id}/materials/${id}`, headers: { cookie: (c as unknown as { cookieHeader(): string }).cookieHeader() } });
    // The division's keeper uploads the same scan twice (one stored copy: storage is content-addressed).
    const a = await as(admin);
    const wrong = await upload(a, '误传的身份证照片.png');
    const kept = await upload(a, '签到表.png');
    // A leader reads the session and its materials but may not delete: 403 in Chinese, the file still served.
    const leader = await buildStaff(t.kernel, { roles: ['leader'], org: orgA });
    const l = await new Client(t.app).login(leader.username, leader.password);
    const seen = await ok(l, 'get', `/api/law-study/sessions/${lecture.id}/materials`) as { id: string; canDelete: boolean }[];
    expect(seen.find((m) => m.id === wrong.id)?.canDelete).toBe(false);
    const refused = await l.delete(`/api/law-study/sessions/${lecture.id}/materials/${wrong.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('只有上传人或该学法活动的组织单位可以删除材料');
    expect((await open(a, wrong.id)).statusCode).toBe(200);
    // Another org's head does not even see it (404); the session's organiser (its org's head) sees the button.
    const otherDirector = await buildStaff(t.kernel, { roles: ['director'], org: await buildOrg(t.kernel, { name: '湖滨区学法测试他局' }) });
    expect((await (await new Client(t.app).login(otherDirector.username, otherDirector.password)).delete(`/api/law-study/sessions/${lecture.id}/materials/${wrong.id}`)).status).toBe(404);
    expect((await ok(d, 'get', `/api/law-study/sessions/${lecture.id}/materials`) as { id: string; canDelete: boolean }[]).find((m) => m.id === wrong.id)?.canDelete).toBe(true);
    // The uploader deletes it: gone from the list, no longer served, audited; a second delete is 404.
    expect((await a.delete(`/api/law-study/sessions/${lecture.id}/materials/${wrong.id}`)).status).toBe(200);
    expect((await ok(d, 'get', `/api/law-study/sessions/${lecture.id}/materials`) as { id: string }[]).map((m) => m.id)).not.toContain(wrong.id);
    expect((await open(a, wrong.id)).statusCode).toBe(404);
    expect((await a.delete(`/api/law-study/sessions/${lecture.id}/materials/${wrong.id}`)).status).toBe(404);
    const audit = await t.kernel.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [wrong.id]);
    expect(audit.map((r) => r.action)).toEqual(['lawStudy.material.upload', 'lawStudy.material.open', 'lawStudy.material.delete']);
    // The other material with the same bytes is still served (the shared stored copy was kept).
    const still = await open(a, kept.id);
    expect(still.statusCode).toBe(200);
    expect(Buffer.compare(still.rawPayload, png)).toBe(0);
    // The session's organiser deletes it too; then the stored bytes go with the last material holding them.
    const row = (await t.kernel.db.query<{ storage_key: string }>(`SELECT storage_key FROM law_study_materials WHERE id = $1`, [kept.id]))[0];
    expect((await d.delete(`/api/law-study/sessions/${lecture.id}/materials/${kept.id}`)).status).toBe(200);
    expect(existsSync(join(t.kernel.config.dataDir, 'files', row.storage_key))).toBe(false);
  });

  it('imports a bank from xlsx all or nothing, with each bad row named', async () => {
    const a = await as(admin);
    const bad = await xlsx([
      ['行政处罚法', '听证', '单选题', '听证申请期限为几日？', '三日', '五日', '七日', '十日', 'B', ''],
      ['行政处罚法', '听证', '多选题', '多选题只有一个答案？', '甲', '乙', '', '', 'A', ''],
      ['行政处罚法', '听证', '问答题', '未知题型', '', '', '', '', 'A', ''],
      ['行政处罚法', '听证', '单选题', '听证申请期限为几日？', '三日', '五日', '七日', '十日', 'B', ''],
    ]);
    const r = await a.request('POST', '/api/law-exams/questions/import', bad, { 'content-type': XLSX });
    expect(r.status).toBe(400);
    expect(r.body.details.rows.map((x: { row: number }) => x.row)).toEqual([3, 4, 5]);
    expect(JSON.stringify(r.body.details.rows)).toContain('与第2行重复');
    expect((await ok(a, 'get', '/api/law-exams/questions')).length).toBe(0);

    const good = await xlsx([
      ['行政处罚法', '听证', '单选题', '听证申请期限为几日？', '三日', '五日', '七日', '十日', 'B', '第64条'],
      ['行政处罚法', '听证', '单选题', '听证由谁主持？', '调查人员', '非本案调查人员', '当事人', '法院', 'B', '第64条'],
      ['行政处罚法', '听证', '单选题', '听证费用由谁承担？', '当事人', '行政机关', '法院', '第三人', 'B', '第64条'],
      ['行政复议法', '期限', '判断题', '复议申请期限一般为六十日。', '', '', '', '', '对', '第20条'],
      ['行政复议法', '期限', '判断题', '复议机关可以无限期延长审理期限。', '', '', '', '', '错', ''],
      ['行政复议法', '期限', '判断题', '复议决定书一经送达即发生法律效力。', '', '', '', '', '对', ''],
    ]);
    const imp = await a.request('POST', '/api/law-exams/questions/import', good, { 'content-type': XLSX });
    expect(imp.body).toEqual({ imported: 6 });
    // The bank (with its key) is for its keepers only.
    expect((await (await as(taker1)).get('/api/law-exams/questions')).status).toBe(403);

    // A blueprint the bank cannot fill is refused.
    const tooMany = await a.post('/api/law-exams', { title: '超量', opensAt: '2026-11-02T08:00:00+08:00', closesAt: '2026-11-09T18:00:00+08:00', blueprint: [{ type: 'single', topic: '听证', count: 5, points: 20 }] });
    expect(tooMany.status).toBe(422);
    examId = (await ok(a, 'post', '/api/law-exams', {
      title: '2026年度学法考试（测试）', opensAt: '2026-11-02T08:00:00+08:00', closesAt: '2026-11-09T18:00:00+08:00', minutes: 1, maxAttempts: 2, passMark: 60,
      blueprint: [{ type: 'single', topic: '听证', count: 2, points: 30 }, { type: 'judge', topic: null, count: 2, points: 20 }],
    })).id;
  });

  it('draws a paper per taker without the key, counts only answers before the deadline, keeps the best of a set number of attempts', async () => {
    const a = await as(admin);
    const key = new Map((await ok(a, 'get', '/api/law-exams/questions') as { id: string; answer: string }[]).map((q) => [q.id, q.answer]));
    const c1 = await as(taker1);
    const { attemptId } = await ok(c1, 'post', `/api/law-exams/${examId}/start`);
    // A second start (reload, second tab) resumes the same attempt.
    expect((await ok(c1, 'post', `/api/law-exams/${examId}/start`)).attemptId).toBe(attemptId);
    const paper = await ok(c1, 'get', `/api/law-exams/attempts/${attemptId}`);
    expect(paper.questions).toHaveLength(4);
    expect(paper.questions.map((q: { points: number }) => q.points)).toEqual([30, 30, 20, 20]);
    const raw = JSON.stringify(paper);
    expect(raw).not.toContain('"answer"');
    expect(raw).not.toContain('第64条');
    // Nobody else opens it.
    expect((await (await as(taker2)).get(`/api/law-exams/attempts/${attemptId}`)).status).toBe(404);
    const right = Object.fromEntries(paper.questions.map((q: { id: string }) => [q.id, key.get(q.id)!]));
    await ok(c1, 'put', `/api/law-exams/attempts/${attemptId}/answers`, { answers: right });
    expect(await ok(c1, 'post', `/api/law-exams/attempts/${attemptId}/submit`, {})).toEqual({ score: 100, totalPoints: 100, passed: true, late: false });

    const c2 = await as(taker2);
    const first = (await ok(c2, 'post', `/api/law-exams/${examId}/start`)).attemptId;
    const p2 = await ok(c2, 'get', `/api/law-exams/attempts/${first}`);
    const single = p2.questions[0];
    await ok(c2, 'put', `/api/law-exams/attempts/${first}/answers`, { answers: { [single.id]: key.get(single.id)! } });
    t.clock.set('2026-11-02T09:01:30+08:00'); // past the one-minute limit
    const late = await c2.put(`/api/law-exams/attempts/${first}/answers`, { answers: Object.fromEntries(p2.questions.map((q: { id: string }) => [q.id, key.get(q.id)!])) });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('考试时间已到');
    expect(await ok(c2, 'post', `/api/law-exams/attempts/${first}/submit`, { answers: Object.fromEntries(p2.questions.map((q: { id: string }) => [q.id, key.get(q.id)!])) }))
      .toEqual({ score: 30, totalPoints: 100, passed: false, late: true });
    // Second attempt: better, kept as the best; a third is refused.
    const second = (await ok(c2, 'post', `/api/law-exams/${examId}/start`)).attemptId;
    expect(second).not.toBe(first);
    const p3 = await ok(c2, 'get', `/api/law-exams/attempts/${second}`);
    const answers = Object.fromEntries(p3.questions.map((q: { id: string; type: string }, i: number) => [q.id, i === 0 ? (key.get(q.id) === 'A' ? 'B' : 'A') : key.get(q.id)!]));
    expect((await ok(c2, 'post', `/api/law-exams/attempts/${second}/submit`, { answers })).score).toBe(70);
    const third = await c2.post(`/api/law-exams/${examId}/start`);
    expect(third.status).toBe(422);
    expect(third.body.message).toContain('已用完');
    const mine = (await ok(c2, 'get', '/api/law-exams') as { id: string; mine: { best: number; passed: boolean; attemptsUsed: number } }[]).find((e) => e.id === examId)!.mine;
    expect(mine).toMatchObject({ best: 70, passed: true, attemptsUsed: 2 });

    // Leaders see participation and pass rates by unit; exam figures follow the records.
    const units = (await ok(a, 'get', `/api/law-exams/${examId}/units`)).units.find((u: { orgId: string }) => u.orgId === orgA.id);
    expect(units).toMatchObject({ registered: 3, takers: 2, passed: 2, participationRate: 66.7, passRate: 100 });
    const q = `divisionCode=411202&orgId=${orgA.id}&from=2026-01-01&to=2026-12-31`;
    expect(await metric(a, 'exams.takers', q)).toEqual([2, null]);
    expect(await metric(a, 'exams.passRate', q)).toEqual([2, 2]);
    const rows = (await a.get(`/api/metrics/exams.passRate/rows?${q}`)).body.rows;
    expect(rows.map((r: { score: number }) => r.score).sort()).toEqual([100, 70]);
    // The director of the unit sees his own unit only; item statistics are for the bank's keepers.
    const du = (await ok(await as(director), 'get', `/api/law-exams/${examId}/units`)).units;
    expect(du.map((u: { orgId: string }) => u.orgId)).toEqual([orgA.id]);
    expect((await c1.get(`/api/law-exams/${examId}/items`)).status).toBe(403);
    const stats = await ok(a, 'get', `/api/law-exams/${examId}/items`);
    expect(stats.takers).toBe(2);
    for (const it of stats.items) expect(it.facility).toBeGreaterThanOrEqual(0);
    expect(stats.items.reduce((n: number, i: { n: number }) => n + i.n, 0)).toBe(8);
  });

  it('drafts 述法 from the official’s own records, rates it, and counts meetings for part 三', async () => {
    const a = await as(admin);
    const draft = await ok(a, 'get', `/api/law-study/shufa/draft/${ids['考生丙']}?year=2026`);
    expect(draft.text).toContain('全年参加集中学法1次');
    expect(draft.text).toContain('2026年度学法考试（测试）100分');
    expect(draft.text).toContain('本年度无作为负责人出庭应诉的记录');
    expect(draft.courtAppearances).toBe(0);

    // 出庭应诉 from litigation's hearings (recorded there by name and post): the head's own appearances for
    // his own org in the year; not another org's, not a staff-only hearing, not last year's.
    const other = await buildOrg(t.kernel, { name: '湖滨区学法测试另一局' });
    const hearing = async (orgId: string, heldOn: string, appearance: string, headName: string | null, no: string) => {
      const caseId = randomUUID();
      await t.kernel.db.query(`INSERT INTO litigation_suits (case_id, org_id, division_code, court, court_case_no, plaintiff, cause, claims, challenged_act, reconsidered, served_on, created_at)
        VALUES ($1, $2, '411202', '三门峡市湖滨区人民法院', $3, '某公司', '行政处罚', '撤销处罚决定', '处罚决定书', false, $4, now())`, [caseId, orgId, no, heldOn]);
      await t.kernel.db.query(`INSERT INTO litigation_hearings (id, case_id, instance, held_on, appearance, head_name, org_id, division_code, created_at)
        VALUES ($1, $2, 1, $3, $4, $5, $6, '411202', now())`, [randomUUID(), caseId, heldOn, appearance, headName, orgId]);
    };
    await hearing(orgA.id, '2026-03-12', '主要负责人', '局长乙（局长）', '（2026）豫1202行初301号');
    await hearing(orgA.id, '2026-06-05', '副职负责人', '局长乙', '（2026）豫1202行初302号');
    await hearing(orgA.id, '2026-07-01', '仅工作人员', null, '（2026）豫1202行初303号');
    await hearing(orgA.id, '2026-08-01', '主要负责人', '局长乙丙（局长）', '（2026）豫1202行初304号'); // a longer name, not him
    await hearing(other.id, '2026-09-01', '主要负责人', '局长乙（局长）', '（2026）豫1202行初305号'); // another org's namesake
    await hearing(orgA.id, '2025-12-30', '主要负责人', '局长乙（局长）', '（2025）豫1202行初399号'); // last year
    const head = await ok(a, 'get', `/api/law-study/shufa/draft/${ids['局长乙']}?year=2026`);
    expect(head.courtAppearances).toBe(2);
    expect(head.text).toContain('出庭应诉2次：03月12日三门峡市湖滨区人民法院（2026）豫1202行初301号（一审，主要负责人）；06月05日三门峡市湖滨区人民法院（2026）豫1202行初302号（一审，副职负责人）。');
    // Two officials of one org named 王强 (局长, 副局长): a hearing counts for the one whose post its entry names,
    // never for both; an entry with the name alone is nobody's, and each draft says so instead of guessing.
    const [wqChief, wqDeputy] = [randomUUID(), randomUUID()];
    for (const [id, post] of [[wqChief, '局长'], [wqDeputy, '副局长']]) {
      await t.kernel.db.query(`INSERT INTO law_study_officials (id, name, post, leader, user_id, active, org_id, division_code, created_at) VALUES ($1, '王强', $2, true, NULL, true, $3, '411202', now())`, [id, post, orgA.id]);
    }
    await hearing(orgA.id, '2026-04-01', '主要负责人', '王强（局长）', '（2026）豫1202行初311号');
    await hearing(orgA.id, '2026-04-02', '副职负责人', '王强（副局长）', '（2026）豫1202行初312号');
    await hearing(orgA.id, '2026-04-03', '副职负责人', '副局长王强', '（2026）豫1202行初313号');
    await hearing(orgA.id, '2026-04-08', '主要负责人', '王强', '（2026）豫1202行初314号');
    const chief = await ok(a, 'get', `/api/law-study/shufa/draft/${wqChief}?year=2026`);
    const deputy = await ok(a, 'get', `/api/law-study/shufa/draft/${wqDeputy}?year=2026`);
    expect(chief).toMatchObject({ courtAppearances: 1, courtAppearancesUnattributed: 1 });
    expect(chief.text).toContain('出庭应诉1次：04月01日三门峡市湖滨区人民法院（2026）豫1202行初311号');
    expect(deputy).toMatchObject({ courtAppearances: 2, courtAppearancesUnattributed: 1 });
    expect(deputy.text).toContain('（2026）豫1202行初312号');
    expect(deputy.text).toContain('（2026）豫1202行初313号');
    expect(deputy.text).not.toContain('行初311号（');
    for (const d of [chief, deputy]) expect(d.text).toContain('另有1次出庭应诉记录的出庭负责人登记为“王强”（（2026）豫1202行初314号），本单位有同名干部2人，出庭记录只登记姓名和职务，无法确定是否本人，未计入');
    // Another official's draft is not theirs to read.
    expect((await (await as(taker2)).get(`/api/law-study/shufa/draft/${ids['考生丙']}?year=2026`)).status).toBe(404);
    const { id } = await ok(a, 'post', '/api/law-study/shufa', { officialId: ids['考生丙'], year: 2026, form: 'written', reportedOn: '2026-11-01', content: draft.text });
    expect((await a.post('/api/law-study/shufa', { officialId: ids['考生丙'], year: 2026, form: 'written', reportedOn: '2026-11-01', content: '重复' })).status).toBe(409);
    await ok(a, 'post', `/api/law-study/shufa/${id}/rate`, { rating: '好', comments: '内容具体' });
    expect((await a.post(`/api/law-study/shufa/${id}/rate`, { rating: '优' })).status).toBe(400);

    for (const [kind, title] of [['partyCommittee', '区委常委会第5次会议'], ['govExecutive', '区政府第12次常务会议'], ['committee', '依法治区委员会第1次会议']]) {
      await ok(a, 'post', '/api/law-study/meetings', { kind, title, heldOn: '2026-06-01', chair: '区委书记', topics: '研究法治建设工作', decisions: '印发工作要点' });
    }
    const q = 'divisionCode=411202&from=2026-01-01&to=2026-12-31';
    expect(await metric(a, 'ruleOfLawMeetings.count', q)).toEqual([2, null]);
    expect(await metric(a, 'shufa.officials', q)).toEqual([1, null]);
    const p3 = await t.kernel.db.tx((tx) => partThree(tx, '411202', 2026));
    expect(p3).toMatchObject({ studiedCount: 2, committeeCount: 1, shufa: { officials: 1, written: 1, onsite: 0, ratings: { 好: 1 } } });
  });

  it('lists in the 述法 draft the major decisions the official reviewed or decided in the year, read from major-decisions by account', async () => {
    const reviewer = await buildStaff(t.kernel, { roles: ['legalReviewer'], org: orgA, displayName: '审查员戊' });
    const leader = await buildStaff(t.kernel, { roles: ['leader'], org: orgA, displayName: '区长己' });
    const office = await buildStaff(t.kernel, { roles: ['decisionOfficer'], org: orgA, displayName: '专员庚' });
    const o = await as(office);
    const decision = async (title: string) => {
      const { id } = await ok(o, 'post', '/api/major-decisions', { title, year: 2026, draftingOrgId: orgA.id, participationExempt: true, needsExpert: false, needsRisk: false, partyApprovedOn: '2026-02-20' });
      await ok(o, 'post', `/api/major-decisions/${id}/submitLegality`);
      return id;
    };
    const d1 = await decision('湖滨区老旧小区改造实施方案');
    const d2 = await decision('湖滨区公交线网优化方案');
    const d3 = await decision('湖滨区农贸市场布局规划');
    const r = await as(reviewer);
    await ok(r, 'post', `/api/major-decisions/${d1}/passLegality`, { opinion: '程序合法，内容合法' });
    await ok(r, 'post', `/api/major-decisions/${d2}/failLegality`, { opinion: '未履行听证程序' });
    await ok(await as(leader), 'post', `/api/major-decisions/${d1}/decide`, { meeting: '区政府第40次常务会议', result: '通过' });
    // The third review is recorded after the year closed: it belongs to 2027's 述法, not 2026's.
    const before = t.clock.now().toISOString();
    t.clock.set('2027-01-06T10:00:00+08:00');
    try {
      await ok(await new Client(t.app).login(reviewer.username, reviewer.password), 'post', `/api/major-decisions/${d3}/passLegality`, { opinion: '通过' });
    } finally { t.clock.set(before); }

    const a = await as(admin);
    await ok(a, 'post', '/api/law-study/officials/sync');
    const register = await ok(a, 'get', '/api/law-study/officials') as { id: string; name: string }[];
    const idOf = (name: string) => register.find((x) => x.name === name)!.id;
    const rev = await ok(a, 'get', `/api/law-study/shufa/draft/${idOf('审查员戊')}?year=2026`);
    expect(rev.decisionsReviewed).toBe(2);
    expect(rev.decisionSteps.map((x: { title: string; step: string; on: string }) => [x.title, x.step, x.on])).toEqual([
      ['湖滨区老旧小区改造实施方案', '合法性审查通过', '2026-11-02'], ['湖滨区公交线网优化方案', '合法性审查不通过，退回修改', '2026-11-02'],
    ]);
    expect(rev.text).toContain('参与审议（审查）重大行政决策2项：“湖滨区老旧小区改造实施方案”（11月02日合法性审查通过）；“湖滨区公交线网优化方案”（11月02日合法性审查不通过，退回修改）。');
    expect(rev.text).not.toContain('农贸市场');
    const next = await ok(a, 'get', `/api/law-study/shufa/draft/${idOf('审查员戊')}?year=2027`);
    expect(next.text).toContain('参与审议（审查）重大行政决策1项：“湖滨区农贸市场布局规划”（01月06日合法性审查通过）。');
    const lead = await ok(a, 'get', `/api/law-study/shufa/draft/${idOf('区长己')}?year=2026`);
    expect(lead.text).toContain('参与审议（审查）重大行政决策1项：“湖滨区老旧小区改造实施方案”（11月02日集体讨论决定（通过））。');
    // The office that ran the procedure (sent it to review) reviewed nothing; nor did an official with no part in it.
    for (const name of ['专员庚', '考生丙']) {
      const d = await ok(a, 'get', `/api/law-study/shufa/draft/${idOf(name)}?year=2026`);
      expect(d).toMatchObject({ decisionsReviewed: 0, decisionSteps: [] });
      expect(d.text).toContain('本年度无本人审查或决定重大行政决策的记录。');
    }
    // An official without an account cannot be matched to a step: said, not guessed.
    const noAccount = await ok(a, 'get', `/api/law-study/shufa/draft/${idOf('王强')}?year=2026`);
    expect(noAccount.decisionsReviewed).toBeNull();
    expect(noAccount.text).toContain('本人在系统中无账号，重大行政决策的合法性审查和集体讨论决定按录入账号登记，无法归属本人，未列入');
    // The public read itself: both ends of the period are inclusive local days.
    const steps = await t.kernel.db.tx((tx) => decisionStepsBy(tx, t.kernel, { userId: reviewer.user.id, from: '2026-11-02', to: '2027-01-06' }));
    expect(steps.map((x) => x.title)).toEqual(['湖滨区老旧小区改造实施方案', '湖滨区公交线网优化方案', '湖滨区农贸市场布局规划']);
    expect(await t.kernel.db.tx((tx) => decisionStepsBy(tx, t.kernel, { userId: reviewer.user.id, from: '2026-11-03', to: '2027-01-05' }))).toEqual([]);
  });

  it('draws from a question another app process imported, though this process holds the bank index in its cache', async () => {
    const a = await as(admin);
    // Creating an exam reads the bank index (3 判断题) and keeps it in this process for a few seconds.
    const x = (await ok(a, 'post', '/api/law-exams', { title: '缓存测试', opensAt: '2026-11-02T08:00:00+08:00', closesAt: '2026-11-09T18:00:00+08:00', blueprint: [{ type: 'judge', topic: null, count: 3, points: 10 }] })).id;
    // Another process (WORKERS>1) imports a fourth 判断题 and creates an exam that needs all four.
    const [e] = await t.kernel.db.query<{ org_id: string; division_code: string }>('SELECT org_id, division_code FROM law_exams WHERE id = $1', [x]);
    await t.kernel.db.query(`INSERT INTO law_exam_questions (id, law, topic, type, stem, options, answer, explanation, active, org_id, division_code, created_at)
      VALUES ($1, '行政复议法', '期限', 'judge', '复议期间行政行为原则上不停止执行。', '[]', 'T', NULL, true, $2, $3, now())`, [randomUUID(), e.org_id, e.division_code]);
    const y = randomUUID();
    await t.kernel.db.query(`INSERT INTO law_exams (id, title, opens_at, closes_at, limit_seconds, max_attempts, pass_mark, total_points, blueprint, org_id, division_code, created_by, created_at)
      VALUES ($1, '另一进程的考试', '2026-11-02T00:00:00Z', '2026-11-09T10:00:00Z', 600, 1, 60, 40, '[{"type":"judge","topic":null,"count":4,"points":10}]', $2, $3, NULL, now())`, [y, e.org_id, e.division_code]);
    const { attemptId } = await ok(await as(taker1), 'post', `/api/law-exams/${y}/start`);
    expect((await ok(await as(taker1), 'get', `/api/law-exams/attempts/${attemptId}`)).questions).toHaveLength(4);
  });
});
