/**
 * 免申即享 tables. The register (subjects and their dated facts, each from one import batch), the
 * policies' dated versions (the policy itself is a case: drafting → legality review → approval →
 * published), the scans and their results (every result with its explanation), and the payout ledger.
 * Money is integer fen (bigint as number: a county's amounts stay far below 2^53).
 */
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ExplainedCondition, PolicyTerms } from '../shared/benefits.rule';

const day = (n: string) => date(n, { mode: 'string' });
const at = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });
const fen = (n: string) => bigint(n, { mode: 'number' });

/** An import batch: one exchange file or one platform pull, from one source department, as of one date. */
export const batches = pgTable('benefit_batches', {
  id: uuid('id').primaryKey(),
  /** FACT_SOURCES key (social, tax…). */
  source: text('source').notNull(),
  /** 'file' | 'platform' | 'correction' | 'demo'. */
  channel: text('channel').notNull(),
  fileName: text('file_name'),
  asOf: day('as_of').notNull(),
  rows: integer('rows').notNull(),
  facts: integer('facts').notNull(),
  createdBy: text('created_by').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
});

/** A firm or a person in the county's register (一企一档). */
export const subjects = pgTable('benefit_subjects', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(), // 'enterprise' | 'person'
  name: text('name').notNull(),
  /** 统一社会信用代码 in clear (public data); for persons the masked 身份证号. */
  codeShown: text('code_shown').notNull(),
  /** kernel.cipher.index of the 证件号码: matches the public account that signs in with it. */
  codeHash: text('code_hash').notNull(),
  codeEnc: text('code_enc'),
  phoneEnc: text('phone_enc'),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [uniqueIndex('benefit_subjects_code_idx').on(t.codeHash), index('benefit_subjects_division_idx').on(t.divisionCode)]);

