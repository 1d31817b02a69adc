import { describe, expect, it } from 'vitest';
import { checkTransition, offeredEvents } from '../../../core/shared/machine';
import { annualReportMachine as m } from './annual-report.machine';

const EXPECTED: Record<string, string[]> = {
  draft: ['submit'],
  internalReview: ['approveInternal', 'returnToDraft'],
  leaderApproval: ['approveLeader', 'returnToDraft'],
  confidentialityReview: ['passConfidentiality', 'returnToDraft'],
  published: [],
};

describe('annual report machine', () => {
  it('goes through every review before publication, and any reviewer can send it back', () => {
    for (const state of Object.keys(m.states)) {
      expect(offeredEvents(m, state, () => true).sort(), state).toEqual(EXPECTED[state].sort());
      for (const event of Object.keys(m.events)) {
        const r = checkTransition(m, event, { state, data: {}, input: {}, actor: { id: 'x', kind: 'staff' } }, () => true);
        expect(r === null, `${event}@${state}`).toBe(EXPECTED[state].includes(event));
      }
    }
  });

  it('needs a different permission at each step, so one person cannot publish alone', () => {
    const perms = ['submit', 'approveInternal', 'approveLeader', 'passConfidentiality'].map((e) => m.events[e as 'submit'].permission);
    expect(new Set(perms).size).toBe(4);
    expect(checkTransition(m, 'passConfidentiality', { state: 'confidentialityReview', data: {}, input: {}, actor: { id: 'x', kind: 'staff' } }, (p) => p !== 'annualReport.confidentiality')).toEqual({ code: 'FORBIDDEN' });
  });
});
