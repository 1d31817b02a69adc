/**
 * 电子证照: a licence is issued in the transaction in which a licence-issuing application is delivered
 * (办结送达); its QR code links to a public verification page; a scheduled job reminds the holder and the
 * issuing org before expiry, once per offset, never later than the legal renewal window; and for types
 * so configured it files a pre-filled renewal application (无感续证) or renews directly.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { type Actor, appendAudit, can, type Kernel, mergeCaseData, nextSequence, notify, randomToken, SYSTEM_ACTOR, tenancy, type TransitionContext, type Tx, scopeWhere } from '../../../core/server';
import { addDays, diffDays } from '../../../core/shared/calendar';
import { dueReminder } from '../../../core/shared/expiry';
import { checkIdNumber, maskIdNumber } from '../../../core/shared/ids';
import { fileApplication, applicationMachine, materialKey, type MaterialProvider } from '../../applications/public';
import {
  AUTO_RENEWAL, LICENCE_STATUSES, REMINDER_ACTIONS, SOURCES, effectiveOffsets, maskHolderName, validityText,
  type AutoRenewal, type LicenceListQuery, type LicenceStatus, type LicenceTypeInput,
} from '../shared/licences.schema';
import * as repo from './licences.repository';

// Reading the registry (holders, source applications) is licence.read; licence.manage maintains the
// types and runs reminders — the system administrator holds it and no case permission (三员分立), so
// it shows them the types, not the holders.
const LICENCE_PERMS = ['licence.read'];
const TYPE_PERMS = ['licence.read', 'licence.manage'];

/** Adds whole months to an ISO date; the validity ends the day before the same date N months later. */
export function validTo(validFrom: string, months: number | null): string | null {
  if (months === null) return null;
  const [y, m, d] = validFrom.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  return addDays(end.toISOString().slice(0, 10), -1);
}

export type Holder = { kind: string; name: string; idNumber: string | null; idLast4: string; phoneEnc: string | null; userId: string | null };

/** Issues one licence of `type`; the number is the type's prefix, the county code, the year and a serial. */
export async function issue(tx: Tx, kernel: Kernel, p: {
  type: repo.TypeRow; orgId: string; divisionCode: string; holder: Holder; validFrom: string; source: keyof typeof SOURCES; sourceCaseId: string | null; previousLicenceId?: string | null;
}) {
  const year = p.validFrom.slice(0, 4);
  const div = p.divisionCode.slice(0, 6);
  const seq = await nextSequence(kernel.db, tx, `licence:${p.type.numberPrefix}:${div}:${year}`);
  const idNumber = p.holder.idNumber;
  const row = await repo.insertLicence(tx, {
    id: randomUUID(), typeId: p.type.id, licenceNo: `${p.type.numberPrefix}${div}${year}${String(seq).padStart(6, '0')}`, divisionCode: p.divisionCode, orgId: p.orgId,
    holderKind: p.holder.kind, holderName: p.holder.name,
    holderIdEnc: idNumber ? kernel.cipher.encrypt(idNumber) : null, holderIdHash: idNumber ? kernel.cipher.index(idNumber) : null,
    holderIdMasked: idNumber ? maskIdNumber(idNumber) : maskIdNumber(`${'*'.repeat(14)}${p.holder.idLast4}`),
    holderPhoneEnc: p.holder.phoneEnc, holderUserId: p.holder.userId,
    validFrom: p.validFrom, validTo: validTo(p.validFrom, p.type.validityMonths), status: 'valid', source: p.source, sourceCaseId: p.sourceCaseId,
    previousLicenceId: p.previousLicenceId ?? null, verifyToken: randomToken(24), issuedAt: kernel.now(),
  });
  if (!row) throw new AppError('CONFLICT', '该办件已发放证照');
  return row;
}

/**
 * Renewal: the old licence becomes 已续期 and a new one continues its validity from the day after it
 * expires (or from today if it has already expired). Compare-and-set: a licence is renewed once.
 */
