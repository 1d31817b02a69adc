/** Set-based writes of many rows (bulk loads), the same on PGlite and PostgreSQL. */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './db';

/**
 * Rows written as one JSON parameter per few thousand rows, expanded by json_populate_recordset into the
 * table's own row type: a multi-row VALUES list with a bind parameter per field costs several times more
 * to build and to parse (on PGlite most of all), and is capped at 65,535 parameters.
 */
export async function insertRecords<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], per = 5000) {
  const cols = Object.entries(getTableColumns(table)).map(([key, col]) => [key, col.name] as const);
  const name = getTableName(table);
  for (let i = 0; i < rows.length; i += per) {
    const json = JSON.stringify(rows.slice(i, i + per).map((r) => Object.fromEntries(cols.map(([key, col]) => [col, (r as Record<string, unknown>)[key] ?? null]))));
    await tx.execute(sql`INSERT INTO ${sql.identifier(name)} SELECT * FROM json_populate_recordset(NULL::${sql.identifier(name)}, ${json}::json)`);
  }
}

