import { and, desc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { cases, divisions, inDivision, inPeriod, orgs, type Tx, casesWith, tzSql } from '../../../core/server';
import { dispatchRules, letters, open311Clients, tickets } from './hotline.tables';

import type { TicketRow, LetterRow } from './hotline.tables';
export type { TicketRow, LetterRow };

export async function insertTicket(tx: Tx, row: typeof tickets.$inferInsert) { await tx.insert(tickets).values(row); }
export async function updateTicket(tx: Tx, caseId: string, patch: Partial<TicketRow>) { await tx.update(tickets).set(patch).where(eq(tickets.caseId, caseId)); }
export const getTicket = async (tx: Tx, caseId: string) => (await tx.select().from(tickets).where(eq(tickets.caseId, caseId)))[0] ?? null;

export async function insertLetter(tx: Tx, row: typeof letters.$inferInsert) { await tx.insert(letters).values(row); }
export async function updateLetter(tx: Tx, caseId: string, patch: Partial<LetterRow>) { await tx.update(letters).set(patch).where(eq(letters.caseId, caseId)); }
export const getLetter = async (tx: Tx, caseId: string) => (await tx.select().from(letters).where(eq(letters.caseId, caseId)))[0] ?? null;

/** The 12345 centre of a division: the org of kind 'hotline' whose division is a prefix of the code. */
export async function centreFor(tx: Tx, divisionCode: string) {
  const rows = await tx.select().from(orgs).where(and(eq(orgs.kind, 'hotline'), sql`${divisionCode} LIKE ${orgs.divisionCode} || '%'`))
    .orderBy(sql`length(${orgs.divisionCode}) DESC`).limit(1);
  return rows[0] ?? null;
}

/** Townships and streets of a county, for the 事发地 choice on intake (names are public). */
export const townshipsOf = (tx: Tx, county: string) =>
  tx.select({ code: divisions.code, name: divisions.name }).from(divisions).where(eq(divisions.parentCode, county)).orderBy(divisions.sort, divisions.code);

/** 派单目录 look-up: the rule with the longest division prefix of the ticket's place. */
export async function ruleFor(tx: Tx, category: string, divisionCode: string) {
  const rows = await tx.select().from(dispatchRules)
    .where(and(eq(dispatchRules.category, category), sql`${divisionCode} LIKE ${dispatchRules.divisionPrefix} || '%'`))
    .orderBy(sql`length(${dispatchRules.divisionPrefix}) DESC`).limit(1);
  return rows[0] ?? null;
}
export async function upsertRule(tx: Tx, row: typeof dispatchRules.$inferInsert) {
  await tx.insert(dispatchRules).values(row).onConflictDoUpdate({ target: [dispatchRules.category, dispatchRules.divisionPrefix], set: { orgId: row.orgId, coOrgIds: row.coOrgIds ?? [] } });
}
/** The catalog with org names (lead and co-handlers) for the catalog page and the intake form. */
export async function catalog(tx: Tx, divisionPrefix: string) {
  const rules = await listRules(tx, divisionPrefix);
  const names = new Map((await orgNamesOf(tx, [...new Set(rules.flatMap((r) => r.coOrgIds))])).map((o) => [o.id, o.name]));
  return rules.map((r) => ({ category: r.category, divisionPrefix: r.divisionPrefix, orgName: r.orgName, coOrgNames: r.coOrgIds.map((id) => names.get(id) ?? id) }));
}
export const listRules = (tx: Tx, divisionPrefix: string) =>
  tx.select({ category: dispatchRules.category, divisionPrefix: dispatchRules.divisionPrefix, orgId: dispatchRules.orgId, orgName: orgs.name, coOrgIds: dispatchRules.coOrgIds })
    .from(dispatchRules).innerJoin(orgs, eq(orgs.id, dispatchRules.orgId))
    .where(sql`${dispatchRules.divisionPrefix} LIKE ${divisionPrefix} || '%'`).orderBy(dispatchRules.category, dispatchRules.divisionPrefix);

export const orgByName = async (tx: Tx, name: string) => (await tx.select().from(orgs).where(eq(orgs.name, name)))[0] ?? null;
export const orgNamesOf = async (tx: Tx, ids: string[]) =>
  ids.length ? tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids)) : [];

