/**
 * The kernel object handed to every domain: configuration, the database, the clock (injectable, so
 * tests and replays control "today"), and the registries domains declare into. Nothing here knows a
 * domain; domains are discovered from src/domains/<name>/server/index.ts at boot.
 */
import type { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/db';
import { todayIso } from '../shared/calendar';
import { PersonalDataCipher } from './crypto';
import { CalendarCache } from './calendar.service';
import type { DomainModule, Kernel } from './contract';

// The declared shapes live in contract.ts (types only); re-exported for the kernel's own modules.
export type { CaseSubscription, CaseTypeRegistration, DomainModule, Kernel, TransitionContext } from './contract';

export const defineDomain = (d: DomainModule) => d;

export function isoDateIn(tz: string, d: Date): string {
  return todayIso(tz, d);
}

export function createKernel(config: Config, db: Database, domains: DomainModule[], now: () => Date = () => new Date()): Kernel {
  const k: Kernel = {
    config, db, now,
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