export async function renew(tx: Tx, kernel: Kernel, old: repo.LicenceRow, p: { source: 'renewal' | 'automatic'; caseId: string | null; phoneEnc?: string | null }) {
  const type = await repo.getType(tx, old.typeId);
  if (!type) throw new AppError('NOT_FOUND', '证照类型不存在');
  const today = kernel.today();
  const from = old.validTo && old.validTo >= today ? addDays(old.validTo, 1) : today;
  const done = await repo.setStatus(tx, old.id, 'valid', { status: 'renewed' });
  if (!done) throw new AppError('STATE_CONFLICT', '该证照已续期或已注销，不能再次续期');
  return issue(tx, kernel, {
    type, orgId: old.orgId, divisionCode: old.divisionCode, validFrom: from, source: p.source, sourceCaseId: p.caseId, previousLicenceId: old.id,
    holder: { kind: old.holderKind, name: old.holderName, idNumber: old.holderIdEnc ? kernel.cipher.decrypt(old.holderIdEnc) : null, idLast4: old.holderIdMasked.slice(-4), phoneEnc: p.phoneEnc ?? old.holderPhoneEnc, userId: old.holderUserId },
  });
}

/** Subscribed to applications entering 已办结 (delivered): issue the item's licence, or complete a renewal. */
export async function onApplicationDelivered(tx: Tx, ctx: TransitionContext) {
  const { row, kernel } = ctx;
  // A 无感续证 application carries the licence it renews (set when it was filed).
  if (typeof row.data.renewsLicenceId === 'string') {
    const renewing = await repo.get(tx, row.data.renewsLicenceId);
    if (renewing?.status === 'valid') await renew(tx, kernel, renewing, { source: 'renewal', caseId: row.id, phoneEnc: row.applicantPhoneEnc });
    return;
  }
  const itemId = typeof row.data.itemId === 'string' ? row.data.itemId : null;
  const type = itemId ? await repo.typeForItem(tx, row.divisionCode, itemId) : null;
  if (!type) return;
  const a = await repo.applicantOf(tx, row.id);
  if (!a) return;
  await issue(tx, kernel, {
    type, orgId: row.orgId, divisionCode: row.divisionCode, validFrom: ctx.today, source: 'application', sourceCaseId: row.id,
    holder: { kind: a.kind, name: row.applicantName ?? '', idNumber: a.idEnc ? kernel.cipher.decrypt(a.idEnc) : null, idLast4: a.last4, phoneEnc: row.applicantPhoneEnc, userId: row.applicantId },
  });
}

// ---- reading ----

const readGrants = (actor: Actor) => actor.grants.filter((g) => LICENCE_PERMS.some((p) => g.permissions.has(p)));

type Listed = NonNullable<Awaited<ReturnType<typeof repo.one>>>;
const view = (r: Listed, today: string) => ({
  id: r.l.id, licenceNo: r.l.licenceNo, typeId: r.l.typeId, typeName: r.typeName, holderKind: r.l.holderKind, holderName: r.l.holderName, holderIdMasked: r.l.holderIdMasked,
  orgName: r.orgName, validFrom: r.l.validFrom, validTo: r.l.validTo, status: r.status, statusName: LICENCE_STATUSES[r.status],
  daysLeft: r.l.validTo ? diffDays(today, r.l.validTo) : null, source: r.l.source, sourceName: SOURCES[r.l.source as keyof typeof SOURCES] ?? r.l.source,
  sourceRefNo: r.sourceRefNo ?? null, issuedAt: r.l.issuedAt.toISOString(),
});

export async function list(tx: Tx, kernel: Kernel, actor: Actor, q: z.infer<typeof LicenceListQuery>) {
  if (!readGrants(actor).length) throw new AppError('FORBIDDEN', '您没有查看证照的权限');
  const today = kernel.today();
  const { items, total } = await repo.list(tx, today, scopeWhere(actor, LICENCE_PERMS, repo.scopeColumns), q);
  return { items: items.map((r) => view(r, today)), total };
}

export const verifyPath = (token: string) => `/public/licences/verify/${token}`;

/** One licence the actor may read (by org or division), or 404 whether it is missing or out of scope. */
async function readable(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const r = readGrants(actor).length ? await repo.one(tx, kernel.today(), repo.byId(id)) : null;
  if (!r || !can(actor, 'licence.read', { orgId: r.l.orgId, divisionCode: r.l.divisionCode, applicantId: null })) {
    throw new AppError('NOT_FOUND', '证照不存在或您无权查看');
  }
  return r;
}

