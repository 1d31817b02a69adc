import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { type BulkCase, cases, counters, inDivision, inPeriod, orgs, type Tx, casesWith } from '../../../core/server';
import { bundleCases } from './bundles.tables';
import { tzSql } from '../../../core/server';
import { applicationFacts, setApplicantIdLast4 } from '../../applications/public';


export async function insertBundle(tx: Tx, row: typeof bundleCases.$inferInsert) {
  await tx.insert(bundleCases).values(row).onConflictDoNothing();
}
export const getBundle = async (tx: Tx, caseId: string) => (await tx.select().from(bundleCases).where(eq(bundleCases.caseId, caseId)))[0] ?? null;

export async function findForTracking(tx: Tx, refNo: string) {
  return (await tx.select({ c: cases, b: bundleCases }).from(cases).innerJoin(bundleCases, eq(bundleCases.caseId, cases.id)).where(eq(cases.refNo, refNo)))[0] ?? null;
}

export const counterById = async (tx: Tx, id: string) =>
  (await tx.select({ id: counters.id, orgId: counters.orgId }).from(counters).where(eq(counters.id, id)))[0] ?? null;

export const orgsByIds = (tx: Tx, ids: string[]) =>
  ids.length ? tx.select({ id: orgs.id, name: orgs.name, kind: orgs.kind, divisionCode: orgs.divisionCode }).from(orgs).where(inArray(orgs.id, ids)) : Promise.resolve([]);

/** The service hall (政务服务中心) of the division or its nearest ancestor: where online bundles are followed. */
export async function hallFor(tx: Tx, divisionCode: string) {
  return (await tx.select({ id: orgs.id, name: orgs.name, divisionCode: orgs.divisionCode }).from(orgs)
    .where(and(eq(orgs.kind, 'service_center'), sql`${divisionCode} LIKE ${orgs.divisionCode} || '%'`))
    .orderBy(desc(sql`length(${orgs.divisionCode})`)).limit(1))[0] ?? null;
}

/** Township/street 便民服务中心 of a district. */
export const sitesIn = (tx: Tx, divisionCode: string) =>
  tx.select({ id: orgs.id, name: orgs.name, divisionCode: orgs.divisionCode }).from(orgs)
    .where(and(eq(orgs.kind, 'service_site'), sql`${orgs.divisionCode} LIKE ${divisionCode + '%'}`)).orderBy(orgs.divisionCode);

// ---- figures: one condition per figure, counted and listed the same way ----

export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
export const COND = {
  all: sql`true`,
  online: sql`${bundleCases.channel} = 'online'`,
  atSites: sql`${bundleCases.channel} = 'site'`,
};
const where = (q: Scope, cond: SQL) => and(inDivision(bundleCases.divisionCode, q.divisionCode), q.orgId ? eq(cases.orgId, q.orgId) : undefined, inPeriod(bundleCases.createdAt, q.from, q.to), cond);

export async function count(tx: Tx, q: Scope, cond: SQL) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(bundleCases).innerJoin(cases, eq(cases.id, bundleCases.caseId)).where(where(q, cond));
  return n;
}
export async function countBy(tx: Tx, tz: string, q: Scope, cond: SQL, by: 'org' | 'month') {
  const key = by === 'org' ? sql<string>`${cases.orgId}::text` : sql<string>`to_char(${bundleCases.createdAt} AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM')`;
  return tx.select({ key, n: sql<number>`count(*)::int` }).from(bundleCases).innerJoin(cases, eq(cases.id, bundleCases.caseId)).where(where(q, cond)).groupBy(key);
}
export const recordsWhere = (q: Scope, cond: SQL) => casesWith(bundleCases, bundleCases.caseId, where(q, cond));

/** Applications filed through bundles in the period (the departments' cases a bundle fanned out to). */
const childWhere = (q: Scope) => and(inDivision(bundleCases.divisionCode, q.divisionCode), inPeriod(bundleCases.createdAt, q.from, q.to), q.orgId ? eq(cases.orgId, q.orgId) : undefined);
export async function countChildren(tx: Tx, q: Scope) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).innerJoin(bundleCases, eq(bundleCases.caseId, cases.parentId)).where(childWhere(q));
  return n;
}
export const childRecordsWhere = (q: Scope) => casesWith(bundleCases, bundleCases.caseId, childWhere(q), cases.parentId);

// ---- demo data (bulk) ----

/** Demo applications of the given items not yet under a parent, with their filing day in the configured zone. */
export async function demoCandidates(tx: Tx, tz: string, itemIds: string[]) {
  if (!itemIds.length) return [];
  const r = await tx.execute<{ id: string; item_id: string; day: string; state: string; created_at: string; closed_at: string | null; accepted_at: string | null; division_code: string }>(sql`
    SELECT c.id, a.item_id, to_char(c.created_at AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM-DD') AS day, c.state, c.created_at::text, c.closed_at::text, c.division_code,
      (SELECT min(e.at)::text FROM case_events e WHERE e.case_id = c.id AND e.event IN ('accept', 'deemAccept')) AS accepted_at
    FROM ${applicationFacts()} a JOIN cases c ON c.id = a.case_id
    WHERE a.is_demo AND c.parent_id IS NULL AND a.item_id IN (${sql.join(itemIds.map((i) => sql`${i}::uuid`), sql`, `)})
    ORDER BY c.created_at, c.id`);
  return (r as unknown as { rows: { id: string; item_id: string; day: string; state: string; created_at: string; closed_at: string | null; accepted_at: string | null; division_code: string }[] }).rows;
}

export const hasDemoBundles = async (tx: Tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(bundleCases).where(eq(bundleCases.isDemo, true)))[0].n > 0;

export type DemoBundle = { parent: BulkCase; bundle: typeof bundleCases.$inferInsert; children: string[] };

/** The demo bundles' own rows (their cases are loaded through the kernel's bulk loader first). */
export async function insertDemoBundles(tx: Tx, rows: DemoBundle[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(bundleCases).values(rows.slice(i, i + 500).map((r) => r.bundle));
  // The children carry the applicant's id tail the bundle was filed with.
  await setApplicantIdLast4(tx, sql`SELECT c.id, b.applicant_id_last4 FROM cases c JOIN bundle_cases b ON b.case_id = c.parent_id WHERE b.is_demo`);
}
