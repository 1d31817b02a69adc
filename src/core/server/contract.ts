/**
 * What a domain declares into the kernel (DESIGN §4.9): the shapes of `defineDomain`, its case types,
 * subscriptions, jobs and metrics, and the `Kernel` object handed back. Types only, no runtime code:
 * everything in core/server may import it, and it imports no module that implements the kernel, so
 * kernel ↔ jobs ↔ metrics no longer import each other for their types.
 */
import type { FastifyInstance } from 'fastify';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { MachineDef } from '../shared/machine';
import type { WorkCalendar } from '../shared/calendar';
import type { MetricQuery } from '../shared/schemas';
import type { MetricUnit } from '../shared/metric-units';
import type { Config } from './config';
import type { Database, Tx } from './db/db';
import type { CaseRow } from './db/schema';
import type { Actor } from './actor';
import type { PersonalDataCipher } from './crypto';
import type { ScopeColumns, ScopePermission } from './access/scope';
import type { CalendarCache } from './calendar.service';

// ---- case types -----------------------------------------------------------------------------------

export type TransitionContext = {
  row: CaseRow;
  previousState: string;
  event: string;
  input: Record<string, unknown>;
  actor: Actor;
  at: Date;
  today: string;
  calendar: WorkCalendar;
  kernel: Kernel;
};

/** What a registration's `checks` see: the case as read before the compare-and-set, and the parsed input. */
export type TransitionCheckContext = Omit<TransitionContext, 'previousState' | 'calendar'>;

/** One event's domain writes (CaseTypeRegistration.on). */
export type TransitionHandler = (tx: Tx, ctx: TransitionContext) => Promise<void>;
/** One event's row-reading check (CaseTypeRegistration.checks): a Chinese reason refuses, null lets it go on. */
export type TransitionCheck = (tx: Tx, ctx: TransitionCheckContext) => Promise<string | null>;

/**
 * Who the clock scanner tells of one clock's 临期/超期 (CaseTypeRegistration.clockNotices): active staff
 * holding `permission` through a role granted on a division that covers the case's (the case's org plays
 * no part). `alsoOrg` keeps the default recipients (the case org's staff of the type) as well.
 */
export type ClockNoticeRecipients = { permission: string; alsoOrg?: boolean };

export type CaseTypeRegistration = {
  machine: MachineDef;
  /** Prefix of the human case number, e.g. 'BJ' → BJ4403052026112300001. */
  refPrefix: string;
  /** Domain fields shown on the generic case page. */
  present?: (tx: Tx, row: CaseRow, actor: Actor, kernel: Kernel) => Promise<{ label: string; value: string; links?: { name: string; href: string }[] }[]>;
  /** Web route of the domain's own page for this case; defaults to the generic /cases/:id. */
  link?: (row: CaseRow) => string;
  /**
   * Who is told of a clock's 临期/超期, by clock name, where it is not the case org's staff: the default
   * (every clock not named) is the staff of the case's org holding any permission of the type. E.g. a
   * 复议 case's org is the respondent agency (for scope), but the review and decision periods are the
   * 复议机构's: they name the bureau's permission here.
   */
  clockNotices?: Record<string, ClockNoticeRecipients>;
  /** Domain writes of every transition of the type, in its transaction, after the compare-and-set. */
  onTransition?: (tx: Tx, ctx: TransitionContext) => Promise<void>;
  /**
   * Domain writes of one event (event → handler), after the compare-and-set and after onTransition:
   * each event's effect in its own function rather than a `switch (ctx.event)`.
   */
  on?: Record<string, TransitionHandler>;
  /**
   * Checks of one event that must read rows (event → check), run after the machine's guards and before
   * the compare-and-set, so a refusal writes nothing and no hook runs. A Chinese reason refuses the
   * event (422 GUARD_FAILED); null lets it go on. E.g. 12345 退单 only within N hours of the last 派单.
   */
  checks?: Record<string, TransitionCheck>;
  /**
   * Choices an event's list field offers on this case (event → field → values), e.g. the guide's
   * materials a 补正 notice ticks: the case page's form shows them as tick boxes.
   */
  formChoices?: (tx: Tx, row: CaseRow, kernel: Kernel) => Promise<Record<string, Record<string, string[]>>>;
  /**
   * The kernel serves GET /api/<plural>: the scoped, paged, searchable and filterable list. `false`
   * only where the domain's list is not a list of cases (the annual reports' list of years).
   */
  list?: false;
};

export type CaseLinkKind = { kind: string; label: string; inverseLabel: string };

export type CaseSubscription = {
  caseType: string;
  /** Only these events (default: all). */
  events?: string[];
  /** Only transitions into these states (default: all). */
  toStates?: string[];
  handle: (tx: Tx, ctx: TransitionContext) => Promise<void>;
};

// ---- jobs -----------------------------------------------------------------------------------------

export type JobDefinition<P extends Record<string, unknown> = Record<string, unknown>> = {
  name: string;
  schema?: z.ZodType<P>;
  /** Recurring: run once per this many seconds across all processes. */
  everySeconds?: number;
  maxAttempts?: number;
  handler: (kernel: Kernel, payload: P, job: { id: string; attempts: number }) => Promise<void>;
};

// ---- metrics --------------------------------------------------------------------------------------

export type MetricScope = MetricQuery & { divisionCode: string };

