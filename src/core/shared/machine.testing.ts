/**
 * The table every machine test states by hand (which events each state offers, and which permission
 * each event asks), checked against the machine in one place. Each machine test writes its own
 * expected table — the table is the specification — and gets back the differences, named
 * `event@state`, so a failing test says exactly which cell disagrees.
 */
import { checkTransition, offeredEvents, type GuardContext, type MachineDef, type TransitionRefusal } from './machine';

export type MachineTable = {
  /** For every state, the (non-system) events offered with every permission, sorted. */
  offered: Record<string, string[]>;
  /** For every non-system event, the one permission it asks. */
  permission: Record<string, string>;
  /** The guard context in a state (data that satisfies the guards unless a test says otherwise). */
  ctx: (state: string) => GuardContext;
  /** Where an event is tried for its permission (default: the first state that offers it). */
  fromState?: (event: string) => string;
  /** The refusal expected where it is not simply allowed/not allowed (e.g. a guard that always refuses there). */
  expect?: (event: string, state: string) => TransitionRefusal | null | undefined;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function machineTableProblems(m: MachineDef, t: MachineTable): string[] {
  const problems: string[] = [];
  const all = () => true;
  const states = Object.keys(m.states);
  for (const state of states) {
    const got = offeredEvents(m, state, all).sort();
    if (!same(got, t.offered[state] ?? [])) problems.push(`offered@${state}: ${got.join(',')} ≠ ${(t.offered[state] ?? []).join(',')}`);
    if (offeredEvents(m, state, () => false).length) problems.push(`offered without permissions@${state}`);
  }
  for (const event of Object.keys(t.permission)) {
    for (const state of states) {
      const want = t.expect?.(event, state) ?? ((t.offered[state] ?? []).includes(event) ? null : { code: 'TRANSITION_NOT_ALLOWED' });
      const got = checkTransition(m, event, t.ctx(state), all);
      if (!same(got, want)) problems.push(`${event}@${state}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    const from = t.fromState?.(event) ?? states.find((s) => (t.offered[s] ?? []).includes(event));
    if (!from) { problems.push(`${event}: offered nowhere`); continue; }
    const permission = t.permission[event];
    if (!same(checkTransition(m, event, t.ctx(from), (p) => p !== permission), { code: 'FORBIDDEN' })) problems.push(`${event}: allowed without ${permission}`);
    if (checkTransition(m, event, t.ctx(from), (p) => p === permission) !== null) problems.push(`${event}: refused with only ${permission}`);
  }
  return problems;
}
