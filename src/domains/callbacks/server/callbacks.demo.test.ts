import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { seedApplicationsDemo } from '../../applications/public';
import { seedRatingsDemo } from '../../ratings/public';
import { seedCallbacksDemo } from './callbacks.seed';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '3000', DEMO_RATINGS: '2500' } });
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel)); // the demo's accounts, as seedDemo makes them first
  await seedApplicationsDemo(t.kernel);
  await seedRatingsDemo(t.kernel);
  await seedCallbacksDemo(t.kernel);
}, 120_000);
afterAll(async () => { await t.close(); });

describe('demo year of ratings and callbacks', () => {
  it('rates at the requested scale through every channel, tied to sites, counters, clerks and items, with sub-indicators', async () => {
    const leader = await t.as('leader');
    const year = `from=${twelveMonthsBefore(t.kernel.today())}&to=${t.kernel.today()}` // the demo fills the last twelve months;
    const total = (await leader.get(`/api/metrics/ratings.total?${year}`)).body.value;
    expect(total).toBe(2500 + 3); // the generated year plus the three 差评 filed through the real path
    const byChannel = (await leader.get(`/api/ratings/breakdown?by=channel&${year}`)).body;
    expect(byChannel.map((r: { key: string }) => r.key).sort()).toEqual(['counter', 'online', 'qr', 'sms']);
    const bySite = (await leader.get(`/api/ratings/breakdown?by=site&${year}`)).body;
    expect(bySite.length).toBe(11); // the hall and the ten township centres
    const byStaff = (await leader.get(`/api/ratings/breakdown?by=staff&${year}`)).body;
    expect(byStaff.map((r: { name: string }) => r.name).sort()).toEqual(['李娜', '马红']);
    const byItem = (await leader.get(`/api/ratings/breakdown?by=item&${year}`)).body;
    expect(byItem.length).toBeGreaterThan(20);
    const online = byChannel.find((r: { key: string }) => r.key === 'online');
    expect(Object.keys(online.scores).sort()).toEqual(['convenience', 'efficiency', 'guideAccuracy', 'overall', 'usability']);
    const sat = (await leader.get(`/api/metrics/ratings.satisfactionRate?${year}`)).body;
    // the year's 差评 (about one in a thousand, each with its 整改 case) and the three filed through the real path
    const [{ bad, fixed }] = await t.kernel.db.query<{ bad: number; fixed: number }>(`SELECT count(*)::int AS bad, count(fix_case_id)::int AS fixed FROM ratings WHERE level <= 2`);
    expect(bad).toBeGreaterThanOrEqual(3);
    expect(fixed).toBe(bad);
    expect(sat.numerator).toBe(total - bad);
    const [{ future }] = await t.kernel.db.query<{ future: number }>(`SELECT count(*)::int AS future FROM ratings WHERE created_at > $1`, [t.kernel.now().toISOString()]);
    expect(future).toBe(0);
  });

  it('calls back a sample of completed applications, about 96% reached, the figures from the records', async () => {
    const leader = await t.as('leader');
    const year = `from=${twelveMonthsBefore(t.kernel.today())}&to=${t.kernel.today()}` // the demo fills the last twelve months;
    const rate = (await leader.get(`/api/metrics/callbacks.rate?${year}&caseType=application`)).body;
    const [{ completed }] = await t.kernel.db.query<{ completed: number }>(`SELECT count(*)::int AS completed FROM cases c JOIN applications a ON a.case_id = c.id WHERE a.is_demo AND c.state IN ('delivered', 'denied')`);
    expect(rate.denominator / completed).toBeGreaterThan(0.07);
    expect(rate.denominator / completed).toBeLessThan(0.13);
    // ≈96% reached over the full demo year; this test's small demo (about a hundred callbacks, the
    // last three days still queued, dates relative to today) moves by a few points from day to day.
    expect(rate.value).toBeGreaterThan(0.85);
    expect(rate.value).toBeLessThan(1);
    const sat = (await leader.get(`/api/metrics/callbacks.satisfactionRate?${year}&caseType=application`)).body;
    expect(sat.denominator).toBe(rate.numerator);
    expect(sat.value).toBeGreaterThan(0.95);
    const [{ mismatched }] = await t.kernel.db.query<{ mismatched: number }>(`SELECT count(*)::int AS mismatched FROM callbacks cb WHERE cb.is_demo AND cb.attempts <> (SELECT count(*) FROM callback_attempts x WHERE x.callback_id = cb.id)`);
    expect(mismatched).toBe(0);
    const agent = await t.as('callback_zwzx');
    const done = (await agent.get('/api/callbacks?state=done&pageSize=1')).body;
    expect(done.total).toBeGreaterThan(0);
    expect(done.items[0]).toMatchObject({ agentName: '韩雪', stateName: '已回访' });
    // the queue can be worked: every pending demo callback has a number to call
    // (The demo queues the sampled cases closed in the last three days: in this small demo that is a
    // handful or none, by the hash of random ids, so the list is held to the records, not to a count.)
    const pending = (await agent.get('/api/callbacks?state=pending&pageSize=100')).body;
    const [{ queued, stale }] = await t.kernel.db.query<{ queued: number; stale: number }>(
      `SELECT count(*)::int AS queued, count(*) FILTER (WHERE closed_at <= $1::timestamptz - interval '3 days')::int AS stale FROM callbacks WHERE state = 'pending'`, [t.kernel.now().toISOString()]);
    expect(pending.total).toBe(queued);
    expect(stale).toBe(0);
    for (const p of pending.items.filter((x: { kind: string }) => x.kind === 'application')) {
      const c = await agent.get(`/api/callbacks/${p.id}/contact`);
      expect(c.status, JSON.stringify(c.body)).toBe(200);
      expect(c.body.phone).toMatch(/^1\d{10}$/);
    }
  });
});
