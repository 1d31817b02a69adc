/**
 * The decision catalog and each decision's procedure record. The machine's guards refuse to go on while
 * a mandatory step is missing; this file records the steps, checks what a schema cannot (the 30-day
 * comment period), and keeps the catalog row the metrics count.
 */
import { AppError } from '../../../core/shared/errors';
import { type Actor, can, createCase, type Kernel, mergeCaseData, tenancy, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { STEPS, missingSteps, type DecisionInput } from '../shared/major-decision.machine';
import type { z } from 'zod';
import * as repo from './major-decisions.repository';

export async function addToCatalog(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof DecisionInput>) {
  const gov = (await tenancy.listOrgs(tx)).map((o) => o.org).find((o) => o.kind === 'government');
  const drafting = await tenancy.getOrg(tx, input.draftingOrgId);
  if (!gov || !drafting) throw new AppError('VALIDATION', '承办单位不存在', { fields: [{ path: 'draftingOrgId', message: '承办单位不存在' }] });
  // The 决策机关 is the government; the case is its own, whichever unit drafts it.
  if (!can(actor, 'majorDecision.manage', { orgId: gov.id, divisionCode: gov.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN');
  if (input.partyApprovedOn > kernel.today()) throw new AppError('VALIDATION', '党委同意日期不能晚于今天');
  const needs = { participation: !input.participationExempt, expert: input.needsExpert, risk: input.needsRisk };
  const { row } = await createCase(tx, kernel, actor, {
    type: 'majorDecision', title: input.title, orgId: gov.id, divisionCode: gov.divisionCode, applicantName: drafting.name,
    data: { year: input.year, needs, done: {}, draftingOrg: drafting.name },
  });
  await repo.insert(tx, {
    caseId: row.id, year: input.year, draftingOrgId: drafting.id, partyApprovedOn: input.partyApprovedOn,
    needsParticipation: needs.participation, needsExpert: needs.expert, needsRisk: needs.risk, divisionCode: gov.divisionCode, createdAt: row.createdAt,
  });
  return { id: row.id, refNo: row.refNo };
}

const done = async (tx: Tx, ctx: TransitionContext, step: keyof typeof STEPS, record: Record<string, unknown>) => {
  const prev = (ctx.row.data.done ?? {}) as Record<string, boolean>;
  await mergeCaseData(tx, ctx.row.id, { done: { ...prev, [step]: true }, [step]: record });
};


/** What must hold before a decision step is recorded: checked before the compare-and-set, so a refused step writes nothing. */
export const decisionChecks: Record<string, TransitionCheck> = {
  async recordParticipation(_tx, ctx) {
    const days = (Date.parse(String(ctx.input.to)) - Date.parse(String(ctx.input.from))) / 86400_000;
    if (days < 0) throw new AppError('VALIDATION', '征求意见截止日期不能早于开始日期');
    // 第15条: generally at least 30 days; a shorter period needs its reason stated.
    return days < 30 && !ctx.input.shortenedReason ? `征求意见期限为${days}日，少于30日的应当说明理由（重大行政决策程序暂行条例 第15条）` : null;
  },
};

/** Domain writes of each decision event, in its transaction, after the compare-and-set. */
export const decisionHandlers: Record<string, TransitionHandler> = {
  async recordParticipation(tx, ctx) {
    const i = ctx.input;
    await done(tx, ctx, 'participation', { from: i.from, to: i.to, channels: i.channels, comments: i.comments, adoption: i.adoption, shortenedReason: i.shortenedReason ?? null });
  },
  async recordExpertReview(tx, ctx) { await done(tx, ctx, 'expert', { experts: ctx.input.experts, opinion: ctx.input.opinion }); },
  async recordRiskAssessment(tx, ctx) { await done(tx, ctx, 'risk', { level: ctx.input.level, measures: ctx.input.measures }); },
  async passLegality(tx, ctx) {
    await mergeCaseData(tx, ctx.row.id, { legalityPassed: true, legalityOpinion: ctx.input.opinion });
    await repo.update(tx, ctx.row.id, { legalityPassedOn: ctx.today });
  },
  async failLegality(tx, ctx) { await mergeCaseData(tx, ctx.row.id, { legalityPassed: false, legalityOpinion: ctx.input.opinion }); },
  async decide(tx, ctx) { await repo.update(tx, ctx.row.id, { decidedOn: ctx.today, result: String(ctx.input.result), dissent: (ctx.input.dissent as string | undefined) ?? null }); },
  async publish(tx, ctx) { await repo.update(tx, ctx.row.id, { publishedOn: ctx.today }); },
};

export async function presentDecision(tx: Tx, id: string, data: Record<string, unknown>) {
  const d = await repo.get(tx, id);
  if (!d) return [];
  const needs = (data.needs ?? {}) as Record<string, boolean>;
  const doneMap = (data.done ?? {}) as Record<string, boolean>;
  const status = (k: keyof typeof STEPS) => (!needs[k] ? '不适用' : doneMap[k] ? '已完成' : '未完成');
  const missing = missingSteps(data);
  return [
    { label: '目录年度', value: `${d.year}年（经党委同意：${d.partyApprovedOn}）` },
    { label: '承办单位', value: String(data.draftingOrg ?? '') },
    ...(Object.keys(STEPS) as (keyof typeof STEPS)[]).map((k) => ({ label: STEPS[k], value: status(k) })),
    { label: '合法性审查', value: data.legalityPassed ? '已通过' : data.legalityOpinion ? '未通过，已退回修改' : '未完成' },
    { label: '尚缺程序', value: missing.length ? missing.join('、') : '无' },
    ...(d.decidedOn ? [{ label: '集体讨论决定', value: `${d.decidedOn} ${d.result ?? ''}${d.dissent ? `；不同意见：${d.dissent}` : ''}` }] : []),
    ...(d.publishedOn ? [{ label: '公布日期', value: d.publishedOn }] : []),
  ];
}

export async function publicCatalog(tx: Tx, kernel: Kernel, divisionCode: string, year: number) {
  const m = kernel.caseTypes.get('majorDecision')!.machine;
  return (await repo.catalog(tx, divisionCode, year)).filter((r) => r.c.state !== 'withdrawn').map((r) => ({
    id: r.c.id, title: r.c.title, draftingOrg: r.draftingOrg, stateName: m.states[r.c.state]?.label ?? r.c.state,
    steps: [r.d.needsParticipation ? '公众参与' : null, r.d.needsExpert ? '专家论证' : null, r.d.needsRisk ? '风险评估' : null, '合法性审查', '集体讨论决定'].filter((x): x is string => !!x),
    decidedOn: r.d.decidedOn, publishedOn: r.d.publishedOn,
  }));
}

/**
 * The steps where a person reviews or decides a decision: the justice bureau's legality review (passed, or
 * sent back, 第25–28条) and the collective discussion (第30条). The other steps (public participation,
 * expert review, risk assessment, sending, publishing, filing) are the office's procedure record, not a
 * review; withdrawal from the catalog adjusts the catalog rather than decides a matter.
 */
export const REVIEW_EVENTS = ['passLegality', 'failLegality', 'decide'] as const;

export type DecisionStep = { caseId: string; refNo: string; title: string; event: string; step: string; on: string };

/**
 * The decisions an account reviewed or decided in [from, to], one entry per step (a decision reviewed and then
 * decided by the same person has two). Keyed on the account that recorded the step: the collective discussion
 * is entered by one leader's account, so the meeting's other members are not on it.
 */
export async function decisionStepsBy(tx: Tx, kernel: Kernel, q: { userId: string; from: string; to: string }): Promise<DecisionStep[]> {
  const events = kernel.caseTypes.get('majorDecision')!.machine.events;
  const rows = await repo.stepsByActor(tx, { ...q, events: [...REVIEW_EVENTS], tz: kernel.tz });
  return rows.map((r) => ({
    caseId: r.caseId, refNo: r.refNo, title: r.title, event: r.event, on: r.on,
    step: r.event === 'decide' && r.input.result ? `${events[r.event].label}（${String(r.input.result)}）` : events[r.event].label,
  }));
}