/** Open tickets of the last `days` days in a county, for 并单 candidates (compared in memory). */
export async function recentOpenTickets(tx: Tx, divisionPrefix: string, since: Date, limit = 2000) {
  return tx.select({ caseId: tickets.caseId, tokens: tickets.tokens, refNo: cases.refNo, title: cases.title, state: cases.state, createdAt: tickets.createdAt })
    .from(tickets).innerJoin(cases, eq(cases.id, tickets.caseId))
    .where(and(inDivision(tickets.divisionCode, divisionPrefix), gte(tickets.createdAt, since), isNull(cases.closedAt)))
    .orderBy(desc(tickets.createdAt)).limit(limit);
}
export const refNoOf = async (tx: Tx, caseId: string) => (await tx.select({ refNo: cases.refNo }).from(cases).where(eq(cases.id, caseId)))[0]?.refNo ?? null;

// ---- Open311 ----
export const open311Client = async (tx: Tx, keyHash: string) => (await tx.select().from(open311Clients).where(eq(open311Clients.keyHash, keyHash)))[0] ?? null;
export async function insertOpen311Client(tx: Tx, row: typeof open311Clients.$inferInsert) { await tx.insert(open311Clients).values(row).onConflictDoNothing(); }

/**
 * Tickets Open311 lists to anyone, under the centre's publication rule: every ticket but a 举报 (a
 * whistle-blower's report stays confidential, its existence included); what of each is shown is the
 * route's `publicView`. Until 2026-12 every call's text was listed here (found by the authorization matrix).
 */
const open311Public = sql`${tickets.kind} <> 'report'`;
export async function open311Tickets(tx: Tx, where: SQL | undefined, limit: number, offset = 0) {
  return tx.select({ t: tickets, c: cases, orgName: orgs.name, placeName: divisions.name }).from(tickets)
    .innerJoin(cases, eq(cases.id, tickets.caseId)).innerJoin(orgs, eq(orgs.id, cases.orgId))
    .leftJoin(divisions, eq(divisions.code, tickets.divisionCode))
    .where(and(open311Public, where)).orderBy(desc(tickets.createdAt), desc(tickets.caseId)).limit(limit).offset(offset);
}

// ---- public letters ----
export async function publishedLetters(tx: Tx, divisionPrefix: string, p: { page: number; pageSize: number }) {
  const where = and(inDivision(letters.divisionCode, divisionPrefix), eq(letters.published, true));
  const items = await tx.select({ id: letters.caseId, title: cases.title, content: letters.content, reply: letters.reply, createdAt: letters.createdAt, repliedAt: letters.repliedAt, orgName: orgs.name })
    .from(letters).innerJoin(cases, eq(cases.id, letters.caseId)).innerJoin(orgs, eq(orgs.id, cases.orgId))
    .where(where).orderBy(desc(letters.repliedAt)).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(letters).where(where);
  return { items, total: n };
}

// ---- metrics ----
export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
// Queries join cases, so an org scope is a plain condition on the case's current org.
const ticketScope = (q: Scope) => and(inDivision(tickets.divisionCode, q.divisionCode), inPeriod(tickets.createdAt, q.from, q.to),
  q.orgId ? eq(cases.orgId, q.orgId) : undefined);

