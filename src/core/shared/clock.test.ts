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

  it('ends a term fixed in dates exactly, without the holiday calendar or a roll-over', () => {
    // A normative document in force from 2026-11-02 for 1,826 days: far past the published calendar, and
    // 2031-11-02 is a Sunday — a validity ends on its date; only procedural periods roll over.
    const r = deriveDue(base({ unit: 'date', limitDays: 1826, startedOn: '2026-11-02', legalBasis: '有效期5年' }), cal);
    expect(r).toMatchObject({ dueDate: '2031-11-02', provisional: false });
    expect(r.derivation).toBe('自2026-11-02起算1826日（有效期5年）；届满日2031-11-02（按日历日计算，不因节假日顺延）。');
    // The same span as natural days needs the calendar near its end and has none that far ahead.
    expect(deriveDue(base({ unit: 'natural', limitDays: 1826, startedOn: '2026-11-02' }), cal).dueDate).toBeNull();
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

  // Changed on purpose: a due date past the published calendar used to be left empty (到期日待定), so a
  // December case never went overdue until next year's notice was entered. It is now a provisional date
  // on weekends alone, labelled 预计 with the reason.
  it('estimates a due date past the published calendar on weekends alone, and says so', () => {
    const r = deriveDue(base({ startedOn: '2026-12-20' }), cal);
    // 9 working days to 2026-12-31, then Fri 2027-01-01 and two full weeks: 2027 holidays unknown.
    expect(r).toMatchObject({ dueDate: '2027-01-15', provisional: true });
    expect(r.derivation).toBe('自2026-12-20起算20个工作日（行政许可法 第42条）；预计到期日2027-01-15（起算日不计入，不含法定节假日）：' +
      '2027年节假日安排尚未发布，按周末推算（已发布的节假日安排至2026-12-31），发布后自动重新计算。日历版本7。');
    // Started after the last published date (a clock started on 2027-01-05): weekends alone too.
    expect(deriveDue(base({ startedOn: '2027-01-05', limitDays: 5 }), cal)).toMatchObject({ dueDate: '2027-01-12', provisional: true });
    // Natural days: a period ending on a (known) weekend rolls to the Monday.
    expect(deriveDue(base({ unit: 'natural', limitDays: 60, startedOn: '2026-12-01' }), cal)).toMatchObject({ dueDate: '2027-02-01', provisional: true });
    // Inside the calendar nothing is provisional.
    expect(deriveDue(base({ startedOn: '2026-11-02', limitDays: 5 }), cal)).toMatchObject({ dueDate: '2026-11-09', provisional: false });
  });

  it('names every unpublished year an estimate rests on, and leaves a due date beyond them empty', () => {
    const two = deriveDue(base({ unit: 'natural', limitDays: 400, startedOn: '2026-12-01' }), cal);
    expect(two).toMatchObject({ dueDate: '2028-01-05', provisional: true });
    expect(two.derivation).toContain('2027至2028年节假日安排尚未发布，按周末推算');
    const far = deriveDue(base({ unit: 'natural', limitDays: 2000, startedOn: '2026-12-01' }), cal);
    expect(far).toMatchObject({ dueDate: null, provisional: false });
    expect(far.derivation).toMatch(/到期日超出已发布的节假日安排（2018-12-29至2026-12-31），待节假日安排发布后自动计算。$/);
  });

  it('labels a provisional badge 预计 with the reason, counting on the same estimate', () => {
    const c = base({ startedOn: '2026-12-20' });
    const reason = '预计：2027年节假日安排尚未发布，按周末推算';
    expect(deadlineBadge(c, '2027-01-15', '2026-12-30', cal, 1, true)).toEqual({ label: '剩余12个工作日（预计）', level: 'normal', remainingWorkdays: 12, provisional: reason });
    expect(deadlineBadge(c, '2027-01-15', '2027-01-15', cal, 1, true)).toEqual({ label: '今日到期（预计）', level: 'today', remainingWorkdays: 0, provisional: reason });
    expect(deadlineBadge(c, '2027-01-15', '2027-01-19', cal, 1, true)).toEqual({ label: '已超期2个工作日（预计）', level: 'overdue', remainingWorkdays: -2, provisional: reason });
    expect(deadlineBadge({ ...c, state: 'stopped', stoppedOn: '2027-01-08' }, '2027-01-15', '2027-01-19', cal, 1, true)).toEqual({ label: '已办结', level: 'stopped', remainingWorkdays: null });
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
