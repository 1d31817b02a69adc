/**
 * The configured time zone (kernel.tz, TZ_NAME) inside SQL: `AT TIME ZONE ${tzSql(kernel.tz)}`.
 * A literal, not a bind parameter: PostgreSQL matches a GROUP BY expression to the SELECT's by its
 * text, and the same fragment rendered twice would be two different parameters ($1, $2) and be
 * refused. TZ_NAME is checked at boot to be a known IANA name made of [A-Za-z0-9_+-/], which cannot
 * close the quote; the check is repeated here so a caller passing another string fails loudly.
 */
import { sql, type SQL } from 'drizzle-orm';

const SAFE = /^[A-Za-z0-9_+\-/]{1,64}$/;

/** `'Asia/Shanghai'`, quoted, for SQL built as text (bulk seeds with sql.raw). */
export function tzLiteral(tz: string): string {
  if (!SAFE.test(tz)) throw new Error(`time zone name not safe for SQL: ${tz}`);
  return `'${tz}'`;
}

/** The same literal as a drizzle fragment. */
export const tzSql = (tz: string): SQL => sql.raw(tzLiteral(tz));

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at instant `d`, as ISO 8601 writes it: '+08:00' for China time. */
export function utcOffset(tz: string, d: Date): string {
  let f = offsetFormatters.get(tz);
  if (!f) offsetFormatters.set(tz, (f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })));
  const name = f.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/** An instant as local time with its offset (W3C datetime), e.g. 2026-12-07T09:30:00+08:00. */
export function isoWithOffset(tz: string, d: Date): string {
  const off = utcOffset(tz, d);
  const minutes = (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
  return `${new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 19)}${off}`;
}
