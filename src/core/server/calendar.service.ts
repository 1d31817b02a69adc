/**
 * The official calendar as the deadline engine sees it: the State Council's holidays and 调休 make-up
 * workdays per year, edited by administrators and versioned. Only published years take part in
 * arithmetic; asking about a date past them is refused (see WorkCalendar), never guessed.
 * Each process caches the index per version and re-reads it when another process bumps the version.
 */
import { WorkCalendar } from '../shared/calendar';
import { AppError } from '../shared/errors';
import { CalendarYear } from '../shared/schemas';
import type { z } from 'zod';
import type { Tx } from './db/db';
import type { Actor } from './actor';
import { requirePermission } from './actor';
import { appendAudit } from './audit';
import * as repo from './calendar.repository';

/** One per app instance (and so per database): the index is rebuilt only when the version moves. */
/**
 * Calendar writes in this process bump this, so the next read checks the version at once. Another
 * process's publish is seen within VERSION_TTL_MS; a clock derived in that window records the older
 * calendar version, and the clock scanner recomputes clocks derived under an older version.
 */
let calendarEpoch = 0;
const VERSION_TTL_MS = 1000;
const bump = (tx: Tx) => { calendarEpoch++; return repo.bumpVersion(tx); };

export class CalendarCache {
  private cached: WorkCalendar | null = null;
  private checkedAt = 0;
  private checkedEpoch = -1;
  // One version check per transaction: a transition asks for the calendar several times (clocks, the
  // response's badges), and the answer cannot change inside one transaction's snapshot of our writes.
  private perTx = new WeakMap<Tx, Promise<WorkCalendar>>();

  get(tx: Tx): Promise<WorkCalendar> {
    let p = this.perTx.get(tx);
    if (!p) this.perTx.set(tx, (p = this.load(tx)));
    return p;
  }

  private async load(tx: Tx): Promise<WorkCalendar> {
    // The hot path (every transition) reads the version at most once a second per process.
    if (this.cached && this.checkedEpoch === calendarEpoch && Date.now() - this.checkedAt < VERSION_TTL_MS) return this.cached;
    const epoch = calendarEpoch;
    const version = await repo.currentVersion(tx);
    this.checkedAt = Date.now();
    this.checkedEpoch = epoch;
    if (this.cached && Number(this.cached.version) === version) return this.cached;
    const all = await repo.listYears(tx);
    const years = all.filter((y) => y.status === 'published').map((y) => y.year);
    if (years.length === 0) throw new AppError('CALENDAR_OUT_OF_RANGE', '尚未发布任何年度的节假日安排，无法计算工作日');
    // Coverage is the contiguous run of published years from the earliest: past a gap would be a guess.
    const first = years[0];
    let last = first;
    while (years.includes(last + 1)) last++;
    const firstDate = await noticeStart(tx, first, all.some((y) => y.year === first - 1));
    const days = await repo.listDays(tx, firstDate, `${last}-12-31`);
    this.cached = new WorkCalendar({
      firstDate,
      lastDate: `${last}-12-31`,
      overrides: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name })),
      version: String(version),
    });
    return this.cached;
  }
}

/**
 * The first date the notice for `year` sets. A notice may open with the New Year break that begins in late
 * December of the year before (国务院办公厅关于2019年部分节假日安排的通知: 2018-12-29 (Saturday) worked,
 * 2018-12-30 to 2019-01-01 off), so those days are known too and coverage begins on the first of them,
 * not on 1 January. Days listed in December of year−1 are that notice's only while year−1 has no notice
 * of its own (no calendar_years row): otherwise they are year−1's, and year−1 is not published.
 */
async function noticeStart(tx: Tx, year: number, previousYearExists: boolean): Promise<string> {
  if (previousYearExists) return `${year}-01-01`;
  const run = await repo.listDays(tx, `${year - 1}-12-01`, `${year - 1}-12-31`);
  return run[0]?.date ?? `${year}-01-01`;
}

export async function getYear(tx: Tx, year: number): Promise<z.infer<typeof CalendarYear>> {
  const y = await repo.getYear(tx, year);
  const from = y ? await noticeStart(tx, year, !!(await repo.getYear(tx, year - 1))) : `${year}-01-01`;
  const days = await repo.listDays(tx, from, `${year}-12-31`);
  return {
    year,
    status: (y?.status as 'published' | 'draft' | undefined) ?? 'missing',
    source: y?.source ?? null,
    version: await repo.currentVersion(tx),
    days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name })),
  };
}