export async function detail(tx: Tx, kernel: Kernel, actor: Actor, id: string, origin: string) {
  return fullView(tx, kernel, await readable(tx, kernel, actor, id), origin);
}

async function fullView(tx: Tx, kernel: Kernel, r: Listed, origin: string) {
  const today = kernel.today();
  const type = await repo.getType(tx, r.l.typeId);
  const renewal = r.l.renewalCaseId ? await repo.caseRef(tx, r.l.renewalCaseId) : null;
  const prev = r.l.previousLicenceId ? await repo.get(tx, r.l.previousLicenceId) : null;
  const next = await repo.successorOf(tx, r.l.id);
  const reminders = await repo.remindersOf(tx, r.l.id);
  const eff = type ? effectiveOffsets(type.reminderOffsets, type.renewalLeadDays).offsets : [];
  const sentMin = reminders.length ? Math.min(...reminders.map((x) => x.r.offsetDays)) : Infinity;
  // The next reminder the job will send: one already due goes out on its next run (today).
  const pending = r.l.status === 'valid' && r.l.validTo && r.l.validTo >= today ? eff.filter((o) => o < sentMin) : [];
  const dueNow = pending.filter((o) => addDays(r.l.validTo!, -o) <= today);
  const upcoming = dueNow.length ? { offsetDays: Math.min(...dueNow), date: today }
    : pending.length ? { offsetDays: Math.max(...pending), date: addDays(r.l.validTo!, -Math.max(...pending)) } : null;
  return {
    ...view(r, today), verifyUrl: `${origin}${verifyPath(r.l.verifyToken)}`, qrPath: `/api/licences/${r.l.id}/qr.png`,
    renewalRefNo: renewal?.refNo ?? null, renewalState: renewal ? (applicationMachine.states[renewal.state as 'submitted']?.label ?? renewal.state) : null,
    previousLicenceNo: prev?.licenceNo ?? null, nextLicenceNo: next?.licenceNo ?? null,
    reminders: reminders.map(({ r: x, renewalRefNo }) => ({
      offsetDays: x.offsetDays, configuredOffset: x.configuredOffset, dueDate: x.dueDate, sentAt: x.sentAt.toISOString(), smsSent: x.smsSent, orgNotified: x.orgNotified,
      action: x.action, actionName: REMINDER_ACTIONS[x.action as keyof typeof REMINDER_ACTIONS] ?? x.action, renewalRefNo: renewalRefNo ?? null, note: x.note,
    })),
    nextReminder: upcoming,
  };
}

/** The QR code's target, for the licence's own staff. */
export async function qrTarget(tx: Tx, kernel: Kernel, actor: Actor, id: string, origin: string) {
  // The QR code needs the number and token only, not the whole detail (type, renewal, reminders).
  const r = await readable(tx, kernel, actor, id);
  return { url: `${origin}${verifyPath(r.l.verifyToken)}`, fileName: `${r.typeName}${r.l.licenceNo}核验二维码` };
}

/**
 * Public verification by the QR code's token: genuine or not, and valid today or not. The holder is
 * masked (个人信息保护法 第6条); an unknown token says "not genuine" without revealing anything else.
 */
export async function verify(tx: Tx, kernel: Kernel, token: string) {
  const r = await repo.one(tx, kernel.today(), repo.byTokenCond(token));
  if (!r) throw new AppError('NOT_FOUND', '未查询到该证照：二维码无效，证照可能不是本平台签发的，请向发证机关核实');
  const today = kernel.today();
  return {
    genuine: true, valid: r.status === 'valid' || r.status === 'expiring', status: r.status, statusName: LICENCE_STATUSES[r.status],
    licenceNo: r.l.licenceNo, typeName: r.typeName, holderName: maskHolderName(r.l.holderKind, r.l.holderName), holderIdMasked: r.l.holderIdMasked,
    orgName: r.orgName, validFrom: r.l.validFrom, validTo: r.l.validTo, checkedAt: `${today}`,
  };
}

