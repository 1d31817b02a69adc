/** All SQL of the credential register: holders, cards, suspensions, reviews, exams, training hours. */
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { cases, inDivision, orgs, sequences, type RecordSet, type Tx, uniqueOr409 } from '../../../core/server';
import { credentialReminders, credentials, exams, holders, reviews, suspensions, trainings, type CredentialRow, type HolderRow, type SuspensionRow } from './enforcement-credentials.tables';

export type { CredentialRow, HolderRow, SuspensionRow };

export const holderScopeColumns = { division: holders.divisionCode, org: holders.orgId } as const;
export const credentialScopeColumns = { division: credentials.divisionCode, org: credentials.orgId } as const;
export const trainingScopeColumns = { division: trainings.divisionCode, org: trainings.orgId } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

// ---- holders ----
export async function insertHolder(tx: Tx, row: typeof holders.$inferInsert) { await tx.insert(holders).values(row); }
export const getHolder = async (tx: Tx, id: string) => (isUuid(id) ? (await tx.select().from(holders).where(eq(holders.id, id)))[0] ?? null : null);
export const holdersByIds = (tx: Tx, ids: string[]) => (ids.length ? tx.select().from(holders).where(inArray(holders.id, ids)) : Promise.resolve([] as HolderRow[]));
export const holdersOfStaff = (tx: Tx, userIds: string[]) => (userIds.length ? tx.select().from(holders).where(inArray(holders.staffUserId, userIds)) : Promise.resolve([] as HolderRow[]));
export async function updateHolder(tx: Tx, id: string, patch: Partial<HolderRow>) { await tx.update(holders).set(patch).where(eq(holders.id, id)); }