const checkYear = (year: number) => {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('VALIDATION', `年份${year}无效`);
};

export async function openYear(tx: Tx, actor: Actor, year: number, source: string, at: Date) {
  requirePermission(actor, 'calendar.manage');
  checkYear(year);
  const existing = await repo.getYear(tx, year);
  if (existing) throw new AppError('DUPLICATE', `${year}年度的节假日安排已存在`);
  await repo.upsertYear(tx, { year, status: 'draft', source });
  await bump(tx);
  await appendAudit(tx, actor, { stream: 'calendar', action: 'calendar.year.open', entityType: 'calendar_year', entityId: String(year), detail: { source } }, at);
}

export async function publishYear(tx: Tx, actor: Actor, year: number, at: Date) {
  requirePermission(actor, 'calendar.manage');
  const existing = await repo.getYear(tx, year);
  if (!existing) throw new AppError('NOT_FOUND', `${year}年度的节假日安排尚未建立`);
  const published = (await repo.listYears(tx)).filter((y) => y.status === 'published').map((y) => y.year);
  if (published.length && !published.includes(year - 1) && !published.includes(year + 1)) {
    // Deadlines are computed over a continuous run of years; a detached year could never be used.
    throw new AppError('VALIDATION', `请先发布${year - 1}年度的节假日安排，年度须连续发布`);
  }
  await repo.upsertYear(tx, { ...existing, status: 'published', publishedAt: at, publishedBy: actor.name });
  await bump(tx);
  await appendAudit(tx, actor, { stream: 'calendar', action: 'calendar.year.publish', entityType: 'calendar_year', entityId: String(year) }, at);
}

export async function setDay(tx: Tx, actor: Actor, day: { date: string; kind: 'holiday' | 'workday'; name: string }, at: Date) {
  requirePermission(actor, 'calendar.manage');
  const year = Number(day.date.slice(0, 4));
  if (!(await repo.getYear(tx, year))) {
    // A late-December day of a New Year break belongs to next year's notice (e.g. 2018-12-29/30/31 in the
    // 2019 notice) when this year has no notice of its own in the system.
    const nextYearsRun = day.date.slice(5, 7) === '12' && !!(await repo.getYear(tx, year + 1));
    if (!nextYearsRun) throw new AppError('VALIDATION', `请先建立${year}年度的节假日安排，再添加日期`);
  }
  const dow = new Date(`${day.date}T00:00:00Z`).getUTCDay();
  const weekend = dow === 0 || dow === 6;
  if (day.kind === 'workday' && !weekend) {
    throw new AppError('VALIDATION', `${day.date}是工作日，调休上班只能设在周末`, { fields: [{ path: 'kind', message: '调休上班只能设在周六或周日' }] });
  }
  await repo.upsertDay(tx, { ...day, updatedBy: actor.name, updatedAt: at });
  await bump(tx);
  await appendAudit(tx, actor, { stream: 'calendar', action: 'calendar.day.set', entityType: 'calendar_day', entityId: day.date, detail: day }, at);
}

export async function removeDay(tx: Tx, actor: Actor, date: string, at: Date) {
  requirePermission(actor, 'calendar.manage');
  if ((await repo.deleteDay(tx, date)) === 0) throw new AppError('NOT_FOUND', `${date}没有节假日或调休设置`);
  await bump(tx);
  await appendAudit(tx, actor, { stream: 'calendar', action: 'calendar.day.remove', entityType: 'calendar_day', entityId: date }, at);
}

/** Loads the bundled data (State Council notices 2019–2026, from 2018-12-29) into an empty database. */
export async function seedDefaultCalendar(tx: Tx, overrides: { date: string; kind: 'holiday' | 'workday'; name: string }[], years: number[], at: Date) {
  for (const year of years) await repo.upsertYear(tx, { year, status: 'published', source: `国务院办公厅关于${year}年部分节假日安排的通知`, publishedAt: at, publishedBy: '系统' });
  for (const d of overrides) await repo.upsertDay(tx, { ...d, updatedBy: '系统', updatedAt: at });
  await bump(tx);
}
