import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { caseEvents, cases, inDivision, inPeriod, orgs, tzSql, type Tx, casesWith } from '../../../core/server';
import { majorDecisions } from './major-decisions.tables';

import type { DecisionRow } from './major-decisions.tables';
export type { DecisionRow };
export async function insert(tx: Tx, row: typeof majorDecisions.$inferInsert) { await tx.insert(majorDecisions).values(row); }
export async function update(tx: Tx, caseId: string, patch: Partial<DecisionRow>) { await tx.update(majorDecisions).set(patch).where(eq(majorDecisions.caseId, caseId)); }
export const get = async (tx: Tx, caseId: string) => (await tx.select().from(majorDecisions).where(eq(majorDecisions.caseId, caseId)))[0] ?? null;

/** The published catalog of a year: every decision in it, with its drafting unit and state. */
export const catalog = (tx: Tx, divisionCode: string, year: number) =>
  tx.select({ d: majorDecisions, c: cases, draftingOrg: orgs.name }).from(majorDecisions)
    .innerJoin(cases, eq(cases.id, majorDecisions.caseId)).innerJoin(orgs, eq(orgs.id, majorDecisions.draftingOrgId))
    .where(and(inDivision(majorDecisions.divisionCode, divisionCode), eq(majorDecisions.year, year))).orderBy(asc(cases.createdAt));

export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
// A catalog belongs to a year: a period counts the catalogs of the years it touches.
const scope = (q: Scope) => and(inDivision(majorDecisions.divisionCode, q.divisionCode), q.orgId ? eq(majorDecisions.draftingOrgId, q.orgId) : undefined,
  sql`${majorDecisions.year} BETWEEN ${Number(q.from.slice(0, 4))} AND ${Number(q.to.slice(0, 4))}`,
  sql`${majorDecisions.caseId} IN (SELECT id FROM ${cases} WHERE ${cases.state} <> 'withdrawn')`);
const completed = sql`${majorDecisions.decidedOn} IS NOT NULL AND ${majorDecisions.legalityPassedOn} IS NOT NULL`;

export async function counts(tx: Tx, q: Scope) {
  const [r] = await tx.select({
    inCatalog: sql<number>`count(*)::int`,
    completed: sql<number>`count(*) FILTER (WHERE ${completed})::int`,
  }).from(majorDecisions).where(scope(q));
  return r;
}
export const recordsWhere = (q: Scope, onlyCompleted: boolean) => casesWith(majorDecisions, majorDecisions.caseId, and(scope(q), onlyCompleted ? completed : undefined));

/**
 * The steps of decisions an account took (`events`, as recorded on the case's event stream with its actor)
 * within [from, to] (local dates), oldest first, with the step's local day in zone `tz`.
 */
export const stepsByActor = (tx: Tx, q: { userId: string; events: string[]; from: string; to: string; tz: string }) =>
  tx.select({
    caseId: cases.id, refNo: cases.refNo, title: cases.title, event: caseEvents.event, input: caseEvents.input,
    on: sql<string>`to_char(${caseEvents.at} AT TIME ZONE ${tzSql(q.tz)}, 'YYYY-MM-DD')`,
  }).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.actorId, q.userId), eq(cases.type, 'majorDecision'), inArray(caseEvents.event, q.events), inPeriod(caseEvents.at, q.from, q.to)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.seq));
