/**
 * 行政检查 use cases: plans with their published caps, registering a visit (扫码入企) with its officers'
 * credentials checked and the firm's count against the cap, the firm's phone page and anonymous rating,
 * and the result. 国办发〔2024〕54号 and the 司法部 Q&A (rule-of-law-domains.md §2.5).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { checkCreditCode } from '../../../core/shared/ids';
import {
  type Actor, type CaseRow, createCase, loadVisible, randomToken, scopeWhere, siteDivisionCode, SYSTEM_ACTOR, transition,
  type Kernel, type TransitionCheckContext, type TransitionContext, type Tx,
} from '../../../core/server';
import { INSPECTION_KIND_LABELS, RATING_LABELS } from '../shared/enforcement.labels';
import { InspectionInput, PlanInput, RatingInput } from '../shared/enforcement.schema';
import { checkOfficers, officersOf } from './credentials.port';
import { actingOrg, field, settingsOf } from './enforcement.common';
import * as repo from './enforcement.repository';
import type { Officer } from './enforcement.tables';

/** 第42条 (行政处罚法) and 54号 (inspections): at least two officers holding valid credentials. */
export const MIN_OFFICERS = 2;

/** The officers named, judged on the day; refuses with every reason when fewer than two are valid. */
export async function validOfficers(tx: Tx, refs: string[], on: string, orgId: string, what: string): Promise<Officer[]> {
  const checked = await checkOfficers(tx, refs, on);
  const bad = checked.filter((c) => !c.valid || !c.officer);
  const foreign = checked.filter((c) => c.valid && c.orgId && c.orgId !== orgId);
  const ok = checked.filter((c) => c.valid && c.officer && (!c.orgId || c.orgId === orgId)).map((c) => c.officer!);
  const uniq = [...new Map(ok.map((o) => [o.holderId, o])).values()];
  if (uniq.length < MIN_OFFICERS) {
    const reasons = [...bad.map((c) => c.reason ?? `${c.ref}未持有有效的行政执法证`), ...foreign.map((c) => `${c.officer?.name ?? c.ref}不是本机关的执法人员`)];
    throw new AppError('GUARD_FAILED', `${what}应当由两名以上具有行政执法资格的执法人员实施（行政处罚法 第42条），${on}持有有效行政执法证的执法人员只有${uniq.length}名${reasons.length ? `：${reasons.join('；')}` : ''}`, { fields: [{ path: 'officerIds', message: `执法人员：${on}持有有效行政执法证的不足两人` }] });
  }
  return uniq;
}

export async function createPlan(tx: Tx, kernel: Kernel, actor: Actor, raw: PlanInput) {
  const input = PlanInput.parse(raw);
  const org = await actingOrg(tx, actor, 'inspection.plan', input.orgId);
  const codes = [...new Set(input.firmCodes.map((c) => c.toUpperCase()))];
  const badCode = codes.find((c) => !checkCreditCode(c).valid);
  if (badCode) throw field('firmCodes', `统一社会信用代码${badCode}不正确：${checkCreditCode(badCode).reason ?? ''}`);
  const id = randomUUID();
  await repo.insertPlan(tx, {
    id, orgId: org.id, divisionCode: org.divisionCode, year: input.year, planNo: input.planNo, name: input.name, kind: input.kind,
    cap: input.cap ?? null, firmCodes: codes, publishedOn: input.publishedOn, createdAt: kernel.now(),
  });
  return { id };
}

const planView = (kernel: Kernel, r: { p: typeof import('./enforcement.tables').plans.$inferSelect; orgName: string }) => ({
  id: r.p.id, orgId: r.p.orgId, orgName: r.orgName, year: r.p.year, planNo: r.p.planNo, name: r.p.name, kind: r.p.kind,
  cap: r.p.cap ?? settingsOf(kernel).ENFORCEMENT_INSPECTION_CAP, capIsDefault: r.p.cap === null, firms: r.p.firmCodes.length, publishedOn: r.p.publishedOn,
});
export async function listPlans(tx: Tx, kernel: Kernel, actor: Actor, year?: number) {
  return (await repo.listPlans(tx, scopeWhere(actor, ['inspection.read', 'inspection.register'], repo.planScope), year)).map((r) => planView(kernel, r));
}
/** The caps published in advance: every org's plans of the year, for anyone (54号: 公布频次上限). */
export async function publicCaps(tx: Tx, kernel: Kernel, year: number) {
  return { defaultCap: settingsOf(kernel).ENFORCEMENT_INSPECTION_CAP, plans: (await repo.publicPlans(tx, siteDivisionCode(kernel), year)).map((r) => planView(kernel, r)) };
}

