import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../shared/calendar';
import { defineMachine } from '../../shared/machine';
import { SYSTEM_ACTOR } from '../actor';
import { applyClockOps } from './case.clocks';
import type { ClockRow } from './case.repository';

const cal = defaultCalendar('7');
const m = defineMachine({
  type: 'sample', plural: 'samples', label: '示例', initial: 'open',
  states: { open: { label: '办理中' } },
  clocks: {
    review: { label: '审查期限', unit: 'workday', limit: 5, legalBasis: '审查' },
    decide: { label: '审理期限', unit: 'natural', limit: (d) => (d.procedure === 'simple' ? 30 : 60), legalBasis: (d) => (d.procedure === 'simple' ? '简易' : '普通') },
  },
  events: {},
});
const row = (data: Record<string, unknown> = {}) => ({ id: '00000000-0000-4000-8000-000000000001', data, divisionCode: '411202' });
const plan = (ops: Parameters<typeof applyClockOps>[0]['ops'], today: string, clocks: ClockRow[] = [], data: Record<string, unknown> = {}, input: Record<string, unknown> = {}) =>
  applyClockOps({ machine: m, row: row(data), ops, input, actor: SYSTEM_ACTOR, at: new Date(`${today}T01:00:00Z`), today, calendar: cal, clocks })!;

describe('clock ops that count from another day', () => {
  it('starts a clock as of another clock’s due date (a deemed act), never later than the event’s day', () => {
    const review = plan([{ op: 'start', clock: 'review' }], '2026-11-02').all;
    expect(review[0].dueDate).toBe('2026-11-09');
    const deemed = plan([{ op: 'stop', clock: 'review' }, { op: 'start', clock: 'decide', asOfDueOf: 'review' }], '2026-11-10', review).all;
    expect(deemed.find((c) => c.name === 'decide')).toMatchObject({ startedOn: '2026-11-09', dueDate: '2027-01-08' });
    // With no such clock the event's own day counts.
    expect(plan([{ op: 'start', clock: 'decide', asOfDueOf: 'review' }], '2026-11-10').all[0].startedOn).toBe('2026-11-10');
  });

  it('starts a clock as of a date in the input (a service date), but not a future one', () => {
    expect(plan([{ op: 'start', clock: 'decide', asOfInput: 'servedOn' }], '2026-11-10', [], {}, { servedOn: '2026-11-06' }).all[0].startedOn).toBe('2026-11-06');
    expect(plan([{ op: 'start', clock: 'decide', asOfInput: 'servedOn' }], '2026-11-10', [], {}, { servedOn: '2026-11-12' }).all[0].startedOn).toBe('2026-11-10');
  });

  it('re-limits a running clock from the data the event sets, keeping its start, and leaves a stopped one alone', () => {
    const simple = plan([{ op: 'start', clock: 'decide' }], '2026-09-01', [], { procedure: 'simple' }).all;
    expect(simple[0]).toMatchObject({ limitDays: 30, legalBasis: '简易' });
    const ordinary = plan([{ op: 'relimit', clock: 'decide', with: { procedure: 'ordinary' } }], '2026-09-20', simple, { procedure: 'simple' }).all[0];
    expect(ordinary).toMatchObject({ startedOn: '2026-09-01', limitDays: 60, legalBasis: '普通', dueDate: '2026-11-02' }); // 60 days end on Saturday 10-31 → Monday
    const stopped = plan([{ op: 'stop', clock: 'decide' }], '2026-09-10', simple, { procedure: 'simple' }).all;
    expect(plan([{ op: 'relimit', clock: 'decide', with: { procedure: 'ordinary' } }], '2026-09-20', stopped, { procedure: 'simple' })).toBeNull();
  });
});
