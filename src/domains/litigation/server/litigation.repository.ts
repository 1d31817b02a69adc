/** All SQL of litigation: suits, their hearings and judgments, 司法建议, and the figures over them. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { cases, casesWith, inDivision, orgs, type RecordSet, type Tx, uniqueOr409 } from '../../../core/server';
import { JUDGMENT_OUTCOMES } from '../shared/litigation.machine';
import { advice, hearings, judgments, suits, type SuitRow } from './litigation.tables';
import type { LitigationSettings } from './litigation.config';

export type { SuitRow };

// A second registration of the same court case against the same agency: the unique index decides.
export const insertSuit = (tx: Tx, row: typeof suits.$inferInsert) =>
  uniqueOr409(() => tx.insert(suits).values(row), `案号${row.courtCaseNo}已登记为本机关的应诉案件`);
export const getSuit = async (tx: Tx, caseId: string) => (await tx.select().from(suits).where(eq(suits.caseId, caseId)))[0] ?? null;
export async function updateSuit(tx: Tx, caseId: string, patch: Partial<SuitRow>) { await tx.update(suits).set(patch).where(eq(suits.caseId, caseId)); }

export async function insertHearing(tx: Tx, row: typeof hearings.$inferInsert) { await tx.insert(hearings).values(row); }
export const hearingsOf = (tx: Tx, caseId: string) => tx.select().from(hearings).where(eq(hearings.caseId, caseId)).orderBy(asc(hearings.instance), asc(hearings.heldOn), asc(hearings.createdAt));
export async function insertJudgment(tx: Tx, row: typeof judgments.$inferInsert) { await tx.insert(judgments).values(row); }
export const judgmentsOf = (tx: Tx, caseId: string) => tx.select().from(judgments).where(eq(judgments.caseId, caseId)).orderBy(asc(judgments.instance), asc(judgments.createdAt));
/** The latest first-instance decision (a retrial after 发回重审 replaces the earlier one). */
export async function firstDecision(tx: Tx, caseId: string) {
  const rows = await tx.select().from(judgments).where(and(eq(judgments.caseId, caseId), eq(judgments.instance, 1), inArray(judgments.kind, ['judgment', 'ruling'])));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1) ?? null;
}

export async function insertAdvice(tx: Tx, row: typeof advice.$inferInsert) { await tx.insert(advice).values(row); }
export const getAdvice = async (tx: Tx, caseId: string) => (await tx.select().from(advice).where(eq(advice.caseId, caseId)))[0] ?? null;
export async function updateAdvice(tx: Tx, caseId: string, patch: Partial<typeof advice.$inferSelect>) { await tx.update(advice).set(patch).where(eq(advice.caseId, caseId)); }
/** The 司法建议 received on a suit, with their case numbers and states (the suit page lists them). */
export const adviceOf = (tx: Tx, suitCaseId: string) =>
  tx.select({ a: advice, refNo: cases.refNo, state: cases.state, orgId: cases.orgId, divisionCode: cases.divisionCode, applicantId: cases.applicantId, createdBy: cases.createdBy })
    .from(advice).innerJoin(cases, eq(cases.id, advice.caseId)).where(eq(advice.suitCaseId, suitCaseId)).orderBy(asc(advice.receivedOn));

// ---- figures ----
export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
const between = (col: typeof suits.servedOn | typeof suits.closedOn | typeof hearings.heldOn, q: Scope) => sql`${col} BETWEEN ${q.from}::date AND ${q.to}::date`;
const suitScope = (q: Scope) => and(inDivision(suits.divisionCode, q.divisionCode), q.orgId ? eq(suits.orgId, q.orgId) : undefined);

export const receivedWhere = (q: Scope) => and(suitScope(q), between(suits.servedOn, q))!;
export const closedWhere = (q: Scope) => and(suitScope(q), between(suits.closedOn, q))!;
/** Registered by the end of the period and not closed by then (正在审理). */
export const pendingWhere = (q: Scope) => and(suitScope(q), sql`${suits.servedOn} <= ${q.to}::date`, sql`(${suits.closedOn} IS NULL OR ${suits.closedOn} > ${q.to}::date)`)!;
export const lostWhere = (q: Scope, s: LitigationSettings) => and(closedWhere(q), inArray(suits.finalOutcome, s.LITIGATION_LOSS_OUTCOMES))!;
export const lossBaseWhere = (q: Scope, s: LitigationSettings) =>
  s.LITIGATION_LOSS_DENOMINATOR === 'judged' ? and(closedWhere(q), inArray(suits.finalOutcome, [...JUDGMENT_OUTCOMES]))! : closedWhere(q);

export const suitRecords = (where: SQL) => casesWith(suits, suits.caseId, where);

