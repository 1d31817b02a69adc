/**
 * Due dates past the published calendar (kernel step, part 10): a provisional 预计 date on weekends
 * alone, overdue on it without a deemed outcome, re-derived when the year is published; the calendar
 * administrators warned from 1 November; and the 2019 notice's days in December 2018 known.
 * Its own database: it publishes 2027, which the other kernel files assume unpublished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness';
import { scanClocks } from '../../src/core/server/cases/clock.jobs';
import { deliverPending } from '../../src/core/server/outbox';
import { warnMissingYear } from '../../src/core/server/calendar.jobs';

const ADMIN = { roles: ['sysadmin'], org: '湖滨区行政审批和政务信息管理局' };
const CLERK_MZJ = { roles: ['clerk', 'reviewer'], org: '湖滨区民政局' };

let t: TestApp;
let mzj: string; // 区民政局: its permits are deemed accepted when the acceptance clock runs out
beforeAll(async () => {
  t = await startTestApp();
  const orgs = (await (await t.staff(ADMIN)).get('/api/admin/orgs')).body as { id: string; name: string }[];
  mzj = orgs.find((o) => o.name === '湖滨区民政局')!.id;
});
afterAll(async () => { await t.close(); });

const drain = async () => { while ((await deliverPending(t.kernel)) > 0) { /* next batch */ } };
const TITLE_2027 = '【节假日安排】2027年节假日安排尚未发布';

describe('the first notice starts before 1 January', () => {
  it('knows 2018-12-29 (worked) and 2018-12-30/31 (off) from the 2019 notice, and nothing earlier', async () => {
    const admin = await t.staff(ADMIN);
    expect((await admin.get('/api/calendar/due?start=2018-12-29&days=1')).body.dueDate).toBe('2019-01-02');
    expect((await admin.get('/api/calendar/due?start=2018-12-28&days=1')).body.code).toBe('CALENDAR_OUT_OF_RANGE');
    const y2019 = (await admin.get('/api/calendar/years/2019')).body;
    expect(y2019.days.slice(0, 3)).toEqual([
      { date: '2018-12-29', kind: 'workday', name: '元旦' }, { date: '2018-12-30', kind: 'holiday', name: '元旦' }, { date: '2018-12-31', kind: 'holiday', name: '元旦' },
    ]);
  });
});

describe('calendar administrators are told next year is missing', () => {
  it('from 1 November, once a day at most, in the inbox of those who manage the calendar', async () => {
    t.clock.set('2026-10-31T09:00:00+08:00');
    expect(await warnMissingYear(t.kernel)).toBe(0); // October: the notice may still come
    t.clock.set('2026-11-01T09:00:00+08:00');
    expect(await warnMissingYear(t.kernel)).toBeGreaterThanOrEqual(1);
    t.clock.set('2026-11-01T20:00:00+08:00');
    expect(await warnMissingYear(t.kernel)).toBe(0); // the same day: deduplicated
    await drain();
    const inbox = (await (await t.staff(ADMIN)).get('/api/inbox')).body as { title: string; body: string }[];
    const mine = inbox.filter((m) => m.title === TITLE_2027);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain('按周末推算到期日并标注“预计”');
    // A clerk (no calendar.manage) is not told.
    expect(((await (await t.staff(CLERK_MZJ)).get('/api/inbox')).body as { title: string }[]).some((m) => m.title === TITLE_2027)).toBe(false);
    t.clock.set('2026-11-02T10:00:00+08:00');
    expect(await warnMissingYear(t.kernel)).toBeGreaterThanOrEqual(1); // the next day, again
  });
});