/** Lookup by number for a holder without an account: the last four id characters prove it is theirs. */
export async function lookup(tx: Tx, kernel: Kernel, licenceNo: string, idLast4: string) {
  const l = await repo.byNo(tx, licenceNo.toUpperCase());
  if (!l || l.holderIdMasked.slice(-4).toUpperCase() !== idLast4.toUpperCase()) throw new AppError('NOT_FOUND', '未找到该证照，请核对证照编号和证件号码后4位');
  return { ...(await verify(tx, kernel, l.verifyToken)), verifyPath: verifyPath(l.verifyToken) };
}

/** 我的证照: a registered holder's licences, matched by account or by id number (its keyed hash). */
export async function mine(tx: Tx, kernel: Kernel, actor: Actor, origin: string) {
  if (actor.kind !== 'public' || !actor.id) throw new AppError('FORBIDDEN', '请以办事群众或企业账号登录');
  const user = await tenancy.getUser(tx, actor.id);
  const today = kernel.today();
  const { items } = await repo.list(tx, today, repo.ofHolder(actor.id, user?.idNumberHash ?? null), { page: 1, pageSize: 100 });
  return items.map((r) => ({ ...view(r, today), verifyUrl: `${origin}${verifyPath(r.l.verifyToken)}`, verifyPath: verifyPath(r.l.verifyToken) }));
}

