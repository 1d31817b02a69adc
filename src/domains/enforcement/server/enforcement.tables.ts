/**
 * Enforcement's own rows: firms (by 统一社会信用代码), inspection plans with their caps, the inspection and
 * penalty details of each case, evidence records with the officers who took them, publications (公示)
 * with their due dates, the 法律职业资格 register of legal reviewers, and attachments (全过程记录).
 */
import { pgTable, uuid, text, integer, boolean, timestamp, date, index, uniqueIndex, doublePrecision, jsonb } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });
const created = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

/** An officer as named on a record: the credential register's holder and the card valid that day. */
export type Officer = { holderId: string; name: string; credentialNo: string };

/** A firm inspected or penalised, identified by its 统一社会信用代码 (GB 32100-2015). */
export const firms = pgTable('enforcement_firms', {
  creditCode: text('credit_code').primaryKey(),
  name: text('name').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
});
export type FirmRow = typeof firms.$inferSelect;

/** 双随机 inspection plans (日常 / 专项), published with the year's per-firm cap. */
export const plans = pgTable('enforcement_inspection_plans', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  year: integer('year').notNull(),
  planNo: text('plan_no').notNull(),
  name: text('name').notNull(),
  /** 日常检查 | 专项检查 */
  kind: text('kind').notNull(),
  /** The per-firm yearly cap this plan publishes; null: the org's default (ENFORCEMENT_INSPECTION_CAP). */
  cap: integer('cap'),
  /** The firms drawn at random (双随机), by credit code. */
  firmCodes: jsonb('firm_codes').$type<string[]>().notNull(),
  publishedOn: day('published_on').notNull(),
  createdAt: created(),
}, (t) => [uniqueIndex('enforcement_plans_no_idx').on(t.orgId, t.planNo), index('enforcement_plans_org_idx').on(t.orgId, t.year)]);
export type PlanRow = typeof plans.$inferSelect;

