import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { cases, inDivision, inPeriod, orgs, type Tx } from '../../../core/server';
import { applicationFiles, applications, serviceItemVersions, serviceItems } from './services.tables';

import type { ItemRow, FileRow } from './services.tables';
export type { ItemRow, FileRow };

export async function upsertItem(tx: Tx, row: typeof serviceItems.$inferInsert) {
  await tx.insert(serviceItems).values(row).onConflictDoNothing();
}

export const getItem = async (tx: Tx, id: string) => (await tx.select().from(serviceItems).where(eq(serviceItems.id, id)))[0] ?? null;

export async function listItems(tx: Tx, q: { q?: string; tokens?: string[]; orgId?: string; publishedOnly?: boolean; divisionPrefix?: string }) {
  const text = q.tokens?.length
    ? or(sql`to_tsvector('simple', ${serviceItems.searchText}) @@ to_tsquery('simple', ${q.tokens.join(' & ')})`, ilike(serviceItems.name, `%${q.q}%`))
    : q.q ? or(ilike(serviceItems.name, `%${q.q}%`), ilike(serviceItems.result, `%${q.q}%`), ilike(orgs.name, `%${q.q}%`)) : undefined;
  return tx.select({ item: serviceItems, orgName: orgs.name }).from(serviceItems).innerJoin(orgs, eq(orgs.id, serviceItems.orgId))
    .where(and(
      q.publishedOnly ? eq(serviceItems.status, 'published') : undefined,
      q.orgId ? eq(serviceItems.orgId, q.orgId) : undefined,
      q.divisionPrefix ? sql`${serviceItems.divisionCode} LIKE ${q.divisionPrefix + '%'}` : undefined,
      text,
    )).orderBy(asc(serviceItems.code)).limit(500);
}

export async function insertApplication(tx: Tx, row: typeof applications.$inferInsert) {
  await tx.insert(applications).values(row).onConflictDoNothing();
}

/** An application with its item and the guide version it was filed under (one query: the case page reads it on every transition). */
export const getApplication = async (tx: Tx, caseId: string) =>
  (await tx.select({ app: applications, item: serviceItems, versionNo: serviceItemVersions.versionNo, publishedAt: serviceItemVersions.publishedAt }).from(applications)
    .innerJoin(serviceItems, eq(serviceItems.id, applications.itemId))
    .leftJoin(serviceItemVersions, eq(serviceItemVersions.id, applications.itemVersionId))
    .where(eq(applications.caseId, caseId)))[0] ?? null;

export async function findForTracking(tx: Tx, refNo: string) {
  return (await tx.select({ c: cases, app: applications, itemName: serviceItems.name }).from(cases)
    .innerJoin(applications, eq(applications.caseId, cases.id)).innerJoin(serviceItems, eq(serviceItems.id, applications.itemId))
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
