/**
 * Use cases of the credential register. Every change to a holder or a card is appended to the audit
 * chain (stream `credential:<division>`); the application → issue flow is a case (`credentialApplication`).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appendAudit, can, createCase, domainConfig, nextSequence, notify, randomToken, scopeWhere, tenancy, type Actor, type Kernel, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import { addDays } from '../../../core/shared/calendar';
import { dueReminder } from '../../../core/shared/expiry';
import { checkIdNumber } from '../../../core/shared/ids';
import { applicationMachine } from '../shared/enforcement-credentials.machine';
import {
  EMPLOYMENT_LABELS, EXAM_SUBJECT_LABELS, KIND_LABELS, STATUS_LABELS, TRAINING_TYPE_LABELS,
  type CredentialKind, type Employment, type TrainingType,
} from '../shared/enforcement-credentials.labels';
import { statusOn } from '../shared/enforcement-credentials.rules';
import type { ApplyInput, ExamInput, HolderInput, SessionInput } from '../shared/enforcement-credentials.schema';
import { credentialSettings } from './enforcement-credentials.config';
import { courtVisitDaysSql } from '../../law-study/public';
import * as repo from './enforcement-credentials.repository';

const settings = (kernel: Kernel) => domainConfig(kernel, credentialSettings);
const audit = (tx: Tx, kernel: Kernel, actor: Actor, divisionCode: string, action: string, entityType: string, entityId: string, detail: Record<string, unknown>) =>
  appendAudit(tx, actor, { stream: `credential:${divisionCode}`, action, entityType, entityId, detail }, kernel.now());

export const verifyPath = (token: string) => `/public/credentials/verify/${token}`;

/**
 * 河南省行政执法条例 第20–21条, 山东省行政执法监督条例 第10条 (domain-rules.md §10): only 在编在职 staff
 * may hold a card; 工勤人员、劳动合同工、临时工 and dispatched staff may not.
 */
export function employmentRefusal(e: string): string | null {
  if (e === 'establishment') return null;
  const label = EMPLOYMENT_LABELS[e as Employment] ?? e;
  return `${label}不能申领行政执法证件：持证人员须为在编在职人员，劳动合同制、辅助、临时聘用和劳务派遣人员不得从事行政执法（河南省行政执法条例 第20–21条）`;
}

const scopeRow = (h: { orgId: string; divisionCode: string }) => ({ orgId: h.orgId, divisionCode: h.divisionCode, applicantId: null });

async function readableHolder(tx: Tx, actor: Actor, id: string) {
  const h = await repo.getHolder(tx, id);
  if (!h || !(can(actor, 'credential.read', scopeRow(h)))) throw new AppError('NOT_FOUND', '执法人员不存在或您无权查看');
  return h;
}
async function writableHolder(tx: Tx, actor: Actor, id: string, permission: string) {
  const h = await readableHolder(tx, actor, id);
  if (!can(actor, permission, scopeRow(h))) throw new AppError('FORBIDDEN');
  return h;
}
async function manageableCard(tx: Tx, actor: Actor, id: string) {
  const c = await repo.getCredential(tx, id);
  if (!c || !can(actor, 'credential.read', scopeRow(c))) throw new AppError('NOT_FOUND', '证件不存在或您无权查看');
  if (!can(actor, 'credential.manage', scopeRow(c))) throw new AppError('FORBIDDEN');
  return c;
}

// ---- holders ----------------------------------------------------------------------------------------

export async function registerHolder(tx: Tx, kernel: Kernel, actor: Actor, input: HolderInput) {
  const org = await tenancy.getOrg(tx, input.orgId);
  if (!org) throw new AppError('VALIDATION', '所在单位不存在');
  if (!can(actor, 'credential.register', scopeRow({ orgId: org.id, divisionCode: org.divisionCode }))) throw new AppError('FORBIDDEN', '只能登记本单位（或本辖区）的执法人员');
  const refusal = employmentRefusal(input.employment);
  if (refusal) throw new AppError('GUARD_FAILED', refusal);
  let idNumberEnc: string | null = null;
  let idTail: string | null = null;
  if (input.idNumber) {
    const check = checkIdNumber(input.idNumber, kernel.today());
    if (!check.valid || check.kind !== 'residentId') throw new AppError('INVALID_ID_NUMBER', '公民身份号码校验不通过');
    const norm = input.idNumber.toUpperCase();
    idNumberEnc = kernel.cipher.encrypt(norm);
    idTail = norm.slice(-4);
  }
  const id = randomUUID();
  await repo.insertHolder(tx, {
    id, name: input.name, gender: input.gender ?? null, idNumberEnc, idTail, phoneEnc: input.phone ? kernel.cipher.encrypt(input.phone) : null,
    orgId: org.id, divisionCode: org.divisionCode, post: input.post, employment: input.employment, staffUserId: input.staffUserId ?? null,
    scope: input.scope, status: 'active', createdAt: kernel.now(),
  });
  await audit(tx, kernel, actor, org.divisionCode, 'credential.holder.register', 'credentialHolder', id, { name: input.name, orgId: org.id, post: input.post, employment: input.employment });
  return { id };
}

