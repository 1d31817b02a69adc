/**
 * The catalog's SQL (items, their guide versions, sink sites); the item row in `service_items` carries
 * a projection of the current version for search and filing (see catalog.tables.ts). Every function takes the caller's transaction. The version being worked on
 * is always the newest one (a draft is created as max+1; withdrawn versions are older than the
 * published one), so "current" means max(version_no).
 */
import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { dayEnd, divisions, inDivision, orgs, type RecordSet, type ScopeColumns, type Tx, uniqueOr409, orgNameOf } from '../../../core/server';
import { serviceItems as catalogItems, serviceItemSites as catalogItemSites, serviceItemVersions as catalogItemVersions } from './catalog.tables';

/** The scope columns of catalog items (core/server/access/scope.ts). */
export const itemScopeColumns = { division: catalogItems.divisionCode, org: catalogItems.orgId };

import type { ItemRow, VersionRow } from './catalog.tables';
export type { ItemRow, VersionRow };
export type VersionInsert = typeof catalogItemVersions.$inferInsert;


const v = catalogItemVersions;
const cur = alias(catalogItemVersions, 'cur');
const pub = alias(catalogItemVersions, 'pub');

// A unique-index race (two publishes, two drafts, a reused code) is the user's conflict; these answer
// CONFLICT (not the default DUPLICATE), the code clients have always been given for them.

// ---- items ----------------------------------------------------------------------------------------
export async function insertItem(tx: Tx, row: typeof catalogItems.$inferInsert) {
  await uniqueOr409(() => tx.insert(catalogItems).values(row), `实施编码${row.code}已被其他事项使用`, 'CONFLICT');
}
export const getItem = async (tx: Tx, id: string) => (await tx.select().from(catalogItems).where(eq(catalogItems.id, id)))[0] ?? null;
export const getItemByCode = async (tx: Tx, divisionCode: string, code: string) =>
  (await tx.select().from(catalogItems).where(and(eq(catalogItems.divisionCode, divisionCode), eq(catalogItems.code, code))))[0] ?? null;
export async function itemsByCodes(tx: Tx, divisionCode: string, codes: string[]) {
  if (!codes.length) return [];
  return tx.select().from(catalogItems).where(and(eq(catalogItems.divisionCode, divisionCode), inArray(catalogItems.code, codes)));
}
export async function touchItem(tx: Tx, id: string, at: Date) {
  await tx.update(catalogItems).set({ updatedAt: at }).where(eq(catalogItems.id, id));
}
/** Refresh the item row's projection of its current version (name … search_text, status). */
export async function setProjection(tx: Tx, id: string, p: Partial<typeof catalogItems.$inferInsert>) {
  await tx.update(catalogItems).set(p).where(eq(catalogItems.id, id));
}
export async function deleteItem(tx: Tx, id: string) {
  await tx.delete(catalogItemSites).where(eq(catalogItemSites.itemId, id));
  await tx.delete(catalogItems).where(eq(catalogItems.id, id));
}
/** Highest sequence among the division's generated codes (`<division>-00042`). */
export async function maxGeneratedCode(tx: Tx, divisionCode: string) {
  const [{ n }] = await tx.select({ n: sql<number>`coalesce(max((regexp_match(${catalogItems.code}, '^[0-9]+-([0-9]{5,})$'))[1]::int), 0)::int` })
    .from(catalogItems).where(eq(catalogItems.divisionCode, divisionCode));
  return n;
}
/** ILIKE pattern matching `s` literally. */
export const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export async function countItemsInDivision(tx: Tx, divisionCode: string) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(catalogItems).where(eq(catalogItems.divisionCode, divisionCode));
  return n;
}

