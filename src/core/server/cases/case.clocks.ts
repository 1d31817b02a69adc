/**
 * Clock planning (DESIGN §4.3): an event's clock operations worked out on the case's clock rows, due
 * dates with their derivation, re-derivation when the calendar moves, and the clock view.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { type ClockOp, type MachineDef } from '../../shared/machine';
import { deadlineBadge, deriveDue, pauseLength, type ClockData } from '../../shared/clock';
import { todayIso, type WorkCalendar } from '../../shared/calendar';
import type { ClockView } from '../../shared/schemas';
import { type Actor } from '../actor';
import type { Tx } from '../db/db';
import type { Kernel } from '../contract';
import * as repo from './case.repository';
import type { CaseRow, ClockRow } from './case.repository';
import { caseClocks } from '../db/schema';

// ---- clocks ----------------------------------------------------------------------------------------

const toClockData = (c: ClockRow): ClockData => ({
  label: c.label, unit: c.unit as ClockData['unit'], limitDays: c.limitDays, state: c.state as ClockData['state'],
  startedOn: c.startedOn, stoppedOn: c.stoppedOn, pauses: c.pauses, extensions: c.extensions, legalBasis: c.legalBasis,
});

export type ClockPlan = { changed: ClockRow[]; all: ClockRow[]; dues: DueDates };
type DueDates = { dueDate: string | null; primaryDue?: string | null; primaryStopped?: string | null };

/**
 * The event's clock operations worked out on the case's clock rows: the rows to write and the due dates
 * the case row carries (null when the event touches no clock). Nothing is written here, so the caller
 * writes the case row once, with its state and due dates together.
 */
export type ClockPlanInput = {
  machine: MachineDef;
  row: Pick<CaseRow, 'id' | 'data' | 'divisionCode'>;
  ops: ClockOp[];
  /** The event's input (an extension's days and reason). */
  input: Record<string, unknown>;
  /** The approver of an extension. */
  actor: Actor;
  at: Date;
  today: string;
  calendar: WorkCalendar;
  /** A case being created has no clock rows yet: nothing to read. */
  fresh?: boolean;
  /** The case's clock rows when the caller has read them already in this transaction. */
  clocks?: ClockRow[];
};

export async function planClocks(tx: Tx, input: ClockPlanInput): Promise<ClockPlan | null> {
  if (input.ops.length === 0) return null;
  // A case being created has no clocks yet: nothing to read.
  const clocks = input.fresh ? [] : (input.clocks ?? await repo.listClocks(tx, [input.row.id]));
  return applyClockOps({ ...input, clocks });
}

/** The day a started clock counts from: the event's day, or the day its op names (never later). */
function startOf(op: Extract<ClockOp, { op: 'start' }>, existing: Map<string, ClockRow>, input: Record<string, unknown>, today: string): string {
  const named = op.asOfDueOf ? existing.get(op.asOfDueOf)?.dueDate : op.asOfInput ? input[op.asOfInput] : null;
  return typeof named === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(named) && named <= today ? named : today;
}

/**
 * The clock arithmetic of planClocks on clock rows already in hand, without a database: the runner and
 * the bulk loader (case.bulk.ts) share it, so a loaded case's clocks are the ones the runner would write.
 */
export function applyClockOps({ machine: m, row, ops, input, actor, at, today, calendar: cal, clocks }: Omit<ClockPlanInput, 'fresh' | 'clocks'> & { clocks: ClockRow[] }): ClockPlan | null {
  if (ops.length === 0) return null;
  const existing = new Map(clocks.map((c) => [c.name, c]));
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
        startedOn: op.op === 'start' ? startOf(op, existing, input, today) : today, dueDate: null, provisional: false, stoppedOn: null, calendarVersion: Number(cal.version), pauses: [], extensions: [],
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
    } else if (op.op === 'relimit') {
      if (next.state === 'stopped') continue;
      const data = { ...row.data, ...op.with };
      const limit = typeof def.limit === 'function' ? def.limit(data) : def.limit;
      if (limit === null || limit === undefined) continue;
      next.limitDays = limit;
      next.legalBasis = typeof def.legalBasis === 'function' ? def.legalBasis(data) : def.legalBasis;
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
export function dueDatesOf(clocks: ClockRow[]): DueDates {
  const dues = clocks.filter((c) => c.state === 'running' && c.dueDate).map((c) => c.dueDate!).sort();
  const primary = clocks.find((c) => c.primary);
  return { dueDate: dues[0] ?? null, ...(primary ? { primaryDue: primary.dueDate, primaryStopped: primary.stoppedOn } : {}) };
}

export async function refreshCaseDue(tx: Tx, caseId: string, clocks: ClockRow[]): Promise<CaseRow> {
  return repo.setDueDates(tx, caseId, dueDatesOf(clocks));
}

// The clock rows a transition just wrote, handed to the response built in the same transaction.
export const knownClocks = new WeakMap<CaseRow, ClockRow[]>();

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
  // A closed pause is measured again on this calendar: one measured on weekends alone past the calendar
  // it ended under takes the published holidays now.
  const pauses = clock.pauses.map((p) => (p.to ? { ...p, days: pauseLength(clock.unit as ClockData['unit'], p.from, p.to, cal) } : p));
  const d = deriveDue(toClockData({ ...clock, pauses }), cal);
  const changedDate = d.dueDate !== clock.dueDate;
  const confirmed = clock.provisional && !d.provisional;
  const patch: Partial<ClockRow> = { dueDate: d.dueDate, provisional: d.provisional, derivation: d.derivation, calendarVersion: Number(cal.version), pauses };
  if (confirmed && clock.overdueAt) patch.overdueAt = null;
  if (changedDate && clock.warnedAt) patch.warnedAt = null;
  // Compare-and-set on the version it was derived under: a second scanner that raced us writes nothing.
  if (!(await repo.updateClock(tx, clock.id, patch, eq(caseClocks.calendarVersion, clock.calendarVersion)))) return null;
  const all = await repo.listClocks(tx, [clock.caseId]);
  const row = await refreshCaseDue(tx, clock.caseId, all.map((c) => (c.id === clock.id ? { ...c, dueDate: d.dueDate } : c)));
  // A case closed on an estimate was counted on time or late, on its closing day, against the estimate:
  // the confirmed date may reverse that verdict, and the rollup the rates read must follow it.
  if (row?.closedAt && clock.primary && changedDate) {
    const verdict = (due: string | null) => ({ withClock: due ? 1 : 0, onTime: due && row.primaryStopped && row.primaryStopped <= due ? 1 : 0 });
    const was = verdict(clock.dueDate), now = verdict(d.dueDate);
    if (was.withClock !== now.withClock || was.onTime !== now.onTime) {
      await repo.bumpDaily(tx, { divisionCode: row.divisionCode, orgId: row.orgId, type: row.type, day: todayIso(kernel.tz, row.closedAt) },
        { withClock: now.withClock - was.withClock, onTime: now.onTime - was.onTime });
    }
  }
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

export const extensionCounts = (clocks: ClockRow[]) => Object.fromEntries(clocks.map((c) => [c.name, c.extensions.length]));