export async function registerInspection(tx: Tx, kernel: Kernel, actor: Actor, raw: InspectionInput) {
  const input = InspectionInput.parse(raw);
  const org = await actingOrg(tx, actor, 'inspection.register', input.orgId);
  const code = checkCreditCode(input.firmCode);
  if (!code.valid) throw field('firmCode', `统一社会信用代码不正确：${code.reason ?? ''}`);
  const firmCode = input.firmCode.normalize('NFKC').trim().toUpperCase();
  const today = kernel.today();
  if (input.visitOn < today) throw field('visitOn', '应当在进入企业检查之前登记（扫码入企），检查日期不能早于今天');
  const year = Number(input.visitOn.slice(0, 4));
  let cap = settingsOf(kernel).ENFORCEMENT_INSPECTION_CAP;
  let planId: string | null = null;
  if (input.kind === 'planned') {
    if (!input.planId) throw field('planId', '双随机计划检查应当选择检查计划');
    const plan = await repo.getPlan(tx, input.planId);
    if (!plan || plan.orgId !== org.id) throw field('planId', '检查计划不存在或不属于本机关');
    if (plan.year !== year) throw field('planId', `检查计划为${plan.year}年度，与检查日期不符`);
    if (plan.firmCodes.length && !plan.firmCodes.includes(firmCode)) throw field('firmCode', '该企业不在本计划随机抽取的检查对象名单中');
    cap = plan.cap ?? cap;
    planId = plan.id;
  } else if (!input.reason || input.reason.length < 2) throw field('reason', '个案检查应当说明检查事由（投诉举报、上级交办等）');
  const officers = await validOfficers(tx, input.officerIds, input.visitOn, org.id, '行政检查');
  const prior = await repo.visitsThisYear(tx, org.id, firmCode, year);
  const overCap = prior >= cap;
  await repo.upsertFirm(tx, { creditCode: firmCode, name: input.firmName, divisionCode: org.divisionCode, createdAt: kernel.now() });
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'inspection', title: `${input.firmName}：${input.purpose}`.slice(0, 200), orgId: org.id, divisionCode: org.divisionCode,
    applicantName: input.firmName, data: { firmCode, visitOn: input.visitOn, overCap }, idempotencyKey: input.idempotencyKey ?? null,
  });
  if (!created) {
    // The same form sent again: answer with the visit it registered the first time.
    const first = (await repo.getInspection(tx, row.id))!;
    return { id: row.id, refNo: row.refNo, token: first.token, cap: first.cap, priorVisits: first.priorVisits, overCap: first.overCap, warning: null, creditCodeWarning: code.warning ?? null };
  }
  const token = randomToken(18);
  await repo.insertInspection(tx, {
    caseId: row.id, orgId: org.id, divisionCode: org.divisionCode, firmCode, firmName: input.firmName, kind: input.kind, planId,
    purpose: input.reason ? `${input.purpose}（事由：${input.reason}）` : input.purpose, officers, visitOn: input.visitOn, token, cap, priorVisits: prior, overCap, createdAt: row.createdAt,
  });
  // 54号: above the published cap the visit is warned and waits for the head's approval.
  if (overCap) await transition(tx, kernel, SYSTEM_ACTOR, row.id, 'flagOverCap', {});
  return {
    id: row.id, refNo: row.refNo, token, cap, priorVisits: prior, overCap,
    warning: overCap ? `本机关${year}年已对该企业检查${prior}次，达到公布的年度频次上限${cap}次，本次检查须经本机关负责人批准后方可实施` : null,
    creditCodeWarning: code.warning ?? null,
  };
}

/** What must hold before an inspection event is taken, read before the compare-and-set so a refusal writes nothing. */
export const inspectionChecks: Record<string, (tx: Tx, ctx: TransitionCheckContext) => Promise<string | null>> = {
  // A result is recorded only for a visit whose day has come.
  async complete(tx, ctx) {
    const i = await repo.getInspection(tx, ctx.row.id);
    return i && ctx.today < i.visitOn ? `检查日期为${i.visitOn}，尚未实施，不能登记结果` : null;
  },
};

/** Domain writes of each inspection event, after the compare-and-set. */
export const inspectionHandlers: Record<string, (tx: Tx, ctx: TransitionContext) => Promise<void>> = {
  async complete(tx, ctx) {
    await repo.updateInspection(tx, ctx.row.id, { outcome: String(ctx.input.outcome), findings: String(ctx.input.findings), completedOn: ctx.today });
  },
};

export const visitPath = (token: string) => `/public/inspection/${token}`;

