/**
 * 行政复议 use cases: filing (online by a signed-in citizen or firm; at the counter or by letter registered
 * by the bureau), the checks 第20条 and 第24条 ask at registration (warned, never refused by the system:
 * the bureau decides, with its reasons, under 第30条), the link to the challenged act where it is a case
 * here, the respondent's answer, the outcome, public tracking, and the facts the documents print.
 */
import { AppError } from '../../../core/shared/errors';
import { addDays } from '../../../core/shared/calendar';
import { type Actor, can, type CaseRow, createCase, domainConfig, findCaseByRef, getCase, type Kernel, linkCases, listClocks, loadVisible, mergeCaseData, siteDivisionCode, SYSTEM_ACTOR, tenancy, transition, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck, withCaseRow } from '../../../core/server';
import { reconsiderationSettings } from './reconsideration.config';
import { ACT_KINDS, APPLICANT_KINDS, CHANNELS, DECISIONS, decisionByOption, OUTCOMES, procedureByOption, PROCEDURES, suggestProcedure, type DecisionType } from '../shared/reconsideration.labels';
import type { ApplicationInput } from '../shared/reconsideration.schema';
import { OpinionInput } from '../shared/opinion.machine';
import { penaltyParty } from '../../enforcement/public';
import * as repo from './reconsideration.repository';

export const LINK_CHALLENGES = 'challenges';
export const LINK_OPINION = 'opinionOn';

/** 第20条: 60 days from knowing the act; where the agency did not state the right, up to one year. */
export function timeBarWarning(cal: { addNaturalDays(d: string, n: number): string }, knewOn: string, receivedOn: string, rightNotStated: boolean): string | null {
  let last: string;
  try { last = cal.addNaturalDays(knewOn, 60); } catch { last = addDays(knewOn, 60); } // past the published calendar
  if (receivedOn <= last) return null;
  if (rightNotStated) {
    const yearLast = addDays(knewOn, 365);
    return receivedOn <= yearLast
      ? `申请超过知道行政行为之日起60日（${last}届满），但申请人称行政机关未告知申请权利、机关和期限：申请期限自知道或者应当知道之日起计算，最长不超过一年（第20条第三款），请核实告知情况`
      : `申请超过知道行政行为内容之日起一年（第20条第三款），请审查是否有不可抗力等正当理由`;
  }
  return `申请超过知道行政行为之日起60日的申请期限（${last}届满，第20条），请审查是否因不可抗力或者其他正当理由耽误`;
}

/** 第24条: the county government reviews acts of its departments and townships, not its own. */
function jurisdictionWarning(respondent: { kind: string; name: string; divisionCode: string }, countyCode: string): string | null {
  if (!respondent.divisionCode.startsWith(countyCode)) return '被申请人不在本行政区域内，本机关可能无管辖权（第24条），请告知有权受理的机关';
  if (respondent.kind === 'government' && respondent.divisionCode === countyCode) return `对${respondent.name}的行政行为不服的，应当向上一级人民政府申请行政复议（第24条），本机关应当告知申请人有权受理的机关`;
  return null;
}

