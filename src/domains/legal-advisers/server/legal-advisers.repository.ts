/** All SQL of legal-advisers: the roster, appointments, work logs and the figures over them. */
import { and, asc, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { divisions, inDivision, type RecordSet, type ScopeColumns, type Tx, uniqueOr409 } from '../../../core/server';
import { WORK_KINDS, type WorkKind } from '../shared/legal-advisers.labels';
import { advisers, appointments, workLogs, type AdviserRow, type WorkLogRow } from './legal-advisers.tables';

export type { AdviserRow, WorkLogRow };

export const insertAdviser = (tx: Tx, row: typeof advisers.$inferInsert) => uniqueOr409(() => tx.insert(advisers).values(row), `执业证号${row.licenceNo}已登记`);
export async function insertAdvisers(tx: Tx, rows: (typeof advisers.$inferInsert)[]) { if (rows.length) await tx.insert(advisers).values(rows); }
export const getAdviser = async (tx: Tx, id: string) => (await tx.select().from(advisers).where(eq(advisers.id, id)))[0] ?? null;
export const adviserOfUser = async (tx: Tx, userId: string) => (await tx.select().from(advisers).where(eq(advisers.userId, userId)))[0] ?? null;
export const hasDemo = async (tx: Tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(advisers).where(eq(advisers.isDemo, true)))[0].n > 0;
export const adviserScope: ScopeColumns = { division: advisers.divisionCode, org: advisers.orgId };
export const listAdvisers = (tx: Tx, where: SQL) => tx.select().from(advisers).where(where).orderBy(asc(advisers.name));

export async function insertAppointments(tx: Tx, rows: (typeof appointments.$inferInsert)[]) { if (rows.length) await tx.insert(appointments).values(rows); }
export const appointmentsOf = (tx: Tx, adviserIds: string[]) =>
  adviserIds.length ? tx.select({ a: appointments, villageName: divisions.name }).from(appointments).innerJoin(divisions, eq(divisions.code, appointments.divisionCode))
    .where(sql`${appointments.adviserId} IN (${sql.join(adviserIds.map((i) => sql`${i}::uuid`), sql`, `)})`).orderBy(asc(appointments.startOn)) : Promise.resolve([]);
/** The appointment that lets `adviserId` serve `village` on `on`, if any. */
export async function servingAppointment(tx: Tx, adviserId: string, village: string, on: string) {
  return (await tx.select().from(appointments).where(and(eq(appointments.adviserId, adviserId), eq(appointments.divisionCode, village), lte(appointments.startOn, on), gte(appointments.endOn, on))))[0] ?? null;
}
export async function overlapping(tx: Tx, adviserId: string, village: string, from: string, to: string) {
  return (await tx.select().from(appointments).where(and(eq(appointments.adviserId, adviserId), eq(appointments.divisionCode, village), lte(appointments.startOn, to), gte(appointments.endOn, from))))[0] ?? null;
}

export const logScope: ScopeColumns = { division: workLogs.divisionCode, owner: workLogs.ownerId, createdBy: workLogs.createdBy };
export async function insertLogs(tx: Tx, rows: (typeof workLogs.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(workLogs).values(rows.slice(i, i + 1000));
}
export const getLog = async (tx: Tx, id: string) => (await tx.select().from(workLogs).where(eq(workLogs.id, id)))[0] ?? null;
export const listLogs = (tx: Tx, where: SQL, limit: number) =>
  tx.select({ l: workLogs, villageName: divisions.name, adviserName: advisers.name }).from(workLogs)
    .innerJoin(divisions, eq(divisions.code, workLogs.divisionCode)).innerJoin(advisers, eq(advisers.id, workLogs.adviserId))
    .where(where).orderBy(desc(workLogs.servedOn), desc(workLogs.createdAt)).limit(limit);
export const logsIn = (q: { from: string; to: string }, unconfirmed?: boolean) =>
  and(sql`${workLogs.servedOn} BETWEEN ${q.from}::date AND ${q.to}::date`, unconfirmed ? isNull(workLogs.confirmedAt) : undefined)!;
export const visibleLogs = (scope: SQL, q: { from: string; to: string }, unconfirmed?: boolean) => and(scope, logsIn(q, unconfirmed))!;
/** Confirms once: a second confirmation (or two at once) finds no unconfirmed row. */
export async function confirmLog(tx: Tx, id: string, by: { id: string | null; name: string }, at: Date) {
  const r = await tx.update(workLogs).set({ confirmedAt: at, confirmedBy: by.id, confirmedByName: by.name }).where(and(eq(workLogs.id, id), isNull(workLogs.confirmedAt))).returning({ id: workLogs.id });
  return r.length > 0;
}

// ---- figures ----
export type Scope = { divisionCode: string; from: string; to: string };
const counted = (q: Scope, kind: WorkKind, includeUnconfirmed: boolean) =>
  and(inDivision(workLogs.divisionCode, q.divisionCode), eq(workLogs.kind, kind), sql`${workLogs.servedOn} BETWEEN ${q.from}::date AND ${q.to}::date`, includeUnconfirmed ? undefined : sql`${workLogs.confirmedAt} IS NOT NULL`)!;
export const workRecordSet = (kind: WorkKind, includeUnconfirmed: boolean): RecordSet => ({
  table: workLogs,
  scope: logScope,
  permission: ['metrics.read', 'legalAdvisers.read'],
  columns: [
    { key: 'adviser', label: '法律顾问', value: sql`(SELECT ${advisers.name} FROM ${advisers} WHERE ${advisers.id} = ${workLogs.adviserId})` },
    { key: 'village', label: '村（社区）', value: sql`(SELECT ${divisions.name} FROM ${divisions} WHERE ${divisions.code} = ${workLogs.divisionCode})` },
    { key: 'servedOn', label: '服务日期', value: sql`${workLogs.servedOn}::text` },
    { key: 'kind', label: '类别', value: sql`${WORK_KINDS[kind].label}::text` },
    { key: 'subject', label: '事项', value: workLogs.subject },
    { key: 'confirmed', label: '村（社区）确认', value: sql`CASE WHEN ${workLogs.confirmedAt} IS NULL THEN '未确认' ELSE coalesce(${workLogs.confirmedByName}, '已确认') END` },
  ],
  where: (q) => counted(q, kind, includeUnconfirmed),
  orderBy: sql`${workLogs.servedOn} DESC, ${workLogs.id}`,
});

/** Advisers with an appointment in the division for some day of the period. */
const servingIn = (q: Scope) => sql`EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.adviserId} = ${advisers.id} AND ${inDivision(appointments.divisionCode, q.divisionCode)} AND ${appointments.startOn} <= ${q.to}::date AND ${appointments.endOn} >= ${q.from}::date)`;
export const adviserRecordSet: RecordSet = {
  table: advisers,
  scope: adviserScope,
  permission: ['metrics.read', 'legalAdvisers.read'],
  columns: [
    { key: 'name', label: '姓名', value: advisers.name },
    { key: 'kind', label: '类别', value: advisers.kind },
    { key: 'firm', label: '执业机构', value: advisers.firm },
    { key: 'licenceNo', label: '执业证号', value: advisers.licenceNo },
    { key: 'villages', label: '服务村（社区）', value: sql`(SELECT string_agg(d.name, '、') FROM ${appointments} a JOIN ${divisions} d ON d.code = a.division_code WHERE a.adviser_id = ${advisers.id})` },
  ],
  where: (q) => servingIn(q),
  orderBy: sql`${advisers.name}, ${advisers.id}`,
};