/** One fact value as of a date, from a source and a batch. The snapshot at D reads the latest as_of ≤ D. */
export const facts = pgTable('benefit_facts', {
  id: uuid('id').primaryKey(),
  subjectId: uuid('subject_id').notNull(),
  key: text('key').notNull(),
  value: jsonb('value').$type<number | string | boolean | null>(),
  source: text('source').notNull(),
  asOf: day('as_of').notNull(),
  batchId: uuid('batch_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [index('benefit_facts_subject_idx').on(t.subjectId, t.key, t.asOf), index('benefit_facts_batch_idx').on(t.batchId)]);

/** A policy's version: what it said from `effectiveFrom` (a payout cites the version it used). */
export const policyVersions = pgTable('benefit_policy_versions', {
  id: uuid('id').primaryKey(),
  /** The policy case. */
  caseId: uuid('case_id').notNull(),
  version: integer('version').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  docNo: text('doc_no').notNull(),
  article: text('article').notNull(),
  issuer: text('issuer').notNull(),
  mode: text('mode').notNull(),
  subjectKind: text('subject_kind').notNull(),
  recurrence: text('recurrence').notNull(),
  exclusiveGroup: text('exclusive_group'),
  budgetFen: fen('budget_fen'),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
  terms: jsonb('terms').$type<PolicyTerms>().notNull(),
  /** 'draft' | 'published' | 'superseded'. */
  status: text('status').notNull(),
  publishedAt: at('published_at'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [uniqueIndex('benefit_policy_versions_case_idx').on(t.caseId, t.version), index('benefit_policy_versions_status_idx').on(t.divisionCode, t.status)]);

/** A scan of the register at a snapshot date (a job with progress). */
export const scans = pgTable('benefit_scans', {
  id: uuid('id').primaryKey(),
  snapshot: day('snapshot').notNull(),
  /** 'queued' | 'running' | 'done' | 'failed'. */
  state: text('state').notNull(),
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  eligible: integer('eligible').notNull().default(0),
  nearMisses: integer('near_misses').notNull().default(0),
  amountFen: fen('amount_fen').notNull().default(0),
  /** Eligible results the scan could not grant because the policy's budget was spent (outcome 'overBudget'), and what they would have cost. */
  overBudget: integer('over_budget').notNull().default(0),
  overBudgetFen: fen('over_budget_fen').notNull().default(0),
  /** A what-if run (政策沙盘) of one draft version: its results are not published or notified. */
  sandboxVersionId: uuid('sandbox_version_id'),
  error: text('error'),
  requestedBy: text('requested_by').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
  finishedAt: at('finished_at'),
}, (t) => [
  index('benefit_scans_division_idx').on(t.divisionCode, t.createdAt),
  // One county scan at a time: two racing scans would each spend the whole budget and retire each other's results.
  uniqueIndex('benefit_scans_one_running_uq').on(t.divisionCode).where(sql`state IN ('queued', 'running')`),
]);

/**
 * One subject under one policy version in one scan: eligible (with the amount), a near miss (failed
 * exactly one condition), or ineligible. Only eligible and near-miss rows are kept for a county scan
 * (the ineligible are counted on the scan); a re-run for one firm keeps whatever it finds.
 */
export const results = pgTable('benefit_results', {
  id: uuid('id').primaryKey(),
  scanId: uuid('scan_id').notNull(),
  versionId: uuid('version_id').notNull(),
  subjectId: uuid('subject_id').notNull(),
  /** 'eligible' | 'nearMiss' | 'ineligible' | 'excluded' (就高不重复 / already paid once) | 'overBudget' (the policy's budget was spent). */
  outcome: text('outcome').notNull(),
  amountFen: fen('amount_fen').notNull(),
  explanation: jsonb('explanation').$type<ExplainedCondition[]>().notNull(),
  /** For a near miss: the condition that failed (index and its fact key); for excluded: why. */
  failedIndex: integer('failed_index'),
  failedFact: text('failed_fact'),
  note: text('note'),
  /** Payout progress of an eligible result: 'awaitingApplication' (快申快享, before the firm submits) | 'publicity' | 'awaitingConfirmation' | 'confirmed' | 'declined' | 'batched' | 'paid' | 'reversed'. */
  payState: text('pay_state'),
  publicityEnds: day('publicity_ends'),
  accountName: text('account_name'),
  accountNoEnc: text('account_no_enc'),
  accountMasked: text('account_masked'),
  confirmedAt: at('confirmed_at'),
  /** 快申快享: when the firm submitted the pre-filled application. */
  appliedAt: at('applied_at'),
  notifiedAt: at('notified_at'),
  /** Superseded by a re-run (objection corrected the data): kept for the audit, no longer current. */
  current: boolean('current').notNull().default(true),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [index('benefit_results_scan_idx').on(t.scanId, t.outcome), index('benefit_results_subject_idx').on(t.subjectId, t.versionId)]);

/** A payout batch (拨付批次): eligible, confirmed results paid together; reconciled against the bank's return. */
export const payoutBatches = pgTable('benefit_payout_batches', {
  id: uuid('id').primaryKey(),
  no: text('no').notNull(),
  /** 'open' | 'paid' | 'reconciled'. */
  state: text('state').notNull(),
  count: integer('count').notNull(),
  totalFen: fen('total_fen').notNull(),
  paidOn: day('paid_on'),
  reconciledAt: at('reconciled_at'),
  reconcileNote: text('reconcile_note'),
  createdBy: text('created_by').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [uniqueIndex('benefit_payout_batches_no_idx').on(t.no)]);

/** The ledger: every payment and every reversal, citing the result and the policy version it used. */
export const ledger = pgTable('benefit_ledger', {
  id: uuid('id').primaryKey(),
  batchId: uuid('batch_id').notNull(),
  resultId: uuid('result_id').notNull(),
  subjectId: uuid('subject_id').notNull(),
  versionId: uuid('version_id').notNull(),
  /** 'payment' | 'reversal' (a reversal's amount is negative). */
  kind: text('kind').notNull(),
  amountFen: fen('amount_fen').notNull(),
  /** Which instalment of a split payment (1 of 2…). */
  instalment: integer('instalment').notNull(),
  paidOn: day('paid_on').notNull(),
  reason: text('reason'),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [index('benefit_ledger_batch_idx').on(t.batchId), index('benefit_ledger_subject_idx').on(t.subjectId, t.versionId), index('benefit_ledger_paid_idx').on(t.divisionCode, t.paidOn)]);

/** 异议: the firm's objection to a result; the case carries the clock, this row what is disputed. */
export const objections = pgTable('benefit_objections', {
  caseId: uuid('case_id').primaryKey(),
  resultId: uuid('result_id').notNull(),
  subjectId: uuid('subject_id').notNull(),
  factKey: text('fact_key').notNull(),
  claimedValue: text('claimed_value').notNull(),
  reason: text('reason').notNull(),
  /** 'confirmed' (data stands) | 'corrected'. */
  outcome: text('outcome'),
  correctedValue: jsonb('corrected_value').$type<number | string | boolean | null>(),
  rerunResultId: uuid('rerun_result_id'),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  createdAt: at('created_at').notNull(),
});

export type SubjectRow = typeof subjects.$inferSelect;
export type FactRow = typeof facts.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;
export type ScanRow = typeof scans.$inferSelect;
export type ResultRow = typeof results.$inferSelect;
export type BatchRow = typeof payoutBatches.$inferSelect;
export type LedgerRow = typeof ledger.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