export async function file(tx: Tx, kernel: Kernel, actor: Actor, input: ApplicationInput) {
  const respondent = await tenancy.getOrg(tx, input.respondentOrgId);
  if (!respondent) throw new AppError('VALIDATION', '被申请人不存在', { fields: [{ path: 'respondentOrgId', message: '被申请人不存在' }] });
  const today = kernel.today();
  if (actor.kind === 'staff' && !can(actor, 'reconsideration.handle', { orgId: respondent.id, divisionCode: respondent.divisionCode, applicantId: null })) {
    throw new AppError('FORBIDDEN', '只有行政复议机构的工作人员可以登记行政复议申请');
  }
  // 第22条: an online application is received when submitted; staff record the day a letter or a
  // counter application reached them, never later than today.
  const online = actor.kind === 'public';
  const receivedOn = online ? today : input.receivedOn ?? today;
  if (receivedOn > today) throw new AppError('VALIDATION', '收到申请日期不能晚于今天', { fields: [{ path: 'receivedOn', message: '不能晚于今天' }] });
  if (input.knewOn > receivedOn) throw new AppError('VALIDATION', '知道行政行为的日期不能晚于申请日期', { fields: [{ path: 'knewOn', message: '不能晚于申请日期' }] });
  // The challenged act, where it is a case here: staff link any number; a citizen or firm online only a
  // case of their own — one they applied for, or a penalty whose party they are.
  let act: { id: string; refNo: string } | null = null;
  if (input.actRefNo) {
    const target = await findCaseByRef(tx, input.actRefNo);
    const mine = target && (!online || target.applicantId === actor.id || await isPenaltyParty(tx, kernel, actor, target));
    if (!target || !mine) throw new AppError('VALIDATION', online ? '未找到您本人的该办件编号，可以不填编号，直接描述行政行为' : '办件编号不存在', { fields: [{ path: 'actRefNo', message: '办件编号不存在' }] });
    act = { id: target.id, refNo: target.refNo };
  }
  const cal = await kernel.calendar.get(tx);
  const warnings = [timeBarWarning(cal, input.knewOn, receivedOn, !!input.rightNotStated), jurisdictionWarning(respondent, siteDivisionCode(kernel))].filter((w): w is string => !!w);
  const suggestion = suggestProcedure(input);
  const s = domainConfig(kernel, reconsiderationSettings);
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'reconsideration', title: `${input.applicantName}不服${respondent.name}${input.actDescription.slice(0, 24)}`,
    orgId: respondent.id, divisionCode: respondent.divisionCode,
    applicantId: online ? actor.id : null, applicantName: input.applicantName, applicantPhone: input.phone, idempotencyKey: input.idempotencyKey,
    data: { procedure: suggestion.procedure, correctionDays: s.RECONSIDERATION_CORRECTION_WORKDAYS, ordinaryDays: s.RECONSIDERATION_ORDINARY_DAYS, simpleDays: s.RECONSIDERATION_SIMPLE_DAYS },
  });
  if (created) {
    await repo.insert(tx, {
      caseId: row.id, divisionCode: row.divisionCode, orgId: respondent.id, applicantKind: input.applicantKind, address: input.address ?? null,
      channel: online ? 'online' : input.channel, receivedOn, actCaseId: act?.id ?? null, actRefNo: act?.refNo ?? null, actDescription: input.actDescription,
      actKind: input.actKind, amountYuan: input.amountYuan ?? null, knewOn: input.knewOn, rightNotStated: !!input.rightNotStated, warnings,
      request: input.request, factsAndReasons: input.factsAndReasons, procedure: suggestion.procedure, procedureReason: suggestion.reason, createdAt: row.createdAt,
    });
    // Linked by the system on the number the applicant gave: the registrar need not be able to open
    // the challenged case; each reader sees the link only where they may see the case.
    if (act) await linkCases(tx, kernel, SYSTEM_ACTOR, row.id, act.id, LINK_CHALLENGES);
  }
  return { id: row.id, refNo: row.refNo, created, receivedOn, procedure: suggestion.procedure, procedureReason: suggestion.reason, warnings };
}

/**
 * Whether the signed-in account is the party of a penalty case (行政复议法 第14条: the applicant is the one
 * whose rights the act touched). The party's code is compared with the account's 证件号码 through the
 * kernel's blind index — the account holds the number only encrypted and as that index, both normalised
 * (trimmed, upper-case) the way the penalty stores its 统一社会信用代码, so nothing is decrypted here.
 */
async function isPenaltyParty(tx: Tx, kernel: Kernel, actor: Actor, target: CaseRow): Promise<boolean> {
  if (target.type !== 'penalty' || !actor.id) return false;
  const party = await penaltyParty(tx, target.id);
  // A firm's code is kept in clear and indexed here; a natural person's number only as its index.
  const key = party?.partyIdHash ?? (party?.partyCode ? kernel.cipher.index(party.partyCode.normalize('NFKC').trim().toUpperCase()) : null);
  if (!key) return false;
  const user = await tenancy.getUser(tx, actor.id);
  return !!user?.idNumberHash && user.idNumberHash === key;
}

type Reconsideration = repo.ReconsiderationRow;

/** Handlers given the case's 复议 row (core/server withCaseRow). */
const withCase = withCaseRow(repo.get).on;

/** Closes the 复议 with its outcome (a decision, a mediation, a withdrawal…) and the note that explains it. */
const closeWith = (tx: Tx, ctx: TransitionContext, r: Reconsideration, outcome: string, note?: string) =>
  repo.update(tx, r.caseId, { outcome, closedOn: ctx.today, outcomeNote: note ?? null });

