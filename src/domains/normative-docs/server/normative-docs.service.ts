/** 规范性文件: drafting records, the legality-review minimum, numbering, filing and clean-up lists. */
import { AppError } from '../../../core/shared/errors';
import { type Actor, can, createCase, domainConfig, type Kernel, mergeCaseData, tenancy, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck, withCaseRow } from '../../../core/server';
import { normativeDocsSettings } from './normative-docs.config';
import { CLEANUP_OUTCOMES, FAIR_COMPETITION_CHECKLIST, type NormativeDocInput } from '../shared/normative-doc.machine';
import { commentPeriodRefusal } from '../shared/normative-participation';
import type { z } from 'zod';
import * as repo from './normative-docs.repository';

export const normativeConfig = (kernel: Kernel) => {
  const c = domainConfig(kernel, normativeDocsSettings);
  return { legalityMinDays: c.NORMATIVE_LEGALITY_MIN_WORKDAYS, filingDays: c.NORMATIVE_FILING_DAYS, docPrefix: c.NORMATIVE_DOC_PREFIX };
};

export async function draft(tx: Tx, kernel: Kernel, actor: Actor, orgId: string, input: z.infer<typeof NormativeDocInput>) {
  const org = await tenancy.getOrg(tx, orgId);
  if (!org || !can(actor, 'normativeDoc.draft', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '只能起草本单位的规范性文件');
  const { row } = await createCase(tx, kernel, actor, {
    type: 'normativeDoc', title: input.title, orgId: org.id, divisionCode: org.divisionCode, applicantName: org.name,
    // 优化营商环境条例 第62条: documents close to market players' operations take ≥30 days of public comment.
    data: { affectsMarket: input.affectsMarket, commentRequired: input.affectsMarket, done: {}, filingDays: normativeConfig(kernel).filingDays },
  });
  await repo.insert(tx, { caseId: row.id, orgId: org.id, divisionCode: org.divisionCode, affectsMarket: input.affectsMarket, summary: input.summary, createdAt: row.createdAt });
  return { id: row.id, refNo: row.refNo };
}

const markDone = (tx: Tx, ctx: TransitionContext, step: string, record: unknown) =>
  mergeCaseData(tx, ctx.row.id, { done: { ...((ctx.row.data.done ?? {}) as object), [step]: true }, [step]: record });


/** Handlers and checks given the document's row (core/server withCaseRow). */
const docRow = withCaseRow(repo.get);
const withDoc = docRow.on;
const checkDoc = docRow.check;

/**
 * What must hold before a document event is taken that the machine's guards do not see: checked before
 * the compare-and-set, so a refused step writes nothing.
 */
export const docChecks: Record<string, TransitionCheck> = {
  recordPublicComment: checkDoc(async (_tx, ctx) => {
    const i = ctx.input;
    if (String(i.to) < String(i.from)) throw new AppError('VALIDATION', '截止日期不能早于开始日期');
    return commentPeriodRefusal(String(i.from), String(i.to), !!ctx.row.data.affectsMarket);
  }),
  recordFairCompetition: checkDoc(async (_tx, ctx) => {
    const violations = (Object.keys(FAIR_COMPETITION_CHECKLIST) as (keyof typeof FAIR_COMPETITION_CHECKLIST)[]).filter((k) => ctx.input[k] === '是');
    // 第12条 exceptions must be explained; otherwise a violation means the document may not be issued.
    return violations.length && !ctx.input.exception ? `存在违反公平竞争审查标准的情形：${violations.map((k) => FAIR_COMPETITION_CHECKLIST[k].replace(/^是否/, '')).join('；')}。应当修改，或者说明适用第12条例外的理由` : null;
  }),
  // Only a pass is held to the minimum: a failing review may send the draft back at once.
  passLegality: checkDoc(async (tx, ctx) => {
    const since = String(ctx.row.data.legalitySubmittedOn ?? ctx.today);
    const min = normativeConfig(ctx.kernel).legalityMinDays;
    return min > 0 && (await ctx.kernel.calendar.get(tx)).workdaysBetween(since, ctx.today) < min
      ? `合法性审核时间一般不少于${min}个工作日（自${since}送审，国办发〔2018〕115号）` : null;
  }),
};

/** The legality review's result (its minimum time was checked before the compare-and-set: docChecks). */
const legalityReviewed = withDoc(async (tx, ctx) => {
  await repo.update(tx, ctx.row.id, { legalityReviewedOn: ctx.today, legalityPassed: ctx.event === 'passLegality' });
});

/** A clean-up outcome on the campaign's list; repealing, expiring or delisting ends the document. */
const cleanedUp = withDoc(async (tx, ctx, doc) => {
  const i = ctx.input;
  await repo.addCleanup(tx, { caseId: ctx.row.id, campaign: String(i.campaign), outcome: ctx.event, reason: (i.reason as string | undefined) ?? null, decidedOn: ctx.today, divisionCode: doc.divisionCode });
  if (ctx.event !== 'keep' && ctx.event !== 'markForAmendment') await repo.update(tx, ctx.row.id, { endedOn: ctx.today });
});

/** Domain writes of each document event, in its transaction, after the compare-and-set. */
export const docHandlers: Record<string, TransitionHandler> = {
  recordFirstReview: withDoc(async (tx, ctx) => { await markDone(tx, ctx, 'firstReview', ctx.input.opinion); }),
  recordOfficeReview: withDoc(async (tx, ctx) => { await markDone(tx, ctx, 'officeReview', ctx.input.opinion); }),
  recordPublicComment: withDoc(async (tx, ctx) => {
    // The period was checked before the compare-and-set (docChecks.recordPublicComment).
    const i = ctx.input;
    await markDone(tx, ctx, 'publicComment', { from: i.from, to: i.to, comments: i.comments, adoption: i.adoption });
  }),
  recordFairCompetition: withDoc(async (tx, ctx) => {
    await markDone(tx, ctx, 'fairCompetition', { answers: Object.fromEntries(Object.keys(FAIR_COMPETITION_CHECKLIST).map((k) => [k, ctx.input[k]])), exception: ctx.input.exception ?? null });
  }),
  submitLegality: withDoc(async (tx, ctx) => { await mergeCaseData(tx, ctx.row.id, { legalitySubmittedOn: ctx.today }); }),
  passLegality: legalityReviewed,
  failLegality: legalityReviewed,
  publish: withDoc(async (tx, ctx, doc) => {
    const year = ctx.today.slice(0, 4);
    const { docPrefix } = normativeConfig(ctx.kernel);
    const n = await repo.nextDocNumber(tx, `normativeDoc:${doc.divisionCode.slice(0, 6)}:${year}`);
    const years = Number(ctx.input.validYears);
    const until = `${Number(year) + years}${ctx.today.slice(4)}`;
    const validDays = Math.round((Date.parse(until) - Date.parse(ctx.today)) / 86400_000);
    const filingDue = new Date(Date.parse(ctx.today) + normativeConfig(ctx.kernel).filingDays * 86400_000).toISOString().slice(0, 10);
    await repo.update(tx, ctx.row.id, { docNo: `${docPrefix}〔${year}〕${n}号`, publishedOn: ctx.today, validUntil: until, filingDue });
    await mergeCaseData(tx, ctx.row.id, { validDays, docNo: `${docPrefix}〔${year}〕${n}号` });
  }),
  file: withDoc(async (tx, ctx) => { await repo.update(tx, ctx.row.id, { filedOn: ctx.today }); }),
  keep: cleanedUp,
  markForAmendment: cleanedUp,
  repeal: cleanedUp,
  declareExpired: cleanedUp,
  delist: cleanedUp,
  expire: withDoc(async (tx, ctx) => { await repo.update(tx, ctx.row.id, { endedOn: ctx.today }); }),
};

export async function presentDoc(tx: Tx, id: string, data: Record<string, unknown>) {
  const d = await repo.get(tx, id);
  if (!d) return [];
  const done = (data.done ?? {}) as Record<string, boolean>;
  const st = (k: string, needed = true) => (!needed ? '不适用' : done[k] ? '已完成' : '未完成');
  return [
    { label: '起草说明', value: d.summary },
    { label: '起草单位初审', value: st('firstReview') },
    { label: '区政府办复审', value: st('officeReview') },
    { label: '公开征求意见', value: st('publicComment', !!data.commentRequired) },
    ...(d.commentFrom ? [{ label: '网上征求意见', value: `${d.commentFrom}至${d.commentTo}${d.adoptionPublishedOn ? `，采纳情况已于${d.adoptionPublishedOn}公布` : ''}` }] : []),
    { label: '公平竞争审查', value: st('fairCompetition', d.affectsMarket) },
    { label: '合法性审核（司法局终审）', value: d.legalityReviewedOn ? `${d.legalityPassed ? '通过' : '未通过'}（${d.legalityReviewedOn}）` : '未审核' },
    ...(d.docNo ? [{ label: '文号', value: d.docNo }, { label: '公布日期', value: d.publishedOn ?? '' }, { label: '有效期至', value: d.validUntil ?? '' }] : []),
    ...(d.filingDue ? [{ label: '报备', value: d.filedOn ? `${d.filedOn}已报备${d.filedOn <= d.filingDue ? '（按时）' : '（逾期）'}` : `应于${d.filingDue}前报备` }] : []),
  ];
}

export async function publicLists(tx: Tx, divisionCode: string) {
  const view = (r: Awaited<ReturnType<typeof repo.publicList>>[number]) => ({ id: r.c.id, title: r.c.title, docNo: r.d.docNo, orgName: r.orgName, publishedOn: r.d.publishedOn, validUntil: r.d.validUntil, endedOn: r.d.endedOn });
  const campaigns = await repo.campaigns(tx, divisionCode);
  return {
    inForce: (await repo.publicList(tx, divisionCode, ['inForce'])).map(view),
    ended: (await repo.publicList(tx, divisionCode, ['repealed', 'expired', 'delisted'])).map((r) => ({ ...view(r), stateName: { repealed: '已废止', expired: '已失效', delisted: '已剔除目录' }[r.c.state] ?? r.c.state })),
    cleanups: await Promise.all(campaigns.map(async ({ campaign }) => ({
      campaign, items: (await repo.cleanupList(tx, divisionCode, campaign)).map((x) => ({ ...x, outcome: CLEANUP_OUTCOMES[x.outcome] ?? x.outcome })),
    }))),
  };
}
