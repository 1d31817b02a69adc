/** All SQL of legal-affairs: contract reviews and their comments, the counsel pool and its work records. */
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { cases, inDivision, orgs, type RecordSet, type Tx, casesWith, uniqueOr409 } from '../../../core/server';
import { contractReviewComments, contractReviews, counselAppointments, counselFirms, counselLawyers, counselWork } from './legal-affairs.tables';

import type { ReviewRow } from './legal-affairs.tables';
export type { ReviewRow };
export async function insertReview(tx: Tx, row: typeof contractReviews.$inferInsert) { await tx.insert(contractReviews).values(row); }
export async function updateReview(tx: Tx, caseId: string, patch: Partial<ReviewRow>) { await tx.update(contractReviews).set(patch).where(eq(contractReviews.caseId, caseId)); }
export const getReview = async (tx: Tx, caseId: string) => (await tx.select().from(contractReviews).where(eq(contractReviews.caseId, caseId)))[0] ?? null;
export async function insertComments(tx: Tx, rows: (typeof contractReviewComments.$inferInsert)[]) { if (rows.length) await tx.insert(contractReviewComments).values(rows); }
export const comments = (tx: Tx, caseId: string) => tx.select().from(contractReviewComments).where(eq(contractReviewComments.caseId, caseId)).orderBy(asc(contractReviewComments.seq));

// ---- counsel pool ----
// A firm or licence registered twice (or by two people at once): the unique index decides.
export const insertFirm = (tx: Tx, row: typeof counselFirms.$inferInsert) => uniqueOr409(() => tx.insert(counselFirms).values(row), `律师事务所“${row.name}”已登记`);
export const getFirm = async (tx: Tx, id: string) => (await tx.select().from(counselFirms).where(eq(counselFirms.id, id)))[0] ?? null;
export const insertLawyer = (tx: Tx, row: typeof counselLawyers.$inferInsert) => uniqueOr409(() => tx.insert(counselLawyers).values(row), `执业证号${row.licenceNo}已登记`);
export const getLawyer = async (tx: Tx, id: string) => (await tx.select().from(counselLawyers).where(eq(counselLawyers.id, id)))[0] ?? null;
export async function insertAppointment(tx: Tx, row: typeof counselAppointments.$inferInsert) { await tx.insert(counselAppointments).values(row); }
export async function insertWork(tx: Tx, row: typeof counselWork.$inferInsert) { await tx.insert(counselWork).values(row); }

/** Is the lawyer appointed to serve one of these agencies on that date? */
export async function appointedFor(tx: Tx, lawyerId: string, orgIds: string[], on: string) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(counselAppointments)
    .where(and(eq(counselAppointments.lawyerId, lawyerId), sql`${counselAppointments.orgId} IN (${sql.join(orgIds.map((o) => sql`${o}`), sql`, `)})`,
      lte(counselAppointments.fromDate, on), gte(counselAppointments.toDate, on)));
  return r.n > 0;
}

export const firms = (tx: Tx, divisionCode: string) => tx.select().from(counselFirms).where(inDivision(counselFirms.divisionCode, divisionCode)).orderBy(asc(counselFirms.name));
export const lawyers = (tx: Tx, divisionCode: string) => tx.select().from(counselLawyers).where(inDivision(counselLawyers.divisionCode, divisionCode)).orderBy(asc(counselLawyers.name));
export const appointments = (tx: Tx, divisionCode: string) =>
  tx.select({ a: counselAppointments, orgName: orgs.name }).from(counselAppointments).innerJoin(orgs, eq(orgs.id, counselAppointments.orgId))
    .where(inDivision(counselAppointments.divisionCode, divisionCode)).orderBy(asc(orgs.name));
/** Work counts per lawyer and kind in a period (the pool page's columns). */
export const workCounts = (tx: Tx, divisionCode: string, from: string, to: string) =>
  tx.select({ lawyerId: counselWork.lawyerId, kind: counselWork.kind, n: sql<number>`count(*)::int` }).from(counselWork)
    .where(and(inDivision(counselWork.divisionCode, divisionCode), sql`${counselWork.on} BETWEEN ${from}::date AND ${to}::date`)).groupBy(counselWork.lawyerId, counselWork.kind);

