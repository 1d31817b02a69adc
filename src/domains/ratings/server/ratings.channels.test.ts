import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { handedIn } from '../../../../tests/helpers/materials';
import { deliverPending } from '../../../core/server';
import { seedApplicationsDemo } from '../../applications/public';
import { sendInvitations } from './ratings.service';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const REVIEWER_SCJ = { roles: ['reviewer'], org: '湖滨区市场监督管理局' };

/** A valid 18-digit resident id number (GB 11643 check digit), distinct per seed. */
function idNumber(seed: number) {
  const body = `41120219850101${String(seed).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

let t: TestApp;
let hall: { id: string; counters: { id: string; name: string }[] };
let food: { id: string };
const q = 'from=2026-11-01&to=2026-11-30';
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '50' } });
  await seedApplicationsDemo(t.kernel);
  food = (await t.anon().get('/api/public/service-items?q=食品经营许可')).body[0];
  const sites = (await (await t.staff(CLERK_ZWZX)).get('/api/ratings/sites')).body;
  hall = sites.find((s: { name: string }) => s.name === '湖滨区政务服务中心');
});
afterAll(async () => { await t.close(); });

/** A citizen files online and the department decides and delivers: a completed 一事一评 candidate. */
async function completedOnline(seed: number, phone: string) {
  const idNo = idNumber(seed);
  expect((await t.anon().post('/api/auth/register', { kind: 'person', name: `评价人${seed}`, idNumber: idNo, phone, password: 'Citizen#2026' })).status).toBe(200);
  const me = await t.anon().login(idNo, 'Citizen#2026');
  const { id } = (await me.post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id) })).body;
  const scj = await t.staff(CLERK_SCJ);
  expect((await scj.post(`/api/applications/${id}/accept`, {})).status).toBe(200);
  expect((await (await t.staff(REVIEWER_SCJ)).post(`/api/applications/${id}/approve`, {})).status).toBe(200);
  expect((await scj.post(`/api/applications/${id}/deliver`, { method: '电子证照' })).status).toBe(200);
  return { id, me, idNo };
}

describe('好差评 channels, sub-indicators and what a rating is tied to', () => {
  it('takes QR ratings of a site, a counter and a staff member with the counter sub-indicators, and refuses indicators of another channel', async () => {
    const counter = hall.counters[0];
    const info = (await t.anon().get(`/api/public/rating-targets/counter/${counter.id}`)).body;
    expect(info.indicators.map((i: { label: string }) => i.label)).toEqual(['服务效率', '服务水平', '服务态度']);
    expect((await t.anon().post(`/api/public/rating-targets/counter/${counter.id}`, { level: 5, scores: { attitude: 5, serviceLevel: 4 } })).body.bad).toBe(false);
    expect((await t.anon().post(`/api/public/rating-targets/site/${hall.id}`, { level: 4, scores: { serviceEfficiency: 3 } })).status).toBe(200);
    const wrong = await t.anon().post(`/api/public/rating-targets/site/${hall.id}`, { level: 4, scores: { usability: 3 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('平台操作性');
    const outOfRange = await t.anon().post(`/api/public/rating-targets/site/${hall.id}`, { level: 4, scores: { attitude: 9 } });
    expect(outOfRange.status).toBe(400);
    const clerk = await t.staffUser(CLERK_ZWZX);
    expect((await t.anon().get(`/api/public/rating-targets/staff/${clerk.id}`)).body).toMatchObject({ name: clerk.displayName, orgName: '湖滨区政务服务中心' });
    expect((await t.anon().post(`/api/public/rating-targets/staff/${clerk.id}`, { level: 5 })).status).toBe(200);
    // a department (not a service site) has no site QR code
    const [scj] = await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区市场监督管理局'`);
    expect((await t.anon().get(`/api/public/rating-targets/site/${scj.id}`)).status).toBe(404);
    const leader = await t.staff(LEADER);
    const byCounter = (await leader.get(`/api/ratings/breakdown?by=counter&${q}`)).body;
    expect(byCounter.find((r: { key: string }) => r.key === counter.id)).toMatchObject({ name: `湖滨区政务服务中心 · ${counter.name}`, total: 1, scores: { overall: 5, attitude: 5, serviceLevel: 4 } });
    const bySite = (await leader.get(`/api/ratings/breakdown?by=site&${q}`)).body;
    expect(bySite.find((r: { key: string }) => r.key === hall.id)).toMatchObject({ total: 3, satisfactionRate: 1 });
    const byStaff = (await leader.get(`/api/ratings/breakdown?by=staff&${q}`)).body;
    expect(byStaff).toEqual([expect.objectContaining({ name: clerk.displayName, total: 1 })]);
  });

  it('takes 一次一评 on the counter evaluator for that counter and the signed-in clerk, only at the clerk\'s own org', async () => {
    const counter = hall.counters[1];
    const clerk = await t.staff(CLERK_ZWZX);
    const r = await clerk.post('/api/ratings/evaluator', { counterId: counter.id, level: 3, scores: { attitude: 3 } });
    expect(r.status).toBe(200);
    const [row] = await t.kernel.db.query<{ channel: string; staff: string; site_id: string }>(`SELECT r.channel, u.display_name AS staff, r.site_id FROM ratings r JOIN users u ON u.id = r.staff_id WHERE r.id = $1`, [r.body.id]);
    expect(row).toEqual({ channel: 'counter', staff: (await t.staffUser(CLERK_ZWZX)).displayName, site_id: hall.id });
    expect((await (await t.staff(CLERK_SCJ)).post('/api/ratings/evaluator', { counterId: counter.id, level: 5 })).status).toBe(404);
    expect((await (await t.staff(LEADER)).post('/api/ratings/evaluator', { counterId: counter.id, level: 5 })).status).toBe(403);
  });

  it('invites by SMS 24 hours after completion; the link rates that case once, with the online sub-indicators', async () => {
    const { id, idNo } = await completedOnline(1, '13800002222');
    expect(await sendInvitations(t.kernel)).toBe(0); // not yet 24 hours
    t.clock.addDays(1.05);
    expect(await sendInvitations(t.kernel)).toBe(1);
    expect(await sendInvitations(t.kernel)).toBe(0); // invited once
    await deliverPending(t.kernel);
    const sms = readFileSync(join(t.kernel.config.dataDir, 'outbox', 'sms.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((m) => m.to === '13800002222');
    expect(sms).toHaveLength(1);
    const token = /\/public\/rate\/case\/([\w-]+)/.exec(sms[0].body)![1];
    const inv = (await t.anon().get(`/api/public/rating-invitations/${token}`)).body;
    expect(inv).toMatchObject({ orgName: '湖滨区市场监督管理局', rated: false });
    expect(inv.indicators.map((i: { label: string }) => i.label)).toEqual(['办事效率', '办事指南精确度', '办事便捷度', '平台操作性']);
    expect((await t.anon().post(`/api/public/rating-invitations/${token}`, { level: 5, scores: { attitude: 5 } })).status).toBe(400);
    expect((await t.anon().post(`/api/public/rating-invitations/${token}`, { level: 4, scores: { efficiency: 4, usability: 5 } })).status).toBe(200);
    const twice = await t.anon().post(`/api/public/rating-invitations/${token}`, { level: 5 });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该办件已评价过，每件只能评价一次');
    // the applicant signed in (a day later: a new session) cannot rate it again online either
    const me = await t.anon().login(idNo, 'Citizen#2026');
    expect((await me.post('/api/ratings', { caseId: id, level: 5 })).status).toBe(409);
    expect((await t.anon().get(`/api/public/rating-invitations/${token}`)).body.rated).toBe(true);
    expect((await t.anon().get(`/api/public/rating-invitations/${'x'.repeat(24)}`)).status).toBe(404);
    const [row] = await t.kernel.db.query<{ channel: string; item_id: string; real_name: boolean }>(`SELECT channel, item_id, real_name FROM ratings WHERE case_id = $1`, [id]);
    expect(row).toEqual({ channel: 'sms', item_id: food.id, real_name: true });
    const byItem = (await (await t.staff(LEADER)).get(`/api/ratings/breakdown?by=item&from=2026-11-01&to=2026-11-30`)).body;
    expect(byItem.find((r: { key: string }) => r.key === food.id)).toMatchObject({ total: 1, scores: { efficiency: 4, usability: 5 } });
  });

  it('keeps the rater hidden from the rated org: a 差评 of a case names no one, only its handler reads the phone, and that read is audited', async () => {
    const { id, me } = await completedOnline(2, '13800003333');
    const r = await me.post('/api/ratings', { caseId: id, level: 1, comment: '材料要求反复变' });
    expect(r.body.bad).toBe(true);
    const [{ fix_case_id: fix, ref_no: refNo }] = await t.kernel.db.query<{ fix_case_id: string; ref_no: string }>(`SELECT r.fix_case_id, c.ref_no FROM ratings r JOIN cases c ON c.id = r.case_id WHERE r.id = $1`, [r.body.id]);
    const scj = await t.staff(CLERK_SCJ);
    const d = (await scj.get(`/api/cases/${fix}`)).body;
    expect(d.orgName).toBe('湖滨区市场监督管理局');
    expect(d.applicantName).toBe('实名评价人');
    expect(JSON.stringify(d)).not.toContain(refNo);
    expect(JSON.stringify(d)).not.toContain('评价人2');
    expect(JSON.stringify(d)).not.toContain('13800003333');
    expect(d.fields).toContainEqual({ label: '评价渠道', value: '网上评价（一事一评）' });
    expect((await (await t.staff(LEADER)).get(`/api/complaint-fixes/${fix}/rater`)).status).toBe(403);
    expect((await (await t.staff(CLERK_ZWZX)).get(`/api/complaint-fixes/${fix}/rater`)).status).toBe(404);
    expect((await scj.get(`/api/complaint-fixes/${fix}/rater`)).body).toEqual({ phone: '13800003333' });
    const audit = await t.kernel.db.query<{ action: string; actor_name: string; entity_type: string }>(`SELECT action, actor_name, entity_type FROM audit_log WHERE action = 'pi.read' AND entity_type = 'rating'`);
    expect(audit).toEqual([{ action: 'pi.read', actor_name: (await t.staffUser(CLERK_SCJ)).displayName, entity_type: 'rating' }]);
    // an anonymous 差评 has no contact to show
    const anon = (await t.anon().post(`/api/public/rating-targets/site/${hall.id}`, { level: 2 })).body;
    const [{ fix_case_id: anonFix }] = await t.kernel.db.query<{ fix_case_id: string }>(`SELECT fix_case_id FROM ratings WHERE id = $1`, [anon.id]);
    expect((await (await t.staff(CLERK_ZWZX)).get(`/api/complaint-fixes/${anonFix}/rater`)).status).toBe(422);
  });

  it('computes 实名差评回访整改率 from the records: called back and closed, over real-name 差评 not voided', async () => {
    const leader = await t.staff(LEADER);
    const m = async () => (await leader.get(`/api/metrics/ratings.realNameFixRate?${q}`)).body;
    const before = await m();
    expect(before).toMatchObject({ numerator: 0, denominator: 1 }); // the real-name 差评 of the case above
    const [{ fix_case_id: fix }] = await t.kernel.db.query<{ fix_case_id: string }>(`SELECT fix_case_id FROM ratings WHERE real_name AND level <= 2 AND channel = 'online'`);
    const scj = await t.staff(CLERK_SCJ);
    expect((await scj.post(`/api/complaint-fixes/${fix}/contact`, { note: '已电话联系评价人核实' })).status).toBe(200);
    expect((await scj.post(`/api/complaint-fixes/${fix}/explain`, { note: '材料要求依据食品安全法规定，已解释并提供清单' })).status).toBe(200);
    expect(await m()).toMatchObject({ numerator: 0, denominator: 1 }); // reported, not yet accepted
    expect((await leader.post(`/api/complaint-fixes/${fix}/acceptFix`, { note: '已向评价人核实' })).status).toBe(200);
    expect(await m()).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    const recs = (await leader.get(`/api/metrics/ratings.realNameFixRate/records?${q}`)).body;
    expect(recs.items.map((c: { id: string }) => c.id)).toEqual([fix]);
    // the per-org breakdown through the metrics registry adds up to the figure
    const total = (await leader.get(`/api/metrics/ratings.total?${q}`)).body.value;
    const byOrg = (await leader.get(`/api/ratings/breakdown?by=org&${q}`)).body;
    expect(byOrg.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBe(total);
  });

  it('serves printable QR posters per site and counter: a real PNG and a real PDF, and a bare QR PNG', async () => {
    const clerk = await t.staff(CLERK_ZWZX);
    const qr = await t.app.inject({ method: 'GET', url: `/api/ratings/posters/counter/${hall.counters[0].id}/qr.png`, headers: { cookie: (clerk as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(qr.statusCode).toBe(200);
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/ratings/posters/site/${hall.id}/pdf`, headers: { cookie: (clerk as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('湖滨区政务服务中心好差评二维码海报.pdf');
    const png = await t.app.inject({ method: 'GET', url: `/api/ratings/posters/counter/${hall.counters[0].id}/png`, headers: { cookie: (clerk as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(png.statusCode).toBe(200);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(png.rawPayload.length).toBeGreaterThan(20_000);
    expect((await t.anon().get(`/api/ratings/posters/site/${hall.id}/pdf`)).status).toBe(401);
  }, 60_000);

  it('reaches a walk-in by the number the clerk typed at the counter: invitation SMS and a real-name rating', async () => {
    const walkIn = { kind: 'person', name: '窗口办事人', idNumber: idNumber(7), phone: '13800004444' };
    const { id } = (await (await t.staff(CLERK_ZWZX)).post('/api/applications', { itemId: food.id, materials: await handedIn(t, food.id), applicant: walkIn, counterId: hall.counters[0].id })).body;
    const scj = await t.staff(CLERK_SCJ);
    expect((await scj.post(`/api/applications/${id}/accept`, {})).status).toBe(200);
    expect((await (await t.staff(REVIEWER_SCJ)).post(`/api/applications/${id}/approve`, {})).status).toBe(200);
    expect((await scj.post(`/api/applications/${id}/deliver`, { method: '窗口领取' })).status).toBe(200);
    // stored encrypted, never in clear
    const [c] = await t.kernel.db.query<{ enc: string }>(`SELECT applicant_phone_enc AS enc FROM cases WHERE id = $1`, [id]);
    expect(c.enc).not.toContain('13800004444');
    expect(t.kernel.cipher.decrypt(c.enc)).toBe('13800004444');
    t.clock.addDays(1.05);
    expect(await sendInvitations(t.kernel)).toBeGreaterThanOrEqual(1);
    await deliverPending(t.kernel);
    const sms = readFileSync(join(t.kernel.config.dataDir, 'outbox', 'sms.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((m) => m.to === '13800004444');
    expect(sms).toHaveLength(1);
    const token = /\/public\/rate\/case\/([\w-]+)/.exec(sms[0].body)![1];
    expect((await t.anon().post(`/api/public/rating-invitations/${token}`, { level: 2, comment: '取证等了很久' })).status).toBe(200);
    const [row] = await t.kernel.db.query<{ channel: string; real_name: boolean; enc: string }>(`SELECT channel, real_name, rater_phone_enc AS enc FROM ratings WHERE case_id = $1`, [id]);
    expect({ channel: row.channel, realName: row.real_name, phone: t.kernel.cipher.decrypt(row.enc) }).toEqual({ channel: 'sms', realName: true, phone: '13800004444' });
  });
});