/** What must hold before a 复议 event is taken, read before the compare-and-set so a refusal writes nothing. */
export const reconsiderationChecks: Record<string, TransitionCheck> = {
  async scheduleHearing(tx, ctx) {
    if (!(await repo.get(tx, ctx.row.id))) return null;
    // 第51条: the parties are notified 5 working days before the hearing. Past the published calendar
    // the count is on weekends alone (the kernel's provisional rule): a December notice is still checked.
    const earliest = (await ctx.kernel.calendar.get(tx)).provisional().addWorkdays(ctx.today, 5);
    return String(ctx.input.hearingOn) < earliest ? `听证应当在举行5个工作日前通知当事人（第51条），最早可安排在${earliest}` : null;
  },
};

/** Domain writes of each 复议 event, in its transaction, after the compare-and-set. */
export const reconsiderationHandlers: Record<string, TransitionHandler> = {
  setProcedure: withCase(async (tx, ctx, r) => {
    const procedure = procedureByOption(String(ctx.input.procedure));
    await repo.update(tx, r.caseId, { procedure, procedureReason: String(ctx.input.reason) });
    await mergeCaseData(tx, r.caseId, { procedure });
  }),
  requestCorrection: withCase((tx, ctx, r) => repo.update(tx, r.caseId, { correctionAsked: String(ctx.input.missing) })),
  supply: withCase(async (tx, ctx, r) => {
    await repo.update(tx, r.caseId, { supplied: String(ctx.input.content) });
    await mergeCaseData(tx, r.caseId, { corrected: true });
  }),
  accept: withCase((tx, ctx, r) => repo.update(tx, r.caseId, { acceptedOn: ctx.today, deemedAccepted: false })),
  deemAccept: withCase(async (tx, ctx, r) => {
    // 第30条: deemed accepted when the review period ends — its last day, whenever the scanner runs.
    const review = (await listClocks(tx, [r.caseId])).find((c) => c.name === 'review');
    const on = review?.dueDate && review.dueDate <= ctx.today ? review.dueDate : ctx.today;
    await repo.update(tx, r.caseId, { acceptedOn: on, deemedAccepted: true });
  }),
  toOrdinary: withCase(async (tx, ctx, r) => {
    await repo.update(tx, r.caseId, { procedure: 'ordinary', procedureReason: `受理后经行政复议机构负责人${ctx.actor.name}批准转为普通程序（第55条）：${String(ctx.input.reason)}` });
    await mergeCaseData(tx, r.caseId, { procedure: 'ordinary' });
  }),
  sendCopy: withCase(async (tx, ctx, r) => {
    await repo.update(tx, r.caseId, { copySentOn: ctx.today });
    await mergeCaseData(tx, r.caseId, { copySent: true });
  }),
  answer: withCase(async (tx, ctx, r) => {
    await repo.update(tx, r.caseId, { answer: String(ctx.input.answer), evidence: String(ctx.input.evidence), answeredOn: ctx.today });
    await mergeCaseData(tx, r.caseId, { answered: true });
  }),
  scheduleHearing: withCase(async (tx, ctx, r) => {
    // The 5-working-day notice was checked before the compare-and-set (reconsiderationChecks.scheduleHearing).
    await repo.update(tx, r.caseId, { hearingOn: String(ctx.input.hearingOn) });
    await mergeCaseData(tx, r.caseId, { hearingOn: ctx.input.hearingOn });
  }),
  recordHearing: withCase((tx, ctx, r) => repo.update(tx, r.caseId, { headAttended: ctx.input.headAttended === true })),
  decide: withCase(async (tx, ctx, r) => {
    const i = ctx.input;
    await repo.update(tx, r.caseId, { decisionFacts: String(i.facts), decisionReasoning: String(i.reasoning), decisionApproval: String(i.approval), performWithinDays: (i.performWithinDays as number | undefined) ?? null });
    await closeWith(tx, ctx, r, decisionByOption(String(i.decision)) ?? String(i.decision));
  }),
  mediate: withCase((tx, ctx, r) => closeWith(tx, ctx, r, 'mediation', String(ctx.input.terms))),
  settle: withCase((tx, ctx, r) => closeWith(tx, ctx, r, 'settlement', String(ctx.input.terms))),
  withdraw: withCase((tx, ctx, r) => closeWith(tx, ctx, r, 'withdrawal', String(ctx.input.reason))),
  terminate: withCase((tx, ctx, r) => closeWith(tx, ctx, r, 'termination', `${String(ctx.input.ground)}：${String(ctx.input.reason)}`)),
  refuse: withCase((tx, ctx, r) => closeWith(tx, ctx, r, 'refused', `${String(ctx.input.reason)}${ctx.input.competentBody ? `（告知向${String(ctx.input.competentBody)}申请）` : ''}`)),
  abandon: withCase((tx, ctx, r) => closeWith(tx, ctx, r, 'abandoned')),
};

