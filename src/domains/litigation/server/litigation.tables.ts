import { pgTable, uuid, text, integer, boolean, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });
const created = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

/** One suit against an agency of the division; its state and clocks live on the case. */
export const suits = pgTable('litigation_suits', {
  caseId: uuid('case_id').primaryKey(),
  /** The defendant agency (被告). */
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  court: text('court').notNull(),
  courtCaseNo: text('court_case_no').notNull(),
  plaintiff: text('plaintiff').notNull(),
  cause: text('cause').notNull(),
  claims: text('claims').notNull(),
  challengedAct: text('challenged_act').notNull(),
  reconsidered: boolean('reconsidered').notNull(),
  servedOn: day('served_on').notNull(),
  answeredOn: day('answered_on'),
  agents: text('agents'),
  /** The appointed counsel (legal-affairs' pool) who represents the agency, if any. */
  counselId: uuid('counsel_id'),
  /** 'agency' | 'opponent' when the first decision was appealed. */
  appealedBy: text('appealed_by'),
  /** The appellate court and its 案号 (二审), once known. */
  secondCourt: text('second_court'),
  secondCaseNo: text('second_case_no'),
  /** The outcome in force when the suit closed: what 败诉率 reads. */
  finalOutcome: text('final_outcome'),
  closedOn: day('closed_on'),
  createdAt: created(),
}, (t) => [
  // One registration per defendant and court case (co-defendants each register the same 案号).
  uniqueIndex('litigation_suits_case_no_idx').on(t.orgId, t.courtCaseNo),
  index('litigation_suits_served_idx').on(t.divisionCode, t.servedOn),
  index('litigation_suits_closed_idx').on(t.divisionCode, t.closedOn),
]);
export type SuitRow = typeof suits.$inferSelect;

/** 开庭: each hearing of either instance with who appeared for the agency (第3条; 法释〔2020〕3号). */
export const hearings = pgTable('litigation_hearings', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  instance: integer('instance').notNull(),
  heldOn: day('held_on').notNull(),
  appearance: text('appearance').notNull(),
  headName: text('head_name'),
  staffNames: text('staff_names'),
  absenceReason: text('absence_reason'),
  spoke: boolean('spoke'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('litigation_hearings_case_idx').on(t.caseId), index('litigation_hearings_held_idx').on(t.divisionCode, t.heldOn)]);
export type HearingRow = typeof hearings.$inferSelect;

/** 判决、裁定、调解书 and 准予撤诉 of either instance, in the order they came. */
export const judgments = pgTable('litigation_judgments', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  instance: integer('instance').notNull(),
  /** judgment | ruling | mediation | withdrawal | second | remand */
  kind: text('kind').notNull(),
  outcome: text('outcome').notNull(),
  decidedOn: day('decided_on').notNull(),
  /** 送达日期: the appeal period of 第85条 runs from it (first-instance judgments and rulings). */
  servedOn: day('served_on'),
  summary: text('summary'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('litigation_judgments_case_idx').on(t.caseId)]);
export type JudgmentRow = typeof judgments.$inferSelect;

/** 司法建议 received on a suit (a case of its own, linked to the suit). */
export const advice = pgTable('litigation_judicial_advice', {
  caseId: uuid('case_id').primaryKey(),
  suitCaseId: uuid('suit_case_id').notNull(),
  court: text('court').notNull(),
  adviceNo: text('advice_no').notNull(),
  receivedOn: day('received_on').notNull(),
  content: text('content').notNull(),
  reply: text('reply'),
  measures: text('measures'),
  repliedOn: day('replied_on'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('litigation_advice_suit_idx').on(t.suitCaseId)]);
export type AdviceRow = typeof advice.$inferSelect;
