/** The only SQL for cases, their timeline and their clocks. Every function takes the transaction. */
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { insertRecords } from '../db/bulk';
import { caseClocks, caseDaily, caseEvents, caseLinks, cases, orgs, sequences } from '../db/schema';
import { beforeCommit, type Database, type Tx } from '../db/db';
import { tzSql } from '../tz';
import { dayEnd, dayStart, inDivision } from '../sql-scope';

import type { CaseRow, CaseEventRow, ClockRow } from '../db/schema';
export type { CaseRow, CaseEventRow, ClockRow };

/**
 * The next number for `key`. On PostgreSQL it is taken in its own short transaction, so concurrent
 * filings of one day do not queue on the counter row until each commits (that queue was most of a
 * filing's time under load); a filing that then rolls back leaves a gap: numbers are unique and
 * increasing, not gapless. PGlite has one connection and no concurrency: the caller's transaction.
 */
export async function nextSequence(db: Database, tx: Tx, key: string): Promise<number> {
  if (db.autonomous) {
    const [r] = await db.autonomous<{ value: number }>(`INSERT INTO sequences (key, value) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET value = sequences.value + 1 RETURNING value`, [key]);
    return Number(r.value);
  }
  const rows = await tx.insert(sequences).values({ key, value: 1 })
    .onConflictDoUpdate({ target: sequences.key, set: { value: sql`${sequences.value} + 1` } })
    .returning({ value: sequences.value });
  return rows[0].value;
}

/** Inserts unless this creator already used the idempotency key; returns null in that case. */
export async function insertCase(tx: Tx, row: typeof cases.$inferInsert): Promise<CaseRow | null> {
  const rows = await tx.insert(cases).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findByIdempotencyKey(tx: Tx, createdBy: string, key: string) {
  return (await tx.select().from(cases).where(and(eq(cases.createdBy, createdBy), eq(cases.idempotencyKey, key))))[0] ?? null;
}

export const getCase = async (tx: Tx, id: string) => (await tx.select().from(cases).where(eq(cases.id, id)))[0] ?? null;

/** A case by its human number (public tracking pages, references between cases). */
export const findCaseByRef = async (tx: Tx, refNo: string) => (await tx.select().from(cases).where(eq(cases.refNo, refNo)))[0] ?? null;

/** The input of the latest occurrence of an event on a case (e.g. what a 补正 notice asked for). */
export async function lastEventInput(tx: Tx, caseId: string, event: string) {
  const rows = await tx.select({ input: caseEvents.input }).from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.event, event))).orderBy(desc(caseEvents.seq)).limit(1);
  return rows[0]?.input ?? null;
}

export async function getCaseForUpdate(tx: Tx, id: string) {
  return (await tx.select().from(cases).where(eq(cases.id, id)))[0] ?? null;
}

/**
 * Row lock for reactions that must see every sibling's effect: two children of one bundle moving in two
 * transactions queue on their parent instead of one failing its compare-and-set.
 */
export async function lockCase(tx: Tx, id: string) {
  return (await tx.select().from(cases).where(eq(cases.id, id)).for('update'))[0] ?? null;
}

/** Compare-and-set: succeeds only if nobody moved the case since we read it. */
export async function casState(tx: Tx, id: string, fromState: string, fromVersion: number, patch: Partial<CaseRow>): Promise<CaseRow | null> {
  const rows = await tx.update(cases).set({ ...patch, version: fromVersion + 1 })
    .where(and(eq(cases.id, id), eq(cases.state, fromState), eq(cases.version, fromVersion)))
    .returning();
  return rows[0] ?? null;
}

/** Merges facts into a case's `data` (read by guards and clock limits), e.g. {extended: true}. */
export async function mergeData(tx: Tx, id: string, patch: Record<string, unknown>): Promise<string | null> {
  const [row] = await tx.update(cases).set({ data: sql`${cases.data} || ${JSON.stringify(patch)}::jsonb` }).where(eq(cases.id, id)).returning({ type: cases.type });
  markTouched(tx, id);
  return row?.type ?? null;
}
function markTouched(tx: Tx, id: string) {
  let ids = touched.get(tx);
  if (!ids) touched.set(tx, (ids = new Set()));
  ids.add(id);
}

// Cases whose data a hook changed in this transaction: the runner re-reads only those before answering.
const touched = new WeakMap<Tx, Set<string>>();
export const dataChangedIn = (tx: Tx, id: string) => touched.get(tx)?.has(id) ?? false;