/** One condition per count: the figure, its records and its breakdown all read the same SQL. */
const filters = {
  received: sql`${tickets.mergedInto} IS NULL`,
  closed: sql`${tickets.mergedInto} IS NULL AND ${cases.state} = 'closed'`,
  dispatched: sql`${tickets.firstDispatchedAt} IS NOT NULL`,
  respondedInTime: sql`${tickets.firstDispatchedAt} IS NOT NULL AND ${tickets.firstAcceptedAt} <= ${tickets.firstDispatchedAt} + interval '24 hours'`,
  calledBack: sql`${tickets.callbackReached}`,
  resolved: sql`${tickets.callbackReached} AND ${tickets.resolved}`,
  rated: sql`${tickets.satisfaction} IS NOT NULL`,
  satisfied: sql`${tickets.satisfaction} IN ('非常满意', '满意', '基本满意')`,
  repliedWithLimit: sql`${cases.primaryStopped} IS NOT NULL AND ${cases.primaryDue} IS NOT NULL`,
  repliedOnTime: sql`${cases.primaryStopped} IS NOT NULL AND ${cases.primaryDue} IS NOT NULL AND ${cases.primaryStopped} <= ${cases.primaryDue}`,
  cannotDo: sql`${tickets.kind} = 'cannotDo'`,
} satisfies Record<string, SQL>;
export type TicketRecordFilter = keyof typeof filters;
export type TicketCounts = Record<TicketRecordFilter, number>;
const countCols = Object.fromEntries(Object.entries(filters).map(([k, f]) => [k, sql<number>`count(*) FILTER (WHERE ${f})::int`])) as Record<TicketRecordFilter, SQL<number>>;

/** The counts every ticket metric is a ratio of (definitions in README.md). */
export async function ticketCounts(tx: Tx, q: Scope): Promise<TicketCounts> {
  const [r] = await tx.select(countCols).from(tickets).innerJoin(cases, eq(cases.id, tickets.caseId)).where(ticketScope(q));
  return r;
}

/** The same counts for every org (the case's current org) or month of registration, in one query. */
export async function ticketCountsBy(tx: Tx, tz: string, q: Scope, by: 'org' | 'month') {
  const key = by === 'org' ? sql<string>`${cases.orgId}::text` : sql<string>`to_char(${tickets.createdAt} AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM')`;
  const rows = await tx.select({ key, ...countCols }).from(tickets).innerJoin(cases, eq(cases.id, tickets.caseId)).where(ticketScope(q)).groupBy(key);
  return rows as (TicketCounts & { key: string })[];
}

export const ticketCasesWhere = (q: Scope, which: TicketRecordFilter) => casesWith(tickets, tickets.caseId, and(ticketScope(q), filters[which]));

const letterScope = (q: Scope) => and(inDivision(letters.divisionCode, q.divisionCode), inPeriod(letters.createdAt, q.from, q.to),
  q.orgId ? eq(cases.orgId, q.orgId) : undefined);
export async function letterCounts(tx: Tx, q: Scope) {
  const [r] = await tx.select({
    received: sql<number>`count(*)::int`,
    replied: sql<number>`count(*) FILTER (WHERE ${letters.repliedAt} IS NOT NULL)::int`,
  }).from(letters).innerJoin(cases, eq(cases.id, letters.caseId)).where(letterScope(q));
  return r;
}
export async function letterCountsBy(tx: Tx, tz: string, q: Scope, by: 'org' | 'month') {
  const key = by === 'org' ? sql<string>`${cases.orgId}::text` : sql<string>`to_char(${letters.createdAt} AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM')`;
  return tx.select({ key, received: sql<number>`count(*)::int`, replied: sql<number>`count(*) FILTER (WHERE ${letters.repliedAt} IS NOT NULL)::int` })
    .from(letters).innerJoin(cases, eq(cases.id, letters.caseId)).where(letterScope(q)).groupBy(key);
}

/** The caller's number on a ticket (SM4-encrypted), for another domain that calls the caller back. */
export async function callerPhoneEnc(tx: Tx, caseId: string): Promise<string | null> {
  return (await tx.select({ p: tickets.callerPhoneEnc }).from(tickets).where(eq(tickets.caseId, caseId)))[0]?.p ?? null;
}
export const letterCasesWhere = (q: Scope, onlyReplied: boolean) => casesWith(letters, letters.caseId, and(letterScope(q), onlyReplied ? sql`${letters.repliedAt} IS NOT NULL` : undefined));
