/**
 * 人民调解 use cases. The machine holds the procedure and its clocks; this file registers a dispute (with
 * its 12345 ticket linked), keeps the dispute, session and outcome rows the figures count, reminds both
 * parties of the 司法确认 window when they agree (人民调解法 第33条), records 排查 rounds and the resident
 * population behind 万人调解率, and computes that rate by township — refusing where no population is held.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { addDays } from '../../../core/shared/calendar';
import { divisionPrefix } from '../../../core/shared/division';
import { type Actor, can, type CaseRow, createCase, domainConfig, findCaseByRef, grantReach, type Kernel, linkCases, loadVisible, mergeCaseData, notify, requirePermission, scopeWhere, siteDivisionCode, SYSTEM_ACTOR, tenancy, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { COURT_STAGES, DisputeInput, type CourtStage } from '../shared/mediation.machine';
import { mediationSettings } from './mediation.config';
import * as repo from './mediation.repository';
import type { Party } from './mediation.tables';

export const settingsOf = (kernel: Kernel) => domainConfig(kernel, mediationSettings);

const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });
function notFuture(today: string, on: string, path: string, label: string) {
  if (on > today) throw field(path, `${label}不能晚于今天`);
}

/** The village (社区) a dispute arose in: a 12-digit division of this county. */
async function villageOf(tx: Tx, kernel: Kernel, code: string) {
  const v = await tenancy.getDivision(tx, code);
  if (!v || v.level !== 'village' || !code.startsWith(divisionPrefix(siteDivisionCode(kernel)))) throw field('villageCode', '请选择本区的村（社区）');
  return v;
}

/** The 调委会 (org) registering: the actor's org whose grant covers the village, nearest first. */
function registeringOrg(actor: Actor, villageCode: string) {
  const gs = actor.grants.filter((g) => g.permissions.has('mediation.register') && g.orgId && g.divisionCode && villageCode.startsWith(divisionPrefix(g.divisionCode)));
  gs.sort((a, b) => b.divisionCode!.length - a.divisionCode!.length);
  return gs[0] ?? null;
}

const mask = (p?: string | null) => (p ? `${p.slice(0, 3)}****${p.slice(-4)}` : null);

export async function register(tx: Tx, kernel: Kernel, actor: Actor, raw: DisputeInput) {
  const input = DisputeInput.parse(raw);
  const village = await villageOf(tx, kernel, input.villageCode);
  const grant = actor.kind === 'system' ? null : registeringOrg(actor, village.code);
  if (actor.kind !== 'system' && !grant) throw new AppError('FORBIDDEN', '只能登记本调委会（或您负责区划内）的矛盾纠纷');
  const org = grant ? await tenancy.getOrg(tx, grant.orgId!) : (await tenancy.listOrgs(tx, village.code.slice(0, 9)))[0]?.org ?? null;
  if (!org) throw field('villageCode', '该村（社区）所在乡镇没有调解组织');
  if (input.ticketRef && input.source !== '12345热线') throw field('source', '填写了12345工单编号的，纠纷来源应为“12345热线”');
  if (input.courtStage && input.source !== '法院委派') throw field('courtStage', '法院委派（委托）调解阶段只适用于来源为“法院委派”的纠纷');
  // A ticket is found before anything is written: a wrong number changes nothing.
  let ticket: CaseRow | null = null;
  if (input.ticketRef) {
    ticket = await findCaseByRef(tx, input.ticketRef);
    // The village may not read tickets the 12345 centre dispatched to others; a ticket about its own
    // township (or the whole county) may still be taken into mediation by its number.
    const near = ticket && (village.code.startsWith(divisionPrefix(ticket.divisionCode)) || can(actor, 'ticket.read', ticket));
    if (!ticket || ticket.type !== 'ticket' || !near) throw field('ticketRef', '未找到该12345工单，或工单不属于本乡镇（街道）');
  }
  const stage = input.courtStage as CourtStage | undefined;
  const limitDays = stage ? COURT_STAGES[stage].days : settingsOf(kernel).MEDIATION_DAYS;
  const first = (ps: Party[]) => `${ps[0].name}${ps.length > 1 ? '等' : ''}`;
  const title = `${first(input.applicants)}与${first(input.respondents)}${input.type}`.slice(0, 200);
  const { row } = await createCase(tx, kernel, actor, {
    type: 'mediation', title, orgId: org.id, divisionCode: village.code, applicantName: input.applicants[0].name,
    data: { limitDays, ...(stage ? { courtStage: stage } : {}), disputeType: input.type, village: village.name },
  });
  await repo.insertDispute(tx, {
    caseId: row.id, orgId: org.id, divisionCode: village.code, type: input.type, source: input.source, summary: input.summary,
    applicants: input.applicants, respondents: input.respondents, mediators: input.mediators, courtStage: stage ?? null,
    receivedOn: kernel.today(), createdAt: row.createdAt,
  });
  if (ticket) {
    // Drawn by the mediator's name; the kernel's own visibility rule would refuse a ticket the village cannot open.
    const linker = can(actor, 'ticket.read', ticket) ? actor : { ...SYSTEM_ACTOR, name: actor.name };
    await linkCases(tx, kernel, linker, row.id, ticket.id, 'mediatesTicket');
  }
  return { id: row.id, refNo: row.refNo };
}