/**
 * The rows behind a figure over a registry that is not a case (主动公开 items, 法律顾问 work records,
 * 评价): its table, the columns a reader sees (Chinese labels; values as text or numbers), the figure's
 * condition, and the table's scope columns. The kernel selects them (core/server/metrics.repository.ts)
 * always within `scopeWhere(actor, permission, scope)`, as it pages a case figure's records.
 */
export type RecordSet = {
  table: PgTable;
  scope: ScopeColumns;
  /** The grant that shows a row (default 'metrics.read', the right to read figures). */
  permission?: ScopePermission;
  columns: { key: string; label: string; value: AnyColumn | SQL }[];
  where: (q: MetricScope, which: 'numerator' | 'denominator') => SQL | undefined;
  orderBy: SQL;
};

export type MetricDefinition = {
  key: string;
  label: string;
  /** count, rate (a share), or perTenThousand (a count per 10,000 of a population): core/shared/metric-units.ts */
  unit: MetricUnit;
  /** The definition in Chinese, as printed beside the figure and in the domain README. */
  definition: string;
  compute: (tx: Tx, kernel: Kernel, q: MetricScope) => Promise<{ numerator: number; denominator: number | null }>;
  /**
   * The records behind the numerator (and denominator, for rates), as a condition on `cases`. The
   * kernel pages them, and always in the reader's own row scope (access/scope.ts): a figure may count a
   * whole county while its reader may open only their own org's records. Metrics over non-case records
   * (catalog items) leave it out and say in `recordsNote` where their records are.
   */
  recordsNote?: string;
  /** `kernel` for figures whose definition is a domain setting (e.g. which judgments count as 败诉). */
  recordsWhere?: (q: MetricScope, which: 'numerator' | 'denominator', kernel: Kernel) => SQL;
  /**
   * For figures over registries that are not cases (disclosure items, counsel work logs, ratings). A
   * function when a setting decides what the figure counts: 出庭应诉率 per hearing opens the hearings,
   * per case (null here) the cases of `recordsWhere`. The rows opened must be the units counted.
   */
  recordSet?: RecordSet | ((kernel: Kernel) => RecordSet | null);
};

export type Breakdown = 'org' | 'month';
export type MetricDefinitionWithBreakdown = MetricDefinition & {
  /** The same figure for every org or every month of the period in one grouped query (dashboards). */
  breakdown?: (tx: Tx, kernel: Kernel, q: MetricScope, by: Breakdown) => Promise<Map<string, { numerator: number; denominator: number | null }>>;
};

// ---- the domain -----------------------------------------------------------------------------------

export type DomainModule = {
  name: string;
  /**
   * The tables this domain owns (drizzle table objects, or SQL names). No other domain's SQL names
   * them: others read through this domain's public.ts (tests/architecture.test.ts checks it). The
   * kernel's tables (cases, case_events, orgs, users…) are shared by every domain.
   */
  tables?: (PgTable | string)[];
  /** Permission → 中文 label, for the roles page. */
  permissions?: Record<string, string>;
  /** Permissions this domain grants to roles (kernel roles or its own). */
  grants?: Record<string, string[]>;
  roles?: { key: string; name: string; scope: 'org' | 'division' | 'self'; description: string }[];
  caseTypes?: CaseTypeRegistration[];
  jobs?: JobDefinition[];
  metrics?: MetricDefinition[];
  routes?: (app: FastifyInstance, kernel: Kernel) => Promise<void> | void;
  /**
   * Reactions to another domain's cases, run inside the same transaction after the owner's own
   * onTransition (e.g. licences issue a licence when an application completes; a bundle re-derives its
   * state when a child moves). Filter by event or target state; a throw rolls the transition back.
   */
  subscriptions?: CaseSubscription[];
  /**
   * Kinds of link this domain draws from its cases to others (case_links): `label` reads from the
   * linking case ("复议针对的行政行为"), `inverseLabel` from the linked one ("被申请复议").
   */
  caseLinks?: CaseLinkKind[];
  /** Demo data for `zhengtong seed demo`, run after the kernel's demo district exists. */
  seedDemo?: (kernel: Kernel) => Promise<void>;
  /** Domains whose demo data this domain's demo builds on (e.g. ratings rate services' cases). */
  seedAfter?: string[];
  /**
   * The domain's settings: a zod object whose keys are environment variable names, each with its
   * default, bounds and `.describe()`. Parsed once at boot into `kernel.config.domains[name]` (a bad
   * value stops the boot) and read with `domainConfig(kernel, schema)`; README's settings table is
   * generated from it.
   */
  config?: z.ZodObject;
};

// ---- the kernel handed to domains -----------------------------------------------------------------

export type KernelConfig = Config & {
  /** Each domain's parsed settings by domain name (see DomainModule.config). */
  domains: Record<string, Record<string, unknown>>;
};

export type Kernel = {
  config: KernelConfig;
  /** The configured IANA time zone (TZ_NAME): "today", months in SQL, times shown to people. */
  tz: string;
  db: Database;
  now: () => Date;
  today: () => string;
  cipher: PersonalDataCipher;
  calendar: CalendarCache;
  domains: DomainModule[];
  caseTypes: Map<string, CaseTypeRegistration>;
  metrics: Map<string, MetricDefinition>;
  jobs: Map<string, JobDefinition>;
  subscriptions: Map<string, CaseSubscription[]>;
  caseLinks: Map<string, CaseLinkKind>;
};
