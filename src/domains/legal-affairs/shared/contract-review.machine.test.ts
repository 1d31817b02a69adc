import { describe, expect, it } from 'vitest';
import { checkTransition, offeredEvents } from '../../../core/shared/machine';
import { contractReviewMachine as m } from './contract-review.machine';

const EXPECTED: Record<string, string[]> = {
  submitted: ['accept', 'requestMaterials', 'withdraw'],
  underReview: ['requestMaterials', 'issueOpinion'],
  returned: ['resubmit', 'withdraw'],
  opinionIssued: ['close'],
  closed: [],
  withdrawn: [],
};
const staff = { id: 'x', kind: 'staff' as const };
const opinion = (conclusion: string, comments: unknown[]) => checkTransition(m, 'issueOpinion', { state: 'underReview', data: {}, input: { conclusion, summary: '意见', comments }, actor: staff }, () => true);

describe('contract review machine', () => {
  it('offers exactly the steps of the procedure in each state', () => {
    for (const state of Object.keys(m.states)) {
      expect(offeredEvents(m, state, () => true).sort(), state).toEqual(EXPECTED[state].sort());
      for (const event of Object.keys(m.events)) {
        const r = checkTransition(m, event, { state, data: {}, input: { conclusion: '通过', comments: [] }, actor: staff }, () => true);
        expect(r === null, `${event}@${state}`).toBe(EXPECTED[state].includes(event));
      }
    }
  });

  it('separates the sending agency from the reviewer', () => {
    const sender = (p: string) => p === 'contractReview.submit';
    expect(offeredEvents(m, 'submitted', sender)).toEqual(['withdraw']);
    expect(offeredEvents(m, 'underReview', sender)).toEqual([]);
    expect(checkTransition(m, 'issueOpinion', { state: 'underReview', data: {}, input: {}, actor: staff }, sender)).toEqual({ code: 'FORBIDDEN' });
    expect(offeredEvents(m, 'opinionIssued', (p) => p === 'contractReview.review')).toEqual([]);
  });

  it('refuses an opinion that asks for changes or refuses the contract without a single comment', () => {
    expect(opinion('通过', [])).toBeNull();
    expect(opinion('修改后通过', [])).toEqual({ code: 'GUARD_FAILED', reason: '审查结论为「修改后通过」的，应当逐条列明问题和修改意见' });
    expect(opinion('不予通过', [])).toMatchObject({ code: 'GUARD_FAILED' });
    expect(opinion('不予通过', [{ clause: '第一条', problem: '问题', suggestion: '意见' }])).toBeNull();
  });

  it('runs the review clock from submission, pauses it on a return and starts it again on resubmission', () => {
    expect(m.initialClocks).toEqual(['review']);
    expect(m.events.requestMaterials.clocks).toEqual([{ op: 'pause', clock: 'review', reason: '退回补充材料' }]);
    expect(m.events.resubmit.clocks).toEqual([{ op: 'restart', clock: 'review' }]);
    expect(m.events.issueOpinion.clocks).toEqual([{ op: 'stop', clock: 'review' }]);
    const limit = m.clocks.review.limit as (d: Record<string, unknown>) => number;
    expect([limit({}), limit({ reviewDays: 7 })]).toEqual([5, 7]);
  });
});
