import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { cases, type Tx } from '../../../core/server';
import { annualReports, annualReportVersions } from './annual-report.tables';
import type { ReportContent } from '../shared/annual-report.schema';

import type { AnnualReportRow } from './annual-report.tables';
export type { AnnualReportRow };

export async function insert(tx: Tx, row: typeof annualReports.$inferInsert) {
  const r = await tx.insert(annualReports).values(row).onConflictDoNothing().returning();
  return r[0] ?? null;
}

export const get = async (tx: Tx, caseId: string) => (await tx.select().from(annualReports).where(eq(annualReports.caseId, caseId)))[0] ?? null;

export async function findExisting(tx: Tx, subjectKind: string, divisionCode: string, orgId: string | null, year: number) {
  return (await tx.select().from(annualReports).where(and(
    eq(annualReports.subjectKind, subjectKind), eq(annualReports.subjectDivisionCode, divisionCode),
    orgId ? eq(annualReports.subjectOrgId, orgId) : isNull(annualReports.subjectOrgId), eq(annualReports.year, year),
  )))[0] ?? null;
}

/** Saves new content only if nobody saved since `expectedVersion` (two editors never both win). */
export async function saveContent(tx: Tx, caseId: string, expectedVersion: number, content: ReportContent, patch: Partial<AnnualReportRow> = {}) {
  const r = await tx.update(annualReports).set({ ...patch, content, contentVersion: expectedVersion + 1 })
    .where(and(eq(annualReports.caseId, caseId), eq(annualReports.contentVersion, expectedVersion))).returning();
  return r[0] ?? null;
}

export async function addVersion(tx: Tx, row: Omit<typeof annualReportVersions.$inferInsert, 'id'>) {
  await tx.insert(annualReportVersions).values({ ...row, id: randomUUID() });
}

export const versions = (tx: Tx, caseId: string) =>
  tx.select({ version: annualReportVersions.version, note: annualReportVersions.note, createdBy: annualReportVersions.createdBy, createdAt: annualReportVersions.createdAt })
    .from(annualReportVersions).where(eq(annualReportVersions.caseId, caseId)).orderBy(desc(annualReportVersions.version));

export async function listPublished(tx: Tx) {
  return tx.select({ report: annualReports, closedAt: cases.closedAt }).from(annualReports)
    .innerJoin(cases, eq(cases.id, annualReports.caseId))
    .where(eq(cases.state, 'published')).orderBy(desc(annualReports.year), sql`${cases.closedAt} DESC`);
}

/** Reports whose case the actor can see (the filter comes from the kernel's scope rules). */
export async function listVisible(tx: Tx, visible: SQL) {
  return tx.select({ report: annualReports, state: cases.state, refNo: cases.refNo, updatedAt: cases.updatedAt }).from(annualReports)
    .innerJoin(cases, eq(cases.id, annualReports.caseId))
    .where(visible).orderBy(desc(annualReports.year), desc(cases.updatedAt)).limit(200);
}
