/**
 * The transition runner (DESIGN §4.2). One short transaction per event: load in the actor's scope
 * (out of scope → 404), check permission and guard, compare-and-set the state (a lost race → 409),
 * apply the event's clock operations, append the timeline event and the audit record, let the domain
 * write its own rows, and queue follow-up work in the same transaction so it runs only after commit.
 */
import { randomUUID } from 'node:crypto';
import { type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { checkTransition, limitsExtensions, isTerminal, type ClockOp } from '../../shared/machine';
import { checkCaseData } from './case.data';
import { can, type Actor } from '../actor';
import { appendAudit } from '../audit';
import { parseInput } from '../validation';
import type { Tx } from '../db/db';
import type { Kernel } from '../contract';
import * as repo from './case.repository';
import type { CaseRow } from './case.repository';

import { eventInputSchema, loadVisible, registration } from './case.registry';
import { extensionCounts, knownClocks, planClocks } from './case.clocks';

// ---- creation --------------------------------------------------------------------------------------

export type CreateCaseInput = {
  type: string;
  title: string;
  orgId: string;
  divisionCode: string;
  applicantId?: string | null;
  applicantName?: string | null;
  /** Plain text; stored SM4-encrypted (GB/T 39786 personal data at rest). */
  applicantPhone?: string | null;
  parentId?: string | null;
  data?: Record<string, unknown>;
  /** A retry or double click with the same key returns the first case instead of filing a second. */
  idempotencyKey?: string | null;
  comment?: string | null;
};

export async function createCase(tx: Tx, kernel: Kernel, actor: Actor, input: CreateCaseInput): Promise<{ row: CaseRow; created: boolean }> {
  const reg = registration(kernel, input.type);
  const m = reg.machine;
  if (input.idempotencyKey && actor.id) {
    const existing = await repo.findByIdempotencyKey(tx, actor.id, input.idempotencyKey);
    if (existing) return { row: existing, created: false };
  }
  const at = kernel.now();
  const today = kernel.today();
  const seqKey = `${m.type}:${input.divisionCode.slice(0, 6)}:${today}`;
  const n = await repo.nextSequence(kernel.db, tx, seqKey);
  const refNo = `${reg.refPrefix}${input.divisionCode.slice(0, 6)}${today.replaceAll('-', '')}${String(n).padStart(5, '0')}`;
  const id = randomUUID();
  const data = input.data ?? {};
  checkCaseData(m.type, data, 'createCase');
  const cal = await kernel.calendar.get(tx);
  // The initial clocks are planned first, so the case row is written once with its due dates.
  const plan = await planClocks(tx, { machine: m, row: { id, data, divisionCode: input.divisionCode }, ops: (m.initialClocks ?? []).map((c): ClockOp => ({ op: 'start', clock: c })), input: {}, actor, at, today, calendar: cal, fresh: true });
  const row = await repo.insertCase(tx, {
    id, type: m.type, refNo, title: input.title, state: m.initial, ...(plan?.dues ?? {}),
    divisionCode: input.divisionCode, orgId: input.orgId,
    applicantId: input.applicantId ?? null, applicantName: input.applicantName ?? null,
    applicantPhoneEnc: input.applicantPhone ? kernel.cipher.encrypt(input.applicantPhone) : null,
    parentId: input.parentId ?? null, data, version: 1,
    createdBy: actor.id, idempotencyKey: input.idempotencyKey ?? null,
    createdAt: at, updatedAt: at, closedAt: isTerminal(m, m.initial) ? at : null,
  });
  if (!row) {
    // A concurrent request with the same key won; ON CONFLICT waited for it, so its row is visible now.
    const existing = await repo.findByIdempotencyKey(tx, actor.id!, input.idempotencyKey!);
    if (!existing) throw new AppError('CONFLICT');
    return { row: existing, created: false };
  }
  await repo.appendEvent(tx, {
    id: randomUUID(), caseId: row.id, event: 'create', fromState: null, toState: m.initial,
    actorId: actor.id, actorName: actor.name, at, comment: input.comment ?? null, input: {}, divisionCode: row.divisionCode,
  });
  if (plan) await repo.upsertClocks(tx, plan.changed);
  await appendAudit(tx, actor, { stream: `case:${row.id}`, action: `${m.type}.create`, entityType: m.type, entityId: row.id, detail: { refNo, state: m.initial }, newStream: true }, at);
  await repo.bumpDaily(tx, { divisionCode: row.divisionCode, orgId: row.orgId, type: row.type, day: today }, { received: 1 });
  return { row, created: true };
}

// ---- transitions -----------------------------------------------------------------------------------


export async function transition(tx: Tx, kernel: Kernel, actor: Actor, caseId: string, event: string, rawInput: unknown, expectType?: string): Promise<CaseRow> {
  const row = await loadVisible(tx, actor, caseId, expectType);
  const reg = registration(kernel, row.type);
  const m = reg.machine;
  const def = m.events[event];
  if (!def) throw new AppError('NOT_FOUND', `不存在的办理操作：${event}`);
  const input = parseInput(eventInputSchema(m, event), rawInput ?? {}) as Record<string, unknown>;
  // Extensions are counted on the clock rows themselves (only for events that extend with a limit).
  const clocks = limitsExtensions(m, event) ? await repo.listClocks(tx, [row.id]) : undefined;
  const extensions = clocks ? extensionCounts(clocks) : undefined;
  const refusal = checkTransition(m, event, { state: row.state, data: row.data, input, actor: { id: actor.id ?? '', kind: actor.kind }, extensions }, (p) => can(actor, p, row));
  if (refusal) {
    if (refusal.code === 'FORBIDDEN') throw new AppError('FORBIDDEN', `您没有「${def.label}」的权限`);
    if (refusal.code === 'TRANSITION_NOT_ALLOWED') throw new AppError('TRANSITION_NOT_ALLOWED', `当前状态为「${m.states[row.state]?.label ?? row.state}」，不能执行「${def.label}」`);
    if (refusal.code === 'GUARD_FAILED') throw new AppError('GUARD_FAILED', refusal.reason);
    throw new AppError('NOT_FOUND');
  }
  const at = kernel.now();
  const today = kernel.today();
  const check = reg.checks?.[event];
  if (check) {
    const { comment: _c, ...checked } = input;
    const reason = await check(tx, { row, event, input: checked, actor, at, today, kernel });
    if (reason) throw new AppError('GUARD_FAILED', reason);
  }
  const terminal = isTerminal(m, def.to);
  const cal = await kernel.calendar.get(tx);
  const ops = [...(def.clocks ?? [])];
  // A closed case stops every clock still running, whatever the machine says.
  if (terminal) for (const name of Object.keys(m.clocks)) if (!ops.some((o) => o.clock === name && o.op === 'stop')) ops.push({ op: 'stop', clock: name });
  // Clocks are planned from the rows read before the compare-and-set: if anyone moved the case since,
  // the compare-and-set fails and nothing planned is written.
  const plan = await planClocks(tx, { machine: m, row, ops, input, actor, at, today, calendar: cal, clocks });
  const updated = await repo.casState(tx, row.id, row.state, row.version, {
    state: def.to, updatedAt: at, closedAt: terminal ? at : null, ...(plan?.dues ?? {}),
  });
  if (!updated) throw new AppError('STATE_CONFLICT', `办件${row.refNo}已被他人处理，「${def.label}」未执行，请刷新后查看最新状态`);
  const { comment, ...eventInput } = input;
  await repo.appendEvent(tx, {
    id: randomUUID(), caseId: row.id, event, fromState: row.state, toState: def.to,
    actorId: actor.id, actorName: actor.name, at, comment: (comment as string | undefined) ?? null,
    input: eventInput, divisionCode: row.divisionCode,
  });
  if (plan) {
    await repo.upsertClocks(tx, plan.changed);
    knownClocks.set(updated, plan.all);
  }
  await appendAudit(tx, actor, { stream: `case:${row.id}`, action: `${m.type}.${event}`, entityType: m.type, entityId: row.id, detail: { from: row.state, to: def.to } }, at);
  if (terminal) {
    await repo.bumpDaily(tx, { divisionCode: updated.divisionCode, orgId: updated.orgId, type: updated.type, day: today }, {
      completed: 1, withClock: updated.primaryDue ? 1 : 0,
      onTime: updated.primaryDue && updated.primaryStopped && updated.primaryStopped <= updated.primaryDue ? 1 : 0,
    });
  }
  const ctx = { row: updated, previousState: row.state, event, input: eventInput, actor, at, today, calendar: cal, kernel };
  if (reg.onTransition) await reg.onTransition(tx, ctx);
  await reg.on?.[event]?.(tx, ctx);
  const subs = kernel.subscriptions.get(m.type) ?? [];
  for (const sub of subs) {
    if (sub.events && !sub.events.includes(event)) continue;
    if (sub.toStates && !sub.toStates.includes(def.to)) continue;
    await sub.handle(tx, ctx);
  }
  // A hook may have merged facts into this case's data; otherwise the row in hand is current.
  return repo.dataChangedIn(tx, row.id) ? (await repo.getCase(tx, row.id))! : updated;
}

/** After a bulk load of cases (demo data, imports): rebuild their daily rollup rows from the records. */
export const rebuildCaseRollups = (tx: Tx, kernel: Kernel, where: SQL) => repo.rebuildDaily(tx, kernel.tz, where);

/**
 * Moves responsibility for a case to another org inside a transition (12345 派单 and 退单, transfers).
 * Call it from onTransition: the runner has already checked the actor's right to the event.
 */
export const reassignCase = (tx: Tx, caseId: string, orgId: string) => repo.setOrg(tx, caseId, orgId);

/**
 * Files existing cases under a parent (demo bundles formed from a year of applications already loaded):
 * they carry the applicant name the parent was filed with.
 */
export const attachChildren = (tx: Tx, parentId: string, childIds: string[], patch: { applicantName?: string | null } = {}) => repo.setParent(tx, parentId, childIds, patch);

/** A parent's child cases (bundle → applications), in filing order. */
export const childCases = (tx: Tx, parentId: string) => repo.listChildren(tx, parentId);

/** Locks a case row until the transaction ends (see case.repository lockCase). */
export const lockCase = (tx: Tx, id: string) => repo.lockCase(tx, id);


/** Domain facts the machine's guards read later (kept in the case row, written in the same transaction). */
export async function mergeCaseData(tx: Tx, caseId: string, patch: Record<string, unknown>): Promise<void> {
  const type = await repo.mergeData(tx, caseId, patch);
  if (type) checkCaseData(type, patch, 'mergeCaseData');
}


// The engine's other parts, so callers keep one import.
export * from './case.registry';
export * from './case.clocks';
export * from './case.views';
