/** Administration of divisions, orgs and staff accounts, each change audited. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/errors';
import { divisionLevel, divisionPrefix, impliedParent } from '../shared/division';
import type { Division, Org, Role, StaffUser } from '../shared/schemas';
import { requirePermission, type Actor } from './actor';
import { appendAudit, auditPersonalDataRead } from './audit';
import { assignRoles, createStaff, type NewStaff } from './auth.service';
import type { Tx } from './db/db';
import type { Kernel } from './contract';
import * as repo from './tenancy.repository';
import * as sessions from './session.repository';

/** The division subtree an administrator works in: their own grant's division. */
function adminScope(actor: Actor): string {
  if (actor.kind === 'system') return '';
  const codes = actor.grants.map((g) => g.divisionCode).filter((c): c is string => !!c);
  if (!codes.length) throw new AppError('FORBIDDEN');
  return divisionPrefix(codes.sort((a, b) => a.length - b.length)[0]);
}

export async function listDivisions(tx: Tx, actor: Actor): Promise<Division[]> {
  requirePermission(actor, 'tenancy.read');
  const rows = await repo.listDivisions(tx);
  const prefix = adminScope(actor);
  // Show the path above the admin's own division too, so the tree has its root.
  return rows.filter((d) => d.code.startsWith(prefix) || prefix.startsWith(divisionPrefix(d.code)))
    .map((d) => ({ code: d.code, name: d.name, level: d.level as Division['level'], parentCode: d.parentCode, path: d.path }));
}

export async function addDivision(tx: Tx, kernel: Kernel, actor: Actor, input: { code: string; name: string; parentCode: string }) {
  requirePermission(actor, 'tenancy.manage');
  if (impliedParent(input.code) !== input.parentCode) {
    throw new AppError('VALIDATION', `区划代码${input.code}与上级区划${input.parentCode}不匹配（GB/T 2260 代码应以上级代码开头）`, { fields: [{ path: 'code', message: '区划代码与上级区划不匹配' }] });
  }
  if (!input.code.startsWith(adminScope(actor))) throw new AppError('FORBIDDEN', '只能在本级及下级区划内新增区划');
  const parent = await repo.getDivision(tx, input.parentCode);
  if (!parent) throw new AppError('VALIDATION', `上级区划${input.parentCode}不存在`);
  const row = await repo.insertDivision(tx, { code: input.code, name: input.name, level: divisionLevel(input.code), parentCode: parent.code, path: `${parent.path}/${input.code}` });
  if (!row) throw new AppError('DUPLICATE', `区划代码${input.code}已存在`);
  await appendAudit(tx, actor, { stream: `admin:${parent.code.slice(0, 6)}`, action: 'division.create', entityType: 'division', entityId: input.code, detail: input }, kernel.now());
  return row;
}

export async function listOrgs(tx: Tx, actor: Actor, divisionCode?: string): Promise<Org[]> {
  requirePermission(actor, 'tenancy.read');
  const scope = adminScope(actor);
  const prefix = divisionCode ? divisionCode : scope;
  if (!prefix.startsWith(scope)) return [];
  const rows = await repo.listOrgs(tx, divisionCode ? divisionCode : scope);
  return rows.map(({ org, divisionName }) => ({ id: org.id, name: org.name, shortName: org.shortName, kind: org.kind as Org['kind'], divisionCode: org.divisionCode, divisionName, parentId: org.parentId }));
}

export async function saveOrg(tx: Tx, kernel: Kernel, actor: Actor, id: string | null, input: { name: string; shortName?: string | null; kind: string; divisionCode: string; parentId?: string | null }) {
  requirePermission(actor, 'tenancy.manage');
  if (!input.divisionCode.startsWith(adminScope(actor))) throw new AppError('FORBIDDEN', '只能维护本级及下级区划的机构');
  if (!(await repo.getDivision(tx, input.divisionCode))) throw new AppError('VALIDATION', `区划${input.divisionCode}不存在`, { fields: [{ path: 'divisionCode', message: '区划不存在' }] });
  const values = { name: input.name, shortName: input.shortName ?? null, kind: input.kind, divisionCode: input.divisionCode, parentId: input.parentId ?? null };
  const row = id ? await repo.updateOrg(tx, id, values) : await repo.insertOrg(tx, { id: randomUUID(), ...values });
  if (!row) throw id ? new AppError('NOT_FOUND') : new AppError('DUPLICATE', `本区划已有名为“${input.name}”的机构`);
  await appendAudit(tx, actor, { stream: `admin:${input.divisionCode.slice(0, 6)}`, action: id ? 'org.update' : 'org.create', entityType: 'org', entityId: row.id, detail: values }, kernel.now());
  return row;
}

