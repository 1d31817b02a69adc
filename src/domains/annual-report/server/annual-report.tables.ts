import { pgTable, uuid, integer, text, jsonb, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from '../../../core/server';
import type { ReportContent } from '../shared/annual-report.schema';

/** One row per report case: the subject, the year and the current content (with traceable numbers). */
export const annualReports = pgTable('annual_reports', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  year: integer('year').notNull(),
  subjectKind: text('subject_kind').notNull(), // division | org
  subjectOrgId: uuid('subject_org_id'),
  subjectDivisionCode: text('subject_division_code').notNull(),
  subjectName: text('subject_name').notNull(),
  template: text('template').notNull(),
  content: jsonb('content').$type<ReportContent>().notNull(),
  contentVersion: integer('content_version').notNull().default(1),
  generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }),
  divisionCode: text('division_code').notNull(),
}, (t) => [uniqueIndex('annual_reports_subject_year_uq').on(t.subjectKind, t.subjectDivisionCode, t.subjectOrgId, t.year)]);
export type AnnualReportRow = typeof annualReports.$inferSelect;

/** Every saved content, so reviewers can see what changed between versions. */
export const annualReportVersions = pgTable('annual_report_versions', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  version: integer('version').notNull(),
  content: jsonb('content').$type<ReportContent>().notNull(),
  note: text('note').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  divisionCode: text('division_code').notNull(),
}, (t) => [index('annual_report_versions_case_idx').on(t.caseId, t.version)]);