export async function recordExam(tx: Tx, kernel: Kernel, actor: Actor, holderId: string, input: z.infer<typeof ExamInput>) {
  const h = await writableHolder(tx, actor, holderId, 'credential.register');
  if (input.takenOn > kernel.today()) throw new AppError('VALIDATION', '考试日期不能晚于今天');
  const passed = input.score >= settings(kernel).CREDENTIAL_EXAM_PASS;
  const id = randomUUID();
  await repo.insertExam(tx, { id, holderId, subject: input.subject, score: input.score, passed, takenOn: input.takenOn, orgId: h.orgId, divisionCode: h.divisionCode, createdAt: kernel.now() });
  await audit(tx, kernel, actor, h.divisionCode, 'credential.exam', 'credentialHolder', holderId, { subject: input.subject, score: input.score, passed, takenOn: input.takenOn });
  return { id, passed };
}

/** 离岗: the person leaves the org (调离、退休、辞职): every card they hold is cancelled (注销) from that day. */
export async function leave(tx: Tx, kernel: Kernel, actor: Actor, holderId: string, reason: string, leftOn: string) {
  const h = await writableHolder(tx, actor, holderId, 'credential.register');
  if (h.status === 'left') throw new AppError('STATE_CONFLICT', `${h.name}已于${h.leftOn}登记离岗`);
  if (leftOn > kernel.today()) throw new AppError('VALIDATION', '离岗日期不能晚于今天');
  await repo.updateHolder(tx, h.id, { status: 'left', leftOn, leftReason: reason });
  for (const c of await repo.credentialsOfHolders(tx, [h.id])) {
    if (c.status !== 'valid' && c.status !== 'suspended') continue;
    await cancelCard(tx, kernel, actor, c, `离岗注销：${reason}`, leftOn < c.issuedOn ? c.issuedOn : leftOn);
  }
  await audit(tx, kernel, actor, h.divisionCode, 'credential.holder.leave', 'credentialHolder', h.id, { reason, leftOn });
  return holderDetail(tx, kernel, actor, h.id, '');
}

// ---- applications (a case) ---------------------------------------------------------------------------

export async function apply(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof ApplyInput>) {
  const h = await writableHolder(tx, actor, input.holderId, 'credentialApplication.submit');
  if (h.status !== 'active') throw new AppError('GUARD_FAILED', `${h.name}已离岗，不能申领执法证件`);
  const refusal = employmentRefusal(h.employment);
  if (refusal) throw new AppError('GUARD_FAILED', refusal);
  const open = await repo.openApplication(tx, h.id);
  if (open) throw new AppError('DUPLICATE', `${h.name}已有正在办理的申领（${open.refNo}）`);
  const today = kernel.today();
  const lead = Math.max(...settings(kernel).CREDENTIAL_REMINDER_OFFSETS);
  const current = (await repo.credentialsOfHolders(tx, [h.id])).find((c) => c.kind === input.kind && (c.status === 'valid' || c.status === 'suspended') && c.validTo >= today);
  // A card near its end is renewed (换证) by a new application; one with long to run is not doubled.
  if (current && addDays(today, lead) < current.validTo) {
    throw new AppError('DUPLICATE', `${h.name}已持有有效的${KIND_LABELS[input.kind]}（${current.number}，有效期至${current.validTo}），到期前${lead}日内方可申请换证`);
  }
  const { row } = await createCase(tx, kernel, actor, {
    type: applicationMachine.type, title: `${h.name}${current ? '换领' : '申领'}${KIND_LABELS[input.kind]}`, orgId: h.orgId, divisionCode: h.divisionCode,
    applicantName: h.name,
    data: { holderId: h.id, holderName: h.name, kind: input.kind, scope: input.scope?.trim() || h.scope, renews: current?.id ?? null },
  });
  return { id: row.id, refNo: row.refNo };
}