/** 第33条: the window for a joint application runs thirty days from the agreement (as the first SMS states it). */
export const CONFIRM_WINDOW_DAYS = 30;

/** One SMS through the outbox to every party of the dispute who left a phone; returns how many. */
async function smsParties(tx: Tx, kernel: Kernel, d: repo.DisputeRow, title: string, body: (name: string) => string) {
  const parties = [...d.applicants, ...d.respondents].filter((p) => p.phone);
  for (const p of parties) await notify(tx, kernel, { channel: 'sms', address: p.phone!, divisionCode: d.divisionCode, caseId: d.caseId, title, body: body(p.name) });
  return parties.length;
}

async function remindConfirmation(tx: Tx, ctx: TransitionContext, d: repo.DisputeRow, signedOn: string) {
  if (settingsOf(ctx.kernel).MEDIATION_CONFIRM_REMIND === 'none') return;
  const by = addDays(signedOn, CONFIRM_WINDOW_DAYS);
  const sent = await smsParties(tx, ctx.kernel, d, '人民调解协议司法确认提醒', (name) =>
    `${name}：您参与的纠纷（${ctx.row.refNo}）已于${signedOn}达成人民调解协议。依照《人民调解法》第三十三条，双方当事人可以自协议生效之日起三十日内（${by}前）共同向人民法院申请司法确认；确认有效后一方不履行的，对方可以申请强制执行。`);
  await repo.updateDispute(tx, d.caseId, { confirmRemindedAt: ctx.at, confirmRemindedTo: sent });
}

/**
 * The second 司法确认 reminder: a few days (MEDIATION_CONFIRM_CLOSING_REMIND_DAYS) before the window closes,
 * an SMS through the outbox to every party with a phone, once per dispute — the claim on the row decides
 * which process sends it. Run by the hourly job; returns how many disputes were reminded.
 */
