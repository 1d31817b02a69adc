/**
 * The bulk loader (decision 001: the runner is the only writer of `cases.state`): many cases created
 * along a path of events through their machine, each step checked against the machine's transitions,
 * with the timeline, clocks, due dates, audit records and daily rollups the runner would have written —
 * computed in memory with the runner's own clock arithmetic (applyClockOps) and written set-based.
 * Demo seeds (tens of thousands of historical cases) and test factories load cases through it, so no
 * domain writes kernel rows by hand and no seed can leave a case in a state its machine cannot reach.
 *
 * What it does not replay, by design:
 * - guards and input schemas: guards read facts (`data`) that a domain's hooks merge as the case moves,
 *   which a load does not replay; the caller gives each case its final `data`. Permission is not checked
 *   either (the steps are history, not requests). Transitions, system-only events excepted, and the
 *   extension limits (`max`) are checked.
 * - onTransition hooks and subscriptions: a domain writes its own rows set-based next to the load.
 * - the clock scanner: its warning and overdue marks are set only when asked (`scannedOn`), without
 *   firing the machine's onOverdue events or writing their timeline entries.
 */
import { checkCaseData } from './case.data';
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { isTerminal, extensionRefusal, type ClockOp, type MachineDef } from '../../shared/machine';
import { todayIso, type WorkCalendar } from '../../shared/calendar';
import type { Actor } from '../actor';
import { appendNewStreams } from '../audit';
import type { Tx } from '../db/db';
import type { Kernel } from '../contract';
import { caseEvents, cases as casesTable } from '../db/schema';
import * as repo from './case.repository';
import type { ClockRow } from './case.repository';
import { applyClockOps, extensionCounts, type ClockPlan } from './case.clocks';
import { registration } from './case.registry';

/** Who took a step: a member of staff, an applicant, or the system (default). */
export type BulkActor = { id?: string | null; name: string; kind?: Actor['kind'] };

export type BulkStep = {
  event: string;
  at: Date;
  actor?: BulkActor;
  /** The event's input as the runner would store it (an extension's days and reason, a dispatch's org…). */
  input?: Record<string, unknown>;
  comment?: string | null;
};

export type BulkCase = {
  /** Given when the caller writes its own rows keyed by the case; generated otherwise. */
  id?: string;
  title: string;
  orgId: string;
  divisionCode: string;
  applicantId?: string | null;
  applicantName?: string | null;
  /** The applicant's phone, SM4-encrypted by the caller (kernel.cipher.encrypt): demo cases can be called back. */
  applicantPhoneEnc?: string | null;
  parentId?: string | null;
  /** The case's final facts (guards and clock limits read them). */
  data?: Record<string, unknown>;
  /** A number already given (imports); else one is taken from the day's sequence as createCase does. */
  refNo?: string;
  createdAt: Date;
  createdBy?: BulkActor;
  createComment?: string | null;
  /** The events after creation, in order. */
  path?: BulkStep[];
};

export type BulkOptions = {
  /** Write the audit chain of each case (create and every step) as the runner does. Default true. */
  audit?: boolean;
  /**
   * Mark running clocks as the scanner would have by this date: warned inside the warning window,
   * overdue past the due date (demo history whose scanner runs are not replayed). Default: unmarked.
   */
  scannedOn?: string;
  /** Cases planned and written per round (memory and statement size). Default 5,000. */
  chunk?: number;
};

const SYSTEM: BulkActor = { id: null, name: '系统', kind: 'system' };
const actorOf = (a: BulkActor | undefined): Actor => {
  const b = a ?? SYSTEM;
  return { kind: b.kind ?? (b.id ? 'staff' : 'system'), id: b.id ?? null, name: b.name, grants: [], divisionCode: null };
};

/** A step the machine refuses, naming the case and the step. */
export class BulkPathError extends Error {}

type Planned = {
  row: typeof casesTable.$inferInsert;
  events: (typeof caseEvents.$inferInsert)[];
  clocks: ClockRow[];
  audit: { actor: Actor; entry: { action: string; entityType: string; entityId: string; detail: Record<string, unknown> }; at: Date }[];
  seqKey: string | null;
};

