import { pgTable, uuid, text, integer, jsonb, boolean, index, uniqueIndex, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { cases } from '../../../core/server/db/schema';

/** 政务服务事项 with the main guide elements (service-catalog.md §2.2). */
export const serviceItems = pgTable('service_items', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  legalLimit: integer('legal_limit'),
  legalLimitUnit: text('legal_limit_unit'),
  legalBasis: text('legal_basis'),
  promisedLimit: integer('promised_limit'),
  visits: integer('visits').notNull().default(1),
  handleModes: jsonb('handle_modes').$type<string[]>().notNull().default([]),
  materials: jsonb('materials').$type<string[]>().notNull().default([]),
  result: text('result'),
  serviceObjects: jsonb('service_objects').$type<string[]>().notNull().default([]),
  status: text('status').notNull(), // draft | published | withdrawn
  /** jieba tokens of the name, result, materials, bundles and org (services.search.ts). */
  searchText: text('search_text').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  uniqueIndex('service_items_code_uq').on(t.divisionCode, t.code), index('service_items_org_idx').on(t.orgId),
  index('service_items_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
]);

/** 办件: the domain columns of an application case (the state lives in the kernel's cases row). */
export const applications = pgTable('applications', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  channel: text('channel').notNull(), // online | counter
  counterId: uuid('counter_id'),
  assistedBy: text('assisted_by'),
  applicantKind: text('applicant_kind').notNull(),
  /** SM4-encrypted; only the last four characters are kept in clear, for tracking by number. */
  applicantIdEnc: text('applicant_id_enc'),
  applicantIdLast4: text('applicant_id_last4').notNull(),
  materials: jsonb('materials').$type<{ name: string; provided: boolean }[]>().notNull().default([]),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  /** Copied from the case so channel figures are counted from this table alone, by index. */
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [index('applications_item_idx').on(t.itemId), index('applications_channel_created_idx').on(t.channel, t.createdAt), index('applications_created_idx').on(t.createdAt)]);
