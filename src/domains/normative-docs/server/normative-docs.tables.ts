import { pgTable, uuid, text, integer, boolean, timestamp, date, index } from 'drizzle-orm/pg-core';

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
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('normative_docs_division_idx').on(t.divisionCode, t.publishedOn)]);

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