const decisionText = (outcome: string | null) => (outcome ? OUTCOMES[outcome] ?? outcome : null);

export async function present(tx: Tx, kernel: Kernel, id: string) {
  const r = await repo.get(tx, id);
  if (!r) return [];
  const respondent = await tenancy.getOrg(tx, r.orgId);
  return [
    { label: '申请人类型', value: APPLICANT_KINDS[r.applicantKind as keyof typeof APPLICANT_KINDS] ?? r.applicantKind },
    { label: '申请方式', value: CHANNELS[r.channel as keyof typeof CHANNELS] ?? r.channel },
    { label: '收到申请日期', value: r.receivedOn },
    { label: '被申请人', value: respondent?.name ?? '' },
    // The act's own case number stays off: the link shows it to readers who may open that case.
    { label: '被申请的行政行为', value: r.actDescription },
    { label: '行政复议请求', value: r.request },
    { label: '适用程序', value: `${PROCEDURES[r.procedure as keyof typeof PROCEDURES]}（${r.procedureReason}）` },
    ...(r.warnings.length ? [{ label: '登记时提示', value: r.warnings.join('；') }] : []),
    ...(r.answeredOn ? [{ label: '被申请人答复', value: `${r.answeredOn}提交` }] : []),
    ...(r.outcome ? [{ label: '结案方式', value: `${decisionText(r.outcome)}（${r.closedOn}）` }] : []),
  ];
}

/** The substance the case page shows: application, challenged act, answer, outcome, the documents. */
export async function substance(tx: Tx, kernel: Kernel, id: string) {
  const r = await repo.get(tx, id);
  if (!r) throw new AppError('NOT_FOUND');
  const respondent = await tenancy.getOrg(tx, r.orgId);
  return {
    applicantKind: APPLICANT_KINDS[r.applicantKind as keyof typeof APPLICANT_KINDS] ?? r.applicantKind,
    channel: CHANNELS[r.channel as keyof typeof CHANNELS] ?? r.channel, receivedOn: r.receivedOn, address: r.address,
    respondent: respondent?.name ?? '', act: { description: r.actDescription, kind: ACT_KINDS[r.actKind as keyof typeof ACT_KINDS] ?? r.actKind, linked: r.actCaseId !== null, amountYuan: r.amountYuan, knewOn: r.knewOn },
    request: r.request, factsAndReasons: r.factsAndReasons, warnings: r.warnings,
    procedure: PROCEDURES[r.procedure as keyof typeof PROCEDURES], procedureReason: r.procedureReason,
    correctionAsked: r.correctionAsked, supplied: r.supplied, acceptedOn: r.acceptedOn, deemedAccepted: r.deemedAccepted,
    copySentOn: r.copySentOn, answer: r.answer, evidence: r.evidence, answeredOn: r.answeredOn, hearingOn: r.hearingOn, headAttended: r.headAttended,
    outcome: decisionText(r.outcome), closedOn: r.closedOn, decisionFacts: r.decisionFacts, decisionReasoning: r.decisionReasoning, outcomeNote: r.outcomeNote,
    documents: documentsFor(r).map((d) => ({ kind: d, title: DOCUMENT_TITLES[d] })),
  };
}

export const DOCUMENT_TITLES = { acceptance: '行政复议受理通知书', correction: '行政复议补正通知书', answerNotice: '提出答复通知书', decision: '行政复议决定书' } as const;
export type DocumentKind = keyof typeof DOCUMENT_TITLES;
export function documentsFor(r: repo.ReconsiderationRow): DocumentKind[] {
  return [
    ...(r.correctionAsked ? ['correction' as const] : []),
    ...(r.acceptedOn ? ['acceptance' as const] : []),
    ...(r.copySentOn ? ['answerNotice' as const] : []),
    ...(r.outcome && r.outcome in DECISIONS ? ['decision' as const] : []),
  ];
}

