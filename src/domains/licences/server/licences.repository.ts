/** The only SQL of 电子证照. Every function takes the transaction. */
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { cases, inDivision, inPeriod, orgs, type RecordSet, type Tx, dayEnd, labelled, orgNameOf } from '../../../core/server';
import { EXPIRING_WITHIN_DAYS, LICENCE_STATUSES, SOURCES, type LicenceStatus } from '../shared/licences.schema';
import { licenceReminders, licenceTypes, licences } from './licences.tables';
import { tzSql } from '../../../core/server';
import * as applications from '../../applications/public';
import * as catalog from '../../catalog/public';

import type { LicenceRow, TypeRow, ReminderRow } from './licences.tables';
export type { LicenceRow, TypeRow, ReminderRow };

const rows = <T>(r: unknown) => ((r as { rows?: T[] }).rows ?? (r as T[]));

// ---- types ----

export async function insertTypes(tx: Tx, values: (typeof licenceTypes.$inferInsert)[]) {
  if (values.length) await tx.insert(licenceTypes).values(values).onConflictDoNothing();
}
export const getType = async (tx: Tx, id: string) => (await tx.select().from(licenceTypes).where(eq(licenceTypes.id, id)))[0] ?? null;
/** Types of a division and of the divisions above it (a county uses its own and its city's). */
export const typesFor = (tx: Tx, divisionCode: string) => tx.select().from(licenceTypes)
  .where(sql`${divisionCode} LIKE ${licenceTypes.divisionCode} || '%'`).orderBy(licenceTypes.code);
export async function updateType(tx: Tx, id: string, patch: Partial<typeof licenceTypes.$inferInsert>) {
  return (await tx.update(licenceTypes).set(patch).where(eq(licenceTypes.id, id)).returning())[0] ?? null;
}
/**
 * The type a delivered application's catalog item issues in this division (the nearest division's
 * configuration wins), or null — one statement, run on every delivery.
 */
export async function typeForItem(tx: Tx, divisionCode: string, itemId: string) {
  return (await tx.select().from(licenceTypes)
    .where(and(sql`${divisionCode} LIKE ${licenceTypes.divisionCode} || '%'`, sql`${licenceTypes.itemCodes} ? ${catalog.itemCodeOf(itemId)}`))
    .orderBy(desc(sql`length(${licenceTypes.divisionCode})`)).limit(1))[0] ?? null;
}

// ---- what the services domain stored with the application (read through services' public.ts) ----

export const itemByCode = (tx: Tx, divisionCode: string, code: string) => catalog.itemByCode(tx, divisionCode, code);
export const applicantOf = (tx: Tx, caseId: string) => applications.applicantOf(tx, caseId);

// ---- licences ----

export async function insertLicence(tx: Tx, row: typeof licences.$inferInsert) {
  return (await tx.insert(licences).values(row).onConflictDoNothing().returning())[0] ?? null;
}
export const get = async (tx: Tx, id: string) => (await tx.select().from(licences).where(eq(licences.id, id)))[0] ?? null;
export const byNo = async (tx: Tx, no: string) => (await tx.select().from(licences).where(eq(licences.licenceNo, no)))[0] ?? null;
export const bySourceCase = async (tx: Tx, caseId: string) => (await tx.select().from(licences).where(eq(licences.sourceCaseId, caseId)))[0] ?? null;
export const successorOf = async (tx: Tx, id: string) => (await tx.select().from(licences).where(eq(licences.previousLicenceId, id)))[0] ?? null;
/** Compare-and-set on the stored status: two renewals of one licence do not both happen. */
export async function setStatus(tx: Tx, id: string, from: string, patch: Partial<typeof licences.$inferInsert>) {
  return (await tx.update(licences).set(patch).where(and(eq(licences.id, id), eq(licences.status, from))).returning())[0] ?? null;
}
export async function setRenewalCase(tx: Tx, id: string, caseId: string) {
  return (await tx.update(licences).set({ renewalCaseId: caseId }).where(and(eq(licences.id, id), sql`${licences.renewalCaseId} IS NULL`)).returning())[0] ?? null;
}

