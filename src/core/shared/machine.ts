/**
 * The case engine's contract: every domain declares its workflow as data in `<name>.machine.ts`.
 * Pure and isomorphic, so the same table drives the server runner, the routes, OpenAPI, the UI's
 * buttons and the exhaustive unit tests.
 */
import { z } from 'zod';

/**
 * workday: working days on the published holiday calendar (行政许可法 第82条).
 * natural: natural days whose last day rolls over a rest day to the next working day (民事诉讼法 第85条,
 *   applied to procedural periods), so it needs the calendar near its end.
 * date: a term fixed in dates, such as a normative document's validity: start plus N days, no roll-over and
 *   no holiday calendar, so a five-year term has an exact end date from the first day.
 */
export type ClockUnit = 'workday' | 'natural' | 'date';

export type ClockDef = {
  label: string;
  /** A function lets the unit follow the case (an item whose statute counts natural days). */
  unit: ClockUnit | ((data: Record<string, unknown>) => ClockUnit);
  /** Days allowed. A function lets a domain read the limit from the case (e.g. the item's promised limit). */
  limit: number | ((data: Record<string, unknown>) => number | null);
  /** Cited in the derivation shown to users, e.g. '行政许可法 第42条'. */
  legalBasis: string | ((data: Record<string, unknown>) => string);
  /** The clock whose result counts for 按时办结率 and the generic overdue metric. */
  primary?: boolean;
  /** Warn this many working days before due (defaults to 1). */
  warnBefore?: number;
  /** System event fired when the clock runs out, e.g. 视为受理 (行政许可法 第32条). */
  onOverdue?: string;
};

export type ClockOp =
  /**
   * `asOfDueOf`: count from another clock's due date instead of the event's day — a deemed act takes
   * effect when its period ends, not when the scanner notices (行政复议法 第30条 视为受理).
   * `asOfInput`: count from a date the event's input carries (never later than the event's day) — a
   * judgment's appeal period runs from its service, which may precede its registration (行政诉讼法 第85条).
   */
  | { op: 'start'; clock: string; asOfDueOf?: string; asOfInput?: string }
  | { op: 'pause'; clock: string; reason: string }
  | { op: 'resume'; clock: string }
  /** Start the clock again from the event date, discarding elapsed time (e.g. 政府信息公开条例 第30条 补正). */
  | { op: 'restart'; clock: string }
  /**
   * Extension: the input must carry `days` (or the op fixes them) and the actor is recorded as approver.
   * `max`: how many extensions the clock allows in all (the statutes allow one: 行政许可法 第42条,
   * 政府信息公开条例 第33条); the kernel counts the clock's own extensions, so no domain keeps a flag,
   * and refuses with `refusal` (the Chinese reason) once they are used up.
   */
  | { op: 'extend'; clock: string; days?: number; max?: number; refusal?: string }
  | { op: 'stop'; clock: string }
  /**
   * Re-read a running clock's limit and legal basis from the case's data with `with` laid over it (the
   * event's own change), keeping its start, pauses and extensions: a procedure changed in mid-course
   * changes the limit, counted from the same start (行政复议法 第55条 简易程序 → 普通程序).
   */
  | { op: 'relimit'; clock: string; with: Record<string, unknown> };

export type GuardContext = {
  state: string;
  data: Record<string, unknown>;
  input: Record<string, unknown>;
  actor: { id: string; kind: 'staff' | 'public' | 'system' };
  /** Extensions each clock has had so far (clock name → count), for extend ops with a `max`. */
  extensions?: Record<string, number>;
};

export type EventDef<S extends string = string> = {
  label: string;
  from: readonly S[];
  to: S;
  /** Permission string '<type>.<action>'. Checked against the actor's roles in the scope of the case. */
  permission: string;
  input?: z.ZodObject;
  /** Returns a Chinese reason when the event may not happen now, else null. */
  guard?: (ctx: GuardContext) => string | null;
  /**
   * A guard that needs no input (the case's data and extensions only): checked before `guard` on every
   * transition, and evaluated by the case page too, so an action it would refuse is not offered.
   */
  precondition?: (ctx: Omit<GuardContext, 'input'>) => string | null;
  clocks?: readonly ClockOp[];
  /** Fired only by the system (jobs), never offered as a button. */
  system?: boolean;
  danger?: boolean;
  confirm?: string;
};

