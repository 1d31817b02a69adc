import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../../../../tests/helpers/harness';
import { handedIn } from '../../../../tests/helpers/materials';
import { seedApplicationsDemo } from '../../applications/public';
import { addDays, diffDays } from '../../../core/shared/calendar';
import { demoCreditCode, demoResidentId, ensureLicenceTypes } from './licences.seed';
import { issue, runReminders } from './licences.service';
import * as repo from './licences.repository';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const REVIEWER_SCJ = { roles: ['reviewer'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };

let t: TestApp;
let food: { id: string };
let labour: { id: string };
let scj: Client;
let reviewer: Client;
let leader: Client;

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '50' } });
  await seedApplicationsDemo(t.kernel);
  await t.kernel.db.tx((tx) => ensureLicenceTypes(tx, t.kernel));
  food = (await t.anon().get('/api/public/service-items?q=食品经营许可')).body[0];
  labour = (await t.anon().get('/api/public/service-items?q=劳务派遣经营许可')).body[0];
  scj = await t.staff(CLERK_SCJ);
  reviewer = await t.staff(REVIEWER_SCJ);
  leader = await t.staff(LEADER);
});
afterAll(async () => { await t.close(); });

const walkIn = (seed: number, phone = `1380398${String(seed).padStart(4, '0')}`) => ({ kind: 'enterprise', name: `湖滨区测试${seed}餐饮有限公司`, idNumber: demoCreditCode(seed), phone });

/** A walk-in's food licence application taken through acceptance, approval and delivery. */
async function deliveredFood(seed: number) {
  const filed = await (await t.staff(CLERK_ZWZX)).post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id), applicant: walkIn(seed) });
  expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  await complete(filed.body.id);
  return filed.body.id as string;
}
async function complete(id: string) {
  expect((await scj.post(`/api/applications/${id}/accept`, {})).status).toBe(200);
  expect((await reviewer.post(`/api/applications/${id}/approve`, {})).status).toBe(200);
  const d = await scj.post(`/api/applications/${id}/deliver`, { method: '电子证照' });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
}
const licenceOfCase = (caseId: string) => t.kernel.db.tx((tx) => repo.bySourceCase(tx, caseId));
const sms = (phone: string) => t.kernel.db.query<{ body: string }>(`SELECT body FROM outbox WHERE channel = 'sms' AND address = $1 AND title = '证照到期提醒' ORDER BY created_at`, [phone]);
const at = (date: string) => t.clock.set(`${date}T09:00:00+08:00`);

