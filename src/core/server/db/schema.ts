/**
 * Kernel tables. Every business row carries `division_code` (the sharding key if a province ever moves
 * to Citus) and ids are generated in the app (PGlite is PostgreSQL 18, the server may be 15: no uuidv7()).
 * Domains declare their own tables in src/domains/<name>/server/<name>.tables.ts; drizzle-kit reads both.
 */
import { sql } from 'drizzle-orm';
import {
  pgTable, text, integer, boolean, jsonb, timestamp, date, uuid, primaryKey, uniqueIndex, index, bigint,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const divisions = pgTable('divisions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
  /** Materialized path of codes, '440000/440300/440305/440305001', for subtree queries and breadcrumbs. */
  path: text('path').notNull(),
  sort: integer('sort').notNull().default(0),
}, (t) => [index('divisions_parent_idx').on(t.parentCode)]);

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  kind: text('kind').notNull(),
  divisionCode: text('division_code').notNull().references(() => divisions.code),
  parentId: uuid('parent_id'),
  sort: integer('sort').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('orgs_division_idx').on(t.divisionCode), uniqueIndex('orgs_division_name_uq').on(t.divisionCode, t.name)]);
export type OrgRow = typeof orgs.$inferSelect;

export const counters = pgTable('counters', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  name: text('name').notNull(),
  /** 无差别全科受理窗口: accepts any item. */
  generalist: boolean('generalist').notNull().default(false),
  divisionCode: text('division_code').notNull(),
}, (t) => [index('counters_org_idx').on(t.orgId)]);

export const roles = pgTable('roles', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  /** 'org': cases of the assigned org; 'division': the org's division subtree; 'self': own cases (public). */
  scope: text('scope').notNull(),
  permissions: jsonb('permissions').$type<string[]>().notNull(),
  description: text('description').notNull().default(''),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  kind: text('kind').notNull(), // staff | public
  /** For public accounts: person | enterprise. */
  subjectKind: text('subject_kind'),
  passwordHash: text('password_hash').notNull(),
  /** Personal data is stored SM4-encrypted with an HMAC-SM3 index for look-ups (GB/T 39786 数据保密性). */
  phoneEnc: text('phone_enc'),
  idNumberEnc: text('id_number_enc'),
  idNumberHash: text('id_number_hash'),
  status: text('status').notNull().default('active'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  lastLoginAt: ts('last_login_at'),
  passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('users_username_uq').on(t.username), uniqueIndex('users_id_number_uq').on(t.idNumberHash)]);
export type UserRow = typeof users.$inferSelect;

export const userRoles = pgTable('user_roles', {
  userId: uuid('user_id').notNull().references(() => users.id),
  role: text('role').notNull().references(() => roles.key),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  divisionCode: text('division_code').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.role, t.orgId] }), index('user_roles_org_idx').on(t.orgId)]);

export const sessions = pgTable('sessions', {
  /** SM3 of the cookie token: a stolen table does not yield usable cookies. */
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export const calendarMeta = pgTable('calendar_meta', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  status: text('status').notNull(), // draft | published
  source: text('source'),
  publishedAt: ts('published_at'),
  publishedBy: text('published_by'),
});

export const calendarDays = pgTable('calendar_days', {
  date: day('date').primaryKey(),
  kind: text('kind').notNull(), // holiday | workday
  name: text('name').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sequences = pgTable('sequences', {
  key: text('key').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey(),
  type: text('type').notNull(),
  refNo: text('ref_no').notNull(),
  title: text('title').notNull(),
  state: text('state').notNull(),
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  applicantId: uuid('applicant_id'),
  applicantName: text('applicant_name'),
  /**
   * SM4-encrypted contact number given for this case: typed at the counter for a walk-in, copied from
   * the account when filed online. Ratings invitations and callbacks reach walk-ins through it.
   */
  applicantPhoneEnc: text('applicant_phone_enc'),
  parentId: uuid('parent_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  idempotencyKey: text('idempotency_key'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  closedAt: ts('closed_at'),
  /** Denormalised earliest running clock due date, so the 工作台 sorts by deadline with one index. */
  dueDate: day('due_date'),
  /** The primary (legal) clock's due date and stop date, copied here so 按时办结率 needs no join. */
  primaryDue: day('primary_due'),
  primaryStopped: day('primary_stopped'),
}, (t) => [
  index('cases_type_created_idx').on(t.type, t.createdAt),
  // Open cases past due are few; this partial index finds them without scanning the closed ones.
  index('cases_open_primary_due_idx').on(t.primaryDue).where(sql`closed_at IS NULL`),
  index('cases_type_closed_idx').on(t.type, t.closedAt),
  uniqueIndex('cases_ref_no_uq').on(t.refNo),
  uniqueIndex('cases_idempotency_uq').on(t.createdBy, t.idempotencyKey),
  index('cases_org_state_idx').on(t.orgId, t.closedAt, t.dueDate),
  index('cases_division_idx').on(t.divisionCode, t.type, t.createdAt),
  index('cases_applicant_idx').on(t.applicantId),
  index('cases_parent_idx').on(t.parentId),
]);
export type CaseRow = typeof cases.$inferSelect;

/**
 * Daily rollup of the generic case figures per division, org and type, kept by the transition runner
 * in the same transaction, so 受理/办结/按时办结 over a year or a province cost the same whatever the
 * number of records (the records themselves are still listed from `cases`).
 */
export const caseDaily = pgTable('case_daily', {
  divisionCode: text('division_code').notNull(),
  orgId: uuid('org_id').notNull(),
  type: text('type').notNull(),
  day: day('day').notNull(),
  received: integer('received').notNull().default(0),
  completed: integer('completed').notNull().default(0),
  withClock: integer('with_clock').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.divisionCode, t.orgId, t.type, t.day] }), index('case_daily_day_idx').on(t.day, t.type)]);

export const caseEvents = pgTable('case_events', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  seq: integer('seq').notNull(),
  event: text('event').notNull(),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  at: ts('at').notNull(),
  comment: text('comment'),
  input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
  divisionCode: text('division_code').notNull(),
}, (t) => [uniqueIndex('case_events_case_seq_uq').on(t.caseId, t.seq)]);
export type CaseEventRow = typeof caseEvents.$inferSelect;

