/** All SQL of enforcement: firms, plans, inspections, penalties, evidence, publications, reviewers, attachments, figures. */
import { and, type AnyColumn, asc, desc, eq, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { cases, casesWith, inDivision, orgs, type MetricScope, type Tx, uniqueOr409 } from '../../../core/server';
import {
  attachments, evidence, firms, inspections, legalReviewers, penalties, plans, publications,
  type InspectionRow, type PenaltyRow, type PublicationRow,
} from './enforcement.tables';

export type { InspectionRow, PenaltyRow, PublicationRow };

// ---- firms and plans ----
export async function upsertFirm(tx: Tx, row: typeof firms.$inferInsert) {
  await tx.insert(firms).values(row).onConflictDoUpdate({ target: firms.creditCode, set: { name: row.name } });
}
export const insertPlan = (tx: Tx, row: typeof plans.$inferInsert) => uniqueOr409(() => tx.insert(plans).values(row), `检查计划编号${row.planNo}已存在`);
export const getPlan = async (tx: Tx, id: string) => (await tx.select().from(plans).where(eq(plans.id, id)))[0] ?? null;
export const planScope = { division: plans.divisionCode, org: plans.orgId } as const;
export const listPlans = (tx: Tx, scope: SQL, year?: number) =>
  tx.select({ p: plans, orgName: orgs.name }).from(plans).innerJoin(orgs, eq(orgs.id, plans.orgId))
    .where(and(scope, year ? eq(plans.year, year) : undefined)).orderBy(desc(plans.year), asc(plans.planNo)).limit(500);
/** The published plans of the division (the public page of caps). */
export const publicPlans = (tx: Tx, divisionCode: string, year: number) =>
  tx.select({ p: plans, orgName: orgs.name }).from(plans).innerJoin(orgs, eq(orgs.id, plans.orgId))
    .where(and(inDivision(plans.divisionCode, divisionCode), eq(plans.year, year))).orderBy(asc(orgs.name), asc(plans.planNo));

// ---- inspections ----
const NOT_COUNTED = ['cancelled', 'refused'];
/** This org's visits to the firm in the year that count against the cap (not cancelled or refused). */
export async function visitsThisYear(tx: Tx, orgId: string, firmCode: string, year: number) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(inspections).innerJoin(cases, eq(cases.id, inspections.caseId))
    .where(and(eq(inspections.orgId, orgId), eq(inspections.firmCode, firmCode), sql`${inspections.visitOn} BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`, notInArray(cases.state, NOT_COUNTED)));
  return r.n;
}
export async function insertInspection(tx: Tx, row: typeof inspections.$inferInsert) { await tx.insert(inspections).values(row); }
export const getInspection = async (tx: Tx, caseId: string) => (await tx.select().from(inspections).where(eq(inspections.caseId, caseId)))[0] ?? null;
export async function inspectionByToken(tx: Tx, token: string) {
  const [r] = await tx.select({ i: inspections, state: cases.state, refNo: cases.refNo, orgName: orgs.name }).from(inspections)
    .innerJoin(cases, eq(cases.id, inspections.caseId)).innerJoin(orgs, eq(orgs.id, inspections.orgId)).where(eq(inspections.token, token));
  return r ?? null;
}
export async function updateInspection(tx: Tx, caseId: string, patch: Partial<InspectionRow>) { await tx.update(inspections).set(patch).where(eq(inspections.caseId, caseId)); }
/** Rates a visit once: the row is claimed by the update itself, so two phones at once cannot both rate. */
export async function rateOnce(tx: Tx, caseId: string, rating: number, comment: string | null, on: string) {
  const r = await tx.update(inspections).set({ rating, ratingComment: comment, ratedOn: on }).where(and(eq(inspections.caseId, caseId), isNull(inspections.rating))).returning({ id: inspections.caseId });
  return r.length > 0;
}

// ---- penalties, evidence ----
export async function insertPenalty(tx: Tx, row: typeof penalties.$inferInsert) { await tx.insert(penalties).values(row); }
export const getPenalty = async (tx: Tx, caseId: string) => (await tx.select().from(penalties).where(eq(penalties.caseId, caseId)))[0] ?? null;
export async function updatePenalty(tx: Tx, caseId: string, patch: Partial<PenaltyRow>) { await tx.update(penalties).set(patch).where(eq(penalties.caseId, caseId)); }
export async function insertEvidence(tx: Tx, row: typeof evidence.$inferInsert) { await tx.insert(evidence).values(row); }
export const evidenceOf = (tx: Tx, caseId: string) => tx.select().from(evidence).where(eq(evidence.caseId, caseId)).orderBy(asc(evidence.takenOn), asc(evidence.createdAt));

// ---- publications ----
export async function insertPublication(tx: Tx, row: typeof publications.$inferInsert) { await tx.insert(publications).values(row); }
export const getPublication = async (tx: Tx, caseId: string) => (await tx.select().from(publications).where(eq(publications.caseId, caseId)))[0] ?? null;
export async function updatePublication(tx: Tx, caseId: string, patch: Partial<PublicationRow>) { await tx.update(publications).set(patch).where(eq(publications.caseId, caseId)); }
/**
 * What the public page lists: published, not withdrawn, not revoked, and within the retention period
 * (a natural person's decision for fewer years than an organisation's).
 */
