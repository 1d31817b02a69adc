/**
 * 回访: completed applications and closed 12345 tickets are drawn into a callback sample (a configurable
 * percentage, decided by a hash of the case id so the draw is reproducible and cannot be steered), queued
 * for the division's callback agents, called up to N times, and their outcome — reached, resolved,
 * satisfied — recorded. The followed domains know nothing of this: we subscribe to their case types.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { and } from 'drizzle-orm';
import { AppError } from '../../../core/shared/errors';
import { type Actor, appendAudit, auditPersonalDataRead, can, type Kernel, sm3, type TransitionContext, type Tx, scopeWhere } from '../../../core/server';
import { todayIso } from '../../../core/shared/calendar';
import { CALLBACK_KINDS, CALLBACK_STATES, DEFAULT_SETTINGS, SATISFACTION, type CallbackKind, type CallbackOutcome, type CallbackSettingsInput } from '../shared/callbacks.schema';
import * as repo from './callbacks.repository';
import { openFollowUpFix } from '../../ratings/public';

export async function settings(tx: Tx, divisionCode: string, kind: CallbackKind) {
  const row = await repo.settingsFor(tx, divisionCode, kind);
  return row ? { samplePercent: row.samplePercent, maxAttempts: row.maxAttempts, retryHours: row.retryHours, script: row.script, custom: true } : { ...DEFAULT_SETTINGS[kind], custom: false };
}

/** The draw: the first 32 bits of SM3(case id) mod 100 below the percentage. Same case, same answer. */
export const sampled = (caseId: string, percent: number) => parseInt(sm3(`callback:${caseId}`).slice(0, 8), 16) % 100 < percent;

/** Subscribed to the followed case types: schedule a callback when a case of the sample completes. */
export async function onCaseDone(tx: Tx, ctx: TransitionContext, kind: CallbackKind) {
  const s = await settings(tx, ctx.row.divisionCode, kind);
  if (!sampled(ctx.row.id, s.samplePercent)) return;
  await repo.insert(tx, {
    id: randomUUID(), kind, caseId: ctx.row.id, refNo: ctx.row.refNo, title: ctx.row.title, orgId: ctx.row.orgId, divisionCode: ctx.row.divisionCode,
    closedAt: ctx.row.closedAt ?? ctx.at, state: 'pending', attempts: 0, maxAttempts: s.maxAttempts, nextAttemptAt: ctx.at, createdAt: ctx.at,
  });
}

const READ = ['callback.read', 'callback.perform'];
const readScope = (actor: Actor) => actor.grants.filter((g) => READ.some((p) => g.permissions.has(p)));
const performScope = (actor: Actor) => actor.grants.filter((g) => g.permissions.has('callback.perform'));

async function load(tx: Tx, actor: Actor, id: string) {
  const cb = await repo.get(tx, id);
  // Outside the actor's scope reads as "not found", so ids cannot be probed.
  if (!cb || (!can(actor, 'callback.read', scoped(cb)) && !can(actor, 'callback.perform', scoped(cb)))) throw new AppError('NOT_FOUND', '回访记录不存在或您无权查看');
  return cb;
}
const scoped = (cb: repo.CallbackRow) => ({ orgId: cb.orgId, divisionCode: cb.divisionCode, applicantId: null });

const view = (cb: repo.CallbackRow, orgName: string, now: Date) => ({
  id: cb.id, kind: cb.kind, kindName: CALLBACK_KINDS[cb.kind as CallbackKind]?.label ?? cb.kind, caseId: cb.caseId, refNo: cb.refNo, title: cb.title, orgName,
  closedAt: cb.closedAt.toISOString(), state: cb.state, stateName: CALLBACK_STATES[cb.state as keyof typeof CALLBACK_STATES] ?? cb.state,
  attempts: cb.attempts, maxAttempts: cb.maxAttempts, nextAttemptAt: cb.nextAttemptAt.toISOString(), due: cb.state === 'pending' && cb.nextAttemptAt <= now,
  reached: cb.reached, resolved: cb.resolved, satisfaction: cb.satisfaction, satisfactionName: cb.satisfaction ? SATISFACTION[cb.satisfaction as 5] : null,
  note: cb.note, agentName: cb.agentName, completedAt: cb.completedAt?.toISOString() ?? null,
});

export async function queue(tx: Tx, kernel: Kernel, actor: Actor, q: { state: 'pending' | 'done' | 'unreached' | 'all'; kind?: CallbackKind; page: number; pageSize: number }) {
  if (!readScope(actor).length) throw new AppError('FORBIDDEN');
  const where = and(scopeWhere(actor, READ, repo.scopeColumns), q.state === 'all' ? undefined : repo.stateIs([q.state]), q.kind ? repo.kindIs(q.kind) : undefined)!;
  const { items, total } = await repo.queue(tx, where, q);
  return { items: items.map((r) => view(r.cb, r.orgName, kernel.now())), total };
}

/** The script with the case's particulars filled in: {回访单位} is the agent's, {承办单位} the case's. */
function fillScript(script: string, cb: repo.CallbackRow, orgName: string, agentOrg: string, tz: string) {
  return script.replaceAll('{回访单位}', agentOrg).replaceAll('{承办单位}', orgName).replaceAll('{事项}', cb.title).replaceAll('{编号}', cb.refNo).replaceAll('{办结日期}', todayIso(tz, cb.closedAt));
}

