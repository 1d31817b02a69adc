/** SQL behind the generic case metrics. Periods are inclusive calendar dates in the configured zone. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { caseDaily, cases } from '../db/schema';
import { dayEnd, inDivision, inPeriod as periodSql } from '../sql-scope';
import type { Tx } from '../db/db';
import type { MetricScope } from '../contract';
import { tzSql } from '../tz';

const inPeriod = (col: typeof cases.createdAt | typeof cases.closedAt, q: MetricScope) => periodSql(col, q.from, q.to);
const end = dayEnd;

function scope(q: MetricScope): SQL {
  return and(
    inDivision(cases.divisionCode, q.divisionCode),
    q.orgId ? eq(cases.orgId, q.orgId) : undefined,
    q.caseType ? eq(cases.type, q.caseType) : undefined,
  )!;
}

export const received = (q: MetricScope) => and(scope(q), inPeriod(cases.createdAt, q))!;
export const completed = (q: MetricScope) => and(scope(q), sql`${cases.closedAt} IS NOT NULL`, inPeriod(cases.closedAt, q))!;
export const completedWithClock = (q: MetricScope) => and(completed(q), sql`${cases.primaryDue} IS NOT NULL`)!;
export const onTime = (q: MetricScope) => and(completed(q), sql`${cases.primaryDue} IS NOT NULL AND ${cases.primaryStopped} <= ${cases.primaryDue}`)!;
export const overdue = (q: MetricScope) => and(scope(q), sql`(
  (${cases.closedAt} IS NOT NULL AND ${inPeriod(cases.closedAt, q)} AND ${cases.primaryStopped} > ${cases.primaryDue})
  OR (${cases.closedAt} IS NULL AND ${cases.createdAt} < ${end(q.to)}::timestamptz AND ${cases.primaryStopped} IS NULL AND ${cases.primaryDue} < ${q.to}::date)
)`)!;
export const inProgress = (q: MetricScope) => and(scope(q), sql`${cases.createdAt} < ${end(q.to)}::timestamptz`,
  sql`(${cases.closedAt} IS NULL OR ${cases.closedAt} >= ${end(q.to)}::timestamptz)`)!;

export async function count(tx: Tx, where: SQL): Promise<number> {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(where);
  return n;
}


/** Grouped counts: by org, or by month of the given timestamp column (the configured zone). */
export async function countBy(tx: Tx, tz: string, where: SQL, by: 'org' | 'month', monthCol: typeof cases.createdAt | typeof cases.closedAt, extra?: SQL) {
  const key = by === 'org' ? sql<string>`${cases.orgId}::text` : sql<string>`to_char(${monthCol} AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM')`;
  const rows = await tx.select({ key, n: sql<number>`count(*)::int`, m: extra ? sql<number>`count(*) FILTER (WHERE ${extra})::int` : sql<number>`0` })
    .from(cases).where(where).groupBy(key);
  return rows;
}

export type DailyField = 'received' | 'completed' | 'withClock' | 'onTime';
const dailyCols = { received: caseDaily.received, completed: caseDaily.completed, withClock: caseDaily.withClock, onTime: caseDaily.onTime };

function dailyScope(q: MetricScope): SQL {
  return and(
    inDivision(caseDaily.divisionCode, q.divisionCode),
    q.orgId ? eq(caseDaily.orgId, q.orgId) : undefined,
    q.caseType ? eq(caseDaily.type, q.caseType) : undefined,
    sql`${caseDaily.day} BETWEEN ${q.from}::date AND ${q.to}::date`,
  )!;
}

/** The rollup's totals for a scope and period: cost grows with days × orgs, not with records. */
export async function dailySums(tx: Tx, q: MetricScope) {
  const [r] = await tx.select({
    received: sql<number>`coalesce(sum(${caseDaily.received}), 0)::int`, completed: sql<number>`coalesce(sum(${caseDaily.completed}), 0)::int`,
    withClock: sql<number>`coalesce(sum(${caseDaily.withClock}), 0)::int`, onTime: sql<number>`coalesce(sum(${caseDaily.onTime}), 0)::int`,
  }).from(caseDaily).where(dailyScope(q));
  return r;
}

export async function dailyBy(tx: Tx, q: MetricScope, by: 'org' | 'month', fields: DailyField[]) {
  const key = by === 'org' ? sql<string>`${caseDaily.orgId}::text` : sql<string>`to_char(${caseDaily.day}, 'YYYY-MM')`;
  const rows = await tx.select({ key, a: sql<number>`coalesce(sum(${dailyCols[fields[0]]}), 0)::int`, b: sql<number>`coalesce(sum(${dailyCols[fields[1] ?? fields[0]]}), 0)::int` })
    .from(caseDaily).where(dailyScope(q)).groupBy(key);
  return rows;
}

/** Open cases past their primary due date as of the period's end (the partial index serves this). */
export const openOverdue = (q: MetricScope) => and(scope(q), sql`${cases.closedAt} IS NULL AND ${cases.createdAt} < ${end(q.to)}::timestamptz AND ${cases.primaryStopped} IS NULL AND ${cases.primaryDue} < ${q.to}::date`)!;
