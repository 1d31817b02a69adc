import { asc, eq, sql } from 'drizzle-orm';
import { calendarDays, calendarMeta, calendarYears } from './db/schema';
import type { Tx } from './db/db';

export async function currentVersion(tx: Tx): Promise<number> {
  const rows = await tx.select().from(calendarMeta).where(eq(calendarMeta.id, 1));
  return rows[0]?.version ?? 0;
}

export async function bumpVersion(tx: Tx): Promise<number> {
  // Row lock on the single meta row: concurrent edits get consecutive versions, never the same one.
  const rows = await tx.insert(calendarMeta).values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: calendarMeta.id, set: { version: sql`${calendarMeta.version} + 1` } })
    .returning();
  return rows[0].version;
}

export const listYears = (tx: Tx) => tx.select().from(calendarYears).orderBy(asc(calendarYears.year));
export const getYear = async (tx: Tx, year: number) => (await tx.select().from(calendarYears).where(eq(calendarYears.year, year)))[0] ?? null;

export async function upsertYear(tx: Tx, row: typeof calendarYears.$inferInsert) {
  await tx.insert(calendarYears).values(row).onConflictDoUpdate({ target: calendarYears.year, set: row });
}

export const listDays = (tx: Tx, from?: string, to?: string) =>
  tx.select().from(calendarDays)
    .where(from && to ? sql`${calendarDays.date} BETWEEN ${from} AND ${to}` : undefined)
    .orderBy(asc(calendarDays.date));

export async function upsertDay(tx: Tx, row: typeof calendarDays.$inferInsert) {
  await tx.insert(calendarDays).values(row).onConflictDoUpdate({ target: calendarDays.date, set: row });
}

export async function deleteDay(tx: Tx, date: string) {
  const rows = await tx.delete(calendarDays).where(eq(calendarDays.date, date)).returning();
  return rows.length;
}
