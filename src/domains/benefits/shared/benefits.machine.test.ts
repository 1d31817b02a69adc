import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { isTerminal } from '../../../core/shared/machine';
import { objectionMachine as obj, policyMachine as pol } from './benefits.machine';

// Stated independently of the machines: who may do what in each state.
const POLICY: Record<string, string[]> = {
  drafting: ['retire', 'submitReview'],
  legalReview: ['passReview', 'returnReview'],
  approving: ['publish', 'rejectApproval'],
  published: ['retire', 'revise'],
  retired: [],
};
const POLICY_PERMISSION: Record<string, string> = {
  submitReview: 'benefitPolicy.author', revise: 'benefitPolicy.author',
  passReview: 'benefitPolicy.review', returnReview: 'benefitPolicy.review',
  publish: 'benefitPolicy.approve', rejectApproval: 'benefitPolicy.approve', retire: 'benefitPolicy.approve',
};
const OBJECTION: Record<string, string[]> = { filed: ['confirm', 'correct', 'withdraw'], confirmed: [], corrected: [], withdrawn: [] };
const OBJECTION_PERMISSION: Record<string, string> = { confirm: 'benefitObjection.verify', correct: 'benefitObjection.verify', withdraw: 'benefitObjection.withdraw' };
const ctx = (state: string) => ({ state, data: {}, input: { opinion: '合法', reason: '理由', reply: '答复', value: '12' }, actor: { id: 'x', kind: 'staff' as const } });

describe('免申即享 machines', () => {
  it('policy: drafted by the department, reviewed by the justice bureau, approved and published by the government', () => {
    expect(Object.keys(pol.events).sort()).toEqual(Object.keys(POLICY_PERMISSION).sort());
    expect(machineTableProblems(pol, { offered: POLICY, permission: POLICY_PERMISSION, ctx })).toEqual([]);
    expect(Object.keys(pol.states).filter((s) => isTerminal(pol, s))).toEqual(['retired']);
    expect(pol.events.submitReview.clocks).toEqual([{ op: 'start', clock: 'review' }]);
  });
  it('objection: the owning department confirms or corrects within its clock; the firm may withdraw', () => {
    expect(machineTableProblems(obj, { offered: OBJECTION, permission: OBJECTION_PERMISSION, ctx })).toEqual([]);
    expect(obj.initialClocks).toEqual(['verify']);
    expect(Object.keys(obj.states).filter((s) => isTerminal(obj, s)).sort()).toEqual(['confirmed', 'corrected', 'withdrawn']);
  });
});
