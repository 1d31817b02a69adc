import { pgTable, uuid, text, integer, boolean, timestamp, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });

/**
 * 好差评: one row per rating, tied to what was rated — the org answerable for it, the site and counter
 * where it was served, the staff member, the item and the case (国办发〔2019〕51号: every matter, body,
 * platform and person can be rated). The rater's phone is SM4-encrypted and shown to nobody but the
 * remediation handler of a 差评, and that read is audited; no column names the rater in clear.
 */
export const ratings = pgTable('ratings', {
  id: uuid('id').primaryKey(),
  /** The rated org (谁办理、谁负责): the case's org, or the site's org for a counter or QR rating. */
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  /** The service site (政务服务中心 / 便民服务中心) the rating was given at or for. */
  siteId: uuid('site_id'),
  counterId: uuid('counter_id'),
  staffId: uuid('staff_id'),
  itemId: uuid('item_id'),
  caseId: uuid('case_id'),
  channel: text('channel').notNull(), // counter | online | qr | sms | hotline
  level: integer('level').notNull(),
  /** Sub-indicator → level 1–5 (shared/ratings.indicators.ts); `overall` is the rating's level. */
  scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
  comment: text('comment'),
  realName: boolean('real_name').notNull(),
  raterPhoneEnc: text('rater_phone_enc'),
  fixCaseId: uuid('fix_case_id'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  // 一事一评: a case is rated once.
  uniqueIndex('ratings_case_uq').on(t.caseId),
  index('ratings_created_idx').on(t.createdAt, t.level),
  index('ratings_division_created_idx').on(t.divisionCode, t.createdAt),
  index('ratings_fix_idx').on(t.fixCaseId),
]);

/**
 * SMS invitations to rate a completed case nobody rated within 24 hours (a local rule, configurable).
 * The link carries a random token; only its SM3 hash is kept, so the table cannot be turned into links.
 */
export const ratingInvitations = pgTable('rating_invitations', {
  caseId: uuid('case_id').primaryKey(),
  divisionCode: text('division_code').notNull(),
  tokenHash: text('token_hash').notNull(),
  channel: text('channel').notNull(), // sms
  sentAt: ts('sent_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  ratedAt: ts('rated_at'),
}, (t) => [uniqueIndex('rating_invitations_token_uq').on(t.tokenHash), index('rating_invitations_sent_idx').on(t.sentAt)]);
