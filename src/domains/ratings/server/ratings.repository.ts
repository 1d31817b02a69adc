import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/server/db/db';
import { cases, counters, orgs } from '../../../core/server/db/schema';
import { inDivision, inPeriod } from '../../../core/server/sql-scope';
import { ratings } from './ratings.tables';

export async function insert(tx: Tx, row: typeof ratings.$inferInsert) {
  const r = await tx.insert(ratings).values(row).onConflictDoNothing().returning();
  return r[0] ?? null;
}
export async function linkFix(tx: Tx, id: string, fixCaseId: string) { await tx.update(ratings).set({ fixCaseId }).where(eq(ratings.id, id)); }
export const byFixCase = async (tx: Tx, fixCaseId: string) => (await tx.select().from(ratings).where(eq(ratings.fixCaseId, fixCaseId)))[0] ?? null;

export async function counterWithOrg(tx: Tx, id: string) {
  return (await tx.select({ id: counters.id, name: counters.name, orgId: orgs.id, orgName: orgs.name, divisionCode: orgs.divisionCode })
    .from(counters).innerJoin(orgs, eq(orgs.id, counters.orgId)).where(eq(counters.id, id)))[0] ?? null;
}

export type RatingScope = { divisionCode: string; orgId?: string; from: string; to: string };
const scope = (q: RatingScope, extra?: SQL) => and(inDivision(ratings.divisionCode, q.divisionCode), q.orgId ? eq(ratings.orgId, q.orgId) : undefined, inPeriod(ratings.createdAt, q.from, q.to), extra);

export async function counts(tx: Tx, q: RatingScope) {
  const [r] = await tx.select({
    total: sql<number>`count(*)::int`,
    bad: sql<number>`count(*) FILTER (WHERE ${ratings.level} <= 2)::int`,
    satisfied: sql<number>`count(*) FILTER (WHERE ${ratings.level} >= 3)::int`,
    // 差评整改率: bad ratings whose remediation closed (rectified or explained) ÷ bad ratings not voided on appeal.
    fixed: sql<number>`count(*) FILTER (WHERE ${ratings.level} <= 2 AND EXISTS (SELECT 1 FROM ${cases} c WHERE c.id = ${ratings.fixCaseId} AND c.state = 'closed'))::int`,
    voided: sql<number>`count(*) FILTER (WHERE ${ratings.level} <= 2 AND EXISTS (SELECT 1 FROM ${cases} c WHERE c.id = ${ratings.fixCaseId} AND c.state = 'voided'))::int`,
  }).from(ratings).where(scope(q));
  return r;
}

/** The remediation cases behind the bad ratings of a scope (records of 差评/差评整改率). */
export async function fixCases(tx: Tx, q: RatingScope, onlyClosed: boolean, p: { page: number; pageSize: number }) {
  const where = and(sql`${cases.id} IN (SELECT ${ratings.fixCaseId} FROM ${ratings} WHERE ${scope(q, sql`${ratings.level} <= 2`)})`, onlyClosed ? eq(cases.state, 'closed') : undefined)!;
  const items = await tx.select().from(cases).where(where).orderBy(sql`${cases.createdAt} DESC`).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(where);
  return { items, total: n };
}
