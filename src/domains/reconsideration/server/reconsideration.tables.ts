import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (n: string) => timestamp(n, { withTimezone: true });
const day = (n: string) => date(n, { mode: 'string' });

/**
 * One row per 行政复议 case: the application's facts, the respondent's answer and the outcome; state and
 * clocks live on the case. `org_id` is the respondent agency (so its staff see their own cases through
 * an org grant), the case's org too.
 */
export const reconsiderations = pgTable('reconsiderations', {
  caseId: uuid('case_id').primaryKey(),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  applicantKind: text('applicant_kind').notNull(),
  address: text('address'),
  channel: text('channel').notNull(),
  receivedOn: day('received_on').notNull(),
  actCaseId: uuid('act_case_id'),
  actRefNo: text('act_ref_no'),
  actDescription: text('act_description').notNull(),
  actKind: text('act_kind').notNull(),
  amountYuan: integer('amount_yuan'),
  knewOn: day('knew_on').notNull(),
  rightNotStated: boolean('right_not_stated').notNull().default(false),
  /** Warnings at registration (第20条 time bar, 第24条 jurisdiction): shown, never refusing by themselves. */
  warnings: text('warnings').array().notNull().default([]),
  request: text('request').notNull(),
  factsAndReasons: text('facts_and_reasons').notNull(),
  procedure: text('procedure').notNull(),
  procedureReason: text('procedure_reason').notNull(),
  correctionAsked: text('correction_asked'),
  supplied: text('supplied'),
  acceptedOn: day('accepted_on'),
  deemedAccepted: boolean('deemed_accepted').notNull().default(false),
  copySentOn: day('copy_sent_on'),
  answer: text('answer'),
  evidence: text('evidence'),
  answeredOn: day('answered_on'),
  hearingOn: day('hearing_on'),
  headAttended: boolean('head_attended'),
  /** Decision type (DECISIONS) or how the case otherwise ended (OUTCOMES). */
  outcome: text('outcome'),
  closedOn: day('closed_on'),
  decisionFacts: text('decision_facts'),
  decisionReasoning: text('decision_reasoning'),
  decisionApproval: text('decision_approval'),
  performWithinDays: integer('perform_within_days'),
  outcomeNote: text('outcome_note'),
  createdAt: ts('created_at').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [
  index('reconsiderations_received_idx').on(t.divisionCode, t.receivedOn),
  index('reconsiderations_closed_idx').on(t.divisionCode, t.closedOn),
]);
export type ReconsiderationRow = typeof reconsiderations.$inferSelect;

/**
 * 行政复议意见书 / 建议书 (第76条): a case of its own, owned by the addressee (`org_id`), linked to the
 * 复议 case it came from; the addressee's report of its correction closes it.
 */
export const reconsiderationOpinions = pgTable('reconsideration_opinions', {
  caseId: uuid('case_id').primaryKey(),
  reconsiderationCaseId: uuid('reconsideration_case_id').notNull(),
  kind: text('kind').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  issuedOn: day('issued_on').notNull(),
  problems: text('problems').notNull(),
  suggestions: text('suggestions').notNull(),
  rectification: text('rectification'),
  measures: text('measures'),
  repliedOn: day('replied_on'),
  createdAt: ts('created_at').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [
  index('reconsideration_opinions_case_idx').on(t.reconsiderationCaseId),
  index('reconsideration_opinions_issued_idx').on(t.divisionCode, t.issuedOn),
]);
export type OpinionRow = typeof reconsiderationOpinions.$inferSelect;