export async function runConfirmClosingReminders(kernel: Kernel): Promise<{ reminded: number; messages: number }> {
  const s = settingsOf(kernel);
  const out = { reminded: 0, messages: 0 };
  if (s.MEDIATION_CONFIRM_REMIND === 'none' || s.MEDIATION_CONFIRM_CLOSING_REMIND_DAYS === 0) return out;
  const today = kernel.today();
  // Signed between (today − 30) and (today − 30 + lead): the window's last day is today … today + lead.
  const signedFrom = addDays(today, -CONFIRM_WINDOW_DAYS);
  const signedTo = addDays(today, s.MEDIATION_CONFIRM_CLOSING_REMIND_DAYS - CONFIRM_WINDOW_DAYS);
  const due = await kernel.db.tx((tx) => repo.closingWindowCandidates(tx, signedFrom, signedTo, 5000));
  for (const { caseId, refNo } of due) {
    const sent = await kernel.db.tx(async (tx) => {
      const d = await repo.claimClosingReminder(tx, caseId, kernel.now());
      if (!d || !d.endedOn) return null;
      const by = addDays(d.endedOn, CONFIRM_WINDOW_DAYS);
      const sent = await smsParties(tx, kernel, d, '人民调解协议司法确认期限即将届满', (name) =>
        `${name}：您参与的纠纷（${refNo}）于${d.endedOn}达成的人民调解协议，申请司法确认的期限将于${by}届满。依照《人民调解法》第三十三条，如需司法确认，请双方当事人在${by}前共同向人民法院申请；逾期未申请的，调解协议仍具有法律约束力（第三十一条）。`);
      await repo.updateDispute(tx, d.caseId, { confirmClosingRemindedTo: sent });
      return sent;
    });
    if (sent !== null) { out.reminded++; out.messages += sent; }
  }
  return out;
}


/**
 * A dated event's date checks against the dispute row: not in the future, and not before the date it
 * follows. A date that fails is the form's error (VALIDATION on the field), raised before the
 * compare-and-set so nothing is written. A case without its dispute row is left to the handler (a no-op).
 */
function datedCheck(key: string, label: string, earliest: (d: repo.DisputeRow) => string | null, tooEarly: string): TransitionCheck {
  return async (tx, ctx) => {
    const d = await repo.getDispute(tx, ctx.row.id);
    if (!d) return null;
    const on = String(ctx.input[key]);
    notFuture(ctx.today, on, key, label);
    const min = earliest(d);
    if (min && on < min) throw field(key, tooEarly);
    return null;
  };
}

/** What must hold before a dated mediation event is taken. */
export const mediationChecks: Record<string, TransitionCheck> = {
  session: datedCheck('heldOn', '调解日期', (d) => d.receivedOn, '调解日期不能早于受理日期'),
  agree: datedCheck('signedOn', '协议签订日期', (d) => d.receivedOn, '协议签订日期不能早于受理日期'),
  applyConfirm: datedCheck('appliedOn', '申请日期', (d) => d.endedOn, '申请日期不能早于协议签订日期'),
  courtAnswer: datedCheck('decidedOn', '裁定日期', (d) => d.confirmAppliedOn, '裁定日期不能早于申请日期'),
  followUp: datedCheck('visitedOn', '回访日期', (d) => d.endedOn, '回访日期不能早于协议签订日期'),
};

/** A handler on the case's dispute row (written with the case: without one the event writes nothing). */
const onDispute = (write: (tx: Tx, ctx: TransitionContext, d: repo.DisputeRow) => Promise<void>): TransitionHandler =>
  async (tx, ctx) => {
    const d = await repo.getDispute(tx, ctx.row.id);
    if (d) await write(tx, ctx, d);
  };