/** The status a reader sees on `today`: 即将到期 and 已过期 derive from the dates. */
export const displayStatus = (today: string) => sql<LicenceStatus>`CASE
  WHEN ${licences.status} = 'valid' AND ${licences.validTo} < ${today}::date THEN 'expired'
  WHEN ${licences.status} = 'valid' AND ${licences.validTo} <= ${today}::date + ${EXPIRING_WITHIN_DAYS}::int THEN 'expiring'
  ELSE ${licences.status} END`;

/** The scope columns of licences (core/server/access/scope.ts). */
export const scopeColumns = { division: licences.divisionCode, org: licences.orgId };

const listed = (today: string) => ({ l: licences, typeName: licenceTypes.name, orgName: orgs.name, status: displayStatus(today), sourceRefNo: cases.refNo });

export async function list(tx: Tx, today: string, where: SQL, p: { q?: string; status?: LicenceStatus; typeId?: string; page: number; pageSize: number }) {
  const cond = and(where,
    p.q ? or(sql`${licences.licenceNo} LIKE ${`%${p.q}%`}`, sql`${licences.holderName} LIKE ${`%${p.q}%`}`) : undefined,
    p.status ? sql`${displayStatus(today)} = ${p.status}` : undefined,
    p.typeId ? eq(licences.typeId, p.typeId) : undefined)!;
  const items = await tx.select(listed(today)).from(licences)
    .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId)).innerJoin(orgs, eq(orgs.id, licences.orgId)).leftJoin(cases, eq(cases.id, licences.sourceCaseId))
    .where(cond).orderBy(desc(licences.issuedAt), licences.licenceNo).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(licences).where(cond);
  return { items, total: n };
}
export async function one(tx: Tx, today: string, where: SQL) {
  return (await tx.select(listed(today)).from(licences)
    .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId)).innerJoin(orgs, eq(orgs.id, licences.orgId)).leftJoin(cases, eq(cases.id, licences.sourceCaseId))
    .where(where))[0] ?? null;
}
export const byId = (id: string) => eq(licences.id, id);
export const byTokenCond = (token: string) => eq(licences.verifyToken, token);
export const ofHolder = (userId: string, idHash: string | null) => or(eq(licences.holderUserId, userId), idHash ? eq(licences.holderIdHash, idHash) : undefined)!;

/** A holder's licences in force today (not expired, renewed or revoked), with their type's name. */
export const inForceOf = (tx: Tx, idHash: string, today: string) => tx.select({ l: licences, typeName: licenceTypes.name }).from(licences)
  .innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId))
  .where(and(eq(licences.holderIdHash, idHash), eq(licences.status, 'valid'), sql`(${licences.validTo} IS NULL OR ${licences.validTo} >= ${today}::date)`))
  .orderBy(desc(licences.issuedAt));

export const caseRef = async (tx: Tx, caseId: string) => (await tx.select({ refNo: cases.refNo, state: cases.state }).from(cases).where(eq(cases.id, caseId)))[0] ?? null;

// ---- reminders ----

export const remindersOf = (tx: Tx, licenceId: string) => tx.select({ r: licenceReminders, renewalRefNo: cases.refNo }).from(licenceReminders)
  .leftJoin(cases, eq(cases.id, licenceReminders.renewalCaseId)).where(eq(licenceReminders.licenceId, licenceId)).orderBy(desc(licenceReminders.offsetDays));

/**
 * Licences in force whose expiry is within `horizon` days of `today` (or passed less than a day ago),
 * with their type and the smallest offset already reminded.
 */
export async function reminderCandidates(tx: Tx, today: string, horizon: number, limit: number) {
  return tx.select({ l: licences, t: licenceTypes, lastOffset: sql<number | null>`(SELECT min(${licenceReminders.offsetDays}) FROM ${licenceReminders} WHERE ${licenceReminders.licenceId} = ${licences.id})` })
    .from(licences).innerJoin(licenceTypes, eq(licenceTypes.id, licences.typeId))
    .where(and(eq(licences.status, 'valid'), sql`${licences.validTo} >= ${today}::date`, sql`${licences.validTo} <= ${today}::date + ${horizon}::int`))
    .orderBy(licences.validTo, licences.id).limit(limit);
}
export async function insertReminder(tx: Tx, row: typeof licenceReminders.$inferInsert) {
  return (await tx.insert(licenceReminders).values(row).onConflictDoNothing().returning())[0] ?? null;
}
export async function updateReminder(tx: Tx, id: string, patch: Partial<typeof licenceReminders.$inferInsert>) {
  await tx.update(licenceReminders).set(patch).where(eq(licenceReminders.id, id));
}

