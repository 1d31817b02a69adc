import { pgTable, uuid, text, integer, boolean, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';

/** 好差评: one row per rating. The rater's phone is SM4-encrypted and shown to nobody but the handler. */
export const ratings = pgTable('ratings', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  counterId: uuid('counter_id'),
  caseId: uuid('case_id'),
  channel: text('channel').notNull(), // qr | counter | online | sms | phone
  level: integer('level').notNull(),
  comment: text('comment'),
  realName: boolean('real_name').notNull(),
  raterPhoneEnc: text('rater_phone_enc'),
  fixCaseId: uuid('fix_case_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  // 一事一评: a case is rated once.
  uniqueIndex('ratings_case_uq').on(t.caseId),
  index('ratings_created_idx').on(t.createdAt, t.level),
]);
