/**
 * The transition runner (DESIGN §4.2). One short transaction per event: load in the actor's scope
 * (out of scope → 404), check permission and guard, compare-and-set the state (a lost race → 409),
 * apply the event's clock operations, append the timeline event and the audit record, let the domain
 * write its own rows, and queue follow-up work in the same transaction so it runs only after commit.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { checkTransition, extensionRefusal, limitsExtensions, offeredEvents, isTerminal, type ClockOp, type MachineDef } from '../../shared/machine';
import { deadlineBadge, deriveDue, pauseLength, type ClockData } from '../../shared/clock';
import type { WorkCalendar } from '../../shared/calendar';
import type { CaseAction, CaseDetail, CaseListQuery, CaseSummary, ClockView } from '../../shared/schemas';
import { can, canSee, type Actor } from '../actor';
import { CASE_VISIBLE, scopeWhere } from '../access/scope';
import { appendAudit } from '../audit';
import { parseInput } from '../validation';
import type { Tx } from '../db/db';
import type { CaseTypeRegistration, Kernel } from '../contract';
import * as repo from './case.repository';
import type { CaseRow, ClockRow } from './case.repository';
import { caseClocks } from '../db/schema';

export const KERNEL_EVENT_LABELS: Record<string, string> = {
  create: '创建',
  'clock.warning': '临期预警',
  'clock.overdue': '超期',
  'clock.recomputed': '到期日重新计算',
};

/** Every event body may carry a comment for the timeline. */
export const CommentField = z.string().trim().max(500, '意见不能超过500个字符').optional().meta({ title: '办理意见' });
export const eventInputSchema = (machine: MachineDef, event: string) =>
  (machine.events[event]?.input ?? z.object({})).extend({ comment: CommentField });

