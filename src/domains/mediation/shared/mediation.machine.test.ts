import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { COURT_STAGES, DisputeInput, mediationMachine as m } from './mediation.machine';

// 人民调解法, stated independently of the machine: what the 调委会 may record in each state.
const EXPECTED: Record<string, string[]> = {
  registered: ['fail', 'session', 'withdraw'],
  mediating: ['agree', 'extend', 'fail', 'session', 'withdraw'],
  agreed: ['applyConfirm', 'followUp'],
  confirming: ['courtAnswer'],
  closed: [], failed: [], withdrawn: [],
};
const PERMISSION = Object.fromEntries(Object.keys(m.events).filter((e) => e !== 'windowClosed').map((e) => [e, 'mediation.handle']));
const ctx = (state: string, data: Record<string, unknown> = {}, kind: 'staff' | 'system' = 'staff') => ({ state, data, input: {}, actor: { id: 'x', kind } });
const all = () => true;

describe('人民调解 machine', () => {
  it('matches its table: each state offers exactly its events, each asks mediation.handle', () => {
    expect(machineTableProblems(m, { offered: EXPECTED, permission: PERMISSION, ctx: (state) => ctx(state) })).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['closed', 'failed', 'withdrawn']);
  });

  it('closes the 30-day 司法确认 window (第33条) only by the system, only from agreed', () => {
    expect(m.clocks.confirmWindow.limit).toBe(30);
    expect(m.clocks.confirmWindow.onOverdue).toBe('windowClosed');
    for (const state of Object.keys(m.states)) {
      expect(checkTransition(m, 'windowClosed', ctx(state), all), state).toEqual({ code: 'FORBIDDEN' });
      expect(checkTransition(m, 'windowClosed', ctx(state, {}, 'system'), all), state).toEqual(state === 'agreed' ? null : { code: 'TRANSITION_NOT_ALLOWED' });
    }
  });

  it('applies for 司法确认 once', () => {
    expect(checkTransition(m, 'applyConfirm', ctx('agreed'), all)).toBeNull();
    expect(checkTransition(m, 'applyConfirm', ctx('agreed', { confirmApplied: true }), all)).toEqual({ code: 'GUARD_FAILED', reason: '本案已申请过司法确认' });
  });

  it('takes the one-month norm by default and the court limits for court referrals (在线调解规则 第24条)', () => {
    const limit = m.clocks.mediate.limit as (d: Record<string, unknown>) => number;
    expect(limit({})).toBe(30);
    expect(limit({ limitDays: COURT_STAGES.filedSimple.days })).toBe(7);
    expect([COURT_STAGES.preFiling.days, COURT_STAGES.filedOrdinary.days, COURT_STAGES.filedSimple.days]).toEqual([30, 15, 7]);
    const basis = m.clocks.mediate.legalBasis as (d: Record<string, unknown>) => string;
    expect(basis({ courtStage: 'filedOrdinary' })).toContain('第24条');
    expect(basis({})).toContain('一个月');
  });

  it('refuses a dispute without both sides, or with a bad phone, in Chinese', () => {
    const base = { villageCode: '411202006001', type: '邻里纠纷', source: '村（居）调委会', summary: '排水纠纷', mediators: '贾秀梅', applicants: [{ name: '王某' }], respondents: [{ name: '李某' }] };
    expect(DisputeInput.safeParse(base).success).toBe(true);
    expect(DisputeInput.safeParse({ ...base, respondents: [] }).error?.issues[0].message).toBe('至少填写另一方当事人');
    expect(DisputeInput.safeParse({ ...base, applicants: [{ name: '王某', phone: '123' }] }).error?.issues[0].message).toBe('请填写11位手机号');
  });
});
