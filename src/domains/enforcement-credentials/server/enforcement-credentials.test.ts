import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type StaffSpec, type TestApp } from '../../../../tests/helpers/harness';
import { buildOrg, buildStaff } from '../../../core/server';
import { credentialsValidOn, currentHolders } from '../public';
import { runCredentialReminders } from './enforcement-credentials.service';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };
const LEGAL_SFJ = { roles: ['legalReviewer'], org: '湖滨区司法局' };

let t: TestApp;
let scj = '';
beforeAll(async () => {
  t = await startTestApp();
  scj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区市场监督管理局'`))[0].id;
});
afterAll(async () => { await t.close(); });

const at = async (iso: string, who: StaffSpec) => { t.clock.set(`${iso}T09:00:00+08:00`); return t.staff(who); };
const post = async (c: Client, path: string, body: unknown = {}) => {
  const r = await c.post(path, body);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
let n = 0;
const person = (over: Record<string, unknown> = {}) => ({ name: `执法员${String.fromCharCode(0x4e00 + n++)}`, orgId: scj, post: '科员', employment: 'establishment', scope: '食品安全监督检查；行政处罚', ...over });
const xlsx = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('培训学时');
  ws.addRow(['证号', '姓名', '培训名称', '培训类别', '培训日期', '学时']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const upload = (c: Client, buf: Buffer) => c.request('POST', '/api/credential-trainings/import', buf, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

/** Registers a holder with both exams passed and has the justice bureau issue a card: returns holder and card. */
async function issued(on: string, over: Record<string, unknown> = {}) {
  const director = await at(on, DIRECTOR_SCJ);
  const h = await post(director, '/api/credential-holders', person(over));
  await post(director, `/api/credential-holders/${h.id}/exams`, { subject: 'public', score: 82, takenOn: on });
  await post(director, `/api/credential-holders/${h.id}/exams`, { subject: 'professional', score: 75, takenOn: on });
  const app = await post(director, '/api/credential-applications', { holderId: h.id, kind: 'enforcement' });
  await post(await t.staff(LEGAL_SFJ), `/api/credential-applications/${app.id}/issue`);
  const d = (await director.get(`/api/credential-holders/${h.id}`)).body;
  return { holder: d, card: d.cards[0] };
}

describe('行政执法证件', () => {
  it('refuses contract and auxiliary staff with the reason, and changes nothing', async () => {
    const director = await at('2026-03-02', DIRECTOR_SCJ);
    for (const employment of ['contract', 'auxiliary']) {
      const r = await director.post('/api/credential-holders', person({ employment, name: '协管员甲' }));
      expect(r.status).toBe(422);
      expect(r.body.message).toContain('须为在编在职人员');
    }
    const list = (await director.get(`/api/credential-holders?q=${encodeURIComponent('协管员甲')}`)).body;
    expect(list.total).toBe(0);
  });

  it('applies, refuses to issue before the exams are passed, then issues a numbered card the public verifies by its QR', async () => {
    const director = await at('2026-03-02', DIRECTOR_SCJ);
    const h = await post(director, '/api/credential-holders', person({ idNumber: '411202198503120010' }));
    const app = await post(director, '/api/credential-applications', { holderId: h.id, kind: 'enforcement' });
    expect((await director.post('/api/credential-applications', { holderId: h.id, kind: 'enforcement' })).status).toBe(409);
    const legal = await t.staff(LEGAL_SFJ);
    const early = await legal.post(`/api/credential-applications/${app.id}/issue`, {});
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('公共法律知识考试');
    // The org cannot issue its own card.
    expect((await director.post(`/api/credential-applications/${app.id}/issue`, {})).status).toBe(403);
    await post(director, `/api/credential-holders/${h.id}/exams`, { subject: 'public', score: 90, takenOn: '2026-03-01' });
    await post(director, `/api/credential-holders/${h.id}/exams`, { subject: 'professional', score: 88, takenOn: '2026-03-01' });
    await post(legal, `/api/credential-applications/${app.id}/issue`);
    const d = (await legal.get(`/api/credential-holders/${h.id}`)).body;
    expect(d.cards).toHaveLength(1);
    const card = d.cards[0];
    expect(card.number).toMatch(/^4112021\d{5}$/);
    expect(card).toMatchObject({ kindName: '行政执法证', statusName: '有效', issuedOn: '2026-03-02', validTo: '2031-03-01' });
    // The QR encodes the public page; the page shows the card, never the id number or phone.
    const qr = await legal.request('GET', `/api/credentials/${card.id}/qr.png`);
    expect(qr.status).toBe(200);
    const token = card.verifyPath.split('/').pop();
    const v = await t.anon().get(`/api/public/credentials/verify/${token}`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ number: card.number, statusName: '有效', name: h.name, orgName: '湖滨区市场监督管理局', kindName: '行政执法证' });
    expect(JSON.stringify(v.body)).not.toContain('411202198503120010');
    expect(JSON.stringify(v.body)).not.toContain("20010");
    // Every change is on the audit chain.
    const audits = await t.kernel.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE stream = 'credential:411202' AND (entity_id = $1 OR entity_id = $2)`, [h.id, card.id]);
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['credential.holder.register', 'credential.exam', 'credential.issue']));
  });

  it('answers which people held a valid card on a day, through suspension and cancellation (public.ts)', async () => {
    const a = await issued('2026-04-01');
    const b = await issued('2026-04-01');
    const legal = await at('2026-05-10', LEGAL_SFJ);
    await post(legal, `/api/credentials/${b.card.id}/suspend`, { reason: '涉嫌违规执法，调查期间暂扣' });
    await post(await at('2026-05-20', LEGAL_SFJ), `/api/credentials/${b.card.id}/reinstate`, { reason: '调查结束' });
    await post(await at('2026-06-15', LEGAL_SFJ), `/api/credentials/${a.card.id}/cancel`, { reason: '违法执法，收回证件' });
    const ask = (refs: string[], on: string) => t.kernel.db.tx((tx) => credentialsValidOn(tx, refs, on));
    const may = await ask([a.holder.id, b.card.number, 'NOPE-1'], '2026-05-12');
    expect(may.map((x) => x.valid)).toEqual([true, false, false]);
    expect(may[1].reason).toContain('暂扣');
    expect(may[2].status).toBe('none');
    expect((await ask([a.holder.id, b.holder.id], '2026-05-25')).map((x) => x.valid)).toEqual([true, true]);
    const june = await ask([a.holder.id, b.holder.id], '2026-06-20');
    expect(june.map((x) => x.valid)).toEqual([false, true]);
    expect(june[0].reason).toContain('注销');
    expect((await ask([a.holder.id], '2026-03-01'))[0].valid).toBe(false);
    const cur = await t.kernel.db.tx((tx) => currentHolders(tx, scj, '2026-06-20', 'enforcement'));
    expect(cur.map((c) => c.credentialNo)).toContain(b.card.number);
    expect(cur.map((c) => c.credentialNo)).not.toContain(a.card.number);
    // The status list answers many cards by number or QR token, with status only.
    const list = (await t.anon().post('/api/public/credentials/status', { refs: [a.card.number, b.card.verifyPath.split('/').pop(), 'X'] })).body;
    expect(list.map((x: { statusName: string | null }) => x.statusName)).toEqual(['已注销', '有效', null]);
    expect(JSON.stringify(list)).not.toContain(b.holder.name);
  });

  it('fails the annual review of a holder short of hours with the reason, suspends the card, and passes once the hours are in', async () => {
    const { holder, card } = await issued('2026-02-02');
    const director = await at('2026-10-10', DIRECTOR_SCJ);
    await post(director, '/api/credential-trainings', { title: '行政处罚法专题培训', type: 'public', heldOn: '2026-06-01', hours: 24, holderIds: [holder.id] });
    await post(director, '/api/credential-trainings', { title: '旁听行政诉讼庭审', type: 'trial', heldOn: '2026-07-01', hours: 4, holderIds: [holder.id] });
    await post(director, `/api/credential-holders/${holder.id}/exams`, { subject: 'professional', score: 80, takenOn: '2026-09-01' });
    const legal = await at('2026-11-02', LEGAL_SFJ);
    const fail = await post(legal, `/api/credentials/${card.id}/review`, { year: 2026 });
    expect(fail).toMatchObject({ passed: false, hours: 28, requiredHours: 60 });
    expect(fail.reason).toBe('年审未通过：2026年度培训28学时，不足规定的60学时（差32学时）');
    let d = (await legal.get(`/api/credential-holders/${holder.id}`)).body;
    expect(d.cards[0].statusName).toBe('暂扣');
    expect(d.reviews[0]).toMatchObject({ passed: false, reason: fail.reason });
    const org = await t.staff(DIRECTOR_SCJ);
    // Imported hours: a bad row refuses the whole file, row by row; nothing is written.
    const bad = await upload(org, await xlsx([
      [card.number, holder.name, '执法技能实训', '执法技能', '2026-10-20', 32],
      [card.number, '别人', '执法技能实训二', '执法技能', '2026-10-21', 8],
      ['999', holder.name, '培训', '其他', '2026/10/22', -1],
    ]));
    expect(bad.status).toBe(400);
    expect(bad.body.details.rows.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    expect(bad.body.details.rows[1].messages.join('；')).toContain('培训类别');
    d = (await legal.get(`/api/credential-holders/${holder.id}`)).body;
    expect(d.hoursThisYear.total).toBe(28);
    const good = await upload(org, await xlsx([[card.number, holder.name, '执法技能实训', '执法技能', '2026-10-20', 32]]));
    expect(good.body).toMatchObject({ imported: 1, rows: 1 });
    const pass = await post(legal, `/api/credentials/${card.id}/review`, { year: 2026 });
    expect(pass).toMatchObject({ passed: true, hours: 60 });
    d = (await legal.get(`/api/credential-holders/${holder.id}`)).body;
    expect(d.cards[0].statusName).toBe('有效');
    expect((await legal.post(`/api/credentials/${card.id}/review`, { year: 2026 })).status).toBe(409);
    // 旁听庭审 does not count where the setting says so.
    await t.withSettings({ CREDENTIAL_TRIAL_COUNTS: 'false' }, async () => {
      d = (await legal.get(`/api/credential-holders/${holder.id}`)).body;
      expect(d.hoursThisYear).toMatchObject({ total: 60, counted: 56 });
    });
  });

  it('counts the 旁听庭审 hours law-study records for the holder’s account in the year’s training hours and the review', async () => {
    const staff = await buildStaff(t.kernel, { roles: ['clerk'], org: { id: scj } as never, displayName: '执法员旁听' });
    const { holder, card } = await issued('2026-02-03', { name: '执法员旁听', staffUserId: staff.user.id });
    // The 学法 register picks up the account; the bureau records a 旁听庭审 of 3 hours and a 法治讲座 (not 旁听).
    const sfj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区司法局'`))[0].id;
    const admin = await buildStaff(t.kernel, { roles: ['lawStudyAdmin'], org: { id: sfj } as never });
    t.clock.set('2026-10-10T09:00:00+08:00');
    const la = await new Client(t.app).login(admin.username, admin.password);
    await post(la, '/api/law-study/officials/sync');
    const official = ((await la.get('/api/law-study/officials')).body as { id: string; name: string; orgId: string }[]).find((o) => o.name === '执法员旁听' && o.orgId === scj)!;
    const director = await at('2026-10-10', DIRECTOR_SCJ);
    await post(director, '/api/law-study/sessions', { kind: 'courtVisit', topic: '旁听行政诉讼庭审', laws: '中华人民共和国行政诉讼法', heldOn: '2026-10-09', minutes: 180, officialIds: [official.id], court: '三门峡市湖滨区人民法院', courtCaseNo: '（2026）豫1202行初88号' });
    await post(director, '/api/law-study/sessions', { kind: 'lecture', topic: '学习行政处罚法', laws: '中华人民共和国行政处罚法', heldOn: '2026-10-08', minutes: 60, officialIds: [official.id] });
    await post(director, '/api/credential-trainings', { title: '行政处罚法专题培训', type: 'public', heldOn: '2026-06-01', hours: 57, holderIds: [holder.id] });
    const legal = await at('2026-11-02', LEGAL_SFJ);
    const d = (await legal.get(`/api/credential-holders/${holder.id}`)).body;
    expect(d.hoursThisYear.byType.find((b: { type: string }) => b.type === 'trial')).toMatchObject({ hours: 3, fromLawStudy: 3, counts: true });
    expect(d.hoursThisYear).toMatchObject({ total: 60, counted: 60 });
    // Where law-study does not count court visits as study hours, none reach the review.
    await t.withSettings({ LAW_STUDY_COURT_VISIT_HOURS: 'false' }, async () => {
      const x = (await legal.get(`/api/credential-holders/${holder.id}`)).body;
      expect(x.hoursThisYear).toMatchObject({ total: 57, counted: 57 });
    });
    // The figure reads the same hours through law-study's public.ts: 57 ledger hours + 3 law-study hours = 60, complete.
    const figure = async () => (await legal.get(`/api/metrics/training.hoursCompletionRate?divisionCode=411202&orgId=${scj}&from=2026-01-01&to=2026-11-02`)).body as { numerator: number; denominator: number };
    const complete = async () => ((await legal.get(`/api/metrics/training.hoursCompletionRate/rows?divisionCode=411202&orgId=${scj}&from=2026-01-01&to=2026-11-02&pageSize=200`)).body.rows as { name: string }[]).map((r) => r.name);
    const withVisit = await figure();
    expect(await complete()).toContain('执法员旁听');
    await t.withSettings({ LAW_STUDY_COURT_VISIT_HOURS: 'false' }, async () => {
      expect(await figure()).toMatchObject({ numerator: withVisit.numerator - 1, denominator: withVisit.denominator });
      expect(await complete()).not.toContain('执法员旁听');
    });
    // Where 旁听庭审 does not count at all, law-study's court visits do not reach the figure either.
    await t.withSettings({ CREDENTIAL_TRIAL_COUNTS: 'false' }, async () => { expect(await complete()).not.toContain('执法员旁听'); });
    const review = await post(legal, `/api/credentials/${card.id}/review`, { year: 2026 });
    expect(review).toMatchObject({ passed: true, hours: 60 });
  });

  it('counts one 旁听庭审 entered in both law-study and the training ledger once, in the year’s hours and in the figure', async () => {
    const staff = await buildStaff(t.kernel, { roles: ['clerk'], org: { id: scj } as never, displayName: '执法员重录' });
    const { holder } = await issued('2026-02-03', { name: '执法员重录', staffUserId: staff.user.id });
    const sfj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区司法局'`))[0].id;
    const admin = await buildStaff(t.kernel, { roles: ['lawStudyAdmin'], org: { id: sfj } as never });
    t.clock.set('2026-10-10T09:00:00+08:00');
    const la = await new Client(t.app).login(admin.username, admin.password);
    await post(la, '/api/law-study/officials/sync');
    const official = ((await la.get('/api/law-study/officials')).body as { id: string; name: string; orgId: string }[]).find((o) => o.name === '执法员重录' && o.orgId === scj)!;
    const director = await at('2026-10-10', DIRECTOR_SCJ);
    // The same hearing in both places: law-study (3 h) and the ledger's 旁听庭审 of the same day (3 h).
    await post(director, '/api/law-study/sessions', { kind: 'courtVisit', topic: '旁听行政诉讼庭审', laws: '中华人民共和国行政诉讼法', heldOn: '2026-10-09', minutes: 180, officialIds: [official.id], court: '三门峡市湖滨区人民法院', courtCaseNo: '（2026）豫1202行初89号' });
    await post(director, '/api/credential-trainings', { title: '旁听（2026）豫1202行初89号庭审', type: 'trial', heldOn: '2026-10-09', hours: 3, holderIds: [holder.id] });
    await post(director, '/api/credential-trainings', { title: '执法技能培训', type: 'skills', heldOn: '2026-06-01', hours: 54, holderIds: [holder.id] });
    const legal = await at('2026-11-02', LEGAL_SFJ);
    const d = (await legal.get(`/api/credential-holders/${holder.id}`)).body;
    // 54 + 3, not 54 + 3 + 3: short of 60.
    expect(d.hoursThisYear.byType.find((b: { type: string }) => b.type === 'trial')).toMatchObject({ hours: 3, fromLawStudy: 0 });
    expect(d.hoursThisYear).toMatchObject({ total: 57, counted: 57 });
    const complete = async () => ((await legal.get(`/api/metrics/training.hoursCompletionRate/rows?divisionCode=411202&orgId=${scj}&from=2026-01-01&to=2026-11-02&pageSize=200`)).body.rows as { name: string }[]).map((r) => r.name);
    expect(await complete()).not.toContain('执法员重录');
    // A second hearing on another day, recorded in law-study only, adds its 3 hours: 60, complete.
    const director2 = await at('2026-10-16', DIRECTOR_SCJ);
    await post(director2, '/api/law-study/sessions', { kind: 'courtVisit', topic: '旁听行政诉讼庭审', laws: '中华人民共和国行政诉讼法', heldOn: '2026-10-16', minutes: 180, officialIds: [official.id], court: '三门峡市湖滨区人民法院', courtCaseNo: '（2026）豫1202行初95号' });
    // Entered twice in law-study itself: refused in Chinese, nothing written.
    const again = await director2.post('/api/law-study/sessions', { kind: 'courtVisit', topic: '旁听庭审（重复）', laws: '中华人民共和国行政诉讼法', heldOn: '2026-10-16', minutes: 200, officialIds: [official.id], court: '三门峡市湖滨区人民法院', courtCaseNo: '（2026）豫1202行初95号' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('同一次庭审不能重复登记');
    const legal2 = await at('2026-11-02', LEGAL_SFJ);
    const e = (await legal2.get(`/api/credential-holders/${holder.id}`)).body;
    expect(e.hoursThisYear.byType.find((b: { type: string }) => b.type === 'trial')).toMatchObject({ hours: 6, fromLawStudy: 3 });
    expect(e.hoursThisYear).toMatchObject({ total: 60, counted: 60 });
    expect(((await legal2.get(`/api/metrics/training.hoursCompletionRate/rows?divisionCode=411202&orgId=${scj}&from=2026-01-01&to=2026-11-02&pageSize=200`)).body.rows as { name: string }[]).map((r) => r.name)).toContain('执法员重录');
  });

  it('cancels every card of a holder who leaves, and keeps other orgs out', async () => {
    const { holder, card } = await issued('2026-03-03');
    const other = await at('2026-09-01', CLERK_RSJ);
    expect((await other.get(`/api/credential-holders/${holder.id}`)).status).toBe(404);
    expect((await other.post(`/api/credential-holders/${holder.id}/leave`, { reason: '调离', leftOn: '2026-09-01' })).status).toBe(404);
    const director = await t.staff(DIRECTOR_SCJ);
    const d = await post(director, `/api/credential-holders/${holder.id}/leave`, { reason: '调任区政府办公室', leftOn: '2026-08-31' });
    expect(d.status).toBe('left');
    expect(d.cards[0]).toMatchObject({ statusName: '已注销', cancelledOn: '2026-08-31' });
    expect((await t.kernel.db.tx((tx) => credentialsValidOn(tx, [card.number], '2026-08-31')))[0].valid).toBe(false);
    expect((await t.kernel.db.tx((tx) => credentialsValidOn(tx, [card.number], '2026-08-30')))[0].valid).toBe(true);
  });
});

describe('行政执法证件 expiry', () => {
  it('reminds the org once per offset before a card ends, and renews it: the new card starts the day after the old one ends', async () => {
    const { holder, card } = await issued('2026-01-05');
    // The card ends in 20 days (the register's validity is years; the test moves its end date).
    await t.kernel.db.query(`UPDATE credentials SET valid_to = '2026-11-22' WHERE id = $1`, [card.id]);
    t.clock.set('2026-11-02T09:00:00+08:00');
    const director = await t.staff(DIRECTOR_SCJ);
    const before = (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE body LIKE $1`, [`%${card.number}%`]))[0].n;
    await runCredentialReminders(t.kernel);
    await runCredentialReminders(t.kernel); // idempotent: the same offset is not sent twice
    const sent = await t.kernel.db.query<{ offset_days: number; notified: number }>(`SELECT offset_days, notified FROM credential_reminders WHERE credential_id = $1`, [card.id]);
    expect(sent).toEqual([{ offset_days: 30, notified: expect.any(Number) }]);
    expect(sent[0].notified).toBeGreaterThan(0);
    const after = (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE body LIKE $1`, [`%${card.number}%`]))[0].n;
    expect(after - before).toBe(sent[0].notified);
    const app = await post(director, '/api/credential-applications', { holderId: holder.id, kind: 'enforcement' });
    await post(await t.staff(LEGAL_SFJ), `/api/credential-applications/${app.id}/issue`);
    const d = (await director.get(`/api/credential-holders/${holder.id}`)).body;
    const fresh = d.cards.find((c: { id: string }) => c.id !== card.id);
    expect(fresh).toMatchObject({ issuedOn: '2026-11-23', validTo: '2031-11-22' });
    expect(d.cards.find((c: { id: string }) => c.id === card.id).statusName).toBe('有效'); // still valid until it ends
    expect((await t.kernel.db.tx((tx) => credentialsValidOn(tx, [holder.id], '2026-12-01')))[0]).toMatchObject({ valid: true, credentialNo: fresh.number });
  });
});

describe('行政执法证件 figures', () => {
  it('counts issued, supervision, cancelled, held, reviewed and hours-complete on factory data, and opens the cards counted', async () => {
    const org = await buildOrg(t.kernel, { name: '测试执法局' });
    const boss = await buildStaff(t.kernel, { roles: ['director'], org });
    const as = async (on: string, c: 'org' | 'sfj') => { t.clock.set(`${on}T09:00:00+08:00`); return c === 'org' ? new Client(t.app).login(boss.username, boss.password) : t.staff(LEGAL_SFJ); };
    const make = async (name: string, kind: 'enforcement' | 'supervision') => {
      const c = await as('2025-03-03', 'org');
      const h = await post(c, '/api/credential-holders', person({ name, orgId: org.id }));
      for (const subject of ['public', 'professional']) await post(c, `/api/credential-holders/${h.id}/exams`, { subject, score: 80, takenOn: '2025-03-01' });
      const a = await post(c, '/api/credential-applications', { holderId: h.id, kind });
      await post(await as('2025-03-03', 'sfj'), `/api/credential-applications/${a.id}/issue`);
      return (await (await as('2025-03-03', 'org')).get(`/api/credential-holders/${h.id}`)).body;
    };
    const [a, b, c, d] = [await make('甲一', 'enforcement'), await make('乙二', 'enforcement'), await make('丙三', 'supervision'), await make('丁四', 'enforcement')];
    await post(await as('2025-06-02', 'sfj'), `/api/credentials/${b.cards[0].id}/cancel`, { reason: '违法执法' });
    const o = await as('2025-10-09', 'org');
    await post(o, '/api/credential-trainings', { title: '综合执法培训', type: 'skills', heldOn: '2025-10-09', hours: 30, holderIds: [a.id, d.id] });
    await post(o, '/api/credential-trainings', { title: '专业法律知识培训', type: 'professional', heldOn: '2025-10-09', hours: 30, holderIds: [a.id] });
    await post(await as('2025-12-01', 'sfj'), `/api/credentials/${a.cards[0].id}/review`, { year: 2025 });
    const sfj = await as('2025-12-31', 'sfj');
    const fig = async (key: string, from = '2025-01-01') => (await sfj.get(`/api/metrics/${key}?divisionCode=411202&orgId=${org.id}&from=${from}&to=2025-12-31`)).body;
    expect((await fig('credentials.issued')).numerator).toBe(3);
    expect((await fig('credentials.supervisionIssued')).numerator).toBe(1);
    expect((await fig('credentials.cancelled')).numerator).toBe(1);
    expect((await fig('credentials.held')).numerator).toBe(2);
    expect(await fig('credentials.reviewedRate', '2025-04-01')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(await fig('training.hoursCompletionRate')).toMatchObject({ numerator: 1, denominator: 2 });
    const rows = (await sfj.get(`/api/metrics/credentials.held/rows?divisionCode=411202&orgId=${org.id}&from=2025-01-01&to=2025-12-31`)).body;
    expect(rows.rows.map((r: Record<string, unknown>) => r.number).sort()).toEqual([a.cards[0].number, d.cards[0].number].sort());
    const ok = (await sfj.get(`/api/metrics/training.hoursCompletionRate/rows?divisionCode=411202&orgId=${org.id}&from=2025-01-01&to=2025-12-31`)).body;
    expect(ok.rows.map((r: Record<string, unknown>) => r.name)).toEqual(['甲一']);
    void c;
  });
});
