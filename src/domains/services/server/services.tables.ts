import { pgTable, uuid, text, integer, jsonb, boolean, index, uniqueIndex, timestamp, primaryKey, real, date, bigint } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { cases, orgs } from '../../../core/server';
import type { CompletenessIssue, GuideElements } from '../shared/catalog.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
type E = GuideElements;

/**
 * 政务服务事项: the stable identity of an item (实施编码, owning org, division). Its guide lives in
 * `service_item_versions`; the columns below name…search_text are a projection of the item's current
 * version (the published one, else the newest), refreshed by the catalog service on every change, so
 * the filing path, public search and other domains read one row. `status` is the item's status:
 * published while a version is published, withdrawn when its last published version was withdrawn,
 * draft when it was never published.
 */
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
export type ItemRow = typeof serviceItems.$inferSelect;

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
  /** The checklist at filing: provided now, 容缺后补 (provided=false), and the uploaded file if any. */
  materials: jsonb('materials').$type<{ name: string; provided: boolean; fileId?: string | null }[]>().notNull().default([]),
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
 * One version of an item's guide with every national element (service-catalog.md §2.2: A 基本信息,
 * B 扩展信息, C 申请材料, D 收费项目, E 常见问题). draft → published → withdrawn; a published version is
 * never edited, because 办件 keep the id of the version they were filed under.
 */
export const serviceItemVersions = pgTable('service_item_versions', {
  id: uuid('id').primaryKey(),
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  versionNo: integer('version_no').notNull(),
  status: text('status').notNull(), // draft | published | withdrawn (catalog.machine.ts)
  /** Optimistic lock of a draft: every save and the publish compare-and-set on it. */
  rev: integer('rev').notNull().default(1),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  name: text('name').notNull(),
  basicCode: text('basic_code'),
  businessCode: text('business_code'),
  type: text('type').notNull(),
  legalBasis: text('legal_basis'),
  powerSource: text('power_source'),
  exerciseLevel: text('exercise_level'),
  bodyNature: text('body_nature'),
  entrustedOrg: text('entrusted_org'),
  serviceObjects: jsonb('service_objects').$type<E['serviceObjects']>().notNull().default([]),
  acceptanceConditions: text('acceptance_conditions'),
  process: jsonb('process').$type<E['process']>().notNull().default([]),
  legalLimit: integer('legal_limit'),
  legalLimitUnit: text('legal_limit_unit'),
  legalLimitBasis: text('legal_limit_basis'),
  legalLimitNote: text('legal_limit_note'),
  promisedLimit: integer('promised_limit'),
  promisedLimitUnit: text('promised_limit_unit'),
  promisedLimitNote: text('promised_limit_note'),
  handlingType: text('handling_type'),
  /** null = not filled; [] = 无. */
  specialProcedures: jsonb('special_procedures').$type<E['specialProcedures']>(),
  charged: boolean('charged'),
  feeBasis: text('fee_basis'),
  fees: jsonb('fees').$type<E['fees']>().notNull().default([]),
  handleModes: jsonb('handle_modes').$type<E['handleModes']>().notNull().default([]),
  visits: integer('visits'),
  onSiteReason: text('on_site_reason'),
  handlingLocation: text('handling_location'),
  handlingHours: text('handling_hours'),
  consultPhone: text('consult_phone'),
  complaintPhone: text('complaint_phone'),
  ssoIntegrated: boolean('sso_integrated'),
  onlineUrl: text('online_url'),
  inHall: boolean('in_hall'),
  online: boolean('online'),
  onlinePayment: boolean('online_payment'),
  logistics: boolean('logistics'),
  resultType: text('result_type'),
  resultName: text('result_name'),
  resultSample: text('result_sample'),
  resultValidity: text('result_validity'),
  onlineDepth: text('online_depth'),
  appointment: boolean('appointment'),
  selfService: boolean('self_service'),
  quantityLimit: text('quantity_limit'),
  intermediaryServices: text('intermediary_services'),
  jointOrgs: text('joint_orgs'),
  crossRegionScope: text('cross_region_scope'),
  topicsPerson: jsonb('topics_person').$type<E['topicsPerson']>().notNull().default([]),
  topicsLegal: jsonb('topics_legal').$type<E['topicsLegal']>().notNull().default([]),
  materials: jsonb('materials').$type<E['materials']>().notNull().default([]),
  faqs: jsonb('faqs').$type<E['faqs']>().notNull().default([]),
  bundles: jsonb('bundles').$type<E['bundles']>().notNull().default([]),
  keywords: jsonb('keywords').$type<E['keywords']>().notNull().default([]),
  notes: text('notes'),
  // 要素完整度, computed on every save (shared/catalog.completeness.ts), never sent by a client.
  completenessFilled: integer('completeness_filled').notNull(),
  completenessTotal: integer('completeness_total').notNull(),
  completenessScore: real('completeness_score').notNull(),
  complete: boolean('complete').notNull(),
  missing: jsonb('missing').$type<CompletenessIssue[]>().notNull().default([]),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
  updatedByName: text('updated_by_name'),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by'),
  publishedByName: text('published_by_name'),
  withdrawnAt: ts('withdrawn_at'),
  withdrawnBy: uuid('withdrawn_by'),
  withdrawnByName: text('withdrawn_by_name'),
  withdrawReason: text('withdraw_reason'),
}, (t) => [
  uniqueIndex('service_item_versions_no_uq').on(t.itemId, t.versionNo),
  // One published version and at most one open draft per item, even under concurrent publishes.
  uniqueIndex('service_item_versions_one_published_uq').on(t.itemId).where(sql`status = 'published'`),
  uniqueIndex('service_item_versions_one_draft_uq').on(t.itemId).where(sql`status = 'draft'`),
  index('service_item_versions_division_status_idx').on(t.divisionCode, t.status),
  index('service_item_versions_published_at_idx').on(t.divisionCode, t.publishedAt),
]);
export type VersionRow = typeof serviceItemVersions.$inferSelect;

/** 下沉: an item accepted at a township or village service site (便民服务中心/站) besides the hall. */
export const serviceItemSites = pgTable('service_item_sites', {
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  siteOrgId: uuid('site_org_id').notNull().references(() => orgs.id),
  /** The site's division, so a township lists what it can accept by an index range. */
  divisionCode: text('division_code').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
}, (t) => [primaryKey({ columns: [t.itemId, t.siteOrgId] }), index('service_item_sites_site_idx').on(t.siteOrgId), index('service_item_sites_division_idx').on(t.divisionCode)]);

/**
 * An uploaded material. The bytes live behind the storage interface (files.storage.ts); this row is
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
  itemId: uuid('item_id').references(() => serviceItems.id),
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
