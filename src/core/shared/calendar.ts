/**
 * Working-day arithmetic over the official calendar (DESIGN §4.4), pure and isomorphic (no node/DOM APIs).
 *
 * Weekends rest and weekdays work unless the State Council's notice says otherwise (a holiday on a
 * weekday, a 调休 make-up workday on a weekend). The index is built once per calendar version:
 *   cum[i] = working days in [first, first+i]     (Int32Array, one entry per day of the range)
 *   nth[k] = offset of the (k+1)-th working day   (Int32Array, one entry per working day)
 * so isWorkday, addWorkdays, workdaysBetween and nextWorkday are a map look-up and two array reads.
 *
 * Dates outside [firstDate, lastDate] are refused, as inputs and as results: next year's holidays are
 * unknown until the notice is published (each autumn), and a guessed deadline on a real case is worse
 * than "not yet computable" (domain-rules §0). Callers such as clock.ts catch CALENDAR_OUT_OF_RANGE.
 * The one sanctioned estimate is `provisional()`: the same calendar extended past lastDate with weekends
 * alone, which clock.ts uses for a due date it labels 预计 and re-derives when the year is published.
 */
import { AppError } from './errors';
import { DEFAULT_CALENDAR_OVERRIDES, DEFAULT_CALENDAR_RANGE } from './calendar-data';
import { DEFAULT_TZ } from './tz';

import type { CalendarOverride, DayInfo } from './calendar.types';

export type { CalendarOverride, DayInfo };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; exact for every year). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 (UTC), refusing malformed and non-existent dates (2026-02-30). */
export function parseIsoDate(s: string): number {
  const m = typeof s === 'string' ? ISO.exec(s) : null;
  if (!m) throw new AppError('VALIDATION', `日期“${String(s).slice(0, 30)}”格式不正确，应为YYYY-MM-DD（如2026-10-08）`);
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12) throw new AppError('VALIDATION', `日期${s}不存在：月份应为01至12`);
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > dim) throw new AppError('VALIDATION', `日期${s}不存在：${y}年${mo}月只有${dim}天`);
  return daysFromCivil(y, mo, d);
}

