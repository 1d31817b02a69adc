import { pgTable, uuid, text, jsonb, boolean, index, timestamp, bigint } from 'drizzle-orm/pg-core';
import { cases } from '../../../core/server';
// The one foreign key across domains: an application is filed for a catalog item (decision 005).
import { serviceItemId } from '../../catalog/public-tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A line of an application's materials; `paper`: received on paper at the counter; `correctedAt`: handed in by 补正. */
export type MaterialLine = { name: string; provided: boolean; fileId?: string | null; paper?: boolean; correctedAt?: string };

/** 办件: the domain columns of an application case (the state lives in the kernel's cases row). */
export const applications = pgTable('applications', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  itemId: uuid('item_id').notNull().references(serviceItemId),
  channel: text('channel').notNull(), // online | counter
  counterId: uuid('counter_id'),
  assistedBy: text('assisted_by'),
  applicantKind: text('applicant_kind').notNull(),
  /** SM4-encrypted; only the last four characters are kept in clear, for tracking by number. */
  applicantIdEnc: text('applicant_id_enc'),
  applicantIdLast4: text('applicant_id_last4').notNull(),
  /** The checklist at filing: provided now, 容缺后补 (provided=false), and the uploaded file if any. */
  materials: jsonb('materials').$type<MaterialLine[]>().notNull().default([]),
  /**
   * Fields filed with the application under the item's own field names — a "one thing" bundle's merged
   * form maps onto them. SM4-encrypted JSON: they hold names and id numbers (个人信息保护法 第51条).
   */
  formEnc: text('form_enc'),
  /** The guide version the application was filed under (办件保存其申请时的办事指南版本). */
  itemVersionId: uuid('item_version_id'),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  /** Copied from the case so channel figures are counted from this table alone, by index. */
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [index('applications_item_idx').on(t.itemId), index('applications_channel_created_idx').on(t.channel, t.createdAt), index('applications_created_idx').on(t.createdAt)]);

/**
 * An uploaded material. The bytes live behind the kernel's storage interface (core/server/files/storage.ts); this row is
 * what was checked: the type sniffed from the content, the size and the SM3 digest. `ownerKey` is an
 * HMAC of the applicant's id number, so a later application of the same person or enterprise can reuse
 * the file (counter or online) without the id number being stored in clear.
 */
export const applicationFiles = pgTable('application_files', {
  id: uuid('id').primaryKey(),
  ownerKey: text('owner_key').notNull(),
  uploadedBy: uuid('uploaded_by'),
  materialName: text('material_name').notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  kind: text('kind').notNull(), // pdf | jpeg | png | ofd
  size: bigint('size', { mode: 'number' }).notNull(),
  digest: text('digest').notNull(),
  storageKey: text('storage_key').notNull(),
  divisionCode: text('division_code'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('application_files_owner_idx').on(t.ownerKey, t.createdAt)]);
export type FileRow = typeof applicationFiles.$inferSelect;
