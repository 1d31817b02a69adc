import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar';
import { deadlineBadge, deriveDue, pauseLength, type ClockData } from './clock';

const cal = defaultCalendar('7');
const base = (over: Partial<ClockData> = {}): ClockData => ({
  label: '审批期限', unit: 'workday', limitDays: 20, state: 'running', startedOn: '2026-09-25', stoppedOn: null,
  pauses: [], extensions: [], legalBasis: '行政许可法 第42条', ...over,
});

describe('clock maths', () => {
  it('counts working days across National Day and its make-up Saturday', () => {
    // 2026-09-25 (Fri) + 20 working days: Sept 28–30 (3), Oct 1–7 holiday, Oct 8–9 (5), Oct 10 (Sat, 调休) …
    const { dueDate, derivation } = deriveDue(base(), cal);
    expect(dueDate).toBe(cal.addWorkdays('2026-09-25', 20));
    expect(derivation).toContain('自2026-09-25起算20个工作日（行政许可法 第42条）');
    expect(derivation).toContain('日历版本7');
  });

  it('excludes paused working days and adds approved extensions', () => {
    const paused = pauseLength('workday', '2026-11-02', '2026-11-09', cal); // Tue..Mon = 5 working days
    expect(paused).toBe(5);
    const c = base({ startedOn: '2026-11-02', pauses: [{ from: '2026-11-02', to: '2026-11-09', reason: '专家评审', days: paused }],
      extensions: [{ days: 10, approverId: 'x', approverName: '陈刚', reason: '需现场核查', at: '' }] });
    expect(deriveDue(c, cal).dueDate).toBe(cal.addWorkdays('2026-11-02', 35));
    expect(deriveDue(c, cal).derivation).toContain('专家评审暂停2026-11-02至2026-11-09，不计5个工作日');
  });

  it('has no due date while paused, and says so', () => {
    const r = deriveDue(base({ state: 'paused', pauses: [{ from: '2026-10-09', to: null, reason: '补正', days: 0 }] }), cal);
    expect(r.dueDate).toBeNull();
    expect(r.derivation).toContain('暂停期间不计算到期日');
  });

  it('rolls a natural-day period that ends on a rest day to the next working day (民事诉讼法 第85条)', () => {
    // 2026-09-01 + 30 days = 2026-10-01, a holiday → first working day after the National Day break.
    const r = deriveDue(base({ unit: 'natural', limitDays: 30, startedOn: '2026-09-01' }), cal);
    expect(r.dueDate).toBe('2026-10-08');
    expect(pauseLength('natural', '2026-10-01', '2026-10-08', cal)).toBe(7);
  });

  it('leaves the due date empty, with the reason, when it falls past the published calendar', () => {
    const r = deriveDue(base({ startedOn: '2026-12-20' }), cal);
    expect(r.dueDate).toBeNull();
    expect(r.derivation).toMatch(/超出已发布的节假日安排（至2026-12-31）/);
  });

  it('labels the badge the way a clerk reads it', () => {
    const c = base({ startedOn: '2026-11-02', limitDays: 5 }); // due 2026-11-09
    expect(deadlineBadge(c, '2026-11-09', '2026-11-02', cal)).toEqual({ label: '剩余5个工作日', level: 'normal', remainingWorkdays: 5 });
    expect(deadlineBadge(c, '2026-11-09', '2026-11-06', cal).level).toBe('warning');
    expect(deadlineBadge(c, '2026-11-09', '2026-11-09', cal)).toEqual({ label: '今日到期', level: 'today', remainingWorkdays: 0 });
    expect(deadlineBadge(c, '2026-11-09', '2026-11-12', cal)).toEqual({ label: '已超期3个工作日', level: 'overdue', remainingWorkdays: -3 });
    expect(deadlineBadge({ ...c, state: 'stopped', stoppedOn: '2026-11-11' }, '2026-11-09', '2026-11-20', cal).label).toBe('已办结（超期2个工作日）');
    expect(deadlineBadge({ ...c, state: 'stopped', stoppedOn: '2026-11-05' }, '2026-11-09', '2026-11-20', cal).label).toBe('已办结');
  });
});