export function formatIsoDate(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new AppError('VALIDATION', `日序号${dayNumber}无效，应为整数`);
  const [y, m, d] = civilFromDays(dayNumber);
  if (y < 0 || y > 9999) throw new AppError('VALIDATION', `日序号${dayNumber}超出公元0000至9999年`);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** date + n natural days (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new AppError('VALIDATION', `天数${n}无效，应为整数`);
  return formatIsoDate(parseIsoDate(date) + n);
}

/** b − a in days (positive when b is later). */
export function diffDays(a: string, b: string): number {
  return parseIsoDate(b) - parseIsoDate(a);
}

/** Today where the case is handled: deadlines are calendar dates in China, not UTC dates. */
// Building an Intl.DateTimeFormat costs ~20 µs (it loads time-zone data); every request asks for
// "today" several times, so keep one per zone. en-CA formats as YYYY-MM-DD.
const isoFormatters = new Map<string, Intl.DateTimeFormat>();
export function todayIso(tz = DEFAULT_TZ, now: Date = new Date()): string {
  let f = isoFormatters.get(tz);
  if (!f) isoFormatters.set(tz, (f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(now);
}

const nonNegativeInt = (n: number, what: string) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new AppError('VALIDATION', `${what}${String(n)}无效，应为非负整数`);
};

export class WorkCalendar {
  readonly version: string;
  readonly firstDate: string;
  readonly lastDate: string;
  private readonly first: number;
  private readonly last: number;
  private readonly cum: Int32Array;
  private readonly nth: Int32Array;
  private readonly names: Map<number, { kind: 'holiday' | 'workday'; name: string }>;
  /** The ISO string of every day in range and the reverse map: in-range parsing and formatting are look-ups. */
  private readonly isoOf: string[];
  private readonly offsetOf: Map<string, number>;

  /** Set on a provisional calendar: the first date it knows only by weekends (the published lastDate + 1). */
  readonly guessedFrom: string | null;
  private readonly overrides: CalendarOverride[];
  private provisionalCal: WorkCalendar | null = null;

  constructor(opts: { firstDate: string; lastDate: string; overrides: CalendarOverride[]; version: string; guessedFrom?: string }) {
    this.version = opts.version;
    this.overrides = opts.overrides;
    this.guessedFrom = opts.guessedFrom ?? null;
    this.firstDate = opts.firstDate;
    this.lastDate = opts.lastDate;
    this.first = parseIsoDate(opts.firstDate);
    this.last = parseIsoDate(opts.lastDate);
    if (this.last < this.first) throw new AppError('VALIDATION', `日历范围无效：结束日期${opts.lastDate}早于开始日期${opts.firstDate}`);
    this.names = new Map();
    for (const o of opts.overrides) {
      const n = parseIsoDate(o.date);
      if (o.kind !== 'holiday' && o.kind !== 'workday') throw new AppError('VALIDATION', `日期${o.date}的类型“${String(o.kind)}”无效，应为放假（holiday）或上班（workday）`);
      const prev = this.names.get(n);
      if (prev && prev.kind !== o.kind) throw new AppError('VALIDATION', `日期${o.date}既被设为放假又被设为上班，请核对节假日安排`);
      // Overrides outside the range are ignored: the range says which years are published.
      if (n >= this.first && n <= this.last) this.names.set(n, { kind: o.kind, name: o.name });
    }
    const len = this.last - this.first + 1;
    this.cum = new Int32Array(len);
    const nth = new Int32Array(len);
    let c = 0;
    for (let i = 0; i < len; i++) {
      if (this.computeWorkday(this.first + i)) nth[c++] = i;
      this.cum[i] = c;
    }
    this.nth = nth.slice(0, c);
    this.isoOf = new Array<string>(len);
    this.offsetOf = new Map();
    for (let i = 0; i < len; i++) {
      const iso = formatIsoDate(this.first + i);
      this.isoOf[i] = iso;
      this.offsetOf.set(iso, i);
    }
  }

  private computeWorkday(day: number): boolean {
    const o = this.names.get(day);
    if (o) return o.kind === 'workday';
    const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
    return dow !== 0 && dow !== 6;
  }

  private rangeText() {
    return `超出已维护的节假日数据范围（${this.firstDate} 至 ${this.lastDate}）`;
  }

  /** The year an administrator must publish before `day` can be computed. */
  private missingYear(day: number) {
    return Number(formatIsoDate(day).slice(0, 4));
  }

  private inputOutOfRange(date: string, day: number): AppError {
    return new AppError('CALENDAR_OUT_OF_RANGE', `日期 ${date} ${this.rangeText()}，请管理员先维护${this.missingYear(day)}年节假日安排`,
      { date, firstDate: this.firstDate, lastDate: this.lastDate });
  }

  /** A result past lastDate: say what was asked, never a guessed date. */
  private resultOutOfRange(what: string): AppError {
    return new AppError('CALENDAR_OUT_OF_RANGE', `${what}${this.rangeText()}，请管理员先维护${this.missingYear(this.last + 1)}年节假日安排`,
      { firstDate: this.firstDate, lastDate: this.lastDate });
  }

  /** Offset of an in-range date; a precise VALIDATION or CALENDAR_OUT_OF_RANGE error otherwise. */
  private index(date: string): number {
    const hit = this.offsetOf.get(date);
    if (hit !== undefined) return hit;
    const day = parseIsoDate(date); // not an in-range date: parse for the precise error
    throw this.inputOutOfRange(date, day);
  }

  private isWorkdayAt(i: number): boolean {
    return this.cum[i] !== (i > 0 ? this.cum[i - 1] : 0);
  }

  isWorkday(date: string): boolean {
    return this.isWorkdayAt(this.index(date));
  }

  dayInfo(date: string): DayInfo {
    const i = this.index(date);
    const o = this.names.get(this.first + i);
    const workday = this.isWorkdayAt(i);
    return o ? { date, workday, name: o.name, kind: o.kind } : { date, workday };
  }

  /**
   * The Nth working day strictly after `start`. The start day never counts (民事诉讼法 第85条: 期间开始的
   * 时和日不计算在期间内), and a start on a rest day makes the next working day day 1; only working days
   * count (行政许可法 第82条, 行政复议法 第88条, 政府信息公开条例 "个工作日"). n = 0 returns `start`.
   */
  addWorkdays(start: string, n: number): string {
    const i = this.index(start);
    nonNegativeInt(n, '工作日数');
    if (n === 0) return start;
    const k = this.cum[i] + n - 1; // 0-based rank of the target working day
    if (k >= this.nth.length) throw this.resultOutOfRange(`自 ${start} 起第${n}个工作日`);
    return this.isoOf[this.nth[k]];
  }

  /**
   * start + n natural days; a period whose last day is a rest day ends on the next working day
   * (民事诉讼法 第85条, applied by 行政复议法 第88条 and 行政诉讼法 第101条). n = 0 rolls a rest day forward too.
   */
  addNaturalDays(start: string, n: number): string {
    const i = this.index(start);
    nonNegativeInt(n, '天数');
    const e = i + n;
    if (e >= this.isoOf.length) {
      const end = this.first + e <= 2932896 ? `（${formatIsoDate(this.first + e)}）` : ''; // 2932896 = 9999-12-31
      throw this.resultOutOfRange(`自 ${start} 起${n}日后${end}`);
    }
    if (this.isWorkdayAt(e)) return this.isoOf[e];
    const k = this.cum[e]; // rank of the first working day after e (e itself is a rest day)
    if (k >= this.nth.length) throw this.resultOutOfRange(`期间届满日 ${this.isoOf[e]} 为休息日，顺延后的工作日`);
    return this.isoOf[this.nth[k]];
  }

  /** Working days d with from < d <= to (0 when to <= from): "剩余/已超期N个工作日". */
  workdaysBetween(from: string, to: string): number {
    const a = this.index(from);
    const b = this.index(to);
    return b <= a ? 0 : this.cum[b] - this.cum[a];
  }

  /**
   * This calendar extended PROVISIONAL_YEARS years past lastDate, where only weekends rest: the estimate a
   * provisional (预计) due date is computed on while next year's notice is unpublished. Built once per
   * calendar (so per version). Dates before firstDate stay refused.
   */
  provisional(): WorkCalendar {
    if (this.guessedFrom) return this;
    if (!this.provisionalCal) {
      const lastYear = Number(this.lastDate.slice(0, 4)) + PROVISIONAL_YEARS;
      this.provisionalCal = new WorkCalendar({
        firstDate: this.firstDate, lastDate: `${lastYear}-12-31`, overrides: this.overrides.filter((o) => o.date <= this.lastDate), version: this.version,
        guessedFrom: formatIsoDate(this.last + 1),
      });
    }
    return this.provisionalCal;
  }

  /** The first working day strictly after `date`. */
  nextWorkday(date: string): string {
    const k = this.cum[this.index(date)];
    if (k >= this.nth.length) throw this.resultOutOfRange(`${date} 之后的第一个工作日`);
    return this.isoOf[this.nth[k]];
  }
}

/**
 * How far a provisional due date may reach past the published calendar. The longest clock limits are
 * natural-day periods of a year or so (行政复议法 60日 + 30日, 行政处罚法 90日); two years covers them with
 * extensions and pauses, and a date further out stays "待定" rather than a guess years ahead.
 */
export const PROVISIONAL_YEARS = 2;

/**
 * The unpublished years a provisional date rests on, as a user reads it: "2027年" or "2027至2028年".
 * `lastDate` is the published calendar's last date, `until` the provisional date.
 */
export function unpublishedYearsText(lastDate: string, until: string): string {
  const from = Number(lastDate.slice(0, 4)) + 1;
  const to = Math.max(from, Number(until.slice(0, 4)));
  return from === to ? `${from}年` : `${from}至${to}年`;
}

/**
 * The first day of the twelve months that end on `today`: 2027-01-05 → 2026-01-06. The demo seeds fill
 * this rolling year rather than the calendar year to date, so a deployment started in January still
 * shows a full year of work and can report on the year just ended.
 */
/**
 * The months of a period as 'YYYY-MM' → the day a month-end figure is read on: the month's last day, or
 * the period's end in its last month (a registry's size "at the end of each month" for a breakdown).
 */
export function monthEnds(from: string, to: string): [string, string][] {
  const out: [string, string][] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const last = `${key}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    out.push([key, last < to ? last : to]);
    if (key >= to.slice(0, 7)) break;
    m === 12 ? ((y += 1), (m = 1)) : (m += 1);
  }
  return out;
}

export function twelveMonthsBefore(today: string): string {
  const y = Number(today.slice(0, 4)) - 1;
  const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return addDays(`${y}-${md}`, 1);
}

/**
 * The year the demo seeds give their yearly milestones to (a February approval, March consultations, the
 * June clean-up, documents dated to October): the year of the day four months ago, so those dates lie in
 * the past — on 2027-01-05 it is 2026, the year the deployment will report on.
 */
export function demoYear(today: string): number {
  return Number(addDays(today, -120).slice(0, 4));
}

/**
 * Working days in [from, to], for generators (demo seeds) that need the days of a period that may run
 * past the published calendar: those days are taken from the provisional calendar (weekends alone), as
 * any due date there is. Stops quietly at the end of the provisional range.
 */
export function workdaysIn(cal: WorkCalendar, from: string, to: string): string[] {
  const p = cal.provisional();
  const out: string[] = [];
  const end = to < p.lastDate ? to : p.lastDate;
  for (let d = p.isWorkday(from) ? from : p.nextWorkday(from); d <= end; ) {
    out.push(d);
    if (d >= end) break;
    try { d = p.nextWorkday(d); } catch { break; }
  }
  return out;
}

/** The bundled State Council data (calendar-data.ts), for tools and tests that run without a database. */
export function defaultCalendar(version = 'builtin'): WorkCalendar {
  return new WorkCalendar({ ...DEFAULT_CALENDAR_RANGE, overrides: DEFAULT_CALENDAR_OVERRIDES, version });
}