/** Domain writes of each mediation event; the dates were checked before the compare-and-set (mediationChecks). */
export const mediationHandlers: Record<string, TransitionHandler> = {
  session: onDispute(async (tx, ctx, d) => {
    const i = ctx.input;
    await repo.insertSession(tx, { id: randomUUID(), caseId: d.caseId, heldOn: String(i.heldOn), mediators: String(i.mediators), place: (i.place as string | undefined) ?? null, notes: String(i.notes), divisionCode: d.divisionCode, createdAt: ctx.at });
  }),
  agree: onDispute(async (tx, ctx, d) => {
    const i = ctx.input;
    const signedOn = String(i.signedOn);
    await repo.updateDispute(tx, d.caseId, { outcome: 'agreed', endedOn: signedOn, agreementFacts: String(i.facts), agreementTerms: String(i.terms), agreementPerformance: String(i.performance) });
    await remindConfirmation(tx, ctx, d, signedOn);
  }),
  fail: onDispute(async (tx, ctx, d) => {
    await repo.updateDispute(tx, d.caseId, { outcome: 'failed', endedOn: ctx.today, referral: String(ctx.input.referral), endReason: String(ctx.input.reason) });
  }),
  withdraw: onDispute(async (tx, ctx, d) => {
    await repo.updateDispute(tx, d.caseId, { outcome: 'withdrawn', endedOn: ctx.today, endReason: String(ctx.input.reason) });
  }),
  applyConfirm: onDispute(async (tx, ctx, d) => {
    await repo.updateDispute(tx, d.caseId, { confirmCourt: String(ctx.input.court), confirmAppliedOn: String(ctx.input.appliedOn) });
    await mergeCaseData(tx, d.caseId, { confirmApplied: true });
  }),
  courtAnswer: onDispute(async (tx, ctx, d) => {
    const i = ctx.input;
    await repo.updateDispute(tx, d.caseId, { confirmAnswer: String(i.answer), confirmDecidedOn: String(i.decidedOn), confirmRulingNo: (i.rulingNo as string | undefined) ?? null });
  }),
  followUp: onDispute(async (tx, ctx, d) => {
    await repo.updateDispute(tx, d.caseId, { visitedOn: String(ctx.input.visitedOn), performance: String(ctx.input.performance) });
  }),
};

const OUTCOME: Record<string, string> = { agreed: '达成调解协议', failed: '调解不成', withdrawn: '当事人撤回' };

export async function present(tx: Tx, row: CaseRow) {
  const d = await repo.getDispute(tx, row.id);
  if (!d) return [];
  return [
    { label: '纠纷类型', value: d.type }, { label: '来源', value: d.source }, { label: '发生地', value: String(row.data.village ?? d.divisionCode) },
    { label: '当事人', value: `${d.applicants.map((p) => p.name).join('、')} 与 ${d.respondents.map((p) => p.name).join('、')}` },
    { label: '调解员', value: d.mediators }, { label: '受理日期', value: d.receivedOn },
    ...(d.outcome ? [{ label: '调解结果', value: `${OUTCOME[d.outcome] ?? d.outcome}（${d.endedOn}）${d.referral ? `，告知通过${d.referral}途径解决` : ''}` }] : []),
  ];
}

/** The dispute's file for its page (phones masked: the page is for mediators, often on a phone in the field). */
export async function disputeFile(tx: Tx, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'mediation');
  const d = await repo.getDispute(tx, id);
  if (!d) throw new AppError('NOT_FOUND');
  const party = (p: Party) => ({ name: p.name, phone: mask(p.phone), address: p.address ?? null });
  return {
    type: d.type, source: d.source, summary: d.summary, mediators: d.mediators, receivedOn: d.receivedOn, courtStage: d.courtStage ? COURT_STAGES[d.courtStage as CourtStage].label : null,
    village: (await tenancy.getDivision(tx, d.divisionCode))?.name ?? d.divisionCode,
    applicants: d.applicants.map(party), respondents: d.respondents.map(party),
    sessions: (await repo.sessionsOf(tx, id)).map((s) => ({ id: s.id, heldOn: s.heldOn, mediators: s.mediators, place: s.place, notes: s.notes })),
    outcome: d.outcome ? OUTCOME[d.outcome] ?? d.outcome : null, endedOn: d.endedOn, referral: d.referral, endReason: d.endReason,
    agreement: d.outcome === 'agreed' ? { facts: d.agreementFacts ?? '', terms: d.agreementTerms ?? '', performance: d.agreementPerformance ?? '' } : null,
    confirmation: {
      remindedAt: d.confirmRemindedAt ? d.confirmRemindedAt.toISOString() : null, remindedTo: d.confirmRemindedTo,
      closingRemindedAt: d.confirmClosingRemindedAt ? d.confirmClosingRemindedAt.toISOString() : null, closingRemindedTo: d.confirmClosingRemindedTo,
      court: d.confirmCourt, appliedOn: d.confirmAppliedOn, answer: d.confirmAnswer, decidedOn: d.confirmDecidedOn, rulingNo: d.confirmRulingNo,
    },
    visitedOn: d.visitedOn, performance: d.performance,
  };
}