export type WorkQuery = { divisionCode: string; from: string; to: string; lawyerId?: string; orgId?: string; kind?: string; page: number; pageSize: number };
const workWhere = (q: Omit<WorkQuery, 'page' | 'pageSize'>) => and(inDivision(counselWork.divisionCode, q.divisionCode), sql`${counselWork.on} BETWEEN ${q.from}::date AND ${q.to}::date`,
  q.lawyerId ? eq(counselWork.lawyerId, q.lawyerId) : undefined, q.orgId ? eq(counselWork.orgId, q.orgId) : undefined, q.kind ? eq(counselWork.kind, q.kind) : undefined);
export async function workRecords(tx: Tx, q: WorkQuery) {
  const items = await tx.select({ w: counselWork, lawyerName: counselLawyers.name, firmName: counselFirms.name, orgName: orgs.name, refNo: cases.refNo }).from(counselWork)
    .innerJoin(counselLawyers, eq(counselLawyers.id, counselWork.lawyerId)).innerJoin(counselFirms, eq(counselFirms.id, counselLawyers.firmId))
    .innerJoin(orgs, eq(orgs.id, counselWork.orgId)).leftJoin(cases, eq(cases.id, counselWork.caseId))
    .where(workWhere(q)).orderBy(desc(counselWork.on), asc(counselWork.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(counselWork).where(workWhere(q));
  return { items, total: n };
}

// ---- metrics ----
export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
const issuedIn = (q: Scope) => and(inDivision(contractReviews.divisionCode, q.divisionCode), q.orgId ? eq(contractReviews.orgId, q.orgId) : undefined,
  sql`${contractReviews.opinionOn} BETWEEN ${q.from}::date AND ${q.to}::date`);
export async function reviewCounts(tx: Tx, q: Scope) {
  const [r] = await tx.select({ reviewed: sql<number>`count(*)::int`, comments: sql<number>`coalesce(sum(${contractReviews.commentCount}), 0)::int` }).from(contractReviews).where(issuedIn(q));
  return r;
}
/** Comments are counted from their own rows, so the figure is the records' count, not a stored total. */
export async function commentCount(tx: Tx, q: Scope) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(contractReviewComments)
    .innerJoin(contractReviews, eq(contractReviews.caseId, contractReviewComments.caseId)).where(issuedIn(q));
  return r.n;
}
export const reviewRecordsWhere = (q: Scope, withComments: boolean) => casesWith(contractReviews, contractReviews.caseId, and(issuedIn(q), withComments ? sql`${contractReviews.commentCount} > 0` : undefined));
const workIn = (q: Scope, kind: string) => and(inDivision(counselWork.divisionCode, q.divisionCode), q.orgId ? eq(counselWork.orgId, q.orgId) : undefined,
  eq(counselWork.kind, kind), sql`${counselWork.on} BETWEEN ${q.from}::date AND ${q.to}::date`);
/** The counsel work records behind a figure: date, lawyer, served agency and what was done. */
export const workRecordSet = (kind: string): RecordSet => ({
  table: counselWork,
  scope: { division: counselWork.divisionCode, org: counselWork.orgId },
  columns: [
    { key: 'on', label: '日期', value: sql`${counselWork.on}::text` },
    { key: 'lawyer', label: '律师', value: sql`(SELECT ${counselLawyers.name} FROM ${counselLawyers} WHERE ${counselLawyers.id} = ${counselWork.lawyerId})` },
    { key: 'org', label: '服务单位', value: sql`(SELECT ${orgs.name} FROM ${orgs} WHERE ${orgs.id} = ${counselWork.orgId})` },
    { key: 'subject', label: '事项', value: counselWork.subject },
  ],
  where: (q) => workIn(q, kind),
  orderBy: sql`${counselWork.on} DESC, ${counselWork.id}`,
});

export async function workCount(tx: Tx, q: Scope, kind: string) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(counselWork).where(workIn(q, kind));
  return r.n;
}
/** One grouped query per breakdown (dashboards): by served agency or by month. */
export async function workBreakdown(tx: Tx, q: Scope, kind: string, by: 'org' | 'month') {
  const key: SQL<string> = by === 'org' ? sql<string>`${counselWork.orgId}::text` : sql<string>`to_char(${counselWork.on}, 'YYYY-MM')`;
  return tx.select({ key, n: sql<number>`count(*)::int` }).from(counselWork).where(workIn(q, kind)).groupBy(key);
}
export async function insertWorkRows(tx: Tx, rows: (typeof counselWork.$inferInsert)[]) { for (let i = 0; i < rows.length; i += 200) await tx.insert(counselWork).values(rows.slice(i, i + 200)); }