export async function listRoles(tx: Tx, actor: Actor): Promise<Role[]> {
  requirePermission(actor, 'user.read');
  return (await repo.listRoles(tx)).map((r) => ({ key: r.key, name: r.name, scope: r.scope as Role['scope'], permissions: r.permissions, description: r.description }));
}

export async function listUsers(tx: Tx, kernel: Kernel, actor: Actor, q: { page: number; pageSize: number; orgId?: string; q?: string }) {
  requirePermission(actor, 'user.read');
  const { items, total } = await repo.listStaff(tx, { ...q, divisionPrefix: adminScope(actor) });
  const grants = await repo.grantsForUsers(tx, items.map((u) => u.id));
  const now = kernel.now();
  const users: StaffUser[] = items.map((u) => ({
    id: u.id, username: u.username, displayName: u.displayName,
    // Phone numbers are personal data: shown masked in lists (个人信息保护法 第6条, minimum necessary).
    phone: u.phoneEnc ? maskPhone(kernel.cipher.decrypt(u.phoneEnc)) : null,
    status: u.status === 'disabled' ? 'disabled' : u.lockedUntil && u.lockedUntil > now ? 'locked' : 'active',
    roles: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role, roleName: g.roleName, orgId: g.orgId, orgName: g.orgName })),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  }));
  return { items: users, total };
}

const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : '****');

async function assertOrgsInScope(tx: Tx, actor: Actor, roles: { orgId: string }[]) {
  const scope = adminScope(actor);
  for (const r of roles) {
    const org = await repo.getOrg(tx, r.orgId);
    if (!org || !org.divisionCode.startsWith(scope)) throw new AppError('VALIDATION', '所选机构不存在或不在您的管理范围内', { fields: [{ path: 'roles', message: '机构不在管理范围内' }] });
  }
}

export async function addUser(tx: Tx, kernel: Kernel, actor: Actor, input: NewStaff) {
  requirePermission(actor, 'user.manage');
  await assertOrgsInScope(tx, actor, input.roles);
  return createStaff(tx, kernel, actor, input);
}

export async function setRoles(tx: Tx, kernel: Kernel, actor: Actor, userId: string, roles: { role: string; orgId: string }[]) {
  requirePermission(actor, 'user.manage');
  const user = await repo.getUser(tx, userId);
  if (!user || user.kind !== 'staff') throw new AppError('NOT_FOUND');
  if (user.id === actor.id) throw new AppError('FORBIDDEN', '不能修改自己的角色');
  await assertOrgsInScope(tx, actor, roles);
  await assignRoles(tx, userId, roles);
  await sessions.removeAllOf(tx, userId); // new grants take effect at next login; old ones must not linger
  await appendAudit(tx, actor, { stream: 'admin:users', action: 'user.roles', entityType: 'user', entityId: userId, detail: { roles } }, kernel.now());
}

export async function unlockUser(tx: Tx, kernel: Kernel, actor: Actor, userId: string) {
  requirePermission(actor, 'user.unlock');
  const user = await repo.getUser(tx, userId);
  if (!user) throw new AppError('NOT_FOUND');
  await repo.updateUser(tx, userId, { failedLogins: 0, lockedUntil: null });
  await appendAudit(tx, actor, { stream: 'admin:users', action: 'user.unlock', entityType: 'user', entityId: userId }, kernel.now());
}

export async function disableUser(tx: Tx, kernel: Kernel, actor: Actor, userId: string) {
  requirePermission(actor, 'user.manage');
  const user = await repo.getUser(tx, userId);
  if (!user || user.kind !== 'staff') throw new AppError('NOT_FOUND');
  if (user.id === actor.id) throw new AppError('FORBIDDEN', '不能停用自己的账号');
  await repo.updateUser(tx, userId, { status: 'disabled' });
  await sessions.removeAllOf(tx, userId);
  await appendAudit(tx, actor, { stream: 'admin:users', action: 'user.disable', entityType: 'user', entityId: userId }, kernel.now());
}

/** The full contact of a staff member, for the security administrator; every read is audited. */
export async function userContact(tx: Tx, kernel: Kernel, actor: Actor, userId: string) {
  requirePermission(actor, 'user.manage');
  const user = await repo.getUser(tx, userId);
  if (!user || user.kind !== 'staff') throw new AppError('NOT_FOUND');
  await auditPersonalDataRead(tx, actor, { type: 'user', id: userId, fields: ['phone'], purpose: '账号管理' }, kernel.now());
  return { phone: user.phoneEnc ? kernel.cipher.decrypt(user.phoneEnc) : null };
}