describe('电子证照', () => {
  it('issues a licence in the transaction that delivers a licence-issuing application, and none for a denied one', async () => {
    t.clock.set('2026-11-02T09:00:00+08:00');
    const caseId = await deliveredFood(1);
    const l = await licenceOfCase(caseId);
    expect(l).toMatchObject({ holderKind: 'enterprise', holderName: '湖滨区测试1餐饮有限公司', validFrom: '2026-11-02', validTo: '2031-11-01', status: 'valid', source: 'application' });
    expect(l!.licenceNo).toMatch(/^JY4112022026\d{6}$/);
    expect(l!.holderIdMasked).toBe(`${demoCreditCode(1).slice(0, 6)}********${demoCreditCode(1).slice(-4)}`);
    expect(t.kernel.cipher.decrypt(l!.holderPhoneEnc!)).toBe('13803980001');

    // registry: the issuing org's staff see it with the source application; another org's staff do not
    const list = (await scj.get(`/api/licences?q=${l!.licenceNo}`)).body;
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ typeName: '食品经营许可证', statusName: '有效', orgName: '湖滨区市场监督管理局', sourceName: '办件办结发证' });
    const other = await t.staff(CLERK_RSJ);
    expect((await other.get(`/api/licences?q=${l!.licenceNo}`)).body.total).toBe(0);
    expect((await other.get(`/api/licences/${l!.id}`)).status).toBe(404);

    // denied: no licence
    const denied = (await (await t.staff(CLERK_ZWZX)).post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id), applicant: walkIn(2) })).body.id;
    await scj.post(`/api/applications/${denied}/accept`, {});
    expect((await reviewer.post(`/api/applications/${denied}/deny`, { reason: '经营场所不符合要求' })).status).toBe(200);
    expect(await licenceOfCase(denied)).toBeNull();
  });

  it('verifies on the public page by the QR token with the holder masked; an unknown token is not genuine; a revoked licence verifies as revoked', async () => {
    at('2026-11-02');
    const l = (await licenceOfCase(await deliveredFood(3)))!;
    const d = (await scj.get(`/api/licences/${l.id}`)).body;
    expect(d.verifyUrl).toMatch(new RegExp(`/public/licences/verify/${l.verifyToken}$`));
    expect(l.verifyToken.length).toBeGreaterThanOrEqual(32);
    const qr = await scj.get<string>(d.qrPath);
    expect(qr.status).toBe(200);
    expect(qr.body.slice(1, 4)).toBe('PNG');

    const v = await t.anon().get(`/api/public/licences/verify/${l.verifyToken}`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ genuine: true, valid: true, statusName: '有效', licenceNo: l.licenceNo, typeName: '食品经营许可证', orgName: '湖滨区市场监督管理局', validTo: '2031-11-01' });
    expect(JSON.stringify(v.body)).not.toContain(demoCreditCode(3));
    const bad = await t.anon().get(`/api/public/licences/verify/${'x'.repeat(32)}`);
    expect(bad.status).toBe(404);
    expect(bad.body.message).toContain('二维码无效');

    expect((await scj.post(`/api/licences/${l.id}/revoke`, { reason: '申请注销' })).status).toBe(404);
    const director = await t.staff(DIRECTOR_SCJ);
    expect((await director.post(`/api/licences/${l.id}/revoke`, { reason: '经营者申请注销' })).body.statusName).toBe('已注销');
    expect((await t.anon().get(`/api/public/licences/verify/${l.verifyToken}`)).body).toMatchObject({ genuine: true, valid: false, statusName: '已注销' });
  });

  it('shows a registered holder their licences, and anyone with the number and id last four can look one up', async () => {
    at('2026-11-02');
    const idNo = demoResidentId(31);
    expect((await t.anon().post('/api/auth/register', { kind: 'person', name: '证照持有人', idNumber: idNo, phone: '13703980031', password: 'Citizen#2026' })).status).toBe(200);
    const citizen = await t.anon().login(idNo, 'Citizen#2026');
    const online = (await citizen.post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id) })).body.id;
    // and one taken at the counter for the same person, without their account
    const counter = (await (await t.staff(CLERK_ZWZX)).post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id), applicant: { kind: 'person', name: '证照持有人', idNumber: idNo, phone: '13703980031' } })).body.id;
    await complete(online);
    await complete(counter);
    const mine = (await citizen.get('/api/licences/mine')).body as { licenceNo: string; verifyPath: string; statusName: string }[];
    const expected = [(await licenceOfCase(online))!.licenceNo, (await licenceOfCase(counter))!.licenceNo].sort();
    expect(mine.map((l) => l.licenceNo).sort()).toEqual(expected);
    expect(mine.every((l) => l.statusName === '有效' && l.verifyPath.startsWith('/public/licences/verify/'))).toBe(true);
    expect((await scj.get('/api/licences/mine')).status).toBe(403);
    const other = await t.anon().get(`/api/public/licences/lookup?licenceNo=${expected[0]}&idLast4=0000`);
    expect(other.status).toBe(404);
    const found = await t.anon().get(`/api/public/licences/lookup?licenceNo=${expected[0]}&idLast4=${idNo.slice(-4)}`);
    expect(found.body).toMatchObject({ genuine: true, valid: true, licenceNo: expected[0], holderName: '证****' });
  });

  it('offers a licence the applicant holds as a reusable material when they apply for another item', async () => {
    at('2026-11-02');
    const code = demoCreditCode(40);
    const type = (await t.kernel.db.tx((tx) => repo.typesFor(tx, '411202'))).find((x) => x.code === 'YYZZ')!;
    const org = (await t.kernel.db.query<{ org_id: string }>(`SELECT org_id FROM service_items WHERE code = 'SI-001'`))[0];
    const l = await t.kernel.db.tx((tx) => issue(tx, t.kernel, {
      type, orgId: org.org_id, divisionCode: '411202', validFrom: '2026-03-01', source: 'import', sourceCaseId: null,
      holder: { kind: 'enterprise', name: '湖滨区测试40餐饮有限公司', idNumber: code, idLast4: '', phoneEnc: null, userId: null },
    }));
    expect(l.validTo).toBeNull();
    const clerk = await t.staff(CLERK_ZWZX);
    const reusable = (await clerk.get(`/api/materials/reusable?itemId=${food.id}&idNumber=${code}`)).body as { name: string; records: { source: string; label: string }[] }[];
    const licence = reusable.find((m) => m.name.startsWith('营业执照'))!;
    expect(licence.records).toEqual([{ materialName: licence.name, source: '电子证照', ref: l.id, label: `营业执照（编号${l.licenceNo}，有效期至长期）` }]);
    // nobody else's licence is offered
    const otherReusable = (await clerk.get(`/api/materials/reusable?itemId=${food.id}&idNumber=${demoCreditCode(41)}`)).body as { records: unknown[] }[];
    expect(otherReusable.flatMap((m) => m.records)).toEqual([]);
  });

  it('refuses a reminder later than the legal renewal window, with the reason', async () => {
    const types = (await leader.get('/api/licences/types')).body as { id: string; code: string; effectiveOffsets: number[]; reminderOffsets: number[]; adjustments: { reason: string }[] }[];
    const foodType = types.find((x) => x.code === 'SPJY')!;
    // default 90/60/30/7: 7 days is after the 30-day window of 行政许可法 第50条, so it is not used
    expect(foodType.reminderOffsets).toEqual([90, 60, 30, 7]);
    expect(foodType.effectiveOffsets).toEqual([90, 60, 30]);
    expect(foodType.adjustments[0].reason).toContain('晚于法定续期申请期限');
    const bad = await leader.put(`/api/licences/types/${foodType.id}`, { validityMonths: 60, reminderOffsets: [60, 7], renewalLeadDays: 30, renewalBasis: null, autoRenewal: 'prefilled' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].message).toContain('到期前7天提醒晚于法定续期申请期限（有效期届满30日前须提出申请）');
    expect((await scj.put(`/api/licences/types/${foodType.id}`, { validityMonths: 60, reminderOffsets: [90, 60, 30], renewalLeadDays: 30, renewalBasis: null, autoRenewal: 'prefilled' })).status).toBe(404);
  });

  it('reminds once per offset however often the job runs, the most urgent offset only, clamped to the legal window', async () => {
    at('2026-11-02');
    // 公共场所卫生许可证 set to reminders only, with a legacy T-14 reminder stored before the window was enforced
    const type = (await leader.get('/api/licences/types')).body.find((x: { code: string }) => x.code === 'GGWS');
    expect((await leader.put(`/api/licences/types/${type.id}`, { validityMonths: 48, reminderOffsets: [60, 30], renewalLeadDays: 30, renewalBasis: null, autoRenewal: 'none' })).status).toBe(200);
    await t.kernel.db.query(`UPDATE licence_types SET reminder_offsets = '[60, 14]'::jsonb WHERE id = $1`, [type.id]);
    const org = (await t.kernel.db.query<{ id: string }>(`SELECT org_id AS id FROM service_items WHERE code = 'SI-037'`))[0];
    const phone = '13803989901';
    const l = await t.kernel.db.tx(async (tx) => issue(tx, t.kernel, {
      type: (await repo.getType(tx, type.id))!, orgId: org.id, divisionCode: '411202', validFrom: '2023-02-15', source: 'import', sourceCaseId: null,
      holder: { kind: 'enterprise', name: '湖滨区测试宾馆有限公司', idNumber: demoCreditCode(90), idLast4: '', phoneEnc: t.kernel.cipher.encrypt(phone), userId: null },
    }));
    expect(l.validTo).toBe('2027-02-14');

    at(addDays(l.validTo!, -61));
    await runReminders(t.kernel);
    expect(await sms(phone)).toHaveLength(0);
    // first seen at T-45: only the T-60 reminder is due
    at(addDays(l.validTo!, -45));
    await runReminders(t.kernel);
    await runReminders(t.kernel);
    const first = await sms(phone);
    expect(first).toHaveLength(1);
    expect(first[0].body).toContain(`将于${l.validTo}到期，距到期还有45天。依法须在有效期届满30日前提出延续申请`);
    // T-14 is moved to T-30, the last day to apply
    at(addDays(l.validTo!, -20));
    await runReminders(t.kernel);
    await runReminders(t.kernel);
    at(addDays(l.validTo!, -10));
    await runReminders(t.kernel);
    expect(await sms(phone)).toHaveLength(2);
    // sessions expire while the clock moves on: log in again
    const d = (await (await t.staff(LEADER)).get(`/api/licences/${l.id}`)).body;
    expect(d.reminders.map((r: { offsetDays: number; configuredOffset: number | null }) => [r.offsetDays, r.configuredOffset])).toEqual([[60, null], [30, 14]]);
    expect(d.reminders[1].note).toContain('原设置到期前14天提醒，晚于法定续期申请期限（届满30日前），已提前至到期前30天');
    expect(d.reminders.every((r: { smsSent: boolean }) => r.smsSent)).toBe(true);
    expect(d.nextReminder).toBeNull();
    // the issuing org's staff got a 工作台 notice per reminder
    const notices = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE channel = 'inapp' AND link = $1`, [`/licences/${l.id}`]);
    expect(Number(notices[0].n)).toBe(d.reminders[0].orgNotified + d.reminders[1].orgNotified);
  });

  it('无感续证: the reminder files a pre-filled renewal; when it is delivered the old licence is 已续期 and the new one continues the validity', async () => {
    at('2026-11-02');
    scj = await t.staff(CLERK_SCJ);
    reviewer = await t.staff(REVIEWER_SCJ);
    const caseId = await deliveredFood(5);
    const old = (await licenceOfCase(caseId))!;
    at(addDays(old.validTo!, -60));
    const run = await runReminders(t.kernel);
    expect(run.renewalsFiled).toBeGreaterThanOrEqual(1);
    const after = (await t.kernel.db.tx((tx) => repo.get(tx, old.id)))!;
    expect(after.renewalCaseId).not.toBeNull();
    scj = await t.staff(CLERK_SCJ);
    reviewer = await t.staff(REVIEWER_SCJ);
    const renewal = (await scj.get(`/api/cases/${after.renewalCaseId}`)).body;
    expect(renewal.state).toBe('submitted');
    const msg = await sms('13803980005');
    expect(msg).toHaveLength(1);
    expect(msg[0].body).toContain('已为您生成预填的续证申请');
    // a second run neither reminds again nor files a second renewal
    await runReminders(t.kernel);
    expect(await sms('13803980005')).toHaveLength(1);
    const filedFor = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE idempotency_key = $1`, [`renew:${old.id}`]);
    expect(Number(filedFor[0].n)).toBe(1);

    await complete(after.renewalCaseId!);
    const d = (await scj.get(`/api/licences/${old.id}`)).body;
    expect(d.statusName).toBe('已续期');
    const next = (await licenceOfCase(after.renewalCaseId!))!;
    expect(d.nextLicenceNo).toBe(next.licenceNo);
    expect(next).toMatchObject({ source: 'renewal', previousLicenceId: old.id, validFrom: addDays(old.validTo!, 1), holderName: old.holderName, status: 'valid' });
    expect(diffDays(next.validFrom, next.validTo!)).toBeGreaterThan(365 * 5 - 2);
    // the renewed licence gets no further reminders
    at(addDays(old.validTo!, -20));
    await runReminders(t.kernel);
    expect(await sms('13803980005')).toHaveLength(1);
  });

  it('renews directly for a type whose rules allow automatic renewal, and records it', async () => {
    at('2026-11-02');
    const type = (await t.kernel.db.tx((tx) => repo.typesFor(tx, '411202'))).find((x) => x.code === 'CYZG')!;
    expect(type.autoRenewal).toBe('automatic');
    const org = (await t.kernel.db.query<{ org_id: string }>(`SELECT org_id FROM service_items WHERE code = 'SI-070'`))[0];
    const l = await t.kernel.db.tx((tx) => issue(tx, t.kernel, {
      type, orgId: org.org_id, divisionCode: '411202', validFrom: '2021-01-10', source: 'import', sourceCaseId: null,
      holder: { kind: 'person', name: '测试司机', idNumber: demoResidentId(7), idLast4: '', phoneEnc: t.kernel.cipher.encrypt('13803989907'), userId: null },
    }));
    at(addDays(l.validTo!, -80));
    const run = await runReminders(t.kernel);
    expect(run.renewed).toBeGreaterThanOrEqual(1);
    const d = (await (await t.staff(LEADER)).get(`/api/licences/${l.id}`)).body;
    expect(d.statusName).toBe('已续期');
    expect(d.reminders[0]).toMatchObject({ offsetDays: 90, actionName: '提醒并自动续期' });
    const next = (await t.kernel.db.query<{ valid_from: string; source: string }>(`SELECT valid_from::text, source FROM licences WHERE previous_licence_id = $1`, [l.id]))[0];
    expect(next).toEqual({ valid_from: addDays(l.validTo!, 1), source: 'automatic' });
    expect((await sms('13803989907'))[0].body).toContain('已按规则为您自动续期');
  });

  it('metrics match the records they count', async () => {
    at('2026-11-02');
    leader = await t.staff(LEADER);
    const all = await t.kernel.db.query<{ source: string; valid_from: string; valid_to: string | null; status: string; issued: string; reminded: boolean }>(`SELECT l.source, l.valid_from::text, l.valid_to::text, l.status,
      to_char(l.issued_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS issued,
      EXISTS (SELECT 1 FROM licence_reminders r WHERE r.licence_id = l.id AND to_char(r.sent_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') = '2026') AS reminded FROM licences l`);
    const q = 'from=2026-01-01&to=2026-12-31&divisionCode=411202';
    const metric = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body;
    const issued = await metric('licences.issued');
    expect(issued.numerator).toBe(all.filter((l) => l.source !== 'import' && l.issued.startsWith('2026')).length);
    expect(issued.numerator).toBeGreaterThan(0);
    expect((await metric('licences.renewed')).numerator).toBe(all.filter((l) => ['renewal', 'automatic'].includes(l.source) && l.issued.startsWith('2026')).length);
    expect((await metric('licences.reminded')).numerator).toBe(all.filter((l) => l.reminded).length);
    expect(all.some((l) => l.reminded)).toBe(true);
    const expiring = all.filter((l) => l.status === 'valid' && l.valid_from <= '2026-12-31' && l.issued <= '2026-12-31' && l.valid_to && l.valid_to > '2026-12-31' && l.valid_to <= addDays('2026-12-31', 90)).length;
    expect((await metric('licences.expiring')).numerator).toBe(expiring);
    // each figure opens the licences it counts, from the registry: renewed automatically or imported too
    for (const key of ['licences.issued', 'licences.renewed', 'licences.reminded', 'licences.expiring']) {
      const rows = (await leader.get(`/api/metrics/${key}/rows?${q}&which=numerator&pageSize=100`)).body;
      expect(rows.total, key).toBe((await metric(key)).numerator);
    }
    const issuedRows = (await leader.get(`/api/metrics/licences.issued/rows?${q}&which=numerator&pageSize=100`)).body;
    expect(issuedRows.columns.map((c: { label: string }) => c.label)).toEqual(['证照编号', '证照类型', '持证主体', '证件号码', '发证机关', '有效期起', '有效期至', '来源', '状态']);
    expect(issuedRows.rows.some((r: { source: string }) => r.source === '到期自动续期')).toBe(all.some((l) => l.source === 'automatic' && l.issued.startsWith('2026')));
    expect(issuedRows.rows.every((r: { source: string }) => r.source !== '存量证照导入')).toBe(true);
  });
});
