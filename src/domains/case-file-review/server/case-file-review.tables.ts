/**
 * Case-file review's own rows: campaigns (with their score sheet as data and the draw's seed), the units
 * sampled in each, the files drawn or registered by hand with their pre-check and scores, the problems
 * found, the rectification cases' link to campaign and unit, and 约谈 / 追责 records.
 */
import { pgTable, uuid, text, integer, boolean, timestamp, date, index, uniqueIndex, jsonb } from 'drizzle-orm/pg-core';
import type { Deduction, SheetItem, VetoFinding } from '../shared/case-file-review.rules';

/** A replaced score: what it was and who re-scored the file, when and why. */
export type RescoreEntry = { score: number; grade: string; vetoed: boolean; reviewerName: string | null; reviewedOn: string | null; rescoredBy: string; rescoredOn: string; reason: string };

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
  /** Bumped by each re-scoring: the compare-and-set of two reviewers correcting the same file at once. */
  revision: integer('revision').notNull().default(0),
  /** Earlier scores a re-scoring replaced, with who corrected it, when and why. */
  rescores: jsonb('rescores').$type<RescoreEntry[]>().notNull().default([]),
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

/**
 * A supervision matter's own facts (its state and reply clock live on the case `supervision`, whose org is
 * the supervised unit): where it came from, what was found and what the bureau asked of the unit.
 */
export const supervisions = pgTable('sup_matters', {
  caseId: uuid('case_id').primaryKey(),
  /** The supervising justice bureau. */
  bureauOrgId: uuid('bureau_org_id').notNull(),
  /** The enforcement unit supervised (also the case's org, so the unit sees its own matters). */
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  /** 12345投诉 | 来信来访投诉 | 案卷评查 | 日常监督 | 其他 */
  source: text('source').notNull(),
  summary: text('summary').notNull(),
  receivedOn: day('received_on').notNull(),
  /** The 12345 ticket the complaint came in as (also a case link both ways). */
  ticketCaseId: uuid('ticket_case_id'),
  /** The 监督意见书: number, day, problems and requirement, written when issued. */
  noticeNo: text('notice_no'),
  issuedOn: day('issued_on'),
  problems: text('problems'),
  requirement: text('requirement'),
  closedOn: day('closed_on'),
  createdAt: created(),
}, (t) => [index('sup_matters_div_idx').on(t.divisionCode, t.issuedOn), uniqueIndex('sup_matters_notice_idx').on(t.bureauOrgId, t.noticeNo)]);
export type SupervisionRow = typeof supervisions.$inferSelect;

/** 行政执法联席会议: a meeting the bureau convened with enforcement units and the matters it coordinated. */
export const jointMeetings = pgTable('sup_joint_meetings', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  heldOn: day('held_on').notNull(),
  topic: text('topic').notNull(),
  /** The units attending (org ids) — each must be of the bureau's division. */
  attendeeOrgIds: jsonb('attendee_org_ids').$type<string[]>().notNull(),
  /** The matters coordinated, one line each. */
  items: jsonb('items').$type<string[]>().notNull(),
  minutes: text('minutes'),
  recordedBy: text('recorded_by').notNull(),
  createdAt: created(),
}, (t) => [
  index('sup_joint_meetings_idx').on(t.divisionCode, t.heldOn),
  // One meeting a day on one topic: two clerks recording it at once do not count it twice.
  uniqueIndex('sup_joint_meetings_once_idx').on(t.orgId, t.heldOn, t.topic),
]);
export type JointMeetingRow = typeof jointMeetings.$inferSelect;
