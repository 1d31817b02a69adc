import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { auditLog, auditStreams } from './db/schema';
import type { Tx } from './db/db';
import { insertRecords } from './db/bulk';

import type { AuditRow } from './db/schema';
export type { AuditRow };

/** Locks the stream head row for this transaction, creating it on first use. */
/**
 * The stream's head, locked until the transaction ends. A stream without one gets an empty head (seq 0,
 * the genesis hash) first, inserted race-free: two first writers (40 failed logins of unknown users at
 * once, all on `auth:unknown`) then queue on the same row instead of the loser failing on the key.
 */
export async function lockStreamHead(tx: Tx, stream: string, genesis: string) {
  const rows = await tx.select().from(auditStreams).where(eq(auditStreams.stream, stream)).for('update');
  if (rows[0]) return rows[0];
  await tx.insert(auditStreams).values({ stream, seq: 0, headHash: genesis }).onConflictDoNothing();
  const [head] = await tx.select().from(auditStreams).where(eq(auditStreams.stream, stream)).for('update');
  return head;
}

/**
 * Appends the record and moves the stream head in one statement (a data-modifying CTE), so a chained
 * write costs two round trips: lock the head, then this.
 */
export async function appendRecord(tx: Tx, row: typeof auditLog.$inferInsert & { seq: number; hash: string }, isNew: boolean) {
  const ins = tx.$with('ins').as(tx.insert(auditLog).values(row).returning({ id: auditLog.id }));
  if (isNew) {
    // Two first writers of one stream: the loser's unique-key violation rolls its transaction back.
    await tx.with(ins).insert(auditStreams).values({ stream: row.stream, seq: row.seq, headHash: row.hash });
  } else {
    await tx.with(ins).update(auditStreams).set({ seq: row.seq, headHash: row.hash }).where(eq(auditStreams.stream, row.stream));
  }
}

export const listStreamHeads = (tx: Tx) => tx.select().from(auditStreams).orderBy(asc(auditStreams.stream));

export async function* streamRecords(tx: Tx, stream: string, batch = 2000) {
  let after = 0;
  for (;;) {
    const rows = await tx.select().from(auditLog)
      .where(and(eq(auditLog.stream, stream), gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq)).limit(batch);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].seq;
  }
}

export async function listRecords(tx: Tx, q: { page: number; pageSize: number; stream?: string; action?: string }) {
  const where = and(
    q.stream ? sql`${auditLog.stream} LIKE ${q.stream + '%'}` : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
  );
  const items = await tx.select().from(auditLog).where(where)
    .orderBy(sql`${auditLog.at} DESC`, sql`${auditLog.seq} DESC`)
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { items, total: n };
}

/** Writes whole new streams at once (bulk-loaded cases): their records and their heads. */
export async function insertNewStreams(tx: Tx, records: (typeof auditLog.$inferInsert & { seq: number; hash: string })[], heads: (typeof auditStreams.$inferInsert)[]) {
  await insertRecords(tx, auditLog, records);
  await insertRecords(tx, auditStreams, heads);
}
