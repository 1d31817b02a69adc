/**
 * SQL conditions every metric and scoped list shares. Periods are calendar dates in China, compared as
 * instants so timestamp indexes apply; a division subtree is a code prefix, compared as a range so a
 * btree index applies whatever the collation.
 */
import { sql, type SQL, type AnyColumn, type Table } from 'drizzle-orm';
import { cases, orgs } from './db/schema';

type AnyTable = Table;
import { divisionPrefix } from '../shared/division';
import { DEFAULT_TZ } from '../shared/tz';
import { utcOffset } from './tz';

/**
 * Period bounds are local midnights in the kernel's zone (kernel.tz, set once at boot by createKernel):
 * the bounds are written into many domains' SQL, which hold the date, not the kernel.
 */
let zone = DEFAULT_TZ;
export const setPeriodZone = (tz: string) => { zone = tz; };
/** The offset that applies on date `d` (taken at noon UTC: clear of any midnight DST switch). */
const offsetOn = (d: string) => utcOffset(zone, new Date(`${d}T12:00:00Z`));

export const dayStart = (d: string) => `${d}T00:00:00${offsetOn(d)}`;
export const dayEnd = (d: string) => `${d}T24:00:00${offsetOn(d)}`;

export const inPeriod = (col: AnyColumn | SQL, from: string, to: string): SQL =>
  sql`${col} >= ${dayStart(from)}::timestamptz AND ${col} < ${dayEnd(to)}::timestamptz`;

export function inDivision(col: AnyColumn | SQL, code: string): SQL {
  const p = divisionPrefix(code);
  const upper = p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
  return sql`${col} >= ${p} AND ${col} < ${upper}`;
}

/**
 * Cases that have a row in a domain table matching `where`: the records behind a domain's figure, as a
 * condition on `cases` so the kernel can page them in the reader's scope. `where` may name `cases`
 * columns; they are the outer case's (`via` is the case column the table's key points at: the case
 * itself, or its parent for a bundle's child applications).
 */
export function casesWith(table: AnyTable, caseIdCol: AnyColumn, where: SQL | undefined, via: AnyColumn = cases.id): SQL {
  return sql`EXISTS (SELECT 1 FROM ${table} WHERE ${caseIdCol} = ${via}${where ? sql` AND ${where}` : sql``})`;
}

/** A code column shown by its Chinese label in a record set (`CASE col WHEN 'valid' THEN '有效' … ELSE col END`). */
export const labelled = (col: AnyColumn | SQL, labels: Record<string, string>): SQL =>
  sql.join([sql`CASE ${col}`, ...Object.entries(labels).map(([k, v]) => sql` WHEN ${k} THEN ${v}`), sql` ELSE ${col} END`], sql``);

/** An org's name by its id column, for a record set's column (发证机关, 实施主体, 服务场所 …). */
export const orgNameOf = (col: AnyColumn | SQL): SQL<string> => sql<string>`(SELECT o.name FROM ${orgs} o WHERE o.id = ${col})`;
