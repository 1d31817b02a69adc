import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal, offeredEvents } from '../../../core/shared/machine';
import { disclosureRequestMachine as m } from './disclosure.machine';

// 政府信息公开条例 第30–37条, stated independently of the machine: what people may do in each state.
const EXPECTED: Record<string, string[]> = {
  received: ['consult', 'extend', 'reply', 'requestCorrection'],
  correcting: ['correct'],
  consulting: ['consulted', 'reply'],
  replied: [], abandoned: [],
};
const PERMISSION: Record<string, string> = {
  requestCorrection: 'disclosureRequest.handle', consult: 'disclosureRequest.handle', consulted: 'disclosureRequest.handle', reply: 'disclosureRequest.handle',
  correct: 'disclosureRequest.correct', extend: 'disclosureRequest.extend',
};
const all = () => true;
const ctx = (state: string, data: Record<string, unknown> = {}, kind: 'staff' | 'system' = 'staff') => ({ state, data, input: {}, actor: { id: 'x', kind } });
const fromState = (event: string) => Object.keys(EXPECTED).find((s) => EXPECTED[s].includes(event))!;

describe('依申请公开 machine', () => {
  it('matches its table: each state offers exactly its events, each event is allowed from exactly its states and asks its own permission (staff handle, the applicant corrects, the office head extends)', () => {
    expect(Object.keys(m.events).sort()).toEqual([...Object.keys(PERMISSION), 'abandon'].sort());
    expect(machineTableProblems(m, {
      offered: EXPECTED, permission: PERMISSION, ctx: (state) => ctx(state), fromState,
    })).toEqual([]);
    expect(offeredEvents(m, 'received', (p) => p === 'disclosureRequest.handle').sort()).toEqual(['consult', 'reply', 'requestCorrection']);
  });

  it('lets only the system abandon a request whose correction period ran out (第30条)', () => {
    expect(m.clocks.correction.onOverdue).toBe('abandon');
    for (const state of Object.keys(m.states)) {
      expect(checkTransition(m, 'abandon', ctx(state), all), state).toEqual({ code: 'FORBIDDEN' });
      expect(checkTransition(m, 'abandon', ctx(state, {}, 'system'), all), state).toEqual(state === 'correcting' ? null : { code: 'TRANSITION_NOT_ALLOWED' });
    }
  });

  it('asks for correction once and extends once, saying why in Chinese', () => {
    expect(checkTransition(m, 'requestCorrection', ctx('received', { corrected: true }), all)).toEqual({ code: 'GUARD_FAILED', reason: '申请已补正过一次，补正后仍不明确的应按“无法提供”答复' });
    expect(checkTransition(m, 'extend', { ...ctx('received'), extensions: { reply: 1 } }, all)).toEqual({ code: 'GUARD_FAILED', reason: '答复期限只能延长一次（政府信息公开条例 第33条）' });
    expect(checkTransition(m, 'extend', { ...ctx('received'), extensions: { reply: 0 } }, all)).toBeNull();
    expect(m.events.extend.input!.safeParse({ days: 21, reason: '需调取档案' }).error!.issues[0].message).toBe('延长不得超过20个工作日');
  });

  it('restarts the reply clock on correction and does not count third-party consultation', () => {
    expect(m.initialClocks).toEqual(['reply', 'correctionNotice']);
    expect(m.events.requestCorrection.clocks).toContainEqual({ op: 'pause', clock: 'reply', reason: '等待补正' });
    expect(m.events.correct.clocks).toEqual([{ op: 'stop', clock: 'correction' }, { op: 'restart', clock: 'reply' }]);
    expect(m.events.consult.clocks?.map((c) => c.op)).toEqual(['pause']);
    expect(m.events.consulted.clocks).toEqual([{ op: 'resume', clock: 'reply' }]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['abandoned', 'replied']);
  });
});
