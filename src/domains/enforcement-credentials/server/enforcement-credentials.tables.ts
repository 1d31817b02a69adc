/**
 * The justice bureau's register of 行政执法证 / 行政执法监督证 holders (a registry, not a case: the
 * application that leads to a card is a case, `credentialApplication`). Holders are persons, optionally
 * linked to a staff account (`staffUserId`); most enforcement officers never log in here.
 */
import { pgTable, uuid, text, integer, boolean, timestamp, date, index, uniqueIndex, doublePrecision } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });
const at = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });

/** A person of an org who holds, held or is applying for a card. */
export const holders = pgTable('credential_holders', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  gender: text('gender'),
  /** 公民身份号码, SM4-encrypted; never shown on the public verification page. */
  idNumberEnc: text('id_number_enc'),
  /** The last four characters, for telling two holders of one name apart in the registry. */
  idTail: text('id_tail'),
  phoneEnc: text('phone_enc'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  post: text('post').notNull(),
  /** establishment (在编在职) | contract (劳动合同) | auxiliary (辅助/协管) | temporary (临时) | dispatched (劳务派遣) */
  employment: text('employment').notNull(),
  /** The staff account of this person, when they have one (an enforcement case names its officers by it). */
  staffUserId: uuid('staff_user_id'),
  /** 执法范围: the powers of the org's 权责清单 this person exercises. */
  scope: text('scope').notNull(),
  /** active | left (调离、退休、辞职 …: 注销 on leaving) */
  status: text('status').notNull().default('active'),
  leftOn: day('left_on'),
  leftReason: text('left_reason'),
  createdAt: at('created_at').notNull(),
}, (t) => [
  index('credential_holders_org_idx').on(t.orgId, t.status),
  index('credential_holders_div_idx').on(t.divisionCode),
  index('credential_holders_staff_idx').on(t.staffUserId),
]);
export type HolderRow = typeof holders.$inferSelect;

/** 法律知识考试: 公共法律知识 (public) and 专业法律知识 (professional), each taken on a day. */
export const exams = pgTable('credential_exams', {
  id: uuid('id').primaryKey(),
  holderId: uuid('holder_id').notNull(),
  subject: text('subject').notNull(),
  score: integer('score').notNull(),
  passed: boolean('passed').notNull(),
  takenOn: day('taken_on').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [index('credential_exams_holder_idx').on(t.holderId, t.takenOn)]);
export type ExamRow = typeof exams.$inferSelect;

/** A card. Its status now is `status`; its status on a past day is read from the dates and suspensions. */
export const credentials = pgTable('credentials', {
  id: uuid('id').primaryKey(),
  holderId: uuid('holder_id').notNull(),
  /** The application case that issued it (null for cards loaded from the old register). */
  caseId: uuid('case_id'),
  /** enforcement (行政执法证) | supervision (行政执法监督证) */
  kind: text('kind').notNull(),
  number: text('number').notNull(),
  /** The random key the card's QR code carries (the number alone would let anyone walk the register). */
  verifyToken: text('verify_token').notNull(),
  scope: text('scope').notNull(),
  issuedOn: day('issued_on').notNull(),
  validTo: day('valid_to').notNull(),
  /** valid | suspended | cancelled | renewed (replaced by a new card on expiry) */
  status: text('status').notNull(),
  statusReason: text('status_reason'),
  cancelledOn: day('cancelled_on'),
  /** The card this one renews. */
  renewsId: uuid('renews_id'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [
  uniqueIndex('credentials_number_uq').on(t.number),
  uniqueIndex('credentials_token_uq').on(t.verifyToken),
  index('credentials_holder_idx').on(t.holderId),
  index('credentials_org_idx').on(t.orgId, t.status),
  index('credentials_issued_idx').on(t.divisionCode, t.issuedOn),
  index('credentials_valid_to_idx').on(t.divisionCode, t.validTo),
]);
export type CredentialRow = typeof credentials.$inferSelect;

/** 暂扣: a period the card may not be used (toDate exclusive; open while null). */
export const suspensions = pgTable('credential_suspensions', {
  id: uuid('id').primaryKey(),
  credentialId: uuid('credential_id').notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date'),
  reason: text('reason').notNull(),
  liftReason: text('lift_reason'),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [index('credential_suspensions_cred_idx').on(t.credentialId)]);
export type SuspensionRow = typeof suspensions.$inferSelect;

/** 年审: per card and year (a failed review may be followed by a passing one), with the hours and exam it was judged on. */
export const reviews = pgTable('credential_reviews', {
  id: uuid('id').primaryKey(),
  credentialId: uuid('credential_id').notNull(),
  holderId: uuid('holder_id').notNull(),
  year: integer('year').notNull(),
  hours: doublePrecision('hours').notNull(),
  requiredHours: doublePrecision('required_hours').notNull(),
  examPassed: boolean('exam_passed').notNull(),
  passed: boolean('passed').notNull(),
  /** Why it failed, as shown to the org (Chinese). */
  reason: text('reason'),
  reviewedOn: day('reviewed_on').notNull(),
  reviewerName: text('reviewer_name').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [
  index('credential_reviews_card_idx').on(t.credentialId, t.year),
  index('credential_reviews_div_idx').on(t.divisionCode, t.reviewedOn),
]);
export type ReviewRow = typeof reviews.$inferSelect;

/** 培训: hours of one person at one session (recorded per session or imported from a sheet). */
export const trainings = pgTable('credential_trainings', {
  id: uuid('id').primaryKey(),
  holderId: uuid('holder_id').notNull(),
  /** public (公共法律知识) | professional (专业法律知识) | skills (执法技能) | trial (旁听庭审) */
  type: text('type').notNull(),
  title: text('title').notNull(),
  heldOn: day('held_on').notNull(),
  hours: doublePrecision('hours').notNull(),
  /** session | import | demo */
  source: text('source').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [
  uniqueIndex('credential_trainings_uq').on(t.holderId, t.heldOn, t.title),
  index('credential_trainings_holder_idx').on(t.holderId, t.heldOn),
  index('credential_trainings_div_idx').on(t.divisionCode, t.heldOn),
]);
export type TrainingRow = typeof trainings.$inferSelect;