export async function presentInspection(tx: Tx, row: CaseRow) {
  const i = await repo.getInspection(tx, row.id);
  if (!i) return [];
  return [
    { label: '企业', value: `${i.firmName}（${i.firmCode}）` }, { label: '检查类型', value: INSPECTION_KIND_LABELS[i.kind] ?? i.kind },
    { label: '检查事项', value: i.purpose }, { label: '检查日期', value: i.visitOn },
    { label: '检查人员', value: i.officers.map((o) => `${o.name}（执法证号${o.credentialNo}）`).join('、') },
    { label: '年度检查频次', value: `本次为本机关本年度对该企业第${i.priorVisits + 1}次检查，公布上限${i.cap}次${i.overCap ? '（超过上限，须负责人批准）' : ''}` },
    ...(i.outcome ? [{ label: '检查结果', value: `${i.outcome}：${i.findings ?? ''}` }] : []),
    { label: '企业评价', value: i.rating ? `${RATING_LABELS[i.rating]}${i.ratingComment ? `：${i.ratingComment}` : ''}（匿名）` : '尚未评价' },
  ];
}

/** The visit for its staff page: the QR target and the rating (never who rated: nothing of that is kept). */
export async function inspectionFile(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'inspection');
  const i = await repo.getInspection(tx, id);
  if (!i) throw new AppError('NOT_FOUND');
  return {
    firmCode: i.firmCode, firmName: i.firmName, kind: i.kind, purpose: i.purpose, visitOn: i.visitOn, officers: i.officers, cap: i.cap, priorVisits: i.priorVisits,
    overCap: i.overCap, outcome: i.outcome, findings: i.findings, completedOn: i.completedOn, rating: i.rating, ratingComment: i.ratingComment, ratedOn: i.ratedOn,
    visitPath: visitPath(i.token),
  };
}
export async function qrTarget(tx: Tx, actor: Actor, id: string, origin: string) {
  await loadVisible(tx, actor, id, 'inspection');
  const i = await repo.getInspection(tx, id);
  if (!i) throw new AppError('NOT_FOUND');
  return { url: `${origin}${visitPath(i.token)}`, fileName: `检查码-${i.firmName}-${i.visitOn}` };
}

const STATE_FOR_FIRM: Record<string, string> = {
  registered: '已登记，检查人员可以入企检查', awaitingApproval: '超过年度检查频次上限，待执法机关负责人批准；批准前检查人员不得入企检查',
  completed: '检查已完成', refused: '负责人不予批准，本次检查不实施', cancelled: '本次检查已取消',
};
/** What the firm sees on its phone after scanning: who is inspecting, for what, and whether it may rate. */
export async function firmView(tx: Tx, token: string) {
  const r = await repo.inspectionByToken(tx, token);
  if (!r) throw new AppError('NOT_FOUND', '检查码无效或已失效');
  const i = r.i;
  return {
    refNo: r.refNo, orgName: r.orgName, firmName: i.firmName, kind: INSPECTION_KIND_LABELS[i.kind] ?? i.kind, purpose: i.purpose, visitOn: i.visitOn,
    officers: i.officers.map((o) => ({ name: o.name, credentialNo: o.credentialNo })),
    status: STATE_FOR_FIRM[r.state] ?? r.state, frequency: `本年度第${i.priorVisits + 1}次（公布上限${i.cap}次）`,
    canRate: !i.rating && ['registered', 'completed'].includes(r.state), rated: !!i.rating,
  };
}
/** An anonymous rating: nothing about the rater (account, address, device) is stored, and one per visit. */
export async function rate(tx: Tx, kernel: Kernel, token: string, raw: unknown) {
  const input = RatingInput.parse(raw);
  const r = await repo.inspectionByToken(tx, token);
  if (!r) throw new AppError('NOT_FOUND', '检查码无效或已失效');
  if (!['registered', 'completed'].includes(r.state)) throw new AppError('GUARD_FAILED', '本次检查未实施，不能评价');
  const ok = await repo.rateOnce(tx, r.i.caseId, input.score, input.comment?.trim() || null, kernel.today());
  if (!ok) throw new AppError('DUPLICATE', '本次检查已经评价过');
  return { rated: true };
}

/** The org's officers with a card valid on the day (the registration form's choices). */
export async function officerOptions(tx: Tx, kernel: Kernel, actor: Actor, orgId: string | undefined, on: string | undefined) {
  const org = await actingOrg(tx, actor, 'inspection.register', orgId).catch(() => actingOrg(tx, actor, 'penalty.handle', orgId));
  return officersOf(tx, org.id, on ?? kernel.today());
}

