/**
 * Case-file review's own rows: campaigns (with their score sheet as data and the draw's seed), the units
 * sampled in each, the files drawn or registered by hand with their pre-check and scores, the problems
 * found, the rectification cases' link to campaign and unit, and 约谈 / 追责 records.
 */
import { pgTable, uuid, text, integer, boolean, timestamp, date, index, uniqueIndex, jsonb } from 'drizzle-orm/pg-core';
import type { Deduction, SheetItem, VetoFinding } from '../shared/case-file-review.rules';

const day = (n: string) => date(n, { mode: 'string' });
const created = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

export const campaigns = pgTable('cfr_campaigns', {
  id: uuid('id').primaryKey(),
  /** The justice bureau running the campaign. */
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  /** 行政处罚 | 行政许可 | 行政检查 | 行政强制 | 其他 */
  kind: text('kind').notNull(),
  filesPerOrg: integer('files_per_org').notNull(),
  sheet: jsonb('sheet').$type<SheetItem[]>().notNull(),
  plan: text('plan'),
  startOn: day('start_on').notNull(),
  endOn: day('end_on').notNull(),
  /** The draw's seed, set once when the files are drawn (the draw is redone from it and the candidates). */
  seed: integer('seed'),
  sampledOn: day('sampled_on'),
  createdAt: created(),
}, (t) => [index('cfr_campaigns_div_idx').on(t.divisionCode, t.year)]);
export type CampaignRow = typeof campaigns.$inferSelect;

/** A unit sampled in a campaign, with what the draw found for it. */
export const units = pgTable('cfr_units', {
  campaignId: uuid('campaign_id').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  /** Closed files of the year in the system when drawn, and how many were drawn. */
  candidates: integer('candidates'),
  drawn: integer('drawn'),
  sampledOn: day('sampled_on'),
  createdAt: created(),
}, (t) => [uniqueIndex('cfr_units_pk').on(t.campaignId, t.orgId), index('cfr_units_sampled_idx').on(t.divisionCode, t.sampledOn)]);
export type UnitRow = typeof units.$inferSelect;

/** One case file under review: drawn from the system's penalty cases or registered by hand (paper). */
export const files = pgTable('cfr_files', {
  id: uuid('id').primaryKey(),
  campaignId: uuid('campaign_id').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  /** system | manual */
  source: text('source').notNull(),
  penaltyCaseId: uuid('penalty_case_id'),
  fileNo: text('file_no').notNull(),
  title: text('title').notNull(),
  partyName: text('party_name'),
  decidedOn: day('decided_on'),
  /** Veto items computed from the case data before a reviewer opens the file (system files only). */
  precheck: jsonb('precheck').$type<VetoFinding[]>().notNull().default([]),
  deductions: jsonb('deductions').$type<Deduction[]>(),
  vetoes: jsonb('vetoes').$type<VetoFinding[]>(),
  score: integer('score'),
  vetoed: boolean('vetoed'),
  /** excellent | pass | fail; null until scored */
  grade: text('grade'),
  comment: text('comment'),
  reviewerName: text('reviewer_name'),
  reviewedOn: day('reviewed_on'),
  createdAt: created(),
}, (t) => [
  uniqueIndex('cfr_files_no_idx').on(t.campaignId, t.orgId, t.fileNo),
  index('cfr_files_campaign_idx').on(t.campaignId),
  index('cfr_files_reviewed_idx').on(t.divisionCode, t.reviewedOn),
]);
export type FileRow = typeof files.$inferSelect;

/** A problem found in a file: a deduction or a failed veto item, with the note the reviewer wrote. */
export const problems = pgTable('cfr_problems', {
  id: uuid('id').primaryKey(),
  campaignId: uuid('campaign_id').notNull(),
  fileId: uuid('file_id').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  itemKey: text('item_key').notNull(),
  itemLabel: text('item_label').notNull(),
  note: text('note').notNull(),
  foundOn: day('found_on').notNull(),
  /** The rectification case the problem was issued in; null until issued. */
  rectificationId: uuid('rectification_id'),
  /** The day the bureau accepted its rectification. */
  fixedOn: day('fixed_on'),
  createdAt: created(),
}, (t) => [index('cfr_problems_file_idx').on(t.fileId), index('cfr_problems_rect_idx').on(t.rectificationId), index('cfr_problems_found_idx').on(t.divisionCode, t.foundOn)]);
export type ProblemRow = typeof problems.$inferSelect;

/** A rectification case's campaign and unit (its state and clock live on the case). */
export const rectifications = pgTable('cfr_rectifications', {
  caseId: uuid('case_id').primaryKey(),
  campaignId: uuid('campaign_id').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  issuedOn: day('issued_on').notNull(),
  createdAt: created(),
}, (t) => [index('cfr_rect_campaign_idx').on(t.campaignId)]);

/** 约谈 (interview of a unit's responsible official) and 追责 (accountability of an officer). */
export const measures = pgTable('cfr_measures', {
  id: uuid('id').primaryKey(),
  campaignId: uuid('campaign_id').notNull(),
  /** interview | accountability */
  kind: text('kind').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  personName: text('person_name').notNull(),
  post: text('post').notNull(),
  on: day('on_date').notNull(),
  basis: text('basis').notNull(),
  outcome: text('outcome'),
  recordedBy: text('recorded_by').notNull(),
  createdAt: created(),
}, (t) => [
  index('cfr_measures_idx').on(t.divisionCode, t.kind, t.on), index('cfr_measures_campaign_idx').on(t.campaignId),
  // The same person's 约谈 (or 追责) on the same day is one record: two clerks entering it at once do not count it twice.
  uniqueIndex('cfr_measures_once_idx').on(t.campaignId, t.kind, t.orgId, t.personName, t.on),
]);
export type MeasureRow = typeof measures.$inferSelect;
