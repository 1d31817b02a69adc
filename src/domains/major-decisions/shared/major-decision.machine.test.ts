import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { majorDecisionMachine as m, missingSteps } from './major-decision.machine';

// 重大行政决策程序暂行条例, stated independently of the machine: what people may do in each state.
const EXPECTED: Record<string, string[]> = {
  cataloged: ['recordExpertReview', 'recordParticipation', 'recordRiskAssessment', 'submitLegality', 'withdraw'],
  legalityReview: ['failLegality', 'passLegality'],
  readyForMeeting: ['decide'],
  decided: ['publish'],
  published: ['archive'],
  archived: [], withdrawn: [],
};
const PERMISSION: Record<string, string> = {
  recordParticipation: 'majorDecision.manage', recordExpertReview: 'majorDecision.manage', recordRiskAssessment: 'majorDecision.manage',
  submitLegality: 'majorDecision.manage', publish: 'majorDecision.manage', archive: 'majorDecision.manage',
  passLegality: 'majorDecision.review', failLegality: 'majorDecision.review',
  decide: 'majorDecision.decide', withdraw: 'majorDecision.decide',
};
const all = () => true;
const NEEDS_ALL = { participation: true, expert: true, risk: true };
// Every procedure the guards look for is done, so only the state decides.
const ready = { needs: NEEDS_ALL, done: NEEDS_ALL, legalityPassed: true };
const ctx = (state: string, data: Record<string, unknown> = ready) => ({ state, data, input: {}, actor: { id: 'x', kind: 'staff' as const } });
const fromState = (event: string) => Object.keys(EXPECTED).find((s) => EXPECTED[s].includes(event))!;

describe('重大行政决策 machine', () => {
  it('matches its table: each state offers exactly its events, each event is allowed from exactly its states and asks its own permission (the office manages, the justice bureau reviews, the leaders decide)', () => {
    expect(Object.keys(m.events).sort()).toEqual(Object.keys(PERMISSION).sort());
    expect(machineTableProblems(m, {
      offered: EXPECTED, permission: PERMISSION, ctx: (state) => ctx(state), fromState,
    })).toEqual([]);
  });

  it('refuses legality review until the required procedures are recorded, naming them (第14、19、22条)', () => {
    expect(checkTransition(m, 'submitLegality', ctx('cataloged', { needs: NEEDS_ALL, done: { expert: true } }), all)).toEqual({
      code: 'GUARD_FAILED', reason: '尚未完成：公众参与、风险评估（重大行政决策程序暂行条例 第14、19、22条），不能送合法性审查',
    });
    // A step the decision does not need is never asked for.
    expect(checkTransition(m, 'submitLegality', ctx('cataloged', { needs: { participation: true }, done: { participation: true } }), all)).toBeNull();
    expect(missingSteps({ needs: NEEDS_ALL })).toEqual(['公众参与', '专家论证', '风险评估']);
  });

  it('refuses collective discussion without a passed legality review (第25条)', () => {
    expect(checkTransition(m, 'decide', ctx('readyForMeeting', { needs: NEEDS_ALL, done: NEEDS_ALL }), all)).toEqual({
      code: 'GUARD_FAILED', reason: '尚未完成：合法性审查，不得提交集体讨论决定（重大行政决策程序暂行条例 第25条）',
    });
    expect(checkTransition(m, 'decide', ctx('readyForMeeting', { needs: { risk: true }, legalityPassed: true }), all)).toEqual({
      code: 'GUARD_FAILED', reason: '尚未完成：风险评估，不得提交集体讨论决定（重大行政决策程序暂行条例 第25条）',
    });
  });

  it('gives the reviewer at least 7 working days by default and ends archived or withdrawn', () => {
    expect(m.events.submitLegality.clocks).toEqual([{ op: 'restart', clock: 'legality' }]);
    const limit = m.clocks.legality.limit as (d: Record<string, unknown>) => number;
    expect([limit({}), limit({ legalityDays: 10 })]).toEqual([7, 10]);
    expect(Object.values(m.events).filter((e) => e.system)).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['archived', 'withdrawn']);
  });
});