describe('a due date past the published calendar', () => {
  it('is provisional (预计), goes overdue on it without 视为受理, and is re-derived when 2027 is published', async () => {
    t.clock.set('2026-12-28T09:00:00+08:00'); // Monday
    let clerk = await t.staff(CLERK_MZJ);
    const filed = await clerk.post('/api/permits', { title: '跨年救助', orgId: mzj });
    expect(filed.status).toBe(200);
    const id = filed.body.id as string;
    // 12-29, 12-30, 12-31, then Friday 2027-01-01 and Monday 01-04 on weekends alone.
    let d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.clocks[0]).toMatchObject({ name: 'acceptance', dueDate: '2027-01-04', provisional: true });
    expect(d.clocks[0].badge).toEqual({ label: '剩余5个工作日（预计）', level: 'normal', remainingWorkdays: 5, provisional: '预计：2027年节假日安排尚未发布，按周末推算' });
    expect(d.clocks[0].derivation).toContain('预计到期日2027-01-04');
    expect(d.clocks[0].derivation).toContain('2027年节假日安排尚未发布，按周末推算');
    const wb = (await clerk.get('/api/workbench?pageSize=100')).body;
    expect(wb.items.find((i: { id: string }) => i.id === id)).toMatchObject({ dueDate: '2027-01-04', badge: { label: '剩余5个工作日（预计）' } });

    // 2027-01-05: past the estimate. Overdue (timeline, inbox), but no deemed acceptance on a guess.
    t.clock.set('2027-01-05T09:00:00+08:00');
    expect((await scanClocks(t.kernel)).overdue).toBeGreaterThanOrEqual(1);
    clerk = await t.staff(CLERK_MZJ); // sessions idle out across the jump in time
    d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.state).toBe('submitted');
    expect(d.events.map((e: { eventName: string }) => e.eventName)).toEqual(['创建', '超期']);
    expect(d.events.at(-1).comment).toContain('预计到期日2027-01-04');
    expect(d.clocks[0].badge).toMatchObject({ label: '已超期1个工作日（预计）', level: 'overdue' });
    await drain();
    const inbox = (await clerk.get('/api/inbox')).body as { title: string; body: string }[];
    expect(inbox.find((m) => m.title === `【超期】${d.refNo}`)?.body).toContain('预计到期日2027-01-04');

    // 2027 is published: New Year's Day off. The confirmed date is 01-05, today: no longer overdue.
    const admin = await t.staff(ADMIN);
    expect((await admin.post('/api/admin/calendar/years/2027', { source: '国务院办公厅关于2027年部分节假日安排的通知' })).status).toBe(200);
    expect((await admin.put('/api/admin/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' })).status).toBe(200);
    expect((await admin.post('/api/admin/calendar/years/2027/publish')).status).toBe(200);
    expect((await scanClocks(t.kernel)).recomputed).toBeGreaterThanOrEqual(1);
    d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.clocks[0]).toMatchObject({ dueDate: '2027-01-05', provisional: false });
    expect(d.clocks[0].badge).toEqual({ label: '今日到期', level: 'today', remainingWorkdays: 0 });
    expect(d.clocks[0].derivation).toMatch(/；到期日2027-01-05（起算日不计入，不含法定节假日）。日历版本\d+。$/);
    const recomputed = d.events.at(-1);
    expect(recomputed).toMatchObject({ event: 'clock.recomputed', eventName: '到期日重新计算', actorName: '系统' });
    expect(recomputed.comment).toContain('原预计到期日2027-01-04，现到期日2027-01-05');
    expect(d.state).toBe('submitted');

    // The next day it is overdue on the confirmed date, and 视为受理 fires.
    t.clock.set('2027-01-06T09:00:00+08:00');
    await scanClocks(t.kernel);
    clerk = await t.staff(CLERK_MZJ);
    d = (await clerk.get(`/api/cases/${id}`)).body;
    expect(d.state).toBe('accepted');
    expect(d.events.map((e: { eventName: string }) => e.eventName)).toEqual(['创建', '超期', '到期日重新计算', '超期', '视为受理']);
    // 2027 is published now: at 2027-11-01 it is 2028 that is missing.
    t.clock.set('2027-11-01T09:00:00+08:00');
    expect(await warnMissingYear(t.kernel)).toBeGreaterThanOrEqual(1);
    await drain();
    expect(((await (await t.staff(ADMIN)).get('/api/inbox')).body as { title: string }[]).some((m) => m.title === '【节假日安排】2028年节假日安排尚未发布')).toBe(true);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('a case closed on an estimate', () => {
  it('is counted late or on time again when the year is published and its confirmed date differs', async () => {
    // 2027 is published by now (above); 2028 is not. Accepted Monday 2027-12-27: 20 working days run to
    // 2028-01-24 on weekends alone.
    t.clock.set('2027-12-27T09:00:00+08:00');
    let clerk = await t.staff(CLERK_MZJ);
    const id = (await clerk.post('/api/permits', { title: '跨年许可', orgId: mzj })).body.id as string;
    expect((await clerk.post(`/api/permits/${id}/accept`, {})).status).toBe(200);
    expect((await clerk.get(`/api/cases/${id}`)).body.clocks.find((c: { name: string }) => c.name === 'decision')).toMatchObject({ dueDate: '2028-01-24', provisional: true });
    // Decided a day after the estimate: late, as the rollup counts it on the closing day.
    t.clock.set('2028-01-25T10:00:00+08:00');
    clerk = await t.staff(CLERK_MZJ);
    expect((await clerk.post(`/api/permits/${id}/approve`, {})).status).toBe(200);
    const daily = async () => (await t.kernel.db.query<{ with_clock: number; on_time: number }>(
      `SELECT with_clock, on_time FROM case_daily WHERE type = 'permit' AND org_id = $1 AND day = '2028-01-25'`, [mzj]))[0];
    expect(await daily()).toMatchObject({ with_clock: 1, on_time: 0 });
    // 2028 published with 3 January off: the confirmed date is 01-25, the day it was decided, so on time.
    const admin = await t.staff(ADMIN);
    expect((await admin.post('/api/admin/calendar/years/2028', { source: '国务院办公厅关于2028年部分节假日安排的通知' })).status).toBe(200);
    expect((await admin.put('/api/admin/calendar/days/2028-01-03', { kind: 'holiday', name: '元旦' })).status).toBe(200);
    expect((await admin.post('/api/admin/calendar/years/2028/publish')).status).toBe(200);
    await scanClocks(t.kernel);
    expect((await clerk.get(`/api/cases/${id}`)).body.clocks.find((c: { name: string }) => c.name === 'decision')).toMatchObject({ dueDate: '2028-01-25', provisional: false });
    expect(await daily()).toMatchObject({ with_clock: 1, on_time: 1 });
    // A second scan changes nothing more.
    await scanClocks(t.kernel);
    expect(await daily()).toMatchObject({ with_clock: 1, on_time: 1 });
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('a pause that ends past the published calendar', () => {
  it('resumes (the pause is measured on weekends alone, 预计) and is measured again when the year is published', async () => {
    // 2028 is published by now (above); 2029 is not. 补正 asked on Wednesday 2028-12-27.
    t.clock.set('2028-12-27T09:00:00+08:00');
    let clerk = await t.staff(CLERK_MZJ);
    const id = (await clerk.post('/api/permits', { title: '跨年补正', orgId: mzj })).body.id as string;
    expect((await clerk.post(`/api/permits/${id}/requestCorrection`, { missing: '身份证复印件', comment: '一次性告知' })).status).toBe(200);
    // Corrected on Wednesday 2029-01-03, before the 2029 notice: the resumption must not fail.
    t.clock.set('2029-01-03T10:00:00+08:00');
    const { transition } = await import('../../src/core/server/cases/case.service');
    const { SYSTEM_ACTOR } = await import('../../src/core/server/actor');
    expect((await t.kernel.db.tx((tx) => transition(tx, t.kernel, SYSTEM_ACTOR, id, 'correct', {}))).state).toBe('submitted');
    clerk = await t.staff(CLERK_MZJ);
    let c = (await clerk.get(`/api/cases/${id}`)).body.clocks[0];
    // 12-28, 12-29, 01-01, 01-02, 01-03 on weekends alone.
    expect(c.pauses).toEqual([{ from: '2028-12-27', to: '2029-01-03', reason: '补正', days: 5 }]);
    expect(c.provisional).toBe(true);
    // 2029 published with New Year's Day off: the pause removed 4 working days, and the date is confirmed.
    const admin = await t.staff(ADMIN);
    expect((await admin.post('/api/admin/calendar/years/2029', { source: '国务院办公厅关于2029年部分节假日安排的通知' })).status).toBe(200);
    expect((await admin.put('/api/admin/calendar/days/2029-01-01', { kind: 'holiday', name: '元旦' })).status).toBe(200);
    expect((await admin.post('/api/admin/calendar/years/2029/publish')).status).toBe(200);
    await scanClocks(t.kernel);
    c = (await clerk.get(`/api/cases/${id}`)).body.clocks[0];
    expect(c.pauses).toEqual([{ from: '2028-12-27', to: '2029-01-03', reason: '补正', days: 4 }]);
    expect(c.provisional).toBe(false);
    expect(c.derivation).toContain('不计4个工作日');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});