async function byNumber(tx: Tx, refNo: string, phone4: string, kernel: Kernel) {
  const row = await findCaseByRef(tx, refNo);
  const r = row?.type === 'reconsideration' ? await repo.get(tx, row.id) : null;
  // One answer for "no such number" and "wrong phone": the number alone reveals nothing.
  if (!row || !r || !row.applicantPhoneEnc || !kernel.cipher.decrypt(row.applicantPhoneEnc).endsWith(phone4)) {
    throw new AppError('NOT_FOUND', '未找到该编号的行政复议案件，请核对案件编号和联系电话后4位');
  }
  return { row, r };
}

/** What the applicant sees on a phone by number and the phone's last four digits. */
export async function track(tx: Tx, kernel: Kernel, refNo: string, phone4: string) {
  const { row, r } = await byNumber(tx, refNo, phone4, kernel);
  const m = kernel.caseTypes.get('reconsideration')!.machine;
  const clocks = await listClocks(tx, [row.id]);
  const running = clocks.filter((c) => c.state !== 'stopped' || c.name === 'decide').map((c) => ({ label: c.label, dueDate: c.dueDate, state: c.state, derivation: c.derivation }));
  const respondent = await tenancy.getOrg(tx, r.orgId);
  return {
    refNo: row.refNo, state: row.state, stateName: m.states[row.state]?.label ?? row.state, respondent: respondent?.name ?? '',
    receivedOn: r.receivedOn, request: r.request, procedure: PROCEDURES[r.procedure as keyof typeof PROCEDURES], acceptedOn: r.acceptedOn,
    correctionAsked: row.state === 'correcting' ? r.correctionAsked : null, outcome: decisionText(r.outcome), closedOn: r.closedOn, clocks: running,
  };
}

/** The applicant's 补正 from the public page (by number and phone digits), as the 补正 event. */
export async function supplyPublic(tx: Tx, kernel: Kernel, refNo: string, phone4: string, content: string) {
  const { row } = await byNumber(tx, refNo, phone4, kernel);
  await transition(tx, kernel, SYSTEM_ACTOR, row.id, 'supply', { content });
  return track(tx, kernel, refNo, phone4);
}

/** The respondent agencies a citizen may name: the county's departments and township governments. */
export async function respondents(tx: Tx, kernel: Kernel) {
  return (await tenancy.listOrgs(tx, siteDivisionCode(kernel))).map((o) => o.org)
    .filter((o) => ['government', 'department', 'township'].includes(o.kind))
    .map((o) => ({ id: o.id, name: o.name }));
}

// ---- 行政复议意见书 / 建议书 (第76条) ----

/**
 * Issues a 意见书 on a 复议 case: to the respondent, or to another agency of the county the case found
 * acting illegally or improperly. Only after acceptance ("办理行政复议案件过程中"); the letter is a case
 * owned by its addressee with the 60-day reply clock.
 */
export async function issueOpinion(tx: Tx, kernel: Kernel, actor: Actor, reconsiderationId: string, raw: OpinionInput) {
  const input = OpinionInput.parse(raw);
  const rc = await loadVisible(tx, actor, reconsiderationId, 'reconsideration');
  if (!can(actor, 'reconsiderationOpinion.issue', rc)) throw new AppError('FORBIDDEN', '只有行政复议机构可以制发行政复议意见书');
  const r = await repo.get(tx, rc.id);
  if (!r?.acceptedOn) throw new AppError('GUARD_FAILED', '行政复议意见书在办理已受理的行政复议案件过程中制发（第76条），本案尚未受理');
  const org = await tenancy.getOrg(tx, input.addresseeOrgId ?? r.orgId);
  if (!org || !org.divisionCode.startsWith(siteDivisionCode(kernel))) throw new AppError('VALIDATION', '主送机关不存在', { fields: [{ path: 'addresseeOrgId', message: '主送机关不存在' }] });
  const { row } = await createCase(tx, kernel, actor, {
    type: 'reconsiderationOpinion', title: `关于${rc.refNo}的行政复议${input.kind}（致${org.name}）`.slice(0, 200),
    orgId: org.id, divisionCode: org.divisionCode, applicantName: org.name, data: { reconsiderationRefNo: rc.refNo, kind: input.kind },
  });
  await repo.insertOpinion(tx, {
    caseId: row.id, reconsiderationCaseId: rc.id, kind: input.kind, orgId: org.id, divisionCode: org.divisionCode, issuedOn: kernel.today(),
    problems: input.problems, suggestions: input.suggestions, createdAt: row.createdAt,
  });
  await linkCases(tx, kernel, actor, row.id, rc.id, LINK_OPINION);
  return { id: row.id, refNo: row.refNo };
}