export type StateDef = {
  label: string;
  /** Closed cases leave the 工作台 and count as completed. */
  terminal?: boolean;
  color?: 'default' | 'processing' | 'success' | 'warning' | 'error';
};

export type MachineDef<S extends string = string, E extends string = string> = {
  /** Case type, singular, matches the permission prefix: 'application'. */
  type: string;
  /** URL plural: POST /api/<plural>/:id/<event>. */
  plural: string;
  label: string;
  initial: S;
  states: Record<S, StateDef>;
  clocks: Record<string, ClockDef>;
  /** Clocks started when the case is created (e.g. the 5-working-day acceptance clock). */
  initialClocks?: readonly string[];
  events: Record<E, EventDef<S>>;
  /**
   * The facts a case of this type keeps in `cases.data`: what its guards, preconditions and clock limits
   * read and what its hooks merge. Every key is declared (an undeclared or mistyped one is refused where
   * it is written: createCase, mergeCaseData, the bulk loader), so this object is the type's data
   * contract and its documentation. Every fact is optional: a case gains them as it moves. Required of
   * every machine registered as a case type (the kernel refuses to boot without it).
   */
  data?: z.ZodObject;
};

export function defineMachine<S extends string, E extends string>(m: MachineDef<S, E>): MachineDef<S, E> {
  for (const [name, ev] of Object.entries(m.events) as [string, EventDef<S>][]) {
    for (const s of [...ev.from, ev.to]) {
      if (!(s in m.states)) throw new Error(`machine ${m.type}: event ${name} names unknown state ${s}`);
    }
    for (const op of ev.clocks ?? []) {
      if (!(op.clock in m.clocks)) throw new Error(`machine ${m.type}: event ${name} names unknown clock ${op.clock}`);
    }
    if (!ev.permission.startsWith(`${m.type}.`)) {
      throw new Error(`machine ${m.type}: permission ${ev.permission} must start with ${m.type}.`);
    }
  }
  return m;
}

export type TransitionRefusal =
  | { code: 'UNKNOWN_EVENT' }
  | { code: 'FORBIDDEN' }
  | { code: 'TRANSITION_NOT_ALLOWED' }
  | { code: 'GUARD_FAILED'; reason: string };

/** Decide whether `event` may fire: the one rule used by the runner, the abilities list and the tests. */
export function checkTransition(
  machine: MachineDef,
  event: string,
  ctx: GuardContext,
  hasPermission: (permission: string) => boolean,
): TransitionRefusal | null {
  const def = machine.events[event];
  if (!def) return { code: 'UNKNOWN_EVENT' };
  if (def.system && ctx.actor.kind !== 'system') return { code: 'FORBIDDEN' };
  if (ctx.actor.kind !== 'system' && !hasPermission(def.permission)) return { code: 'FORBIDDEN' };
  if (!def.from.includes(ctx.state)) return { code: 'TRANSITION_NOT_ALLOWED' };
  const used = extensionRefusal(machine, event, ctx.extensions ?? {});
  if (used) return { code: 'GUARD_FAILED', reason: used };
  const reason = def.precondition?.(ctx) ?? def.guard?.(ctx) ?? null;
  return reason ? { code: 'GUARD_FAILED', reason } : null;
}

/** Why `event` may not extend again: one of its extend ops has used up its `max`; else null. */
export function extensionRefusal(machine: MachineDef, event: string, extensions: Record<string, number>): string | null {
  for (const op of machine.events[event]?.clocks ?? []) {
    if (op.op === 'extend' && op.max !== undefined && (extensions[op.clock] ?? 0) >= op.max) {
      return op.refusal ?? `${machine.clocks[op.clock]?.label ?? op.clock}只能延长${op.max}次`;
    }
  }
  return null;
}

/** Events with an extend op limited by `max` (the runner counts the clock's extensions only for them). */
export const limitsExtensions = (machine: MachineDef, event: string) =>
  (machine.events[event]?.clocks ?? []).some((op) => op.op === 'extend' && op.max !== undefined);

/** Events a (non-system) actor could fire from `state`, before input-dependent guards. */
export function offeredEvents(machine: MachineDef, state: string, hasPermission: (p: string) => boolean): string[] {
  return Object.entries(machine.events)
    .filter(([, ev]) => !ev.system && ev.from.includes(state) && hasPermission(ev.permission))
    .map(([name]) => name);
}

export const isTerminal = (machine: MachineDef, state: string) => machine.states[state]?.terminal === true;
