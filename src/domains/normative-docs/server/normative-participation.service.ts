/**
 * The draft put out for comment by passage, citizens' comments on one passage each, the drafting unit's
 * answer to every comment and the published account of adoption (优化营商环境条例 第62条: feedback on
 * adoption); and post-evaluation (后评估) records of documents in force.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { type Actor, can, type Kernel, loadVisible, type Tx } from '../../../core/server';
import { ADOPTION, commentPeriodRefusal, splitPassages, type Adoption, type CommentResponseInput, type DraftTextInput, type EvaluationInput, type PublicCommentInput } from '../shared/normative-participation';
import * as repo from './normative-docs.repository';

type In<T extends z.ZodType> = z.infer<T>;
const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });

async function ownDraft(tx: Tx, actor: Actor, id: string, permission = 'normativeDoc.draft') {
  const row = await loadVisible(tx, actor, id, 'normativeDoc');
  if (!can(actor, permission, row)) throw new AppError('FORBIDDEN');
  const doc = await repo.get(tx, id);
  if (!doc) throw new AppError('NOT_FOUND');
  return { row, doc };
}

export async function setDraftText(tx: Tx, kernel: Kernel, actor: Actor, id: string, input: In<typeof DraftTextInput>) {
  const { row, doc } = await ownDraft(tx, actor, id);
  if (row.state !== 'draft') throw new AppError('TRANSITION_NOT_ALLOWED', '只有起草阶段的文件可以公开征求意见');
  if (input.to < input.from) throw field('to', '截止日期不能早于开始日期');
  const refusal = commentPeriodRefusal(input.from, input.to, doc.affectsMarket);
  if (refusal) throw new AppError('GUARD_FAILED', refusal);
  if ((await repo.commentStats(tx, id)).total > 0) throw new AppError('CONFLICT', '已收到公众意见，不能再更换征求意见稿');
  const passages = splitPassages(input.text);
  if (passages.length > 300) throw field('text', '征求意见稿不能超过300条（段）');
  await repo.replacePassages(tx, id, passages);
  await repo.update(tx, id, { commentFrom: input.from, commentTo: input.to, adoptionPublishedOn: null });
  return { passages: passages.length };
}

const openState = (doc: repo.DocRow, today: string) => (!doc.commentFrom || !doc.commentTo ? 'none' : today < doc.commentFrom ? 'notYet' : today > doc.commentTo ? 'closed' : 'open');

async function publicDoc(tx: Tx, id: string) {
  if (!z.uuid().safeParse(id).success) throw new AppError('NOT_FOUND');
  const doc = await repo.get(tx, id);
  if (!doc?.commentFrom) throw new AppError('NOT_FOUND', '该文件没有公开征求意见');
  return doc;
}

export async function consultations(tx: Tx, kernel: Kernel, divisionCode: string) {
  const today = kernel.today();
  return (await repo.consultations(tx, divisionCode)).map((r) => ({
    id: r.d.caseId, title: r.title, orgName: r.orgName, from: r.d.commentFrom!, to: r.d.commentTo!, open: openState(r.d, today) === 'open',
    comments: r.comments, adoptionPublishedOn: r.d.adoptionPublishedOn,
  }));
}

/** The draft by passage; once published, every comment with how it was treated. */
export async function publicDraft(tx: Tx, kernel: Kernel, id: string) {
  const doc = await publicDoc(tx, id);
  const title = await repo.consultation(tx, id);
  const passages = await repo.passages(tx, id);
  const comments = await repo.comments(tx, id);
  const label = new Map(passages.map((p) => [p.no, p.label]));
  const perPassage = new Map<number, number>();
  for (const c of comments) perPassage.set(c.passageNo, (perPassage.get(c.passageNo) ?? 0) + 1);
  return {
    id, title: title?.title ?? '', orgName: title?.orgName ?? '', from: doc.commentFrom!, to: doc.commentTo!, open: openState(doc, kernel.today()) === 'open',
    passages: passages.map((p) => ({ no: p.no, label: p.label, text: p.text, comments: perPassage.get(p.no) ?? 0 })),
    adoption: doc.adoptionPublishedOn ? {
      publishedOn: doc.adoptionPublishedOn,
      counts: Object.fromEntries(Object.keys(ADOPTION).map((k) => [k, comments.filter((c) => c.adoption === k).length])) as Record<Adoption, number>,
      items: comments.map((c) => ({ passageNo: c.passageNo, passageLabel: label.get(c.passageNo) ?? '', content: c.content, adoption: ADOPTION[c.adoption as Adoption] ?? '', reason: c.reason })),
    } : null,
  };
}