/** Villages the actor may register disputes in (for the form): every village under their grants. */
export async function villageOptions(tx: Tx, kernel: Kernel, actor: Actor) {
  const reach = actor.grants.filter((g) => g.permissions.has('mediation.register') && g.divisionCode).map((g) => g.divisionCode!);
  const all = await repo.divisionsUnder(tx, siteDivisionCode(kernel));
  const towns = new Map(all.filter((d) => d.level === 'township').map((d) => [d.code, d.name]));
  return all.filter((d) => d.level === 'village' && reach.some((r) => d.code.startsWith(divisionPrefix(r))))
    .map((d) => ({ code: d.code, name: d.name, township: towns.get(d.code.slice(0, 9)) ?? '' }));
}

// ---- 排查 ----
export type ScreeningInput = { villageCode: string; heldOn: string; found: number; resolved: number; notes?: string };
export async function recordScreening(tx: Tx, kernel: Kernel, actor: Actor, input: ScreeningInput) {
  const village = await villageOf(tx, kernel, input.villageCode);
  const grant = registeringOrg(actor, village.code);
  if (!grant || !grant.permissions.has('mediation.handle')) throw new AppError('FORBIDDEN', '只能登记本调委会（或您负责区划内）的排查情况');
  notFuture(kernel.today(), input.heldOn, 'heldOn', '排查日期');
  if (input.resolved > input.found) throw field('resolved', '当场化解的纠纷数不能多于排查发现的纠纷数');
  const id = randomUUID();
  await repo.insertScreenings(tx, [{ id, divisionCode: village.code, orgId: grant.orgId!, heldOn: input.heldOn, found: input.found, resolved: input.resolved, notes: input.notes ?? null, createdBy: actor.id, createdAt: kernel.now() }]);
  return { id };
}
export async function screeningList(tx: Tx, actor: Actor, q: { from: string; to: string }) {
  requirePermission(actor, 'mediation.read');
  const where = repo.visibleScreenings(scopeWhere(actor, 'mediation.read', repo.screeningScope), q);
  const rows = await repo.listScreenings(tx, where, 200);
  const totals = await repo.screeningTotals(tx, where);
  return { totals, items: rows.map((r) => ({ id: r.s.id, village: r.divisionName, heldOn: r.s.heldOn, found: r.s.found, resolved: r.s.resolved, notes: r.s.notes })) };
}

