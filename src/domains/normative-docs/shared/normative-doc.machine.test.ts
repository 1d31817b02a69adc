import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { normativeDocMachine as m } from './normative-doc.machine';

// 国办发〔2018〕37号 and 115号, stated independently of the machine: the buttons in each state. 集体审议
// is offered from draft and legality review too, so the refusal can say why (its guard), but it only
// passes once the legality review has passed.
const EXPECTED: Record<string, string[]> = {
  draft: ['decide', 'recordFairCompetition', 'recordFirstReview', 'recordOfficeReview', 'recordPublicComment', 'submitLegality'],
  legalityReview: ['decide', 'failLegality', 'passLegality'],
  readyForMeeting: ['decide'],
  decided: ['publish'],
  published: ['file'],
  inForce: ['declareExpired', 'delist', 'keep', 'markForAmendment', 'repeal'],
  repealed: [], expired: [], delisted: [],
};
const PERMISSION: Record<string, string> = {
  recordFirstReview: 'normativeDoc.draft', recordPublicComment: 'normativeDoc.draft', recordFairCompetition: 'normativeDoc.draft', submitLegality: 'normativeDoc.draft',
  recordOfficeReview: 'normativeDoc.officeReview',
  passLegality: 'normativeDoc.review', failLegality: 'normativeDoc.review',
  decide: 'normativeDoc.decide',
  publish: 'normativeDoc.register', file: 'normativeDoc.register', keep: 'normativeDoc.register', markForAmendment: 'normativeDoc.register',
  repeal: 'normativeDoc.register', declareExpired: 'normativeDoc.register', delist: 'normativeDoc.register',
};
const NO_REVIEW = '未经司法局合法性审核或审核未通过的，不得提交集体审议（国办发〔2018〕37号）';
const all = () => true;
// Every step the guards look for is done, so only the state decides.
const ready = { commentRequired: true, affectsMarket: true, done: { firstReview: true, officeReview: true, publicComment: true, fairCompetition: true } };
const ctx = (state: string, data: Record<string, unknown> = ready, kind: 'staff' | 'system' = 'staff') => ({ state, data, input: {}, actor: { id: 'x', kind } });
const fromState = (event: string) => (event === 'decide' ? 'readyForMeeting' : Object.keys(EXPECTED).find((s) => EXPECTED[s].includes(event))!);

describe('行政规范性文件 machine', () => {
  it('matches its table: each state offers exactly its events, each event is allowed from exactly its states and asks its own permission (drafting unit, government office, justice bureau, leaders)', () => {
    expect(Object.keys(m.events).sort()).toEqual([...Object.keys(PERMISSION), 'expire'].sort());
    expect(machineTableProblems(m, {
      offered: EXPECTED, permission: PERMISSION, ctx: (state) => ctx(state), fromState,
    expect: (event, state) => (event === 'decide' && (state === 'draft' || state === 'legalityReview') ? { code: 'GUARD_FAILED', reason: NO_REVIEW } : undefined),
    })).toEqual([]);
  });

  it('lets only the system expire a document whose validity ran out', () => {
    expect(m.clocks.validity.onOverdue).toBe('expire');
    for (const state of Object.keys(m.states)) {
      expect(checkTransition(m, 'expire', ctx(state), all), state).toEqual({ code: 'FORBIDDEN' });
      expect(checkTransition(m, 'expire', ctx(state, ready, 'system'), all), state).toEqual(state === 'inForce' ? null : { code: 'TRANSITION_NOT_ALLOWED' });
    }
  });

  it('refuses legality review until 初审, 复审 and, when required, public comment are done, naming them', () => {
    expect(checkTransition(m, 'submitLegality', ctx('draft', { commentRequired: true, done: {} }), all)).toEqual({ code: 'GUARD_FAILED', reason: '尚未完成：起草单位初审、区政府办复审、公开征求意见，不能送司法局合法性审核' });
    expect(checkTransition(m, 'submitLegality', ctx('draft', { done: { firstReview: true } }), all)).toEqual({ code: 'GUARD_FAILED', reason: '尚未完成：区政府办复审，不能送司法局合法性审核' });
    expect(checkTransition(m, 'submitLegality', ctx('draft', { done: { firstReview: true, officeReview: true } }), all)).toBeNull();
  });

  it('refuses collective review of a document touching market players without fair-competition review (第18条)', () => {
    expect(checkTransition(m, 'decide', ctx('readyForMeeting', { affectsMarket: true, done: {} }), all)).toEqual({ code: 'GUARD_FAILED', reason: '涉及经营者经济活动，未经公平竞争审查的不得出台（公平竞争审查条例 第18条）' });
    expect(checkTransition(m, 'decide', ctx('readyForMeeting', { affectsMarket: false, done: {} }), all)).toBeNull();
  });

  it('starts filing on publication and validity on filing, and ends repealed, expired or delisted', () => {
    expect(m.events.publish.clocks).toEqual([{ op: 'start', clock: 'filing' }]);
    expect(m.events.file.clocks).toEqual([{ op: 'stop', clock: 'filing' }, { op: 'start', clock: 'validity' }]);
    expect(m.events.publish.input!.safeParse({ validYears: 6 }).error!.issues[0].message).toBe('有效期一般不超过5年');
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['delisted', 'expired', 'repealed']);
  });
});
