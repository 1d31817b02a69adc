/**
 * The kernel object handed to every domain: configuration, the database, the clock (injectable, so
 * tests and replays control "today"), and the registries domains declare into. Nothing here knows a
 * domain; domains are discovered from src/domains/<name>/server/index.ts at boot.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { configError, type Config } from './config';
import type { Database, Tx } from './db/db';
import type { MachineDef } from '../shared/machine';
import type { CaseRow } from './cases/case.repository';
import type { Actor } from './actor';
import { todayIso, type WorkCalendar } from '../shared/calendar';
import { PersonalDataCipher } from './crypto';
import { CalendarCache } from './calendar.service';
import type { MetricDefinition } from './metrics';
import type { JobDefinition } from './jobs';

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

export type CaseTypeRegistration = {
  machine: MachineDef;
  /** Prefix of the human case number, e.g. 'BJ' → BJ4403052026112300001. */
  refPrefix: string;
  /** Domain fields shown on the generic case page. */
  present?: (tx: Tx, row: CaseRow, actor: Actor, kernel: Kernel) => Promise<{ label: string; value: string }[]>;
  /** Web route of the domain's own page for this case; defaults to the generic /cases/:id. */
  link?: (row: CaseRow) => string;
  /** Domain writes inside the transition's transaction, after the compare-and-set. */
  onTransition?: (tx: Tx, ctx: TransitionContext) => Promise<void>;
};

export type DomainModule = {
  name: string;
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

export type CaseSubscription = {
  caseType: string;
  /** Only these events (default: all). */
  events?: string[];
  /** Only transitions into these states (default: all). */
  toStates?: string[];
  handle: (tx: Tx, ctx: TransitionContext) => Promise<void>;
};

export const defineDomain = (d: DomainModule) => d;

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
};

export function isoDateIn(tz: string, d: Date): string {
  return todayIso(tz, d);
}

/**
 * Every domain's settings from the environment the kernel's own were read from. All problems of all
 * domains are reported together, like loadConfig does, so one boot shows everything to fix.
 */
export function parseDomainConfigs(env: Readonly<Record<string, string | undefined>>, domains: DomainModule[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const issues: { path: PropertyKey[]; message: string }[] = [];
  for (const d of domains) {
    if (!d.config) continue;
    const r = d.config.safeParse(env);
    if (r.success) out[d.name] = r.data as Record<string, unknown>;
    else issues.push(...r.error.issues.map((i) => ({ path: i.path, message: `${i.message}（${d.name}）` })));
  }
  if (issues.length) throw configError(issues);
  return out;
}

/**
 * A domain's settings, typed by its schema. The schema object identifies the domain, so a domain
 * reads only what it declared, and a setting never read from the environment twice.
 */
export function domainConfig<S extends z.ZodObject>(kernel: Kernel, schema: S): z.output<S> {
  const d = kernel.domains.find((m) => m.config === schema);
  if (!d) throw new Error('domainConfig: this settings schema belongs to no registered domain');
  return kernel.config.domains[d.name] as z.output<S>;
}

export function createKernel(config: Config, db: Database, domains: DomainModule[], now: () => Date = () => new Date()): Kernel {
  const k: Kernel = {
    config: { ...config, domains: parseDomainConfigs(config.env, domains) },
    tz: config.TZ_NAME,
    db, now,
    today: () => isoDateIn(config.TZ_NAME, now()),
    cipher: new PersonalDataCipher(config.APP_SECRET),
    calendar: new CalendarCache(),
    domains,
    caseTypes: new Map(),
    metrics: new Map(),
    jobs: new Map(),
    subscriptions: new Map(),
  };
  for (const d of domains) {
    for (const ct of d.caseTypes ?? []) {
      if (k.caseTypes.has(ct.machine.type)) throw new Error(`case type ${ct.machine.type} registered twice`);
      k.caseTypes.set(ct.machine.type, ct);
    }
    for (const m of d.metrics ?? []) k.metrics.set(m.key, m);
    for (const j of d.jobs ?? []) k.jobs.set(j.name, j);
    for (const s of d.subscriptions ?? []) k.subscriptions.set(s.caseType, [...(k.subscriptions.get(s.caseType) ?? []), s]);
  }
  return k;
}

export type ZodObj = z.ZodObject;
