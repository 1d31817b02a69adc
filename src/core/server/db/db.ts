/**
 * One database API for both engines: embedded PGlite (file-backed under DATA_DIR) and PostgreSQL
 * (DATABASE_URL). Everything goes through `db.tx(fn)`. PGlite has a single connection, and a query
 * issued outside a transaction while one is open would run inside it, so on PGlite transactions are
 * serialised by a process-level mutex; on PostgreSQL they run concurrently on a pool.
 */
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';

export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
type AnyDb = PgDatabase<PgQueryResultHKT>;

export type Database = {
  engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back when it throws. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` without a transaction: each statement commits on its own. For hot read paths (resolving
   * the session on every request) where BEGIN/COMMIT would double the round trips.
   */
  read<T>(fn: (q: Tx) => Promise<T>): Promise<T>;
  /** Raw SQL on a dedicated connection/outside drizzle, used by the migration runner and health check. */
  exec(sqlText: string): Promise<void>;
  query<R = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<R[]>;
  /**
   * PostgreSQL only: one statement committed on its own while the caller's transaction stays open, on a
   * separate two-connection pool (so it never waits for the caller's own pool). For counters whose row
   * lock would otherwise be held until the caller commits, queueing every concurrent caller behind it.
   */
  autonomous?: <R = Record<string, unknown>>(sqlText: string, params?: unknown[]) => Promise<R[]>;
  close(): Promise<void>;
};

// Work a transaction runs last, just before COMMIT (see beforeCommit).
const commitQueues = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Runs `fn` at the end of the transaction, just before it commits: for upserts on rows many
 * transactions share (the daily rollup), so their row lock is held for the last statement only, not
 * for the whole transaction. Outside a `db.tx` transaction it runs at once.
 */
export async function beforeCommit(tx: Tx, fn: () => Promise<void>): Promise<void> {
  const q = commitQueues.get(tx);
  if (q) q.push(fn); else await fn();
}

async function withCommitQueue<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const q: (() => Promise<void>)[] = [];
  commitQueues.set(tx, q);
  const r = await fn(tx);
  // A deferred function may defer more: run until the queue is empty.
  while (q.length) await q.shift()!();
  return r;
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}

export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'dataDir' | 'DB_POOL_MAX'>, opts: { pgliteDump?: Blob | File; memory?: boolean } = {}): Promise<Database> {
  if (config.DATABASE_URL) {
    const pg = await import('pg');
    // Dates come back as 'YYYY-MM-DD' strings: a JS Date would shift calendar dates across time zones.
    pg.default.types.setTypeParser(1082, (v: string) => v);
    const pool = new pg.default.Pool({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX });
    pool.on('error', () => { /* idle client errors are retried by the next checkout */ });
    const db = drizzlePg(pool) as unknown as AnyDb;
    let side: InstanceType<typeof pg.default.Pool> | null = null;
    return {
      engine: 'postgres',
      tx: (fn) => db.transaction(((tx: Tx) => withCommitQueue(tx, fn)) as never) as Promise<never>,
      read: (fn) => fn(db as unknown as Tx),
      exec: async (s) => { await pool.query(s); },
      query: async (s, p) => (await pool.query(s, p as unknown[])).rows,
      autonomous: async (s, p) => {
        if (!side) { side = new pg.default.Pool({ connectionString: config.DATABASE_URL, max: 2 }); side.on('error', () => {}); }
        return (await side.query(s, p as unknown[])).rows;
      },
      close: async () => { await side?.end(); await pool.end(); },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  let client: InstanceType<typeof PGlite>;
  if (opts.pgliteDump) {
    client = await PGlite.create({ loadDataDir: opts.pgliteDump });
  } else if (opts.memory) {
    client = await PGlite.create();
  } else {
    const dir = join(config.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create({ dataDir: dir });
  }
  const db = drizzlePglite(client) as unknown as AnyDb;
  const mutex = new Mutex();
  return {
    engine: 'pglite',
    tx: (fn) => mutex.run(() => db.transaction(((tx: Tx) => withCommitQueue(tx, fn)) as never) as Promise<never>),
    read: (fn) => mutex.run(() => fn(db as unknown as Tx)),
    exec: (s) => mutex.run(async () => { await client.exec(s); }),
    query: (s, p) => mutex.run(async () => (await client.query(s, p as unknown[])).rows as never),
    close: () => client.close(),
    // exposed for test snapshots
    ...({ dumpDataDir: () => client.dumpDataDir('none') } as object),
  };
}
