import { pgTable, uuid, text, integer, boolean, timestamp, index, doublePrecision, primaryKey } from 'drizzle-orm/pg-core';

const ts = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });

/** One row per 12345 工单 (the case row holds state and clocks). The caller's phone is SM4-encrypted. */
export const tickets = pgTable('tickets', {
  caseId: uuid('case_id').primaryKey(),
  kind: text('kind').notNull(),
  category: text('category').notNull(),
  channel: text('channel').notNull(), // phone | web | open311 | counter
  description: text('description').notNull(),
  /** jieba tokens of title + description, for 并单 similarity. */
  tokens: text('tokens').notNull(),
  callerName: text('caller_name').notNull(),
  callerPhoneEnc: text('caller_phone_enc'),
  address: text('address'),
  lat: doublePrecision('lat'),
  long: doublePrecision('long'),
  divisionCode: text('division_code').notNull(),
  centreOrgId: uuid('centre_org_id').notNull(),
  open311ServiceCode: text('open311_service_code'),
  /** 协办单位 named by the dispatch catalog (or the centre) at the last 派单; the org on the case leads. */
  coOrgIds: uuid('co_org_ids').array().notNull().default([]),
  dispatchCount: integer('dispatch_count').notNull().default(0),
  returnCount: integer('return_count').notNull().default(0),
  /** 督办 count: by the centre, and by the system when the handling limit runs out. */
  superviseCount: integer('supervise_count').notNull().default(0),
  firstDispatchedAt: ts('first_dispatched_at'),
  firstAcceptedAt: ts('first_accepted_at'),
  repliedAt: ts('replied_at'),
  reply: text('reply'),
  mergedInto: uuid('merged_into'),
  callbackReached: boolean('callback_reached'),
  resolved: boolean('resolved'),
  satisfaction: text('satisfaction'),
  createdAt: ts('created_at').notNull(),
  closedAt: ts('closed_at'),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [
  index('tickets_created_idx').on(t.createdAt),
  index('tickets_division_idx').on(t.divisionCode, t.createdAt),
]);
export type TicketRow = typeof tickets.$inferSelect;

/** 派单目录: category × division prefix → responsible org (+ co-handling orgs). Longest prefix wins. */
export const dispatchRules = pgTable('dispatch_rules', {
  category: text('category').notNull(),
  divisionPrefix: text('division_prefix').notNull(),
  orgId: uuid('org_id').notNull(),
  coOrgIds: uuid('co_org_ids').array().notNull().default([]),
}, (t) => [primaryKey({ columns: [t.category, t.divisionPrefix] })]);

/** 市长信箱 letters. Published only with the writer's consent, without personal data. */
export const letters = pgTable('letters', {
  caseId: uuid('case_id').primaryKey(),
  content: text('content').notNull(),
  writerName: text('writer_name').notNull(),
  writerPhoneEnc: text('writer_phone_enc'),
  consentToPublish: boolean('consent_to_publish').notNull().default(false),
  reply: text('reply'),
  repliedAt: ts('replied_at'),
  published: boolean('published').notNull().default(false),
  divisionCode: text('division_code').notNull(),
  createdAt: ts('created_at').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
}, (t) => [index('letters_created_idx').on(t.createdAt)]);
export type LetterRow = typeof letters.$inferSelect;

/** Open311 GeoReport v2 API keys (SM3 of the key; the key itself is shown once when issued). */
export const open311Clients = pgTable('open311_clients', {
  keyHash: text('key_hash').primaryKey(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull(),
});
