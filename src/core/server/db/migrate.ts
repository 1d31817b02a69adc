/**
 * Applies db/migrations/*.sql in name order (the timestamp prefix is the order), each file in one
 * transaction, recording it in schema_migrations. On PostgreSQL an advisory lock keeps two app
 * processes starting at once from applying the same file twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './db';

import { MIGRATIONS_DIR } from '../paths';
export { MIGRATIONS_DIR };
const LOCK_KEY = 7364021; // arbitrary, fixed: "zhengtong migrations"

/** The migration files in the order they apply (the timestamp prefix is the order). */
export const migrationFiles = (dir = MIGRATIONS_DIR) => readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = migrationFiles(dir);
  return db.tx(async (tx) => {
    if (db.engine === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(((await tx.execute(sql`SELECT name FROM schema_migrations`)) as unknown as { rows: { name: string }[] }).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const f of files) {
      if (done.has(f)) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      for (const stmt of text.split('--> statement-breakpoint')) {
        if (stmt.trim()) await tx.execute(sql.raw(stmt));
      }
      await tx.execute(sql`INSERT INTO schema_migrations (name) VALUES (${f})`);
      applied.push(f);
    }
    return applied;
  });
}