function registration(kernel: Kernel, type: string): CaseTypeRegistration {
  const r = kernel.caseTypes.get(type);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

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
  const cal = await kernel.calendar.get(tx);
  // The initial clocks are planned first, so the case row is written once with its due dates.
  const plan = await planClocks(tx, m, { id, data, divisionCode: input.divisionCode }, (m.initialClocks ?? []).map((c) => ({ op: 'start', clock: c })), {}, actor, at, today, cal, true);
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

export async function loadVisible(tx: Tx, actor: Actor, id: string, type?: string): Promise<CaseRow> {
  if (!z.uuid().safeParse(id).success) throw new AppError('NOT_FOUND');
  const row = await repo.getCase(tx, id);
  if (!row || (type && row.type !== type) || !canSee(actor, row)) throw new AppError('NOT_FOUND');
  return row;
}

export async function transition(tx: Tx, kernel: Kernel, actor: Actor, caseId: string, event: string, rawInput: unknown, expectType?: string): Promise<CaseRow> {
  const row = await loadVisible(tx, actor, caseId, expectType);
  const reg = registration(kernel, row.type);
  const m = reg.machine;
  const def = m.events[event];
  if (!def) throw new AppError('NOT_FOUND', `不存在的办理操作：${event}`);
  const input = parseInput(eventInputSchema(m, event), rawInput ?? {}) as Record<string, unknown>;
  // Extensions are counted on the clock rows themselves (only for events that extend with a limit).
  const extensions = limitsExtensions(m, event) ? extensionCounts(await repo.listClocks(tx, [row.id])) : undefined;
  const refusal = checkTransition(m, event, { state: row.state, data: row.data, input, actor: { id: actor.id ?? '', kind: actor.kind }, extensions }, (p) => can(actor, p, row));
  if (refusal) {
    if (refusal.code === 'FORBIDDEN') throw new AppError('FORBIDDEN', `您没有「${def.label}」的权限`);
    if (refusal.code === 'TRANSITION_NOT_ALLOWED') throw new AppError('TRANSITION_NOT_ALLOWED', `当前状态为「${m.states[row.state]?.label ?? row.state}」，不能执行「${def.label}」`);
    if (refusal.code === 'GUARD_FAILED') throw new AppError('GUARD_FAILED', refusal.reason);
    throw new AppError('NOT_FOUND');
  }
  const at = kernel.now();
  const today = kernel.today();
  const terminal = isTerminal(m, def.to);
  const cal = await kernel.calendar.get(tx);
  const ops = [...(def.clocks ?? [])];
  // A closed case stops every clock still running, whatever the machine says.
  if (terminal) for (const name of Object.keys(m.clocks)) if (!ops.some((o) => o.clock === name && o.op === 'stop')) ops.push({ op: 'stop', clock: name });
  // Clocks are planned from the rows read before the compare-and-set: if anyone moved the case since,
  // the compare-and-set fails and nothing planned is written.
  const plan = await planClocks(tx, m, row, ops, input, actor, at, today, cal);
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

/** A parent's child cases (bundle → applications), in filing order. */
export const childCases = (tx: Tx, parentId: string) => repo.listChildren(tx, parentId);

/** Locks a case row until the transaction ends (see case.repository lockCase). */
export const lockCase = (tx: Tx, id: string) => repo.lockCase(tx, id);

/** The signed-in applicant's own top-level cases of every type, newest first (我的办件). */
export async function myCases(tx: Tx, kernel: Kernel, actor: Actor, p: { page: number; pageSize: number }) {
  if (actor.kind !== 'public' || !actor.id) throw new AppError('FORBIDDEN', '请以办事群众或企业账号登录');
  const r = await repo.listCases(tx, repo.ownCases(actor.id), p.page, p.pageSize);
  return { total: r.total, items: await summaries(tx, kernel, r.items) };
}

/** Domain facts the machine's guards read later (kept in the case row, written in the same transaction). */
export const mergeCaseData = (tx: Tx, caseId: string, patch: Record<string, unknown>) => repo.mergeData(tx, caseId, patch);

// ---- clocks ----------------------------------------------------------------------------------------

const toClockData = (c: ClockRow): ClockData => ({
  label: c.label, unit: c.unit as ClockData['unit'], limitDays: c.limitDays, state: c.state as ClockData['state'],
  startedOn: c.startedOn, stoppedOn: c.stoppedOn, pauses: c.pauses, extensions: c.extensions, legalBasis: c.legalBasis,
});

type ClockPlan = { changed: ClockRow[]; all: ClockRow[]; dues: DueDates };
type DueDates = { dueDate: string | null; primaryDue?: string | null; primaryStopped?: string | null };

/**
 * The event's clock operations worked out on the case's clock rows: the rows to write and the due dates
 * the case row carries (null when the event touches no clock). Nothing is written here, so the caller
 * writes the case row once, with its state and due dates together.
 */
async function planClocks(tx: Tx, m: MachineDef, row: Pick<CaseRow, 'id' | 'data' | 'divisionCode'>, ops: ClockOp[], input: Record<string, unknown>, actor: Actor, at: Date, today: string, cal: WorkCalendar, fresh = false): Promise<ClockPlan | null> {
  if (ops.length === 0) return null;
  // A case being created has no clocks yet: nothing to read.
  const existing = new Map(fresh ? [] : (await repo.listClocks(tx, [row.id])).map((c) => [c.name, c]));
  const changed = new Map<string, ClockRow>();
  for (const op of ops) {
    const def = m.clocks[op.clock];
    const cur = existing.get(op.clock);
    let next: ClockRow | null = cur ? { ...cur, pauses: [...cur.pauses], extensions: [...cur.extensions] } : null;
    if (op.op === 'start' || op.op === 'restart' || !next) {
      if (op.op !== 'start' && op.op !== 'restart') continue; // pausing a clock that never started: nothing to do
      const limit = typeof def.limit === 'function' ? def.limit(row.data) : def.limit;
      if (limit === null || limit === undefined) continue; // e.g. an item without a promised limit
      next = {
        id: cur?.id ?? randomUUID(), caseId: row.id, name: op.clock, label: def.label,
        unit: typeof def.unit === 'function' ? def.unit(row.data) : def.unit, limitDays: limit,
        legalBasis: typeof def.legalBasis === 'function' ? def.legalBasis(row.data) : def.legalBasis, primary: def.primary ?? false, warnBefore: def.warnBefore ?? 1, state: 'running',
        startedOn: today, dueDate: null, provisional: false, stoppedOn: null, calendarVersion: Number(cal.version), pauses: [], extensions: [],
        derivation: '', warnedAt: null, overdueAt: null, divisionCode: row.divisionCode,
      };
    } else if (op.op === 'pause') {
      if (next.state !== 'running') continue;
      next.state = 'paused';
      next.pauses.push({ from: today, to: null, reason: op.reason, days: 0 });
    } else if (op.op === 'resume') {
      if (next.state !== 'paused') continue;
      const open = next.pauses.findIndex((p) => !p.to);
      if (open >= 0) next.pauses[open] = { ...next.pauses[open], to: today, days: pauseLength(next.unit as ClockData['unit'], next.pauses[open].from, today, cal) };
      next.state = 'running';
    } else if (op.op === 'extend') {
      const days = op.days ?? Number(input.days);
      if (!Number.isInteger(days) || days <= 0) throw new AppError('VALIDATION', '延长天数应为正整数', { fields: [{ path: 'days', message: '延长天数：应为正整数' }] });
      next.extensions.push({ days, approverId: actor.id ?? 'system', approverName: actor.name, reason: String(input.reason ?? input.comment ?? '延长办理期限'), at: at.toISOString() });
      next.overdueAt = null;
      next.warnedAt = null;
    } else if (op.op === 'stop') {
      if (next.state === 'stopped') continue;
      const open = next.pauses.findIndex((p) => !p.to);
      if (open >= 0) next.pauses[open] = { ...next.pauses[open], to: today, days: pauseLength(next.unit as ClockData['unit'], next.pauses[open].from, today, cal) };
      next.state = 'stopped';
      next.stoppedOn = today;
    }
    if (next.state !== 'stopped' || !next.dueDate) {
      const d = deriveDue(toClockData(next), cal);
      next.dueDate = d.dueDate;
      next.provisional = d.provisional;
      next.derivation = d.derivation;
      next.calendarVersion = Number(cal.version);
    }
    existing.set(op.clock, next);
    changed.set(op.clock, next);
  }
  if (changed.size === 0) return null;
  const all = [...existing.values()];
  return { changed: [...changed.values()], all, dues: dueDatesOf(all) };
}

/** The 工作台 sorts by the earliest running clock; the metrics read the primary clock off the case row. */
function dueDatesOf(clocks: ClockRow[]): DueDates {
  const dues = clocks.filter((c) => c.state === 'running' && c.dueDate).map((c) => c.dueDate!).sort();
  const primary = clocks.find((c) => c.primary);
  return { dueDate: dues[0] ?? null, ...(primary ? { primaryDue: primary.dueDate, primaryStopped: primary.stoppedOn } : {}) };
}

async function refreshCaseDue(tx: Tx, caseId: string, clocks: ClockRow[]): Promise<CaseRow> {
  return repo.setDueDates(tx, caseId, dueDatesOf(clocks));
}

// The clock rows a transition just wrote, handed to the response built in the same transaction.
const knownClocks = new WeakMap<CaseRow, ClockRow[]>();

/**
 * Recompute a clock's due date under the current calendar (after a year is published or edited): a due
 * date that waited for the calendar, or a provisional (预计) one, which is re-derived with its sentence.
 *
 * When a provisional date becomes a confirmed one, the overdue mark set on the estimate is cleared so the
 * scanner judges the clock again on the confirmed date: if it is still past, the case is marked overdue
 * on it and the machine's onOverdue event (a deemed outcome such as 视为受理) fires then, never on an
 * estimate; if the confirmed date is later, the case is simply no longer overdue. A changed date also
 * clears the warning mark, so the office is warned before the real date. The timeline records the change.
 */
export async function recomputeClock(tx: Tx, kernel: Kernel, clock: ClockRow, cal: WorkCalendar) {
  const d = deriveDue(toClockData(clock), cal);
  const changedDate = d.dueDate !== clock.dueDate;
  const confirmed = clock.provisional && !d.provisional;
  const patch: Partial<ClockRow> = { dueDate: d.dueDate, provisional: d.provisional, derivation: d.derivation, calendarVersion: Number(cal.version) };
  if (confirmed && clock.overdueAt) patch.overdueAt = null;
  if (changedDate && clock.warnedAt) patch.warnedAt = null;
  // Compare-and-set on the version it was derived under: a second scanner that raced us writes nothing.
  if (!(await repo.updateClock(tx, clock.id, patch, eq(caseClocks.calendarVersion, clock.calendarVersion)))) return null;
  const all = await repo.listClocks(tx, [clock.caseId]);
  const row = await refreshCaseDue(tx, clock.caseId, all.map((c) => (c.id === clock.id ? { ...c, dueDate: d.dueDate } : c)));
  if (clock.dueDate && (changedDate || confirmed) && row) {
    const was = clock.provisional ? `原预计到期日${clock.dueDate}` : `原到期日${clock.dueDate}`;
    const now = d.dueDate ? `${d.provisional ? '预计到期日' : '到期日'}${d.dueDate}` : '到期日待定';
    await repo.appendEvent(tx, {
      id: randomUUID(), caseId: row.id, event: 'clock.recomputed', fromState: row.state, toState: row.state, actorId: null, actorName: '系统',
      at: kernel.now(), comment: `${clock.label}：节假日安排更新，${was}，现${now}。${d.derivation}`, input: { clock: clock.name }, divisionCode: row.divisionCode,
    });
  }
  return d.dueDate;
}

export function clockView(c: ClockRow, today: string, cal: WorkCalendar): ClockView {
  return {
    name: c.name, label: c.label, unit: c.unit as ClockView['unit'], limit: c.limitDays, legalBasis: c.legalBasis,
    primary: c.primary, state: c.state as ClockView['state'], startedOn: c.startedOn, dueDate: c.dueDate, provisional: c.provisional,
    stoppedOn: c.stoppedOn, calendarVersion: c.calendarVersion, pauses: c.pauses, extensions: c.extensions,
    derivation: c.derivation, badge: deadlineBadge(toClockData(c), c.dueDate, today, cal, c.warnBefore, c.provisional),
  };
}

// ---- reading ---------------------------------------------------------------------------------------

export async function summaries(tx: Tx, kernel: Kernel, rows: CaseRow[], loadedClocks?: ClockRow[]): Promise<CaseSummary[]> {
  const cal = await kernel.calendar.get(tx);
  const today = kernel.today();
  const names = await repo.orgNames(tx, rows.map((r) => r.orgId));
  const clocks = loadedClocks ?? await repo.listClocks(tx, rows.map((r) => r.id));
  return rows.map((r) => {
    const reg = kernel.caseTypes.get(r.type);
    const m = reg?.machine;
    const mine = clocks.filter((c) => c.caseId === r.id);
    // The badge shows the most urgent clock still running, else the primary one.
    const running = mine.filter((c) => c.state !== 'stopped').sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    const shown = running[0] ?? mine.find((c) => c.primary) ?? null;
    return {
      id: r.id, caseType: r.type, caseTypeName: m?.label ?? r.type, refNo: r.refNo, title: r.title,
      state: r.state, stateName: m?.states[r.state]?.label ?? r.state, stateColor: m?.states[r.state]?.color ?? 'default',
      orgId: r.orgId, orgName: names.get(r.orgId) ?? '', divisionCode: r.divisionCode, applicantName: r.applicantName,
      createdAt: r.createdAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null, dueDate: r.dueDate,
      badge: shown ? clockView(shown, today, cal).badge : null,
      link: reg?.link?.(r) ?? `/cases/${r.id}`,
    };
  });
}

// JSON Schema of an event's input never changes at run time: derive it once, not on every page view.
const formCache = new WeakMap<MachineDef, Map<string, Record<string, unknown>>>();
function eventForm(m: MachineDef, event: string): Record<string, unknown> {
  let byEvent = formCache.get(m);
  if (!byEvent) formCache.set(m, (byEvent = new Map()));
  let f = byEvent.get(event);
  if (!f) byEvent.set(event, (f = z.toJSONSchema(eventInputSchema(m, event), { unrepresentable: 'any' }) as Record<string, unknown>));
  return f;
}

const extensionCounts = (clocks: ClockRow[]) => Object.fromEntries(clocks.map((c) => [c.name, c.extensions.length]));

/** The actions this actor may take; with the case's clocks known, an extension already used is not offered. */
export function actionsFor(kernel: Kernel, actor: Actor, row: CaseRow, clocks?: ClockRow[]): CaseAction[] {
  const m = registration(kernel, row.type).machine;
  const ext = clocks ? extensionCounts(clocks) : null;
  return offeredEvents(m, row.state, (p) => can(actor, p, row)).filter((e) => !ext || !extensionRefusal(m, e, ext)).map((event) => {
    const def = m.events[event];
    return {
      event, label: def.label, path: `/api/${m.plural}/${row.id}/${event}`,
      danger: def.danger ?? false,
      confirm: def.confirm ?? null,
      // Events without input get a confirmation instead of a form.
      form: def.input ? eventForm(m, event) : null,
    };
  });
}

/**
 * `known`: the row a transition by this actor just wrote in this transaction, so it is not read again —
 * and shown even if the transition moved it out of the actor's scope (a 退单 hands it back): the
 * actor sees the outcome of what they did, with no actions left. A 404 here would roll it back.
 */
export async function detail(tx: Tx, kernel: Kernel, actor: Actor, id: string, known?: CaseRow): Promise<CaseDetail> {
  const row = known ?? await loadVisible(tx, actor, id);
  const reg = registration(kernel, row.type);
  const m = reg.machine;
  const clocks = (known && knownClocks.get(known)) || await repo.listClocks(tx, [row.id]);
  const [summary] = await summaries(tx, kernel, [row], clocks);
  const cal = await kernel.calendar.get(tx);
  const today = kernel.today();
  const events = await repo.listEvents(tx, row.id);
  const label = (e: string) => m.events[e]?.label ?? KERNEL_EVENT_LABELS[e] ?? e;
  const stateName = (s: string | null) => (s ? m.states[s]?.label ?? s : null);
  return {
    ...summary,
    version: row.version,
    fields: reg.present ? await reg.present(tx, row, actor, kernel) : [],
    ...(await linkViews(tx, kernel, actor, row)),
    clocks: clocks.map((c) => clockView(c, today, cal)),
    events: events.map((e) => ({
      id: e.id, seq: e.seq, event: e.event, eventName: label(e.event), fromState: e.fromState, fromStateName: stateName(e.fromState),
      toState: e.toState, toStateName: stateName(e.toState)!, actorName: e.actorName, at: e.at.toISOString(), comment: e.comment,
    })),
    actions: actionsFor(kernel, actor, row, clocks),
  };
}

// ---- links between cases (case_links) ----

/** The cases linked to `row`, both ways, as the actor may see them; links out of their scope are counted only. */
export async function linkViews(tx: Tx, kernel: Kernel, actor: Actor, row: CaseRow) {
  const all = await repo.linksOf(tx, row.id);
  const seen = all.filter((l) => canSee(actor, l.other));
  const sums = await summaries(tx, kernel, seen.map((l) => l.other));
  const label = (kind: string, direction: 'out' | 'in') => {
    const k = kernel.caseLinks.get(kind);
    return k ? (direction === 'out' ? k.label : k.inverseLabel) : kind;
  };
  return {
    links: seen.map((l, i) => ({ kind: l.kind, label: label(l.kind, l.direction), direction: l.direction, case: sums[i] })),
    hiddenLinks: all.length - seen.length,
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Links case `fromId` to another case, named by id or by its number, as a declared `kind`. The actor
 * must see both (a link never reveals a case to someone who could not open it); members of the public
 * do not link. Linking twice is no change; each new link is audited on the linking case's stream.
 */
export async function linkCases(tx: Tx, kernel: Kernel, actor: Actor, fromId: string, to: string, kind: string): Promise<CaseRow> {
  if (!kernel.caseLinks.has(kind)) throw new AppError('VALIDATION', `关联类型“${kind}”不存在`, { fields: [{ path: 'kind', message: '关联类型：不存在' }] });
  if (actor.kind === 'public') throw new AppError('FORBIDDEN', '只有工作人员可以关联案件');
  const from = await loadVisible(tx, actor, fromId);
  const target = UUID_RE.test(to) ? await repo.getCase(tx, to) : await repo.findCaseByRef(tx, to);
  if (!target || !canSee(actor, target)) throw new AppError('NOT_FOUND', '关联案件不存在或您无权查看');
  if (target.id === from.id) throw new AppError('VALIDATION', '不能把案件与其自身关联', { fields: [{ path: 'to', message: '关联案件：不能是本案件' }] });
  const at = kernel.now();
  if (await repo.insertLink(tx, { id: randomUUID(), fromCaseId: from.id, toCaseId: target.id, kind, createdAt: at, createdBy: actor.id })) {
    await appendAudit(tx, actor, { stream: `case:${from.id}`, action: 'case.link', entityType: from.type, entityId: from.id, detail: { kind, to: target.id, toRefNo: target.refNo } }, at);
  }
  return from;
}

/** SQL filter: open cases of types/states where one of the actor's grants offers an event, in that grant's scope. */
export function pendingFilter(kernel: Kernel, actor: Actor, caseType?: string): SQL {
  const { cases } = repo.scope;
  const ors: SQL[] = [];
  for (const g of actor.grants) {
    const typeConds: SQL[] = [];
    for (const [type, reg] of kernel.caseTypes) {
      if (caseType && caseType !== type) continue;
      const states = Object.keys(reg.machine.states).filter((s) => offeredEvents(reg.machine, s, (p) => g.permissions.has(p)).length > 0);
      if (states.length) typeConds.push(and(eq(cases.type, type), inArray(cases.state, states))!);
    }
    // The grant's own row scope (one grant at a time: its states go with its coverage).
    if (typeConds.length) ors.push(and(scopeWhere({ ...actor, grants: [g] }, [...g.permissions], repo.caseScopeColumns), or(...typeConds))!);
  }
  return ors.length ? or(...ors)! : sql`false`;
}

export async function workbench(tx: Tx, kernel: Kernel, actor: Actor, q: { page: number; pageSize: number; caseType?: string; q?: string }) {
  const { items, total } = await repo.listPending(tx, pendingFilter(kernel, actor, q.caseType), q.page, q.pageSize, q.q);
  return { items: await summaries(tx, kernel, items), total };
}

/**
 * One page of a case type's list as the actor sees it (GET /api/<plural>, generated for every case
 * type): their scope, then the list's filters, newest first.
 */
export async function listOf(tx: Tx, kernel: Kernel, actor: Actor, type: string, q: CaseListQuery) {
  const r = await repo.listCases(tx, and(visibleFilter(actor, type), repo.listFilter(q, kernel.today())), q.page, q.pageSize);
  return { total: r.total, items: await summaries(tx, kernel, r.items) };
}

/** Cases the actor can see (any state), for domain list pages and the public "my cases" page. */
export function visibleFilter(actor: Actor, type: string): SQL {
  return and(eq(repo.scope.cases.type, type), scopeWhere(actor, CASE_VISIBLE, repo.caseVisibleColumns))!;
}

