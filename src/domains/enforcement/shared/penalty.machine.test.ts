import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { decisionProblem, penaltyMachine as m } from './penalty.machine';
import { inspectionMachine as im } from './inspection.machine';

// 行政处罚法 stated independently of the machine: what may be done in each state.
const EXPECTED: Record<string, string[]> = {
  investigating: ['extend', 'notify', 'recordEvidence'],
  notified: ['requestHearing', 'waiveHearing'],
  hearing: ['holdHearing', 'scheduleHearing'],
  ready: ['decide', 'decideOther', 'discuss', 'extendReady', 'submitReview'],
  legalReview: ['failReview', 'passReview'],
  decided: ['publish', 'revoke', 'revokePublished', 'serve'],
  executing: ['close', 'publishServed', 'revoke', 'revokePublished'],
  closed: ['revoke', 'revokePublished'],
  revoked: ['withdraw'],
  annulled: [],
};
const H = 'penalty.handle';
const D = 'penalty.decide';
const PERMISSION: Record<string, string> = {
  recordEvidence: H, notify: H, requestHearing: H, waiveHearing: H, scheduleHearing: H, holdHearing: H, submitReview: H,
  passReview: 'penalty.review', failReview: 'penalty.review', discuss: D, decide: D, decideOther: D, extend: 'penalty.extend', extendReady: 'penalty.extend',
  serve: H, publish: H, publishServed: H, close: H, revoke: D, revokePublished: D, withdraw: H,
};
const PUBLISHED_ONLY = ['close', 'revokePublished', 'withdraw'];
const UNPUBLISHED_ONLY = ['publish', 'publishServed', 'revoke'];
const okData = { evidenceCount: 1, hearingEligible: true, hearingOn: '2026-10-14', reviewRequired: true, reviewPassed: true, major: true, discussed: true };
const ctx = (state: string, data: Record<string, unknown>) => ({ state, data, input: {}, actor: { id: 'x', kind: 'staff' as const } });
const pick = (keys: string[]) => Object.fromEntries(Object.entries(PERMISSION).filter(([k]) => keys.includes(k)));

describe('行政处罚 machine', () => {
  it('matches its table: each state offers exactly its events with their permissions (officers handle, the head decides and extends, reviewers review)', () => {
    expect(Object.keys(m.events).sort()).toEqual([...Object.keys(PERMISSION), 'hearingLapse'].sort());
    const rest = pick(Object.keys(PERMISSION).filter((k) => !PUBLISHED_ONLY.includes(k) && !UNPUBLISHED_ONLY.includes(k)));
    expect(machineTableProblems(m, { offered: EXPECTED, permission: { ...rest, ...pick(UNPUBLISHED_ONLY) }, ctx: (s) => ctx(s, { ...okData, published: false }) })).toEqual([]);
    expect(machineTableProblems(m, { offered: EXPECTED, permission: pick(PUBLISHED_ONLY), ctx: (s) => ctx(s, { ...okData, published: true }) })).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['annulled', 'closed']);
  });

  it('states its clocks: 90 natural days from 立案 (第60条), 5 and 7 working days (第64条, 第61条), 公示 7/20 working days (118号), withdrawal 3 (第48条)', () => {
    expect(m.clocks.decide).toMatchObject({ unit: 'natural', limit: 90, primary: true });
    expect(m.clocks.hearingRequest).toMatchObject({ unit: 'workday', limit: 5, onOverdue: 'hearingLapse' });
    expect(m.clocks.serve).toMatchObject({ unit: 'workday', limit: 7 });
    expect(m.clocks.publish).toMatchObject({ unit: 'workday', limit: 7 });
    expect(m.clocks.publishOther).toMatchObject({ unit: 'workday', limit: 20 });
    expect(m.clocks.withdraw).toMatchObject({ unit: 'workday', limit: 3 });
    expect(m.initialClocks).toEqual(['decide']);
    // Only the system lets the hearing window lapse.
    expect(checkTransition(m, 'hearingLapse', ctx('notified', okData), () => true)).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(m, 'hearingLapse', { ...ctx('notified', okData), actor: { id: 's', kind: 'system' } }, () => true)).toBeNull();
  });

  it('refuses to notify before evidence, a hearing outside 第63条, and a decision without a passed review (第58条) or without collective discussion of a major case (第57条)', () => {
    const all = () => true;
    expect(checkTransition(m, 'notify', ctx('investigating', { evidenceCount: 0 }), all)).toMatchObject({ code: 'GUARD_FAILED' });
    expect(checkTransition(m, 'requestHearing', ctx('notified', { hearingEligible: false }), all)).toMatchObject({ code: 'GUARD_FAILED' });
    expect(decisionProblem({ reviewRequired: true })).toContain('第58条');
    expect(decisionProblem({ reviewRequired: true, reviewPassed: false })).toContain('第58条');
    expect(decisionProblem({ reviewRequired: true, reviewPassed: true, major: true })).toContain('第57条');
    expect(decisionProblem({ reviewRequired: false })).toBeNull();
    expect(checkTransition(m, 'decide', ctx('ready', { reviewRequired: true, reviewPassed: false }), all)).toMatchObject({ code: 'GUARD_FAILED' });
  });
});

describe('涉企行政检查 machine', () => {
  it('holds an over-cap visit for the head: only the system flags it, only inspection.approve releases or refuses it', () => {
    expect(machineTableProblems(im, {
      offered: { registered: ['cancel', 'complete'], awaitingApproval: ['approve', 'cancel', 'refuse'], completed: [], refused: [], cancelled: [] },
      permission: { approve: 'inspection.approve', refuse: 'inspection.approve', complete: 'inspection.register', cancel: 'inspection.register' },
      ctx: (s) => ctx(s, {}),
    })).toEqual([]);
    expect(checkTransition(im, 'flagOverCap', ctx('registered', {}), () => true)).toEqual({ code: 'FORBIDDEN' });
  });
});
