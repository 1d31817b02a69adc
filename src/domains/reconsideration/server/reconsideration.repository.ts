/** The only SQL of 行政复议. Figures count this domain's rows; their records are conditions on `cases`. */
import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { casesWith, inDivision, type MetricScope, type Tx } from '../../../core/server';
import { reconsiderations, type ReconsiderationRow } from './reconsideration.tables';

export type { ReconsiderationRow };

export async function insert(tx: Tx, row: typeof reconsiderations.$inferInsert) { await tx.insert(reconsiderations).values(row); }
export async function update(tx: Tx, caseId: string, patch: Partial<ReconsiderationRow>) { await tx.update(reconsiderations).set(patch).where(eq(reconsiderations.caseId, caseId)); }
export const get = async (tx: Tx, caseId: string) => (await tx.select().from(reconsiderations).where(eq(reconsiderations.caseId, caseId)))[0] ?? null;

// ---- figures ----
const r = reconsiderations;
const within = (col: AnyColumn, q: MetricScope) => sql`${col} BETWEEN ${q.from}::date AND ${q.to}::date`;
const scope = (q: MetricScope) => and(inDivision(r.divisionCode, q.divisionCode), q.orgId ? eq(r.orgId, q.orgId) : undefined);

/** 审结: an accepted case closed by a decision, a 调解书, or 终止 (withdrawal and 和解 included). */
const closedIn = (q: MetricScope) => and(scope(q), sql`${r.acceptedOn} IS NOT NULL`, within(r.closedOn, q));
const acceptedIn = (q: MetricScope) => and(scope(q), within(r.acceptedOn, q));

/** The condition behind each figure: which=numerator/denominator as the metric defines it. */
export type Figure = 'received' | 'accepted' | 'closed' | 'corrected' | 'mediated' | 'acceptedClosed' | 'simple';
export function figureWhere(q: MetricScope, f: Figure, corrective: string[]): SQL {
  switch (f) {
    case 'received': return and(scope(q), within(r.receivedOn, q))!;
    case 'accepted': return acceptedIn(q)!;
    case 'closed': return closedIn(q)!;
    case 'corrected': return and(closedIn(q), corrective.length ? inArray(r.outcome, corrective) : sql`false`)!;
    case 'mediated': return and(closedIn(q), inArray(r.outcome, ['mediation', 'settlement', 'withdrawal']))!;
    // Of the cases accepted in the period, those closed by the period's end.
    case 'acceptedClosed': return and(acceptedIn(q), sql`${r.closedOn} <= ${q.to}::date`)!;
    case 'simple': return and(acceptedIn(q), eq(r.procedure, 'simple'))!;
  }
}

export async function count(tx: Tx, where: SQL) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(r).where(where);
  return n;
}

/** The date a figure is dated by, for the month breakdown. */
const dateOf: Record<Figure, AnyColumn> = { received: r.receivedOn, accepted: r.acceptedOn, closed: r.closedOn, corrected: r.closedOn, mediated: r.closedOn, acceptedClosed: r.acceptedOn, simple: r.acceptedOn };
export async function countBy(tx: Tx, where: SQL, f: Figure, by: 'org' | 'month') {
  const key: SQL<string> = by === 'org' ? sql<string>`${r.orgId}::text` : sql<string>`to_char(${dateOf[f]}, 'YYYY-MM')`;
  return tx.select({ key, n: sql<number>`count(*)::int` }).from(r).where(where).groupBy(key);
}

export const recordsWhere = (where: SQL) => casesWith(r, r.caseId, where);