// ---- figures ----

export type LScope = { divisionCode: string; orgId?: string; from: string; to: string };
const scoped = (q: LScope) => and(inDivision(licences.divisionCode, q.divisionCode), q.orgId ? eq(licences.orgId, q.orgId) : undefined);

/** One condition per figure, so the figure and its records read the same SQL. */
export const COND = {
  issued: (q: LScope) => and(scoped(q), sql`${licences.source} <> 'import'`, inPeriod(licences.issuedAt, q.from, q.to))!,
  renewed: (q: LScope) => and(scoped(q), sql`${licences.source} IN ('renewal', 'automatic')`, inPeriod(licences.issuedAt, q.from, q.to))!,
  /** In force at the period's end and expiring within the 90 days after it. */
  expiring: (q: LScope) => and(scoped(q), sql`${licences.validFrom} <= ${q.to}::date`, sql`${licences.validTo} > ${q.to}::date`, sql`${licences.validTo} <= ${q.to}::date + ${EXPIRING_WITHIN_DAYS}::int`,
    sql`${licences.issuedAt} < ${dayEnd(q.to)}::timestamptz`,
    sql`(${licences.status} = 'valid' OR ${licences.status} = 'renewed' AND EXISTS (SELECT 1 FROM ${licences} s WHERE s.previous_licence_id = ${licences.id} AND s.issued_at >= ${dayEnd(q.to)}::timestamptz)
      OR ${licences.status} = 'revoked' AND ${licences.revokedAt} >= ${dayEnd(q.to)}::timestamptz)`)!,
  reminded: (q: LScope) => and(scoped(q), sql`EXISTS (SELECT 1 FROM ${licenceReminders} r WHERE r.licence_id = ${licences.id} AND ${inPeriod(sql`r.sent_at`, q.from, q.to)})`)!,
};
export type Figure = keyof typeof COND;

export async function count(tx: Tx, fig: Figure, q: LScope) {
  return (await tx.select({ n: sql<number>`count(*)::int` }).from(licences).where(COND[fig](q)))[0].n;
}
export async function countBy(tx: Tx, tz: string, fig: Figure, q: LScope, by: 'org' | 'month') {
  const key = by === 'org' ? sql<string>`${licences.orgId}::text`
    : fig === 'expiring' ? sql<string>`to_char(${licences.validTo}, 'YYYY-MM')` : sql<string>`to_char(${licences.issuedAt} AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM')`;
  return tx.select({ key, n: sql<number>`count(*)::int` }).from(licences).where(COND[fig](q)).groupBy(key);
}

/**
 * The licences behind a figure, from the registry itself (the same condition as the count), so every
 * licence counted opens, imported and automatically renewed ones too, which have no source application.
 */
export const figureRecordSet = (fig: Figure): RecordSet => ({
  table: licences,
  scope: { division: licences.divisionCode, org: licences.orgId },
  permission: ['metrics.read', 'licence.read'],
  columns: [
    { key: 'licenceNo', label: '证照编号', value: licences.licenceNo },
    { key: 'type', label: '证照类型', value: sql`(SELECT t.name FROM ${licenceTypes} t WHERE t.id = ${licences.typeId})` },
    { key: 'holder', label: '持证主体', value: licences.holderName },
    { key: 'holderId', label: '证件号码', value: licences.holderIdMasked },
    { key: 'org', label: '发证机关', value: orgNameOf(licences.orgId) },
    { key: 'validFrom', label: '有效期起', value: licences.validFrom },
    { key: 'validTo', label: '有效期至', value: sql`coalesce(${licences.validTo}::text, '长期')` },
    { key: 'source', label: '来源', value: labelled(licences.source, SOURCES) },
    { key: 'status', label: '状态', value: labelled(licences.status, LICENCE_STATUSES) },
  ],
  where: (q) => COND[fig](q),
  orderBy: sql`${licences.issuedAt}, ${licences.id}`,
});
