import { pgTable, uuid, text, integer, boolean, timestamp, date, index, primaryKey } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });

/** The document's register entry (state and clocks live on the case). */
export const normativeDocs = pgTable('normative_docs', {
  caseId: uuid('case_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  affectsMarket: boolean('affects_market').notNull(),
  summary: text('summary').notNull(),
  legalityReviewedOn: day('legality_reviewed_on'),
  legalityPassed: boolean('legality_passed'),
  docNo: text('doc_no'),
  publishedOn: day('published_on'),
  filingDue: day('filing_due'),
  filedOn: day('filed_on'),
  validUntil: day('valid_until'),
  endedOn: day('ended_on'),
  /** The online public comment window on the draft text, and when the account of adoption was published. */
  commentFrom: day('comment_from'),
  commentTo: day('comment_to'),
  adoptionPublishedOn: day('adoption_published_on'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('normative_docs_division_idx').on(t.divisionCode, t.publishedOn)]);
export type DocRow = typeof normativeDocs.$inferSelect;

/** 清理: one decision per document per campaign, published as lists. */
export const normativeCleanups = pgTable('normative_cleanups', {
  caseId: uuid('case_id').notNull(),
  campaign: text('campaign').notNull(),
  outcome: text('outcome').notNull(),
  reason: text('reason'),
  decidedOn: day('decided_on').notNull(),
  divisionCode: text('division_code').notNull(),
  sort: integer('sort').notNull().default(0),
}, (t) => [index('normative_cleanups_campaign_idx').on(t.divisionCode, t.campaign)]);

/** 征求意见稿 by passage: each article (第N条) or paragraph a citizen can comment on. */
export const normativePassages = pgTable('normative_passages', {
  caseId: uuid('case_id').notNull(),
  no: integer('no').notNull(),
  label: text('label').notNull(),
  text: text('text').notNull(),
}, (t) => [primaryKey({ columns: [t.caseId, t.no] })]);

/** A public comment on one passage, and the drafting unit's answer (采纳 / 部分采纳 / 不予采纳 with reason). */
export const normativeComments = pgTable('normative_comments', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  passageNo: integer('passage_no').notNull(),
  content: text('content').notNull(),
  authorName: text('author_name'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
  adoption: text('adoption'),
  reason: text('reason'),
  respondedOn: day('responded_on'),
  divisionCode: text('division_code').notNull(),
}, (t) => [index('normative_comments_case_idx').on(t.caseId, t.passageNo)]);

/** 后评估: an evaluation of a document in force, by whom, how, what was found and what follows. */
export const normativeEvaluations = pgTable('normative_evaluations', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  evaluators: text('evaluators').notNull(),
  method: text('method').notNull(),
  findings: text('findings').notNull(),
  conclusion: text('conclusion').notNull(),
  completedOn: day('completed_on').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('normative_evaluations_idx').on(t.divisionCode, t.completedOn)]);
