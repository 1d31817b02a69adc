import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { casesWith, inDivision, orgs, type RecordSet, type Tx } from '../../../core/server';
import { disclosureItems, disclosureRequests } from './disclosure.tables';

import type { RequestRow } from './disclosure.tables';
export type { RequestRow };

export async function insertItem(tx: Tx, row: typeof disclosureItems.$inferInsert) {
  return (await tx.insert(disclosureItems).values(row).returning())[0];
}

export async function searchItems(tx: Tx, q: { divisionCode: string; tokens: string[]; text?: string; category?: string; page: number; pageSize: number }) {
  const where = and(
    inDivision(disclosureItems.divisionCode, q.divisionCode),
    q.category ? eq(disclosureItems.category, q.category) : undefined,
    q.tokens.length ? or(sql`to_tsvector('simple', ${disclosureItems.searchText}) @@ to_tsquery('simple', ${q.tokens.join(' & ')})`, ilike(disclosureItems.title, `%${q.text}%`)) : undefined,
  );
  const items = await tx.select({ i: disclosureItems, orgName: orgs.name }).from(disclosureItems).innerJoin(orgs, eq(orgs.id, disclosureItems.orgId))
    .where(where).orderBy(desc(disclosureItems.publishedOn), desc(disclosureItems.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(disclosureItems).where(where);
  return { items, total: n };
}
export const getItem = async (tx: Tx, id: string) =>
  (await tx.select({ i: disclosureItems, orgName: orgs.name }).from(disclosureItems).innerJoin(orgs, eq(orgs.id, disclosureItems.orgId)).where(eq(disclosureItems.id, id)))[0] ?? null;

export async function insertRequest(tx: Tx, row: typeof disclosureRequests.$inferInsert) { await tx.insert(disclosureRequests).values(row); }
export async function updateRequest(tx: Tx, caseId: string, patch: Partial<RequestRow>) { await tx.update(disclosureRequests).set(patch).where(eq(disclosureRequests.caseId, caseId)); }
export const getRequest = async (tx: Tx, caseId: string) => (await tx.select().from(disclosureRequests).where(eq(disclosureRequests.caseId, caseId)))[0] ?? null;

/** Requests of one applicant (by phone cipher) in the calendar month of `day`, for 按件 fees. */
export async function countInMonth(tx: Tx, phoneEnc: string, day: string) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(disclosureRequests)
    .where(and(eq(disclosureRequests.phoneEnc, phoneEnc), sql`date_trunc('month', ${disclosureRequests.receivedOn}::timestamp) = date_trunc('month', ${day}::date::timestamp)`));
  return n;
}

// ---- metrics and the annual tables ----
export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
const itemScope = (q: Scope) => and(inDivision(disclosureItems.divisionCode, q.divisionCode), q.orgId ? eq(disclosureItems.orgId, q.orgId) : undefined,
  sql`${disclosureItems.publishedOn} BETWEEN ${q.from}::date AND ${q.to}::date`);
const requestScope = (q: Scope, extra?: SQL) => and(inDivision(disclosureRequests.divisionCode, q.divisionCode), q.orgId ? eq(disclosureRequests.orgId, q.orgId) : undefined,
  sql`${disclosureRequests.receivedOn} BETWEEN ${q.from}::date AND ${q.to}::date`, extra);

/** The 主动公开 items behind a figure (on time only for the rate's numerator), as the reader may see them. */
export const itemRecordSet = (onTimeForNumerator: boolean): RecordSet => ({
  table: disclosureItems,
  scope: { division: disclosureItems.divisionCode, org: disclosureItems.orgId },
  columns: [
    { key: 'title', label: '标题', value: disclosureItems.title },
    { key: 'category', label: '类别', value: disclosureItems.category },
    { key: 'docNo', label: '文号', value: disclosureItems.docNo },
    { key: 'org', label: '发布机关', value: sql`(SELECT ${orgs.name} FROM ${orgs} WHERE ${orgs.id} = ${disclosureItems.orgId})` },
    { key: 'formedOn', label: '信息形成日期', value: sql`${disclosureItems.formedOn}::text` },
    { key: 'publishedOn', label: '发布日期', value: sql`${disclosureItems.publishedOn}::text` },
    { key: 'timely', label: '是否在20个工作日内公开', value: sql`CASE WHEN ${disclosureItems.late} THEN '逾期' ELSE '按时' END` },
  ],
  where: (q, which) => and(itemScope(q), onTimeForNumerator && which === 'numerator' ? sql`NOT ${disclosureItems.late}` : undefined),
  orderBy: sql`${disclosureItems.publishedOn} DESC, ${disclosureItems.id}`,
});

export async function itemCounts(tx: Tx, q: Scope) {
  const [r] = await tx.select({
    published: sql<number>`count(*)::int`,
    onTime: sql<number>`count(*) FILTER (WHERE NOT ${disclosureItems.late})::int`,
  }).from(disclosureItems).where(itemScope(q));
  return r;
}
export const itemsByCategory = (tx: Tx, q: Scope) =>
  tx.select({ category: disclosureItems.category, n: sql<number>`count(*)::int` }).from(disclosureItems).where(itemScope(q)).groupBy(disclosureItems.category);

/** Rows of the national table: outcome × applicant type, plus received and carried over. */
export async function requestTable(tx: Tx, q: Scope) {
  return tx.select({
    applicantType: disclosureRequests.applicantType,
    replyType: disclosureRequests.replyType,
    n: sql<number>`count(*)::int`,
  }).from(disclosureRequests).where(requestScope(q)).groupBy(disclosureRequests.applicantType, disclosureRequests.replyType);
}
export const requestCasesWhere = (q: Scope, replied: boolean | null) => casesWith(disclosureRequests, disclosureRequests.caseId, requestScope(q, replied === null ? undefined : replied ? sql`${disclosureRequests.replyType} IS NOT NULL` : sql`${disclosureRequests.replyType} IS NULL`));
export async function requestCounts(tx: Tx, q: Scope) {
  const [r] = await tx.select({
    received: sql<number>`count(*)::int`,
    replied: sql<number>`count(*) FILTER (WHERE ${disclosureRequests.replyType} IS NOT NULL)::int`,
    fees: sql<number>`coalesce(sum(${disclosureRequests.fee}), 0)::int`,
  }).from(disclosureRequests).where(requestScope(q));
  return r;
}
