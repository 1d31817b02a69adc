/**
 * 村（居）法律顾问 use cases: the justice bureau keeps the roster and appoints advisers to villages for a
 * term; an adviser logs their work on a phone, only in a village they serve on that day; the village
 * (its 调委会 / 村委 staff) confirms each entry once. The figures count confirmed entries (a setting).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { addDays } from '../../../core/shared/calendar';
import { divisionPrefix } from '../../../core/shared/division';
import { type Actor, can, domainConfig, type Kernel, requirePermission, scopeWhere, tenancy, type Tx } from '../../../core/server';
import { WORK_KINDS, type WorkKind } from '../shared/legal-advisers.labels';
import { legalAdvisersSettings } from './legal-advisers.config';
import * as repo from './legal-advisers.repository';

export const settingsOf = (kernel: Kernel) => domainConfig(kernel, legalAdvisersSettings);
const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });

/** The justice bureau (org) of the actor's 法律顾问 management grant: the roster is kept in its name. */
async function bureauOf(tx: Tx, actor: Actor) {
  const g = actor.grants.find((x) => x.permissions.has('legalAdvisers.manage') && x.orgId);
  const org = g ? await tenancy.getOrg(tx, g.orgId!) : null;
  if (!org) throw new AppError('FORBIDDEN', '您没有管理法律顾问的权限');
  return org;
}

export type AdviserInput = { name: string; kind: string; firm: string; licenceNo: string; phone?: string; username?: string };
export async function registerAdviser(tx: Tx, kernel: Kernel, actor: Actor, input: AdviserInput) {
  requirePermission(actor, 'legalAdvisers.manage');
  const org = await bureauOf(tx, actor);
  // The adviser's own account (created by the security administrator with the 村（居）法律顾问 role).
  const user = input.username ? await tenancy.getUserByUsername(tx, input.username) : null;
  if (input.username && (!user || user.kind !== 'staff')) throw field('username', `账号${input.username}不存在`);
  const id = randomUUID();
  const { username: _u, ...rest } = input;
  await repo.insertAdviser(tx, { id, ...rest, phone: input.phone ?? null, userId: user?.id ?? null, orgId: org.id, divisionCode: org.divisionCode, createdAt: kernel.now() });
  return { id };
}

export async function appoint(tx: Tx, kernel: Kernel, actor: Actor, adviserId: string, input: { villageCode: string; startOn: string; endOn: string }) {
  requirePermission(actor, 'legalAdvisers.manage');
  const a = await repo.getAdviser(tx, adviserId);
  if (!a || !can(actor, 'legalAdvisers.manage', { orgId: a.orgId, divisionCode: a.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '法律顾问不存在');
  const v = await tenancy.getDivision(tx, input.villageCode);
  if (!v || v.level !== 'village' || !v.code.startsWith(divisionPrefix(a.divisionCode))) throw field('villageCode', '请选择本区的村（社区）');
  if (input.endOn < input.startOn) throw field('endOn', '聘期结束日期不能早于开始日期');
  if (await repo.overlapping(tx, a.id, v.code, input.startOn, input.endOn)) throw new AppError('DUPLICATE', `${a.name}在该聘期内已受聘于${v.name}`);
  const id = randomUUID();
  await repo.insertAppointments(tx, [{ id, adviserId: a.id, divisionCode: v.code, startOn: input.startOn, endOn: input.endOn, orgId: a.orgId, createdAt: kernel.now() }]);
  return { id };
}

/** The roster with each adviser's villages (the justice bureau and leaders). */
export async function roster(tx: Tx, kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'legalAdvisers.read');
  const list = await repo.listAdvisers(tx, scopeWhere(actor, 'legalAdvisers.read', repo.adviserScope));
  const apps = await repo.appointmentsOf(tx, list.map((a) => a.id));
  const today = kernel.today();
  return list.map((a) => ({
    id: a.id, name: a.name, kind: a.kind, firm: a.firm, licenceNo: a.licenceNo, hasLogin: !!a.userId,
    villages: apps.filter((x) => x.a.adviserId === a.id).map((x) => ({ code: x.a.divisionCode, name: x.villageName, startOn: x.a.startOn, endOn: x.a.endOn, current: x.a.startOn <= today && x.a.endOn >= today })),
  }));
}

/** The signed-in adviser: who they are and the villages they serve today (the phone page). */
export async function me(tx: Tx, kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'legalAdvisers.log');
  const a = actor.id ? await repo.adviserOfUser(tx, actor.id) : null;
  if (!a) throw new AppError('NOT_FOUND', '您的账号未关联法律顾问档案，请联系司法局');
  const today = kernel.today();
  const apps = await repo.appointmentsOf(tx, [a.id]);
  return {
    id: a.id, name: a.name, kind: a.kind, firm: a.firm,
    villages: apps.filter((x) => x.a.startOn <= today && x.a.endOn >= today).map((x) => ({ code: x.a.divisionCode, name: x.villageName, endOn: x.a.endOn })),
  };
}

