import { pgTable, uuid, text, integer, bigint, boolean, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });
const created = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

/** One contract (agreement, other document) sent for legality review; state and clock live on the case. */
export const contractReviews = pgTable('contract_reviews', {
  caseId: uuid('case_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  docKind: text('doc_kind').notNull(),
  counterparty: text('counterparty'),
  amountYuan: bigint('amount_yuan', { mode: 'number' }),
  summary: text('summary').notNull(),
  submittedOn: day('submitted_on').notNull(),
  /** The appointed lawyer the review was assigned to; null → reviewed by the bureau's own reviewer. */
  counselId: uuid('counsel_id'),
  reviewerName: text('reviewer_name'),
  opinionOn: day('opinion_on'),
  conclusion: text('conclusion'),
  opinionSummary: text('opinion_summary'),
  commentCount: integer('comment_count').notNull().default(0),
  createdAt: created(),
}, (t) => [index('contract_reviews_division_idx').on(t.divisionCode, t.opinionOn)]);
export type ReviewRow = typeof contractReviews.$inferSelect;

/** 逐条审查意见: each comment of an opinion, counted by contractReview.comments. */
export const contractReviewComments = pgTable('contract_review_comments', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  seq: integer('seq').notNull(),
  clause: text('clause').notNull(),
  problem: text('problem').notNull(),
  suggestion: text('suggestion').notNull(),
  divisionCode: text('division_code').notNull(),
}, (t) => [uniqueIndex('contract_review_comments_seq_idx').on(t.caseId, t.seq)]);

export const counselFirms = pgTable('counsel_firms', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  creditCode: text('credit_code'),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [uniqueIndex('counsel_firms_name_idx').on(t.divisionCode, t.name)]);

export const counselLawyers = pgTable('counsel_lawyers', {
  id: uuid('id').primaryKey(),
  firmId: uuid('firm_id').notNull(),
  name: text('name').notNull(),
  licenceNo: text('licence_no').notNull(),
  divisionCode: text('division_code').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
}, (t) => [uniqueIndex('counsel_lawyers_licence_idx').on(t.licenceNo), index('counsel_lawyers_firm_idx').on(t.firmId)]);

/** 聘任: a lawyer serves an agency for a period. */
export const counselAppointments = pgTable('counsel_appointments', {
  id: uuid('id').primaryKey(),
  lawyerId: uuid('lawyer_id').notNull(),
  orgId: uuid('org_id').notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('counsel_appointments_lawyer_idx').on(t.lawyerId, t.orgId)]);

/** 工作记录: entered by the justice bureau, or written by a contract review assigned to the lawyer (case_id set). */
export const counselWork = pgTable('counsel_work', {
  id: uuid('id').primaryKey(),
  lawyerId: uuid('lawyer_id').notNull(),
  orgId: uuid('org_id').notNull(),
  kind: text('kind').notNull(),
  on: day('on_date').notNull(),
  subject: text('subject').notNull(),
  caseId: uuid('case_id'),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('counsel_work_period_idx').on(t.divisionCode, t.on), uniqueIndex('counsel_work_case_idx').on(t.caseId, t.kind)]);
