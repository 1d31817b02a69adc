import { and, eq, ne } from 'drizzle-orm';
import { sessions } from './db/schema';
import type { Tx } from './db/db';

export const insert = async (tx: Tx, row: typeof sessions.$inferInsert) => { await tx.insert(sessions).values(row); };
export const get = async (tx: Tx, id: string) => (await tx.select().from(sessions).where(eq(sessions.id, id)))[0] ?? null;
export const touch = async (tx: Tx, id: string, at: Date) => { await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)); };
export const remove = async (tx: Tx, id: string) => { await tx.delete(sessions).where(eq(sessions.id, id)); };
export const removeOthers = async (tx: Tx, userId: string, keep: string) => { await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keep))); };
export const removeAllOf = async (tx: Tx, userId: string) => { await tx.delete(sessions).where(eq(sessions.userId, userId)); };
