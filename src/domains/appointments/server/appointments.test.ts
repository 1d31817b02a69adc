/**
 * 预约 through HTTP on a real database (moved from the catalog's test with the split): booking under a
 * race for the last place, home visits, the counter's day, and the metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../tests/helpers/harness';
import { verifyAudit } from '../../../core/server';
import { seedCatalogDemo } from '../../catalog/public';
import { seedAppointmentsDemo } from './appointments.seed';

const SECADMIN = { roles: ['secadmin'], org: '湖滨区行政审批和政务信息管理局' };
const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };
const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

let t: TestApp;
let rsjClerk: Client; let hall: Client; let leader: Client;
let hallOrg: string;

beforeAll(async () => {
  t = await startTestApp();
  await seedCatalogDemo(t.kernel);
  await seedAppointmentsDemo(t.kernel);
  const sec = await t.staff(SECADMIN);
  const orgs = (await sec.get('/api/admin/orgs')).body as { id: string; name: string }[];
  hallOrg = orgs.find((o) => o.name === '湖滨区政务服务中心')!.id;
  rsjClerk = await t.staff(CLERK_RSJ); hall = await t.staff(CLERK_ZWZX); leader = await t.staff(LEADER);
});
afterAll(async () => { await t?.close(); });

const metric = async (key: string, extra: Record<string, string> = {}) =>
  (await leader.get(`/api/metrics/${key}?${new URLSearchParams({ from: '2026-01-01', to: '2026-12-31', divisionCode: '411202', ...extra })}`)).body;


describe('appointments', () => {
  // A day well beyond the demo's slots, different per run (PostgreSQL keeps earlier runs' rows).
  const day = (() => { const d = new Date(Date.UTC(2027, 0, 1) + (Date.now() % 300) * 86400_000); return d.toISOString().slice(0, 10); })();
  const minute = String(Date.now() % 60).padStart(2, '0');
  const person = (idNumber: string, name: string) => ({ name, idNumber, phone: '13900001234' });

  it('books the last place once: the other of two simultaneous bookings gets a clear 409', async () => {
    const before = await metric('services.appointments', { from: day, to: day, orgId: hallOrg });
    const slot = await hall.post('/api/appointment-slots', { orgId: hallOrg, day, startTime: `12:${minute}`, endTime: '13:00', kind: 'extendedHours', capacity: 1 });
    expect(slot.status, JSON.stringify(slot.body)).toBe(200);
    expect(slot.body).toMatchObject({ kindName: '延时服务', remaining: 1 });
    expect((await rsjClerk.post('/api/appointment-slots', { orgId: hallOrg, day, startTime: '08:00', endTime: '09:00', capacity: 1 })).status).toBe(403);
    const [a, b] = await Promise.all([
      t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲') }),
      t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('34052419800101001X', '乙') }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body.message).toBe('该时段已约满，请选择其他时段');
    const won = a.status === 200 ? a : b;
    expect(won.body).toMatchObject({ statusName: '已预约', kindName: '延时服务', phone: '*******1234' });
    const slots = (await t.anon().get(`/api/public/appointment-slots?orgId=${hallOrg}&day=${day}`)).body.slots;
    expect(slots.find((s: { id: string }) => s.id === slot.body.id).remaining).toBe(0);
    // cancelling gives the place back; the same person cannot hold it twice
    expect((await t.anon().post(`/api/public/appointments/${won.body.code}/cancel`, { phoneLast4: '0000' })).status).toBe(404);
    expect((await t.anon().post(`/api/public/appointments/${won.body.code}/cancel`, { phoneLast4: '1234' })).body.statusName).toBe('已取消');
    const again = await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('34052419800101001X', '乙') });
    expect(again.status).toBe(200);
    expect((await metric('services.appointments', { from: day, to: day, orgId: hallOrg })).numerator).toBe(before.numerator + 1);
    expect((await metric('services.extendedHours', { from: day, to: day, orgId: hallOrg })).numerator).toBeGreaterThanOrEqual(1);
  });

  it('records home visits with an address, and shows the counter its day', async () => {
    const slot = await hall.post('/api/appointment-slots', { orgId: hallOrg, day, startTime: `14:${minute}`, endTime: '17:00', kind: 'homeVisit', capacity: 2 });
    expect(slot.status).toBe(200);
    const noAddr = await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲') });
    expect(noAddr.status).toBe(400);
    expect(noAddr.body.message).toMatch(/上门服务须填写上门地址/);
    const ok = await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲'), address: '湖滨区黄河路1号' });
    expect(ok.status).toBe(200);
    expect((await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲'), address: '湖滨区黄河路1号' })).status).toBe(409);
    const list = (await hall.get(`/api/appointments?day=${day}`)).body as { id: string; kindName: string; address: string | null }[];
    expect(list.find((x) => x.id === ok.body.id)).toMatchObject({ kindName: '上门服务', address: '湖滨区黄河路1号' });
    expect((await hall.post(`/api/appointments/${ok.body.id}/arrive`, {})).body.statusName).toBe('已到场');
    expect((await hall.post(`/api/appointments/${ok.body.id}/arrive`, {})).status).toBe(409);
    expect((await rsjClerk.get(`/api/appointments?day=${day}`)).body.some((x: { id: string }) => x.id === ok.body.id)).toBe(false);
  });

  it('counts the demo year\'s bookings from the records', async () => {
    const all = await metric('services.appointments');
    const ext = await metric('services.extendedHours');
    const home = await metric('services.homeVisits');
    expect(all.numerator).toBeGreaterThan(0);
    expect(ext.numerator + home.numerator).toBeLessThan(all.numerator);
    const [{ n }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE division_code LIKE '411202%' AND day BETWEEN '2026-01-01' AND '2026-12-31' AND status <> 'cancelled'`);
    expect(all.numerator).toBe(Number(n));
    // each figure opens exactly the bookings it counts, the person masked
    for (const [key, m] of [['services.appointments', all], ['services.homeVisits', home]] as const) {
      const rows = (await leader.get(`/api/metrics/${key}/rows?${new URLSearchParams({ from: '2026-01-01', to: '2026-12-31', divisionCode: '411202', which: 'numerator', pageSize: '50' })}`)).body;
      expect(rows.total, key).toBe(m.numerator);
      expect(rows.rows.every((r: { person: string; phone: string }) => /^.＊+$/.test(r.person) && /^\d{4}$/.test(r.phone)), key).toBe(true);
    }
    const homeRows = (await leader.get(`/api/metrics/services.homeVisits/rows?${new URLSearchParams({ from: '2026-01-01', to: '2026-12-31', divisionCode: '411202', which: 'numerator' })}`)).body;
    expect(new Set(homeRows.rows.map((r: { kind: string }) => r.kind))).toEqual(new Set(['上门服务']));
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.kernel.db)).ok).toBe(true);
  });
});