/**
 * One case's row, timeline, clocks and audit entries, as createCase and then transition would write
 * them for each step (the case number is filled in later, per chunk). Throws BulkPathError on a step
 * the machine does not allow.
 */
export function planBulkCase(m: MachineDef, cal: WorkCalendar, tz: string, c: BulkCase, label = c.title): Planned {
  const id = c.id ?? randomUUID();
  const data = c.data ?? {};
  checkCaseData(m.type, data, `the bulk loader (${label})`);
  const row = { id, data, divisionCode: c.divisionCode };
  let state = m.initial;
  let clocks: ClockRow[] = [];
  const dues: { dueDate: string | null; primaryDue: string | null; primaryStopped: string | null } = { dueDate: null, primaryDue: null, primaryStopped: null };
  const apply = (plan: ClockPlan | null) => {
    if (!plan) return;
    clocks = plan.all;
    Object.assign(dues, plan.dues);
  };
  const creator = actorOf(c.createdBy);
  const createdOn = todayIso(tz, c.createdAt);
  apply(applyClockOps({
    machine: m, row, ops: (m.initialClocks ?? []).map((k): ClockOp => ({ op: 'start', clock: k })), input: {}, actor: creator,
    at: c.createdAt, today: createdOn, calendar: cal, clocks: [],
  }));
  const events: Planned['events'] = [{
    id: randomUUID(), caseId: id, seq: 1, event: 'create', fromState: null, toState: m.initial, actorId: creator.id, actorName: creator.name,
    at: c.createdAt, comment: c.createComment ?? null, input: {}, divisionCode: c.divisionCode,
  }];
  const audit: Planned['audit'] = [{ actor: creator, entry: { action: `${m.type}.create`, entityType: m.type, entityId: id, detail: { refNo: '', state: m.initial } }, at: c.createdAt }];
  let last = c.createdAt;
  let closedAt: Date | null = isTerminal(m, m.initial) ? c.createdAt : null;
  for (const [i, step] of (c.path ?? []).entries()) {
    const where = `案件「${label}」第${i + 1}步「${step.event}」`;
    const def = m.events[step.event];
    if (!def) throw new BulkPathError(`${where}：${m.type}没有这个事件`);
    if (!def.from.includes(state)) throw new BulkPathError(`${where}：当前状态为「${m.states[state]?.label ?? state}」（${state}），不能执行「${def.label}」`);
    const actor = actorOf(step.actor);
    if (def.system && actor.kind !== 'system') throw new BulkPathError(`${where}：「${def.label}」只能由系统执行`);
    const used = extensionRefusal(m, step.event, extensionCounts(clocks));
    if (used) throw new BulkPathError(`${where}：${used}`);
    if (step.at < last) throw new BulkPathError(`${where}：时间早于上一步`);
    const terminal = isTerminal(m, def.to);
    const ops = [...(def.clocks ?? [])];
    // As the runner: a closed case stops every clock still running, whatever the machine says.
    if (terminal) for (const name of Object.keys(m.clocks)) if (!ops.some((o) => o.clock === name && o.op === 'stop')) ops.push({ op: 'stop', clock: name });
    const input = step.input ?? {};
    apply(applyClockOps({ machine: m, row, ops, input, actor, at: step.at, today: todayIso(tz, step.at), calendar: cal, clocks }));
    events.push({
      id: randomUUID(), caseId: id, seq: i + 2, event: step.event, fromState: state, toState: def.to, actorId: actor.id, actorName: actor.name,
      at: step.at, comment: step.comment ?? null, input, divisionCode: c.divisionCode,
    });
    audit.push({ actor, entry: { action: `${m.type}.${step.event}`, entityType: m.type, entityId: id, detail: { from: state, to: def.to } }, at: step.at });
    state = def.to;
    closedAt = terminal ? step.at : null;
    last = step.at;
  }
  return {
    row: {
      id, type: m.type, refNo: c.refNo ?? '', title: c.title, state, ...dues, divisionCode: c.divisionCode, orgId: c.orgId,
      applicantId: c.applicantId ?? null, applicantName: c.applicantName ?? null, applicantPhoneEnc: c.applicantPhoneEnc ?? null, parentId: c.parentId ?? null,
      data, version: events.length, createdBy: creator.id, idempotencyKey: null, createdAt: c.createdAt, updatedAt: last, closedAt,
    },
    events, clocks, audit,
    seqKey: c.refNo ? null : `${m.type}:${c.divisionCode.slice(0, 6)}:${createdOn}`,
  };
}