export async function countSuits(tx: Tx, where: SQL) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(suits).where(where);
  return r.n;
}
/** One grouped query per breakdown: by defendant agency, or by the month of `monthCol`. */
export async function suitsBy(tx: Tx, where: SQL, by: 'org' | 'month', monthCol: typeof suits.servedOn | typeof suits.closedOn) {
  const key: SQL<string> = by === 'org' ? sql<string>`${suits.orgId}::text` : sql<string>`to_char(${monthCol}, 'YYYY-MM')`;
  return tx.select({ key, n: sql<number>`count(*)::int` }).from(suits).where(where).groupBy(key);
}
export async function lossBy(tx: Tx, q: Scope, s: LitigationSettings, by: 'org' | 'month') {
  const key: SQL<string> = by === 'org' ? sql<string>`${suits.orgId}::text` : sql<string>`to_char(${suits.closedOn}, 'YYYY-MM')`;
  return tx.select({ key, a: sql<number>`count(*) FILTER (WHERE ${lostWhere(q, s)})::int`, b: sql<number>`count(*)::int` })
    .from(suits).where(lossBaseWhere(q, s)).groupBy(key);
}

// 出庭: per hearing or per case with a hearing in the period; a head appearance per the settings.
const headsOf = (s: LitigationSettings) => (s.LITIGATION_DEPUTY_COUNTS ? ['主要负责人', '副职负责人'] : ['主要负责人']);
const hearingScope = (q: Scope) => and(inDivision(hearings.divisionCode, q.divisionCode), q.orgId ? eq(hearings.orgId, q.orgId) : undefined, between(hearings.heldOn, q))!;
const headAppeared = (s: LitigationSettings) => inArray(hearings.appearance, headsOf(s));
export const appearanceWhere = (q: Scope, s: LitigationSettings, which: 'numerator' | 'denominator') =>
  casesWith(hearings, hearings.caseId, which === 'numerator' ? and(hearingScope(q), headAppeared(s)) : hearingScope(q));

/** Per hearing, a figure counts hearings: its records are the hearings, with who appeared. */
export const hearingRecordSet = (s: LitigationSettings): RecordSet => ({
  table: hearings,
  scope: { division: hearings.divisionCode, org: hearings.orgId },
  permission: 'litigation.read',
  columns: [
    { key: 'refNo', label: '案件编号', value: sql`(SELECT ${cases.refNo} FROM ${cases} WHERE ${cases.id} = ${hearings.caseId})` },
    { key: 'title', label: '案件', value: sql`(SELECT ${cases.title} FROM ${cases} WHERE ${cases.id} = ${hearings.caseId})` },
    { key: 'org', label: '被告', value: sql`(SELECT ${orgs.name} FROM ${orgs} WHERE ${orgs.id} = ${hearings.orgId})` },
    { key: 'instance', label: '审级', value: sql`CASE ${hearings.instance} WHEN 1 THEN '一审' ELSE '二审' END` },
    { key: 'heldOn', label: '开庭日期', value: sql`${hearings.heldOn}::text` },
    { key: 'appearance', label: '出庭情况', value: hearings.appearance },
    { key: 'headName', label: '出庭负责人', value: hearings.headName },
    { key: 'absenceReason', label: '负责人未出庭理由', value: hearings.absenceReason },
  ],
  where: (q, which) => (which === 'numerator' ? and(hearingScope(q), headAppeared(s)) : hearingScope(q)),
  orderBy: sql`${hearings.heldOn} DESC, ${hearings.id}`,
});

export async function appearance(tx: Tx, q: Scope, s: LitigationSettings) {
  const [r] = await tx.select(appearanceCounts(s)).from(hearings).where(hearingScope(q));
  return r;
}
export async function appearanceBy(tx: Tx, q: Scope, s: LitigationSettings, by: 'org' | 'month') {
  const key: SQL<string> = by === 'org' ? sql<string>`${hearings.orgId}::text` : sql<string>`to_char(${hearings.heldOn}, 'YYYY-MM')`;
  return tx.select({ key, ...appearanceCounts(s) }).from(hearings).where(hearingScope(q)).groupBy(key);
}
function appearanceCounts(s: LitigationSettings) {
  const perCase = s.LITIGATION_APPEARANCE_BASIS === 'case';
  return perCase
    ? { a: sql<number>`count(DISTINCT ${hearings.caseId}) FILTER (WHERE ${headAppeared(s)})::int`, b: sql<number>`count(DISTINCT ${hearings.caseId})::int` }
    : { a: sql<number>`count(*) FILTER (WHERE ${headAppeared(s)})::int`, b: sql<number>`count(*)::int` };
}

/**
 * Hearings of one defendant org in a period where a head (主要负责人 or 副职负责人) appeared and the recorded
 * head's name and post contains `name`; the caller checks the name stands as a whole word (same-name prefixes).
 */
export const headHearingsNaming = (tx: Tx, orgId: string, name: string, from: string, to: string) =>
  tx.select({ heldOn: hearings.heldOn, instance: hearings.instance, appearance: hearings.appearance, headName: hearings.headName, court: suits.court, courtCaseNo: suits.courtCaseNo })
    .from(hearings).innerJoin(suits, eq(suits.caseId, hearings.caseId))
    .where(and(eq(hearings.orgId, orgId), inArray(hearings.appearance, ['主要负责人', '副职负责人']), sql`${hearings.heldOn} BETWEEN ${from}::date AND ${to}::date`,
      sql`strpos(${hearings.headName}, ${name}) > 0`))
    .orderBy(asc(hearings.heldOn));
