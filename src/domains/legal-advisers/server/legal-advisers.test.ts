import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { buildOrg, buildStaff, type BuiltStaff } from '../../../core/server';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

let t: TestApp;
let admin: BuiltStaff;
let adviser: BuiltStaff;
let village: BuiltStaff; // 会兴村调委会
let other: BuiltStaff; // 王官村调委会
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-08-10T09:00:00+08:00');
  const sfj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区司法局'`))[0].id;
  admin = await buildStaff(t.kernel, { roles: ['mediationAdmin'], org: { id: sfj } as never });
  adviser = await buildStaff(t.kernel, { roles: ['villageAdviser'], org: { id: sfj } as never });
  village = await buildStaff(t.kernel, { roles: ['peopleMediator'], org: await buildOrg(t.kernel, { name: '会兴村人民调解委员会', kind: 'mediationCommittee', divisionCode: '411202006001' }) });
  other = await buildStaff(t.kernel, { roles: ['peopleMediator'], org: await buildOrg(t.kernel, { name: '王官村人民调解委员会', kind: 'mediationCommittee', divisionCode: '411202006002' }) });
});
afterAll(async () => { await t.close(); });

const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);
const post = async (c: Client, path: string, body: unknown = {}) => {
  const r = await c.post(path, body);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const Q = 'divisionCode=411202&from=2026-08-01&to=2026-08-31';

describe('村（居）法律顾问', () => {
  it('is appointed by the justice bureau, logs work on a phone only where serving, the village confirms once, and the seven counts and the roster count what was confirmed', async () => {
    const a = await login(admin);
    const { id } = await post(a, '/api/legal-advisers', { name: '郭文博', kind: '律师', firm: '河南崤函律师事务所', licenceNo: '14112201510001', username: adviser.username });
    expect((await a.post('/api/legal-advisers', { name: '重复', kind: '律师', firm: '某所', licenceNo: '14112201510001' })).status).toBe(409);
    expect((await a.post(`/api/legal-advisers/${id}/appointments`, { villageCode: '411202006001', startOn: '2026-12-31', endOn: '2026-01-01' })).status).toBe(400);
    await post(a, `/api/legal-advisers/${id}/appointments`, { villageCode: '411202006001', startOn: '2026-01-01', endOn: '2026-12-31' });
    expect((await a.post(`/api/legal-advisers/${id}/appointments`, { villageCode: '411202006001', startOn: '2026-06-01', endOn: '2027-05-31' })).status).toBe(409);
    // Only the bureau manages the roster.
    expect((await (await login(village)).post('/api/legal-advisers', { name: '某某', kind: '律师', firm: '某所', licenceNo: '14112201599999' })).status).toBe(403);

    const g = await login(adviser);
    expect((await g.get('/api/legal-advisers/me')).body.villages.map((v: { name: string }) => v.name)).toEqual(['会兴村']);
    const log = (kind: string, servedOn = '2026-08-10', villageCode = '411202006001') => g.post('/api/legal-advisers/logs', { villageCode, kind, servedOn, subject: '村民咨询土地承包经营权流转' });
    expect((await log('opinion', '2026-08-10', '411202006002')).body.message).toContain('不在您受聘于该村');
    expect((await log('opinion', '2026-08-11')).status).toBe(400);
    expect((await log('opinion', '2026-06-01')).body.message).toContain('31日内');
    expect((await log('bogus')).status).toBe(400);
    const ids: string[] = [];
    for (const k of ['opinion', 'opinion', 'lecture', 'majorMatter']) ids.push((await log(k)).body.id);
    // The adviser cannot confirm their own work; another village cannot either.
    expect((await g.post(`/api/legal-advisers/logs/${ids[0]}/confirm`)).status).toBe(404);
    expect((await (await login(other)).post(`/api/legal-advisers/logs/${ids[0]}/confirm`)).status).toBe(404);
    expect((await (await login(other)).get('/api/legal-advisers/logs?from=2026-08-01&to=2026-08-31')).body).toEqual([]);
    const v = await login(village);
    const pending = (await v.get('/api/legal-advisers/logs?from=2026-08-01&to=2026-08-31&unconfirmed=true')).body;
    expect(pending).toHaveLength(4);
    expect(pending.every((x: { canConfirm: boolean }) => x.canConfirm)).toBe(true);
    for (const x of ids.slice(0, 3)) await post(v, `/api/legal-advisers/logs/${x}/confirm`);
    expect((await v.post(`/api/legal-advisers/logs/${ids[0]}/confirm`)).status).toBe(409);

    const leader = await t.staff(LEADER);
    const n = async (key: string) => (await leader.get(`/api/metrics/${key}?${Q}`)).body.numerator;
    expect([await n('legalAdvisers.count'), await n('legalAdvisers.opinions'), await n('legalAdvisers.lectures'), await n('legalAdvisers.majorMatters'), await n('legalAdvisers.documents')]).toEqual([1, 2, 1, 0, 0]);
    await t.withSettings({ LEGAL_ADVISERS_COUNT_UNCONFIRMED: 'true' }, async () => expect(await n('legalAdvisers.majorMatters')).toBe(1));
    // Each figure opens the rows it counts.
    const rows = (await leader.get(`/api/metrics/legalAdvisers.opinions/rows?${Q}`)).body;
    expect(rows.total).toBe(2);
    expect((await leader.get(`/api/metrics/legalAdvisers.count/rows?${Q}`)).body.total).toBe(1);
    // Outside the term, nobody serves.
    expect((await leader.get(`/api/metrics/legalAdvisers.count?divisionCode=411202&from=2027-02-01&to=2027-02-28`)).body.numerator).toBe(0);
    const roster = (await a.get('/api/legal-advisers')).body;
    expect(roster.map((r: { name: string; hasLogin: boolean }) => [r.name, r.hasLogin])).toEqual([['郭文博', true]]);
    // The other four kinds, each confirmed: every one of the seven figures counts its own confirmed entries.
    for (const k of ['document', 'mediation', 'litigation', 'onSite', 'onSite']) {
      const e = await log(k, '2026-08-09');
      expect(e.status, JSON.stringify(e.body)).toBe(200);
      await post(v, `/api/legal-advisers/logs/${e.body.id}/confirm`);
    }
    const seven = ['legalAdvisers.opinions', 'legalAdvisers.documents', 'legalAdvisers.lectures', 'legalAdvisers.mediations', 'legalAdvisers.litigation', 'legalAdvisers.onSite', 'legalAdvisers.majorMatters'];
    expect(await Promise.all(seven.map(n))).toEqual([2, 1, 1, 1, 1, 2, 0]);
  });
});
