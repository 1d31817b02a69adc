/**
 * Ratings in through every channel (国办发〔2019〕51号: 现场"一次一评", 网上"一事一评", 二维码, 短信, 12345),
 * each tied to its org, site, counter, staff member, item and case; every 差评 turned into a 差评整改
 * case for the rated org in the same transaction — so a bad rating can never be acknowledged and then
 * lost. The rater's identity is protected (GB/T 39734 §4.1): the phone is SM4-encrypted, the 整改 case
 * names nobody, and only its handler may read a real-name rater's contact, audited.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { divisionPrefix } from '../../../core/shared/division';
import { type Actor, auditPersonalDataRead, can, type CaseRow, createCase, domainConfig, figureScope, type Kernel, loadVisible, notify, randomToken, sm3, SYSTEM_ACTOR, type TransitionContext, type Tx } from '../../../core/server';
import { ratingsSettings } from './ratings.config';
import { RATING_LEVELS, isBad, type CaseRatingInput, type CounterRatingInput, type EvaluatorRatingInput, type HotlineRatingInput, type RatingInput } from '../shared/ratings.machine';
import { ALL_INDICATORS, RATING_CHANNELS, subIndicators, type IndicatorSet, type RatingChannel } from '../shared/ratings.indicators';
import * as repo from './ratings.repository';

/** Local rules (安阳市政务服务条例 第52条; 泰顺 scheme), configurable in ratings.config.ts. */
export const ratingConfig = (kernel: Kernel) => {
  const c = domainConfig(kernel, ratingsSettings);
  return {
    contactDays: c.RATING_CONTACT_WORKDAYS,
    fixDays: c.RATING_FIX_WORKDAYS,
    inviteHours: c.RATING_INVITE_HOURS,
    inviteWindowDays: c.RATING_INVITE_WINDOW_DAYS,
    inviteValidDays: c.RATING_INVITE_VALID_DAYS,
    publicBaseUrl: c.PUBLIC_BASE_URL,
  };
};

type Rated = {
  orgId: string; divisionCode: string; siteId?: string | null; counterId?: string | null; staffId?: string | null; itemId?: string | null; caseId?: string | null;
  channel: RatingChannel; set: IndicatorSet; subject: string; phoneEnc?: string | null; realName?: boolean;
};

/** Sub-indicator scores must belong to the channel's indicator set; 整体满意度 is the overall level. */
function checkScores(input: z.infer<typeof RatingInput>, set: IndicatorSet): Record<string, number> {
  const allowed = new Set(subIndicators(set).map((s) => s.key));
  const bad = Object.keys(input.scores ?? {}).filter((k) => !allowed.has(k));
  if (bad.length) {
    throw new AppError('VALIDATION', `分项评价不适用：${bad.map((k) => ALL_INDICATORS[k] ?? k).join('、')}`, { fields: bad.map((k) => ({ path: `scores.${k}`, message: `分项评价：本渠道不评“${ALL_INDICATORS[k] ?? k}”` })) });
  }
  return { overall: input.level, ...input.scores };
}

