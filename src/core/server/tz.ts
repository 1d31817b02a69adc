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