export async function detail(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const cb = await load(tx, actor, id);
  const orgName = await repo.orgName(tx, cb.orgId);
  const s = await settings(tx, cb.divisionCode, cb.kind as CallbackKind);
  const history = await repo.attempts(tx, cb.id);
  return {
    ...view(cb, orgName, kernel.now()), script: fillScript(s.script, cb, orgName, actor.grants.find((g) => g.permissions.has('callback.perform'))?.orgName ?? actor.grants[0]?.orgName ?? '', kernel.config.TZ_NAME),
    canPerform: cb.state === 'pending' && can(actor, 'callback.perform', scoped(cb)),
    history: history.map((h) => ({ at: h.at.toISOString(), agentName: h.agentName, reached: h.reached, note: h.note })),
  };
}

/** The number to call, for the agent only; every read is in the audit trail (个人信息保护法 第51条). */
export async function contact(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const cb = await load(tx, actor, id);
  if (!can(actor, 'callback.perform', scoped(cb))) throw new AppError('FORBIDDEN', '只有回访员可以查看回访对象的联系电话');
  const enc = await repo.contactEnc(tx, cb);
  if (!enc) throw new AppError('GUARD_FAILED', '该办件没有留存联系电话，无法电话回访');
  await auditPersonalDataRead(tx, actor, { type: `callback.${cb.kind}`, id: cb.caseId, fields: ['phone'], purpose: '回访' }, kernel.now());
  return { phone: kernel.cipher.decrypt(enc) };
}

/**
 * One call: reached → the outcome is recorded and the callback is done; not reached → another attempt is
 * scheduled after the retry interval, until the division's maximum, then it is closed as unreached.
 */
export async function record(tx: Tx, kernel: Kernel, actor: Actor, id: string, input: z.infer<typeof CallbackOutcome>) {
  const cb = await load(tx, actor, id);
  if (!can(actor, 'callback.perform', scoped(cb))) throw new AppError('FORBIDDEN', '您没有回访的权限');
  if (cb.state !== 'pending') throw new AppError('STATE_CONFLICT', '该回访已结束，不能再记录');
  const now = kernel.now();
  const s = await settings(tx, cb.divisionCode, cb.kind as CallbackKind);
  const attempts = cb.attempts + 1;
  const patch = input.reached
    ? { state: 'done', attempts, reached: true, resolved: input.resolved!, satisfaction: input.satisfaction!, note: input.note ?? null, agentId: actor.id, agentName: actor.name, completedAt: now }
    : attempts >= cb.maxAttempts
      ? { state: 'unreached', attempts, reached: false, note: input.note ?? null, agentId: actor.id, agentName: actor.name, completedAt: now }
      : { attempts, nextAttemptAt: new Date(now.getTime() + s.retryHours * 3600_000), note: input.note ?? null };
  const saved = await repo.update(tx, cb.id, cb.attempts, patch);
  if (!saved) throw new AppError('CONFLICT', '该回访已被他人处理，请刷新后重试');
  await repo.insertAttempt(tx, { id: randomUUID(), callbackId: cb.id, at: now, agentId: actor.id, agentName: actor.name, reached: input.reached, note: input.note ?? null });
  // 不满意 or 非常不满意: the handling org must follow up, as with a 差评 (国办发〔2019〕51号 整改 loop).
  if (input.reached && (input.satisfaction ?? 5) <= 2) {
    await openFollowUpFix(tx, kernel, { orgId: cb.orgId, divisionCode: cb.divisionCode, subject: cb.title, level: input.satisfaction!, comment: input.note ?? null, source: '回访', sourceRef: cb.refNo });
  }
  return detail(tx, kernel, actor, cb.id);
}

export async function getSettings(tx: Tx, actor: Actor) {
  if (!actor.divisionCode) throw new AppError('FORBIDDEN');
  const out = [];
  for (const kind of Object.keys(CALLBACK_KINDS) as CallbackKind[]) out.push({ kind, kindName: CALLBACK_KINDS[kind].label, divisionCode: actor.divisionCode, ...(await settings(tx, actor.divisionCode, kind)) });
  return out;
}

/** Settings for the actor's division; audited, since the sampling rate decides who is called. */
export async function putSettings(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof CallbackSettingsInput>) {
  const g = actor.grants.find((x) => x.permissions.has('callback.manage') && x.divisionCode);
  if (!g) throw new AppError('FORBIDDEN', '您没有维护回访设置的权限');
  await repo.upsertSettings(tx, { divisionCode: g.divisionCode!, ...input, updatedBy: actor.name, updatedAt: kernel.now() });
  await appendAudit(tx, actor, { stream: `admin:${g.divisionCode}`, action: 'callback.settings', entityType: 'callback_settings', entityId: `${g.divisionCode}:${input.kind}`, detail: { samplePercent: input.samplePercent, maxAttempts: input.maxAttempts, retryHours: input.retryHours } }, kernel.now());
  return getSettings(tx, actor);
}

export type { CallbackOutcome, CallbackSettingsInput };