/** Why the holder cannot be issued a card today, or null (checked when the justice bureau issues). */
async function issueRefusal(tx: Tx, kernel: Kernel, h: repo.HolderRow): Promise<string | null> {
  if (h.status !== 'active') return `${h.name}已离岗，不能发证`;
  const e = employmentRefusal(h.employment);
  if (e) return e;
  // 河南省行政执法条例 第21条: 公共法律知识 and 专业法律知识 training and an exam passed before a card is issued.
  const exams = await repo.examsOf(tx, h.id);
  const missing = (['public', 'professional'] as const).filter((s) => !exams.some((x) => x.subject === s && x.passed));
  if (missing.length) return `${h.name}尚未通过${missing.map((s) => EXAM_SUBJECT_LABELS[s]).join('和')}，不能发证（河南省行政执法条例 第21条）`;
  return null;
}

/** The card's number: the division code, 1 (执法证) or 2 (监督证), and a serial never reused. */
export async function nextNumber(tx: Tx, kernel: Kernel, divisionCode: string, kind: CredentialKind) {
  const seq = await nextSequence(kernel.db, tx, `credential:${divisionCode.slice(0, 6)}:${kind}`);
  return `${divisionCode.slice(0, 6)}${kind === 'enforcement' ? '1' : '2'}${String(seq).padStart(5, '0')}`;
}

/**
 * Validity: from the day of issue through the day before the same date N years later. A card issued on
 * 29 February reaches a year without one: its anniversary is 1 March, so it runs through 28 February.
 */
export function validToOf(issuedOn: string, years: number): string {
  const y = Number(issuedOn.slice(0, 4)) + years;
  const md = issuedOn.slice(4);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return addDays(md === '-02-29' && !leap ? `${y}-03-01` : `${y}${md}`, -1);
}


type ApplicationData = { holderId: string; kind: CredentialKind; scope: string; renews: string | null };

/** The holder an application names (it is written with the application: a missing one is not found). */
async function holderOf(tx: Tx, row: { data: Record<string, unknown> }) {
  const h = await repo.getHolder(tx, (row.data as ApplicationData).holderId);
  if (!h) throw new AppError('NOT_FOUND', '执法人员不存在');
  return h;
}

/** What must hold before an application event is taken: the holder may be issued a card (before the compare-and-set). */
export const applicationChecks: Record<string, TransitionCheck> = {
  async issue(tx, ctx) {
    return issueRefusal(tx, ctx.kernel, await holderOf(tx, ctx.row));
  },
};

/** Domain writes of each application event. */
export const applicationHandlers: Record<string, TransitionHandler> = {
  async issue(tx, ctx) {
    const { kernel, row, actor, today } = ctx;
    const d = row.data as ApplicationData;
    // applicationChecks.issue found the holder and their right to a card.
    const h = await holderOf(tx, row);
    const id = randomUUID();
    const number = await nextNumber(tx, kernel, h.divisionCode, d.kind);
    // A renewal's new card starts the day after the old one ends (or today, if that has passed).
    const old = d.renews ? await repo.getCredential(tx, d.renews) : null;
    const issuedOn = old && old.validTo >= today ? addDays(old.validTo, 1) : today;
    await repo.insertCredential(tx, {
      id, holderId: h.id, caseId: row.id, kind: d.kind, number, verifyToken: randomToken(24), scope: d.scope, issuedOn,
      validTo: validToOf(issuedOn, settings(kernel).CREDENTIAL_VALIDITY_YEARS), status: 'valid', orgId: h.orgId, divisionCode: h.divisionCode, createdAt: ctx.at, renewsId: old?.id ?? null,
    });
    if (old) await repo.updateCredential(tx, old.id, { status: 'renewed', statusReason: `已换发新证${number}` });
    await audit(tx, kernel, actor, h.divisionCode, 'credential.issue', 'credential', id, { number, kind: d.kind, holderId: h.id, caseId: row.id, renews: old?.number ?? null });
  },
};