// ---- versions -------------------------------------------------------------------------------------
export async function insertVersion(tx: Tx, row: VersionInsert) {
  await uniqueOr409(() => tx.insert(v).values(row), '该事项已有正在修订的草稿，请刷新后继续修改', 'CONFLICT');
}
export const getVersion = async (tx: Tx, id: string) => (await tx.select().from(v).where(eq(v.id, id)))[0] ?? null;
export const listVersions = (tx: Tx, itemId: string) => tx.select().from(v).where(eq(v.itemId, itemId)).orderBy(desc(v.versionNo));
export async function maxVersionNo(tx: Tx, itemId: string) {
  const [{ n }] = await tx.select({ n: sql<number>`coalesce(max(${v.versionNo}), 0)::int` }).from(v).where(eq(v.itemId, itemId));
  return n;
}

/** Compare-and-set on the draft's rev: 0 rows means someone else saved (or published) first. */
export async function updateDraft(tx: Tx, id: string, rev: number, patch: Partial<VersionInsert>) {
  const rows = await tx.update(v).set({ ...patch, rev: sql`${v.rev} + 1` }).where(and(eq(v.id, id), eq(v.status, 'draft'), eq(v.rev, rev))).returning({ id: v.id });
  return rows.length === 1;
}
export async function deleteDraft(tx: Tx, id: string) {
  const rows = await tx.delete(v).where(and(eq(v.id, id), eq(v.status, 'draft'))).returning({ id: v.id });
  return rows.length === 1;
}

/** draft → published, compare-and-set on status and rev. */
export async function markPublished(tx: Tx, id: string, rev: number, by: { id: string | null; name: string }, at: Date) {
  const rows = await uniqueOr409(
    () => tx.update(v).set({ status: 'published', publishedAt: at, publishedBy: by.id, publishedByName: by.name, rev: sql`${v.rev} + 1` })
      .where(and(eq(v.id, id), eq(v.status, 'draft'), eq(v.rev, rev))).returning({ id: v.id }),
    '该事项已被他人发布，请刷新后重试',
    'CONFLICT',
  );
  return rows.length === 1;
}
/** published → withdrawn (withdraw, or supersede when a newer version is published). */
export async function markWithdrawn(tx: Tx, id: string, by: { id: string | null; name: string }, reason: string, at: Date) {
  const rows = await tx.update(v).set({ status: 'withdrawn', withdrawnAt: at, withdrawnBy: by.id, withdrawnByName: by.name, withdrawReason: reason })
    .where(and(eq(v.id, id), eq(v.status, 'published'))).returning({ id: v.id });
  return rows.length === 1;
}

// ---- sites (下沉) ----------------------------------------------------------------------------------
export async function listSites(tx: Tx, itemIds: string[]) {
  if (!itemIds.length) return [];
  return tx.select({ itemId: catalogItemSites.itemId, orgId: orgs.id, orgName: orgs.name, divisionCode: orgs.divisionCode, divisionName: divisions.name })
    .from(catalogItemSites).innerJoin(orgs, eq(orgs.id, catalogItemSites.siteOrgId)).innerJoin(divisions, eq(divisions.code, orgs.divisionCode))
    .where(inArray(catalogItemSites.itemId, itemIds)).orderBy(asc(orgs.divisionCode), asc(orgs.name));
}
export async function replaceSites(tx: Tx, itemId: string, sites: { orgId: string; divisionCode: string }[], by: string | null, at: Date) {
  await tx.delete(catalogItemSites).where(eq(catalogItemSites.itemId, itemId));
  if (sites.length) await tx.insert(catalogItemSites).values(sites.map((s) => ({ itemId, siteOrgId: s.orgId, divisionCode: s.divisionCode, createdAt: at, createdBy: by })));
}
/** Service-site orgs (便民服务中心/站) below a division. */
export function siteOrgs(tx: Tx, divisionCode: string) {
  return tx.select({ orgId: orgs.id, orgName: orgs.name, divisionCode: orgs.divisionCode, divisionName: divisions.name }).from(orgs)
    .innerJoin(divisions, eq(divisions.code, orgs.divisionCode))
    .where(and(eq(orgs.kind, 'service_site'), inDivision(orgs.divisionCode, divisionCode), ne(orgs.divisionCode, divisionCode)))
    .orderBy(asc(orgs.divisionCode), asc(orgs.name));
}
export async function isSunkTo(tx: Tx, itemId: string, siteOrgId: string) {
  return (await tx.select({ x: catalogItemSites.itemId }).from(catalogItemSites).where(and(eq(catalogItemSites.itemId, itemId), eq(catalogItemSites.siteOrgId, siteOrgId)))).length > 0;
}

