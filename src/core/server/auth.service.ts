/**
 * Login and sessions per 等保 2.0 level 3 (GB/T 22239-2019 8.1.4.1): argon2 password hashes, complexity
 * rules, lockout after repeated failures, idle timeout, no reuse of recent passwords, forced change on
 * first login and after the maximum age. The session cookie holds a random token; the table keeps only
 * its SM3 hash. A CSRF token (double submit) guards every state-changing request.
 */
import { randomUUID } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { AppError } from '../shared/errors';
import { passwordProblem } from '../shared/password';
import { checkIdNumber } from '../shared/ids';
import type { Me } from '../shared/schemas';
import { sm3, randomToken } from './crypto';
import { SYSTEM_ACTOR, allPermissions, type Actor, type ActorGrant } from './actor';
import { appendAudit } from './audit';
import type { Tx } from './db/db';
import type { Kernel } from './contract';
import * as repo from './tenancy.repository';
import * as sessions from './session.repository';
import type { UserRow } from './tenancy.repository';

export const hashPassword = (pw: string) => argonHash(pw);

// A real hash to verify against when the user does not exist, so timing does not reveal valid usernames.
let dummyHash: string | null = null;
const getDummyHash = async () => (dummyHash ??= await argonHash('dummy-password-for-timing'));

export async function actorFor(tx: Tx, user: UserRow, extra: Partial<Actor> = {}): Promise<Actor> {
  const rows = await repo.grantsOf(tx, user.id);
  let grants: ActorGrant[] = rows.map((r) => ({
    role: r.role, roleName: r.roleName, scope: r.scope as ActorGrant['scope'], orgId: r.orgId, orgName: r.orgName,
    divisionCode: r.divisionCode, permissions: new Set(r.permissions),
  }));
  if (user.kind === 'public') {
    const roles = await repo.listRoles(tx);
    const applicant = roles.find((r) => r.key === 'applicant');
    grants = applicant ? [{ role: 'applicant', roleName: applicant.name, scope: 'self', orgId: null, orgName: null, divisionCode: null, permissions: new Set(applicant.permissions) }] : [];
  }
  return { kind: user.kind as 'staff' | 'public', id: user.id, name: user.displayName, grants, divisionCode: grants.find((g) => g.divisionCode)?.divisionCode ?? null, ...extra };
}

/** A first login's password, or one older than the maximum age, must be changed (GB/T 22239-2019 8.1.4.1 a). */
export function passwordChangeDue(kernel: Kernel, user: Pick<UserRow, 'mustChangePassword' | 'passwordChangedAt'>): boolean {
  const maxAge = kernel.config.PASSWORD_MAX_AGE_DAYS;
  return user.mustChangePassword || (maxAge > 0 && kernel.now().getTime() - user.passwordChangedAt.getTime() > maxAge * 86400_000);
}

export function meOf(kernel: Kernel, user: UserRow, actor: Actor): Me {
  return {
    id: user.id, username: user.username, displayName: user.displayName, kind: user.kind as Me['kind'],
    roles: actor.grants.map((g) => ({ role: g.role, roleName: g.roleName, orgId: g.orgId, orgName: g.orgName })),
    permissions: allPermissions(actor), mustChangePassword: passwordChangeDue(kernel, user), divisionCode: actor.divisionCode,
  };
}

export type LoginResult = { token: string; csrf: string; me: Me };