async function record(tx: Tx, kernel: Kernel, input: z.infer<typeof RatingInput>, r: Rated) {
  const scores = checkScores(input, r.set);
  const phoneEnc = input.phone ? kernel.cipher.encrypt(input.phone) : r.phoneEnc ?? null;
  const realName = r.realName ?? !!phoneEnc;
  const rating = await repo.insert(tx, {
    id: randomUUID(), orgId: r.orgId, divisionCode: r.divisionCode, siteId: r.siteId ?? null, counterId: r.counterId ?? null, staffId: r.staffId ?? null,
    itemId: r.itemId ?? null, caseId: r.caseId ?? null, channel: r.channel, level: input.level, scores, comment: input.comment || null,
    realName, raterPhoneEnc: phoneEnc, createdAt: kernel.now(),
  });
  // 一事一评: the unique index on case_id refuses a second rating of the same case.
  if (!rating) throw new AppError('DUPLICATE', '该办件已评价过，每件只能评价一次');
  if (isBad(input.level)) {
    const c = ratingConfig(kernel);
    const { row } = await createCase(tx, kernel, SYSTEM_ACTOR, {
      // The title names what was rated, never who rated (no case number: it would lead to the applicant).
      type: 'complaintFix', title: `差评整改：${r.subject}（${RATING_LEVELS[input.level as 1]}）`, orgId: r.orgId, divisionCode: r.divisionCode,
      applicantName: realName ? '实名评价人' : '匿名评价人', comment: input.comment ?? null,
      data: { ratingId: rating.id, level: input.level, realName, channel: r.channel, contactDays: c.contactDays, fixDays: c.fixDays },
    });
    await repo.linkFix(tx, rating.id, row.id);
  }
  if (r.caseId) await repo.markInvitationRated(tx, r.caseId, kernel.now());
  return { id: rating.id, bad: isBad(input.level) };
}

/**
 * A follow-up of dissatisfaction heard elsewhere (a 不满意 回访): the same 差评整改 case a bad rating opens,
 * for the org that handled the case, with the caller's words; no rating row (the callback is its record).
 */
export async function openFollowUpFix(tx: Tx, kernel: Kernel, f: { orgId: string; divisionCode: string; subject: string; level: number; comment: string | null; source: string; sourceRef: string }) {
  const c = ratingConfig(kernel);
  const { row } = await createCase(tx, kernel, SYSTEM_ACTOR, {
    type: 'complaintFix', title: `差评整改：${f.subject}（${f.source}${RATING_LEVELS[f.level as 1] ?? ''}）`, orgId: f.orgId, divisionCode: f.divisionCode,
    applicantName: '回访对象', comment: f.comment,
    data: { source: f.source, sourceRef: f.sourceRef, level: f.level, realName: true, channel: 'callback', contactDays: c.contactDays, fixDays: c.fixDays },
  });
  return row;
}

// ---- what can be rated ----

export type TargetKind = 'site' | 'counter' | 'staff';
type Target = { kind: TargetKind; id: string; name: string; orgName: string; orgId: string; divisionCode: string; siteId: string | null; counterId: string | null; staffId: string | null };

async function target(tx: Tx, kind: TargetKind, id: string): Promise<Target> {
  if (kind === 'counter') {
    const c = await repo.counterWithOrg(tx, id);
    if (!c) throw new AppError('NOT_FOUND', '窗口不存在，请重新扫码');
    return { kind, id, name: c.name, orgName: c.orgName, orgId: c.orgId, divisionCode: c.divisionCode, siteId: c.orgId, counterId: c.id, staffId: null };
  }
  if (kind === 'site') {
    const s = await repo.site(tx, id);
    if (!s) throw new AppError('NOT_FOUND', '服务场所不存在，请重新扫码');
    return { kind, id, name: s.name, orgName: s.name, orgId: s.id, divisionCode: s.divisionCode, siteId: s.id, counterId: null, staffId: null };
  }
  const u = await repo.staffWithOrg(tx, id);
  if (!u) throw new AppError('NOT_FOUND', '工作人员不存在或已离岗，请重新扫码');
  return { kind, id, name: u.name, orgName: u.orgName, orgId: u.orgId, divisionCode: u.divisionCode, siteId: repo.SITE_KINDS.includes(u.orgKind) ? u.orgId : null, counterId: null, staffId: u.id };
}

const indicatorList = (set: IndicatorSet) => subIndicators(set);

export async function targetInfo(tx: Tx, kind: TargetKind, id: string) {
  const t = await target(tx, kind, id);
  return { kind, id, name: t.name, orgName: t.orgName, indicators: indicatorList('counter') };
}

