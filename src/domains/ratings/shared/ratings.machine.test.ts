import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { isTerminal, offeredEvents } from '../../../core/shared/machine';
import { complaintFixMachine as m } from './ratings.machine';

// 国办发〔2019〕51号, stated independently of the machine: every 差评 is verified, then rectified or
// explained; a mistaken or malicious one may be appealed before it is closed.
const EXPECTED: Record<string, string[]> = {
  verifying: ['appeal', 'contact'],
  rectifying: ['appeal', 'explain', 'rectify'],
  appealed: ['rejectAppeal', 'upholdAppeal'],
  // the unit's report is checked by the administration before the case closes
  reviewing: ['acceptFix', 'returnFix'],
  closed: [], voided: [],
};
const PERMISSION: Record<string, string> = {
  contact: 'complaintFix.handle', rectify: 'complaintFix.handle', explain: 'complaintFix.handle', appeal: 'complaintFix.handle',
  upholdAppeal: 'complaintFix.review', rejectAppeal: 'complaintFix.review', acceptFix: 'complaintFix.review', returnFix: 'complaintFix.review',
};
const ctx = (state: string, kind: 'staff' | 'system' = 'staff') => ({ state, data: {}, input: {}, actor: { id: 'x', kind } });
const fromState = (event: string) => Object.keys(EXPECTED).find((s) => EXPECTED[s].includes(event))!;

describe('差评整改 machine', () => {
  it('matches its table: each state offers exactly its events, each event is allowed from exactly its states and asks its own permission (the unit handles, the reviewer decides appeals)', () => {
    expect(Object.keys(m.events).sort()).toEqual(Object.keys(PERMISSION).sort());
    expect(machineTableProblems(m, {
      offered: EXPECTED, permission: PERMISSION, ctx: (state) => ctx(state), fromState,
    })).toEqual([]);
    expect(offeredEvents(m, 'appealed', (p) => p === 'complaintFix.handle')).toEqual([]);
  });

  it('has no guards and no system events; closed and voided are terminal', () => {
    expect(Object.entries(m.events).filter(([, e]) => e.guard || e.system).map(([k]) => k)).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['closed', 'voided']);
  });

  it('stops the contact clock on contact and holds the rectification clock during an appeal', () => {
    expect(m.initialClocks).toEqual(['contact', 'rectify']);
    expect(m.events.contact.clocks).toEqual([{ op: 'stop', clock: 'contact' }]);
    expect(m.events.appeal.clocks).toEqual([{ op: 'pause', clock: 'rectify', reason: '申诉复核' }]);
    expect(m.events.rejectAppeal.clocks).toEqual([{ op: 'resume', clock: 'rectify' }]);
    const [contact, fix] = [m.clocks.contact.limit, m.clocks.rectify.limit] as ((d: Record<string, unknown>) => number)[];
    expect([contact({}), contact({ contactDays: 2 }), fix({}), fix({ fixDays: 10 })]).toEqual([1, 2, 15, 10]);
  });

  it('requires a written note for every step, in Chinese', () => {
    expect(m.events.appeal.input!.safeParse({ note: ' ' }).error!.issues[0].message).toBe('请填写申诉理由（误评、恶意差评）');
    expect(m.events.contact.input!.safeParse({ note: '已电话核实' }).success).toBe(true);
  });
});
