/** All SQL of mediation: disputes, sessions, screenings, populations, and the figures over them. */
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { cases, casesWith, divisions, inDivision, orgs, type RecordSet, type ScopeColumns, type Tx, uniqueOr409 } from '../../../core/server';
import { disputes, populations, screenings, sessions, type DisputeRow } from './mediation.tables';

export type { DisputeRow };

export async function insertDispute(tx: Tx, row: typeof disputes.$inferInsert) { await tx.insert(disputes).values(row); }
export async function insertDisputes(tx: Tx, rows: (typeof disputes.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(disputes).values(rows.slice(i, i + 1000));
}
export const getDispute = async (tx: Tx, caseId: string) => (await tx.select().from(disputes).where(eq(disputes.caseId, caseId)))[0] ?? null;
export async function updateDispute(tx: Tx, caseId: string, patch: Partial<DisputeRow>) { await tx.update(disputes).set(patch).where(eq(disputes.caseId, caseId)); }
/**
 * Agreements whose 司法确认 window (signed on `endedOn`, 30 days) closes within the reminder lead and has not
 * yet closed, still awaiting an application (state 'agreed', none filed), not yet reminded a second time.
 */
export const closingWindowCandidates = (tx: Tx, signedFrom: string, signedTo: string, limit: number) =>
  tx.select({ caseId: disputes.caseId, refNo: cases.refNo }).from(disputes).innerJoin(cases, eq(cases.id, disputes.caseId))
    .where(and(eq(cases.state, 'agreed'), eq(disputes.outcome, 'agreed'), sql`${disputes.confirmAppliedOn} IS NULL`, sql`${disputes.confirmClosingRemindedAt} IS NULL`,
      sql`${disputes.endedOn} BETWEEN ${signedFrom}::date AND ${signedTo}::date`))
    .orderBy(asc(disputes.endedOn)).limit(limit);
/** Claims the second reminder for one dispute: the row back if this caller won it, else null (another process did). */
export async function claimClosingReminder(tx: Tx, caseId: string, at: Date) {
  const [row] = await tx.update(disputes).set({ confirmClosingRemindedAt: at })
    .where(and(eq(disputes.caseId, caseId), sql`${disputes.confirmClosingRemindedAt} IS NULL`, sql`${disputes.confirmAppliedOn} IS NULL`)).returning();
  return row ?? null;
}
export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert) { await tx.insert(sessions).values(row); }
export async function insertSessions(tx: Tx, rows: (typeof sessions.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(sessions).values(rows.slice(i, i + 1000));
}
export const sessionsOf = (tx: Tx, caseId: string) => tx.select().from(sessions).where(eq(sessions.caseId, caseId)).orderBy(asc(sessions.heldOn), asc(sessions.createdAt));
/**
 * Recent 12345 tickets of a township whose titles read as a dispute (the kernel's cases table; hotline's
 * own rows are not read), newest first, not yet taken into mediation.
 */
export const ticketsLike = (tx: Tx, divisionCode: string, titles: string[], limit: number) =>
  tx.select({ id: cases.id, refNo: cases.refNo, title: cases.title, applicantName: cases.applicantName }).from(cases)
    .where(and(eq(cases.type, 'ticket'), eq(cases.divisionCode, divisionCode), inArray(cases.title, titles),
      sql`NOT EXISTS (SELECT 1 FROM case_links l WHERE l.to_case_id = ${cases.id} AND l.kind = 'mediatesTicket')`))
    .orderBy(desc(cases.createdAt), cases.id).limit(limit);
export const hasDemo = async (tx: Tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(disputes).where(eq(disputes.isDemo, true)))[0].n > 0;

// ---- screenings ----
export const screeningScope: ScopeColumns = { division: screenings.divisionCode, org: screenings.orgId, createdBy: screenings.createdBy };
export async function insertScreenings(tx: Tx, rows: (typeof screenings.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(screenings).values(rows.slice(i, i + 1000));
}
export const listScreenings = (tx: Tx, where: SQL, limit: number) =>
  tx.select({ s: screenings, divisionName: divisions.name }).from(screenings).innerJoin(divisions, eq(divisions.code, screenings.divisionCode))
    .where(where).orderBy(desc(screenings.heldOn), desc(screenings.createdAt)).limit(limit);
export async function screeningTotals(tx: Tx, where: SQL) {
  const [r] = await tx.select({ rounds: sql<number>`count(*)::int`, found: sql<number>`coalesce(sum(${screenings.found}),0)::int`, resolved: sql<number>`coalesce(sum(${screenings.resolved}),0)::int` }).from(screenings).where(where);
  return r;
}
export const screeningsIn = (q: { divisionCode: string; from: string; to: string }) =>
  and(inDivision(screenings.divisionCode, q.divisionCode), sql`${screenings.heldOn} BETWEEN ${q.from}::date AND ${q.to}::date`)!;

export const visibleScreenings = (scope: SQL, q: { from: string; to: string }) => and(scope, sql`${screenings.heldOn} BETWEEN ${q.from}::date AND ${q.to}::date`)!;

// ---- population ----
export const populationScope: ScopeColumns = { division: populations.divisionCode, createdBy: populations.createdBy };
export const upsertPopulation = (tx: Tx, row: typeof populations.$inferInsert) =>
  uniqueOr409(() => tx.insert(populations).values(row), `该区划${row.asOf}的常住人口已登记`);
export async function insertPopulations(tx: Tx, rows: (typeof populations.$inferInsert)[]) {
  if (rows.length) await tx.insert(populations).values(rows).onConflictDoNothing();
}
export const listPopulations = (tx: Tx, where: SQL) =>
  tx.select({ p: populations, divisionName: divisions.name, level: divisions.level }).from(populations).innerJoin(divisions, eq(divisions.code, populations.divisionCode))
    .where(where).orderBy(asc(populations.divisionCode), desc(populations.asOf));
/** The latest population of every division under `code` (and itself) held on or before `asOf`. */
export async function latestPopulations(tx: Tx, code: string, asOf: string) {
  return tx.selectDistinctOn([populations.divisionCode], { divisionCode: populations.divisionCode, asOf: populations.asOf, population: populations.population, source: populations.source })
    .from(populations).where(and(inDivision(populations.divisionCode, code), lte(populations.asOf, asOf)))
    .orderBy(asc(populations.divisionCode), desc(populations.asOf));
}
export const divisionsUnder = (tx: Tx, code: string) =>
  tx.select({ code: divisions.code, name: divisions.name, level: divisions.level, parentCode: divisions.parentCode }).from(divisions)
    .where(inDivision(divisions.code, code)).orderBy(asc(divisions.path), asc(divisions.sort));

// ---- figures ----
export type Scope = { divisionCode: string; orgId?: string; from: string; to: string };
type DayCol = typeof disputes.receivedOn | typeof disputes.endedOn | typeof disputes.confirmDecidedOn;
const between = (col: DayCol, q: Scope) => sql`${col} BETWEEN ${q.from}::date AND ${q.to}::date`;
const scoped = (q: Scope) => and(inDivision(disputes.divisionCode, q.divisionCode), q.orgId ? eq(disputes.orgId, q.orgId) : undefined);

export const receivedWhere = (q: Scope) => and(scoped(q), between(disputes.receivedOn, q))!;
export const resolvedWhere = (q: Scope) => and(scoped(q), between(disputes.endedOn, q), eq(disputes.outcome, 'agreed'))!;
export const concludedWhere = (q: Scope) => and(scoped(q), between(disputes.endedOn, q), inArray(disputes.outcome, ['agreed', 'failed']))!;
export const confirmedWhere = (q: Scope) => and(scoped(q), between(disputes.confirmDecidedOn, q), eq(disputes.confirmAnswer, '确认有效'))!;
export const disputeRecords = (where: SQL) => casesWith(disputes, disputes.caseId, where);

export async function countDisputes(tx: Tx, where: SQL) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(disputes).where(where);
  return r.n;
}
/** One grouped query: by mediating org, or by the month of `col`. */
export async function disputesBy(tx: Tx, where: SQL, by: 'org' | 'month', col: DayCol) {
  const key: SQL<string> = by === 'org' ? sql<string>`${disputes.orgId}::text` : sql<string>`to_char(${col}, 'YYYY-MM')`;
  return tx.select({ key, n: sql<number>`count(*)::int` }).from(disputes).where(where).groupBy(key);
}
export async function successBy(tx: Tx, q: Scope, by: 'org' | 'month') {
  const key: SQL<string> = by === 'org' ? sql<string>`${disputes.orgId}::text` : sql<string>`to_char(${disputes.endedOn}, 'YYYY-MM')`;
  return tx.select({ key, a: sql<number>`count(*) FILTER (WHERE ${disputes.outcome} = 'agreed')::int`, b: sql<number>`count(*)::int` })
    .from(disputes).where(concludedWhere(q)).groupBy(key);
}
/** Disputes received in the period per township (the first 9 digits of the village code). */
export async function receivedByTownship(tx: Tx, q: Scope) {
  return tx.select({ township: sql<string>`left(${disputes.divisionCode}, 9)`, n: sql<number>`count(*)::int` })
    .from(disputes).where(receivedWhere(q)).groupBy(sql`left(${disputes.divisionCode}, 9)`);
}

/** The 排查 rounds as a figure's records (rows, not cases). */
export const screeningRecordSet: RecordSet = {
  table: screenings,
  scope: screeningScope,
  permission: ['mediation.read', 'metrics.read'],
  columns: [
    { key: 'village', label: '村（社区）', value: sql`(SELECT ${divisions.name} FROM ${divisions} WHERE ${divisions.code} = ${screenings.divisionCode})` },
    { key: 'org', label: '调委会', value: sql`(SELECT ${orgs.name} FROM ${orgs} WHERE ${orgs.id} = ${screenings.orgId})` },
    { key: 'heldOn', label: '排查日期', value: sql`${screenings.heldOn}::text` },
    { key: 'found', label: '排查发现纠纷', value: screenings.found },
    { key: 'resolved', label: '当场化解', value: screenings.resolved },
    { key: 'notes', label: '情况', value: screenings.notes },
  ],
  where: (q) => screeningsIn(q),
  orderBy: sql`${screenings.heldOn} DESC, ${screenings.id}`,
};

/** Which of these division/date pairs already hold a population ("code|asOf"). */
export async function populationsHeld(tx: Tx, codes: string[]) {
  if (!codes.length) return new Set<string>();
  const rows = await tx.select({ divisionCode: populations.divisionCode, asOf: populations.asOf }).from(populations).where(inArray(populations.divisionCode, codes));
  return new Set(rows.map((r) => `${r.divisionCode}|${r.asOf}`));
}
/** All rows or none: a pair taken meanwhile by another clerk fails the whole insert with a 409. */
export const insertPopulationsStrict = (tx: Tx, rows: (typeof populations.$inferInsert)[]) =>
  uniqueOr409(() => tx.insert(populations).values(rows), '导入期间已有人登记了其中某个区划同一日期的常住人口，整个文件未导入，请刷新后重新导入');
