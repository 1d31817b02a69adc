import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { WorkCalendar, addDays, defaultCalendar, diffDays, formatIsoDate, monthEnds, parseIsoDate, todayIso } from './calendar';
import { DEFAULT_CALENDAR_OVERRIDES, DEFAULT_CALENDAR_RANGE, DEFAULT_CALENDAR_SOURCES } from './calendar-data';
import { AppError } from './errors';

const cal = defaultCalendar();

/** The AppError thrown by f (fails the test if f does not throw one). */
function caught(f: () => unknown): AppError {
  try { f(); } catch (e) { if (e instanceof AppError) return e; throw e; }
  throw new Error('expected an AppError');
}

/** Deterministic PRNG (mulberry32): the same pairs on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const workdays = (dates: string[]) => dates.map((d) => cal.isWorkday(d));

describe('bundled State Council data 2019–2026', () => {
  it('names its range and one notice per year', () => {
    // Coverage starts where the first notice starts: the 2019 notice sets 2018-12-29 to 2019-01-01.
    expect(DEFAULT_CALENDAR_RANGE).toEqual({ firstDate: '2018-12-29', lastDate: '2026-12-31' });
    expect(DEFAULT_CALENDAR_SOURCES.map((s) => s.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(DEFAULT_CALENDAR_SOURCES.at(-1)).toMatchObject({ title: '国务院办公厅关于2026年部分节假日安排的通知', docNo: '国办发明电〔2025〕7号' });
    // Make-up workdays only ever fall on weekends.
    for (const o of DEFAULT_CALENDAR_OVERRIDES.filter((x) => x.kind === 'workday')) {
      expect([0, 6], o.date).toContain(new Date(`${o.date}T00:00:00Z`).getUTCDay());
    }
  });

  it('2019 notice: the New Year break begins 2018-12-29 (Saturday, worked) and 2018-12-30/31 are off', () => {
    // 国务院办公厅关于2019年部分节假日安排的通知: 2018年12月30日至2019年1月1日放假调休，共3天；12月29日（星期六）上班。
    expect(workdays(['2018-12-29', '2018-12-30', '2018-12-31', '2019-01-01', '2019-01-02'])).toEqual([true, false, false, false, true]);
    expect(cal.dayInfo('2018-12-29')).toEqual({ date: '2018-12-29', workday: true, name: '元旦', kind: 'workday' });
    expect(cal.dayInfo('2018-12-31')).toMatchObject({ workday: false, kind: 'holiday', name: '元旦' });
    expect(cal.addWorkdays('2018-12-29', 1)).toBe('2019-01-02');
    expect(cal.addNaturalDays('2018-12-29', 1)).toBe('2019-01-02'); // 12-30 off, rolls over the break
    expect(cal.workdaysBetween('2018-12-29', '2019-01-04')).toBe(3);
    expect(caught(() => cal.isWorkday('2018-12-28')).code).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('extends past the published data with weekends alone only when asked for an estimate', () => {
    const p = cal.provisional();
    expect(p.guessedFrom).toBe('2027-01-01');
    expect(p.lastDate).toBe('2028-12-31');
    expect(p.addWorkdays('2026-12-31', 1)).toBe('2027-01-01'); // a guess: New Year's Day is surely off, which is why it is labelled
    expect(p.addWorkdays('2026-09-30', 3)).toBe(cal.addWorkdays('2026-09-30', 3)); // published days unchanged
    expect(p.provisional()).toBe(p);
    expect(cal.provisional()).toBe(p); // built once per calendar version
    expect(caught(() => cal.isWorkday('2027-01-01')).code).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('2019: the May Day break as changed by 国办发明电〔2019〕3号, Spring Festival and National Day', () => {
    expect(workdays(['2019-04-28', '2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04', '2019-05-05', '2019-05-06']))
      .toEqual([true, false, false, false, false, true, true]); // Sunday 04-28 and Sunday 05-05 worked
    expect(workdays(['2019-02-02', '2019-02-03', '2019-02-04', '2019-02-08', '2019-02-11'])).toEqual([true, true, false, false, true]);
    expect(workdays(['2019-09-29', '2019-10-07', '2019-10-08', '2019-10-12'])).toEqual([true, false, true, true]);
  });

  it('2020: the Spring Festival break extended to 02-02 (国办发明电〔2020〕1号), so Saturday 02-01 is no longer worked', () => {
    expect(workdays(['2020-01-19', '2020-01-23', '2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02', '2020-02-03']))
      .toEqual([true, true, false, false, false, false, false, true]);
    expect(cal.dayInfo('2020-02-01')).toEqual({ date: '2020-02-01', workday: false, kind: 'holiday', name: '春节' });
    expect(workdays(['2020-06-28', '2020-09-27', '2020-10-08', '2020-10-10'])).toEqual([true, true, false, true]);
  });

  it('2021–2023: 调休 weekends and breaks across New Year', () => {
    expect(workdays(['2021-02-07', '2021-02-20', '2021-09-18', '2021-09-20', '2021-09-26', '2021-10-09'])).toEqual([true, true, true, false, true, true]);
    expect(workdays(['2022-01-29', '2022-01-30', '2022-02-04', '2022-04-02', '2022-10-08', '2022-10-09'])).toEqual([true, true, false, true, true, true]);
    // 2023's 元旦 break started on Saturday 2022-12-31 (2023 notice); Monday 2023-01-02 was off.
    expect(cal.dayInfo('2022-12-31')).toMatchObject({ workday: false, kind: 'holiday', name: '元旦' });
    expect(workdays(['2023-01-02', '2023-01-28', '2023-01-29', '2023-09-29', '2023-10-06', '2023-10-07', '2023-10-08'])).toEqual([false, true, true, false, false, true, true]);
  });

  it('2024: Sundays 02-04 and 02-18 worked; 除夕 02-09 was officially a working day', () => {
    expect(workdays(['2024-02-04', '2024-02-09', '2024-02-10', '2024-02-12', '2024-02-16', '2024-02-18', '2024-02-19']))
      .toEqual([true, true, false, false, false, true, true]);
    expect(workdays(['2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'])).toEqual([true, true, true, true, true, true]);
    expect(cal.isWorkday('2024-06-10')).toBe(false); // 端午, Monday
  });

  it('2025: 01-26, 02-08, 04-27, 09-28 and 10-11 worked; 10-01..10-08 off', () => {
    expect(workdays(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'])).toEqual([true, true, true, true, true]);
    expect(workdays(['2025-01-28', '2025-02-04', '2025-05-05', '2025-06-02', '2025-10-08', '2025-10-09'])).toEqual([false, false, false, false, false, true]);
    expect(cal.dayInfo('2025-10-06')).toMatchObject({ workday: false, kind: 'holiday', name: '中秋' });
  });

  it('2026 (国办发明电〔2025〕7号)', () => {
    expect(workdays(['2026-01-02', '2026-01-04', '2026-02-14', '2026-02-23', '2026-02-24', '2026-02-28']))
      .toEqual([false, true, true, false, true, true]);
    expect(workdays(['2026-04-06', '2026-05-05', '2026-05-09', '2026-06-19', '2026-09-20', '2026-09-25'])).toEqual([false, false, true, false, true, false]);
    expect(workdays(['2026-10-01', '2026-10-07', '2026-10-08', '2026-10-10'])).toEqual([false, false, true, true]);
    expect(cal.dayInfo('2026-10-10')).toEqual({ date: '2026-10-10', workday: true, kind: 'workday', name: '国庆节' });
    expect(cal.dayInfo('2026-11-07')).toEqual({ date: '2026-11-07', workday: false }); // a plain Saturday
    expect(cal.dayInfo('2026-11-09')).toEqual({ date: '2026-11-09', workday: true });
  });

  it('agrees with chinese-days on every single day of 2019–2026', () => {
    const first = parseIsoDate(DEFAULT_CALENDAR_RANGE.firstDate);
    const last = parseIsoDate(DEFAULT_CALENDAR_RANGE.lastDate);
    const differ: string[] = [];
    for (let d = first; d <= last; d++) {
      const iso = formatIsoDate(d);
      if (cal.isWorkday(iso) !== chineseDays.isWorkday(iso)) differ.push(iso);
    }
    expect(differ).toEqual([]);
  });
});

describe('addWorkdays: the Nth working day strictly after the start', () => {
  it('never counts the start day', () => {
    expect(cal.addWorkdays('2026-11-02', 1)).toBe('2026-11-03'); // Monday → Tuesday
    expect(cal.addWorkdays('2026-11-06', 1)).toBe('2026-11-09'); // Friday → Monday
    expect(cal.addWorkdays('2026-11-02', 5)).toBe('2026-11-09');
    expect(cal.addWorkdays('2026-11-02', 20)).toBe('2026-11-30'); // 行政许可法 第42条: 20 working days
  });

  it('makes the next working day day 1 when the start is a rest day', () => {
    expect(cal.addWorkdays('2026-11-07', 1)).toBe('2026-11-09'); // Saturday start
    expect(cal.addWorkdays('2026-11-08', 1)).toBe('2026-11-09'); // Sunday start
    expect(cal.addWorkdays('2026-10-03', 1)).toBe('2026-10-08'); // holiday start
    expect(cal.addWorkdays('2026-10-03', 3)).toBe('2026-10-10'); // … 10-09, then the make-up Saturday
  });

  it('returns the start itself for n = 0, even on a rest day', () => {
    expect(cal.addWorkdays('2026-11-02', 0)).toBe('2026-11-02');
    expect(cal.addWorkdays('2026-11-07', 0)).toBe('2026-11-07');
    expect(cal.addWorkdays('2026-10-01', 0)).toBe('2026-10-01');
  });

  it('skips holidays and counts make-up weekends', () => {
    expect(cal.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-09-30', 3)).toBe('2026-10-10'); // Saturday 10-10 is worked
    expect(cal.addWorkdays('2026-09-18', 1)).toBe('2026-09-20'); // Friday → the make-up Sunday
    expect(cal.addWorkdays('2024-02-08', 5)).toBe('2024-02-21'); // 02-09, Sunday 02-18, 19, 20, 21
    expect(cal.addWorkdays('2020-01-23', 1)).toBe('2020-02-03'); // across the extended 2020 break
    expect(cal.addWorkdays('2019-04-30', 1)).toBe('2019-05-05'); // to the make-up Sunday of 2019
    expect(cal.addWorkdays('2025-01-24', 1)).toBe('2025-01-26');
    expect(cal.addWorkdays('2025-01-26', 1)).toBe('2025-01-27');
    expect(cal.addWorkdays('2025-01-27', 1)).toBe('2025-02-05');
    expect(cal.addWorkdays('2025-02-07', 1)).toBe('2025-02-08');
  });

  it('crosses year boundaries inside the data', () => {
    expect(cal.addWorkdays('2025-12-31', 1)).toBe('2026-01-04'); // 01-01..01-03 off, Sunday 01-04 worked
    expect(cal.addWorkdays('2019-01-01', 1)).toBe('2019-01-02');
    expect(cal.addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
  });

  it('agrees with chinese-days findWorkday on 5,000 random pairs with N ≥ 1', () => {
    const rnd = prng(11643);
    const first = parseIsoDate('2019-01-01');
    const span = parseIsoDate('2025-10-31') - first + 1;
    for (let i = 0; i < 5000; i++) {
      const d = formatIsoDate(first + Math.floor(rnd() * span));
      const n = 1 + Math.floor(rnd() * 60);
      expect(cal.addWorkdays(d, n), `${d} + ${n}`).toBe(chineseDays.findWorkday(n, d));
    }
  });

  it('differs from chinese-days only at N = 0 on a rest day, by our convention', () => {
    // chinese-days moves a rest day to the next working day when N = 0; our contract returns the start.
    expect(chineseDays.findWorkday(0, '2026-10-03')).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-10-03', 0)).toBe('2026-10-03');
    expect(chineseDays.findWorkday(0, '2026-10-09')).toBe(cal.addWorkdays('2026-10-09', 0));
  });
});

describe('addNaturalDays: a period ending on a rest day ends on the next working day (民事诉讼法 第85条)', () => {
  it('keeps a working end day and rolls a rest day forward', () => {
    expect(cal.addNaturalDays('2026-11-02', 3)).toBe('2026-11-05');
    expect(cal.addNaturalDays('2026-11-02', 5)).toBe('2026-11-09'); // Saturday 11-07 → Monday
    expect(cal.addNaturalDays('2026-09-24', 7)).toBe('2026-10-08'); // 10-01 holiday → after the break
    expect(cal.addNaturalDays('2026-10-03', 7)).toBe('2026-10-10'); // a make-up Saturday is a working day
    expect(cal.addNaturalDays('2026-10-01', 0)).toBe('2026-10-08');
    expect(cal.addNaturalDays('2026-11-02', 0)).toBe('2026-11-02');
    expect(cal.addNaturalDays('2025-12-01', 60)).toBe('2026-01-30'); // 行政复议法: 60日 in natural days
    expect(cal.addNaturalDays('2025-12-03', 30)).toBe('2026-01-04'); // 01-02 is a holiday → Sunday 01-04 worked
  });
});

describe('workdaysBetween and nextWorkday', () => {
  it('counts working days d with from < d <= to', () => {
    expect(cal.workdaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workdaysBetween('2026-09-30', '2026-10-07')).toBe(0);
    expect(cal.workdaysBetween('2026-11-02', '2026-11-09')).toBe(5);
    expect(cal.workdaysBetween('2026-11-07', '2026-11-09')).toBe(1);
    expect(cal.workdaysBetween('2026-11-02', '2026-11-02')).toBe(0);
    expect(cal.workdaysBetween('2026-10-10', '2026-09-30')).toBe(0);
    expect(cal.workdaysBetween('2019-01-01', '2026-12-31')).toBe(
      Array.from({ length: diffDays('2019-01-01', '2026-12-31') }, (_, i) => addDays('2019-01-02', i)).filter((d) => cal.isWorkday(d)).length,
    );
  });

  it('is the inverse of addWorkdays', () => {
    const rnd = prng(7064);
    for (let i = 0; i < 2000; i++) {
      const d = formatIsoDate(parseIsoDate('2019-01-01') + Math.floor(rnd() * 2800));
      const n = Math.floor(rnd() * 40);
      const due = cal.addWorkdays(d, n);
      expect(cal.workdaysBetween(d, due), `${d} + ${n}`).toBe(n);
      if (n > 0) expect(cal.isWorkday(due)).toBe(true);
    }
  });

  it('finds the first working day strictly after a date', () => {
    expect(cal.nextWorkday('2026-09-30')).toBe('2026-10-08');
    expect(cal.nextWorkday('2026-10-09')).toBe('2026-10-10');
    expect(cal.nextWorkday('2026-11-02')).toBe('2026-11-03');
    expect(cal.nextWorkday('2026-11-07')).toBe('2026-11-09');
  });
});

describe('refuses dates beyond the published data, as inputs and as results', () => {
  it('refuses inputs before and after the range, with the year to maintain', () => {
    const e = caught(() => cal.isWorkday('2027-01-05'));
    expect(e.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(e.status).toBe(422);
    expect(e.message).toBe('日期 2027-01-05 超出已维护的节假日数据范围（2018-12-29 至 2026-12-31），请管理员先维护2027年节假日安排');
    // Changed on purpose: 2018-12-29..31 are set by the 2019 notice and known; the day before is not.
    expect(caught(() => cal.addWorkdays('2018-12-28', 1)).message).toBe('日期 2018-12-28 超出已维护的节假日数据范围（2018-12-29 至 2026-12-31），请管理员先维护2018年节假日安排');
    for (const f of [
      () => cal.dayInfo('2027-01-01'), () => cal.addWorkdays('2027-01-01', 0), () => cal.addNaturalDays('2027-01-01', 0),
      () => cal.workdaysBetween('2026-12-01', '2027-01-01'), () => cal.workdaysBetween('2018-12-28', '2026-01-01'), () => cal.nextWorkday('2027-01-01'),
    ]) expect(caught(f).code).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('refuses results past the last date instead of guessing weekends-only', () => {
    // chinese-days would answer from weekends alone here; 2027's holidays are not in the data.
    expect(chineseDays.findWorkday(20, '2026-12-20')).toMatch(/^2027-/);
    const e = caught(() => cal.addWorkdays('2026-12-20', 20));
    expect(e.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(e.message).toBe('自 2026-12-20 起第20个工作日超出已维护的节假日数据范围（2018-12-29 至 2026-12-31），请管理员先维护2027年节假日安排');
    expect(cal.addWorkdays('2026-12-20', 9)).toBe('2026-12-31'); // the last computable answer
    expect(caught(() => cal.addWorkdays('2026-12-20', 10)).code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(caught(() => cal.addWorkdays('2026-12-31', 1)).code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(caught(() => cal.addNaturalDays('2026-12-20', 30)).message).toMatch(/^自 2026-12-20 起30日后（2027-01-19）超出已维护的节假日数据范围.*请管理员先维护2027年节假日安排$/);
    expect(caught(() => cal.nextWorkday('2026-12-31')).message).toMatch(/^2026-12-31 之后的第一个工作日超出/);
  });

  it('refuses a natural-day period whose roll-over would leave the data', () => {
    const short = new WorkCalendar({ firstDate: '2026-10-01', lastDate: '2026-10-04', overrides: [], version: 't' });
    expect(short.addNaturalDays('2026-10-01', 1)).toBe('2026-10-02');
    expect(caught(() => short.addNaturalDays('2026-10-01', 2)).message).toMatch(/^期间届满日 2026-10-03 为休息日，顺延后的工作日超出/);
  });
});

describe('input validation', () => {
  it('refuses malformed and non-existent dates with VALIDATION', () => {
    for (const bad of ['2026/01/01', '2026-1-5', '20260105', '', ' 2026-01-05', '2026-01-05T00:00']) {
      const e = caught(() => cal.isWorkday(bad));
      expect(e.code, bad).toBe('VALIDATION');
      expect(e.message).toMatch(/格式不正确，应为YYYY-MM-DD/);
    }
    expect(caught(() => cal.isWorkday('2026-02-30')).message).toBe('日期2026-02-30不存在：2026年2月只有28天');
    expect(caught(() => cal.isWorkday('2026-02-29')).code).toBe('VALIDATION');
    expect(cal.isWorkday('2024-02-29')).toBe(true);
    expect(caught(() => cal.isWorkday('2026-13-01')).message).toMatch(/月份应为01至12/);
    expect(caught(() => cal.isWorkday('2026-04-31')).code).toBe('VALIDATION');
    expect(caught(() => cal.isWorkday('2026-04-00')).code).toBe('VALIDATION');
    // A malformed date far outside the range is a format error, not a range error.
    expect(caught(() => cal.isWorkday('2099-02-30')).code).toBe('VALIDATION');
  });

  it('requires n to be a non-negative integer', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(caught(() => cal.addWorkdays('2026-01-05', n)).message).toMatch(/^工作日数.*无效，应为非负整数$/);
      expect(caught(() => cal.addNaturalDays('2026-01-05', n)).message).toMatch(/^天数.*无效，应为非负整数$/);
    }
  });

  it('parses and formats day numbers exactly, for every day and far outside the data', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('2026-10-01')).toBe(Date.UTC(2026, 9, 1) / 86_400_000);
    expect(formatIsoDate(-1)).toBe('1969-12-31');
    expect(formatIsoDate(parseIsoDate('0099-03-01'))).toBe('0099-03-01'); // no Date.UTC two-digit-year quirk
    expect(caught(() => parseIsoDate('1900-02-29')).code).toBe('VALIDATION');
    expect(parseIsoDate('2000-02-29') - parseIsoDate('2000-02-28')).toBe(1);
    for (let d = parseIsoDate('1899-01-01'); d <= parseIsoDate('2101-12-31'); d += 13) {
      const iso = formatIsoDate(d);
      expect(iso).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
      expect(parseIsoDate(iso)).toBe(d);
    }
    expect(caught(() => formatIsoDate(1.5)).code).toBe('VALIDATION');
  });

  it('adds and subtracts natural days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(diffDays('2026-01-01', '2026-12-31')).toBe(364);
    expect(diffDays('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('gives today in China, not in UTC', () => {
    const lateUtc = new Date('2026-11-22T17:30:00Z'); // 01:30 on 11-23 in Beijing
    expect(todayIso('Asia/Shanghai', lateUtc)).toBe('2026-11-23');
    expect(todayIso('UTC', lateUtc)).toBe('2026-11-22');
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('WorkCalendar built from administrators\' data', () => {
  it('lets an added holiday or make-up day move due dates', () => {
    const custom = new WorkCalendar({
      firstDate: '2026-01-01', lastDate: '2026-12-31', version: '42',
      overrides: [{ date: '2026-11-03', kind: 'holiday', name: '测试' }, { date: '2026-11-07', kind: 'workday', name: '调休' }, { date: '2030-01-01', kind: 'holiday', name: '范围外' }],
    });
    expect(custom.version).toBe('42');
    expect(custom.addWorkdays('2026-11-02', 1)).toBe('2026-11-04');
    expect(custom.addWorkdays('2026-11-06', 1)).toBe('2026-11-07');
    expect(custom.dayInfo('2026-11-03')).toEqual({ date: '2026-11-03', workday: false, kind: 'holiday', name: '测试' });
    expect(caught(() => custom.isWorkday('2025-12-31')).message).toMatch(/（2026-01-01 至 2026-12-31）/);
  });

  it('refuses contradictory or malformed data', () => {
    const base = { firstDate: '2026-01-01', lastDate: '2026-12-31', version: 'x' };
    expect(caught(() => new WorkCalendar({ ...base, overrides: [{ date: '2026-10-01', kind: 'holiday', name: 'a' }, { date: '2026-10-01', kind: 'workday', name: 'b' }] })).message)
      .toBe('日期2026-10-01既被设为放假又被设为上班，请核对节假日安排');
    expect(caught(() => new WorkCalendar({ ...base, overrides: [{ date: '2026-10-01', kind: 'rest' as 'holiday', name: 'a' }] })).code).toBe('VALIDATION');
    expect(caught(() => new WorkCalendar({ ...base, overrides: [{ date: '2026-10-32', kind: 'holiday', name: 'a' }] })).code).toBe('VALIDATION');
    expect(caught(() => new WorkCalendar({ ...base, lastDate: '2025-12-31', overrides: [] })).message).toMatch(/日历范围无效/);
  });
});

describe('month ends of a period', () => {
  it('reads each month on its last day, February of a leap year included, and the period end in its last month', () => {
    expect(monthEnds('2027-12-05', '2028-03-10')).toEqual([['2027-12', '2027-12-31'], ['2028-01', '2028-01-31'], ['2028-02', '2028-02-29'], ['2028-03', '2028-03-10']]);
    expect(monthEnds('2026-11-02', '2026-11-02')).toEqual([['2026-11', '2026-11-02']]);
  });
});
