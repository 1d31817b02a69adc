import { describe, expect, it } from 'vitest';
import { checkTransition, defineMachine, offeredEvents } from './machine';
import { permitMachine } from '../../../tests/fixtures/permit.domain';

const ctx = (state: string, input: Record<string, unknown> = {}, data: Record<string, unknown> = {}, kind: 'staff' | 'system' = 'staff') =>
  ({ state, data, input, actor: { id: 'u', kind } });
const all = () => true;

describe('machine as data', () => {
  it('refuses a machine naming an unknown state, clock or a permission of another type', () => {
    expect(() => defineMachine({ type: 'x', plural: 'xs', label: 'x', initial: 'a', states: { a: { label: 'A' } }, clocks: {},
      events: { go: { label: '去', from: ['a'], to: 'b' as 'a', permission: 'x.go' } } })).toThrow(/unknown state b/);
    expect(() => defineMachine({ type: 'x', plural: 'xs', label: 'x', initial: 'a', states: { a: { label: 'A' } }, clocks: {},
      events: { go: { label: '去', from: ['a'], to: 'a', permission: 'y.go' } } })).toThrow(/must start with x\./);
    expect(() => defineMachine({ type: 'x', plural: 'xs', label: 'x', initial: 'a', states: { a: { label: 'A' } }, clocks: {},
      events: { go: { label: '去', from: ['a'], to: 'a', permission: 'x.go', clocks: [{ op: 'stop', clock: 'nope' }] } } })).toThrow(/unknown clock nope/);
  });

  it('allows every event exactly from its from-states and refuses it from every other state', () => {
    for (const [event, def] of Object.entries(permitMachine.events)) {
      for (const state of Object.keys(permitMachine.states)) {
        const r = checkTransition(permitMachine, event, ctx(state, {}, {}, def.system ? 'system' : 'staff'), all);
        if ((def.from as readonly string[]).includes(state)) expect(r, `${event} from ${state}`).toBeNull();
        else expect(r, `${event} from ${state}`).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
      }
    }
  });

  it('checks permission before state, and keeps system events away from people', () => {
    expect(checkTransition(permitMachine, 'accept', ctx('approved'), () => false)).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(permitMachine, 'deemAccept', ctx('submitted'), all)).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(permitMachine, 'deemAccept', ctx('submitted', {}, {}, 'system'), () => false)).toBeNull();
    expect(checkTransition(permitMachine, 'nope', ctx('submitted'), all)).toEqual({ code: 'UNKNOWN_EVENT' });
  });

  it('refuses an extension once the clock has had its `max`, with the machine\'s Chinese reason', () => {
    // The runner counts the clock's own extensions (no flag in the case data).
    expect(checkTransition(permitMachine, 'extend', { ...ctx('accepted', { days: 10 }), extensions: { decision: 1 } }, all))
      .toEqual({ code: 'GUARD_FAILED', reason: '审批期限只能延长一次（行政许可法 第42条）' });
    expect(checkTransition(permitMachine, 'extend', { ...ctx('accepted', { days: 10 }), extensions: { decision: 0 } }, all)).toBeNull();
    expect(checkTransition(permitMachine, 'extend', ctx('accepted', { days: 10 }), all)).toBeNull();
  });

  it('offers only the non-system events the actor holds permissions for', () => {
    expect(offeredEvents(permitMachine, 'submitted', (p) => p === 'permit.accept').sort()).toEqual(['accept', 'reject', 'requestCorrection']);
    expect(offeredEvents(permitMachine, 'accepted', (p) => p === 'permit.review').sort()).toEqual(['approve', 'deny', 'finishExpertReview', 'startExpertReview'].filter((e) => (permitMachine.events as Record<string, { from: readonly string[] }>)[e].from.includes('accepted')).sort());
    expect(offeredEvents(permitMachine, 'approved', all)).toEqual([]);
  });
});