export type LogInput = { villageCode: string; kind: WorkKind; servedOn: string; subject: string };
export async function logWork(tx: Tx, kernel: Kernel, actor: Actor, input: LogInput) {
  requirePermission(actor, 'legalAdvisers.log');
  const a = actor.id ? await repo.adviserOfUser(tx, actor.id) : null;
  if (!a) throw new AppError('NOT_FOUND', '您的账号未关联法律顾问档案，请联系司法局');
  const today = kernel.today();
  if (input.servedOn > today) throw field('servedOn', '服务日期不能晚于今天');
  const days = settingsOf(kernel).LEGAL_ADVISERS_LOG_DAYS;
  if (input.servedOn < addDays(today, -days)) throw field('servedOn', `只能补录${days}日内的工作记录`);
  if (!(await repo.servingAppointment(tx, a.id, input.villageCode, input.servedOn))) throw field('villageCode', '服务日期不在您受聘于该村（社区）的聘期内');
  const id = randomUUID();
  await repo.insertLogs(tx, [{ id, adviserId: a.id, divisionCode: input.villageCode, kind: input.kind, servedOn: input.servedOn, subject: input.subject, ownerId: actor.id, createdBy: actor.id, createdAt: kernel.now() }]);
  return { id };
}

const LOG_READ = ['legalAdvisers.read', 'legalAdvisers.log', 'legalAdvisers.confirm'];
export async function logs(tx: Tx, actor: Actor, q: { from: string; to: string; unconfirmed?: boolean }) {
  if (!LOG_READ.some((p) => can(actor, p))) throw new AppError('FORBIDDEN');
  const rows = await repo.listLogs(tx, repo.visibleLogs(scopeWhere(actor, LOG_READ, repo.logScope), q, q.unconfirmed), 300);
  return rows.map((r) => ({
    id: r.l.id, adviser: r.adviserName, village: r.villageName, kind: r.l.kind, kindName: WORK_KINDS[r.l.kind as WorkKind]?.label ?? r.l.kind,
    servedOn: r.l.servedOn, unit: WORK_KINDS[r.l.kind as WorkKind]?.unit ?? '', subject: r.l.subject,
    confirmedAt: r.l.confirmedAt ? r.l.confirmedAt.toISOString() : null, confirmedBy: r.l.confirmedByName,
    canConfirm: !r.l.confirmedAt && can(actor, 'legalAdvisers.confirm', { orgId: '', divisionCode: r.l.divisionCode, applicantId: null }),
  }));
}

export async function confirm(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const l = await repo.getLog(tx, id);
  if (!l || !can(actor, 'legalAdvisers.confirm', { orgId: '', divisionCode: l.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '工作记录不存在');
  if (l.ownerId && l.ownerId === actor.id) throw new AppError('FORBIDDEN', '不能确认本人的工作记录');
  if (!(await repo.confirmLog(tx, id, { id: actor.id, name: actor.name }, kernel.now()))) throw new AppError('STATE_CONFLICT', '该工作记录已确认');
  return { id };
}