/** 注销: the issuing org's head revokes a licence in force; it then verifies as 已注销. */
export async function revoke(tx: Tx, kernel: Kernel, actor: Actor, id: string, reason: string, origin: string) {
  const l = await repo.get(tx, id);
  if (!l || !can(actor, 'licence.revoke', { orgId: l.orgId, divisionCode: l.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '证照不存在或您无权注销');
  const done = await repo.setStatus(tx, id, 'valid', { status: 'revoked', revokedAt: kernel.now() });
  if (!done) throw new AppError('STATE_CONFLICT', '只有有效的证照可以注销');
  await appendAudit(tx, actor, { stream: `licence:${l.divisionCode}`, action: 'licence.revoke', entityType: 'licence', entityId: id, detail: { licenceNo: l.licenceNo, reason } }, kernel.now());
  return detail(tx, kernel, actor, id, origin);
}

// ---- types ----

const typeView = (t: repo.TypeRow) => {
  const eff = effectiveOffsets(t.reminderOffsets, t.renewalLeadDays);
  return {
    id: t.id, code: t.code, name: t.name, itemCodes: t.itemCodes, validityMonths: t.validityMonths, validityText: validityText(t.validityMonths),
    reminderOffsets: t.reminderOffsets, effectiveOffsets: t.validityMonths === null ? [] : eff.offsets, adjustments: t.validityMonths === null ? [] : eff.adjustments,
    renewalLeadDays: t.renewalLeadDays, renewalBasis: t.renewalBasis, autoRenewal: t.autoRenewal as AutoRenewal, autoRenewalName: AUTO_RENEWAL[t.autoRenewal as AutoRenewal], numberPrefix: t.numberPrefix,
  };
};

export async function listTypes(tx: Tx, actor: Actor) {
  const g = actor.grants.find((x) => TYPE_PERMS.some((p) => x.permissions.has(p)));
  if (!g) throw new AppError('FORBIDDEN', '您没有查看证照的权限');
  return (await repo.typesFor(tx, g.divisionCode ?? actor.divisionCode ?? '')).map(typeView);
}

export async function updateType(tx: Tx, kernel: Kernel, actor: Actor, id: string, input: z.infer<typeof LicenceTypeInput>) {
  const t = await repo.getType(tx, id);
  if (!t || !can(actor, 'licence.manage', { orgId: '', divisionCode: t.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '证照类型不存在或您无权维护');
  const saved = await repo.updateType(tx, id, { ...input, reminderOffsets: [...new Set(input.reminderOffsets)].sort((a, b) => b - a), updatedBy: actor.name, updatedAt: kernel.now() });
  await appendAudit(tx, actor, { stream: `admin:${t.divisionCode}`, action: 'licence.type', entityType: 'licence_type', entityId: id, detail: { ...input } }, kernel.now());
  return typeView(saved!);
}

// ---- reminders ----

type RunResult = { scanned: number; reminded: number; renewalsFiled: number; renewed: number };

/**
 * The reminder scan. For each licence in force expiring within a year: the most urgent effective offset
 * already reached is sent unless it (or a more urgent one) was sent before — so a licence first seen at
 * T-20 gets one reminder, not three. The unique (licence, offset) row makes a second run, or a second
 * process, send nothing twice. Each licence is its own transaction: one failure does not hold the rest.
 */
export async function runReminders(kernel: Kernel, log: (o: object, msg: string) => void = () => {}): Promise<RunResult> {
  const today = kernel.today();
  const out: RunResult = { scanned: 0, reminded: 0, renewalsFiled: 0, renewed: 0 };
  const candidates = await kernel.db.tx((tx) => repo.reminderCandidates(tx, today, 366, 20_000));
  for (const c of candidates) {
    out.scanned++;
    if (c.t.validityMonths === null || !c.l.validTo) continue;
    const { offsets, adjustments } = effectiveOffsets(c.t.reminderOffsets, c.t.renewalLeadDays);
    const due = dueReminder(offsets, c.l.validTo, today, c.lastOffset);
    if (!due) continue;
    const { offset, daysLeft: left } = due;
    const configured = adjustments.find((a) => a.effective === offset && !c.t.reminderOffsets.includes(offset))?.configured ?? null;
    try {
      const r = await kernel.db.tx((tx) => remindOne(tx, kernel, c.l, c.t, offset, configured, left));
      if (r) {
        out.reminded++;
        if (r === 'renewalFiled') out.renewalsFiled++;
        if (r === 'renewed') out.renewed++;
      }
    } catch (e) {
      // Rolled back: nothing recorded, so the next run tries this licence again.
      log({ licence: c.l.licenceNo, err: e instanceof Error ? e.message : String(e) }, 'licence reminder failed');
    }
  }
  return out;
}

async function remindOne(tx: Tx, kernel: Kernel, l: repo.LicenceRow, t: repo.TypeRow, offset: number, configured: number | null, left: number) {
  const now = kernel.now();
  const rem = await repo.insertReminder(tx, {
    id: randomUUID(), licenceId: l.id, offsetDays: offset, configuredOffset: configured, dueDate: addDays(l.validTo!, -offset), sentAt: now,
    smsSent: false, orgNotified: 0, action: 'reminded', divisionCode: l.divisionCode, orgId: l.orgId,
  });
  if (!rem) return null;
  let action: keyof typeof REMINDER_ACTIONS = 'reminded';
  let renewalRef: { id: string; refNo: string } | null = null;
  let renewedNo: string | null = null;
  const notes: string[] = [];
  if (configured !== null) notes.push(`原设置到期前${configured}天提醒，晚于法定续期申请期限（届满${t.renewalLeadDays}日前），已提前至到期前${offset}天`);
  if (t.autoRenewal === 'automatic') {
    const n = await renew(tx, kernel, l, { source: 'automatic', caseId: null });
    action = 'renewed';
    renewedNo = n.licenceNo;
    notes.push(`已按规则自动续期，新证照编号${n.licenceNo}，有效期${n.validFrom}至${n.validTo ?? '长期'}`);
  } else if (t.autoRenewal === 'prefilled' && !l.renewalCaseId) {
    const filed = await fileRenewal(tx, kernel, l, t);
    if ('refNo' in filed) {
      action = 'renewalFiled';
      renewalRef = filed;
      notes.push(`已生成预填的续证申请，办件编号${filed.refNo}`);
    } else notes.push(`未能生成预填的续证申请：${filed.reason}`);
  }
  const lead = t.renewalLeadDays;
  const phone = l.holderPhoneEnc ? kernel.cipher.decrypt(l.holderPhoneEnc) : null;
  const body = `您的${t.name}（编号${l.licenceNo}）将于${l.validTo}到期，距到期还有${left}天。`
    + (renewedNo ? `已按规则为您自动续期，新证照编号${renewedNo}。` : renewalRef ? `已为您生成预填的续证申请（办件编号${renewalRef.refNo}），请及时核对补充材料。` : lead !== null ? `依法须在有效期届满${lead}日前提出延续申请，请及时办理。` : '请及时办理相关手续。');
  if (phone) await notify(tx, kernel, { channel: 'sms', address: phone, divisionCode: l.divisionCode, caseId: renewalRef?.id ?? null, title: '证照到期提醒', body });
  const staff = await tenancy.staffWithPermissionInOrg(tx, l.orgId, 'licence.');
  for (const userId of staff) {
    await notify(tx, kernel, {
      channel: 'inapp', recipientUserId: userId, divisionCode: l.divisionCode, caseId: renewalRef?.id ?? null, link: `/licences/${l.id}`,
      title: `证照到期提醒：${t.name}${l.licenceNo}`, body: `持证人${l.holderName}的${t.name}（编号${l.licenceNo}）将于${l.validTo}到期（剩余${left}天）。${notes.join('；')}`.slice(0, 500),
    });
  }
  if (!phone) notes.push('持证人未留存手机号码，未发送短信');
  await repo.updateReminder(tx, rem.id, { smsSent: !!phone, orgNotified: staff.length, action, renewalCaseId: renewalRef?.id ?? null, note: notes.join('；') || null });
  return action;
}

/**
 * 无感续证: a renewal application for the item that issued the licence, filed by the system with the
 * holder's details from the licence, so the holder only checks it. It runs under its own clocks.
 */
async function fileRenewal(tx: Tx, kernel: Kernel, l: repo.LicenceRow, t: repo.TypeRow): Promise<{ id: string; refNo: string } | { reason: string }> {
  if (!l.holderIdEnc) return { reason: '证照未留存持证人完整证件号码（存量导入），请持证人自行申请' };
  const idNumber = kernel.cipher.decrypt(l.holderIdEnc);
  const check = checkIdNumber(idNumber, kernel.today());
  if (!check.valid) return { reason: '持证人证件号码无效' };
  let item = null;
  for (const code of t.itemCodes) {
    const i = await repo.itemByCode(tx, l.divisionCode, code);
    if (i?.status === 'published') { item = i; break; }
  }
  if (!item) return { reason: '发证事项未发布，无法在线申请' };
  const phone = l.holderPhoneEnc ? kernel.cipher.decrypt(l.holderPhoneEnc) : '';
  const filed = await fileApplication(tx, kernel, { ...SYSTEM_ACTOR, name: '无感续证' }, {
    itemId: item.id, applicant: { kind: l.holderKind === 'enterprise' ? 'enterprise' : 'person', name: l.holderName, idNumber, phone },
    assisted: false, materials: [], comment: `无感续证：根据${t.name}${l.licenceNo}（有效期至${l.validTo}）预填的延续申请`, idempotencyKey: `renew:${l.id}`,
  }, { form: { 申请类型: '延续（换证）', 原证照编号: l.licenceNo, 原有效期至: l.validTo ?? '' } });
  await mergeCaseData(tx, filed.id, { renewsLicenceId: l.id });
  if (!(await repo.setRenewalCase(tx, l.id, filed.id))) throw new AppError('STATE_CONFLICT', `证照${l.licenceNo}已有续证申请`);
  return { id: filed.id, refNo: filed.refNo };
}

/**
 * Issued licences as reusable materials (容缺/免提交: a licence the government itself issued is checked
 * by data sharing): a guide material named after a licence type the applicant holds in force, e.g.
 * 营业执照（部门共享）, is offered with the licence's number.
 */
export const licenceMaterials: MaterialProvider = {
  name: 'licences',
  async find(tx, kernel, q) {
    const held = await repo.inForceOf(tx, kernel.cipher.index(q.idNumber), kernel.today());
    return q.materialNames.flatMap((materialName) => {
      const key = materialKey(materialName);
      return held.filter((h) => key === h.typeName || (key.includes(h.typeName) && !key.endsWith('申请表')))
        .map((h) => ({ materialName, source: '电子证照', ref: h.l.id, label: `${h.typeName}（编号${h.l.licenceNo}，有效期至${h.l.validTo ?? '长期'}）` }));
    });
  },
};

