import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { cases, inDivision, inPeriod, type Tx } from '../../../core/server';
import { applicationFiles, applications } from './applications.tables';
import { itemOf, versionOf } from '../../catalog/public';

import type { FileRow } from './applications.tables';
export type { FileRow };

export async function insertApplication(tx: Tx, row: typeof applications.$inferInsert) {
  await tx.insert(applications).values(row).onConflictDoNothing();
}

/** An application with its item and the guide version it was filed under (one query: the case page reads it on every transition). */
export async function getApplication(tx: Tx, caseId: string) {
  const item = itemOf();
  const version = versionOf();
  return (await tx.select({ app: applications, item: { name: item.name, type: item.type, legalLimit: item.legalLimit, legalLimitUnit: item.legalLimitUnit, promisedLimit: item.promisedLimit, materials: item.materials }, versionNo: version.versionNo, publishedAt: version.publishedAt }).from(applications)
    .innerJoin(item, eq(item.id, applications.itemId))
    .leftJoin(version, eq(version.id, applications.itemVersionId))
    .where(eq(applications.caseId, caseId)))[0] ?? null;
}

export async function findForTracking(tx: Tx, refNo: string) {
  const item = itemOf();
  return (await tx.select({ c: cases, app: applications, itemName: item.name }).from(cases)
    .innerJoin(applications, eq(applications.caseId, cases.id)).innerJoin(item, eq(item.id, applications.itemId))
    .where(eq(cases.refNo, refNo)))[0] ?? null;
}

/** Applications by channel (and assisted ones), created in a period, within a scope. */
export function channelFilter(q: { divisionCode: string; orgId?: string; from: string; to: string }, extra: SQL): SQL {
  return and(
    inDivision(cases.divisionCode, q.divisionCode),
    q.orgId ? eq(cases.orgId, q.orgId) : undefined,
    eq(cases.type, 'application'),
    inPeriod(cases.createdAt, q.from, q.to),
    sql`EXISTS (SELECT 1 FROM ${applications} a WHERE a.case_id = ${cases.id} AND ${extra})`,
  )!;
}

/** Channel figures counted on `applications` alone (its own division, org and creation time). */
export async function countApplications(tx: Tx, q: { divisionCode: string; orgId?: string; from: string; to: string }, extra: SQL) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(applications).where(and(
    inDivision(applications.divisionCode, q.divisionCode), q.orgId ? eq(applications.orgId, q.orgId) : undefined,
    inPeriod(applications.createdAt, q.from, q.to), extra,
  ));
  return n;
}

export async function countCases(tx: Tx, where: SQL) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(where);
  return n;
}



// ---- uploaded materials ------------------------------------------------------------------------------
export async function insertFile(tx: Tx, row: typeof applicationFiles.$inferInsert) {
  await tx.insert(applicationFiles).values(row);
}
export const getFile = async (tx: Tx, id: string) => (await tx.select().from(applicationFiles).where(eq(applicationFiles.id, id)))[0] ?? null;
export async function setMaterials(tx: Tx, caseId: string, materials: (typeof applications.$inferSelect)['materials']) {
  await tx.update(applications).set({ materials }).where(eq(applications.caseId, caseId));
}

export async function filesByIds(tx: Tx, ids: string[]) {
  return ids.length ? tx.select().from(applicationFiles).where(inArray(applicationFiles.id, ids)) : [];
}
/** An applicant's earlier files, newest first (for reuse in a new application). */
export function filesOfOwner(tx: Tx, ownerKey: string, limit = 200) {
  return tx.select().from(applicationFiles).where(eq(applicationFiles.ownerKey, ownerKey)).orderBy(desc(applicationFiles.createdAt)).limit(limit);
}
/** Is the file named on an application the actor may see? (the case row carries the scope) */
export async function applicationsWithFile(tx: Tx, fileId: string) {
  return tx.select({ c: cases }).from(applications).innerJoin(cases, eq(cases.id, applications.caseId))
    .where(sql`${applications.materials} @> ${JSON.stringify([{ fileId }])}::jsonb`).limit(20);
}