export async function publicPublications(tx: Tx, divisionCode: string, q: { personSince: string; orgSince: string; q?: string; page: number; pageSize: number }) {
  const where = and(
    inDivision(publications.divisionCode, divisionCode), sql`${publications.publishedOn} IS NOT NULL`, isNull(publications.withdrawnOn), isNull(publications.revokedOn),
    sql`${publications.decidedOn} >= CASE WHEN ${publications.partyKind} = 'person' THEN ${q.personSince}::date ELSE ${q.orgSince}::date END`,
    q.q ? sql`(${publications.partyShown} ILIKE ${`%${q.q}%`} OR ${publications.decisionNo} ILIKE ${`%${q.q}%`} OR ${publications.cause} ILIKE ${`%${q.q}%`})` : undefined,
  );
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(publications).where(where);
  const items = await tx.select({ p: publications, orgName: orgs.name }).from(publications).innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(where).orderBy(desc(publications.publishedOn), asc(publications.decisionNo)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { total: n, items };
}

// ---- legal reviewers ----
export const getReviewer = async (tx: Tx, userId: string) => (await tx.select().from(legalReviewers).where(eq(legalReviewers.userId, userId)))[0] ?? null;
export const insertReviewer = (tx: Tx, row: typeof legalReviewers.$inferInsert) => uniqueOr409(() => tx.insert(legalReviewers).values(row), '该工作人员已登记为法制审核人员');
export const reviewerScope = { division: legalReviewers.divisionCode, org: legalReviewers.orgId } as const;
export const listReviewers = (tx: Tx, scope: SQL) => tx.select().from(legalReviewers).where(scope).orderBy(asc(legalReviewers.name)).limit(500);

// ---- attachments ----
export async function insertAttachment(tx: Tx, row: typeof attachments.$inferInsert) { await tx.insert(attachments).values(row); }
export const attachmentsOf = (tx: Tx, caseId: string) => tx.select().from(attachments).where(eq(attachments.caseId, caseId)).orderBy(asc(attachments.createdAt));
export const getAttachment = async (tx: Tx, id: string) => (await tx.select().from(attachments).where(eq(attachments.id, id)))[0] ?? null;

// ---- figures ----
const between = (col: SQL | typeof inspections.visitOn, q: MetricScope) => sql`${col} BETWEEN ${q.from}::date AND ${q.to}::date`;
const inScope = (div: AnyColumn, org: AnyColumn, q: MetricScope) => and(inDivision(div, q.divisionCode), q.orgId ? sql`${org} = ${q.orgId}` : undefined);

/** 行政处罚案件: decisions to penalise made in the period (a later revocation does not unmake the case). */
export const penaltiesWhere = (q: MetricScope) =>
  and(inScope(penalties.divisionCode, penalties.orgId, q), eq(penalties.decisionKind, '给予行政处罚'), between(sql`${penalties.decidedOn}`, q))!;
/** Cases given a 法制审核 opinion (passed or not) in the period, once each. */
export const legalReviewedWhere = (q: MetricScope) =>
  and(inScope(penalties.divisionCode, penalties.orgId, q), between(sql`${penalties.reviewedOn}`, q))!;
/** Visits carried out (result recorded) whose visit day is in the period. */
export const inspectionsWhere = (q: MetricScope) =>
  and(inScope(inspections.divisionCode, inspections.orgId, q), between(inspections.visitOn, q), sql`${inspections.completedOn} IS NOT NULL`)!;

/**
 * Publications due in the period by the period's end (or today, if earlier): the denominator. A revoked
 * decision whose revocation came before its due date no longer had to be published; one revoked after
 * it did. Unpublished and past due counts as late — open overdue publications are not left out.
 */
export const publicationsDueWhere = (q: MetricScope, today: string) => {
  const end = q.to < today ? q.to : today;
  return and(
    inScope(publications.divisionCode, publications.orgId, q), sql`${publications.dueOn} BETWEEN ${q.from}::date AND ${end}::date`,
    sql`(${publications.revokedOn} IS NULL OR ${publications.revokedOn} > ${publications.dueOn} OR ${publications.publishedOn} IS NOT NULL)`,
  )!;
};
export const publishedOnTimeWhere = (q: MetricScope, today: string) =>
  and(publicationsDueWhere(q, today), sql`${publications.publishedOn} <= ${publications.dueOn}`)!;

export const penaltyRecords = (where: SQL) => casesWith(penalties, penalties.caseId, where);
export const inspectionRecords = (where: SQL) => casesWith(inspections, inspections.caseId, where);
export const publicationRecords = (where: SQL) => casesWith(publications, publications.caseId, where);

type Table = typeof penalties | typeof inspections | typeof publications;
export async function countIn(tx: Tx, table: Table, where: SQL) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return r.n;
}
export async function firmsInspected(tx: Tx, where: SQL) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int`, firms: sql<number>`count(DISTINCT ${inspections.firmCode})::int` }).from(inspections).where(where);
  return r;
}
/** One grouped query per breakdown: by org, or by the month of `monthCol`. */
export async function countBy(tx: Tx, table: Table, orgCol: AnyColumn, monthCol: SQL, where: SQL, by: 'org' | 'month', filter?: SQL) {
  const key: SQL<string> = by === 'org' ? sql<string>`${orgCol}::text` : sql<string>`to_char(${monthCol}, 'YYYY-MM')`;
  return tx.select({ key, a: filter ? sql<number>`count(*) FILTER (WHERE ${filter})::int` : sql<number>`count(*)::int`, b: sql<number>`count(*)::int` })
    .from(table).where(where).groupBy(key);
}