// ---- lists ----------------------------------------------------------------------------------------
export type ListFilter = {
  /** Rows the actor may see beyond the published catalog (drafts): an OR of org/division grants. */
  scope: SQL;
  divisionCode: string;
  q?: { words: string[]; raw: string };
  orgId?: string;
  type?: string;
  status?: 'draft' | 'published' | 'withdrawn';
  complete?: boolean;
  visits?: number;
};

const itemStatus = sql<'draft' | 'published' | 'withdrawn'>`CASE WHEN ${pub.id} IS NOT NULL THEN 'published'
  WHEN EXISTS (SELECT 1 FROM ${v} w WHERE w.item_id = ${catalogItems.id} AND w.status = 'withdrawn') THEN 'withdrawn' ELSE 'draft' END`;

export async function listItems(tx: Tx, f: ListFilter, page: { page: number; pageSize: number }) {
  const text = f.q?.raw
    ? or(
        f.q.words.length ? sql`to_tsvector('simple', ${catalogItems.searchText}) @@ to_tsquery('simple', ${f.q.words.join(' & ')})` : undefined,
        sql`${cur.name} ILIKE ${contains(f.q.raw)}`, sql`${catalogItems.code} ILIKE ${contains(f.q.raw)}`,
      )
    : undefined;
  const where = and(
    inDivision(catalogItems.divisionCode, f.divisionCode),
    or(f.scope, sql`${pub.id} IS NOT NULL`),
    f.orgId ? eq(catalogItems.orgId, f.orgId) : undefined,
    f.type ? eq(cur.type, f.type) : undefined,
    f.status ? sql`${itemStatus} = ${f.status}` : undefined,
    f.complete === undefined ? undefined : eq(cur.complete, f.complete),
    f.visits === undefined ? undefined : eq(cur.visits, f.visits),
    text,
  );
  const base = () => tx.select({
    item: catalogItems, orgName: orgs.name,
    cur: { id: cur.id, name: cur.name, type: cur.type, status: cur.status, visits: cur.visits, score: cur.completenessScore, complete: cur.complete, missing: sql<number>`jsonb_array_length(${cur.missing})::int` },
    publishedNo: pub.versionNo, status: itemStatus,
    sites: sql<number>`(SELECT count(*)::int FROM ${catalogItemSites} s WHERE s.item_id = ${catalogItems.id})`,
  }).from(catalogItems)
    .innerJoin(orgs, eq(orgs.id, catalogItems.orgId))
    .innerJoin(cur, and(eq(cur.itemId, catalogItems.id), sql`${cur.versionNo} = (SELECT max(x.version_no) FROM ${v} x WHERE x.item_id = ${catalogItems.id})`))
    .leftJoin(pub, and(eq(pub.itemId, catalogItems.id), eq(pub.status, 'published')));
  const items = await base().where(where).orderBy(asc(catalogItems.code)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(catalogItems)
    .innerJoin(orgs, eq(orgs.id, catalogItems.orgId))
    .innerJoin(cur, and(eq(cur.itemId, catalogItems.id), sql`${cur.versionNo} = (SELECT max(x.version_no) FROM ${v} x WHERE x.item_id = ${catalogItems.id})`))
    .leftJoin(pub, and(eq(pub.itemId, catalogItems.id), eq(pub.status, 'published'))).where(where);
  return { items, total: n };
}

/** The published catalog, for the public and for filing (jieba tokens in service_items.search_text). */
export async function searchPublished(tx: Tx, f: { divisionCode?: string; words: string[]; raw?: string; type?: string; siteOrgId?: string; zeroVisit?: boolean; itemIds?: string[] }, page: { page: number; pageSize: number }) {
  const match = f.words.length
    ? or(sql`to_tsvector('simple', ${catalogItems.searchText}) @@ to_tsquery('simple', ${f.words.join(' & ')})`, f.raw ? sql`${v.name} ILIKE ${contains(f.raw)}` : undefined)
    : f.raw ? sql`${v.name} ILIKE ${contains(f.raw)}` : undefined;
  const where = and(
    eq(v.status, 'published'),
    f.divisionCode ? inDivision(v.divisionCode, f.divisionCode) : undefined,
    f.type ? eq(v.type, f.type) : undefined,
    f.zeroVisit === undefined ? undefined : f.zeroVisit ? eq(v.visits, 0) : sql`${v.visits} > 0`,
    f.siteOrgId ? sql`EXISTS (SELECT 1 FROM ${catalogItemSites} s WHERE s.item_id = ${v.itemId} AND s.site_org_id = ${f.siteOrgId})` : undefined,
    f.itemIds ? inArray(v.itemId, f.itemIds) : undefined,
    match,
  );
  const items = await tx.select({ version: v, code: catalogItems.code, orgName: orgs.name }).from(v)
    .innerJoin(catalogItems, eq(catalogItems.id, v.itemId)).innerJoin(orgs, eq(orgs.id, v.orgId))
    .where(where).orderBy(asc(catalogItems.code)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(v).innerJoin(catalogItems, eq(catalogItems.id, v.itemId)).where(where);
  return { items, total: n };
}

export async function publishedVersionOf(tx: Tx, itemId: string) {
  return (await tx.select({ version: v, code: catalogItems.code, orgName: orgs.name }).from(v)
    .innerJoin(catalogItems, eq(catalogItems.id, v.itemId)).innerJoin(orgs, eq(orgs.id, v.orgId))
    .where(and(eq(v.itemId, itemId), eq(v.status, 'published'))))[0] ?? null;
}

/** Current versions (max version_no) of every item in a scope, for the xlsx export. */
export async function currentVersions(tx: Tx, scope: SQL, divisionCode: string) {
  return tx.select({ version: cur, code: catalogItems.code, orgName: orgs.name, publishedNo: pub.versionNo }).from(catalogItems)
    .innerJoin(orgs, eq(orgs.id, catalogItems.orgId))
    .innerJoin(cur, and(eq(cur.itemId, catalogItems.id), sql`${cur.versionNo} = (SELECT max(x.version_no) FROM ${v} x WHERE x.item_id = ${catalogItems.id})`))
    .leftJoin(pub, and(eq(pub.itemId, catalogItems.id), eq(pub.status, 'published')))
    .where(and(inDivision(catalogItems.divisionCode, divisionCode), or(scope, sql`${pub.id} IS NOT NULL`)))
    .orderBy(asc(catalogItems.code));
}

// ---- figures --------------------------------------------------------------------------------------
export type FigureScope = { divisionCode: string; orgId?: string };

/** Versions that were the published one at instant `at`: published before it, not withdrawn by then. */
const publishedAt = (at: string, s: FigureScope) => and(
  inDivision(v.divisionCode, s.divisionCode), s.orgId ? eq(v.orgId, s.orgId) : undefined,
  sql`${v.publishedAt} < ${at}::timestamptz`, sql`(${v.withdrawnAt} IS NULL OR ${v.withdrawnAt} >= ${at}::timestamptz)`,
);

export async function publishedCounts(tx: Tx, s: FigureScope, asOfDate: string) {
  const [r] = await tx.select({
    published: sql<number>`count(*)::int`,
    zeroVisit: sql<number>`count(*) FILTER (WHERE ${v.visits} = 0)::int`,
  }).from(v).where(publishedAt(dayEnd(asOfDate), s));
  return r;
}
export async function publishedCountsByOrg(tx: Tx, s: FigureScope, asOfDate: string) {
  return tx.select({ orgId: v.orgId, published: sql<number>`count(*)::int`, zeroVisit: sql<number>`count(*) FILTER (WHERE ${v.visits} = 0)::int` })
    .from(v).where(publishedAt(dayEnd(asOfDate), s)).groupBy(v.orgId);
}

/**
 * Guide completeness of the catalog as it stands: items with a published version (100% by rule) or
 * whose only open version, a draft, is at 100%; over items that are published or being drafted.
 */
const completenessRows = (tx: Tx, s: FigureScope) => tx.select({
  orgId: catalogItems.orgId,
  items: sql<number>`count(*)::int`,
  complete: sql<number>`count(*) FILTER (WHERE ${pub.id} IS NOT NULL OR ${cur.complete})::int`,
  scoreSum: sql<number>`coalesce(sum(CASE WHEN ${pub.id} IS NOT NULL THEN 1 ELSE ${cur.completenessScore} END), 0)::float8`,
  published: sql<number>`count(${pub.id})::int`,
  drafts: sql<number>`count(*) FILTER (WHERE ${cur.status} = 'draft')::int`,
}).from(catalogItems)
  .innerJoin(cur, and(eq(cur.itemId, catalogItems.id), sql`${cur.versionNo} = (SELECT max(x.version_no) FROM ${v} x WHERE x.item_id = ${catalogItems.id})`))
  .leftJoin(pub, and(eq(pub.itemId, catalogItems.id), eq(pub.status, 'published')))
  .where(and(inDivision(catalogItems.divisionCode, s.divisionCode), s.orgId ? eq(catalogItems.orgId, s.orgId) : undefined, or(sql`${pub.id} IS NOT NULL`, eq(cur.status, 'draft'))));

// ---- the records behind the figures: catalog items are a registry, not cases ----------------------

/**
 * The versions published at the period's end (统计截止日), one per item, as catalog.items counts them; for
 * the zero-visit share the numerator is those with no visit to the counter.
 */
export const publishedItemsRecordSet = (zeroVisitShare: boolean): RecordSet => ({
  table: v,
  scope: { division: v.divisionCode, org: v.orgId } satisfies ScopeColumns,
  permission: ['metrics.read', 'catalog.read'],
  columns: [
    { key: 'code', label: '实施编码', value: sql`(SELECT i.code FROM ${catalogItems} i WHERE i.id = ${v.itemId})` },
    { key: 'name', label: '事项名称', value: v.name },
    { key: 'type', label: '事项类型', value: v.type },
    { key: 'org', label: '实施主体', value: orgNameOf(v.orgId) },
    { key: 'versionNo', label: '发布版本', value: v.versionNo },
    { key: 'visits', label: '到现场次数', value: v.visits },
    { key: 'publishedAt', label: '发布时间', value: v.publishedAt },
  ],
  where: (q, which) => and(publishedAt(dayEnd(q.to), q), zeroVisitShare && which === 'numerator' ? sql`${v.visits} = 0` : undefined),
  orderBy: sql`${v.name}, ${v.id}`,
});

/** An item's published version exists; its latest version's column (the draft's, when it is being drafted). */
const hasPublished = sql`EXISTS (SELECT 1 FROM ${v} p WHERE p.item_id = ${catalogItems.id} AND p.status = 'published')`;
const latest = (col: string) => sql.raw(`(SELECT c.${col} FROM service_item_versions c WHERE c.item_id = service_items.id ORDER BY c.version_no DESC LIMIT 1)`);

/** The items in the catalog (published or being drafted) as catalog.guideCompleteness counts them; the numerator is those at 100%. */
export const completenessRecordSet: RecordSet = {
  table: catalogItems,
  scope: { division: catalogItems.divisionCode, org: catalogItems.orgId },
  permission: ['metrics.read', 'catalog.read'],
  columns: [
    { key: 'code', label: '实施编码', value: catalogItems.code },
    { key: 'name', label: '事项名称', value: catalogItems.name },
    { key: 'org', label: '实施主体', value: orgNameOf(catalogItems.orgId) },
    { key: 'status', label: '状态', value: sql`CASE WHEN ${hasPublished} THEN '已发布' ELSE '起草中' END` },
    { key: 'completeness', label: '要素完整度', value: sql`CASE WHEN ${hasPublished} THEN '100%' ELSE round(${latest('completeness_score')}::numeric * 100) || '%' END` },
  ],
  where: (q, which) => and(
    inDivision(catalogItems.divisionCode, q.divisionCode), q.orgId ? eq(catalogItems.orgId, q.orgId) : undefined,
    sql`(${hasPublished} OR ${latest('status')} = 'draft')`,
    which === 'numerator' ? sql`(${hasPublished} OR ${latest('complete')})` : undefined,
  ),
  orderBy: sql`${catalogItems.code}, ${catalogItems.id}`,
};

export async function completenessTotals(tx: Tx, s: FigureScope) {
  const rows = await completenessRows(tx, s).groupBy(catalogItems.orgId);
  return rows;
}

/** Most frequent missing elements among items not yet complete and not published. */
export async function topMissing(tx: Tx, s: FigureScope, limit = 10) {
  const res = await tx.execute(sql`
    SELECT m->>'label' AS label, count(*)::int AS items
    FROM ${catalogItems} i
    JOIN ${v} c ON c.item_id = i.id AND c.version_no = (SELECT max(x.version_no) FROM ${v} x WHERE x.item_id = i.id)
    CROSS JOIN LATERAL jsonb_array_elements(c.missing) m
    WHERE c.status = 'draft' AND NOT EXISTS (SELECT 1 FROM ${v} p WHERE p.item_id = i.id AND p.status = 'published')
      AND ${inDivision(sql`i.division_code`, s.divisionCode)} ${s.orgId ? sql`AND i.org_id = ${s.orgId}` : sql``}
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`);
  return (res as unknown as { rows: { label: string; items: number }[] }).rows.map((r) => ({ label: r.label, items: Number(r.items) }));
}

export const orgNames = async (tx: Tx, ids: string[]) =>
  new Map(ids.length ? (await tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids))).map((o) => [o.id, o.name]) : []);