/** 扫码评价 of a site, counter or staff member: no login, the phone optional (实名评价). */
export async function rateTarget(tx: Tx, kernel: Kernel, kind: TargetKind, id: string, input: z.infer<typeof RatingInput>) {
  const t = await target(tx, kind, id);
  const subject = kind === 'counter' ? `${t.orgName}${t.name}` : kind === 'site' ? t.name : `${t.orgName}工作人员`;
  return record(tx, kernel, input, { ...t, channel: 'qr', set: 'counter', subject });
}
export const rateCounter = (tx: Tx, kernel: Kernel, input: z.infer<typeof CounterRatingInput>) => rateTarget(tx, kernel, 'counter', input.counterId, input);

export async function counterInfo(tx: Tx, id: string) {
  const c = await repo.counterWithOrg(tx, id);
  if (!c) throw new AppError('NOT_FOUND', '窗口不存在，请重新扫码');
  return { id: c.id, name: c.name, orgName: c.orgName };
}

// ---- ratings of a case ----

type CaseCtx = NonNullable<Awaited<ReturnType<typeof repo.caseById>>>;
const setOf = (c: CaseCtx): IndicatorSet => (c.appChannel === 'online' ? 'online' : 'counter');
const caseFields = (c: CaseCtx) => ({ orgId: c.orgId, divisionCode: c.divisionCode, siteId: c.siteId, counterId: c.counterId, staffId: c.staffId, itemId: c.itemId, caseId: c.id, set: setOf(c), subject: `${c.title}（${c.orgName}）` });
function requireCompleted(c: CaseCtx) {
  // 办结 means decided: delivered or 不予许可; a refused or withdrawn application was never served.
  if (!c.closedAt || (c.type === 'application' && !['delivered', 'denied'].includes(c.state))) throw new AppError('TRANSITION_NOT_ALLOWED', '办件办结后才能评价');
}

/** 一事一评: the applicant rates their own completed case once, signed in (so real-name). */
export async function rateCase(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof CaseRatingInput>) {
  const row = await loadVisible(tx, actor, input.caseId);
  if (row.applicantId !== actor.id) throw new AppError('FORBIDDEN', '只能评价本人的办件');
  const c = (await repo.caseById(tx, row.id))!;
  requireCompleted(c);
  return record(tx, kernel, input, { ...caseFields(c), channel: 'online', phoneEnc: await applicantPhoneEnc(tx, c), realName: true });
}

/** The phone given with the case (kept since the counter asks for it), else the applicant account's (older cases). */
const applicantPhoneEnc = async (tx: Tx, c: { applicantPhoneEnc: string | null; applicantId: string | null }) =>
  c.applicantPhoneEnc ?? (c.applicantId ? await repo.userPhoneEnc(tx, c.applicantId) : null);

async function invitation(tx: Tx, kernel: Kernel, token: string) {
  const inv = await repo.invitationByToken(tx, sm3(token));
  if (!inv || inv.expiresAt < kernel.now()) throw new AppError('NOT_FOUND', '评价链接无效或已过期');
  return { inv, c: (await repo.caseById(tx, inv.caseId))! };
}

export async function invitationInfo(tx: Tx, kernel: Kernel, token: string) {
  const { inv, c } = await invitation(tx, kernel, token);
  return { title: c.title, orgName: c.orgName, rated: !!inv.ratedAt || !!(await repo.byCase(tx, c.id)), indicators: indicatorList(setOf(c)) };
}

/** 短信邀评: the link in the invitation SMS rates that one case, once; its holder is the applicant. */
export async function rateByInvitation(tx: Tx, kernel: Kernel, token: string, input: z.infer<typeof RatingInput>) {
  const { c } = await invitation(tx, kernel, token);
  return record(tx, kernel, input, { ...caseFields(c), channel: 'sms', phoneEnc: await applicantPhoneEnc(tx, c), realName: true });
}

