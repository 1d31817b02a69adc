import { pgTable, uuid, text, integer, boolean, timestamp, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

const ts = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });

/**
 * 回访: one row per completed application or closed 12345 ticket drawn into the callback sample. The
 * contact number is not copied here: it is read from its source when the agent opens the callback, and
 * that read is audited.
 */
export const callbacks = pgTable('callbacks', {
  id: uuid('id').primaryKey(),
  /** The followed case's type: application | ticket. */
  kind: text('kind').notNull(),
  caseId: uuid('case_id').notNull(),
  refNo: text('ref_no').notNull(),
  title: text('title').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  /** When the followed case closed (the callback is counted in that period). */
  closedAt: ts('closed_at').notNull(),
  state: text('state').notNull(), // pending | done | unreached
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull(),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  reached: boolean('reached'),
  resolved: boolean('resolved'),
  /** 1–5 as the rating levels: 非常满意 … 非常不满意. */
  satisfaction: integer('satisfaction'),
  note: text('note'),
  agentId: uuid('agent_id'),
  agentName: text('agent_name'),
  completedAt: ts('completed_at'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('callbacks_case_uq').on(t.caseId),
  index('callbacks_queue_idx').on(t.state, t.nextAttemptAt),
  index('callbacks_division_closed_idx').on(t.divisionCode, t.closedAt),
]);
export type CallbackRow = typeof callbacks.$inferSelect;

/** Every call attempt, reached or not: the retry history behind a callback. */
export const callbackAttempts = pgTable('callback_attempts', {
  id: uuid('id').primaryKey(),
  callbackId: uuid('callback_id').notNull(),
  at: ts('at').notNull(),
  agentId: uuid('agent_id'),
  agentName: text('agent_name').notNull(),
  reached: boolean('reached').notNull(),
  note: text('note'),
}, (t) => [index('callback_attempts_cb_idx').on(t.callbackId, t.at)]);

/** Per division and kind: the sampling rate, attempts, retry interval and the script the agent reads. */
export const callbackSettings = pgTable('callback_settings', {
  divisionCode: text('division_code').notNull(),
  kind: text('kind').notNull(),
  /** Percent of completed cases drawn for a callback, 0–100. */
  samplePercent: integer('sample_percent').notNull(),
  maxAttempts: integer('max_attempts').notNull(),
  retryHours: integer('retry_hours').notNull(),
  script: text('script').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.divisionCode, t.kind] })]);
