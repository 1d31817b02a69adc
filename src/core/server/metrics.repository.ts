/** SQL behind a figure's record set (contract.ts RecordSet): the declared columns, in the reader's scope. */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Tx } from './db/db';
import type { RecordSet } from './contract';

export async function recordSetPage(tx: Tx, rs: RecordSet, where: SQL | undefined, scope: SQL, p: { page: number; pageSize: number }) {
  const cond = and(where, scope);
  const fields = Object.fromEntries(rs.columns.map((c) => [c.key, sql`${c.value}`]));
  const rows = await tx.select(fields).from(rs.table).where(cond).orderBy(rs.orderBy).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(rs.table).where(cond);
  return { rows: rows as Record<string, unknown>[], total: n };
}

/** How many rows of a record set a figure's condition selects (no reader scope: the figure's own count). */
export async function recordSetCount(tx: Tx, rs: RecordSet, where: SQL | undefined) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(rs.table).where(where);
  return n;
}
