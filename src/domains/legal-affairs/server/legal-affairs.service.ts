/**
 * 合同合法性审查 and the 法律顾问 pool. The machine holds the procedure; this file checks what a schema
 * cannot (an assigned counsel must be appointed to serve the agency), keeps the review row and its
 * comments the metrics count, and writes a counsel's work record when a review assigned to them ends
 * in an opinion.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { type Actor, can, createCase, domainConfig, type Kernel, tenancy, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { legalAffairsSettings } from './legal-affairs.config';
import { DOC_KINDS, WORK_KINDS, type AppointmentInput, type ContractReviewInput, type FirmInput, type LawyerInput, type WorkInput } from '../shared/contract-review.machine';
import * as repo from './legal-affairs.repository';

/** Local rule (legal-affairs.config.ts: CONTRACT_REVIEW_WORKDAYS, default 5). */
export const contractReviewConfig = (kernel: Kernel) => ({ reviewDays: domainConfig(kernel, legalAffairsSettings).CONTRACT_REVIEW_WORKDAYS });

export async function submit(tx: Tx, kernel: Kernel, actor: Actor, orgId: string, input: ContractReviewInput) {
  const org = await tenancy.getOrg(tx, orgId);
  if (!org || !can(actor, 'contractReview.submit', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '只能为本单位送审合同等文件');
  const { row } = await createCase(tx, kernel, actor, {
    type: 'contractReview', title: input.title, orgId: org.id, divisionCode: org.divisionCode, applicantName: org.name,
    data: { docKind: input.docKind, reviewDays: contractReviewConfig(kernel).reviewDays },
  });
  await repo.insertReview(tx, {
    caseId: row.id, orgId: org.id, divisionCode: org.divisionCode, docKind: input.docKind, counterparty: input.counterparty ?? null,
    amountYuan: input.amountYuan ?? null, summary: input.summary, submittedOn: kernel.today(), createdAt: row.createdAt,
  });
  return { id: row.id, refNo: row.refNo };
}

/** Orgs whose appointed counsel may review this case: the sending agency, and the reviewer's own bureau. */
const counselOrgs = (actor: Actor, review: repo.ReviewRow) =>
  [review.orgId, ...actor.grants.filter((g) => g.permissions.has('contractReview.review') && g.orgId).map((g) => g.orgId!)];


/**
 * What must hold before a review event is taken: an assigned counsel exists, is active and is appointed to
 * the sending agency or the bureau on the day. Read before the compare-and-set, so a refusal writes nothing.
 */
export const reviewChecks: Record<string, TransitionCheck> = {
  async accept(tx, ctx) {
    const review = await repo.getReview(tx, ctx.row.id);
    if (!review || !ctx.input.counselId) return null;
    const lawyer = await repo.getLawyer(tx, String(ctx.input.counselId));
    if (!lawyer || !lawyer.active) throw new AppError('VALIDATION', '所选法律顾问不存在或已停用', { fields: [{ path: 'counselId', message: '所选法律顾问不存在或已停用' }] });
    return (await repo.appointedFor(tx, lawyer.id, counselOrgs(ctx.actor, review), ctx.today))
      ? null : `${lawyer.name}律师在${ctx.today}不在送审单位或司法局的法律顾问聘期内，不能指派其审查`;
  },
};

/** Domain writes of each review event, in its transaction, after the compare-and-set. */
export const reviewHandlers: Record<string, TransitionHandler> = {
  async accept(tx, ctx) {
    if (!(await repo.getReview(tx, ctx.row.id))) return;
    if (!ctx.input.counselId) { await repo.updateReview(tx, ctx.row.id, { counselId: null, reviewerName: ctx.actor.name }); return; }
    // The counsel's appointment was checked before the compare-and-set (reviewChecks.accept).
    const lawyer = (await repo.getLawyer(tx, String(ctx.input.counselId)))!;
    const firm = await repo.getFirm(tx, lawyer.firmId);
    const name = `${lawyer.name}（${firm?.name ?? ''}，法律顾问）`;
    await repo.updateReview(tx, ctx.row.id, { counselId: lawyer.id, reviewerName: name });
  },
  async issueOpinion(tx, ctx) {
    const review = await repo.getReview(tx, ctx.row.id);
    if (!review) return;
    const i = ctx.input;
    const list = (i.comments ?? []) as { clause: string; problem: string; suggestion: string }[];
    await repo.insertComments(tx, list.map((c, k) => ({ id: randomUUID(), caseId: ctx.row.id, seq: k + 1, clause: c.clause, problem: c.problem, suggestion: c.suggestion, divisionCode: review.divisionCode })));
    await repo.updateReview(tx, ctx.row.id, { opinionOn: ctx.today, conclusion: String(i.conclusion), opinionSummary: String(i.summary), commentCount: list.length });
    // A review the bureau assigned to a counsel is that counsel's work: recorded once, with the case.
    if (review.counselId) {
      await repo.insertWork(tx, { id: randomUUID(), lawyerId: review.counselId, orgId: review.orgId, kind: 'review', on: ctx.today, subject: `审查《${ctx.row.title}》，提出意见${list.length}条`, caseId: ctx.row.id, divisionCode: review.divisionCode, createdAt: ctx.at });
    }
  },
};

const yuan = (n: number) => `${n.toLocaleString('zh-CN')}元`;
export async function presentReview(tx: Tx, id: string) {
  const r = await repo.getReview(tx, id);
  if (!r) return [];
  return [
    { label: '文件类型', value: DOC_KINDS[r.docKind as keyof typeof DOC_KINDS] ?? r.docKind },
    ...(r.counterparty ? [{ label: '合同相对方', value: r.counterparty }] : []),
    ...(r.amountYuan !== null ? [{ label: '合同金额', value: yuan(r.amountYuan) }] : []),
    { label: '主要内容', value: r.summary },
    { label: '送审日期', value: r.submittedOn },
    { label: '审查人', value: r.reviewerName ?? '尚未确定' },
    { label: '审查结论', value: r.conclusion ? `${r.conclusion}（${r.opinionOn}，意见${r.commentCount}条）` : '尚未出具' },
  ];
}

/** The review with its opinion and numbered comments, for the reviewer's page. */
export async function opinion(tx: Tx, id: string) {
  const r = await repo.getReview(tx, id);
  if (!r) throw new AppError('NOT_FOUND');
  return {
    docKind: DOC_KINDS[r.docKind as keyof typeof DOC_KINDS] ?? r.docKind, counterparty: r.counterparty, amountYuan: r.amountYuan, summary: r.summary,
    submittedOn: r.submittedOn, counselId: r.counselId, reviewerName: r.reviewerName, opinionOn: r.opinionOn, conclusion: r.conclusion, opinionSummary: r.opinionSummary,
    comments: (await repo.comments(tx, id)).map((c) => ({ seq: c.seq, clause: c.clause, problem: c.problem, suggestion: c.suggestion })),
  };
}

// ---- counsel pool ----

/** The division whose pool the actor manages (or reads): that of their grant carrying the permission. */
function poolDivision(actor: Actor, permission: string) {
  const g = actor.grants.find((x) => x.permissions.has(permission));
  if (!g?.divisionCode) throw new AppError('FORBIDDEN', permission === 'legalCounsel.manage' ? '您没有管理法律顾问的权限' : '您没有查看法律顾问的权限');
  return g.divisionCode;
}

export async function addFirm(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof FirmInput>) {
  const divisionCode = poolDivision(actor, 'legalCounsel.manage');
  const id = randomUUID();
  await repo.insertFirm(tx, { id, name: input.name, creditCode: input.creditCode ?? null, divisionCode, createdAt: kernel.now() });
  return { id };
}

export async function addLawyer(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof LawyerInput>) {
  const divisionCode = poolDivision(actor, 'legalCounsel.manage');
  const firm = await repo.getFirm(tx, input.firmId);
  if (!firm || firm.divisionCode !== divisionCode) throw new AppError('VALIDATION', '律师事务所不存在', { fields: [{ path: 'firmId', message: '律师事务所不存在' }] });
  const id = randomUUID();
  await repo.insertLawyer(tx, { id, firmId: firm.id, name: input.name, licenceNo: input.licenceNo, divisionCode, createdAt: kernel.now() });
  return { id };
}

async function lawyerAndOrg(tx: Tx, divisionCode: string, lawyerId: string, orgId: string) {
  const lawyer = await repo.getLawyer(tx, lawyerId);
  if (!lawyer || lawyer.divisionCode !== divisionCode) throw new AppError('VALIDATION', '律师不存在', { fields: [{ path: 'lawyerId', message: '律师不存在' }] });
  const org = await tenancy.getOrg(tx, orgId);
  if (!org || !org.divisionCode.startsWith(divisionCode.slice(0, 6))) throw new AppError('VALIDATION', '服务单位不存在', { fields: [{ path: 'orgId', message: '服务单位不存在' }] });
  return { lawyer, org };
}

export async function appoint(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof AppointmentInput>) {
  const divisionCode = poolDivision(actor, 'legalCounsel.manage');
  if (input.to < input.from) throw new AppError('VALIDATION', '聘期结束日期不能早于开始日期', { fields: [{ path: 'to', message: '聘期结束日期不能早于开始日期' }] });
  const { lawyer, org } = await lawyerAndOrg(tx, divisionCode, input.lawyerId, input.orgId);
  const id = randomUUID();
  await repo.insertAppointment(tx, { id, lawyerId: lawyer.id, orgId: org.id, fromDate: input.from, toDate: input.to, divisionCode, createdAt: kernel.now() });
  return { id };
}

export async function recordWork(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof WorkInput>) {
  const divisionCode = poolDivision(actor, 'legalCounsel.manage');
  const { lawyer, org } = await lawyerAndOrg(tx, divisionCode, input.lawyerId, input.orgId);
  if (input.on > kernel.today()) throw new AppError('VALIDATION', '工作日期不能晚于今天', { fields: [{ path: 'on', message: '工作日期不能晚于今天' }] });
  if (!(await repo.appointedFor(tx, lawyer.id, [org.id], input.on))) throw new AppError('GUARD_FAILED', `${lawyer.name}律师在${input.on}不在${org.name}的法律顾问聘期内`);
  const id = randomUUID();
  await repo.insertWork(tx, { id, lawyerId: lawyer.id, orgId: org.id, kind: input.kind, on: input.on, subject: input.subject, caseId: null, divisionCode: org.divisionCode, createdAt: kernel.now() });
  return { id };
}

/** Firms, their lawyers with the agencies each serves and their work counts in the year; the agencies to pick from. */
export async function pool(tx: Tx, actor: Actor, year: number) {
  const divisionCode = poolDivision(actor, 'legalCounsel.read');
  const [firms, lawyers, appts, counts] = [await repo.firms(tx, divisionCode), await repo.lawyers(tx, divisionCode), await repo.appointments(tx, divisionCode), await repo.workCounts(tx, divisionCode, `${year}-01-01`, `${year}-12-31`)];
  const agencies = (await tenancy.listOrgs(tx, divisionCode.slice(0, 6))).map((o) => o.org).filter((o) => o.kind === 'government' || o.kind === 'department').map((o) => ({ id: o.id, name: o.name }));
  return {
    agencies,
    firms: firms.map((f) => ({
      id: f.id, name: f.name, creditCode: f.creditCode,
      lawyers: lawyers.filter((l) => l.firmId === f.id).map((l) => ({
        id: l.id, name: l.name, licenceNo: l.licenceNo, active: l.active,
        appointments: appts.filter((a) => a.a.lawyerId === l.id).map((a) => ({ id: a.a.id, orgId: a.a.orgId, orgName: a.orgName, from: a.a.fromDate, to: a.a.toDate })),
        work: Object.fromEntries(Object.keys(WORK_KINDS).map((k) => [k, counts.find((c) => c.lawyerId === l.id && c.kind === k)?.n ?? 0])) as Record<keyof typeof WORK_KINDS, number>,
      })),
    })),
  };
}

export async function work(tx: Tx, actor: Actor, q: Omit<repo.WorkQuery, 'divisionCode'>) {
  const divisionCode = poolDivision(actor, 'legalCounsel.read');
  if (q.to < q.from) throw new AppError('VALIDATION', '结束日期不能早于开始日期');
  const r = await repo.workRecords(tx, { ...q, divisionCode });
  return {
    total: r.total,
    items: r.items.map((x) => ({ id: x.w.id, on: x.w.on, kind: x.w.kind, kindName: WORK_KINDS[x.w.kind as keyof typeof WORK_KINDS] ?? x.w.kind, subject: x.w.subject, lawyerName: x.lawyerName, firmName: x.firmName, orgName: x.orgName, caseId: x.w.caseId, refNo: x.refNo, source: x.w.caseId ? '合同审查自动登记' : '录入' })),
  };
}