// ---- population and 万人调解率 ----
export type PopulationInput = { rows: { divisionCode: string; asOf: string; population: number }[]; source: string };
/** Entered or imported (a table pasted from the statistics bureau): each row dated; a second figure for the same date is refused. */
export async function recordPopulation(tx: Tx, kernel: Kernel, actor: Actor, input: PopulationInput) {
  requirePermission(actor, 'mediation.population');
  const today = kernel.today();
  // One read of the county's divisions for the whole table (a pasted table has a row per village).
  const county = new Map((await repo.divisionsUnder(tx, siteDivisionCode(kernel))).map((d) => [d.code, d]));
  for (const [k, r] of input.rows.entries()) {
    const d = county.get(r.divisionCode);
    if (!d) throw field(`rows.${k}.divisionCode`, `第${k + 1}行：区划${r.divisionCode}不在本区`);
    if (!can(actor, 'mediation.population', { orgId: '', divisionCode: r.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', `第${k + 1}行：您无权登记${d.name}的人口`);
    if (r.asOf > today) throw field(`rows.${k}.asOf`, `第${k + 1}行：统计日期不能晚于今天`);
    await repo.upsertPopulation(tx, { id: randomUUID(), divisionCode: r.divisionCode, asOf: r.asOf, population: r.population, source: input.source, createdBy: actor.id, createdAt: kernel.now() });
  }
  return { saved: input.rows.length };
}
export async function populationList(tx: Tx, actor: Actor) {
  requirePermission(actor, 'mediation.read');
  const rows = await repo.listPopulations(tx, scopeWhere(actor, ['mediation.read', 'metrics.read'], repo.populationScope));
  return rows.map((r) => ({ id: r.p.id, divisionCode: r.p.divisionCode, divisionName: r.divisionName, level: r.level, asOf: r.p.asOf, population: r.p.population, source: r.p.source }));
}

type Held = { population: number; asOf: string; summed: boolean };
/**
 * The resident population of each division under `code` as of `asOf` (two queries at most, whatever the
 * number of divisions asked about; `under` when the caller has already read the divisions): its own latest figure; else the sum of its children's, when every child holds
 * one; else none (the rate is then refused, never computed on a guess).
 */
async function populationsUnder(tx: Tx, code: string, asOf: string, under?: { code: string; parentCode: string | null }[]): Promise<(division: string) => Held | null> {
  const latest = new Map((await repo.latestPopulations(tx, code, asOf)).map((r) => [r.divisionCode, r]));
  const children = new Map<string, string[]>();
  for (const d of under ?? await repo.divisionsUnder(tx, code)) {
    if (!d.parentCode) continue;
    const kids = children.get(d.parentCode);
    if (kids) kids.push(d.code); else children.set(d.parentCode, [d.code]);
  }
  const memo = new Map<string, Held | null>();
  const held = (c: string): Held | null => {
    if (memo.has(c)) return memo.get(c)!;
    const own = latest.get(c);
    let h: Held | null = null;
    if (own) h = { population: own.population, asOf: own.asOf, summed: false };
    else {
      const hs = (children.get(c) ?? []).map(held);
      if (hs.length && hs.every((x) => x !== null)) h = { population: hs.reduce((s, x) => s + x!.population, 0), asOf: hs.map((x) => x!.asOf).sort()[0], summed: true };
    }
    memo.set(c, h);
    return h;
  };
  return held;
}
/** The resident population of one division as of `asOf` (see populationsUnder). */
export const populationOf = async (tx: Tx, code: string, asOf: string) => (await populationsUnder(tx, code, asOf))(code);

/** 万人调解率 of the county and each township: disputes received ÷ resident population × 10,000. */
export async function ratesByTownship(tx: Tx, kernel: Kernel, actor: Actor, q: { from: string; to: string }) {
  if (!can(actor, 'mediation.read') && !can(actor, 'metrics.read')) throw new AppError('FORBIDDEN');
  const reach = [...grantReach(actor, 'mediation.read').divisions, ...grantReach(actor, 'metrics.read').divisions];
  const county = siteDivisionCode(kernel);
  const all = await repo.divisionsUnder(tx, county);
  const visible = (code: string) => actor.kind === 'system' || reach.some((r) => code.startsWith(divisionPrefix(r)));
  const targets = [{ code: county, name: all.find((d) => d.code === county)?.name ?? county, level: 'county' }, ...all.filter((d) => d.level === 'township')].filter((d) => visible(d.code));
  const byTown = new Map((await repo.receivedByTownship(tx, { divisionCode: county, ...q })).map((r) => [r.township, r.n]));
  const heldOf = await populationsUnder(tx, county, q.to, all);
  return targets.map((t) => {
    const received = t.level === 'county' ? [...byTown.values()].reduce((s, n) => s + n, 0) : byTown.get(t.code) ?? 0;
    const held = heldOf(t.code);
    return {
      divisionCode: t.code, name: t.name, level: t.level, received, population: held?.population ?? null, populationAsOf: held?.asOf ?? null, summed: held?.summed ?? false,
      perTenThousand: held && held.population > 0 ? Math.round((received / held.population) * 10000 * 100) / 100 : null,
      refusal: held ? null : `未登记${t.name}（或其全部下辖村、社区）截至${q.to}的常住人口，不计算万人调解率`,
    };
  });
}
