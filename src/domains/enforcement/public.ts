/**
 * What other domains may read of enforcement (the case-file review samples closed penalty files and
 * pre-checks the 评查 veto items against their data). Reads only; answers are plain data.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cases, listClocks, type Tx } from '../../core/server';
import { evidence, inspections, penalties } from './server/enforcement.tables';

export type { Officer } from './server/enforcement.tables';

/** Closed (已结案) penalty cases of the orgs whose decision falls in `year`, by case id with their org. */
export async function closedPenaltyFiles(tx: Tx, orgIds: string[], year: number) {
  if (!orgIds.length) return [];
  return tx.select({ caseId: penalties.caseId, orgId: penalties.orgId, refNo: cases.refNo, decisionNo: penalties.decisionNo, title: cases.title, partyName: penalties.partyName, decidedOn: penalties.decidedOn })
    .from(penalties).innerJoin(cases, eq(cases.id, penalties.caseId))
    .where(and(inArray(penalties.orgId, orgIds), eq(cases.state, 'closed'), sql`${penalties.decidedOn} BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`))
    .orderBy(asc(penalties.caseId));
}

/**
 * Completed (已完成) 涉企检查 of the orgs visited in `year`, by case id, with the officers named on the visit
 * (the 行政检查 files a case-file review draws and pre-checks: credentials on the day, two officers).
 */
export async function completedInspectionFiles(tx: Tx, orgIds: string[], year: number) {
  if (!orgIds.length) return [];
  return tx.select({ caseId: inspections.caseId, orgId: inspections.orgId, refNo: cases.refNo, title: cases.title, partyName: inspections.firmName, visitOn: inspections.visitOn, officers: inspections.officers })
    .from(inspections).innerJoin(cases, eq(cases.id, inspections.caseId))
    .where(and(inArray(inspections.orgId, orgIds), eq(cases.state, 'completed'), sql`${inspections.visitOn} BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`))
    .orderBy(asc(inspections.caseId));
}

export type PenaltyReviewFacts = {
  caseId: string;
  filedOn: string;
  decidedOn: string | null;
  /** The 90-day decision clock's due date, extensions included (第60条). */
  decideDueOn: string | null;
  reviewRequired: boolean;
  reviewPassed: boolean | null;
  reviewedOn: string | null;
  basis: string | null;
  /** Each 调查取证 record: its day and the officers named on it. */
  evidence: { takenOn: string; officers: { holderId: string; name: string; credentialNo: string }[] }[];
};

/** The facts the 评查 veto items are pre-checked against, for each penalty case asked about. */
export async function penaltyReviewFacts(tx: Tx, caseIds: string[]): Promise<PenaltyReviewFacts[]> {
  if (!caseIds.length) return [];
  const rows = await tx.select().from(penalties).where(inArray(penalties.caseId, caseIds));
  const ev = await tx.select().from(evidence).where(inArray(evidence.caseId, caseIds)).orderBy(asc(evidence.takenOn));
  const clocks = (await listClocks(tx, caseIds)).filter((c) => c.name === 'decide');
  return rows.map((p) => ({
    caseId: p.caseId, filedOn: p.filedOn, decidedOn: p.decidedOn, decideDueOn: clocks.find((c) => c.caseId === p.caseId)?.dueDate ?? null,
    reviewRequired: p.reviewGrounds.length > 0, reviewPassed: p.reviewPassed, reviewedOn: p.reviewedOn, basis: p.basis,
    evidence: ev.filter((e) => e.caseId === p.caseId).map((e) => ({ takenOn: e.takenOn, officers: e.officers })),
  }));
}

/**
 * The party a penalty case is against, or null when the case is no penalty. 行政复议 reads it so that the
 * party may link, online, the penalty it challenges (行政复议法 第11条第一项): a penalty case has no
 * applicant account, so the party is known only by the number recorded here: a firm's 统一社会信用代码 in
 * clear (`partyCode`), a natural person's 公民身份号码 only as the kernel's index (`partyIdHash`, the
 * same HMAC a public account keeps of its 证件号码), so the match needs no decryption.
 */
export async function penaltyParty(tx: Tx, caseId: string): Promise<{ partyKind: string; partyName: string; partyCode: string | null; partyIdHash: string | null } | null> {
  const [p] = await tx.select({ partyKind: penalties.partyKind, partyName: penalties.partyName, partyCode: penalties.partyCode, partyIdHash: penalties.partyIdHash })
    .from(penalties).where(eq(penalties.caseId, caseId));
  return p ?? null;
}
