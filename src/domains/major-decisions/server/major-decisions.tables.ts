import { pgTable, uuid, text, integer, boolean, timestamp, date, index } from 'drizzle-orm/pg-core';

/** The decision catalog entry (the case row holds state, clocks and the procedure record in data). */
export const majorDecisions = pgTable('major_decisions', {
  caseId: uuid('case_id').primaryKey(),
  year: integer('year').notNull(),
  draftingOrgId: uuid('drafting_org_id').notNull(),
  partyApprovedOn: date('party_approved_on', { mode: 'string' }).notNull(),
  needsParticipation: boolean('needs_participation').notNull(),
  needsExpert: boolean('needs_expert').notNull(),
  needsRisk: boolean('needs_risk').notNull(),
  legalityPassedOn: date('legality_passed_on', { mode: 'string' }),
  decidedOn: date('decided_on', { mode: 'string' }),
  result: text('result'),
  dissent: text('dissent'),
  publishedOn: date('published_on', { mode: 'string' }),
  divisionCode: text('division_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('major_decisions_year_idx').on(t.divisionCode, t.year)]);
export type DecisionRow = typeof majorDecisions.$inferSelect;