export async function presentApplication(tx: Tx, row: { data: Record<string, unknown>; id: string }) {
  const d = row.data as { holderName?: string; kind?: CredentialKind; scope?: string };
  const card = await repo.credentialOfCase(tx, row.id);
  return [
    { label: '执法人员', value: d.holderName ?? '' },
    { label: '证件种类', value: d.kind ? KIND_LABELS[d.kind] : '' },
    { label: '执法范围', value: d.scope ?? '' },
    ...(card ? [{ label: '证号', value: card.number }, { label: '有效期', value: `${card.issuedOn}至${card.validTo}` }] : []),
  ];
}

// ---- card status changes -----------------------------------------------------------------------------

/** 暂扣: the card may not be used from today until reinstated. */
export async function suspend(tx: Tx, kernel: Kernel, actor: Actor, id: string, reason: string) {
  const c = await manageableCard(tx, actor, id);
  if (c.status !== 'valid') throw new AppError('STATE_CONFLICT', `证件${c.number}当前为${STATUS_LABELS[c.status as 'valid'] ?? c.status}，不能暂扣`);
  await suspendCard(tx, kernel, actor, c, reason);
  return { ok: true };
}
async function suspendCard(tx: Tx, kernel: Kernel, actor: Actor, c: repo.CredentialRow, reason: string) {
  await repo.insertSuspension(tx, { id: randomUUID(), credentialId: c.id, fromDate: kernel.today(), reason, divisionCode: c.divisionCode, createdAt: kernel.now() });
  await repo.updateCredential(tx, c.id, { status: 'suspended', statusReason: reason });
  await audit(tx, kernel, actor, c.divisionCode, 'credential.suspend', 'credential', c.id, { number: c.number, reason });
}

export async function reinstate(tx: Tx, kernel: Kernel, actor: Actor, id: string, reason: string) {
  const c = await manageableCard(tx, actor, id);
  if (c.status !== 'suspended') throw new AppError('STATE_CONFLICT', `证件${c.number}未被暂扣`);
  await liftCard(tx, kernel, actor, c, reason);
  return { ok: true };
}
async function liftCard(tx: Tx, kernel: Kernel, actor: Actor, c: repo.CredentialRow, reason: string) {
  await repo.liftSuspensions(tx, c.id, kernel.today(), reason);
  await repo.updateCredential(tx, c.id, { status: 'valid', statusReason: null });
  await audit(tx, kernel, actor, c.divisionCode, 'credential.reinstate', 'credential', c.id, { number: c.number, reason });
}

/** 注销. */
export async function cancel(tx: Tx, kernel: Kernel, actor: Actor, id: string, reason: string) {
  const c = await manageableCard(tx, actor, id);
  if (c.status === 'cancelled') throw new AppError('STATE_CONFLICT', `证件${c.number}已注销`);
  await cancelCard(tx, kernel, actor, c, reason, kernel.today());
  return { ok: true };
}
async function cancelCard(tx: Tx, kernel: Kernel, actor: Actor, c: repo.CredentialRow, reason: string, on: string) {
  await repo.liftSuspensions(tx, c.id, on, '证件注销');
  await repo.updateCredential(tx, c.id, { status: 'cancelled', statusReason: reason, cancelledOn: on });
  await audit(tx, kernel, actor, c.divisionCode, 'credential.cancel', 'credential', c.id, { number: c.number, reason, cancelledOn: on });
}

// ---- training and annual review ----------------------------------------------------------------------

/** Hours of a holder in a year, by type (旁听庭审 with law-study's court visits), and the hours that count toward the requirement. */
export async function yearHours(tx: Tx, kernel: Kernel, holderId: string, year: number) {
  const s = settings(kernel);
  const rows = await repo.hoursByType(tx, holderId, `${year}-01-01`, `${year}-12-31`);
  // 旁听庭审 law-study records for the holder's account (law-study decides whether a court visit counts
  // as study hours at all: LAW_STUDY_COURT_VISIT_HOURS); a day this ledger already holds a 旁听庭审 of the
  // holder is the same hearing and is not added again. The figure training.hoursCompletionRate reads the same SQL.
  const fromLawStudy = Math.round(await repo.lawStudyTrialHoursOf(tx, holderId, courtVisitDaysSql(kernel), `${year}-01-01`, `${year}-12-31`) * 10) / 10;
  const byType = (Object.keys(TRAINING_TYPE_LABELS) as TrainingType[]).map((type) => ({
    type, typeName: TRAINING_TYPE_LABELS[type],
    hours: Math.round((Number(rows.find((r) => r.type === type)?.hours ?? 0) + (type === 'trial' ? fromLawStudy : 0)) * 10) / 10,
    counts: type !== 'trial' || s.CREDENTIAL_TRIAL_COUNTS,
    /** Of these hours, those law-study recorded (旁听庭审 sessions of the 学法 register). */
    fromLawStudy: type === 'trial' ? fromLawStudy : 0,
  }));
  const total = byType.reduce((a, b) => a + b.hours, 0);
  const counted = byType.filter((b) => b.counts).reduce((a, b) => a + b.hours, 0);
  return { year, total, counted, required: s.CREDENTIAL_TRAINING_HOURS, byType };
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * 年审: the card passes when the year's counted training hours reach the requirement (default 60 学时,
 * 国办发〔2023〕27号, unconfirmed as text) and, where the setting asks, the holder passed a legal-knowledge
 * exam that year. Failing — 学时不足 or no exam → no annual registration (domain-rules.md §10) — records
 * the reason and suspends (暂扣) the card until a later review passes.
 */
