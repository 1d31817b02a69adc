/**
 * 行政应诉 use cases. The machine holds the procedure and its clocks; this file registers a suit with
 * its links (the challenged act, the 复议 before it), checks what a schema cannot (dates not in the
 * future, a counsel appointed to the agency), and keeps the suit, hearing and judgment rows the
 * figures count. The final outcome is written when the suit closes, so 败诉率 reads one column.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { diffDays } from '../../../core/shared/calendar';
import { type Actor, can, type CaseRow, createCase, domainConfig, type Kernel, linkCases, loadVisible, mergeCaseData, tenancy, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck, withCaseRow } from '../../../core/server';
import { counselById, counselIfServing, counselServing, recordCounselCase } from '../../legal-affairs/public';
import { type HearingInput, SuitInput } from '../shared/litigation.machine';
import type { AdviceInput } from '../shared/judicial-advice.machine';
import { litigationSettings } from './litigation.config';
import * as repo from './litigation.repository';

export const settingsOf = (kernel: Kernel) => domainConfig(kernel, litigationSettings);

const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });
function notFuture(today: string, on: string, path: string, label: string) {
  if (on > today) throw field(path, `${label}不能晚于今天`);
}

/** The agency the actor registers for: the one chosen (division grants) or their own. */
async function defendant(tx: Tx, actor: Actor, orgId?: string) {
  const id = orgId ?? actor.grants.find((g) => g.permissions.has('litigation.register') && g.orgId)?.orgId;
  const org = id ? await tenancy.getOrg(tx, id) : null;
  if (!org) throw field('orgId', '请选择被告行政机关');
  if (!can(actor, 'litigation.register', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '只能登记本机关（或您负责区划内机关）的应诉案件');
  return org;
}

export async function register(tx: Tx, kernel: Kernel, actor: Actor, raw: SuitInput) {
  const input = SuitInput.parse(raw);
  const org = await defendant(tx, actor, input.orgId);
  const today = kernel.today();
  notFuture(today, input.servedOn, 'servedOn', '收到起诉状副本日期');
  // 第67条 runs from receipt of the copy; a copy received over 15 days ago has no answer period left to track.
  const lagDays = diffDays(input.servedOn, today);
  if (lagDays > 15) throw field('servedOn', `收到起诉状副本已${lagDays}日，超过行政诉讼法第67条规定的15日答辩期限，请核实日期`);
  const cause = input.cause.replace(/案$/, '');
  const { row } = await createCase(tx, kernel, actor, {
    type: 'litigation', title: `${input.plaintiff}诉${org.name}${cause}案`.slice(0, 200), orgId: org.id, divisionCode: org.divisionCode,
    applicantName: input.plaintiff, data: { servedOn: input.servedOn, lagDays, court: input.court, courtCaseNo: input.courtCaseNo },
  });
  await repo.insertSuit(tx, {
    caseId: row.id, orgId: org.id, divisionCode: org.divisionCode, court: input.court, courtCaseNo: input.courtCaseNo, plaintiff: input.plaintiff,
    cause, claims: input.claims, challengedAct: input.challengedAct, reconsidered: input.reconsidered || !!input.reconsiderationRef,
    servedOn: input.servedOn, createdAt: row.createdAt,
  });
  // Links by number, whatever the other case's type (a licence refusal, a disclosure reply, a 复议).
  if (input.challengedRef) await linkCases(tx, kernel, actor, row.id, input.challengedRef, 'suesOver');
  if (input.reconsiderationRef) await linkCases(tx, kernel, actor, row.id, input.reconsiderationRef, 'afterReconsideration');
  return { id: row.id, refNo: row.refNo };
}

/** Orgs whose appointed counsel may represent the agency: the defendant, and the actor's own offices. */
const counselOrgs = (actor: Actor, suit: repo.SuitRow) => [suit.orgId, ...actor.grants.filter((g) => g.permissions.has('litigation.handle') && g.orgId).map((g) => g.orgId!)];

type Suit = repo.SuitRow;

/** Handlers and checks given the case's suit row (core/server withCaseRow). */
const suitRow = withCaseRow(repo.getSuit);
const withSuit = suitRow.on;
const checkSuit = suitRow.check;

async function close(tx: Tx, ctx: TransitionContext, finalOutcome: string) {
  await repo.updateSuit(tx, ctx.row.id, { finalOutcome, closedOn: ctx.today });
}

/** A decision's dates, refused when in the future or before the suit was served (run as a check, and again for the values). */
function decisionDates(ctx: TransitionCheckContext, suit: Suit, kind: string) {
  const decidedOn = String(ctx.input.decidedOn ?? ctx.today);
  notFuture(ctx.today, decidedOn, 'decidedOn', '裁判日期');
  if (decidedOn < suit.servedOn) throw field('decidedOn', '裁判日期不能早于收到起诉状副本的日期');
  // 第85条 counts from service; the clock started from this date (asOfInput), so it is checked here.
  const served = kind === 'judgment' || kind === 'ruling' ? String(ctx.input.servedOn ?? ctx.today) : null;
  if (served) {
    notFuture(ctx.today, served, 'servedOn', '送达日期');
    if (served < decidedOn) throw field('servedOn', '送达日期不能早于裁判日期');
  }
  return { decidedOn, served };
}

/** The decision's row; its dates were checked before the compare-and-set (suitChecks). */
async function decision(tx: Tx, ctx: TransitionContext, suit: Suit, instance: number, kind: string, outcome: string) {
  const { decidedOn, served } = decisionDates(ctx, suit, kind);
  await repo.insertJudgment(tx, {
    id: randomUUID(), caseId: ctx.row.id, instance, kind, outcome, decidedOn, servedOn: served, summary: (ctx.input.summary as string | undefined) ?? null,
    orgId: suit.orgId, divisionCode: suit.divisionCode, createdAt: ctx.at,
  });
}

/** A hearing's date, refused when in the future or before the suit was served. */
function hearingDate(ctx: TransitionCheckContext, suit: Suit) {
  const h = ctx.input as HearingInput;
  notFuture(ctx.today, h.heldOn, 'heldOn', '开庭日期');
  if (h.heldOn < suit.servedOn) throw field('heldOn', '开庭日期不能早于收到起诉状副本的日期');
}

/** The hearing's row; its date was checked before the compare-and-set (suitChecks). */
async function hearing(tx: Tx, ctx: TransitionContext, suit: Suit, instance: number) {
  const h = ctx.input as HearingInput;
  await repo.insertHearing(tx, {
    id: randomUUID(), caseId: ctx.row.id, instance, heldOn: h.heldOn, appearance: h.appearance, headName: h.headName ?? null, staffNames: h.staffNames ?? null,
    absenceReason: h.absenceReason ?? null, spoke: h.spoke ?? null, orgId: suit.orgId, divisionCode: suit.divisionCode, createdAt: ctx.at,
  });
}

/** The appellate court's number, stored on the suit and in the case's data (the precondition reads it). */
async function secondNumber(tx: Tx, ctx: TransitionContext) {
  const no = ctx.input.secondCaseNo as string | undefined;
  if (!no) return;
  await repo.updateSuit(tx, ctx.row.id, { secondCaseNo: no, secondCourt: (ctx.input.secondCourt as string | undefined) ?? null });
  await mergeCaseData(tx, ctx.row.id, { secondCaseNo: no });
}
async function appealed(tx: Tx, ctx: TransitionContext, by: 'agency' | 'opponent') {
  await repo.updateSuit(tx, ctx.row.id, { appealedBy: by });
  await secondNumber(tx, ctx);
}

/** The first-instance decision in force (after a retrial, the latest). */
async function firstOutcome(tx: Tx, caseId: string) {
  const d = await repo.firstDecision(tx, caseId);
  if (!d) throw new AppError('GUARD_FAILED', '尚未登记一审裁判');
  return d.outcome;
}

/** The counsel the agency appoints, if named: only a lawyer serving the agency (or the justice bureau) that day. */
async function appointedCounsel(tx: Tx, ctx: TransitionCheckContext, suit: Suit) {
  if (!ctx.input.counselId) return null;
  const c = await counselIfServing(tx, String(ctx.input.counselId), counselOrgs(ctx.actor, suit), ctx.today);
  if (!c) throw field('counselId', '所选律师不在本机关（或司法局）的法律顾问聘期内，不能委托其代理');
  return c;
}

const heardChecked = checkSuit(async (_tx, ctx, suit) => { hearingDate(ctx, suit); return null; });
const decidedChecked = (kind: string) => checkSuit(async (_tx, ctx, suit) => { decisionDates(ctx, suit, kind); return null; });

/**
 * What must hold before a suit event is taken that the machine's data-only guards cannot see (dates against
 * the suit's service date, the counsel's appointment, the first decision): read before the compare-and-set,
 * so a refused event writes nothing.
 */
export const suitChecks: Record<string, TransitionCheck> = {
  answer: checkSuit(async (tx, ctx, suit) => { await appointedCounsel(tx, ctx, suit); return null; }),
  hearFirst: heardChecked,
  hearSecond: heardChecked,
  judgment: decidedChecked('judgment'),
  ruling: decidedChecked('ruling'),
  lapse: checkSuit(async (tx, ctx) => { await firstOutcome(tx, ctx.row.id); return null; }),
  mediate: decidedChecked('mediation'),
  withdraw: decidedChecked('withdrawal'),
  secondJudgment: checkSuit(async (tx, ctx, suit) => {
    decisionDates(ctx, suit, 'second');
    // 驳回上诉 leaves the first decision in force, so it must be on record (the second decision's own row,
    // instance 2, does not count as one).
    if (String(ctx.input.outcome) !== '改判') await firstOutcome(tx, ctx.row.id);
    return null;
  }),
  remand: decidedChecked('remand'),
};

/** Domain writes of each suit event, in its transaction, after the compare-and-set. */
export const suitHandlers: Record<string, TransitionHandler> = {
  answer: withSuit(async (tx, ctx, suit) => {
    // The counsel's appointment was checked before the compare-and-set (suitChecks.answer).
    const c = await appointedCounsel(tx, ctx, suit);
    if (c) await recordCounselCase(tx, { lawyerId: c.id, orgId: suit.orgId, on: ctx.today, subject: `代理${ctx.row.title}（${suit.courtCaseNo}）`, caseId: ctx.row.id, divisionCode: suit.divisionCode, at: ctx.at });
    await repo.updateSuit(tx, ctx.row.id, { answeredOn: ctx.today, agents: (ctx.input.agents as string | undefined) ?? null, counselId: c?.id ?? null });
  }),
  hearFirst: withSuit((tx, ctx, suit) => hearing(tx, ctx, suit, 1)),
  hearSecond: withSuit((tx, ctx, suit) => hearing(tx, ctx, suit, 2)),
  judgment: withSuit((tx, ctx, suit) => decision(tx, ctx, suit, 1, 'judgment', String(ctx.input.outcome))),
  ruling: withSuit((tx, ctx, suit) => decision(tx, ctx, suit, 1, 'ruling', String(ctx.input.outcome))),
  acceptJudgment: withSuit(async (tx, ctx) => { await mergeCaseData(tx, ctx.row.id, { accepted: true }); }),
  appeal: withSuit((tx, ctx) => appealed(tx, ctx, 'agency')),
  opponentAppeal: withSuit((tx, ctx) => appealed(tx, ctx, 'opponent')),
  registerSecondCaseNo: withSuit((tx, ctx) => secondNumber(tx, ctx)),
  lapse: withSuit(async (tx, ctx) => close(tx, ctx, await firstOutcome(tx, ctx.row.id))),
  mediate: withSuit(async (tx, ctx, suit) => {
    await decision(tx, ctx, suit, ctx.previousState === 'secondInstance' ? 2 : 1, 'mediation', '调解');
    await close(tx, ctx, '调解');
  }),
  withdraw: withSuit(async (tx, ctx, suit) => {
    await decision(tx, ctx, suit, 1, 'withdrawal', '撤诉');
    await close(tx, ctx, '撤诉');
  }),
  secondJudgment: withSuit(async (tx, ctx, suit) => {
    const outcome = String(ctx.input.outcome);
    await decision(tx, ctx, suit, 2, 'second', outcome === '改判' ? `改判：${String(ctx.input.revisedOutcome)}` : outcome);
    // 驳回上诉 or a withdrawn appeal leaves the first decision in force; 改判 replaces it (第89条).
    await close(tx, ctx, outcome === '改判' ? String(ctx.input.revisedOutcome) : await firstOutcome(tx, ctx.row.id));
  }),
  remand: withSuit(async (tx, ctx, suit) => {
    await decision(tx, ctx, suit, 2, 'remand', '发回重审');
    await repo.updateSuit(tx, ctx.row.id, { appealedBy: null, secondCaseNo: null, secondCourt: null });
    await mergeCaseData(tx, ctx.row.id, { accepted: false, secondCaseNo: null });
  }),
};

const KIND_LABEL: Record<string, string> = { judgment: '判决', ruling: '裁定', mediation: '调解', withdrawal: '准予撤诉', second: '二审裁判', remand: '发回重审' };

export async function presentSuit(tx: Tx, row: CaseRow) {
  const s = await repo.getSuit(tx, row.id);
  if (!s) return [];
  const hs = await repo.hearingsOf(tx, row.id);
  const js = await repo.judgmentsOf(tx, row.id);
  return [
    { label: '受理法院', value: s.court }, { label: '案号', value: s.courtCaseNo },
    ...(s.secondCaseNo ? [{ label: '二审案号', value: `${s.secondCaseNo}${s.secondCourt ? `（${s.secondCourt}）` : ''}` }] : []), { label: '原告', value: s.plaintiff }, { label: '案由', value: s.cause },
    { label: '被诉行政行为', value: s.challengedAct }, { label: '起诉前经过行政复议', value: s.reconsidered ? '是' : '否' },
    { label: '收到起诉状副本', value: s.servedOn }, { label: '答辩', value: s.answeredOn ? `${s.answeredOn}已提交` : '尚未提交' },
    { label: '开庭', value: hs.length ? hs.map((h) => `${h.heldOn}（${h.instance === 2 ? '二审，' : ''}${h.appearance}${h.headName ? `：${h.headName}` : ''}）`).join('；') : '尚未开庭' },
    ...js.map((j) => ({ label: `${j.instance === 2 ? '二审' : '一审'}${KIND_LABEL[j.kind] ?? j.kind}`, value: `${j.outcome}（${j.decidedOn}${j.servedOn ? `，${j.servedOn}送达` : ''}）` })),
    ...(s.finalOutcome ? [{ label: '生效裁判结果', value: `${s.finalOutcome}（${s.closedOn}结案）` }] : []),
  ];
}

/** The suit's file for its page: the substance, hearings with who appeared, decisions, 司法建议. */
export async function suitFile(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'litigation');
  const s = await repo.getSuit(tx, id);
  if (!s) throw new AppError('NOT_FOUND');
  const adviceMachine = kernel.caseTypes.get('judicialAdvice')!.machine;
  return {
    court: s.court, courtCaseNo: s.courtCaseNo, plaintiff: s.plaintiff, cause: s.cause, claims: s.claims, challengedAct: s.challengedAct,
    reconsidered: s.reconsidered, servedOn: s.servedOn, answeredOn: s.answeredOn, agents: s.agents, appealedBy: s.appealedBy,
    secondCourt: s.secondCourt, secondCaseNo: s.secondCaseNo,
    finalOutcome: s.finalOutcome, closedOn: s.closedOn,
    counsel: s.counselId ? await counselById(tx, s.counselId) : null,
    hearings: (await repo.hearingsOf(tx, id)).map((h) => ({ id: h.id, instance: h.instance, heldOn: h.heldOn, appearance: h.appearance, headName: h.headName, staffNames: h.staffNames, absenceReason: h.absenceReason, spoke: h.spoke })),
    decisions: (await repo.judgmentsOf(tx, id)).map((j) => ({ id: j.id, instance: j.instance, kind: KIND_LABEL[j.kind] ?? j.kind, outcome: j.outcome, decidedOn: j.decidedOn, servedOn: j.servedOn, summary: j.summary })),
    // A 司法建议 is its own case: listed only where the reader may open it.
    advice: (await repo.adviceOf(tx, id)).filter((a) => can(actor, 'judicialAdvice.read', a)).map((a) => ({
      id: a.a.caseId, refNo: a.refNo, court: a.a.court, adviceNo: a.a.adviceNo, receivedOn: a.a.receivedOn, content: a.a.content,
      stateName: adviceMachine.states[a.state]?.label ?? a.state, reply: a.a.reply, repliedOn: a.a.repliedOn,
    })),
  };
}

