/** SQL of 预约: slots, bookings and the counter's day list. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { inDivision, orgs, type RecordSet, type Tx, labelled, orgNameOf } from '../../../core/server';
import { appointments, appointmentSlots } from './appointments.tables';
import { itemOf } from '../../catalog/public';
import { APPOINTMENT_STATUS, SLOT_KINDS } from '../shared/appointments.schema';

import type { SlotRow, AppointmentRow } from './appointments.tables';
export type { SlotRow, AppointmentRow };

export async function insertSlot(tx: Tx, row: typeof appointmentSlots.$inferInsert) {
  return (await tx.insert(appointmentSlots).values(row).onConflictDoNothing().returning())[0] ?? null;
}
export const getSlot = async (tx: Tx, id: string) => (await tx.select().from(appointmentSlots).where(eq(appointmentSlots.id, id)))[0] ?? null;
export function slotsOf(tx: Tx, orgId: string, day: string) {
  return tx.select().from(appointmentSlots).where(and(eq(appointmentSlots.orgId, orgId), eq(appointmentSlots.day, day))).orderBy(asc(appointmentSlots.startTime), asc(appointmentSlots.kind));
}
/** Days from `from` on that have at least one slot with a free place. */
export async function daysWithRoom(tx: Tx, orgId: string, from: string, limit = 14) {
  const rows = await tx.selectDistinct({ day: appointmentSlots.day }).from(appointmentSlots)
    .where(and(eq(appointmentSlots.orgId, orgId), sql`${appointmentSlots.day} >= ${from}`, sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`))
    .orderBy(asc(appointmentSlots.day)).limit(limit);
  return rows.map((r) => r.day);
}

/**
 * Take one place: a compare-and-set on the live count. Under concurrency the second booking of the last
 * place re-reads the row after the first commits, finds it full and changes nothing (0 rows).
 */
export async function takePlace(tx: Tx, slotId: string) {
  return (await tx.update(appointmentSlots).set({ booked: sql`${appointmentSlots.booked} + 1` })
    .where(and(eq(appointmentSlots.id, slotId), sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`)).returning())[0] ?? null;
}
export async function releasePlace(tx: Tx, slotId: string) {
  await tx.update(appointmentSlots).set({ booked: sql`greatest(${appointmentSlots.booked} - 1, 0)` }).where(eq(appointmentSlots.id, slotId));
}

export async function insertAppointment(tx: Tx, row: typeof appointments.$inferInsert) {
  await tx.insert(appointments).values(row);
}
export const getAppointment = async (tx: Tx, id: string) => (await tx.select().from(appointments).where(eq(appointments.id, id)))[0] ?? null;
export const getAppointmentByCode = async (tx: Tx, code: string) => (await tx.select().from(appointments).where(eq(appointments.code, code)))[0] ?? null;
/** Status change guarded by the current status (compare-and-set). */
export async function setStatus(tx: Tx, id: string, from: string, patch: Partial<typeof appointments.$inferInsert>) {
  return (await tx.update(appointments).set(patch).where(and(eq(appointments.id, id), eq(appointments.status, from))).returning({ id: appointments.id })).length === 1;
}

/** One org's day: every booking with its slot and item. */
export function dayList(tx: Tx, orgIds: string[], day: string) {
  if (!orgIds.length) return Promise.resolve([]);
  const item = itemOf();
  return tx.select({ a: appointments, slot: appointmentSlots, itemName: item.name, orgName: orgs.name }).from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(orgs, eq(orgs.id, appointments.orgId))
    .leftJoin(item, eq(item.id, appointments.itemId))
    .where(and(inArray(appointments.orgId, orgIds), eq(appointments.day, day)))
    .orderBy(asc(appointmentSlots.startTime), asc(appointments.createdAt));
}

/** Service halls and township/village sites of a county that take bookings. */
export function bookableOrgs(tx: Tx, divisionCode: string) {
  return tx.select({ id: orgs.id, name: orgs.name, divisionCode: orgs.divisionCode, kind: orgs.kind }).from(orgs)
    .where(and(inArray(orgs.kind, ['service_center', 'service_site']), inDivision(orgs.divisionCode, divisionCode)))
    .orderBy(asc(orgs.divisionCode), asc(orgs.sort));
}

/** Live bookings (not cancelled) whose day falls in the period, optionally of one kind. */

/**
 * The bookings behind the 预约 figures (live ones, by the day booked for), as a record set: the person is
 * shown as the counter sees them on the list (surname and the phone's last four), not in full.
 */
export const bookingsRecordSet = (kind?: string): RecordSet => ({
  table: appointments,
  scope: { division: appointments.divisionCode, org: appointments.orgId },
  permission: ['metrics.read', 'appointment.manage'],
  columns: [
    { key: 'code', label: '预约号', value: appointments.code },
    { key: 'day', label: '办理日期', value: appointments.day },
    { key: 'kind', label: '服务方式', value: labelled(appointments.kind, SLOT_KINDS) },
    { key: 'site', label: '服务场所', value: orgNameOf(appointments.orgId) },
    { key: 'person', label: '预约人', value: sql`left(${appointments.name}, 1) || repeat('＊', greatest(char_length(${appointments.name}) - 1, 1))` },
    { key: 'phone', label: '手机尾号', value: appointments.phoneLast4 },
    { key: 'status', label: '状态', value: labelled(appointments.status, APPOINTMENT_STATUS) },
  ],
  where: (q) => and(
    inDivision(appointments.divisionCode, q.divisionCode), q.orgId ? eq(appointments.orgId, q.orgId) : undefined,
    sql`${appointments.day} BETWEEN ${q.from} AND ${q.to}`, sql`${appointments.status} <> 'cancelled'`,
    kind ? eq(appointments.kind, kind) : undefined,
  ),
  orderBy: sql`${appointments.day}, ${appointments.code}`,
});

export async function countBookings(tx: Tx, q: { divisionCode: string; orgId?: string; from: string; to: string }, kind?: string) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(appointments).where(and(
    inDivision(appointments.divisionCode, q.divisionCode), q.orgId ? eq(appointments.orgId, q.orgId) : undefined,
    sql`${appointments.day} BETWEEN ${q.from} AND ${q.to}`, sql`${appointments.status} <> 'cancelled'`,
    kind ? eq(appointments.kind, kind) : undefined,
  ));
  return n;
}
export async function bookingsByOrg(tx: Tx, q: { divisionCode: string; from: string; to: string }, kind?: string) {
  return tx.select({ orgId: appointments.orgId, n: sql<number>`count(*)::int` }).from(appointments).where(and(
    inDivision(appointments.divisionCode, q.divisionCode), sql`${appointments.day} BETWEEN ${q.from} AND ${q.to}`,
    sql`${appointments.status} <> 'cancelled'`, kind ? eq(appointments.kind, kind) : undefined,
  )).groupBy(appointments.orgId);
}
