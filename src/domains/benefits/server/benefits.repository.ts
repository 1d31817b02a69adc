/** The benefits domain's SQL (every function takes `tx`). */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { cases, inDivision, type MetricScope, orgs, type RecordSet, type Tx, users, dayStart, dayEnd } from '../../../core/server';
import type { Facts } from '../shared/benefits.facts';
import {
  batches, facts, ledger, objections, payoutBatches, policyVersions, results, scans, subjects,
  type LedgerRow, type ObjectionRow, type ResultRow, type ScanRow, type SubjectRow, type VersionRow,
} from './benefits.tables';

// ---------------------------------------------------------------- register
export const insertBatch = (tx: Tx, row: typeof batches.$inferInsert) => tx.insert(batches).values(row);
export const listBatches = (tx: Tx, divisionCode: string) =>
  tx.select().from(batches).where(inDivision(batches.divisionCode, divisionCode)).orderBy(desc(batches.createdAt)).limit(50);

export async function subjectsByHash(tx: Tx, hashes: string[]): Promise<Map<string, SubjectRow>> {
  const out = new Map<string, SubjectRow>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = await tx.select().from(subjects).where(inArray(subjects.codeHash, hashes.slice(i, i + 1000)));
    for (const r of rows) out.set(r.codeHash, r);
  }
  return out;
}
export async function insertSubjects(tx: Tx, rows: (typeof subjects.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(subjects).values(rows.slice(i, i + 500));
}
export async function insertFacts(tx: Tx, rows: (typeof facts.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(facts).values(rows.slice(i, i + 1000));
}
export const getSubject = async (tx: Tx, id: string) => (await tx.select().from(subjects).where(eq(subjects.id, id)))[0] ?? null;
export const subjectByHash = async (tx: Tx, hash: string) => (await tx.select().from(subjects).where(eq(subjects.codeHash, hash)))[0] ?? null;
export const countSubjects = async (tx: Tx, divisionCode: string, kind?: string) =>
  (await tx.select({ n: sql<number>`count(*)::int` }).from(subjects).where(and(inDivision(subjects.divisionCode, divisionCode), kind ? eq(subjects.kind, kind) : undefined)))[0].n;

export async function listSubjects(tx: Tx, divisionCode: string, kind: string, afterId: string | null, limit: number): Promise<SubjectRow[]> {
  return tx.select().from(subjects)
    .where(and(inDivision(subjects.divisionCode, divisionCode), eq(subjects.kind, kind), afterId ? sql`${subjects.id} > ${afterId}` : undefined))
    .orderBy(asc(subjects.id)).limit(limit);
}

export async function searchSubjects(tx: Tx, divisionCode: string, q: string | undefined, limit: number, offset: number) {
  const where = and(inDivision(subjects.divisionCode, divisionCode), q ? sql`(${subjects.name} LIKE ${`%${q}%`} OR ${subjects.codeShown} = ${q})` : undefined);
  const rows = await tx.select().from(subjects).where(where).orderBy(asc(subjects.name)).limit(limit).offset(offset);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(subjects).where(where);
  return { rows, total: n };
}

/** Each subject's facts at the snapshot: per key the latest value as of ≤ snapshot (a later correction of the same date wins). */
export async function factsAt(tx: Tx, subjectIds: string[], snapshot: string): Promise<Map<string, Facts>> {
  const out = new Map<string, Facts>(subjectIds.map((id) => [id, {}]));
  if (!subjectIds.length) return out;
  const rows = await tx.selectDistinctOn([facts.subjectId, facts.key], { subjectId: facts.subjectId, key: facts.key, value: facts.value })
    .from(facts).where(and(inArray(facts.subjectId, subjectIds), sql`${facts.asOf} <= ${snapshot}`))
    .orderBy(facts.subjectId, facts.key, desc(facts.asOf), desc(facts.createdAt));
  for (const r of rows) out.get(r.subjectId)![r.key] = r.value;
  return out;
}

/** The fact rows behind one subject's snapshot, with source, as-of date and batch (the audit of a figure). */
export async function factRowsAt(tx: Tx, subjectId: string, snapshot: string) {
  return tx.selectDistinctOn([facts.key], { key: facts.key, value: facts.value, source: facts.source, asOf: facts.asOf, batchId: facts.batchId })
    .from(facts).where(and(eq(facts.subjectId, subjectId), sql`${facts.asOf} <= ${snapshot}`))
    .orderBy(facts.key, desc(facts.asOf), desc(facts.createdAt));
}

// ---------------------------------------------------------------- policies
export const insertVersion = (tx: Tx, row: typeof policyVersions.$inferInsert) => tx.insert(policyVersions).values(row);
export async function insertVersions(tx: Tx, rows: (typeof policyVersions.$inferInsert)[]) { if (rows.length) await tx.insert(policyVersions).values(rows); }
export const versionsOf = (tx: Tx, caseId: string) => tx.select().from(policyVersions).where(eq(policyVersions.caseId, caseId)).orderBy(desc(policyVersions.version));
export const getVersion = async (tx: Tx, id: string) => (await tx.select().from(policyVersions).where(eq(policyVersions.id, id)))[0] ?? null;
export const updateVersion = (tx: Tx, id: string, patch: Partial<VersionRow>) => tx.update(policyVersions).set(patch).where(eq(policyVersions.id, id));
/** Another policy (not `exceptCaseId`) in the division that has used this 事项编号 in any version. */
export async function policyWithCode(tx: Tx, divisionCode: string, code: string, exceptCaseId: string | null): Promise<{ caseId: string; name: string } | null> {
  const [row] = await tx.select({ caseId: policyVersions.caseId, name: policyVersions.name }).from(policyVersions).where(and(
    eq(policyVersions.divisionCode, divisionCode), eq(policyVersions.code, code),
    exceptCaseId ? sql`${policyVersions.caseId} <> ${exceptCaseId}` : undefined,
  )).limit(1);
  return row ?? null;
}
export const supersedePublished = (tx: Tx, caseId: string) =>
  tx.update(policyVersions).set({ status: 'superseded' }).where(and(eq(policyVersions.caseId, caseId), eq(policyVersions.status, 'published')));

/** Published versions in force on the snapshot date (validity window), in the division. */
export async function versionsInForce(tx: Tx, divisionCode: string, snapshot: string): Promise<VersionRow[]> {
  return tx.select().from(policyVersions).where(and(
    inDivision(policyVersions.divisionCode, divisionCode), eq(policyVersions.status, 'published'),
    sql`${policyVersions.validFrom} <= ${snapshot}`, sql`(${policyVersions.validTo} IS NULL OR ${policyVersions.validTo} >= ${snapshot})`,
  )).orderBy(asc(policyVersions.code));
}

// ---------------------------------------------------------------- scans and results
export const insertScan = (tx: Tx, row: typeof scans.$inferInsert) => tx.insert(scans).values(row);
export const getScan = async (tx: Tx, id: string): Promise<ScanRow | null> => (await tx.select().from(scans).where(eq(scans.id, id)))[0] ?? null;
export const updateScan = (tx: Tx, id: string, patch: Partial<ScanRow>) => tx.update(scans).set(patch).where(eq(scans.id, id));
export const listScans = (tx: Tx, divisionCode: string) =>
  tx.select().from(scans).where(and(inDivision(scans.divisionCode, divisionCode), sql`${scans.sandboxVersionId} IS NULL`)).orderBy(desc(scans.createdAt)).limit(20);

export async function insertResults(tx: Tx, rows: (typeof results.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(results).values(rows.slice(i, i + 500));
}
export const getResult = async (tx: Tx, id: string): Promise<ResultRow | null> => (await tx.select().from(results).where(eq(results.id, id)))[0] ?? null;
export const updateResult = (tx: Tx, id: string, patch: Partial<ResultRow>) => tx.update(results).set(patch).where(eq(results.id, id));

/** Older unpaid results of these versions are no longer current once a new county scan has run. */
export async function retireOlderResults(tx: Tx, divisionCode: string, scanId: string, versionIds: string[]) {
  if (!versionIds.length) return;
  await tx.update(results).set({ current: false }).where(and(
    inDivision(results.divisionCode, divisionCode), inArray(results.versionId, versionIds), sql`${results.scanId} <> ${scanId}`, eq(results.current, true),
    sql`(${results.payState} IS NULL OR ${results.payState} IN ('awaitingApplication', 'publicity', 'awaitingConfirmation'))`,
  ));
}

/** Subjects already paid (net positive) under any version of these policy cases, with the year paid. */
export async function paidHistory(tx: Tx, caseIds: string[]): Promise<{ caseId: string; subjectId: string; year: number }[]> {
  if (!caseIds.length) return [];
  return tx.select({ caseId: policyVersions.caseId, subjectId: ledger.subjectId, year: sql<number>`max(extract(year from ${ledger.paidOn}))::int` })
    .from(ledger).innerJoin(policyVersions, eq(policyVersions.id, ledger.versionId))
    .where(inArray(policyVersions.caseId, caseIds)).groupBy(policyVersions.caseId, ledger.subjectId).having(sql`sum(${ledger.amountFen}) > 0`);
}

/**
 * What a policy has already committed against its budget: the ledger's net payments under any of its
 * versions (in `year` when the budget is a year's), plus what current eligible results in the given pay
 * states still owe (their amount less what they were paid). `exceptResultId` leaves out the result a
 * re-run replaces.
 */
export async function committedFen(tx: Tx, caseId: string, year: number | null, payStates: string[], exceptResultId: string | null = null): Promise<number> {
  const ofCase = sql`${ledger.versionId} IN (SELECT ${policyVersions.id} FROM ${policyVersions} WHERE ${policyVersions.caseId} = ${caseId})`;
  const paid = await tx.select({ s: sql<string>`coalesce(sum(${ledger.amountFen}), 0)::text` }).from(ledger)
    .where(and(ofCase, year === null ? undefined : sql`extract(year from ${ledger.paidOn}) = ${year}`));
  const owed = payStates.length ? await tx.select({ s: sql<string>`coalesce(sum(${results.amountFen} - coalesce((SELECT sum(${ledger.amountFen}) FROM ${ledger} WHERE ${ledger.resultId} = ${results.id}), 0)), 0)::text` })
    .from(results).where(and(
      sql`${results.versionId} IN (SELECT ${policyVersions.id} FROM ${policyVersions} WHERE ${policyVersions.caseId} = ${caseId})`,
      eq(results.current, true), eq(results.outcome, 'eligible'), inArray(results.payState, payStates),
      exceptResultId ? sql`${results.id} <> ${exceptResultId}` : undefined,
    )) : [{ s: '0' }];
  return Number(paid[0].s) + Number(owed[0].s);
}

/** Subjects holding a current eligible result that a new scan does not retire (account confirmed, not yet paid in full), per policy case. */
export async function heldResults(tx: Tx, caseIds: string[]): Promise<{ caseId: string; subjectId: string }[]> {
  if (!caseIds.length) return [];
  return tx.select({ caseId: policyVersions.caseId, subjectId: results.subjectId }).from(results).innerJoin(policyVersions, eq(policyVersions.id, results.versionId))
    .where(and(inArray(policyVersions.caseId, caseIds), eq(results.current, true), eq(results.outcome, 'eligible'), eq(results.payState, 'confirmed')));
}

/** Serialises the budget decisions of one policy (a scan's page and an objection's re-run) on its case row. */
export const lockPolicy = (tx: Tx, caseId: string) => tx.execute(sql`SELECT id FROM ${cases} WHERE id = ${caseId} FOR UPDATE`);

/** A county scan queued or running, if any. */
export const runningScan = async (tx: Tx, divisionCode: string): Promise<ScanRow | null> =>
  (await tx.select().from(scans).where(and(eq(scans.divisionCode, divisionCode), inArray(scans.state, ['queued', 'running']))).limit(1))[0] ?? null;

export type ResultView = ResultRow & { subjectName: string; subjectCode: string; subjectKind: string; policyName: string; policyCode: string; docNo: string; article: string; mode: string; version: number; caseId: string };
const resultCols = {
  r: results, subjectName: subjects.name, subjectCode: subjects.codeShown, subjectKind: subjects.kind, policyName: policyVersions.name, policyCode: policyVersions.code,
  docNo: policyVersions.docNo, article: policyVersions.article, mode: policyVersions.mode, version: policyVersions.version, caseId: policyVersions.caseId,
};
const flat = (rows: { r: ResultRow; subjectName: string; subjectCode: string; subjectKind: string; policyName: string; policyCode: string; docNo: string; article: string; mode: string; version: number; caseId: string }[]): ResultView[] =>
  rows.map(({ r, ...x }) => ({ ...r, ...x }));

export async function resultViews(tx: Tx, where: SQL | undefined, limit: number, offset = 0): Promise<{ rows: ResultView[]; total: number }> {
  const rows = await tx.select(resultCols).from(results)
    .innerJoin(subjects, eq(subjects.id, results.subjectId)).innerJoin(policyVersions, eq(policyVersions.id, results.versionId))
    .where(where).orderBy(asc(policyVersions.code), desc(results.amountFen), asc(subjects.name)).limit(limit).offset(offset);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(results)
    .innerJoin(subjects, eq(subjects.id, results.subjectId)).innerJoin(policyVersions, eq(policyVersions.id, results.versionId)).where(where);
  return { rows: flat(rows), total: n };
}
export { results as resultsTable, subjects as subjectsTable, policyVersions as versionsTable };

export async function scanTotals(tx: Tx, scanId: string) {
  return tx.select({ outcome: results.outcome, n: sql<number>`count(*)::int`, fen: sql<number>`coalesce(sum(${results.amountFen}), 0)::float8` })
    .from(results).where(and(eq(results.scanId, scanId), eq(results.current, true))).groupBy(results.outcome);
}

// ---------------------------------------------------------------- payouts
export const insertPayoutBatch = (tx: Tx, row: typeof payoutBatches.$inferInsert) => tx.insert(payoutBatches).values(row);
export const getPayoutBatch = async (tx: Tx, id: string) => (await tx.select().from(payoutBatches).where(eq(payoutBatches.id, id)))[0] ?? null;
export const updatePayoutBatch = (tx: Tx, id: string, patch: Partial<typeof payoutBatches.$inferInsert>) => tx.update(payoutBatches).set(patch).where(eq(payoutBatches.id, id));
export const listPayoutBatches = (tx: Tx, where: SQL | undefined) => tx.select().from(payoutBatches).where(where).orderBy(desc(payoutBatches.createdAt)).limit(100);
export async function insertLedger(tx: Tx, rows: (typeof ledger.$inferInsert)[]) { for (let i = 0; i < rows.length; i += 500) await tx.insert(ledger).values(rows.slice(i, i + 500)); }
export const ledgerOfBatch = (tx: Tx, batchId: string): Promise<LedgerRow[]> => tx.select().from(ledger).where(eq(ledger.batchId, batchId)).orderBy(asc(ledger.createdAt));
export const ledgerOfResult = (tx: Tx, resultId: string): Promise<LedgerRow[]> => tx.select().from(ledger).where(eq(ledger.resultId, resultId)).orderBy(asc(ledger.createdAt));
export const batchCount = async (tx: Tx, prefix: string) =>
  (await tx.select({ n: sql<number>`count(*)::int` }).from(payoutBatches).where(sql`${payoutBatches.no} LIKE ${`${prefix}%`}`))[0].n;

// ---------------------------------------------------------------- objections
export const insertObjection = (tx: Tx, row: typeof objections.$inferInsert) => tx.insert(objections).values(row);
export const getObjection = async (tx: Tx, caseId: string): Promise<ObjectionRow | null> => (await tx.select().from(objections).where(eq(objections.caseId, caseId)))[0] ?? null;
export const updateObjection = (tx: Tx, caseId: string, patch: Partial<ObjectionRow>) => tx.update(objections).set(patch).where(eq(objections.caseId, caseId));
export const openObjectionOf = async (tx: Tx, resultId: string) =>
  (await tx.select({ id: objections.caseId }).from(objections).innerJoin(cases, eq(cases.id, objections.caseId)).where(and(eq(objections.resultId, resultId), eq(cases.state, 'filed'))))[0] ?? null;

// ---------------------------------------------------------------- people
export const userIdNumberHash = async (tx: Tx, userId: string) => (await tx.select({ h: users.idNumberHash }).from(users).where(eq(users.id, userId)))[0]?.h ?? null;
/** Public accounts by 证件号码 hash: who receives the in-app notice. */
export async function accountsByHash(tx: Tx, hashes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = await tx.select({ id: users.id, h: users.idNumberHash }).from(users).where(and(eq(users.kind, 'public'), inArray(users.idNumberHash, hashes.slice(i, i + 1000))));
    for (const r of rows) if (r.h) out.set(r.h, r.id);
  }
  return out;
}
export const orgName = async (tx: Tx, id: string) => (await tx.select({ n: orgs.name }).from(orgs).where(eq(orgs.id, id)))[0]?.n ?? '';

// ---------------------------------------------------------------- figures
const periodDays = (col: SQL | typeof ledger.paidOn, q: MetricScope) => sql`${col} >= ${q.from} AND ${col} <= ${q.to}`;

export const policiesWhere = (q: MetricScope, noApplicationOnly = false) => and(
  inDivision(cases.divisionCode, q.divisionCode), eq(cases.type, 'benefitPolicy'), eq(cases.state, 'published'),
  noApplicationOnly ? sql`EXISTS (SELECT 1 FROM ${policyVersions} WHERE ${policyVersions.caseId} = ${cases.id} AND ${policyVersions.status} = 'published' AND ${policyVersions.mode} = '免申即享')` : undefined,
)!;
export const countCases = async (tx: Tx, where: SQL) => (await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(where))[0].n;

const paidSubjectsWhere = (q: MetricScope, kind: string) => and(inDivision(subjects.divisionCode, q.divisionCode), eq(subjects.kind, kind),
  sql`(SELECT coalesce(sum(${ledger.amountFen}), 0) FROM ${ledger} WHERE ${ledger.subjectId} = ${subjects.id} AND ${periodDays(ledger.paidOn, q)}) > 0`);
export const countPaidSubjects = async (tx: Tx, q: MetricScope, kind: string) =>
  (await tx.select({ n: sql<number>`count(*)::int` }).from(subjects).where(paidSubjectsWhere(q, kind)))[0].n;
export const paidSubjectsRecordSet = (kind: string): RecordSet => ({
  table: subjects,
  scope: { division: subjects.divisionCode },
  columns: [
    { key: 'name', label: kind === 'person' ? '姓名' : '企业名称', value: subjects.name },
    { key: 'code', label: kind === 'person' ? '身份证号（脱敏）' : '统一社会信用代码', value: subjects.codeShown },
    { key: 'paid', label: '累计兑现金额（元，含统计期外）', value: sql`(SELECT to_char(sum(${ledger.amountFen}) / 100.0, 'FM999999999990.00') FROM ${ledger} WHERE ${ledger.subjectId} = ${subjects.id})` },
  ],
  where: (q) => paidSubjectsWhere(q, kind),
  orderBy: sql`${subjects.name}, ${subjects.id}`,
});

const ledgerWhere = (q: MetricScope) => and(inDivision(ledger.divisionCode, q.divisionCode), periodDays(ledger.paidOn, q));
export const paidFen = async (tx: Tx, q: MetricScope) => Number((await tx.select({ s: sql<string>`coalesce(sum(${ledger.amountFen}), 0)::text` }).from(ledger).where(ledgerWhere(q)))[0].s);
export const ledgerRecordSet: RecordSet = {
  table: ledger,
  scope: { division: ledger.divisionCode, org: ledger.orgId },
  columns: [
    { key: 'subject', label: '兑现对象', value: sql`(SELECT ${subjects.name} FROM ${subjects} WHERE ${subjects.id} = ${ledger.subjectId})` },
    { key: 'policy', label: '政策（版本）', value: sql`(SELECT ${policyVersions.name} || '（第' || ${policyVersions.version} || '版）' FROM ${policyVersions} WHERE ${policyVersions.id} = ${ledger.versionId})` },
    { key: 'kind', label: '类型', value: sql`CASE WHEN ${ledger.kind} = 'reversal' THEN '冲回' ELSE '拨付' END` },
    { key: 'amount', label: '金额（元）', value: sql`to_char(${ledger.amountFen} / 100.0, 'FM999999999990.00')` },
    { key: 'paidOn', label: '拨付日期', value: sql`${ledger.paidOn}::text` },
    { key: 'batch', label: '拨付批次', value: sql`(SELECT ${payoutBatches.no} FROM ${payoutBatches} WHERE ${payoutBatches.id} = ${ledger.batchId})` },
  ],
  where: (q) => ledgerWhere(q),
  orderBy: sql`${ledger.paidOn} DESC, ${ledger.id}`,
};

export const objectionsWhere = (q: MetricScope) => and(inDivision(cases.divisionCode, q.divisionCode), eq(cases.type, 'benefitObjection'),
  sql`${cases.createdAt} >= ${dayStart(q.from)}::timestamptz AND ${cases.createdAt} < ${dayEnd(q.to)}::timestamptz`)!;

/** 应享未享 on `asOf`: current eligible results whose 公示 ended more than `days` days before and are not paid. */
export const unclaimedWhere = (divisionCode: string, asOf: string, days: number) => and(
  inDivision(results.divisionCode, divisionCode), eq(results.current, true), eq(results.outcome, 'eligible'),
  inArray(results.payState, ['publicity', 'awaitingConfirmation', 'confirmed']),
  sql`${results.publicityEnds} + ${days}::int < ${asOf}::date`,
);
export const countUnclaimed = async (tx: Tx, where: SQL | undefined) => (await tx.select({ n: sql<number>`count(*)::int` }).from(results).where(where))[0].n;
export const unclaimedRecordSet = (days: number): RecordSet => ({
  table: results,
  scope: { division: results.divisionCode, org: results.orgId },
  columns: [
    { key: 'subject', label: '兑现对象', value: sql`(SELECT ${subjects.name} FROM ${subjects} WHERE ${subjects.id} = ${results.subjectId})` },
    { key: 'policy', label: '政策', value: sql`(SELECT ${policyVersions.name} FROM ${policyVersions} WHERE ${policyVersions.id} = ${results.versionId})` },
    { key: 'amount', label: '应兑现金额（元）', value: sql`to_char(${results.amountFen} / 100.0, 'FM999999999990.00')` },
    { key: 'publicityEnds', label: '公示期满', value: sql`${results.publicityEnds}::text` },
  ],
  where: (q) => unclaimedWhere(q.divisionCode, q.to, days),
  orderBy: sql`${results.publicityEnds}, ${results.id}`,
});