/** Sites in a division where at least one published item can be handled (the public "就近办" filter). */
export function sitesWithPublished(tx: Tx, divisionCode: string) {
  return tx.selectDistinct({ orgId: orgs.id, orgName: orgs.name, divisionCode: orgs.divisionCode, divisionName: divisions.name }).from(catalogItemSites)
    .innerJoin(orgs, eq(orgs.id, catalogItemSites.siteOrgId)).innerJoin(divisions, eq(divisions.code, orgs.divisionCode))
    .where(and(inDivision(orgs.divisionCode, divisionCode), sql`EXISTS (SELECT 1 FROM ${v} p WHERE p.item_id = ${catalogItemSites.itemId} AND p.status = 'published')`))
    .orderBy(asc(orgs.divisionCode), asc(orgs.name));
}

/** Items with their org's name for the filing lists (GET /api/service-items), searched by jieba tokens or by name. */
export async function listServiceItems(tx: Tx, q: { q?: string; tokens?: string[]; orgId?: string; publishedOnly?: boolean; divisionPrefix?: string }) {
  const text = q.tokens?.length
    ? or(sql`to_tsvector('simple', ${catalogItems.searchText}) @@ to_tsquery('simple', ${q.tokens.join(' & ')})`, ilike(catalogItems.name, `%${q.q}%`))
    : q.q ? or(ilike(catalogItems.name, `%${q.q}%`), ilike(catalogItems.result, `%${q.q}%`), ilike(orgs.name, `%${q.q}%`)) : undefined;
  return tx.select({ item: catalogItems, orgName: orgs.name }).from(catalogItems).innerJoin(orgs, eq(orgs.id, catalogItems.orgId))
    .where(and(
      q.publishedOnly ? eq(catalogItems.status, 'published') : undefined,
      q.orgId ? eq(catalogItems.orgId, q.orgId) : undefined,
      q.divisionPrefix ? sql`${catalogItems.divisionCode} LIKE ${q.divisionPrefix + '%'}` : undefined,
      text,
    )).orderBy(asc(catalogItems.code)).limit(500);
}
