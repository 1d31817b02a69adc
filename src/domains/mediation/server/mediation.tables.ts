import { pgTable, uuid, text, integer, boolean, timestamp, date, index, jsonb, uniqueIndex } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });
const created = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

export type Party = { name: string; phone?: string; address?: string };

/** One dispute under 人民调解; its state and clocks live on the case. division_code is the village. */
export const disputes = pgTable('mediation_disputes', {
  caseId: uuid('case_id').primaryKey(),
  /** The 调委会 (org) that mediates. */
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  type: text('type').notNull(),
  source: text('source').notNull(),
  summary: text('summary').notNull(),
  applicants: jsonb('applicants').$type<Party[]>().notNull(),
  respondents: jsonb('respondents').$type<Party[]>().notNull(),
  mediators: text('mediators').notNull(),
  courtStage: text('court_stage'),
  receivedOn: day('received_on').notNull(),
  /** agreed | failed | withdrawn once the mediation ended. */
  outcome: text('outcome'),
  endedOn: day('ended_on'),
  referral: text('referral'),
  endReason: text('end_reason'),
  /** 调解协议书 (第29条). */
  agreementFacts: text('agreement_facts'),
  agreementTerms: text('agreement_terms'),
  agreementPerformance: text('agreement_performance'),
  /** 司法确认 (第33条): when both parties were reminded, their application and the court's answer. */
  confirmRemindedAt: timestamp('confirm_reminded_at', { withTimezone: true, mode: 'date' }),
  confirmRemindedTo: integer('confirm_reminded_to'),
  /** The second reminder, a few days before the window closes (MEDIATION_CONFIRM_CLOSING_REMIND_DAYS); set once, by whoever claims it first. */
  confirmClosingRemindedAt: timestamp('confirm_closing_reminded_at', { withTimezone: true, mode: 'date' }),
  confirmClosingRemindedTo: integer('confirm_closing_reminded_to'),
  confirmCourt: text('confirm_court'),
  confirmAppliedOn: day('confirm_applied_on'),
  confirmAnswer: text('confirm_answer'),
  confirmDecidedOn: day('confirm_decided_on'),
  confirmRulingNo: text('confirm_ruling_no'),
  /** 回访 (第31条¶2). */
  visitedOn: day('visited_on'),
  performance: text('performance'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: created(),
}, (t) => [
  index('mediation_disputes_received_idx').on(t.divisionCode, t.receivedOn),
  index('mediation_disputes_ended_idx').on(t.divisionCode, t.endedOn),
]);
export type DisputeRow = typeof disputes.$inferSelect;

/** 调解 sessions (调解记录, 第27条 requires the work to be recorded and filed). */
export const sessions = pgTable('mediation_sessions', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  heldOn: day('held_on').notNull(),
  mediators: text('mediators').notNull(),
  place: text('place'),
  notes: text('notes').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [index('mediation_sessions_case_idx').on(t.caseId)]);

/** 矛盾纠纷排查: a screening round in one village (disputes found, resolved on the spot). */
export const screenings = pgTable('mediation_screenings', {
  id: uuid('id').primaryKey(),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  heldOn: day('held_on').notNull(),
  found: integer('found').notNull(),
  resolved: integer('resolved').notNull(),
  notes: text('notes'),
  createdBy: uuid('created_by'),
  createdAt: created(),
}, (t) => [index('mediation_screenings_div_idx').on(t.divisionCode, t.heldOn)]);
export type ScreeningRow = typeof screenings.$inferSelect;

/** Resident population of a division as of a date (统计年鉴, 公安户籍, 七普…): the 万人调解率 denominator. */
export const populations = pgTable('mediation_populations', {
  id: uuid('id').primaryKey(),
  divisionCode: text('division_code').notNull(),
  asOf: day('as_of').notNull(),
  population: integer('population').notNull(),
  source: text('source').notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
}, (t) => [uniqueIndex('mediation_populations_div_date_idx').on(t.divisionCode, t.asOf)]);
export type PopulationRow = typeof populations.$inferSelect;
