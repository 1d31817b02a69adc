import { pgTable, uuid, text, integer, jsonb, boolean, index, uniqueIndex, timestamp, primaryKey, real } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgs } from '../../../core/server';
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
