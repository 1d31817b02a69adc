/**
 * Bootstrap: open the database, apply migrations, sync declared roles, build the kernel from the
 * discovered domains, and assemble the Fastify app (kernel routes, then each domain's routes, then the
 * built web app with an SPA fallback). The app holds no state of its own: run as many as you like.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../../core/server/paths';
import { registerStartup, startup, type Startup } from './startup';
import { registerSecurity, requestSerializer } from './security';
import client from 'prom-client';
import { loadConfig, type Config } from '../../core/server/config';
import { openDatabase, type Database } from '../../core/server/db/db';
import { migrate } from '../../core/server/db/migrate';
import { createKernel, type DomainModule, type Kernel } from '../../core/server/kernel';
import { syncRoles } from '../../core/server/roles';
import { seedDefaultCalendar } from '../../core/server/calendar.service';
import * as calendarRepo from '../../core/server/calendar.repository';
import { DEFAULT_CALENDAR_OVERRIDES, DEFAULT_CALENDAR_SOURCES } from '../../core/shared/calendar-data';
import { registerHttpPlumbing } from '../../core/server/http/plugin';
import { kernelRoutes } from '../../core/server/http/kernel.routes';
import * as jobsRepo from '../../core/server/jobs.repository';
import { loadDomains } from './domains';

export { WEB_DIST };

export type BootOptions = { config?: Config; db?: Database; now?: () => Date; domains?: DomainModule[]; logger?: boolean };

/** Database ready for use: migrated, roles in sync with the code, and the official calendar present. */
export async function prepareKernel(opts: BootOptions = {}): Promise<Kernel> {
  const config = opts.config ?? loadConfig();
  const db = opts.db ?? (await openDatabase(config));
  await migrate(db);
  const domains = opts.domains ?? (await loadDomains());
  const kernel = createKernel(config, db, domains, opts.now);
  await db.tx(async (tx) => {
    await syncRoles(tx, domains);
    // The State Council calendar is reference data, not demo data: every deployment starts with it.
    if ((await calendarRepo.listYears(tx)).length === 0) {
      // One year row per notice: the range starts in late December of the year before the first notice
      // (its New Year break), which is that notice's, not a year of its own.
      await seedDefaultCalendar(tx, DEFAULT_CALENDAR_OVERRIDES, DEFAULT_CALENDAR_SOURCES.map((s) => s.year), kernel.now());
    }
  });
  return kernel;
}

export async function buildApp(kernel: Kernel, opts: { logger?: boolean; startup?: Startup } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: kernel.config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'], serializers: { req: requestSerializer } },
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: kernel.config.TRUST_PROXY === 'false' ? false : kernel.config.TRUST_PROXY === 'true' ? true : kernel.config.TRUST_PROXY,
  });
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'zhengtong_' });
  new client.Gauge({
    name: 'zhengtong_jobs', help: 'Jobs by state', labelNames: ['state'], registers: [registry],
    async collect() { for (const r of await kernel.db.tx((tx) => jobsRepo.countJobs(tx))) this.set({ state: r.state }, r.n); },
  });
  new client.Gauge({
    name: 'zhengtong_outbox_messages', help: 'Outbox messages by state and channel', labelNames: ['state', 'channel'], registers: [registry],
    async collect() { for (const r of await kernel.db.tx((tx) => jobsRepo.countOutbox(tx))) this.set({ state: r.state, channel: r.channel }, r.n); },
  });

  await registerHttpPlumbing(app, kernel, registry);
  registerStartup(app, kernel, opts.startup ?? startup());
  registerSecurity(app, kernel);
  app.get('/metrics', { config: { auth: 'none' }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  await app.register(async (scoped) => { await kernelRoutes(scoped, kernel); });
  for (const d of kernel.domains) {
    if (d.routes) await app.register(async (scoped) => { await d.routes!(scoped, kernel); });
  }

  if (existsSync(join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && existsSync(join(WEB_DIST, 'index.html'))) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: req.url.startsWith('/api/') ? '接口不存在' : '页面不存在' });
  });
  return app;
}
