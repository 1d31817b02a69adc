/**
 * Integration harness: a real app on a real database (a per-file copy of the migrated template, on
 * PGlite or PostgreSQL), driven through HTTP with app.inject, with a clock the test controls.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/core/server/config';
import { openDatabase } from '../../src/core/server/db/db';
import { buildApp, prepareKernel } from '../../src/app/server/app';
import { parseDomainConfigs, type Kernel } from '../../src/core/server/kernel';
import { DEMO_PASSWORD } from '../../src/app/server/demo-district';
import { testDomains } from './domains';
import { buildStaff, FACTORY_PASSWORD } from '../../src/core/server/testing';
import { getOrgByName } from '../../src/core/server/tenancy.repository';

export type TestClock = { now: () => Date; set(iso: string): void; addDays(n: number): void };

/** Times are given in China time; the default is a Monday morning. */
export function testClock(iso = '2026-11-02T09:00:00+08:00'): TestClock {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), set: (s) => { t = new Date(s).getTime(); }, addDays: (n) => { t += n * 86400_000; } };
}

export type Res<T = any> = { status: number; body: T };

/**
 * The body of a request a test step needs to succeed: anything but 200 throws with the status and the
 * server's answer, so the step reads as what it does (`await okBody(c.post(path, body))`).
 */
export async function okBody<T = any>(request: Promise<Res<T>>, what = ''): Promise<T> {
  const r = await request;
  if (r.status !== 200) throw new Error(`${what ? `${what}: ` : ''}${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export class Client {
  private cookies: Record<string, string> = {};
  constructor(private app: FastifyInstance) {}
  private cookieHeader() { return Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; '); }
  async request<T = any>(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const res = await this.app.inject({
      method: method as 'GET', url, payload: payload as object | undefined,
      headers: { cookie: this.cookieHeader(), ...(this.cookies.zt_csrf ? { 'x-csrf-token': this.cookies.zt_csrf } : {}), ...headers },
    });
    for (const c of res.cookies as { name: string; value: string }[]) {
      if (c.value === '') delete this.cookies[c.name]; else this.cookies[c.name] = c.value;
    }
    let body: unknown = res.body;
    try { body = res.json(); } catch { /* not JSON */ }
    return { status: res.statusCode, body: body as T };
  }
  get<T = any>(url: string) { return this.request<T>('GET', url); }
  post<T = any>(url: string, payload: unknown = {}) { return this.request<T>('POST', url, payload); }
  put<T = any>(url: string, payload: unknown = {}) { return this.request<T>('PUT', url, payload); }
  delete<T = any>(url: string) { return this.request<T>('DELETE', url); }
  async login(username: string, password = DEMO_PASSWORD) {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return this;
  }
}

/**
 * Who a test acts as, stated by what it needs: roles in one org of the test district (its full name,
 * e.g. 湖滨区市场监督管理局). The same spec is the same person throughout a file, as a named user would
 * be; `name` tells two people with the same roles apart (two operators racing for one ticket).
 */
export type StaffSpec = { roles: string[]; org: string; name?: string };

export type TestApp = {
  app: FastifyInstance; kernel: Kernel; clock: TestClock; anon(): Client; close(): Promise<void>;
  /** Signs in as a demo account: for tests of the demo itself (*.demo.test.ts), which seed it first. */
  as(username: string): Promise<Client>;
  /** Signs in as a member of staff built for this test (tests do not borrow demo accounts). */
  staff(spec: StaffSpec): Promise<Client>;
  /** The username `staff(spec)` signs in with, built on first use (to assign work to that person, say). */
  staffUser(spec: StaffSpec): Promise<{ id: string; username: string; displayName: string; orgId: string }>;
  /**
   * Runs `f` with some domain settings changed (environment variable names → values, parsed by the
   * domains' own schemas), then restores them: for one test that needs, say, a smaller upload limit or
   * demo size on an app that is already running. Boot-time values go in startTestApp({ env }).
   */
  withSettings<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T>;
};

/**
 * Tests move the clock by months and years across one seeded template: a password age limit would hold
 * every demo account at the change page. tests/kernel/auth.test.ts turns it on where it is the subject.
 */
const TEST_DEFAULTS = { PASSWORD_MAX_AGE_DAYS: '0' };

/** `env` adds to the environment the app's settings are parsed from (e.g. demo sizes: `{ DEMO_APPLICATIONS: '50' }`). */
export async function startTestApp(opts: { clock?: TestClock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const clock = opts.clock ?? testClock();
  const pgTemplate = inject('pgTemplate');
  let dropDb: (() => Promise<void>) | null = null;
  let config;
  let db;
  if (pgTemplate) {
    const name = `zt_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    config = loadConfig({ ...TEST_DEFAULTS, ...process.env, ...opts.env, DATABASE_URL: u.toString(), LOG_LEVEL: 'silent' });
    db = await openDatabase(config);
    dropDb = async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    config = loadConfig({ ...TEST_DEFAULTS, ...process.env, ...opts.env, DATABASE_URL: undefined, LOG_LEVEL: 'silent', DATA_DIR: `.tmp/test-${randomUUID().slice(0, 8)}` });
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    db = await openDatabase(config, { pgliteDump: dump });
  }
  const kernel = await prepareKernel({ config, db, now: clock.now, domains: await testDomains() });
  const app = await buildApp(kernel, { logger: false });
  await app.ready();
  const built = new Map<string, Promise<{ id: string; username: string; displayName: string; orgId: string }>>();
  const staffUser = (spec: StaffSpec) => {
    const key = JSON.stringify([[...spec.roles].sort(), spec.org, spec.name ?? '']);
    if (!built.has(key)) {
      built.set(key, (async () => {
        const org = await kernel.db.tx((tx) => getOrgByName(tx, spec.org));
        if (!org) throw new Error(`staff: no org named ${spec.org} in the test district`);
        const s = await buildStaff(kernel, { roles: spec.roles, org, displayName: spec.name });
        return { id: s.user.id, username: s.username, displayName: s.user.displayName, orgId: org.id };
      })());
    }
    return built.get(key)!;
  };
  return {
    app, kernel, clock,
    as: (username) => new Client(app).login(username),
    staffUser,
    staff: async (spec) => new Client(app).login((await staffUser(spec)).username, FACTORY_PASSWORD),
    anon: () => new Client(app),
    async close() { await app.close(); await db.close(); await dropDb?.(); },
    async withSettings(vars, f) {
      const before = kernel.config.domains;
      kernel.config.domains = parseDomainConfigs({ ...kernel.config.env, ...vars }, kernel.domains);
      try { return await f(); } finally { kernel.config.domains = before; }
    },
  };
}

export const isPostgres = () => !!inject('pgTemplate');
