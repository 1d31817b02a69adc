import { pgTable, uuid, text, integer, boolean, timestamp, date, index } from 'drizzle-orm/pg-core';

const ts = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });
const day = (n: string) => date(n, { mode: 'string' });

/** 主动公开 items: formed → published, the 20-working-day window of 第26条 kept with each item. */
export const disclosureItems = pgTable('disclosure_items', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  title: text('title').notNull(),
  category: text('category').notNull(),
  docNo: text('doc_no'),
  body: text('body').notNull(),
  /** jieba tokens of title + body, indexed with the 'simple' configuration for Chinese search. */
  searchText: text('search_text').notNull(),
  formedOn: day('formed_on').notNull(),
  publishedOn: day('published_on').notNull(),
  dueOn: day('due_on'),
  late: boolean('late').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [index('disclosure_items_published_idx').on(t.divisionCode, t.publishedOn)]);

/** 依申请公开: the request's own facts; state and clocks live on the case. */
export const disclosureRequests = pgTable('disclosure_requests', {
  caseId: uuid('case_id').primaryKey(),
  applicantType: text('applicant_type').notNull(),
  phoneEnc: text('phone_enc'),
  channel: text('channel').notNull(),
  receivedOn: day('received_on').notNull(),
  content: text('content').notNull(),
  purpose: text('purpose'),
  replyType: text('reply_type'),
  replyContent: text('reply_content'),
  repliedOn: day('replied_on'),
  feeMethod: text('fee_method'),
  fee: integer('fee').notNull().default(0),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  createdAt: ts('created_at').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [index('disclosure_requests_received_idx').on(t.divisionCode, t.receivedOn)]);
export type RequestRow = typeof disclosureRequests.$inferSelect;
