/** The only SQL of 行政复议. Figures count this domain's rows; their records are conditions on `cases`. */
import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { cases, casesWith, inDivision, type MetricScope, type Tx } from '../../../core/server';
import { reconsiderationOpinions, reconsiderations, type OpinionRow, type ReconsiderationRow } from './reconsideration.tables';

export type { OpinionRow, ReconsiderationRow };

export async function insert(tx: Tx, row: typeof reconsiderations.$inferInsert) { await tx.insert(reconsiderations).values(row); }
export async function update(tx: Tx, caseId: string, patch: Partial<ReconsiderationRow>) { await tx.update(reconsiderations).set(patch).where(eq(reconsiderations.caseId, caseId)); }
export const get = async (tx: Tx, caseId: string) => (await tx.select().from(reconsiderations).where(eq(reconsiderations.caseId, caseId)))[0] ?? null;

// ---- 意见书 (第76条) ----
const o = reconsiderationOpinions;
export async function insertOpinion(tx: Tx, row: typeof o.$inferInsert) { await tx.insert(o).values(row); }
export async function updateOpinion(tx: Tx, caseId: string, patch: Partial<OpinionRow>) { await tx.update(o).set(patch).where(eq(o.caseId, caseId)); }
export const getOpinion = async (tx: Tx, caseId: string) => (await tx.select().from(o).where(eq(o.caseId, caseId)))[0] ?? null;
/** The letters issued on a 复议 case, oldest first, with their case's number and state. */
export const opinionsOf = (tx: Tx, reconsiderationCaseId: string) =>
  tx.select({ o, refNo: cases.refNo, state: cases.state, orgId: cases.orgId, divisionCode: cases.divisionCode, applicantId: cases.applicantId })
    .from(o).innerJoin(cases, eq(cases.id, o.caseId)).where(eq(o.reconsiderationCaseId, reconsiderationCaseId)).orderBy(o.createdAt);

/** Letters issued in the period (by issue date), within the scope. */
export const opinionsIssuedWhere = (q: MetricScope) => and(inDivision(o.divisionCode, q.divisionCode), q.orgId ? eq(o.orgId, q.orgId) : undefined, sql`${o.issuedOn} BETWEEN ${q.from}::date AND ${q.to}::date`)!;
export async function countOpinions(tx: Tx, where: SQL) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(o).where(where);
  return n;
}
export async function countOpinionsBy(tx: Tx, where: SQL, by: 'org' | 'month') {
  const key: SQL<string> = by === 'org' ? sql<string>`${o.orgId}::text` : sql<string>`to_char(${o.issuedOn}, 'YYYY-MM')`;
  return tx.select({ key, n: sql<number>`count(*)::int` }).from(o).where(where).groupBy(key);
}
export const opinionRecordsWhere = (where: SQL) => casesWith(o, o.caseId, where);

/** The demo year's cases closed by a 纠错 decision, oldest first: the ones a 意见书 follows (the seed). */
export const demoCorrected = (tx: Tx, corrective: string[]) =>
  tx.select({ caseId: reconsiderations.caseId, orgId: reconsiderations.orgId, closedOn: reconsiderations.closedOn, actDescription: reconsiderations.actDescription })
    .from(reconsiderations).where(and(eq(reconsiderations.isDemo, true), inArray(reconsiderations.outcome, corrective))).orderBy(reconsiderations.closedOn, reconsiderations.caseId);
export async function demoOpinionCount(tx: Tx) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(o).where(eq(o.isDemo, true));
  return n;
}

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