export async function annualReview(tx: Tx, kernel: Kernel, actor: Actor, id: string, year: number) {
  const c = await manageableCard(tx, actor, id);
  if (c.status !== 'valid' && c.status !== 'suspended') throw new AppError('STATE_CONFLICT', `证件${c.number}当前为${STATUS_LABELS[c.status as 'valid'] ?? c.status}，不能年审`);
  if (year > Number(kernel.today().slice(0, 4))) throw new AppError('VALIDATION', '不能对未来年度年审');
  if (c.issuedOn > `${year}-12-31`) throw new AppError('VALIDATION', `证件${c.number}于${c.issuedOn}核发，不参加${year}年度年审`);
  const prior = await repo.reviewsOfCard(tx, c.id, year);
  if (prior.some((r) => r.passed)) throw new AppError('DUPLICATE', `证件${c.number}${year}年度已通过年审`);
  const s = settings(kernel);
  const hours = await yearHours(tx, kernel, c.holderId, year);
  const exams = await repo.examsOf(tx, c.holderId);
  const examPassed = exams.some((e) => e.passed && e.takenOn.startsWith(String(year)));
  const problems: string[] = [];
  if (hours.counted < hours.required) {
    problems.push(`${year}年度培训${fmt(hours.counted)}学时，不足规定的${fmt(hours.required)}学时（差${fmt(hours.required - hours.counted)}学时）`);
  }
  if (s.CREDENTIAL_REVIEW_NEEDS_EXAM && !examPassed) problems.push(`${year}年度未参加法律知识考试或考试不合格`);
  const passed = problems.length === 0;
  const reason = passed ? null : `年审未通过：${problems.join('；')}`;
  await repo.insertReview(tx, {
    id: randomUUID(), credentialId: c.id, holderId: c.holderId, year, hours: hours.counted, requiredHours: hours.required, examPassed, passed, reason,
    reviewedOn: kernel.today(), reviewerName: actor.name, orgId: c.orgId, divisionCode: c.divisionCode, createdAt: kernel.now(),
  });
  await audit(tx, kernel, actor, c.divisionCode, 'credential.review', 'credential', c.id, { number: c.number, year, hours: hours.counted, examPassed, passed, reason });
  if (!passed && c.status === 'valid') await suspendCard(tx, kernel, actor, c, reason!);
  if (passed && c.status === 'suspended' && (c.statusReason ?? '').startsWith('年审未通过')) await liftCard(tx, kernel, actor, c, `${year}年度年审通过`);
  return { passed, hours: hours.counted, requiredHours: hours.required, examPassed, reason, number: c.number, year };
}

export async function recordSession(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof SessionInput>) {
  if (input.heldOn > kernel.today()) throw new AppError('VALIDATION', '培训日期不能晚于今天');
  const hs = await repo.holdersByIds(tx, [...new Set(input.holderIds)]);
  if (hs.length !== new Set(input.holderIds).size) throw new AppError('VALIDATION', '参训人员中有不存在的执法人员');
  for (const h of hs) if (!can(actor, 'credential.register', scopeRow(h))) throw new AppError('FORBIDDEN', `无权为${h.name}登记培训`);
  await repo.insertTrainings(tx, hs.map((h) => ({
    id: randomUUID(), holderId: h.id, type: input.type, title: input.title, heldOn: input.heldOn, hours: input.hours, source: 'session', orgId: h.orgId, divisionCode: h.divisionCode, createdAt: kernel.now(),
  })));
  await audit(tx, kernel, actor, hs[0].divisionCode, 'credential.training', 'trainingSession', input.title, { type: input.type, heldOn: input.heldOn, hours: input.hours, people: hs.length });
  return { recorded: hs.length };
}

