import { describe, expect, it } from 'vitest';
import { checkTransition, isTerminal, offeredEvents } from '../../../core/shared/machine';
import { bundleMachine as m, FINISHED_PARTS } from './bundle.machine';

// Stated independently of the machine. A person may only withdraw the whole 一件事 before any
// department decides; every other move is derived from the child applications by the system.
const OFFERED: Record<string, string[]> = {
  submitted: ['withdraw'], correcting: ['withdraw'], processing: [],
  completed: [], partial: [], failed: [], withdrawn: [],
};
const OPEN = ['submitted', 'correcting', 'processing'];
const SYSTEM_FROM: Record<string, string[]> = {
  progress: ['submitted', 'correcting'],
  awaitCorrection: ['submitted', 'processing'],
  corrected: ['correcting'],
  complete: OPEN, completePartly: OPEN, fail: OPEN, allWithdrawn: OPEN,
};
const all = () => true;
const ctx = (state: string, kind: 'staff' | 'public' | 'system' = 'staff') => ({ state, data: {}, input: {}, actor: { id: 'x', kind } });

describe('一件事 machine', () => {
  it('offers a person only withdrawal, and only before processing', () => {
    for (const state of Object.keys(m.states)) expect(offeredEvents(m, state, all).sort(), state).toEqual(OFFERED[state]);
    expect(Object.keys(m.events).sort()).toEqual([...Object.keys(SYSTEM_FROM), 'withdraw'].sort());
  });

  it('allows withdrawal from exactly its states and refuses it elsewhere', () => {
    for (const state of Object.keys(m.states)) {
      const r = checkTransition(m, 'withdraw', ctx(state, 'public'), all);
      if (OFFERED[state].includes('withdraw')) expect(r, state).toBeNull();
      else expect(r, state).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
    }
  });

  it('lets only the system fire the derived events, each from exactly its states', () => {
    for (const [event, from] of Object.entries(SYSTEM_FROM)) {
      for (const state of Object.keys(m.states)) {
        expect(checkTransition(m, event, ctx(state, 'staff'), all), `${event}@${state} by staff`).toEqual({ code: 'FORBIDDEN' });
        const r = checkTransition(m, event, ctx(state, 'system'), () => false);
        if (from.includes(state)) expect(r, `${event}@${state}`).toBeNull();
        else expect(r, `${event}@${state}`).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
      }
    }
  });

  it('asks bundle.withdraw for withdrawal', () => {
    expect(checkTransition(m, 'withdraw', ctx('submitted'), (p) => p !== 'bundle.withdraw')).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(m, 'withdraw', ctx('submitted'), (p) => p === 'bundle.withdraw')).toBeNull();
    for (const state of Object.keys(m.states)) expect(offeredEvents(m, state, () => false), state).toEqual([]);
    expect(checkTransition(m, 'nonsense', ctx('submitted'), all)).toEqual({ code: 'UNKNOWN_EVENT' });
  });

  it('has no guards, asks on withdrawal what becomes of finished parts, and ends in four terminal states', () => {
    expect(Object.entries(m.events).filter(([, e]) => e.guard).map(([k]) => k)).toEqual([]);
    // The withdrawal dialog is the input form: with some departments finished it asks what becomes of their results.
    const input = m.events.withdraw.input!;
    expect(input.safeParse({}).success).toBe(true);
    expect(input.safeParse({ finishedParts: FINISHED_PARTS[0] }).success).toBe(true);
    expect(input.safeParse({ finishedParts: 'whatever' }).success).toBe(false);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['completed', 'failed', 'partial', 'withdrawn']);
  });

  it('runs the county’s promised clock from submission, only when the bundle promises days', () => {
    expect(m.initialClocks).toEqual(['promised']);
    const limit = m.clocks.promised.limit as (d: Record<string, unknown>) => number | null;
    expect([limit({ promisedDays: 7 }), limit({})]).toEqual([7, null]);
  });
});