/** Hands the case to another org (dispatch, return): scope checks and the 工作台 follow org_id. */
export async function setOrg(tx: Tx, id: string, orgId: string) {
  await tx.update(cases).set({ orgId }).where(eq(cases.id, id));
  markTouched(tx, id);
}

export async function setDueDates(tx: Tx, id: string, d: { dueDate: string | null; primaryDue?: string | null; primaryStopped?: string | null }): Promise<CaseRow> {
  return (await tx.update(cases).set(d).where(eq(cases.id, id)).returning())[0];
}

export async function appendEvent(tx: Tx, row: Omit<typeof caseEvents.$inferInsert, 'seq'>) {
  // The next number is taken in the same statement; the case row's compare-and-set (or its insert)
  // already serialises writers of one case, so two events never read the same max.
  await tx.insert(caseEvents).values({
    ...row, seq: sql`(SELECT coalesce(max(${caseEvents.seq}), 0) + 1 FROM ${caseEvents} WHERE ${caseEvents.caseId} = ${row.caseId})`,
  });
}

export const listEvents = (tx: Tx, caseId: string) =>
  tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));

export const listClocks = (tx: Tx, caseIds: string[]) =>
  caseIds.length === 0 ? Promise.resolve([] as ClockRow[]) :
    tx.select().from(caseClocks).where(inArray(caseClocks.caseId, caseIds)).orderBy(asc(caseClocks.caseId), asc(caseClocks.name));

/** Writes a case's changed clocks in one statement (insert new ones, overwrite existing by name). */
export async function upsertClocks(tx: Tx, rows: (typeof caseClocks.$inferInsert)[]) {
  if (rows.length === 0) return;
  const excluded = (c: { name: string }) => sql.raw(`excluded.${c.name}`);
  const { label, unit, limitDays, legalBasis, primary, warnBefore, state, startedOn, dueDate, provisional, stoppedOn, calendarVersion, pauses, extensions, derivation, warnedAt, overdueAt, divisionCode } = caseClocks;
  const set = Object.fromEntries(Object.entries({ label, unit, limitDays, legalBasis, primary, warnBefore, state, startedOn, dueDate, provisional, stoppedOn, calendarVersion, pauses, extensions, derivation, warnedAt, overdueAt, divisionCode })
    .map(([k, col]) => [k, excluded(col)]));
  await tx.insert(caseClocks).values(rows).onConflictDoUpdate({ target: [caseClocks.caseId, caseClocks.name], set });
}

export async function updateClock(tx: Tx, id: string, patch: Partial<ClockRow>, onlyIf?: SQL) {
  const rows = await tx.update(caseClocks).set(patch).where(and(eq(caseClocks.id, id), onlyIf)).returning({ id: caseClocks.id });
  return rows.length > 0;
}

// Org names change rarely and every case list shows them: keep them a minute (renames in this process
// forget them at once; another app server shows a renamed org's old name for at most a minute).
const orgNameCache = new Map<string, { name: string; until: number }>();
export const forgetOrgNames = () => orgNameCache.clear();
export const orgNames = async (tx: Tx, ids: string[]) => {
  const out = new Map<string, string>();
  const now = Date.now();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = orgNameCache.get(id);
    if (hit && hit.until > now) out.set(id, hit.name); else missing.push(id);
  }
  if (missing.length) {
    const rows = await tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, missing));
    for (const r of rows) { out.set(r.id, r.name); orgNameCache.set(r.id, { name: r.name, until: now + 60_000 }); }
  }
  return out;
};