/** Domain writes of each 意见书 event: the addressee's reply, with its rectification and measures. */
export const opinionHandlers: Record<string, TransitionHandler> = {
  async reply(tx, ctx) {
    await repo.updateOpinion(tx, ctx.row.id, { rectification: String(ctx.input.rectification), measures: String(ctx.input.measures), repliedOn: ctx.today });
  },
};

export async function presentOpinion(tx: Tx, row: CaseRow) {
  const o = await repo.getOpinion(tx, row.id);
  if (!o) return [];
  const org = await tenancy.getOrg(tx, o.orgId);
  return [
    { label: '文书', value: `行政复议${o.kind}` }, { label: '主送机关', value: org?.name ?? '' }, { label: '制发日期', value: o.issuedOn },
    { label: '所涉行政复议案件', value: String(row.data.reconsiderationRefNo ?? '') },
    { label: '发现的违法或者不当行政行为', value: o.problems }, { label: '纠正意见和建议', value: o.suggestions },
    ...(o.repliedOn ? [{ label: '纠正情况', value: `${o.repliedOn}报送：${o.rectification ?? ''}` }, { label: '整改措施', value: o.measures ?? '' }] : []),
  ];
}

/** The letters on a 复议 case, each listed only where the reader may open it. */
export async function opinionsFor(tx: Tx, kernel: Kernel, actor: Actor, reconsiderationId: string) {
  const m = kernel.caseTypes.get('reconsiderationOpinion')!.machine;
  const rows = (await repo.opinionsOf(tx, reconsiderationId)).filter((x) => can(actor, 'reconsiderationOpinion.read', x));
  const clocks = new Map((await listClocks(tx, rows.map((x) => x.o.caseId))).filter((c) => c.name === 'reply').map((c) => [c.caseId, c]));
  const names = new Map<string, string>();
  for (const x of rows) if (!names.has(x.o.orgId)) names.set(x.o.orgId, (await tenancy.getOrg(tx, x.o.orgId))?.name ?? '');
  return rows.map((x) => ({
    id: x.o.caseId, refNo: x.refNo, kind: x.o.kind, addressee: names.get(x.o.orgId) ?? '', issuedOn: x.o.issuedOn, problems: x.o.problems, suggestions: x.o.suggestions,
    stateName: m.states[x.state]?.label ?? x.state, replyDue: clocks.get(x.o.caseId)?.dueDate ?? null, rectification: x.o.rectification, repliedOn: x.o.repliedOn,
  }));
}

export const decisionLabel = (t: DecisionType) => `${DECISIONS[t].label}（行政复议法 ${DECISIONS[t].basis}）`;

/**
 * One letter as its own page shows it: the letter, its addressee, the addressee's report, and the 复议
 * case it came from — named always (the letter cites it), opened only by a reader who may see that case
 * (a letter to an agency other than the respondent does not show that agency the case).
 */
export async function opinionSubstance(tx: Tx, actor: Actor, row: CaseRow) {
  const o = await repo.getOpinion(tx, row.id);
  if (!o) throw new AppError('NOT_FOUND');
  const rc = await getCase(tx, o.reconsiderationCaseId);
  const visible = rc ? await loadVisible(tx, actor, rc.id, 'reconsideration').then(() => true, () => false) : false;
  return {
    kind: o.kind, addressee: (await tenancy.getOrg(tx, o.orgId))?.name ?? '', issuedOn: o.issuedOn, problems: o.problems, suggestions: o.suggestions,
    rectification: o.rectification, measures: o.measures, repliedOn: o.repliedOn,
    reconsideration: { refNo: rc?.refNo ?? String(row.data.reconsiderationRefNo ?? ''), id: visible ? rc!.id : null },
  };
}
