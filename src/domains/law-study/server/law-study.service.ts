/** 学法 sessions, the officials' register, 法治建设 meetings and 述法: permission and scope first, then the repository. */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, domainConfig, DOCUMENT_KINDS, requirePermission, scopeWhere, can, storageFor, storeUpload, tenancy, type Actor, type Kernel, type Tx } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import { divisionPrefix } from '../../../core/shared/division';
import { MEETING_KINDS, SESSION_KINDS, SHUFA_FORMS, type SessionKind } from '../shared/law-study.labels';
import type { SessionInput } from '../shared/law-study.schema';
import { lawStudySettings } from './law-study.config';
import { headAppearancesOf } from '../../litigation/public';
import { decisionStepsBy, type DecisionStep } from '../../major-decisions/public';
import * as repo from './law-study.repository';
import { meetings, officials, sessions, shufa, type MaterialRow } from './law-study.tables';

export const settingsOf = (k: Kernel) => domainConfig(k, lawStudySettings);
export const yearOf = (k: Kernel) => Number(k.today().slice(0, 4));

/** The org an actor records for: the one named (if their grant covers it) or the org of their first grant with `permission`. */
async function orgFor(tx: Tx, actor: Actor, permission: string, orgId?: string) {
  requirePermission(actor, permission);
  const id = orgId ?? actor.grants.find((g) => g.permissions.has(permission) && g.orgId)?.orgId;
  const org = id ? await tenancy.getOrg(tx, id) : null;
  if (!org || !can(actor, permission, { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '单位不存在或不在您的管辖范围内');
  return org;
}

// ---- register ----
/**
 * The register entry of a staff account, made on first need (their first role's org). A login user is
 * an official as soon as they open the exam page; officials without accounts are imported or seeded.
 */
export async function officialOf(tx: Tx, kernel: Kernel, actor: Actor) {
  if (actor.kind !== 'staff' || !actor.id) throw new AppError('FORBIDDEN', '仅机关工作人员可参加学法考试');
  const found = await repo.officialByUser(tx, actor.id);
  if (found) return found;
  const g = actor.grants.find((x) => x.orgId);
  if (!g?.orgId || !g.divisionCode) throw new AppError('FORBIDDEN', '您的账号未分配单位，不能参加学法考试');
  await repo.insertOfficials(tx, [{ id: randomUUID(), name: actor.name, post: null, leader: false, userId: actor.id, active: true, orgId: g.orgId, divisionCode: g.divisionCode, createdAt: kernel.now() }]);
  return (await repo.officialByUser(tx, actor.id))!;
}
/** Adds every staff account of the division not yet on the register. */
export async function syncRegister(tx: Tx, kernel: Kernel, divisionCode: string) {
  const rows = await repo.unregisteredStaff(tx, divisionCode);
  await repo.insertOfficials(tx, rows.map((r) => ({ id: randomUUID(), name: r.name, post: null, leader: r.role === 'leader' || r.role === 'director', userId: r.id, active: true, orgId: r.orgId, divisionCode: r.divisionCode, createdAt: kernel.now() })));
  return rows.length;
}
export async function syncOfficials(tx: Tx, kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'lawStudy.manage');
  const division = actor.grants.find((g) => g.permissions.has('lawStudy.manage') && g.divisionCode)?.divisionCode;
  if (!division) throw new AppError('FORBIDDEN');
  return { added: await syncRegister(tx, kernel, division) };
}
export async function listOfficials(tx: Tx, actor: Actor) {
  const where = scopeWhere(actor, ['lawStudy.read', 'lawStudy.record', 'lawStudy.manage'], { division: officials.divisionCode, org: officials.orgId });
  return (await repo.listOfficials(tx, where)).map(({ divisionCode: _d, userId: _u, ...o }) => o);
}

// ---- sessions ----
export async function recordSession(tx: Tx, kernel: Kernel, actor: Actor, input: SessionInput) {
  const org = await orgFor(tx, actor, 'lawStudy.record', input.orgId);
  if (input.heldOn > kernel.today()) throw new AppError('VALIDATION', '学法日期不能晚于今天', { fields: [{ path: 'heldOn', message: '学法日期不能晚于今天' }] });
  const ids = [...new Set(input.officialIds)];
  const found = await repo.officialsIn(tx, ids);
  // Attendees may come from any org of the division (a 中心组 gathers every department's head).
  const county = divisionPrefix(org.divisionCode.slice(0, 6));
  if (found.length !== ids.length || found.some((o) => !o.divisionCode.startsWith(county))) throw new AppError('VALIDATION', '参加人员不在本地干部名册中', { fields: [{ path: 'officialIds', message: '参加人员不在本地干部名册中' }] });
  if (input.kind === 'courtVisit') {
    // One hearing is one attendance: a 旁听庭审 of the same 案号 on the same day already holding an attendee
    // would count that person's hours twice (the hours feed the credentials' annual review).
    const dup = await repo.alreadyAtHearing(tx, found.map((o) => o.id), input.heldOn, input.courtCaseNo!);
    if (dup.length) throw new AppError('DUPLICATE', `${dup.map((o) => o.name).join('、')}已登记旁听${input.courtCaseNo}（${input.heldOn}）庭审，同一次庭审不能重复登记`, { fields: [{ path: 'officialIds', message: '同一次庭审不能重复登记' }] });
  }
  const id = randomUUID();
  await repo.insertSession(tx, {
    id, kind: input.kind, topic: input.topic, laws: input.laws, speakers: input.speakers || null, heldOn: input.heldOn, minutes: input.minutes, otherAttendees: input.otherAttendees,
    court: input.kind === 'courtVisit' ? input.court! : null, courtCaseNo: input.kind === 'courtVisit' ? input.courtCaseNo! : null, materials: input.materials || null,
    orgId: org.id, divisionCode: org.divisionCode, createdBy: actor.id, createdAt: kernel.now(),
  }, found.map((o) => ({ officialId: o.id, orgId: o.orgId, divisionCode: o.divisionCode })));
  return { id };
}
export async function listSessions(tx: Tx, actor: Actor, q: { year?: number; kind?: string; page: number; pageSize: number }) {
  const where = and(
    scopeWhere(actor, ['lawStudy.read', 'lawStudy.record'], { division: sessions.divisionCode, org: sessions.orgId, createdBy: sessions.createdBy }),
    q.year ? sql`extract(year FROM ${sessions.heldOn}) = ${q.year}` : undefined,
    q.kind ? eq(sessions.kind, q.kind) : undefined,
  )!;
  const { rows, total } = await repo.listSessions(tx, where, q.pageSize, (q.page - 1) * q.pageSize);
  return {
    total,
    items: rows.map(({ s, orgName, attendees, names }) => ({
      id: s.id, kind: s.kind, kindName: SESSION_KINDS[s.kind as SessionKind] ?? s.kind, topic: s.topic, laws: s.laws, speakers: s.speakers, heldOn: s.heldOn, minutes: s.minutes,
      attendees, otherAttendees: s.otherAttendees, personTimes: attendees + s.otherAttendees, court: s.court, courtCaseNo: s.courtCaseNo, materials: s.materials, orgId: s.orgId, orgName, attendeeNames: names,
    })),
  };
}
/**
 * 区政府常务会坚持季度学法: each quarter of the year that has begun needs a 政府常务会议学法 session.
 * A quarter without one is flagged (a quarter still running is "pending", not missing).
 */
export async function quarterlyCheck(tx: Tx, kernel: Kernel, actor: Actor, year: number) {
  requirePermission(actor, 'lawStudy.read');
  const division = actor.grants.find((g) => g.permissions.has('lawStudy.read') && g.divisionCode)?.divisionCode ?? actor.divisionCode;
  if (!division) throw new AppError('FORBIDDEN');
  const held = await repo.quartersWithExecutiveStudy(tx, division.slice(0, 6), year);
  const today = kernel.today();
  return [1, 2, 3, 4].map((q) => {
    const start = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const end = `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
    const status = held.has(q) ? 'held' : today > end ? 'missing' : today >= start ? 'pending' : 'future';
    return { quarter: q, status, label: { held: '已学法', missing: '未学法', pending: '本季度尚未学法', future: '未到' }[status] };
  });
}
/** Training hours of one official in a year by kind (旁听庭审 only when LAW_STUDY_COURT_VISIT_HOURS). */
export async function trainingHours(tx: Tx, kernel: Kernel, officialId: string, year: number) {
  const rows = await repo.hoursOf(tx, officialId, year, settingsOf(kernel).LAW_STUDY_COURT_VISIT_HOURS);
  const byKind = rows.map((r) => ({ kind: r.kind as SessionKind, kindName: SESSION_KINDS[r.kind as SessionKind], sessions: r.sessions, hours: Math.round((r.minutes / 60) * 10) / 10 }));
  return { year, total: Math.round(byKind.reduce((n, r) => n + r.hours, 0) * 10) / 10, byKind };
}

// ---- session materials: files through the kernel's storage, in the reader's scope, every upload and opening audited ----
const sessionScope = (actor: Actor) => scopeWhere(actor, ['lawStudy.read', 'lawStudy.record'], { division: sessions.divisionCode, org: sessions.orgId, createdBy: sessions.createdBy });
const materialView = (m: MaterialRow, canDelete = false) => ({ id: m.id, fileName: m.fileName, mime: m.mime, size: m.size, uploadedBy: m.uploadedBy, createdAt: m.createdAt.toISOString(), canDelete });
/**
 * Who may take a material back: its uploader, or the session's organiser — whoever recorded the session,
 * or a recorder of the session's own org (its head) or of the division (依法治区办). A reader is not.
 */
const mayDeleteMaterial = (actor: Actor, s: { orgId: string; divisionCode: string; createdBy: string | null }, m: MaterialRow) =>
  actor.id !== null && (m.createdBy === actor.id || s.createdBy === actor.id || can(actor, 'lawStudy.record', { orgId: s.orgId, divisionCode: s.divisionCode, applicantId: null }));
async function sessionFor(tx: Tx, actor: Actor, id: string) {
  const s = await repo.visibleSession(tx, id, sessionScope(actor));
  if (!s) throw new AppError('NOT_FOUND', '学法活动不存在或不在您的查看范围内');
  return s;
}
/** A material for a session: only its org's recorders (and the division's) may add one; PDF, images or OFD. */
export async function attachMaterial(tx: Tx, kernel: Kernel, actor: Actor, sessionId: string, fileName: string, body: Buffer) {
  const s = await sessionFor(tx, actor, sessionId);
  if (!can(actor, 'lawStudy.record', { orgId: s.orgId, divisionCode: s.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '您没有为该学法活动上传材料的权限');
  const f = await storeUpload(kernel, body, { prefix: 'law-study', maxBytes: settingsOf(kernel).LAW_STUDY_MATERIAL_MAX_MB * 1024 * 1024, accept: DOCUMENT_KINDS, acceptLabel: 'PDF、JPG、PNG或OFD' });
  const m: MaterialRow = { id: randomUUID(), sessionId: s.id, fileName: fileName.slice(0, 200), mime: f.mime, size: f.size, storageKey: f.storageKey, uploadedBy: actor.name, orgId: s.orgId, divisionCode: s.divisionCode, createdBy: actor.id, createdAt: kernel.now() };
  await repo.insertMaterial(tx, m);
  await appendAudit(tx, actor, { stream: `lawStudy:session:${s.id}`, action: 'lawStudy.material.upload', entityType: 'lawStudyMaterial', entityId: m.id, detail: { fileName: m.fileName, size: m.size, digest: f.digest } }, kernel.now());
  return materialView(m);
}
export async function listMaterials(tx: Tx, actor: Actor, sessionId: string) {
  const s = await sessionFor(tx, actor, sessionId);
  return (await repo.materialsOf(tx, s.id)).map((m) => materialView(m, mayDeleteMaterial(actor, s, m)));
}
/**
 * Deletes a material uploaded by mistake: the row goes (so the file is no longer listed or served), the
 * bytes too unless another material holds the same content (storage is content-addressed), and the act
 * is an audit entry on the session's stream with the file's name and size.
 */
export async function deleteMaterial(tx: Tx, kernel: Kernel, actor: Actor, sessionId: string, materialId: string) {
  const s = await sessionFor(tx, actor, sessionId);
  const m = await repo.getMaterial(tx, materialId);
  if (!m || m.sessionId !== s.id) throw new AppError('NOT_FOUND', '材料不存在或已删除');
  if (!mayDeleteMaterial(actor, s, m)) throw new AppError('FORBIDDEN', '只有上传人或该学法活动的组织单位可以删除材料');
  // 0 rows: a concurrent deletion won; nothing is written twice.
  if (!(await repo.deleteMaterial(tx, m.id))) throw new AppError('NOT_FOUND', '材料不存在或已删除');
  await appendAudit(tx, actor, { stream: `lawStudy:session:${s.id}`, action: 'lawStudy.material.delete', entityType: 'lawStudyMaterial', entityId: m.id, detail: { fileName: m.fileName, size: m.size, uploadedBy: m.uploadedBy } }, kernel.now());
  if (!(await repo.storageKeyInUse(tx, m.storageKey))) await storageFor(kernel.config.dataDir).remove(m.storageKey);
  return { ok: true };
}
export async function materialContent(tx: Tx, kernel: Kernel, actor: Actor, sessionId: string, materialId: string) {
  const s = await sessionFor(tx, actor, sessionId);
  const m = await repo.getMaterial(tx, materialId);
  if (!m || m.sessionId !== s.id) throw new AppError('NOT_FOUND', '材料不存在');
  await appendAudit(tx, actor, { stream: `lawStudy:session:${s.id}`, action: 'lawStudy.material.open', entityType: 'lawStudyMaterial', entityId: m.id, detail: { fileName: m.fileName } }, kernel.now());
  return { file: m, body: await storageFor(kernel.config.dataDir).get(m.storageKey) };
}

// ---- meetings ----
export async function recordMeeting(tx: Tx, kernel: Kernel, actor: Actor, input: { kind: string; title: string; heldOn: string; chair?: string; topics: string; decisions?: string }) {
  const org = await orgFor(tx, actor, 'lawStudy.manage');
  const id = randomUUID();
  await repo.insertMeeting(tx, { id, kind: input.kind, title: input.title, heldOn: input.heldOn, chair: input.chair || null, topics: input.topics, decisions: input.decisions || null, orgId: org.id, divisionCode: org.divisionCode, createdBy: actor.id, createdAt: kernel.now() });
  return { id };
}
const meetingView = ({ m, orgName }: Awaited<ReturnType<typeof repo.listMeetings>>[number]) => ({
  id: m.id, kind: m.kind, kindName: MEETING_KINDS[m.kind as keyof typeof MEETING_KINDS] ?? m.kind, title: m.title, heldOn: m.heldOn, chair: m.chair, topics: m.topics, decisions: m.decisions, orgName,
});
export async function listMeetings(tx: Tx, actor: Actor, year: number) {
  const where = and(scopeWhere(actor, 'lawStudy.read', { division: meetings.divisionCode, org: meetings.orgId }), sql`extract(year FROM ${meetings.heldOn}) = ${year}`)!;
  return (await repo.listMeetings(tx, where)).map(meetingView);
}

// ---- 述法 ----
export async function recordShufa(tx: Tx, kernel: Kernel, actor: Actor, input: { officialId: string; year: number; form: 'written' | 'onsite'; meetingId?: string; reportedOn: string; content: string }) {
  requirePermission(actor, 'lawStudy.manage');
  const o = await repo.getOfficial(tx, input.officialId);
  if (!o || !can(actor, 'lawStudy.manage', { orgId: o.orgId, divisionCode: o.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '述法人不在名册中或不在您的管辖范围内');
  const id = randomUUID();
  await repo.insertShufa(tx, { id, officialId: o.id, year: input.year, form: input.form, meetingId: input.meetingId ?? null, reportedOn: input.reportedOn, content: input.content, orgId: o.orgId, divisionCode: o.divisionCode, createdBy: actor.id, createdAt: kernel.now() });
  return { id };
}
export async function rateShufa(tx: Tx, actor: Actor, id: string, input: { rating: string; comments?: string }) {
  requirePermission(actor, 'lawStudy.manage');
  const s = await repo.getShufa(tx, id);
  if (!s || !can(actor, 'lawStudy.manage', { orgId: s.orgId, divisionCode: s.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND');
  await repo.rateShufa(tx, id, { rating: input.rating, comments: input.comments || null, ratedBy: actor.id });
  return { id };
}
export async function listShufa(tx: Tx, actor: Actor, year: number) {
  const where = and(scopeWhere(actor, 'lawStudy.read', { division: shufa.divisionCode, org: shufa.orgId }), eq(shufa.year, year))!;
  return (await repo.listShufa(tx, where)).map(({ s, officialName, post, orgName }) => ({
    id: s.id, officialId: s.officialId, officialName, post, orgName, year: s.year, form: s.form, formName: SHUFA_FORMS[s.form as keyof typeof SHUFA_FORMS], reportedOn: s.reportedOn, content: s.content, rating: s.rating, comments: s.comments,
  }));
}

/**
 * Which of an org's same-named officials a hearing's 出庭负责人 entry (free text, 姓名及职务) is. The hearing
 * holds a name, not a register link, so a name alone cannot tell namesakes apart; the post written beside it
 * can: the entry is the official whose post it names — the most specific one, so "副局长" is not also read as
 * "局长" — when exactly one namesake's post is named. Else `null`: not attributable to a person.
 */
export function headPostMatch(headName: string, candidates: { id: string; post: string | null }[]): string | null {
  const named = candidates.filter((c) => c.post && headName.includes(c.post.trim()));
  const specific = named.filter((c) => !named.some((d) => d !== c && d.post!.trim() !== c.post!.trim() && d.post!.includes(c.post!.trim())));
  return specific.length === 1 ? specific[0].id : null;
}

/**
 * The 述法 draft of one official, pre-filled from their own records of the year: sessions attended
 * (and 旁听庭审), training hours, exam results, and 出庭应诉 — the hearings litigation records with this
 * official (by name, for their own org) as the appearing 主要负责人 or 副职负责人 (行政诉讼法 第3条).
 */
export async function shufaDraft(tx: Tx, kernel: Kernel, actor: Actor, officialId: string, year: number, examResults: (tx: Tx, k: Kernel, id: string, y: number) => Promise<{ title: string; best: number; totalPoints: number; passed: boolean }[]>) {
  const o = await repo.getOfficial(tx, officialId);
  const own = actor.id !== null && o?.userId === actor.id;
  if (!o || !(own || can(actor, 'lawStudy.manage', { orgId: o.orgId, divisionCode: o.divisionCode, applicantId: null }))) throw new AppError('NOT_FOUND');
  const attended = await repo.sessionsAttended(tx, o.id, year);
  const hours = await trainingHours(tx, kernel, o.id, year);
  const results = await examResults(tx, kernel, o.id, year);
  const org = await tenancy.getOrg(tx, o.orgId);
  const named = await headAppearancesOf(tx, { orgId: o.orgId, name: o.name, from: `${year}-01-01`, to: `${year}-12-31` });
  // 出庭 keyed on the person: with a namesake in the same org, a hearing counts for this official only when
  // its entry names their post and not the namesake's; the rest are named here as unattributable.
  const namesakes = await repo.namesakesOf(tx, o);
  const whose = (h: { headName: string }) => (namesakes.length === 0 ? o.id : headPostMatch(h.headName, [{ id: o.id, post: o.post }, ...namesakes]));
  const appeared = named.filter((h) => whose(h) === o.id);
  const unattributed = named.filter((h) => whose(h) === null);
  // 重大行政决策: its review and decision steps are recorded against the staff account that took them, so
  // an official without an account cannot be matched (a name alone would guess); the draft says so.
  const steps = o.userId ? await decisionStepsBy(tx, kernel, { userId: o.userId, from: `${year}-01-01`, to: `${year}-12-31` }) : null;
  const byCase = new Map<string, DecisionStep[]>();
  for (const x of steps ?? []) byCase.set(x.caseId, [...(byCase.get(x.caseId) ?? []), x]);
  const decisions = [...byCase.values()];
  const md = (d: string) => `${d.slice(5).replace('-', '月')}日`;
  const study = attended.filter((s) => s.kind !== 'courtVisit');
  const court = attended.filter((s) => s.kind === 'courtVisit');
  const lines = [
    `${year}年度述法报告（${org?.name ?? ''}${o.post ? ` ${o.post}` : ''} ${o.name}）`,
    '一、学法情况',
    study.length
      ? `全年参加集中学法${study.length}次：${study.map((s) => `${s.heldOn.slice(5).replace('-', '月')}日${SESSION_KINDS[s.kind as SessionKind]}“${s.topic}”`).join('；')}。`
      : '全年未参加登记在册的集中学法。',
    court.length ? `参加旁听庭审${court.length}次（${court.map((s) => s.court).join('、')}）。` : '全年未参加旁听庭审。',
    `累计法治学习${hours.total}学时。`,
    results.length
      ? `参加学法考试${results.length}场：${results.map((r) => `${r.title}${r.best}分（满分${r.totalPoints}分，${r.passed ? '合格' : '不合格'}）`).join('；')}。`
      : '本年度未参加学法考试。',
    '二、依法履职情况',
    appeared.length
      ? `作为${org?.name ?? '本单位'}负责人出庭应诉${appeared.length}次：${appeared.map((h) => `${h.heldOn.slice(5).replace('-', '月')}日${h.court}${h.courtCaseNo}（${h.instance === 1 ? '一审' : '二审'}，${h.appearance}）`).join('；')}。`
      : '本年度无作为负责人出庭应诉的记录。',
    ...(unattributed.length
      ? [`另有${unattributed.length}次出庭应诉记录的出庭负责人登记为“${unattributed.map((h) => h.headName).join('”“')}”（${unattributed.map((h) => h.courtCaseNo).join('、')}），本单位有同名干部${namesakes.length + 1}人，出庭记录只登记姓名和职务，无法确定是否本人，未计入；请核实后填写。`]
      : []),
    steps === null
      ? '本人在系统中无账号，重大行政决策的合法性审查和集体讨论决定按录入账号登记，无法归属本人，未列入；请核实后填写。'
      : decisions.length
        ? `参与审议（审查）重大行政决策${decisions.length}项：${decisions.map((d) => `“${d[0].title}”（${d.map((s) => `${md(s.on)}${s.step}`).join('，')}）`).join('；')}。`
        : '本年度无本人审查或决定重大行政决策的记录。',
    '（请补充：带头尊法学法守法用法、重大事项依法决策、推进法治建设等情况。）',
    '三、存在的不足和下一步打算',
    '（请补充。）',
  ];
  return { officialId: o.id, name: o.name, year, text: lines.join('\n'), sessions: study.length, courtVisits: court.length, hours: hours.total, exams: results, courtAppearances: appeared.length, courtAppearancesUnattributed: unattributed.length,
    decisionsReviewed: steps === null ? null : decisions.length, decisionSteps: (steps ?? []).map((x) => ({ refNo: x.refNo, title: x.title, step: x.step, on: x.on })) };
}
