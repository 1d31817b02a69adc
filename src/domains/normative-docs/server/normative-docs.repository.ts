import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { cases, inDivision, orgs, sequences, type Tx, casesWith } from '../../../core/server';
import { normativeCleanups, normativeComments, normativeDocs, normativeEvaluations, normativePassages } from './normative-docs.tables';

import type { DocRow } from './normative-docs.tables';
export type { DocRow };
export async function insert(tx: Tx, row: typeof normativeDocs.$inferInsert) { await tx.insert(normativeDocs).values(row); }
export async function update(tx: Tx, caseId: string, patch: Partial<DocRow>) { await tx.update(normativeDocs).set(patch).where(eq(normativeDocs.caseId, caseId)); }
export const get = async (tx: Tx, caseId: string) => (await tx.select().from(normativeDocs).where(eq(normativeDocs.caseId, caseId)))[0] ?? null;
export async function addCleanup(tx: Tx, row: typeof normativeCleanups.$inferInsert) { await tx.insert(normativeCleanups).values(row); }

/** 统一编号: the government's own sequence per year (湖政规〔2026〕3号). */
export async function nextDocNumber(tx: Tx, key: string) {
  const [r] = await tx.insert(sequences).values({ key, value: 1 }).onConflictDoUpdate({ target: sequences.key, set: { value: sql`${sequences.value} + 1` } }).returning({ value: sequences.value });
  return r.value;
}

/** Public lists: documents in force, or those a clean-up repealed / delisted / declared expired. */
export async function publicList(tx: Tx, divisionCode: string, states: string[]) {
  return tx.select({ d: normativeDocs, c: cases, orgName: orgs.name }).from(normativeDocs)
    .innerJoin(cases, eq(cases.id, normativeDocs.caseId)).innerJoin(orgs, eq(orgs.id, normativeDocs.orgId))
    .where(and(inDivision(normativeDocs.divisionCode, divisionCode), sql`${cases.state} IN (${sql.join(states.map((s) => sql`${s}`), sql`, `)})`))
    .orderBy(desc(normativeDocs.publishedOn));
}
export const cleanupList = (tx: Tx, divisionCode: string, campaign: string) =>
  tx.select({ title: cases.title, docNo: normativeDocs.docNo, outcome: normativeCleanups.outcome, reason: normativeCleanups.reason, decidedOn: normativeCleanups.decidedOn })
    .from(normativeCleanups).innerJoin(normativeDocs, eq(normativeDocs.caseId, normativeCleanups.caseId)).innerJoin(cases, eq(cases.id, normativeCleanups.caseId))
    .where(and(inDivision(normativeCleanups.divisionCode, divisionCode), eq(normativeCleanups.campaign, campaign))).orderBy(asc(normativeCleanups.outcome), asc(normativeDocs.publishedOn));
export const campaigns = (tx: Tx, divisionCode: string) =>
  tx.selectDistinct({ campaign: normativeCleanups.campaign }).from(normativeCleanups).where(inDivision(normativeCleanups.divisionCode, divisionCode));

// ---- metrics ----
export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
const base = (q: Scope) => and(inDivision(normativeDocs.divisionCode, q.divisionCode), q.orgId ? eq(normativeDocs.orgId, q.orgId) : undefined);
const between = (col: SQL | typeof normativeDocs.filedOn, q: Scope) => sql`${col} BETWEEN ${q.from}::date AND ${q.to}::date`;
export const FILTERS = {
  reviewed: (q: Scope) => and(base(q), between(sql`${normativeDocs.legalityReviewedOn}`, q)),
  passed: (q: Scope) => and(base(q), between(sql`${normativeDocs.legalityReviewedOn}`, q), sql`${normativeDocs.legalityPassed}`),
  filed: (q: Scope) => and(base(q), between(sql`${normativeDocs.filedOn}`, q)),
  filedOnTime: (q: Scope) => and(base(q), between(sql`${normativeDocs.filedOn}`, q), sql`${normativeDocs.filedOn} <= ${normativeDocs.filingDue}`),
  inForce: (q: Scope) => and(base(q), sql`${normativeDocs.caseId} IN (SELECT id FROM ${cases} WHERE ${cases.state} = 'inForce')`),
  cleanedUp: (q: Scope) => and(base(q), sql`${normativeDocs.caseId} IN (SELECT ${normativeCleanups.caseId} FROM ${normativeCleanups} WHERE ${normativeCleanups.decidedOn} BETWEEN ${q.from}::date AND ${q.to}::date)`),
} as const;
export type Filter = keyof typeof FILTERS;
export async function count(tx: Tx, q: Scope, f: Filter) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(normativeDocs).where(FILTERS[f](q));
  return n;
}
export const recordsWhere = (q: Scope, f: Filter) => casesWith(normativeDocs, normativeDocs.caseId, FILTERS[f](q));
export const cleanupByOutcome = (tx: Tx, q: Scope) =>
  tx.select({ outcome: normativeCleanups.outcome, n: sql<number>`count(*)::int` }).from(normativeCleanups)
    .where(and(inDivision(normativeCleanups.divisionCode, q.divisionCode), sql`${normativeCleanups.decidedOn} BETWEEN ${q.from}::date AND ${q.to}::date`)).groupBy(normativeCleanups.outcome);

