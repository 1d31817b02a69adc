/** SQL for divisions, orgs, counters, roles, users and their role assignments. */
import { forgetResolvedSessions } from './session.repository';
import { forgetOrgNames } from './cases/case.repository';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { counters, divisions, orgs, roles, userRoles, users } from './db/schema';
import type { Tx } from './db/db';

import type { UserRow, OrgRow } from './db/schema';
export type { UserRow, OrgRow };

export const listDivisions = (tx: Tx) => tx.select().from(divisions).orderBy(asc(divisions.path), asc(divisions.sort));
export const getDivision = async (tx: Tx, code: string) => (await tx.select().from(divisions).where(eq(divisions.code, code)))[0] ?? null;
export async function insertDivision(tx: Tx, row: typeof divisions.$inferInsert) {
  const r = await tx.insert(divisions).values(row).onConflictDoNothing().returning();
  return r[0] ?? null;
}

export const listOrgs = (tx: Tx, divisionPrefix?: string) =>
  tx.select({ org: orgs, divisionName: divisions.name }).from(orgs).innerJoin(divisions, eq(divisions.code, orgs.divisionCode))
    .where(divisionPrefix ? sql`${orgs.divisionCode} LIKE ${divisionPrefix + '%'}` : undefined)
    .orderBy(asc(orgs.divisionCode), asc(orgs.sort), asc(orgs.name));
export const getOrg = async (tx: Tx, id: string) => (await tx.select().from(orgs).where(eq(orgs.id, id)))[0] ?? null;
export const getOrgByName = async (tx: Tx, name: string) => (await tx.select().from(orgs).where(eq(orgs.name, name)))[0] ?? null;
export async function insertOrg(tx: Tx, row: typeof orgs.$inferInsert) {
  const r = await tx.insert(orgs).values(row).onConflictDoNothing().returning();
  return r[0] ?? null;
}
export async function updateOrg(tx: Tx, id: string, patch: Partial<OrgRow>) {
  forgetOrgNames();
  const r = await tx.update(orgs).set(patch).where(eq(orgs.id, id)).returning();
  return r[0] ?? null;
}

export const listCounters = (tx: Tx, orgIds?: string[]) =>
  tx.select().from(counters).where(orgIds ? inArray(counters.orgId, orgIds) : undefined).orderBy(asc(counters.name));
export async function insertCounter(tx: Tx, row: typeof counters.$inferInsert) { await tx.insert(counters).values(row); }

export const listRoles = (tx: Tx) => tx.select().from(roles).orderBy(asc(roles.key));
export async function upsertRole(tx: Tx, row: typeof roles.$inferInsert) {
  forgetResolvedSessions();
  await tx.insert(roles).values(row).onConflictDoUpdate({ target: roles.key, set: { name: row.name, scope: row.scope, permissions: row.permissions, description: row.description } });
}

export const getUserByUsername = async (tx: Tx, username: string) => (await tx.select().from(users).where(eq(users.username, username)))[0] ?? null;
export const getUser = async (tx: Tx, id: string) => (await tx.select().from(users).where(eq(users.id, id)))[0] ?? null;
export const getUserByIdHash = async (tx: Tx, h: string) => (await tx.select().from(users).where(eq(users.idNumberHash, h)))[0] ?? null;
export async function insertUser(tx: Tx, row: typeof users.$inferInsert) {
  const r = await tx.insert(users).values(row).onConflictDoNothing().returning();
  return r[0] ?? null;
}
export async function updateUser(tx: Tx, id: string, patch: Partial<UserRow>) {
  forgetResolvedSessions();
  await tx.update(users).set(patch).where(eq(users.id, id));
}
/** Counts a failed login atomically, so parallel guesses cannot slip past the limit. */
export async function recordFailedLogin(tx: Tx, id: string, maxFailures: number, lockUntil: Date) {
  const r = await tx.update(users).set({
    failedLogins: sql`${users.failedLogins} + 1`,
    lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${users.lockedUntil} END`,
  }).where(eq(users.id, id)).returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return r[0];
}

export async function grantsOf(tx: Tx, userId: string) {
  return tx.select({
    role: userRoles.role, orgId: userRoles.orgId, divisionCode: userRoles.divisionCode,
    roleName: roles.name, scope: roles.scope, permissions: roles.permissions, orgName: orgs.name,
  }).from(userRoles)
    .innerJoin(roles, eq(roles.key, userRoles.role))
    .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .where(eq(userRoles.userId, userId)).orderBy(asc(userRoles.role));
}

export async function setUserRoles(tx: Tx, userId: string, rows: { role: string; orgId: string; divisionCode: string }[]) {
  forgetResolvedSessions();
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (rows.length) await tx.insert(userRoles).values(rows.map((r) => ({ ...r, userId })));
}

export async function listStaff(tx: Tx, q: { page: number; pageSize: number; orgId?: string; q?: string; divisionPrefix: string }) {
  const where = and(
    eq(users.kind, 'staff'),
    q.q ? or(ilike(users.username, `%${q.q}%`), ilike(users.displayName, `%${q.q}%`)) : undefined,
    q.orgId
      ? sql`EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ${users.id} AND ur.org_id = ${q.orgId})`
      : sql`(EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ${users.id} AND ur.division_code LIKE ${q.divisionPrefix + '%'})
             OR NOT EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ${users.id}))`,
  );
  const items = await tx.select().from(users).where(where).orderBy(asc(users.username)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  return { items, total: n };
}

export async function grantsForUsers(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select({ userId: userRoles.userId, role: userRoles.role, roleName: roles.name, orgId: userRoles.orgId, orgName: orgs.name })
    .from(userRoles).innerJoin(roles, eq(roles.key, userRoles.role)).innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .where(inArray(userRoles.userId, ids));
}

/** Staff who hold any of `permissions` in the given org (for notifying the handling office). */
/** Active users holding `permission` in any org, with that org's division (e.g. the calendar administrators). */
export async function usersWithPermission(tx: Tx, permission: string) {
  return tx.selectDistinctOn([userRoles.userId], { userId: userRoles.userId, divisionCode: orgs.divisionCode }).from(userRoles)
    .innerJoin(roles, eq(roles.key, userRoles.role))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .where(and(eq(users.status, 'active'), sql`${roles.permissions} @> ${JSON.stringify([permission])}::jsonb`))
    .orderBy(asc(userRoles.userId), asc(orgs.divisionCode));
}

/**
 * Active staff holding `permission` through a role granted on a division that covers `divisionCode` (the
 * grant's division is the case's or above it): the body handling a type across agencies, e.g. the 复议机构.
 */
export async function staffWithPermissionOver(tx: Tx, divisionCode: string, permission: string) {
  const rows = await tx.selectDistinct({ userId: userRoles.userId }).from(userRoles)
    .innerJoin(roles, eq(roles.key, userRoles.role))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(users.status, 'active'), sql`${roles.permissions} @> ${JSON.stringify([permission])}::jsonb`, sql`${divisionCode} LIKE ${userRoles.divisionCode} || '%'`));
  return rows.map((r) => r.userId);
}

export async function staffWithPermissionInOrg(tx: Tx, orgId: string, permissionPrefix: string) {
  const rows = await tx.selectDistinct({ userId: userRoles.userId }).from(userRoles)
    .innerJoin(roles, eq(roles.key, userRoles.role))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.orgId, orgId), eq(users.status, 'active'), sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${roles.permissions}) p WHERE p LIKE ${permissionPrefix + '%'})`));
  return rows.map((r) => r.userId);
}