/** Pending cases for the 工作台: open, matching the actor's (scope × type × states) filter, by due date. */
/** A clerk handed a receipt looks the case up by its number, or by the applicant's name or the title. */
export function keywordFilter(keyword: string | undefined): SQL | undefined {
  if (!keyword) return undefined;
  const like = `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(cases.refNo, like), ilike(cases.title, like), ilike(cases.applicantName, like));
}

/** The filters of a case list (CaseListQuery): state, org, township, filing dates, overdue as of `today`. */
export function listFilter(q: { q?: string; state?: string; orgId?: string; divisionCode?: string; from?: string; to?: string; overdue?: 'true' | 'false' }, today: string): SQL | undefined {
  return and(
    keywordFilter(q.q),
    q.state ? eq(cases.state, q.state) : undefined,
    q.orgId ? eq(cases.orgId, q.orgId) : undefined,
    q.divisionCode ? inDivision(cases.divisionCode, q.divisionCode) : undefined,
    q.from ? sql`${cases.createdAt} >= ${dayStart(q.from)}::timestamptz` : undefined,
    q.to ? sql`${cases.createdAt} < ${dayEnd(q.to)}::timestamptz` : undefined,
    // Overdue: closed after its primary due date, or still open past it.
    q.overdue === 'true' ? sql`${cases.primaryDue} IS NOT NULL AND (${cases.primaryStopped} > ${cases.primaryDue} OR (${cases.primaryStopped} IS NULL AND ${cases.primaryDue} < ${today}::date))` : undefined,
  );
}

export async function listPending(tx: Tx, filter: SQL, page: number, pageSize: number, keyword?: string) {
  const where = and(isNull(cases.closedAt), filter, keywordFilter(keyword));
  const items = await tx.select().from(cases).where(where)
    .orderBy(sql`${cases.dueDate} ASC NULLS LAST`, asc(cases.createdAt))
    .limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(where);
  return { items, total: n };
}

/** Makes existing cases children of `parentId`, with the parent's applicant name when given. */
export async function setParent(tx: Tx, parentId: string, childIds: string[], patch: { applicantName?: string | null } = {}) {
  if (childIds.length) await tx.update(cases).set({ parentId, ...patch }).where(inArray(cases.id, childIds));
}

/** A parent's child cases (a bundle's applications), in filing order. */
export const listChildren = (tx: Tx, parentId: string) =>
  tx.select().from(cases).where(eq(cases.parentId, parentId)).orderBy(asc(cases.createdAt), asc(cases.refNo));

/** An applicant's own top-level cases: a child appears under its parent, not beside it. */
export const ownCases = (applicantId: string) => and(eq(cases.applicantId, applicantId), isNull(cases.parentId))!;

export async function listCases(tx: Tx, where: SQL | undefined, page: number, pageSize: number) {
  const items = await tx.select().from(cases).where(where).orderBy(sql`${cases.createdAt} DESC`).limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(where);
  return { items, total: n };
}

/**
 * Running clocks that need the scanner: a warning not yet sent inside the warning window, an overdue
 * mark not yet made, or no due date under an older calendar version (a new year was published since).
 */
/**
 * Clocks whose due date must be derived again because the calendar moved on: a running clock whose due
 * date waited, and every provisional (预计) one, running or stopped (a stopped clock's due date decides
 * whether its case finished on time).
 */
export async function clocksToRederive(tx: Tx, calendarVersion: number, limit: number) {
  return tx.select().from(caseClocks)
    .where(and(sql`${caseClocks.calendarVersion} <> ${calendarVersion}`, sql`(${caseClocks.provisional} OR (${caseClocks.dueDate} IS NULL AND ${caseClocks.state} = 'running'))`))
    .limit(limit);
}

export async function clocksNeedingAttention(tx: Tx, today: string, warnUntil: string, calendarVersion: number, limit: number) {
  return tx.select({ clock: caseClocks, caseType: cases.type, orgId: cases.orgId }).from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(and(eq(caseClocks.state, 'running'), sql`(
      (${caseClocks.dueDate} IS NULL AND ${caseClocks.calendarVersion} <> ${calendarVersion}) OR
      (${caseClocks.warnedAt} IS NULL AND ${caseClocks.dueDate} <= ${warnUntil}) OR
      (${caseClocks.overdueAt} IS NULL AND ${caseClocks.dueDate} < ${today})
    )`))
    .orderBy(asc(caseClocks.dueDate)).limit(limit);
}

export const scope = { cases };
/** The scope columns of `cases` (core/server/access/scope.ts); the filer keeps sight of what they filed. */
export const caseScopeColumns = { division: cases.divisionCode, org: cases.orgId, owner: cases.applicantId, type: cases.type };
export const caseVisibleColumns = { ...caseScopeColumns, createdBy: cases.createdBy };

/** Adds to the day's rollup row (created on first use). */
export async function bumpDaily(tx: Tx, key: { divisionCode: string; orgId: string; type: string; day: string }, d: { received?: number; completed?: number; withClock?: number; onTime?: number }) {
  const v = { received: d.received ?? 0, completed: d.completed ?? 0, withClock: d.withClock ?? 0, onTime: d.onTime ?? 0 };
  // Every filing and completion of one org, type and day updates this row: lock it only at commit time.
  await beforeCommit(tx, async () => { await tx.insert(caseDaily).values({ ...key, ...v }).onConflictDoUpdate({
    target: [caseDaily.divisionCode, caseDaily.orgId, caseDaily.type, caseDaily.day],
    set: {
      received: sql`${caseDaily.received} + ${v.received}`, completed: sql`${caseDaily.completed} + ${v.completed}`,
      withClock: sql`${caseDaily.withClock} + ${v.withClock}`, onTime: sql`${caseDaily.onTime} + ${v.onTime}`,
    },
  }); });
}

/** Rebuilds rollups from the records (after a bulk load, or to repair). */
export async function rebuildDaily(tx: Tx, tz: string, where: SQL = sql`true`) {
  await tx.execute(sql`
    INSERT INTO case_daily (division_code, org_id, type, day, received, completed, with_clock, on_time)
    SELECT division_code, org_id, type, day, sum(r)::int, sum(c)::int, sum(w)::int, sum(o)::int FROM (
      SELECT division_code, org_id, type, (created_at AT TIME ZONE ${tzSql(tz)})::date AS day, 1 AS r, 0 AS c, 0 AS w, 0 AS o FROM cases WHERE ${where}
      UNION ALL
      SELECT division_code, org_id, type, (closed_at AT TIME ZONE ${tzSql(tz)})::date, 0, 1,
        CASE WHEN primary_due IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN primary_stopped <= primary_due THEN 1 ELSE 0 END
      FROM cases WHERE closed_at IS NOT NULL AND ${where}
    ) x GROUP BY division_code, org_id, type, day
    ON CONFLICT (division_code, org_id, type, day) DO UPDATE SET
      received = case_daily.received + excluded.received, completed = case_daily.completed + excluded.completed,
      with_clock = case_daily.with_clock + excluded.with_clock, on_time = case_daily.on_time + excluded.on_time`);
}

// ---- links between cases ----

/** Records a link once (a second identical link is no change). */
export async function insertLink(tx: Tx, row: typeof caseLinks.$inferInsert): Promise<boolean> {
  return (await tx.insert(caseLinks).values(row).onConflictDoNothing().returning({ id: caseLinks.id })).length > 0;
}

/** Both directions of a case's links, with the case at the other end, in one query. */
export async function linksOf(tx: Tx, caseId: string) {
  const rows = await tx.select({ kind: caseLinks.kind, fromCaseId: caseLinks.fromCaseId, other: cases }).from(caseLinks)
    .innerJoin(cases, sql`${cases.id} = CASE WHEN ${caseLinks.fromCaseId} = ${caseId} THEN ${caseLinks.toCaseId} ELSE ${caseLinks.fromCaseId} END`)
    .where(or(eq(caseLinks.fromCaseId, caseId), eq(caseLinks.toCaseId, caseId)));
  return rows.map(({ kind, fromCaseId, other }) => ({ kind, other, direction: fromCaseId === caseId ? 'out' as const : 'in' as const }));
}

// ---- bulk loading (case.bulk.ts) ----

/**
 * Takes `count` numbers for each key at once and returns the first of each: one statement for a whole
 * chunk of bulk-loaded cases instead of one counter round trip per case.
 */
export async function takeSequences(tx: Tx, counts: Map<string, number>): Promise<Map<string, number>> {
  if (counts.size === 0) return new Map();
  const rows = await tx.insert(sequences).values([...counts].map(([key, value]) => ({ key, value })))
    .onConflictDoUpdate({ target: sequences.key, set: { value: sql`${sequences.value} + excluded.value` } })
    .returning({ key: sequences.key, value: sequences.value });
  return new Map(rows.map((r) => [r.key, Number(r.value) - counts.get(r.key)! + 1]));
}

/** Writes bulk-loaded cases with their timelines and clocks, each table set-based. */
export async function insertLoaded(tx: Tx, rows: { cases: (typeof cases.$inferInsert)[]; events: (typeof caseEvents.$inferInsert)[]; clocks: (typeof caseClocks.$inferInsert)[] }) {
  await insertRecords(tx, cases, rows.cases);
  await insertRecords(tx, caseEvents, rows.events);
  await insertRecords(tx, caseClocks, rows.clocks);
}
