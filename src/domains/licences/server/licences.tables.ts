import { pgTable, uuid, text, integer, boolean, timestamp, date, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });
const day = (n: string) => date(n, { mode: 'string' });

/**
 * 证照类型: what a licence-issuing item issues and under which rules — validity (months, or 长期 when
 * null), the reminder offsets (days before expiry), the legal renewal window (the holder must apply at
 * least this many days before expiry: 行政许可法 第50条 says 30 unless a sector rule says otherwise), and
 * how renewal works (none | prefilled | automatic).
 */
export const licenceTypes = pgTable('licence_types', {
  id: uuid('id').primaryKey(),
  divisionCode: text('division_code').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  /** Catalog item codes (service_items.code) whose completed applications issue this licence. */
  itemCodes: jsonb('item_codes').$type<string[]>().notNull().default([]),
  /** null = 长期 (no expiry). */
  validityMonths: integer('validity_months'),
  reminderOffsets: jsonb('reminder_offsets').$type<number[]>().notNull(),
  /** Days before expiry by which the renewal must be applied for; null when the type has no renewal. */
  renewalLeadDays: integer('renewal_lead_days'),
  renewalBasis: text('renewal_basis'),
  autoRenewal: text('auto_renewal').notNull(), // none | prefilled | automatic
  /** Licence number prefix, e.g. JY for 食品经营许可证. */
  numberPrefix: text('number_prefix').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [uniqueIndex('licence_types_code_uq').on(t.divisionCode, t.code)]);
export type TypeRow = typeof licenceTypes.$inferSelect;

/**
 * 电子证照. The stored status is what happened to the licence (valid | renewed | revoked); 即将到期 and
 * 已过期 are derived from the dates at read time, so no job has to flip them.
 */
export const licences = pgTable('licences', {
  id: uuid('id').primaryKey(),
  typeId: uuid('type_id').notNull(),
  licenceNo: text('licence_no').notNull(),
  divisionCode: text('division_code').notNull(),
  /** The issuing org. */
  orgId: uuid('org_id').notNull(),
  holderKind: text('holder_kind').notNull(), // person | enterprise
  holderName: text('holder_name').notNull(),
  /** SM4-encrypted id number or credit code; null for records imported without it. */
  holderIdEnc: text('holder_id_enc'),
  /** SM3 of the id number: a registered holder finds their licences without decrypting every row. */
  holderIdHash: text('holder_id_hash'),
  holderIdMasked: text('holder_id_masked').notNull(),
  holderPhoneEnc: text('holder_phone_enc'),
  holderUserId: uuid('holder_user_id'),
  validFrom: day('valid_from').notNull(),
  /** null = 长期. */
  validTo: day('valid_to'),
  status: text('status').notNull(), // valid | renewed | revoked
  /** application | renewal | automatic | import */
  source: text('source').notNull(),
  sourceCaseId: uuid('source_case_id'),
  previousLicenceId: uuid('previous_licence_id'),
  /** The renewal application filed for this licence (无感续证), while it runs and after. */
  renewalCaseId: uuid('renewal_case_id'),
  /** Random, unguessable: the QR code's verification link. */
  verifyToken: text('verify_token').notNull(),
  issuedAt: ts('issued_at').notNull(),
  revokedAt: ts('revoked_at'),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [
  uniqueIndex('licences_no_uq').on(t.licenceNo),
  uniqueIndex('licences_token_uq').on(t.verifyToken),
  uniqueIndex('licences_source_case_uq').on(t.sourceCaseId),
  index('licences_division_issued_idx').on(t.divisionCode, t.issuedAt),
  index('licences_expiry_idx').on(t.status, t.validTo),
  index('licences_holder_idx').on(t.holderIdHash),
  index('licences_holder_user_idx').on(t.holderUserId),
  index('licences_renewal_case_idx').on(t.renewalCaseId),
]);
export type LicenceRow = typeof licences.$inferSelect;

/**
 * One row per licence and reminder offset: the unique key is what makes the reminder job idempotent
 * across runs and processes. `offsetDays` is the effective offset (clamped to the legal window).
 */
export const licenceReminders = pgTable('licence_reminders', {
  id: uuid('id').primaryKey(),
  licenceId: uuid('licence_id').notNull(),
  offsetDays: integer('offset_days').notNull(),
  /** The configured offset this one replaced, when it was later than the legal renewal window. */
  configuredOffset: integer('configured_offset'),
  dueDate: day('due_date').notNull(),
  sentAt: ts('sent_at').notNull(),
  smsSent: boolean('sms_sent').notNull(),
  orgNotified: integer('org_notified').notNull(),
  /** reminded | renewalFiled | renewed */
  action: text('action').notNull(),
  renewalCaseId: uuid('renewal_case_id'),
  note: text('note'),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
}, (t) => [
  uniqueIndex('licence_reminders_uq').on(t.licenceId, t.offsetDays),
  index('licence_reminders_sent_idx').on(t.divisionCode, t.sentAt),
]);
export type ReminderRow = typeof licenceReminders.$inferSelect;