/** One registered visit (扫码入企); its state and timeline live on the case. */
export const inspections = pgTable('enforcement_inspections', {
  caseId: uuid('case_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  firmCode: text('firm_code').notNull(),
  firmName: text('firm_name').notNull(),
  /** planned (双随机计划) | complaint (投诉举报等个案) */
  kind: text('kind').notNull(),
  planId: uuid('plan_id'),
  purpose: text('purpose').notNull(),
  officers: jsonb('officers').$type<Officer[]>().notNull(),
  visitOn: day('visit_on').notNull(),
  /** The random key in the visit's QR code (the firm's phone page). */
  token: text('token').notNull(),
  cap: integer('cap').notNull(),
  /** This org's visits to the firm earlier in the same year (not cancelled or refused). */
  priorVisits: integer('prior_visits').notNull(),
  overCap: boolean('over_cap').notNull(),
  outcome: text('outcome'),
  findings: text('findings'),
  completedOn: day('completed_on'),
  /** The firm's anonymous rating: 1–5 and a comment; no rater identity is stored (not even an address). */
  rating: integer('rating'),
  ratingComment: text('rating_comment'),
  ratedOn: day('rated_on'),
  createdAt: created(),
}, (t) => [
  uniqueIndex('enforcement_inspections_token_idx').on(t.token),
  index('enforcement_inspections_firm_idx').on(t.orgId, t.firmCode, t.visitOn),
  index('enforcement_inspections_visit_idx').on(t.divisionCode, t.visitOn),
]);
export type InspectionRow = typeof inspections.$inferSelect;

/** A 行政处罚 case's substance; its state and clocks live on the case. */
export const penalties = pgTable('enforcement_penalties', {
  caseId: uuid('case_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  /** person | org */
  partyKind: text('party_kind').notNull(),
  partyName: text('party_name').notNull(),
  /** A firm's 统一社会信用代码 (public: it is on the business licence). A natural person's number is never here. */
  partyCode: text('party_code'),
  /**
   * A natural person's 公民身份号码, kept the way the kernel keeps personal data (个人信息保护法 第51条):
   * SM4-encrypted, its HMAC-SM3 index (kernel.cipher.index of the trimmed upper-case number, the same index
   * a public account keeps of its 证件号码) for matching the party to an account without decrypting, and
   * the masked form staff see (110105********002X).
   */
  partyIdEnc: text('party_id_enc'),
  partyIdHash: text('party_id_hash'),
  partyIdShown: text('party_id_shown'),
  cause: text('cause').notNull(),
  source: text('source').notNull(),
  facts: text('facts').notNull(),
  filedOn: day('filed_on').notNull(),
  hearingEligible: boolean('hearing_eligible').notNull().default(false),
  major: boolean('major').notNull().default(false),
  reviewGrounds: jsonb('review_grounds').$type<string[]>().notNull().default([]),
  /** 法制审核: the last opinion, who gave it and whether it passed. */
  reviewedOn: day('reviewed_on'),
  reviewerName: text('reviewer_name'),
  reviewPassed: boolean('review_passed'),
  decisionKind: text('decision_kind'),
  decisionNo: text('decision_no'),
  basis: text('basis'),
  content: text('content'),
  amount: doublePrecision('amount'),
  decidedOn: day('decided_on'),
  servedOn: day('served_on'),
  closedOn: day('closed_on'),
  createdAt: created(),
}, (t) => [index('enforcement_penalties_filed_idx').on(t.divisionCode, t.filedOn), index('enforcement_penalties_decided_idx').on(t.divisionCode, t.decidedOn)]);
export type PenaltyRow = typeof penalties.$inferSelect;

/** 调查取证 records, each with the officers who took it and the cards they held that day (第42条). */
export const evidence = pgTable('enforcement_evidence', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  takenOn: day('taken_on').notNull(),
  officers: jsonb('officers').$type<Officer[]>().notNull(),
  summary: text('summary').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('enforcement_evidence_case_idx').on(t.caseId)]);
export type EvidenceRow = typeof evidence.$inferSelect;

/** 公示 of a decision: due by the clock, published, and withdrawn within 3 working days when revoked (第48条). */
export const publications = pgTable('enforcement_publications', {
  caseId: uuid('case_id').primaryKey(),
  /** penalty (7 working days) | other (20 working days) */
  kind: text('kind').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  /** The party as the public page shows it: a natural person's name reduced to the surname (张某). */
  partyShown: text('party_shown').notNull(),
  partyKind: text('party_kind').notNull(),
  decisionNo: text('decision_no').notNull(),
  cause: text('cause').notNull(),
  basis: text('basis').notNull(),
  content: text('content').notNull(),
  decidedOn: day('decided_on').notNull(),
  dueOn: day('due_on').notNull(),
  publishedOn: day('published_on'),
  revokedOn: day('revoked_on'),
  withdrawDueOn: day('withdraw_due_on'),
  withdrawnOn: day('withdrawn_on'),
  withdrawReason: text('withdraw_reason'),
  createdAt: created(),
}, (t) => [index('enforcement_publications_due_idx').on(t.divisionCode, t.dueOn), index('enforcement_publications_pub_idx').on(t.divisionCode, t.publishedOn)]);
export type PublicationRow = typeof publications.$inferSelect;

/** Staff who may give 法制审核 opinions: 第58条¶2 asks first-time reviewers to hold the 法律职业资格. */
export const legalReviewers = pgTable('enforcement_legal_reviewers', {
  userId: uuid('user_id').primaryKey(),
  name: text('name').notNull(),
  certificateNo: text('certificate_no').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
});
export type LegalReviewerRow = typeof legalReviewers.$inferSelect;

/** 全过程记录 (第47条): documents, photos, audio and video attached to a case at a step. */
export const attachments = pgTable('enforcement_attachments', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  /** The case state the file was attached in (立案, 调查取证 …). */
  step: text('step').notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  storageKey: text('storage_key').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('enforcement_attachments_case_idx').on(t.caseId)]);
export type AttachmentRow = typeof attachments.$inferSelect;
