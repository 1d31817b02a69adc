/**
 * The kernel object handed to every domain: configuration, the database, the clock (injectable, so
 * tests and replays control "today"), and the registries domains declare into. Nothing here knows a
 * domain; domains are discovered from src/domains/<name>/server/index.ts at boot.
 */
import { setPeriodZone } from './sql-scope';
import { declareCaseData } from './cases/case.data';
import type { z } from 'zod';
import { configError, type Config } from './config';
import type { Database } from './db/db';
import { todayIso } from '../shared/calendar';
import { PersonalDataCipher } from './crypto';
import { CalendarCache } from './calendar.service';
import type { DomainModule, Kernel } from './contract';

// The declared shapes live in contract.ts (types only); re-exported for the kernel's own modules.
export type { CaseSubscription, CaseTypeRegistration, DomainModule, Kernel, KernelConfig, TransitionContext } from './contract';

export const defineDomain = (d: DomainModule) => d;

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
  setPeriodZone(config.TZ_NAME);
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
    caseLinks: new Map(),
  };
  for (const d of domains) {
    for (const ct of d.caseTypes ?? []) {
      if (k.caseTypes.has(ct.machine.type)) throw new Error(`case type ${ct.machine.type} registered twice`);
      if (!ct.machine.data) throw new Error(`case type ${ct.machine.type}: its machine declares no \`data\` (the facts its cases keep)`);
      declareCaseData(ct.machine);
      for (const [what, byEvent] of [['on', ct.on], ['checks', ct.checks]] as const) {
        for (const e of Object.keys(byEvent ?? {})) if (!(e in ct.machine.events)) throw new Error(`case type ${ct.machine.type}: ${what}.${e} names no event of its machine`);
      }
      k.caseTypes.set(ct.machine.type, ct);
    }
    for (const m of d.metrics ?? []) k.metrics.set(m.key, m);
    for (const j of d.jobs ?? []) k.jobs.set(j.name, j);
    for (const s of d.subscriptions ?? []) k.subscriptions.set(s.caseType, [...(k.subscriptions.get(s.caseType) ?? []), s]);
    for (const l of d.caseLinks ?? []) {
      if (k.caseLinks.has(l.kind)) throw new Error(`case link kind ${l.kind} declared twice`);
      k.caseLinks.set(l.kind, l);
    }
  }
  return k;
}

export type ZodObj = z.ZodObject;