export async function login(kernel: Kernel, input: { username: string; password: string }, client: { ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  const { config } = kernel;
  const at = kernel.now();
  const user = await kernel.db.tx((tx) => repo.getUserByUsername(tx, input.username));
  const ok = await argonVerify(user?.passwordHash ?? (await getDummyHash()), input.password).catch(() => false);
  const anon: Actor = { ...SYSTEM_ACTOR, kind: 'public', name: input.username, ip: client.ip };
  if (!user) {
    await kernel.db.tx((tx) => appendAudit(tx, anon, { stream: 'auth:unknown', action: 'auth.login', success: false, detail: { username: input.username, reason: 'no such user' } }, at));
    throw new AppError('BAD_CREDENTIALS');
  }
  const who: Actor = { ...anon, id: user.id, name: user.displayName, kind: user.kind as Actor['kind'] };
  const fail = async (reason: string) => kernel.db.tx((tx) => appendAudit(tx, who, { stream: `auth:${user.id}`, action: 'auth.login', entityType: 'user', entityId: user.id, success: false, detail: { reason } }, at));
  if (user.status === 'disabled') { await fail('disabled'); throw new AppError('ACCOUNT_DISABLED'); }
  if (user.lockedUntil && user.lockedUntil > at) {
    await fail('locked');
    throw new AppError('ACCOUNT_LOCKED', `账号已锁定，请于${fmtTime(user.lockedUntil, kernel.tz)}后再试，或联系安全管理员解锁`);
  }
  if (!ok) {
    const lockUntil = new Date(at.getTime() + config.LOGIN_LOCK_MINUTES * 60_000);
    const r = await kernel.db.tx(async (tx) => {
      const res = await repo.recordFailedLogin(tx, user.id, config.LOGIN_MAX_FAILURES, lockUntil);
      await appendAudit(tx, who, { stream: `auth:${user.id}`, action: 'auth.login', entityType: 'user', entityId: user.id, success: false, detail: { reason: 'bad password', failures: res.failedLogins } }, at);
      return res;
    });
    if (r.failedLogins >= config.LOGIN_MAX_FAILURES) {
      throw new AppError('ACCOUNT_LOCKED', `连续${config.LOGIN_MAX_FAILURES}次密码错误，账号已锁定${config.LOGIN_LOCK_MINUTES}分钟`);
    }
    throw new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错${config.LOGIN_MAX_FAILURES - r.failedLogins}次将锁定账号`);
  }
  const token = randomToken();
  const csrf = randomToken(18);
  return kernel.db.tx(async (tx) => {
    await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: at });
    await sessions.insert(tx, {
      id: sm3(token), userId: user.id, csrfToken: csrf, createdAt: at, lastSeenAt: at,
      expiresAt: new Date(at.getTime() + config.SESSION_ABSOLUTE_HOURS * 3600_000), ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    const actor = await actorFor(tx, user, { ip: client.ip });
    await appendAudit(tx, actor, { stream: `auth:${user.id}`, action: 'auth.login', entityType: 'user', entityId: user.id, success: true }, at);
    return { token, csrf, me: meOf(kernel, user, actor) };
  });
}

const fmtTime = (d: Date, tz: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: tz, hour: '2-digit', minute: '2-digit', month: 'numeric', day: 'numeric' }).format(d);

export type SessionInfo = { actor: Actor; user: UserRow; csrf: string; sessionId: string };
type SessionRow = NonNullable<Awaited<ReturnType<typeof sessions.getWithUser>>>['session'];

/** Resolves a cookie token to an actor, enforcing idle and absolute timeouts. */
export async function resolveSession(kernel: Kernel, token: string, ip: string | null): Promise<SessionInfo> {
  const at = kernel.now();
  const id = sm3(token);
  type Resolved = { s: SessionRow; user: UserRow; actor: Actor };
  const idleMs = kernel.config.SESSION_IDLE_MINUTES * 60_000;
  const cached = sessions.recallResolvedSession<Resolved>(id);
  // Touch at most once a minute: every request writing would make reads contend on the session row.
  if (cached && cached.s.expiresAt > at && at.getTime() - cached.s.lastSeenAt.getTime() <= 60_000) {
    return { actor: { ...cached.actor, ip }, user: cached.user, csrf: cached.s.csrfToken, sessionId: id };
  }
  // No transaction: every statement here stands alone, and this runs before every API call.
  return kernel.db.read(async (tx) => {
    const found = await sessions.getWithUser(tx, id);
    if (!found) throw new AppError('UNAUTHENTICATED');
    const { session: s, user } = found;
    if (s.expiresAt <= at || at.getTime() - s.lastSeenAt.getTime() > idleMs) {
      await sessions.remove(tx, id);
      throw new AppError('SESSION_EXPIRED');
    }
    if (user.status !== 'active') { await sessions.remove(tx, id); throw new AppError('UNAUTHENTICATED'); }
    if (at.getTime() - s.lastSeenAt.getTime() > 60_000) { await sessions.touch(tx, id, at); s.lastSeenAt = at; }
    const actor = await actorFor(tx, user, { sessionId: id, ip });
    sessions.rememberResolvedSession(id, { s, user, actor } satisfies Resolved);
    return { actor, user, csrf: s.csrfToken, sessionId: id };
  });
}

export async function logout(kernel: Kernel, info: SessionInfo) {
  await kernel.db.tx(async (tx) => {
    await sessions.remove(tx, info.sessionId);
    await appendAudit(tx, info.actor, { stream: `auth:${info.user.id}`, action: 'auth.logout', entityType: 'user', entityId: info.user.id }, kernel.now());
  });
}

async function assertNewPassword(kernel: Kernel, user: Pick<UserRow, 'username' | 'passwordHistory' | 'passwordHash'> | null, pw: string, username: string) {
  const problem = passwordProblem(pw, kernel.config.PASSWORD_MIN_LENGTH, username);
  if (problem) throw new AppError('WEAK_PASSWORD', problem, { fields: [{ path: 'password', message: problem }] });
  if (user) {
    // GB/T 22239 8.1.4.1 a (定期更换): the last five passwords may not be reused.
    for (const h of [user.passwordHash, ...user.passwordHistory].slice(0, 5)) {
      if (await argonVerify(h, pw).catch(() => false)) throw new AppError('WEAK_PASSWORD', '新密码不能与最近5次使用过的密码相同');
    }
  }
}

export async function changePassword(kernel: Kernel, info: SessionInfo, oldPassword: string, newPassword: string) {
  const user = info.user;
  if (!(await argonVerify(user.passwordHash, oldPassword).catch(() => false))) throw new AppError('BAD_CREDENTIALS', '原密码不正确');
  await assertNewPassword(kernel, user, newPassword, user.username);
  const h = await hashPassword(newPassword);
  const at = kernel.now();
  await kernel.db.tx(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash: h, passwordHistory: [user.passwordHash, ...user.passwordHistory].slice(0, 4), passwordChangedAt: at, mustChangePassword: false });
    await sessions.removeOthers(tx, user.id, info.sessionId);
    await appendAudit(tx, info.actor, { stream: `auth:${user.id}`, action: 'auth.password.change', entityType: 'user', entityId: user.id }, at);
  });
}

export type NewStaff = { username: string; displayName: string; password: string; phone?: string | null; roles: { role: string; orgId: string }[]; mustChangePassword?: boolean };

export async function createStaff(tx: Tx, kernel: Kernel, actor: Actor, input: NewStaff): Promise<UserRow> {
  await assertNewPassword(kernel, null, input.password, input.username);
  const at = kernel.now();
  const user = await repo.insertUser(tx, {
    id: randomUUID(), username: input.username, displayName: input.displayName, kind: 'staff',
    passwordHash: await hashPassword(input.password), phoneEnc: input.phone ? kernel.cipher.encrypt(input.phone) : null,
    status: 'active', passwordChangedAt: at, mustChangePassword: input.mustChangePassword ?? true, createdAt: at,
  });
  if (!user) throw new AppError('DUPLICATE', `用户名${input.username}已被使用`, { fields: [{ path: 'username', message: '用户名已被使用' }] });
  await assignRoles(tx, user.id, input.roles);
  await appendAudit(tx, actor, { stream: `admin:users`, action: 'user.create', entityType: 'user', entityId: user.id, detail: { username: input.username, roles: input.roles } }, at);
  return user;
}

const ADMIN_ROLES = new Set(['sysadmin', 'secadmin', 'auditadmin']);

export async function assignRoles(tx: Tx, userId: string, roles: { role: string; orgId: string }[]) {
  const known = new Set((await repo.listRoles(tx)).map((r) => r.key));
  const rows = [];
  for (const r of roles) {
    if (!known.has(r.role) || r.role === 'applicant') throw new AppError('VALIDATION', `角色${r.role}不存在或不能分配给工作人员`);
    const org = await repo.getOrg(tx, r.orgId);
    if (!org) throw new AppError('VALIDATION', '所选机构不存在', { fields: [{ path: 'roles', message: '所选机构不存在' }] });
    rows.push({ role: r.role, orgId: org.id, divisionCode: org.divisionCode });
  }
  // 三员分立 (GB/T 22239-2019 8.1.4.2 d; 8.1.10.2–8.1.10.4): the system, security and audit
  // administrators are three different people, and none of them also works cases, so one account may
  // hold one administrator role and nothing else.
  const admin = rows.filter((r) => ADMIN_ROLES.has(r.role));
  if (admin.length && new Set(rows.map((r) => r.role)).size > 1) {
    throw new AppError('VALIDATION', '三员分立：系统管理员、安全管理员、审计管理员须由不同账号担任，且不得兼任业务角色', { fields: [{ path: 'roles', message: '管理员角色须单独授予' }] });
  }
  const seen = new Set<string>();
  await repo.setUserRoles(tx, userId, rows.filter((r) => { const k = `${r.role}:${r.orgId}`; if (seen.has(k)) return false; seen.add(k); return true; }));
}

export async function registerPublic(kernel: Kernel, input: { kind: 'person' | 'enterprise'; name: string; idNumber: string; phone: string; password: string }) {
  const check = checkIdNumber(input.idNumber, kernel.today());
  const expected = input.kind === 'person' ? 'residentId' : 'creditCode';
  if (check.kind !== expected) {
    const msg = input.kind === 'person' ? '个人账号请填写18位公民身份号码' : '企业账号请填写18位统一社会信用代码';
    throw new AppError('INVALID_ID_NUMBER', msg, { fields: [{ path: 'idNumber', message: msg }] });
  }
  if (!check.valid) throw new AppError('INVALID_ID_NUMBER', check.reason, { fields: [{ path: 'idNumber', message: check.reason ?? '证件号码无效' }] });
  await assertNewPassword(kernel, null, input.password, input.idNumber);
  const at = kernel.now();
  const idHash = kernel.cipher.index(input.idNumber);
  return kernel.db.tx(async (tx) => {
    if (await repo.getUserByIdHash(tx, idHash)) throw new AppError('DUPLICATE', '该证件号码已注册，请直接登录');
    const user = await repo.insertUser(tx, {
      id: randomUUID(), username: input.idNumber, displayName: input.name, kind: 'public', subjectKind: input.kind,
      passwordHash: await hashPassword(input.password), phoneEnc: kernel.cipher.encrypt(input.phone),
      idNumberEnc: kernel.cipher.encrypt(input.idNumber), idNumberHash: idHash, status: 'active', passwordChangedAt: at, createdAt: at,
    });
    if (!user) throw new AppError('DUPLICATE', '该证件号码已注册，请直接登录');
    await appendAudit(tx, { ...SYSTEM_ACTOR, kind: 'public', id: user.id, name: user.displayName }, { stream: `auth:${user.id}`, action: 'auth.register', entityType: 'user', entityId: user.id }, at);
    return { user, warning: check.warning ?? null };
  });
}