export async function listHolders(tx: Tx, scope: SQL, q: { q?: string; orgId?: string; status?: string; page: number; pageSize: number }) {
  const where = and(scope,
    q.q ? or(ilike(holders.name, `%${q.q}%`), sql`EXISTS (SELECT 1 FROM ${credentials} c WHERE c.holder_id = ${holders.id} AND c.number ILIKE ${`%${q.q}%`})`) : undefined,
    q.orgId ? eq(holders.orgId, q.orgId) : undefined,
    q.status ? eq(holders.status, q.status) : undefined)!;
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(holders).where(where);
  const rows = await tx.select({ h: holders, orgName: orgs.name }).from(holders).innerJoin(orgs, eq(orgs.id, holders.orgId)).where(where)
    .orderBy(asc(orgs.sort), asc(holders.name), asc(holders.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { total: n, rows };
}

// ---- cards ----
export const insertCredential = (tx: Tx, row: typeof credentials.$inferInsert) =>
  uniqueOr409(() => tx.insert(credentials).values(row), `证号${row.number}已被使用`);
export const getCredential = async (tx: Tx, id: string) => (isUuid(id) ? (await tx.select().from(credentials).where(eq(credentials.id, id)))[0] ?? null : null);
export const credentialByToken = async (tx: Tx, token: string) => (await tx.select().from(credentials).where(eq(credentials.verifyToken, token)))[0] ?? null;
export const credentialsByNumbers = (tx: Tx, numbers: string[]) => (numbers.length ? tx.select().from(credentials).where(inArray(credentials.number, numbers)) : Promise.resolve([] as CredentialRow[]));
export const credentialsByTokens = (tx: Tx, tokens: string[]) => (tokens.length ? tx.select().from(credentials).where(inArray(credentials.verifyToken, tokens)) : Promise.resolve([] as CredentialRow[]));
export const credentialsOfHolders = (tx: Tx, holderIds: string[]) => (holderIds.length
  ? tx.select().from(credentials).where(inArray(credentials.holderId, holderIds)).orderBy(desc(credentials.issuedOn), desc(credentials.createdAt))
  : Promise.resolve([] as CredentialRow[]));
export async function updateCredential(tx: Tx, id: string, patch: Partial<CredentialRow>) { await tx.update(credentials).set(patch).where(eq(credentials.id, id)); }
export async function suspensionsOf(tx: Tx, credentialIds: string[]) {
  return credentialIds.length ? tx.select().from(suspensions).where(inArray(suspensions.credentialId, credentialIds)).orderBy(asc(suspensions.fromDate)) : [] as SuspensionRow[];
}
export async function insertSuspension(tx: Tx, row: typeof suspensions.$inferInsert) { await tx.insert(suspensions).values(row); }
export async function liftSuspensions(tx: Tx, credentialId: string, on: string, reason: string) {
  await tx.update(suspensions).set({ toDate: on, liftReason: reason }).where(and(eq(suspensions.credentialId, credentialId), sql`${suspensions.toDate} IS NULL`));
}

/** An org's cards whose status now is valid or suspended, with their holders (newest card per holder first). */
export async function cardsOfOrg(tx: Tx, orgId: string) {
  return tx.select({ c: credentials, h: holders }).from(credentials).innerJoin(holders, eq(holders.id, credentials.holderId))
    .where(and(eq(credentials.orgId, orgId), inArray(credentials.status, ['valid', 'suspended']), eq(holders.status, 'active')))
    .orderBy(asc(holders.name), desc(credentials.issuedOn));
}

// ---- exams ----
export async function insertExam(tx: Tx, row: typeof exams.$inferInsert) { await tx.insert(exams).values(row); }
export const examsOf = (tx: Tx, holderId: string) => tx.select().from(exams).where(eq(exams.holderId, holderId)).orderBy(desc(exams.takenOn));

// ---- reviews ----
export async function insertReview(tx: Tx, row: typeof reviews.$inferInsert) { await tx.insert(reviews).values(row); }
export const reviewsOfCard = (tx: Tx, credentialId: string, year: number) => tx.select().from(reviews).where(and(eq(reviews.credentialId, credentialId), eq(reviews.year, year)));
export const reviewsOfHolder = (tx: Tx, holderId: string) => tx.select().from(reviews).where(eq(reviews.holderId, holderId)).orderBy(desc(reviews.year));

// ---- training ----
export async function insertTrainings(tx: Tx, rows: (typeof trainings.$inferInsert)[]) {
  if (rows.length) await tx.insert(trainings).values(rows).onConflictDoNothing();
}
export const trainingsOf = (tx: Tx, holderId: string) => tx.select().from(trainings).where(eq(trainings.holderId, holderId)).orderBy(desc(trainings.heldOn));
/** Hours per type of one holder within [from, to]. */
export async function hoursByType(tx: Tx, holderId: string, from: string, to: string) {
  return tx.select({ type: trainings.type, hours: sql<number>`sum(${trainings.hours})::float8` }).from(trainings)
    .where(and(eq(trainings.holderId, holderId), gte(trainings.heldOn, from), lte(trainings.heldOn, to))).groupBy(trainings.type);
}

// ---- applications (the kernel's cases table, filtered to this domain's case type) ----
/** The holder's application still in progress, if any. */
export async function openApplication(tx: Tx, holderId: string) {
  return (await tx.select({ id: cases.id, refNo: cases.refNo, state: cases.state }).from(cases)
    .where(and(eq(cases.type, 'credentialApplication'), inArray(cases.state, ['submitted', 'returned']), sql`${cases.data}->>'holderId' = ${holderId}`)).limit(1))[0] ?? null;
}
export const credentialOfCase = async (tx: Tx, caseId: string) => (await tx.select().from(credentials).where(eq(credentials.caseId, caseId)))[0] ?? null;

// ---- figures ----
type Q = { divisionCode: string; orgId?: string; from: string; to: string };
const cardScope = (q: Q) => and(inDivision(credentials.divisionCode, q.divisionCode), q.orgId ? eq(credentials.orgId, q.orgId) : undefined);
/** Cards issued in the period (申领/换领 alike). */
export const issuedWhere = (q: Q, kind: string) => and(cardScope(q), eq(credentials.kind, kind), gte(credentials.issuedOn, q.from), lte(credentials.issuedOn, q.to))!;
export const cancelledWhere = (q: Q, kind: string) => and(cardScope(q), eq(credentials.kind, kind), gte(credentials.cancelledOn, q.from), lte(credentials.cancelledOn, q.to))!;
/** Held on day `on`: issued, within validity, not cancelled (a card under 暂扣 is still held). */
const heldOn = (on: string) => sql`${credentials.issuedOn} <= ${on} AND ${credentials.validTo} >= ${on} AND (${credentials.cancelledOn} IS NULL OR ${credentials.cancelledOn} > ${on})`;
export const heldWhere = (q: Q, kind: string) => and(cardScope(q), eq(credentials.kind, kind), heldOn(q.to))!;
/** Due for 年审 in the period: held at its end and issued before it began. Reviewed: passed a review of the period's years. */
export const reviewDueWhere = (q: Q) => and(cardScope(q), heldOn(q.to), sql`${credentials.issuedOn} < ${q.from}`)!;
export const reviewedWhere = (q: Q) => and(reviewDueWhere(q), sql`EXISTS (SELECT 1 FROM ${reviews} r WHERE r.credential_id = ${credentials.id} AND r.passed AND r.year BETWEEN ${Number(q.from.slice(0, 4))} AND ${Number(q.to.slice(0, 4))})`)!;

const holderScope = (q: Q) => and(inDivision(holders.divisionCode, q.divisionCode), q.orgId ? eq(holders.orgId, q.orgId) : undefined);
/** People holding a 行政执法证 at the period end. */
export const holdingWhere = (q: Q) => and(holderScope(q), sql`EXISTS (SELECT 1 FROM ${credentials} WHERE ${credentials.holderId} = ${holders.id} AND ${credentials.kind} = 'enforcement' AND ${heldOn(q.to)})`)!;
/**
 * The 旁听庭审 hours law-study adds for the holder (row of `holders` in the outer statement) from `from`
 * to `to`: `visits` is law-study's derived table (user_id, held_on, hours) from its public.ts. A day on
 * which this ledger already holds a 旁听庭审 of the holder is the same hearing entered in both places,
 * so law-study's hours of that day are not added: one hearing attendance counts once (the ledger's).
 */
const lawStudyTrialHours = (visits: SQL, from: string, to: string) => sql`(SELECT coalesce(sum(v.hours), 0) FROM ${visits} v
  WHERE v.user_id = ${holders.staffUserId} AND v.held_on BETWEEN ${from}::date AND ${to}::date
    AND NOT EXISTS (SELECT 1 FROM ${trainings} t2 WHERE t2.holder_id = ${holders.id} AND t2.type = 'trial' AND t2.held_on = v.held_on))`;
export async function lawStudyTrialHoursOf(tx: Tx, holderId: string, visits: SQL, from: string, to: string) {
  return Number((await tx.select({ h: sql<number>`${lawStudyTrialHours(visits, from, to)}::float8` }).from(holders).where(eq(holders.id, holderId)))[0]?.h ?? 0);
}
/**
 * …with at least `required` counted training hours in the period: this ledger's rows plus, where
 * 旁听庭审 counts, law-study's court visits of the holder's account (`visits`), each hearing once — the
 * same hours the 年审 reads (service yearHours).
 */
export const hoursMetWhere = (q: Q, required: number, trialCounts: boolean, visits: SQL) => and(holdingWhere(q),
  sql`(SELECT coalesce(sum(t.hours), 0) FROM ${trainings} t WHERE t.holder_id = ${holders.id} AND t.held_on BETWEEN ${q.from} AND ${q.to}${trialCounts ? sql`` : sql` AND t.type <> 'trial'`})
    ${trialCounts ? sql`+ ${lawStudyTrialHours(visits, q.from, q.to)}` : sql``} >= ${required}`)!;

export const countCards = async (tx: Tx, where: SQL) => (await tx.select({ n: sql<number>`count(*)::int` }).from(credentials).where(where))[0].n;
export const countHolders = async (tx: Tx, where: SQL) => (await tx.select({ n: sql<number>`count(*)::int` }).from(holders).where(where))[0].n;

const orgName = (col: AnyColumn) => sql`(SELECT ${orgs.name} FROM ${orgs} WHERE ${orgs.id} = ${col})`;
export const cardRecordSet = (where: (q: Q, which: 'numerator' | 'denominator') => SQL): RecordSet => ({
  table: credentials,
  scope: credentialScopeColumns,
  columns: [
    { key: 'number', label: '证号', value: credentials.number },
    { key: 'name', label: '持证人', value: sql`(SELECT ${holders.name} FROM ${holders} WHERE ${holders.id} = ${credentials.holderId})` },
    { key: 'org', label: '单位', value: orgName(credentials.orgId) },
    { key: 'issuedOn', label: '发证日期', value: sql`${credentials.issuedOn}::text` },
    { key: 'validTo', label: '有效期至', value: sql`${credentials.validTo}::text` },
    { key: 'cancelledOn', label: '注销日期', value: sql`${credentials.cancelledOn}::text` },
  ],
  where,
  orderBy: sql`${credentials.issuedOn} DESC, ${credentials.id}`,
});
export const holderRecordSet = (where: (q: Q, which: 'numerator' | 'denominator') => SQL): RecordSet => ({
  table: holders,
  scope: holderScopeColumns,
  columns: [
    { key: 'name', label: '姓名', value: holders.name },
    { key: 'org', label: '单位', value: orgName(holders.orgId) },
    { key: 'post', label: '职务', value: holders.post },
  ],
  where,
  orderBy: sql`${holders.name}, ${holders.id}`,
});

// ---- demo loading (set-based) ----
/** Takes `n` numbers of a sequence at once: returns the last; the first is last - n + 1. */
export async function reserveSequence(tx: Tx, key: string, n: number) {
  const [r] = await tx.insert(sequences).values({ key, value: n }).onConflictDoUpdate({ target: sequences.key, set: { value: sql`${sequences.value} + ${n}` } }).returning({ value: sequences.value });
  return r.value;
}
export async function insertMany<T extends typeof holders | typeof exams | typeof credentials | typeof suspensions | typeof reviews | typeof trainings>(tx: Tx, table: T, rows: T['$inferInsert'][]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500) as never);
}
export const anyHolderIn = async (tx: Tx, divisionCode: string) => (await tx.select({ id: holders.id }).from(holders).where(inDivision(holders.divisionCode, divisionCode)).limit(1)).length > 0;