// ---- reading --------------------------------------------------------------------------------------------

const cardView = (c: repo.CredentialRow, susp: repo.SuspensionRow[], today: string, origin: string) => {
  const st = c.status === 'renewed' && c.validTo >= today ? 'valid' : statusOn(c, susp.filter((x) => x.credentialId === c.id), today);
  return {
    id: c.id, number: c.number, kind: c.kind, kindName: KIND_LABELS[c.kind as CredentialKind] ?? c.kind, scope: c.scope, issuedOn: c.issuedOn, validTo: c.validTo,
    status: st, statusName: STATUS_LABELS[st], statusReason: c.statusReason, cancelledOn: c.cancelledOn,
    verifyPath: verifyPath(c.verifyToken), verifyUrl: `${origin}${verifyPath(c.verifyToken)}`, qrPath: `/api/credentials/${c.id}/qr.png`, caseId: c.caseId,
  };
};

export async function listHolders(tx: Tx, kernel: Kernel, actor: Actor, q: { q?: string; orgId?: string; status?: string; page: number; pageSize: number }) {
  const { total, rows } = await repo.listHolders(tx, scopeWhere(actor, 'credential.read', repo.holderScopeColumns), q);
  const cards = await repo.credentialsOfHolders(tx, rows.map((r) => r.h.id));
  const susp = await repo.suspensionsOf(tx, cards.map((c) => c.id));
  const today = kernel.today();
  return {
    total,
    items: rows.map(({ h, orgName }) => ({
      id: h.id, name: h.name, orgId: h.orgId, orgName, post: h.post, employment: h.employment, employmentName: EMPLOYMENT_LABELS[h.employment as Employment] ?? h.employment,
      status: h.status, scope: h.scope, idTail: h.idTail,
      cards: cards.filter((c) => c.holderId === h.id).map((c) => { const v = cardView(c, susp, today, ''); return { number: v.number, kindName: v.kindName, statusName: v.statusName, validTo: v.validTo }; }),
    })),
  };
}

export async function holderDetail(tx: Tx, kernel: Kernel, actor: Actor, id: string, origin: string) {
  const h = await readableHolder(tx, actor, id);
  const org = await tenancy.getOrg(tx, h.orgId);
  const today = kernel.today();
  const cards = await repo.credentialsOfHolders(tx, [h.id]);
  const susp = await repo.suspensionsOf(tx, cards.map((c) => c.id));
  const open = await repo.openApplication(tx, h.id);
  const views = cards.map((c) => cardView(c, susp, today, origin));
  return {
    id: h.id, name: h.name, orgId: h.orgId, orgName: org?.name ?? '', post: h.post, employment: h.employment, employmentName: EMPLOYMENT_LABELS[h.employment as Employment] ?? h.employment,
    status: h.status, scope: h.scope, idTail: h.idTail, gender: h.gender, leftOn: h.leftOn, leftReason: h.leftReason, staffUserId: h.staffUserId,
    cards: views,
    exams: (await repo.examsOf(tx, h.id)).map((e) => ({ id: e.id, subject: e.subject, subjectName: EXAM_SUBJECT_LABELS[e.subject as 'public'] ?? e.subject, score: e.score, passed: e.passed, takenOn: e.takenOn })),
    reviews: (await repo.reviewsOfHolder(tx, h.id)).map((r) => ({
      id: r.id, year: r.year, hours: r.hours, requiredHours: r.requiredHours, examPassed: r.examPassed, passed: r.passed, reason: r.reason, reviewedOn: r.reviewedOn, reviewerName: r.reviewerName,
      number: cards.find((c) => c.id === r.credentialId)?.number ?? '',
    })),
    trainings: (await repo.trainingsOf(tx, h.id)).map((x) => ({ id: x.id, type: x.type, typeName: TRAINING_TYPE_LABELS[x.type as TrainingType] ?? x.type, title: x.title, heldOn: x.heldOn, hours: x.hours, source: x.source })),
    hoursThisYear: await yearHours(tx, kernel, h.id, Number(today.slice(0, 4))),
    pendingApplication: open ? { id: open.id, refNo: open.refNo, stateName: applicationMachine.states[open.state as 'submitted']?.label ?? open.state } : null,
  };
}

