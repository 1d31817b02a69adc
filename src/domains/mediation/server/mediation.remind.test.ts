import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { buildOrg, buildStaff, type BuiltStaff } from '../../../core/server';
import { runConfirmClosingReminders } from './mediation.service';

// Its own app: the test moves the clock a month on, which the other mediation tests do not expect.
let t: TestApp;
let mediator: BuiltStaff;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-08-03T09:00:00+08:00');
  const committee = await buildOrg(t.kernel, { name: '会兴村人民调解委员会', kind: 'mediationCommittee', divisionCode: '411202006001' });
  mediator = await buildStaff(t.kernel, { roles: ['peopleMediator'], org: committee });
});
afterAll(async () => { await t.close(); });

const post = async (c: Client, path: string, body: unknown = {}) => {
  const r = await c.post(path, body);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const agreed = async (c: Client, name: string) => {
  const { id } = await post(c, '/api/mediations', {
    villageCode: '411202006001', type: '邻里纠纷', source: '村（居）调委会', summary: `${name}与邻居因宅基地滴水檐发生争执`,
    applicants: [{ name, phone: '13903981111' }], respondents: [{ name: '王建国', phone: '13903982222' }, { name: '王某某' }], mediators: '贾秀梅',
  });
  await post(c, `/api/mediations/${id}/session`, { heldOn: '2026-08-03', mediators: '贾秀梅', notes: '现场调解' });
  await post(c, `/api/mediations/${id}/agree`, { signedOn: '2026-08-03', facts: '滴水檐滴入邻院', terms: '加装落水管', performance: '十日内' });
  return id as string;
};
const closingSms = async (id: string) => t.kernel.db.query<{ address: string; body: string }>(
  `SELECT address, body FROM outbox WHERE case_id = $1 AND channel = 'sms' AND title = '人民调解协议司法确认期限即将届满' ORDER BY address`, [id]);

describe('司法确认 reminder before the window closes', () => {
  it('reminds both parties once, the setting’s days before the 30th day, and not those who applied', async () => {
    const c = await new Client(t.app).login(mediator.username, mediator.password);
    const waiting = await agreed(c, '李秀英');
    const applied = await agreed(c, '张桂兰');
    await post(c, `/api/mediations/${applied}/applyConfirm`, { court: '三门峡市湖滨区人民法院', appliedOn: '2026-08-03' });
    // Signed 2026-08-03: the window closes 2026-09-02; with the default 3 days the reminder is due from 2026-08-30.
    t.clock.set('2026-08-29T10:00:00+08:00');
    expect(await runConfirmClosingReminders(t.kernel)).toEqual({ reminded: 0, messages: 0 });
    t.clock.set('2026-08-30T10:00:00+08:00');
    expect(await runConfirmClosingReminders(t.kernel)).toEqual({ reminded: 1, messages: 2 });
    const sms = await closingSms(waiting);
    expect(sms.map((m) => m.address)).toEqual(['13903981111', '13903982222']);
    expect(sms[0].body).toContain('申请司法确认的期限将于2026-09-02届满');
    expect(await closingSms(applied)).toEqual([]);
    // The next runs (another hour, another process) send nothing more.
    t.clock.set('2026-08-31T10:00:00+08:00');
    expect(await runConfirmClosingReminders(t.kernel)).toEqual({ reminded: 0, messages: 0 });
    expect((await closingSms(waiting)).length).toBe(2);
    const file = (await (await new Client(t.app).login(mediator.username, mediator.password)).get(`/api/mediations/${waiting}/file`)).body;
    expect(file.confirmation.closingRemindedTo).toBe(2);
    expect(file.confirmation.closingRemindedAt).not.toBeNull();
  });

  it('sends nothing once the window has closed', async () => {
    const c = await new Client(t.app).login(mediator.username, mediator.password);
    t.clock.set('2026-08-03T09:00:00+08:00');
    const late = await agreed(c, '赵玉兰');
    t.clock.set('2026-09-03T10:00:00+08:00'); // the window closed 2026-09-02
    expect(await runConfirmClosingReminders(t.kernel)).toEqual({ reminded: 0, messages: 0 });
    expect(await closingSms(late)).toEqual([]);
  });
});
