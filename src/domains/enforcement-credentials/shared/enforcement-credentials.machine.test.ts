import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { isTerminal } from '../../../core/shared/machine';
import { applicationMachine as m } from './enforcement-credentials.machine';
import { statusOn } from './enforcement-credentials.rules';

// Stated independently of the machine: what each side may do in each state of an application.
const EXPECTED: Record<string, string[]> = {
  submitted: ['issue', 'refuse', 'return', 'withdraw'],
  returned: ['resubmit', 'withdraw'],
  issued: [], refused: [], withdrawn: [],
};
// The justice bureau decides; the applying org corrects or withdraws.
const PERMISSION: Record<string, string> = {
  issue: 'credentialApplication.review', refuse: 'credentialApplication.review', return: 'credentialApplication.review',
  resubmit: 'credentialApplication.submit', withdraw: 'credentialApplication.submit',
};

describe('执法证件申领 machine', () => {
  it('matches its table: each state offers exactly its events with their own permission', () => {
    expect(Object.keys(m.events).sort()).toEqual(Object.keys(PERMISSION).sort());
    expect(machineTableProblems(m, { offered: EXPECTED, permission: PERMISSION, ctx: (state) => ({ state, data: {}, input: { reason: '材料不全，请补充考试成绩' }, actor: { id: 'x', kind: 'staff' } }) })).toEqual([]);
    expect(['issued', 'refused', 'withdrawn'].every((s) => isTerminal(m, s))).toBe(true);
  });
});

describe('a card on a day', () => {
  const card = { issuedOn: '2026-03-02', validTo: '2031-03-01', cancelledOn: null, status: 'valid' };
  it('is valid from the day of issue through validTo, void from the day of cancellation, suspended on the days a suspension covers', () => {
    expect(statusOn(card, [], '2026-03-01')).toBe('notYet');
    expect(statusOn(card, [], '2026-03-02')).toBe('valid');
    expect(statusOn(card, [], '2031-03-01')).toBe('valid');
    expect(statusOn(card, [], '2031-03-02')).toBe('expired');
    expect(statusOn({ ...card, status: 'renewed' }, [], '2031-03-02')).toBe('renewed');
    expect(statusOn({ ...card, cancelledOn: '2027-01-10' }, [], '2027-01-09')).toBe('valid');
    expect(statusOn({ ...card, cancelledOn: '2027-01-10' }, [], '2027-01-10')).toBe('cancelled');
    const s = [{ fromDate: '2026-05-10', toDate: '2026-05-20' }];
    expect(['2026-05-09', '2026-05-10', '2026-05-19', '2026-05-20'].map((d) => statusOn(card, s, d))).toEqual(['valid', 'suspended', 'suspended', 'valid']);
    expect(statusOn(card, [{ fromDate: '2026-05-10', toDate: null }], '2029-01-01')).toBe('suspended');
  });
});
