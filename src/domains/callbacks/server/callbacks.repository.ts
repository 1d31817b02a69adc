import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { cases, inDivision, inPeriod, orgs, type Tx, users } from '../../../core/server';
import { callbackAttempts, callbackSettings, callbacks } from './callbacks.tables';
import { tzSql } from '../../../core/server';
import { callerPhoneEnc } from '../../hotline/public';

import type { CallbackRow } from './callbacks.tables';
export type { CallbackRow };

export async function insert(tx: Tx, row: typeof callbacks.$inferInsert) {
  return (await tx.insert(callbacks).values(row).onConflictDoNothing().returning())[0] ?? null;
}
export const get = async (tx: Tx, id: string) => (await tx.select().from(callbacks).where(eq(callbacks.id, id)))[0] ?? null;
export async function update(tx: Tx, id: string, expectAttempts: number, patch: Partial<typeof callbacks.$inferInsert>) {
  // Compare-and-set on the attempt count: two agents saving the same callback do not both count.
  return (await tx.update(callbacks).set(patch).where(and(eq(callbacks.id, id), eq(callbacks.attempts, expectAttempts), eq(callbacks.state, 'pending'))).returning())[0] ?? null;
}
export async function insertAttempt(tx: Tx, row: typeof callbackAttempts.$inferInsert) { await tx.insert(callbackAttempts).values(row); }
export const attempts = (tx: Tx, callbackId: string) => tx.select().from(callbackAttempts).where(eq(callbackAttempts.callbackId, callbackId)).orderBy(callbackAttempts.at);

/** The settings row of the longest division prefix of `divisionCode` for a kind, if any. */
export async function settingsFor(tx: Tx, divisionCode: string, kind: string) {
  return (await tx.select().from(callbackSettings)
    .where(and(eq(callbackSettings.kind, kind), sql`${divisionCode} LIKE ${callbackSettings.divisionCode} || '%'`))
    .orderBy(desc(sql`length(${callbackSettings.divisionCode})`)).limit(1))[0] ?? null;
}
export async function upsertSettings(tx: Tx, row: typeof callbackSettings.$inferInsert) {
  await tx.insert(callbackSettings).values(row).onConflictDoUpdate({ target: [callbackSettings.divisionCode, callbackSettings.kind], set: { samplePercent: row.samplePercent, maxAttempts: row.maxAttempts, retryHours: row.retryHours, script: row.script, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

/** The scope columns of callbacks (core/server/access/scope.ts). */
export const scopeColumns = { division: callbacks.divisionCode, org: callbacks.orgId };

export async function queue(tx: Tx, where: SQL, p: { page: number; pageSize: number }) {
  const items = await tx.select({ cb: callbacks, orgName: orgs.name }).from(callbacks).innerJoin(orgs, eq(orgs.id, callbacks.orgId)).where(where)
    .orderBy(callbacks.nextAttemptAt, callbacks.id).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(callbacks).where(where);
  return { items, total: n };
}
export const stateIs = (states: string[]) => inArray(callbacks.state, states);
export const kindIs = (kind: string) => eq(callbacks.kind, kind);

export const orgName = async (tx: Tx, id: string) => (await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id)))[0]?.name ?? '';

/**
 * The contact number of the followed case, read from its source only when an agent asks: the applicant's
 * number given with an application (at the counter) or its applicant's account, the caller's number on the ticket (hotline domain's table).
 */
export async function contactEnc(tx: Tx, cb: CallbackRow): Promise<string | null> {
  if (cb.kind === 'application') {
    return (await tx.select({ p: sql<string | null>`coalesce(${cases.applicantPhoneEnc}, ${users.phoneEnc})` }).from(cases)
      .leftJoin(users, eq(users.id, cases.applicantId)).where(eq(cases.id, cb.caseId)))[0]?.p ?? null;
  }
  return callerPhoneEnc(tx, cb.caseId);
}

// ---- figures ----

export type CbScope = { divisionCode: string; orgId?: string; from: string; to: string; caseType?: string };
const scope = (q: CbScope, extra?: SQL) => and(inDivision(callbacks.divisionCode, q.divisionCode), q.orgId ? eq(callbacks.orgId, q.orgId) : undefined,
  q.caseType ? eq(callbacks.kind, q.caseType) : undefined, inPeriod(callbacks.closedAt, q.from, q.to), extra);

/** One condition per figure: the figure, its breakdown and its records read the same SQL. */
export const COND = {
  all: sql`true`,
  reached: sql`${callbacks.reached} IS TRUE`,
  resolved: sql`${callbacks.reached} IS TRUE AND ${callbacks.resolved} IS TRUE`,
  rated: sql`${callbacks.reached} IS TRUE AND ${callbacks.satisfaction} IS NOT NULL`,
  satisfied: sql`${callbacks.reached} IS TRUE AND ${callbacks.satisfaction} >= 3`,
};
const n = (c: SQL) => sql<number>`count(*) FILTER (WHERE ${c})::int`;
const figures = { total: sql<number>`count(*)::int`, reached: n(COND.reached), resolved: n(COND.resolved), rated: n(COND.rated), satisfied: n(COND.satisfied) };

export async function counts(tx: Tx, q: CbScope) {
  return (await tx.select(figures).from(callbacks).where(scope(q)))[0];
}
export async function countsBy(tx: Tx, tz: string, q: CbScope, by: 'org' | 'month') {
  const key = by === 'org' ? sql<string>`${callbacks.orgId}::text` : sql<string>`to_char(${callbacks.closedAt} AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM')`;
  return tx.select({ key, ...figures }).from(callbacks).where(scope(q)).groupBy(key);
}
/** The followed cases behind a figure (application or ticket case rows). */
export const recordsWhere = (q: CbScope, cond: SQL) => sql`${cases.id} IN (SELECT ${callbacks.caseId} FROM ${callbacks} WHERE ${scope(q, cond)})`;
