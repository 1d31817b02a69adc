import { and, eq, gte, sql } from 'drizzle-orm';
import { jobs, outbox, notifications } from './db/schema';
import type { Tx } from './db/db';

import type { JobRow, OutboxRow } from './db/schema';
export type { JobRow, OutboxRow };

export async function insertJob(tx: Tx, row: typeof jobs.$inferInsert) {
  const r = await tx.insert(jobs).values(row).onConflictDoNothing().returning({ id: jobs.id });
  return r.length > 0;
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so any number of app processes share the queue and no
 * job runs twice. A running job whose lease expired (its process died) is claimed again.
 */
export async function claimJobs(tx: Tx, names: string[], worker: string, now: Date, leaseMs: number, limit: number): Promise<JobRow[]> {
  const until = new Date(now.getTime() + leaseMs);
  const res = await tx.execute(sql`
    UPDATE jobs SET state = 'running', locked_until = ${until.toISOString()}::timestamptz, locked_by = ${worker}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE name IN (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
        AND ((state = 'queued' AND run_at <= ${now.toISOString()}::timestamptz)
          OR (state = 'running' AND locked_until < ${now.toISOString()}::timestamptz))
      ORDER BY run_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const ids = (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return tx.select().from(jobs).where(sql`${jobs.id} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
}

export async function finishJob(tx: Tx, id: string, worker: string, at: Date) {
  await tx.update(jobs).set({ state: 'done', finishedAt: at, lockedUntil: null, lastError: null }).where(and(eq(jobs.id, id), eq(jobs.lockedBy, worker)));
}

export async function failJob(tx: Tx, id: string, worker: string, error: string, retryAt: Date | null) {
  await tx.update(jobs).set(retryAt ? { state: 'queued', runAt: retryAt, lastError: error, lockedUntil: null } : { state: 'failed', lastError: error, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, worker)));
}

export async function purgeDoneJobs(tx: Tx, before: Date) {
  await tx.delete(jobs).where(and(eq(jobs.state, 'done'), sql`${jobs.finishedAt} < ${before.toISOString()}::timestamptz`));
}

export const countJobs = async (tx: Tx) =>
  (await tx.select({ state: jobs.state, n: sql<number>`count(*)::int` }).from(jobs).groupBy(jobs.state));

export async function insertOutbox(tx: Tx, row: typeof outbox.$inferInsert) {
  await tx.insert(outbox).values(row);
}

export async function claimOutbox(tx: Tx, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  const until = new Date(now.getTime() + leaseMs);
  const res = await tx.execute(sql`
    UPDATE outbox SET locked_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox
      WHERE state = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
        AND (locked_until IS NULL OR locked_until < ${now.toISOString()}::timestamptz)
      ORDER BY next_attempt_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const ids = (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return tx.select().from(outbox).where(sql`${outbox.id} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
}

export async function markOutbox(tx: Tx, id: string, patch: Partial<OutboxRow>) {
  await tx.update(outbox).set(patch).where(eq(outbox.id, id));
}

export const countOutbox = async (tx: Tx) =>
  (await tx.select({ state: outbox.state, channel: outbox.channel, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.state, outbox.channel));

export async function insertNotification(tx: Tx, row: typeof notifications.$inferInsert) {
  await tx.insert(notifications).values(row).onConflictDoNothing();
}

export const listNotifications = (tx: Tx, userId: string, limit = 50) =>
  tx.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(sql`${notifications.createdAt} DESC`).limit(limit);

export async function markNotificationRead(tx: Tx, userId: string, id: string, at: Date) {
  const r = await tx.update(notifications).set({ readAt: at }).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).returning({ id: notifications.id });
  return r.length > 0;
}

/** Whether `userId` was sent an in-app message with this title since `since` (once-a-day reminders). */
export async function sentInappSince(tx: Tx, userId: string, title: string, since: Date) {
  const rows = await tx.select({ id: outbox.id }).from(outbox)
    .where(and(eq(outbox.channel, 'inapp'), eq(outbox.recipientUserId, userId), eq(outbox.title, title), gte(outbox.createdAt, since))).limit(1);
  return rows.length > 0;
}
