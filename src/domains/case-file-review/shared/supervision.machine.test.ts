import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { supervisionMachine as m } from './supervision.machine';

// The supervision cycle stated independently of the machine: the bureau verifies and issues (or dismisses),
// the unit signs, rectifies and replies, the bureau closes or sends back.
const EXPECTED: Record<string, string[]> = {
  verifying: ['dismiss', 'issue'], issued: ['receive'], rectifying: ['reply'], replied: ['accept', 'returnFix'], closed: [], dismissed: [],
};
const PERMISSION = {
  issue: 'supervision.manage', dismiss: 'supervision.manage', receive: 'supervision.handle', reply: 'supervision.handle',
  accept: 'supervision.manage', returnFix: 'supervision.manage',
};
const ctx = (state: string) => ({ state, data: {}, input: {}, actor: { id: 'x', kind: 'staff' as const } });

describe('行政执法监督 machine', () => {
  it('matches its table: only the bureau issues, dismisses and closes; the unit signs and replies', () => {
    expect(machineTableProblems(m, { offered: EXPECTED, permission: PERMISSION, ctx })).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s))).toEqual(['closed', 'dismissed']);
    // A unit holding only supervision.handle cannot close its own matter.
    expect(checkTransition(m, 'accept', ctx('replied'), (p) => p === 'supervision.handle')).toEqual({ code: 'FORBIDDEN' });
  });
  it('starts the working-day reply clock with the notice, its length the case data’s days, paused while the bureau reviews the reply', () => {
    expect(m.initialClocks).toBeUndefined();
    expect(m.events.issue.clocks).toEqual([{ op: 'start', clock: 'reply' }]);
    expect(m.clocks.reply.unit).toBe('workday');
    expect((m.clocks.reply.limit as (d: Record<string, unknown>) => number)({ days: 15 })).toBe(15);
    expect(m.events.reply.clocks).toEqual([{ op: 'pause', clock: 'reply', reason: '待司法局审查答复' }]);
    expect(m.events.returnFix.clocks).toEqual([{ op: 'resume', clock: 'reply' }]);
    expect(m.events.accept.clocks).toEqual([{ op: 'stop', clock: 'reply' }]);
  });
});
