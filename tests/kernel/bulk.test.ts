/**
 * The bulk loader and the test factories: a path checked against the machine, a refused step named,
 * and a loaded case equal — state, timeline, clocks with their due dates and derivations, audit — to
 * the same case filed and moved through the runner (createCase / transition) at the same times. Runs
 * on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../helpers/harness';
import { SYSTEM_ACTOR, bulkLoadCases, BulkPathError, createCase, getCase, listClocks, pathTo, transition, verifyAudit, type BulkStep } from '../../src/core/server';
import { buildCase, buildOrg, buildStaff } from '../../src/core/server/testing';
import { caseEvents } from '../../src/core/server/db/schema';
import { asc, eq } from 'drizzle-orm';
import { permitMachine } from '../fixtures/permit.domain';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

// 补正 over two days, accepted, extended, paused for expert review, approved: every clock op once.
// The first step lands on a Friday, so the pauses straddle a weekend.
const steps: [string, string, Record<string, unknown>][] = [
  ['requestCorrection', '2026-11-06T10:00:00+08:00', { missing: '营业执照副本' }],
  ['correct', '2026-11-10T09:00:00+08:00', {}],
  ['accept', '2026-11-11T09:00:00+08:00', {}],
  ['extend', '2026-11-20T09:00:00+08:00', { days: 5, reason: '情况复杂' }],
  ['startExpertReview', '2026-11-23T09:00:00+08:00', {}],
  ['finishExpertReview', '2026-11-30T09:00:00+08:00', {}],
  ['approve', '2026-12-03T15:00:00+08:00', {}],
];
const CREATED = '2026-11-05T09:00:00+08:00';
const clerk = { ...SYSTEM_ACTOR, name: '测试受理员' };

const shape = async (id: string) => t.kernel.db.tx(async (tx) => {
  const row = (await getCase(tx, id))!;
  const events = await tx.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
  const clocks = await listClocks(tx, [id]);
  return {
    row: { state: row.state, version: row.version, dueDate: row.dueDate, primaryDue: row.primaryDue, primaryStopped: row.primaryStopped, closedAt: row.closedAt, updatedAt: row.updatedAt, createdAt: row.createdAt },
    events: events.map(({ seq, event, fromState, toState, actorName, at, comment, input }) => ({ seq, event, fromState, toState, actorName, at, comment, input })),
    clocks: clocks.map(({ id: _i, caseId: _c, extensions, ...k }) => ({ ...k, extensions: extensions.map(({ at, days, reason, approverName }) => ({ at, days, reason, approverName })) })),
  };
});

describe('the bulk loader', () => {
  it('loads a case equal to the one the runner writes for the same path', async () => {
    const org = await buildOrg(t.kernel);
    // Through the runner, one event at a time at the steps' times.
    t.clock.set(CREATED);
    const live = await t.kernel.db.tx((tx) => createCase(tx, t.kernel, clerk, { type: 'permit', title: '食品经营许可', orgId: org.id, divisionCode: org.divisionCode }));
    for (const [event, at, input] of steps) {
      t.clock.set(at);
      await t.kernel.db.tx((tx) => transition(tx, t.kernel, clerk, live.row.id, event, { ...input, comment: `${event}意见` }));
    }
    // Through the loader, all at once.
    const path: BulkStep[] = steps.map(([event, at, input]) => ({ event, at: new Date(at), actor: { name: clerk.name }, input, comment: `${event}意见` }));
    const [loaded] = await t.kernel.db.tx((tx) => bulkLoadCases(tx, t.kernel, 'permit', [{
      title: '食品经营许可', orgId: org.id, divisionCode: org.divisionCode, createdAt: new Date(CREATED), createdBy: { name: clerk.name }, path,
    }]));
    expect(loaded.state).toBe('approved');
    const [a, b] = [await shape(live.row.id), await shape(loaded.id)];
    expect(b).toEqual(a);
    // The pauses and the extension are in the derivation, as the runner wrote it.
    const decision = b.clocks.find((k) => k.name === 'decision')!;
    expect(decision.pauses).toHaveLength(1);
    expect(decision.derivation).toContain('延长5个工作日');
    // Numbered from the same day's sequence: the live case took one number, the loaded case the next.
    expect(Number(loaded.refNo.slice(-5))).toBe(Number(live.row.refNo.slice(-5)) + 1);
    expect(loaded.refNo.slice(0, -5)).toBe(live.row.refNo.slice(0, -5));
    // Both audit chains verify.
    expect((await verifyAudit(t.kernel.db)).ok).toBe(true);
  });

  it('refuses a step the machine does not allow, naming the case and the step, and loads nothing', async () => {
    const org = await buildOrg(t.kernel);
    const good = { title: '合规件', orgId: org.id, divisionCode: org.divisionCode, createdAt: new Date(CREATED), path: [{ event: 'accept', at: new Date(CREATED) }] };
    const bad = { title: '越级件', orgId: org.id, divisionCode: org.divisionCode, createdAt: new Date(CREATED), path: [{ event: 'approve', at: new Date(CREATED) }] };
    const err = await t.kernel.db.tx((tx) => bulkLoadCases(tx, t.kernel, 'permit', [good, bad])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkPathError);
    expect((err as Error).message).toContain('越级件');
    expect((err as Error).message).toContain('第1步「approve」');
    const n = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE org_id = $1`, [org.id]);
    expect(Number(n[0].n)).toBe(0);
    // A system-only event taken by staff is refused too.
    const deemed = { ...good, title: '视为受理件', path: [{ event: 'deemAccept', at: new Date(CREATED), actor: { id: null, name: '受理员', kind: 'staff' as const } }] };
    await expect(t.kernel.db.tx((tx) => bulkLoadCases(tx, t.kernel, 'permit', [deemed]))).rejects.toThrow(/只能由系统执行/);
  });

  it('marks clocks past due as the scanner would have, when asked', async () => {
    const org = await buildOrg(t.kernel);
    t.clock.set('2026-12-01T09:00:00+08:00');
    const [c] = await t.kernel.db.tx((tx) => bulkLoadCases(tx, t.kernel, 'permit', [{ title: '逾期未受理', orgId: org.id, divisionCode: org.divisionCode, createdAt: new Date(CREATED) }], { scannedOn: '2026-12-01' }));
    const [clock] = await t.kernel.db.tx((tx) => listClocks(tx, [c.id]));
    expect(clock.dueDate! < '2026-12-01').toBe(true);
    expect(clock.overdueAt).not.toBeNull();
    expect(clock.warnedAt).not.toBeNull();
  });
});

describe('the factories', () => {
  it('pathTo finds the shortest path through the machine', () => {
    expect(pathTo(permitMachine, 'submitted')).toEqual([]);
    expect(pathTo(permitMachine, 'approved')).toEqual(['accept', 'approve']);
    expect(pathTo(permitMachine, 'expertReview')).toEqual(['accept', 'startExpertReview']);
    expect(pathTo(permitMachine, 'nowhere')).toBeNull();
  });

  it('buildStaff gives an account that logs in and acts with its roles', async () => {
    const s = await buildStaff(t.kernel, { roles: ['director'] });
    const c = await new Client(t.app).login(s.username, s.password);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    const actor = await s.actor();
    expect(actor.id).toBe(s.user.id);
    expect(actor.grants.map((g) => [g.role, g.orgId])).toEqual([['director', s.org.id]]);
  });

  it('buildCase puts a case in the state asked for, with the clocks of its path', async () => {
    const accepted = await buildCase(t.kernel, 'permit', { state: 'accepted', title: '工厂建设许可' });
    expect(accepted.state).toBe('accepted');
    expect(accepted.version).toBe(2);
    const clocks = await t.kernel.db.tx((tx) => listClocks(tx, [accepted.id]));
    expect(clocks.map((k) => [k.name, k.state])).toEqual([['acceptance', 'stopped'], ['decision', 'running']]);
    expect(accepted.primaryDue).toBe(clocks[1].dueDate);
    const denied = await buildCase(t.kernel, 'permit', { state: 'denied', inputs: { deny: { reason: '不符合条件' } } });
    expect(denied.closedAt).not.toBeNull();
    await expect(buildCase(t.kernel, 'permit', { state: 'nowhere' })).rejects.toThrow(/cannot reach/);
  });

  it('staff built for an org see a case built in it', async () => {
    const org = await buildOrg(t.kernel);
    const s = await buildStaff(t.kernel, { roles: ['director'], org });
    const c = await buildCase(t.kernel, 'permit', { state: 'accepted', orgId: org.id });
    const other = await buildCase(t.kernel, 'permit', { state: 'accepted' });
    const client = await new Client(t.app).login(s.username, s.password);
    expect((await client.get(`/api/cases/${c.id}`)).status).toBe(200);
    expect((await client.get(`/api/cases/${other.id}`)).status).toBe(404);
  });
});