/**
 * Links between cases of any domains (DESIGN §4.9): a reconsideration and the decision it challenges,
 * a litigation and the reconsideration before it, a 差评整改 and the rated 办件. Directed (`from` names
 * `to` in its own terms: from challenges to); each side's page shows the link, in the reader's scope.
 * The kinds are declared by domains (DomainModule.caseLinks).
 */
export const caseLinks = pgTable('case_links', {
  id: uuid('id').primaryKey(),
  fromCaseId: uuid('from_case_id').notNull().references(() => cases.id),
  toCaseId: uuid('to_case_id').notNull().references(() => cases.id),
  kind: text('kind').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
}, (t) => [uniqueIndex('case_links_uq').on(t.fromCaseId, t.toCaseId, t.kind), index('case_links_to_idx').on(t.toCaseId)]);
export type CaseLinkRow = typeof caseLinks.$inferSelect;

export type ClockPauseRow = { from: string; to: string | null; reason: string; days: number };
export type ClockExtensionRow = { days: number; approverId: string; approverName: string; reason: string; at: string };

export const caseClocks = pgTable('case_clocks', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  name: text('name').notNull(),
  label: text('label').notNull(),
  unit: text('unit').notNull(),
  limitDays: integer('limit_days').notNull(),
  legalBasis: text('legal_basis').notNull(),
  primary: boolean('is_primary').notNull().default(false),
  warnBefore: integer('warn_before').notNull().default(1),
  state: text('state').notNull(), // running | paused | stopped
  startedOn: day('started_on').notNull(),
  dueDate: day('due_date'),
  // The due date lies past the published calendar and was estimated on weekends alone (预计): re-derived
  // by the clock scanner once the year is published (calendarVersion moves).
  provisional: boolean('provisional').notNull().default(false),
  stoppedOn: day('stopped_on'),
  calendarVersion: integer('calendar_version').notNull(),
  pauses: jsonb('pauses').$type<ClockPauseRow[]>().notNull().default([]),
  extensions: jsonb('extensions').$type<ClockExtensionRow[]>().notNull().default([]),
  derivation: text('derivation').notNull(),
  warnedAt: ts('warned_at'),
  overdueAt: ts('overdue_at'),
  divisionCode: text('division_code').notNull(),
}, (t) => [
  uniqueIndex('case_clocks_case_name_uq').on(t.caseId, t.name),
  index('case_clocks_due_idx').on(t.state, t.dueDate),
]);
export type ClockRow = typeof caseClocks.$inferSelect;

export const auditStreams = pgTable('audit_streams', {
  stream: text('stream').primaryKey(),
  seq: integer('seq').notNull(),
  headHash: text('head_hash').notNull(),
});

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey(),
  stream: text('stream').notNull(),
  seq: integer('seq').notNull(),
  at: ts('at').notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  success: boolean('success').notNull(),
  ip: text('ip'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [uniqueIndex('audit_log_stream_seq_uq').on(t.stream, t.seq), index('audit_log_at_idx').on(t.at)]);
export type AuditRow = typeof auditLog.$inferSelect;

export const jobs = pgTable('jobs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  state: text('state').notNull(), // queued | running | done | failed
  runAt: ts('run_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  lockedUntil: ts('locked_until'),
  lockedBy: text('locked_by'),
  lastError: text('last_error'),
  /** A job with a dedupe key is enqueued at most once (e.g. one clock scan per minute across N processes). */
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull(),
  finishedAt: ts('finished_at'),
}, (t) => [index('jobs_claim_idx').on(t.state, t.runAt), uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey)]);
export type JobRow = typeof jobs.$inferSelect;

export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey(),
  channel: text('channel').notNull(), // sms | email | inapp | webhook
  recipientUserId: uuid('recipient_user_id'),
  address: text('address'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  caseId: uuid('case_id'),
  divisionCode: text('division_code').notNull(),
  state: text('state').notNull(), // pending | sent | failed
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  lockedUntil: ts('locked_until'),
  sentAt: ts('sent_at'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('outbox_pending_idx').on(t.state, t.nextAttemptAt)]);
export type OutboxRow = typeof outbox.$inferSelect;

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  createdAt: ts('created_at').notNull(),
  readAt: ts('read_at'),
}, (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)]);