// ---- public comment by passage, adoption, post-evaluation ----
export async function replacePassages(tx: Tx, caseId: string, rows: { no: number; label: string; text: string }[]) {
  await tx.delete(normativePassages).where(eq(normativePassages.caseId, caseId));
  for (let i = 0; i < rows.length; i += 200) await tx.insert(normativePassages).values(rows.slice(i, i + 200).map((r) => ({ caseId, ...r })));
}
export const passages = (tx: Tx, caseId: string) => tx.select().from(normativePassages).where(eq(normativePassages.caseId, caseId)).orderBy(asc(normativePassages.no));
export async function insertComment(tx: Tx, row: typeof normativeComments.$inferInsert) { await tx.insert(normativeComments).values(row); }
export const comments = (tx: Tx, caseId: string) => tx.select().from(normativeComments).where(eq(normativeComments.caseId, caseId)).orderBy(asc(normativeComments.passageNo), asc(normativeComments.submittedAt));
export const getComment = async (tx: Tx, caseId: string, id: string) => (await tx.select().from(normativeComments).where(and(eq(normativeComments.caseId, caseId), eq(normativeComments.id, id))))[0] ?? null;
export async function respond(tx: Tx, id: string, patch: { adoption: string; reason: string | null; respondedOn: string }) { await tx.update(normativeComments).set(patch).where(eq(normativeComments.id, id)); }
export async function commentStats(tx: Tx, caseId: string) {
  const [r] = await tx.select({ total: sql<number>`count(*)::int`, open: sql<number>`count(*) FILTER (WHERE ${normativeComments.adoption} IS NULL)::int` }).from(normativeComments).where(eq(normativeComments.caseId, caseId));
  return r;
}
/** Drafts put out for online comment (open, closed, or with their adoption published), newest first. */
const consultationRows = (tx: Tx, where: SQL | undefined) =>
  tx.select({ d: normativeDocs, title: cases.title, orgName: orgs.name, comments: sql<number>`(SELECT count(*) FROM ${normativeComments} k WHERE k.case_id = ${normativeDocs.caseId})::int` })
    .from(normativeDocs).innerJoin(cases, eq(cases.id, normativeDocs.caseId)).innerJoin(orgs, eq(orgs.id, normativeDocs.orgId))
    .where(and(where, sql`${normativeDocs.commentFrom} IS NOT NULL`)).orderBy(desc(normativeDocs.commentFrom));
/** The drafts out (or once out) for public comment in a division, newest first. */
export const consultations = (tx: Tx, divisionCode: string) => consultationRows(tx, inDivision(normativeDocs.divisionCode, divisionCode));
/** One draft's consultation (its title and drafting org), or none. */
export const consultation = async (tx: Tx, caseId: string) => (await consultationRows(tx, eq(normativeDocs.caseId, caseId)))[0] ?? null;
export async function insertEvaluation(tx: Tx, row: typeof normativeEvaluations.$inferInsert) { await tx.insert(normativeEvaluations).values(row); }
export const evaluations = (tx: Tx, caseId: string) => tx.select().from(normativeEvaluations).where(eq(normativeEvaluations.caseId, caseId)).orderBy(desc(normativeEvaluations.completedOn));
export const publicEvaluations = (tx: Tx, divisionCode: string) =>
  tx.select({ e: normativeEvaluations, title: cases.title, docNo: normativeDocs.docNo }).from(normativeEvaluations)
    .innerJoin(normativeDocs, eq(normativeDocs.caseId, normativeEvaluations.caseId)).innerJoin(cases, eq(cases.id, normativeEvaluations.caseId))
    .where(inDivision(normativeEvaluations.divisionCode, divisionCode)).orderBy(desc(normativeEvaluations.completedOn));
export async function evaluatedCount(tx: Tx, q: Scope) {
  const [{ n }] = await tx.select({ n: sql<number>`count(DISTINCT ${normativeEvaluations.caseId})::int` }).from(normativeEvaluations)
    .innerJoin(normativeDocs, eq(normativeDocs.caseId, normativeEvaluations.caseId))
    .where(and(base(q), sql`${normativeEvaluations.completedOn} BETWEEN ${q.from}::date AND ${q.to}::date`));
  return n;
}
export const evaluatedRecordsWhere = (q: Scope) => casesWith(normativeDocs, normativeDocs.caseId,
  and(base(q), sql`${normativeDocs.caseId} IN (SELECT ${normativeEvaluations.caseId} FROM ${normativeEvaluations} WHERE ${normativeEvaluations.completedOn} BETWEEN ${q.from}::date AND ${q.to}::date)`));
