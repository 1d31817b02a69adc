/**
 * Dates and times on screen, in the server's zone (kernel.tz), never the browser's: a laptop left on
 * UTC or a phone abroad must show the same 办结时间 and the same "today" as the clerk's counter, and a
 * due date the server computed must not move a day. The zone is learnt once at start from
 * /api/public/site (main.tsx awaits it briefly); until then the default zone holds.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { todayIso } from '../shared/calendar';
import { DEFAULT_TZ } from '../shared/tz';

let zone = DEFAULT_TZ;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Sets the zone pages show times in (from the server's answer; an unknown zone name is ignored). */
export function setSiteTimeZone(tz: string | undefined | null) {
  if (!tz) return;
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); zone = tz; } catch { /* keep the default */ }
}

export const siteTimeZone = () => zone;

/** Today's date (YYYY-MM-DD) in the site's zone. */
export const siteToday = () => todayIso(zone);

/** This year in the site's zone. */
export const siteYear = () => Number(siteToday().slice(0, 4));

/** Today as a dayjs date, for a date picker's default value. */
export const siteTodayDayjs = (): Dayjs => dayjs(siteToday());

/** A stored instant as 年-月-日 时:分 in the site's zone; '—' when there is none. */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  let f = formatters.get(zone);
  if (!f) formatters.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A stored instant's date (年-月-日) in the site's zone: an ISO string's first ten characters are UTC's. */
export const fmtDate = (iso: string | null | undefined): string => (iso ? fmtTime(iso).slice(0, 10) : '—');