/** 一次一评 on the counter's evaluator: the clerk who served is the staff member rated. */
export async function rateAtCounter(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof EvaluatorRatingInput>) {
  const counter = await repo.counterWithOrg(tx, input.counterId);
  if (!counter || !can(actor, 'ratings.evaluate', { orgId: counter.orgId, divisionCode: counter.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '窗口不存在或不是您所在单位的窗口');
  if (input.caseId) {
    const c = await repo.caseById(tx, input.caseId);
    if (!c || c.counterId !== counter.id) throw new AppError('NOT_FOUND', '该办件不是本窗口受理的办件');
    return record(tx, kernel, input, { ...caseFields(c), siteId: counter.orgId, counterId: counter.id, staffId: actor.id, channel: 'counter', set: 'counter', realName: false });
  }
  return record(tx, kernel, input, { orgId: counter.orgId, divisionCode: counter.divisionCode, siteId: counter.orgId, counterId: counter.id, staffId: actor.id, channel: 'counter', set: 'counter', subject: `${counter.orgName}${counter.name}`, realName: false });
}

/** 12345 热线评价: an operator records the caller's rating of a completed case named by its number. */
export async function rateByHotline(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof HotlineRatingInput>) {
  const c = await repo.caseByRefNo(tx, input.refNo);
  if (!c || c.type !== 'application' || !can(actor, 'ratings.record', { orgId: c.orgId, divisionCode: c.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '未找到该办件，请核对办件编号');
  requireCompleted(c);
  return record(tx, kernel, input, { ...caseFields(c), channel: 'hotline' });
}

// ---- invitations ----

/** Invite by SMS every completed case nobody rated within the configured hours (local rule: 24 h). */
export async function sendInvitations(kernel: Kernel) {
  const c = ratingConfig(kernel);
  const now = kernel.now();
  return kernel.db.tx(async (tx) => {
    const due = await repo.dueForInvitation(tx, new Date(now.getTime() - (c.inviteWindowDays * 24 + c.inviteHours) * 3600_000), new Date(now.getTime() - c.inviteHours * 3600_000), 500);
    for (const d of due) {
      const token = randomToken(18);
      if (!(await repo.insertInvitation(tx, { caseId: d.id, divisionCode: d.divisionCode, tokenHash: sm3(token), channel: 'sms', sentAt: now, expiresAt: new Date(now.getTime() + c.inviteValidDays * 86400_000) }))) continue;
      const link = `${c.publicBaseUrl}/public/rate/case/${token}`;
      await notify(tx, kernel, {
        channel: 'sms', address: kernel.cipher.decrypt(d.phoneEnc!), divisionCode: d.divisionCode, caseId: d.id, link,
        title: '政务服务评价邀请', body: `您办理的“${d.title}”（${d.refNo}）已办结，请对本次服务评价：${link}`,
      });
    }
    return due.length;
  });
}

// ---- the remediation side ----

/** Fields of a 差评整改 case: what was rated and how, never who rated. */
export async function presentFix(tx: Tx, row: CaseRow) {
  const r = await repo.byFixCase(tx, row.id);
  if (!r) return [];
  const ctx = r.caseId ? await repo.caseById(tx, r.caseId) : null;
  const scoreText = Object.entries(r.scores).filter(([k]) => k !== 'overall').map(([k, v]) => `${ALL_INDICATORS[k] ?? k}${RATING_LEVELS[v as 1] ?? v}`).join('，');
  return [
    { label: '评价等级', value: RATING_LEVELS[r.level as 1] },
    { label: '评价渠道', value: RATING_CHANNELS[r.channel as RatingChannel] ?? r.channel },
    { label: '评价人', value: r.realName ? '实名（联系方式仅整改经办人可查看，查看留痕）' : '匿名' },
    ...(ctx ? [{ label: '评价事项', value: ctx.title }] : []),
    ...(scoreText ? [{ label: '分项评价', value: scoreText }] : []),
    { label: '评价时间', value: r.createdAt.toISOString() },
  ];
}

/** Only the remediation handler reads a real-name rater's phone, to call them back; the read is audited. */
export async function raterContact(tx: Tx, kernel: Kernel, actor: Actor, fixCaseId: string) {
  const row = await loadVisible(tx, actor, fixCaseId, 'complaintFix');
  if (!can(actor, 'complaintFix.handle', row)) throw new AppError('FORBIDDEN', '只有差评整改经办人可以查看评价人联系方式');
  const r = await repo.byFixCase(tx, row.id);
  if (!r?.realName || !r.raterPhoneEnc) throw new AppError('GUARD_FAILED', '匿名评价，没有评价人联系方式');
  await auditPersonalDataRead(tx, actor, { type: 'rating', id: r.id, fields: ['raterPhone'], purpose: '差评核实回访' }, kernel.now());
  return { phone: kernel.cipher.decrypt(r.raterPhoneEnc) };
}

/** When remediation closes, the real-name rater hears the outcome (国办发〔2019〕51号: 反馈评价人). */
const raterHearsOutcome = async (tx: Tx, ctx: TransitionContext) => {
  const rating = await repo.byFixCase(tx, ctx.row.id);
  if (!rating?.raterPhoneEnc) return;
  await notify(tx, ctx.kernel, {
    channel: 'sms', address: ctx.kernel.cipher.decrypt(rating.raterPhoneEnc), divisionCode: ctx.row.divisionCode, caseId: ctx.row.id,
    title: '差评整改反馈', body: `您对${ctx.row.title.replace(/^差评整改：/, '')}的评价已处理：${String(ctx.input.note ?? '')}`.slice(0, 300),
  });
};

/** Domain writes of each 差评整改 event: closing it by 整改 or by 说明 tells the rater alike. */
export const fixHandlers: Record<string, (tx: Tx, ctx: TransitionContext) => Promise<void>> = {
  rectify: raterHearsOutcome,
  explain: raterHearsOutcome,
};

// ---- figures for staff ----

/** Ratings by org, site, counter, staff member or item in the actor's division (no rater data). */
export async function breakdown(tx: Tx, kernel: Kernel, actor: Actor, q: { by: repo.RatingBy; from: string; to: string; orgId?: string; divisionCode?: string }) {
  // A department's clerk or director reads their own org's ratings; a county reader any org in it.
  const { divisionCode, orgId } = figureScope(actor, { divisionCode: q.divisionCode, orgId: q.orgId }, 'ratings.read');
  const rows = await repo.countsBy(tx, kernel.tz, { divisionCode, orgId, from: q.from, to: q.to }, q.by);
  return rows.map((r) => ({
    key: r.key, name: q.by === 'channel' ? RATING_CHANNELS[r.key as RatingChannel] ?? r.key : r.name ?? '（已删除）', total: r.total, bad: r.bad,
    satisfactionRate: r.total ? r.satisfied / r.total : null,
    fixRate: r.bad - r.voided ? r.fixed / (r.bad - r.voided) : null,
    realNameFixRate: r.realNameBad ? r.realNameFixed / r.realNameBad : null,
    scores: r.scores,
  }));
}

export const sitesWithCounters = (tx: Tx, actor: Actor) => {
  if (!actor.divisionCode) throw new AppError('FORBIDDEN');
  return repo.sitesWithCounters(tx, actor.divisionCode);
};

/** The poster of a site or counter: its names and the URL its QR code opens. */
export async function posterFor(tx: Tx, kernel: Kernel, actor: Actor, kind: 'site' | 'counter', id: string, origin: string) {
  const t = await target(tx, kind, id);
  if (!actor.divisionCode || !actor.grants.some((g) => g.permissions.has('ratings.read') && g.divisionCode && t.divisionCode.startsWith(divisionPrefix(g.divisionCode)))) throw new AppError('NOT_FOUND', '服务场所或窗口不存在');
  const base = ratingConfig(kernel).publicBaseUrl || origin;
  return { site: t.orgName, counter: kind === 'counter' ? t.name : null, url: `${base}/public/rate/${kind}/${id}`, fileName: `${t.orgName}${kind === 'counter' ? t.name : ''}好差评二维码` };
}