// ---- expiry reminders ----
/** Cards in use ending within `horizon` days (not yet renewed), with the smallest offset already reminded. */
export async function reminderCandidates(tx: Tx, today: string, until: string) {
  return tx.select({ c: credentials, h: holders, lastOffset: sql<number | null>`(SELECT min(${credentialReminders.offsetDays}) FROM ${credentialReminders} WHERE ${credentialReminders.credentialId} = ${credentials.id})` })
    .from(credentials).innerJoin(holders, eq(holders.id, credentials.holderId))
    .where(and(inArray(credentials.status, ['valid', 'suspended']), gte(credentials.validTo, today), lte(credentials.validTo, until), eq(holders.status, 'active')))
    .orderBy(asc(credentials.validTo)).limit(20_000);
}
export async function insertReminder(tx: Tx, row: typeof credentialReminders.$inferInsert) {
  return (await tx.insert(credentialReminders).values(row).onConflictDoNothing().returning())[0] ?? null;
}
export const remindersOfCards = (tx: Tx, ids: string[]) => (ids.length ? tx.select().from(credentialReminders).where(inArray(credentialReminders.credentialId, ids)) : Promise.resolve([]));
export async function markReminder(tx: Tx, id: string, notified: number) { await tx.update(credentialReminders).set({ notified }).where(eq(credentialReminders.id, id)); }
