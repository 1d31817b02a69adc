import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from './db/schema';
import type { Tx } from './db/db';

export const insert = async (tx: Tx, row: typeof sessions.$inferInsert) => { await tx.insert(sessions).values(row); };
export const get = async (tx: Tx, id: string) => (await tx.select().from(sessions).where(eq(sessions.id, id)))[0] ?? null;
/** The session and its user in one round trip (every authenticated request starts here). */
export const getWithUser = async (tx: Tx, id: string) =>
  (await tx.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id)))[0] ?? null;
export const touch = async (tx: Tx, id: string, at: Date) => { await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)); };
export const remove = async (tx: Tx, id: string) => { forgetResolvedSessions(); await tx.delete(sessions).where(eq(sessions.id, id)); };
export const removeOthers = async (tx: Tx, userId: string, keep: string) => { forgetResolvedSessions(); await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keep))); };
export const removeAllOf = async (tx: Tx, userId: string) => { forgetResolvedSessions(); await tx.delete(sessions).where(eq(sessions.userId, userId)); };

/**
 * Resolved sessions (session row, user, grants) kept for two seconds: a page load fires several API
 * calls and each would otherwise read the same three tables. Any write to sessions, users, roles or
 * grants in this process forgets them all at once; another app server sees such a change at most two
 * seconds late. Timeouts are still checked on every request against the cached session row.
 */
const RESOLVED_TTL_MS = 2000;
const resolved = new Map<string, { until: number; value: unknown }>();
export function recallResolvedSession<T>(id: string): T | undefined {
  const hit = resolved.get(id);
  if (!hit) return undefined;
  if (hit.until < Date.now()) { resolved.delete(id); return undefined; }
  return hit.value as T;
}
export function rememberResolvedSession(id: string, value: unknown) {
  if (resolved.size > 10_000) resolved.clear();
  resolved.set(id, { until: Date.now() + RESOLVED_TTL_MS, value });
}
export function forgetResolvedSessions() { resolved.clear(); }
