import { pgTable, uuid, text, integer, boolean, index, uniqueIndex, timestamp, date } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgs } from '../../../core/server';
// A booking may name the catalog item it is for (decision 005).
import { serviceItemId } from '../../catalog/public-tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 预约 time slots of a hall or service site: regular counter hours, 延时服务 (extended hours, e.g. lunch
 * break, evenings, weekends) and 上门服务 (home visits). `booked` is the live count, raised by a
 * compare-and-set (booked < capacity), so two people cannot take the last place.
 */
export const appointmentSlots = pgTable('appointment_slots', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  counterId: uuid('counter_id'),
  divisionCode: text('division_code').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  startTime: text('start_time').notNull(), // HH:MM
  endTime: text('end_time').notNull(),
  kind: text('kind').notNull(), // regular | extendedHours | homeVisit
  capacity: integer('capacity').notNull(),
  booked: integer('booked').notNull().default(0),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('appointment_slots_uq').on(t.orgId, t.day, t.startTime, t.kind),
  index('appointment_slots_day_idx').on(t.divisionCode, t.day),
]);
export type SlotRow = typeof appointmentSlots.$inferSelect;

/** A booking of one slot. One live booking per person per slot (partial unique index). */
export const appointments = pgTable('appointments', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  slotId: uuid('slot_id').notNull().references(() => appointmentSlots.id),
  itemId: uuid('item_id').references(serviceItemId),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  kind: text('kind').notNull(),
  userId: uuid('user_id'),
  /** HMAC of the id number: the same person cannot hold two places in one slot. */
  personKey: text('person_key').notNull(),
  name: text('name').notNull(),
  phoneEnc: text('phone_enc').notNull(),
  phoneLast4: text('phone_last4').notNull(),
  address: text('address'),
  note: text('note'),
  status: text('status').notNull(), // booked | cancelled | arrived | missed
  createdAt: ts('created_at').notNull(),
  cancelledAt: ts('cancelled_at'),
  arrivedAt: ts('arrived_at'),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [
  uniqueIndex('appointments_code_uq').on(t.code),
  uniqueIndex('appointments_person_slot_uq').on(t.slotId, t.personKey).where(sql`status <> 'cancelled'`),
  index('appointments_day_idx').on(t.divisionCode, t.day),
  index('appointments_created_idx').on(t.createdAt),
]);
export type AppointmentRow = typeof appointments.$inferSelect;