/** Lawyers of the counsel pool who may represent the defendant (for the answer form). */
export async function counselOptions(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'litigation');
  const s = await repo.getSuit(tx, id);
  if (!s) throw new AppError('NOT_FOUND');
  return counselServing(tx, s.divisionCode.slice(0, 6), counselOrgs(actor, s), kernel.today());
}

// ---- 司法建议 ----

export async function receiveAdvice(tx: Tx, kernel: Kernel, actor: Actor, suitId: string, input: AdviceInput) {
  const suit = await loadVisible(tx, actor, suitId, 'litigation');
  if (!can(actor, 'judicialAdvice.handle', suit)) throw new AppError('FORBIDDEN', '您没有登记司法建议的权限');
  const today = kernel.today();
  notFuture(today, input.receivedOn, 'receivedOn', '收到日期');
  const replyDays = input.replyDays ?? settingsOf(kernel).LITIGATION_ADVICE_REPLY_DAYS;
  const lagDays = diffDays(input.receivedOn, today);
  if (lagDays >= replyDays) throw field('receivedOn', `收到司法建议已${lagDays}日，回复期限已届满，请核实日期`);
  const { row } = await createCase(tx, kernel, actor, {
    type: 'judicialAdvice', title: `${input.court}司法建议（${input.adviceNo}）`.slice(0, 200), orgId: suit.orgId, divisionCode: suit.divisionCode,
    applicantName: input.court, data: { replyDays, lagDays, suitRefNo: suit.refNo },
  });
  await repo.insertAdvice(tx, {
    caseId: row.id, suitCaseId: suit.id, court: input.court, adviceNo: input.adviceNo, receivedOn: input.receivedOn, content: input.content,
    orgId: suit.orgId, divisionCode: suit.divisionCode, createdAt: row.createdAt,
  });
  await linkCases(tx, kernel, actor, row.id, suit.id, 'adviceOnSuit');
  return { id: row.id, refNo: row.refNo };
}

/** Domain writes of each 司法建议 event: the agency's reply and its measures. */
export const adviceHandlers: Record<string, TransitionHandler> = {
  async reply(tx, ctx) {
    await repo.updateAdvice(tx, ctx.row.id, { reply: String(ctx.input.reply), measures: String(ctx.input.measures), repliedOn: ctx.today });
  },
};

export async function presentAdvice(tx: Tx, row: CaseRow) {
  const a = await repo.getAdvice(tx, row.id);
  if (!a) return [];
  return [
    { label: '发出建议的法院', value: a.court }, { label: '文号', value: a.adviceNo }, { label: '收到日期', value: a.receivedOn },
    { label: '建议内容', value: a.content }, { label: '所涉应诉案件', value: String(row.data.suitRefNo ?? '') },
    ...(a.repliedOn ? [{ label: '回复', value: `${a.repliedOn}：${a.reply ?? ''}` }, { label: '整改措施', value: a.measures ?? '' }] : []),
  ];
}