export async function submitPublicComment(tx: Tx, kernel: Kernel, id: string, input: In<typeof PublicCommentInput>) {
  const doc = await publicDoc(tx, id);
  const state = openState(doc, kernel.today());
  if (state === 'notYet') throw new AppError('GUARD_FAILED', `征求意见自${doc.commentFrom}开始，尚未开始接收意见`);
  if (state === 'closed') throw new AppError('GUARD_FAILED', `征求意见已于${doc.commentTo}截止，不再接收意见`);
  if (!(await repo.passages(tx, id)).some((p) => p.no === input.passageNo)) throw field('passageNo', '所评论的条款不存在');
  const commentId = randomUUID();
  await repo.insertComment(tx, { id: commentId, caseId: id, passageNo: input.passageNo, content: input.content, authorName: input.name || null, submittedAt: kernel.now(), divisionCode: doc.divisionCode });
  return { id: commentId };
}

export async function staffComments(tx: Tx, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'normativeDoc');
  const doc = await repo.get(tx, id);
  const label = new Map((await repo.passages(tx, id)).map((p) => [p.no, p.label]));
  return {
    from: doc?.commentFrom ?? null, to: doc?.commentTo ?? null, adoptionPublishedOn: doc?.adoptionPublishedOn ?? null,
    items: (await repo.comments(tx, id)).map((c) => ({ id: c.id, passageNo: c.passageNo, passageLabel: label.get(c.passageNo) ?? '', content: c.content, authorName: c.authorName, submittedAt: c.submittedAt.toISOString(), adoption: c.adoption, reason: c.reason })),
  };
}

export async function respondToComment(tx: Tx, kernel: Kernel, actor: Actor, id: string, commentId: string, input: In<typeof CommentResponseInput>) {
  const { doc } = await ownDraft(tx, actor, id);
  if (doc.adoptionPublishedOn) throw new AppError('CONFLICT', `采纳情况已于${doc.adoptionPublishedOn}公布，不能再修改`);
  if (!z.uuid().safeParse(commentId).success || !(await repo.getComment(tx, id, commentId))) throw new AppError('NOT_FOUND', '意见不存在');
  if (input.adoption !== 'adopted' && !input.reason) throw field('reason', '部分采纳或不予采纳的，应当说明理由');
  await repo.respond(tx, commentId, { adoption: input.adoption, reason: input.reason ?? null, respondedOn: kernel.today() });
  return { ok: true as const };
}

export async function publishAdoption(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const { doc } = await ownDraft(tx, actor, id);
  if (!doc.commentTo) throw new AppError('GUARD_FAILED', '该文件没有公开征求意见');
  if (doc.adoptionPublishedOn) throw new AppError('CONFLICT', `采纳情况已于${doc.adoptionPublishedOn}公布`);
  if (kernel.today() <= doc.commentTo) throw new AppError('GUARD_FAILED', `征求意见${doc.commentTo}截止后才能公布采纳情况`);
  const { open } = await repo.commentStats(tx, id);
  if (open > 0) throw new AppError('GUARD_FAILED', `尚有${open}条意见未作出采纳决定，不能公布采纳情况`);
  await repo.update(tx, id, { adoptionPublishedOn: kernel.today() });
  return { publishedOn: kernel.today() };
}

export async function addEvaluation(tx: Tx, kernel: Kernel, actor: Actor, id: string, input: In<typeof EvaluationInput>) {
  const { row, doc } = await ownDraft(tx, actor, id, 'normativeDoc.evaluate');
  if (row.state !== 'inForce') throw new AppError('GUARD_FAILED', '只能对现行有效的规范性文件开展后评估');
  if (input.completedOn > kernel.today()) throw field('completedOn', '完成日期不能晚于今天');
  if (doc.publishedOn && input.completedOn < doc.publishedOn) throw field('completedOn', '完成日期不能早于文件公布日期');
  const evalId = randomUUID();
  await repo.insertEvaluation(tx, { id: evalId, caseId: id, ...input, divisionCode: doc.divisionCode, createdAt: kernel.now() });
  return { id: evalId };
}

export async function evaluations(tx: Tx, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'normativeDoc');
  return (await repo.evaluations(tx, id)).map((e) => ({ id: e.id, evaluators: e.evaluators, method: e.method, findings: e.findings, conclusion: e.conclusion, completedOn: e.completedOn }));
}

export const publicEvaluations = async (tx: Tx, divisionCode: string) =>
  (await repo.publicEvaluations(tx, divisionCode)).map((r) => ({ title: r.title, docNo: r.docNo, evaluators: r.e.evaluators, findings: r.e.findings, conclusion: r.e.conclusion, completedOn: r.e.completedOn }));