export async function qrTarget(tx: Tx, actor: Actor, id: string, origin: string) {
  const c = await repo.getCredential(tx, id);
  if (!c || !can(actor, 'credential.read', scopeRow(c))) throw new AppError('NOT_FOUND', '证件不存在或您无权查看');
  return { url: `${origin}${verifyPath(c.verifyToken)}`, number: c.number };
}

/**
 * The public page behind the card's QR code: what the card itself shows (司办通〔2020〕78号: name, unit,
 * number, validity) plus its status and scope — no 身份证号, no phone, no photo.
 */
export async function verify(tx: Tx, kernel: Kernel, token: string) {
  const c = await repo.credentialByToken(tx, token);
  if (!c) throw new AppError('NOT_FOUND', '未查询到该执法证件，请核对二维码是否为本区核发的证件');
  const h = (await repo.getHolder(tx, c.holderId))!;
  const org = await tenancy.getOrg(tx, c.orgId);
  const today = kernel.today();
  const v = cardView(c, await repo.suspensionsOf(tx, [c.id]), today, '');
  return { number: c.number, kindName: v.kindName, status: v.status, statusName: v.statusName, name: h.name, orgName: org?.name ?? '', scope: c.scope, issuedOn: c.issuedOn, validTo: c.validTo, checkedOn: today };
}

/** Status of many cards at once, by number or QR token: status only, no names. */
export async function statusList(tx: Tx, kernel: Kernel, refs: string[], on?: string) {
  const day = on ?? kernel.today();
  const uniq = [...new Set(refs)];
  const found = [...await repo.credentialsByNumbers(tx, uniq), ...await repo.credentialsByTokens(tx, uniq)];
  const susp = await repo.suspensionsOf(tx, found.map((c) => c.id));
  return uniq.map((ref) => {
    const c = found.find((x) => x.number === ref || x.verifyToken === ref);
    if (!c) return { ref, found: false, number: null, status: null, statusName: null, validTo: null };
    const st = statusOn(c, susp.filter((x) => x.credentialId === c.id), day);
    return { ref, found: true, number: c.number, status: st, statusName: STATUS_LABELS[st], validTo: c.validTo };
  });
}

// ---- expiry reminders ------------------------------------------------------------------------------------

/**
 * Reminds the org (its staff who may apply) and the justice bureau's reviewers before a card ends, at
 * CREDENTIAL_REMINDER_OFFSETS days before; the choice of which reminder is due is the kernel's
 * (core/shared/expiry.ts), shared with the e-licences. A card already being renewed is not reminded.
 */
export async function runCredentialReminders(kernel: Kernel) {
  const today = kernel.today();
  const offsets = settings(kernel).CREDENTIAL_REMINDER_OFFSETS;
  const candidates = await kernel.db.tx((tx) => repo.reminderCandidates(tx, today, addDays(today, Math.max(...offsets))));
  let reminded = 0;
  for (const { c, h, lastOffset } of candidates) {
    const due = dueReminder(offsets, c.validTo, today, lastOffset);
    if (!due) continue;
    const sent = await kernel.db.tx(async (tx) => {
      if (await repo.openApplication(tx, h.id)) return false;
      const rem = await repo.insertReminder(tx, { id: randomUUID(), credentialId: c.id, offsetDays: due.offset, sentAt: kernel.now(), notified: 0, orgId: c.orgId, divisionCode: c.divisionCode });
      if (!rem) return false;
      const kind = KIND_LABELS[c.kind as CredentialKind] ?? c.kind;
      const body = `${h.name}的${kind}（证号${c.number}）将于${c.validTo}到期（剩余${due.daysLeft}天），请及时申请换证。`;
      const users = [...new Set([...await tenancy.staffWithPermissionInOrg(tx, c.orgId, 'credentialApplication.submit')])];
      for (const userId of users) {
        await notify(tx, kernel, { channel: 'inapp', recipientUserId: userId, divisionCode: c.divisionCode, caseId: null, link: `/credentials/holders/${h.id}`, title: `执法证件到期提醒：${h.name}`, body });
      }
      await repo.markReminder(tx, rem.id, users.length);
      return true;
    });
    if (sent) reminded++;
  }
  return { scanned: candidates.length, reminded };
}