/** What the scanner would have marked on a running clock by `on` (its warning and overdue runs). */
function scanned(k: ClockRow, on: string, cal: WorkCalendar, at: Date): ClockRow {
  if (k.state !== 'running' || !k.dueDate || k.warnedAt) return k;
  let warnFrom: string;
  try { warnFrom = cal.addWorkdays(on, k.warnBefore); } catch { warnFrom = on; }
  if (k.dueDate > warnFrom) return k;
  return { ...k, warnedAt: at, overdueAt: k.dueDate < on ? at : null };
}

/**
 * Loads `list` of `type` in the caller's transaction, `chunk` at a time: each chunk planned (a refused
 * step throws, and the caller's transaction loads nothing), numbered, written and audited set-based;
 * then the daily rollups rebuilt from the loaded rows. Returns the loaded rows' ids and numbers in the order given.
 */
export async function bulkLoadCases(tx: Tx, kernel: Kernel, type: string, list: BulkCase[], opts: BulkOptions = {}): Promise<{ id: string; refNo: string; state: string }[]> {
  const reg = registration(kernel, type);
  const m = reg.machine;
  const cal = await kernel.calendar.get(tx);
  const out: { id: string; refNo: string; state: string }[] = [];
  const size = opts.chunk ?? 5000;
  const markAt = kernel.now();
  // Planned a chunk at a time to bound memory; a refused step in a later chunk throws in the caller's
  // transaction, so the chunks already written roll back with it.
  for (let i = 0; i < list.length; i += size) {
    const part = list.slice(i, i + size).map((c, j) => planBulkCase(m, cal, kernel.tz, c, c.refNo ?? `${c.title}（第${i + j + 1}件）`));
    // Numbers of a day in filing order, as createCase would have taken them one by one.
    const counts = new Map<string, number>();
    for (const p of part) if (p.seqKey) counts.set(p.seqKey, (counts.get(p.seqKey) ?? 0) + 1);
    const next = await repo.takeSequences(tx, counts);
    const numbered = part.filter((p) => p.seqKey).sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime());
    for (const p of numbered) {
      const n = next.get(p.seqKey!)!;
      next.set(p.seqKey!, n + 1);
      const day = p.seqKey!.slice(-10).replaceAll('-', '');
      p.row.refNo = `${reg.refPrefix}${p.row.divisionCode.slice(0, 6)}${day}${String(n).padStart(5, '0')}`;
    }
    for (const p of part) p.audit[0].entry.detail.refNo = p.row.refNo;
    await repo.insertLoaded(tx, {
      cases: part.map((p) => p.row), events: part.flatMap((p) => p.events),
      clocks: part.flatMap((p) => p.clocks.map((k) => (opts.scannedOn ? scanned(k, opts.scannedOn, cal, markAt) : k))),
    });
    if (opts.audit ?? true) await appendNewStreams(tx, part.map((p) => ({ stream: `case:${p.row.id}`, entries: p.audit })));
    for (const p of part) out.push({ id: p.row.id!, refNo: p.row.refNo, state: p.row.state });
  }
  for (let i = 0; i < out.length; i += 10_000) {
    await repo.rebuildDaily(tx, kernel.tz, inArray(casesTable.id, out.slice(i, i + 10_000).map((o) => o.id)));
  }
  return out;
}

/**
 * The shortest path of events from the machine's initial state to `target` (breadth first, staff and
 * system events alike), for factories that need a case in a given state. Null when unreachable.
 */
export function pathTo(m: MachineDef, target: string): string[] | null {
  const seen = new Map<string, string[]>([[m.initial, []]]);
  const queue = [m.initial];
  while (queue.length) {
    const s = queue.shift()!;
    if (s === target) return seen.get(s)!;
    if (isTerminal(m, s)) continue;
    for (const [name, ev] of Object.entries(m.events)) {
      if (!ev.from.includes(s) || seen.has(ev.to)) continue;
      seen.set(ev.to, [...seen.get(s)!, name]);
      queue.push(ev.to);
    }
  }
  return null;
}
