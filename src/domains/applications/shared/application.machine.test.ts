import { describe, expect, it } from 'vitest';
import { checkTransition, offeredEvents } from '../../../core/shared/machine';
import { acceptanceBasis, extensionAllowance } from './application.machine';
import { applicationMachine as m } from './application.machine';

// The statutory path, stated independently of the machine: what a person may do in each state.
const EXPECTED: Record<string, string[]> = {
  submitted: ['accept', 'reject', 'requestCorrection', 'withdraw'],
  correcting: ['correct', 'withdraw'],
  accepted: ['approve', 'deny', 'extend', 'suspend', 'withdraw'],
  suspended: ['resume'],
  approved: ['deliver'],
  delivered: [], denied: [], rejected: [], withdrawn: [],
};
const all = () => true;
const ctx = (state: string, data: Record<string, unknown> = {}, kind: 'staff' | 'system' = 'staff') => ({ state, data, input: {}, actor: { id: 'x', kind } });

describe('办件 machine (行政许可法)', () => {
  it('offers exactly the statutory events in every state', () => {
    for (const state of Object.keys(m.states)) expect(offeredEvents(m, state, all).sort(), state).toEqual(EXPECTED[state].sort());
  });

  it('refuses every other event in every state', () => {
    for (const state of Object.keys(m.states)) {
      for (const event of Object.keys(m.events)) {
        if (event === 'deemAccept') continue;
        const r = checkTransition(m, event, { ...ctx(state, { legalLimit: 20 }), input: event === 'requestCorrection' ? { missing: '申请书缺签字' } : {} }, all);
        if (EXPECTED[state].includes(event)) expect(r, `${event}@${state}`).toBeNull();
        else expect(r, `${event}@${state}`).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
      }
    }
  });

  it('deems an application accepted only by the system, only while it awaits acceptance (第32条)', () => {
    expect(checkTransition(m, 'deemAccept', ctx('submitted'), all)).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(m, 'deemAccept', ctx('submitted', {}, 'system'), all)).toBeNull();
    expect(checkTransition(m, 'deemAccept', ctx('correcting', {}, 'system'), all)).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(m.clocks.acceptance.onOverdue).toBe('deemAccept');
  });

  it('extends the decision once (第42条) and counts natural-day items in natural days', () => {
    expect(checkTransition(m, 'extend', { ...ctx('accepted'), extensions: { legal: 1 } }, all)).toEqual({ code: 'GUARD_FAILED', reason: '办理期限只能延长一次（行政许可法 第42条）' });
    // bounded by the item's own basis: 第42条's 10 days for a licence, what the guide states otherwise, none for other types
    expect(extensionAllowance('', '行政许可', 20)).toEqual({ days: 10, basis: '行政许可法 第42条' });
    expect(extensionAllowance('规定10个工作日，可延长5个工作日', '行政许可', 10).days).toBe(5);
    expect(extensionAllowance('自受理之日起60日内发放，交通不便地区可延长不超过30日', '行政确认', 60).days).toBe(30);
    expect(extensionAllowance('15日内签发，特殊情况可延长至30日', '行政许可', 15).days).toBe(15);
    expect(extensionAllowance('《社会保险法》', '公共服务', 20).days).toBe(0);
    const ext = (data: Record<string, unknown>, days: number) => checkTransition(m, 'extend', { ...ctx('accepted', data), input: { days, reason: '核查' } }, all);
    expect(ext({ itemType: '行政许可', limitBasis: '可延长5个工作日' }, 6)).toMatchObject({ code: 'GUARD_FAILED', reason: expect.stringContaining('允许的5天') });
    expect(ext({ itemType: '行政许可', limitBasis: '可延长5个工作日' }, 5)).toBeNull();
    expect(ext({ itemType: '公共服务' }, 1)).toEqual({ code: 'GUARD_FAILED', reason: '本事项的办理时限依据未规定可以延长' });
    expect(acceptanceBasis('行政许可')).toBe('行政许可法 第32条');
    expect(acceptanceBasis('行政给付')).not.toContain('行政许可法');
    // a 补正 notice must name something
    expect(checkTransition(m, 'requestCorrection', { ...ctx('submitted'), input: { materials: [] } }, all)).toMatchObject({ code: 'GUARD_FAILED' });
    expect(checkTransition(m, 'requestCorrection', { ...ctx('submitted'), input: { materials: ['申请书'] } }, all)).toBeNull();
    expect(checkTransition(m, 'extend', { ...ctx('accepted'), extensions: { legal: 0, promised: 3 } }, all)).toBeNull();
    const unit = m.clocks.legal.unit as (d: Record<string, unknown>) => string;
    expect([unit({ legalLimitUnit: '日' }), unit({ legalLimitUnit: '工作日' }), unit({})]).toEqual(['natural', 'workday', 'workday']);
    const limit = m.clocks.legal.limit as (d: Record<string, unknown>) => number;
    expect([limit({ legalLimit: 15 }), limit({})]).toEqual([15, 20]);
  });

  it('pauses the acceptance clock for 补正 and the decision clocks for 第45条 procedures', () => {
    expect(m.events.requestCorrection.clocks).toContainEqual({ op: 'pause', clock: 'acceptance', reason: '补正' });
    expect(m.events.suspend.clocks?.map((c) => c.op)).toEqual(['pause', 'pause']);
    expect(m.events.approve.clocks).toContainEqual({ op: 'start', clock: 'delivery' });
  });
});
