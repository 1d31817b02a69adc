import { pgTable, uuid, text, integer, boolean, timestamp, date, jsonb, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

const day = (n: string) => date(n, { mode: 'string' });
const ts = (n: string) => timestamp(n, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull();

/**
 * 党政干部名册: the officials who study, sit exams and 述法. Linked to a login account where they have one
 * (userId); most of a county's 600 officials never log in to this system, and hashing 600 passwords
 * for a register would be waste.
 */
export const officials = pgTable('law_study_officials', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  post: text('post'),
  leader: boolean('leader').notNull(),
  userId: uuid('user_id'),
  active: boolean('active').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [uniqueIndex('law_study_officials_user_idx').on(t.userId), index('law_study_officials_org_idx').on(t.divisionCode, t.orgId)]);
export type OfficialRow = typeof officials.$inferSelect;

/** A study session (学法) or 旁听庭审 of one org. */
export const sessions = pgTable('law_study_sessions', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  topic: text('topic').notNull(),
  laws: text('laws').notNull(),
  speakers: text('speakers'),
  heldOn: day('held_on').notNull(),
  minutes: integer('minutes').notNull(),
  /** Attendees not in the register (办事员, 村干部…): counted in person-times only. */
  otherAttendees: integer('other_attendees').notNull(),
  court: text('court'),
  courtCaseNo: text('court_case_no'),
  materials: text('materials'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
}, (t) => [index('law_study_sessions_held_idx').on(t.divisionCode, t.heldOn)]);
export type SessionRow = typeof sessions.$inferSelect;

/** A file handed out or shown at a session (课件, 学习材料, 庭审笔录…), kept in the kernel's file storage. */
export const materials = pgTable('law_study_materials', {
  id: uuid('id').primaryKey(),
  sessionId: uuid('session_id').notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  storageKey: text('storage_key').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
}, (t) => [index('law_study_materials_session_idx').on(t.sessionId)]);
export type MaterialRow = typeof materials.$inferSelect;

export const attendance = pgTable('law_study_attendance', {
  sessionId: uuid('session_id').notNull(),
  officialId: uuid('official_id').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
}, (t) => [primaryKey({ columns: [t.sessionId, t.officialId] }), index('law_study_attendance_official_idx').on(t.officialId)]);

/** 题库: one question; `answer` never leaves the server except to the bank's keepers. */
export const questions = pgTable('law_exam_questions', {
  id: uuid('id').primaryKey(),
  law: text('law').notNull(),
  topic: text('topic').notNull(),
  type: text('type').notNull(),
  stem: text('stem').notNull(),
  options: jsonb('options').$type<string[]>().notNull(),
  /** Letters of the right options ('B', 'ACD'), or 'T' / 'F' for 判断题. */
  answer: text('answer').notNull(),
  explanation: text('explanation'),
  active: boolean('active').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: created(),
}, (t) => [uniqueIndex('law_exam_questions_stem_idx').on(t.divisionCode, t.stem), index('law_exam_questions_pick_idx').on(t.divisionCode, t.type, t.topic)]);
export type QuestionRow = typeof questions.$inferSelect;

export type BlueprintLine = { type: 'single' | 'multiple' | 'judge'; topic: string | null; count: number; points: number };

/** An exam window over the division's officials. */
export const exams = pgTable('law_exams', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  opensAt: ts('opens_at').notNull(),
  closesAt: ts('closes_at').notNull(),
  limitSeconds: integer('limit_seconds').notNull(),
  maxAttempts: integer('max_attempts').notNull(),
  passMark: integer('pass_mark').notNull(),
  totalPoints: integer('total_points').notNull(),
  blueprint: jsonb('blueprint').$type<BlueprintLine[]>().notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
}, (t) => [index('law_exams_opens_idx').on(t.divisionCode, t.opensAt)]);
export type ExamRow = typeof exams.$inferSelect;

/**
 * One attempt: its own paper (drawn at start), the answers saved before its deadline and the score of
 * those answers (graded at every save, so an attempt left open is final the moment its time is up).
 */
export const attempts = pgTable('law_exam_attempts', {
  id: uuid('id').primaryKey(),
  examId: uuid('exam_id').notNull(),
  officialId: uuid('official_id').notNull(),
  attemptNo: integer('attempt_no').notNull(),
  startedAt: ts('started_at').notNull(),
  deadline: ts('deadline').notNull(),
  submittedAt: ts('submitted_at'),
  questionIds: jsonb('question_ids').$type<string[]>().notNull(),
  answers: jsonb('answers').$type<Record<string, string>>().notNull(),
  correct: jsonb('correct').$type<Record<string, boolean>>().notNull(),
  score: integer('score').notNull(),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
}, (t) => [uniqueIndex('law_exam_attempts_no_idx').on(t.examId, t.officialId, t.attemptNo), index('law_exam_attempts_org_idx').on(t.examId, t.orgId)]);
export type AttemptRow = typeof attempts.$inferSelect;

/** 述法: one official's report for a year (书面, or on-site at a 述法会), with its rating. */
export const shufa = pgTable('law_study_shufa', {
  id: uuid('id').primaryKey(),
  officialId: uuid('official_id').notNull(),
  year: integer('year').notNull(),
  form: text('form').notNull(),
  meetingId: uuid('meeting_id'),
  reportedOn: day('reported_on').notNull(),
  content: text('content').notNull(),
  rating: text('rating'),
  comments: text('comments'),
  ratedBy: uuid('rated_by'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
}, (t) => [uniqueIndex('law_study_shufa_year_idx').on(t.officialId, t.year), index('law_study_shufa_reported_idx').on(t.divisionCode, t.reportedOn)]);
export type ShufaRow = typeof shufa.$inferSelect;

/** 法治建设 meetings (常委会, 常务会, 依法治区委员会, 述法会) and 第一责任人 acts. */
export const meetings = pgTable('law_study_meetings', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  heldOn: day('held_on').notNull(),
  chair: text('chair'),
  topics: text('topics').notNull(),
  decisions: text('decisions'),
  orgId: uuid('org_id').notNull(),
  divisionCode: text('division_code').notNull(),
  createdBy: uuid('created_by'),
  createdAt: created(),
}, (t) => [index('law_study_meetings_held_idx').on(t.divisionCode, t.heldOn)]);
export type MeetingRow = typeof meetings.$inferSelect;
