/**
 * Builds one migrated database with the demo district's divisions and orgs (no accounts: tests build the
 * staff they need, tests/helpers/harness.ts `t.staff`), once per test run: a fresh PGlite
 * takes seconds to create, and a PostgreSQL migration per file would dominate the run. Each test file
 * then gets its own copy (PGlite: loadDataDir from a dump; PostgreSQL: CREATE DATABASE … TEMPLATE), so
 * files run in parallel without seeing each other's writes.
 */
import type { TestProject } from 'vitest/node';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/core/server/config';
import { openDatabase } from '../../src/core/server/db/db';
import { prepareKernel } from '../../src/app/server/app';
import { seedDistrict } from '../../src/app/server/demo-district';
import { testDomains } from '../helpers/domains';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const templateName = `zt_template_${process.pid}`;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.query(`CREATE DATABASE ${templateName}`);
    const u = new URL(url);
    u.pathname = `/${templateName}`;
    const config = loadConfig({ ...process.env, DATABASE_URL: u.toString() });
    const kernel = await prepareKernel({ config, domains: await testDomains() });
    await kernel.db.tx(async (tx) => { await seedDistrict(tx); });
    await kernel.db.close();
    project.provide('pgTemplate', templateName);
    project.provide('pgliteTemplate', '');
    return async () => {
      // Per-file databases are dropped by their files; the template goes last.
      await admin.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
  }
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined, DATA_DIR: join(dir, 'unused') });
  const db = await openDatabase(config, { pgliteDump: undefined, memory: true });
  const kernel = await prepareKernel({ config, db, domains: await testDomains() });
  await kernel.db.tx(async (tx) => { await seedDistrict(tx); });
  const dump = await (db as unknown as { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  const file = join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
}
