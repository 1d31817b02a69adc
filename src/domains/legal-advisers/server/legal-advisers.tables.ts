import { pgTable, uuid, text, boolean, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });
const created = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

/** A lawyer or 基层法律服务工作者 the justice bureau engages as 村（居）法律顾问. division_code: the county. */
export const advisers = pgTable('legal_advisers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  firm: text('firm').notNull(),
  licenceNo: text('licence_no').notNull(),
  phone: text('phone'),
  /** The adviser's own login (role villageAdviser), when they log work themselves. */
  userId: uuid('user_id'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: created(),
}, (t) => [uniqueIndex('legal_advisers_licence_idx').on(t.licenceNo), uniqueIndex('legal_advisers_user_idx').on(t.userId)]);
export type AdviserRow = typeof advisers.$inferSelect;

/** 聘任: an adviser appointed to one village or 社区 for a term. division_code: the village. */
export const appointments = pgTable('legal_adviser_appointments', {
  id: uuid('id').primaryKey(),
  adviserId: uuid('adviser_id').notNull(),
  divisionCode: text('division_code').notNull(),
  startOn: day('start_on').notNull(),
  endOn: day('end_on').notNull(),
  orgId: uuid('org_id').notNull(),
  createdAt: created(),
}, (t) => [index('legal_adviser_appointments_adviser_idx').on(t.adviserId), index('legal_adviser_appointments_div_idx').on(t.divisionCode)]);
export type AppointmentRow = typeof appointments.$inferSelect;

/**
 * One entry of an adviser's work log in a village, confirmed by the village: one unit of its kind (one
 * opinion, one document, one lecture…), so a figure's records are exactly the units it counts.
 */
export const workLogs = pgTable('legal_adviser_logs', {
  id: uuid('id').primaryKey(),
  adviserId: uuid('adviser_id').notNull(),
  divisionCode: text('division_code').notNull(),
  kind: text('kind').notNull(),
  servedOn: day('served_on').notNull(),
  subject: text('subject').notNull(),
  /** The adviser's login: their own rows (scope 'self'). */
  ownerId: uuid('owner_id'),
  createdBy: uuid('created_by'),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
  confirmedBy: uuid('confirmed_by'),
  confirmedByName: text('confirmed_by_name'),
  createdAt: created(),
}, (t) => [index('legal_adviser_logs_div_idx').on(t.divisionCode, t.servedOn), index('legal_adviser_logs_adviser_idx').on(t.adviserId, t.servedOn)]);
export type WorkLogRow = typeof workLogs.$inferSelect;
