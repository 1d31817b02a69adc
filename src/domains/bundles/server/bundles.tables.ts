import { pgTable, uuid, text, jsonb, boolean, index, timestamp } from 'drizzle-orm/pg-core';
import { cases } from '../../../core/server';

/**
 * 一件事: the domain columns of a bundle case. The state lives in the kernel's cases row (derived from the
 * child applications, whose cases carry parent_id = this case); here is what was filed once for all.
 */
export const bundleCases = pgTable('bundle_cases', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  definitionCode: text('definition_code').notNull(),
  /** online | hall (the 一件事 window) | site (a township/street 便民服务中心). */
  channel: text('channel').notNull(),
  /** The hall or site that accepted it (the parent case's org); null online. */
  siteOrgId: uuid('site_org_id'),
  counterId: uuid('counter_id'),
  assistedBy: text('assisted_by'),
  applicantKind: text('applicant_kind').notNull(),
  /** For tracking by number with the last four id characters, as applications do. */
  applicantIdLast4: text('applicant_id_last4').notNull(),
  /** The merged form as filed (SM4-encrypted JSON: names and id numbers). */
  formEnc: text('form_enc').notNull(),
  /** The deduplicated checklist: each material once, with the component items that use it. */
  materials: jsonb('materials').$type<{ name: string; provided: boolean; fileId?: string | null; items: string[] }[]>().notNull().default([]),
  divisionCode: text('division_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [index('bundle_cases_created_idx').on(t.createdAt), index('bundle_cases_definition_idx').on(t.definitionCode)]);
