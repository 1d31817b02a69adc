import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { actorOf, type Kernel, siteDivisionCode } from '../../../core/server';
import { NormativeDocInput } from '../shared/normative-doc.machine';
import { CommentResponseInput, DraftTextInput, EvaluationInput, PublicCommentInput } from '../shared/normative-participation';
import * as svc from './normative-docs.service';
import * as part from './normative-participation.service';

const tags = ['行政规范性文件'];
const IdParam = z.object({ id: z.string() });
const Passage = z.object({ no: z.number(), label: z.string(), text: z.string(), comments: z.number() });
const PublicDraft = z.object({
  id: z.string(), title: z.string(), orgName: z.string(), from: z.string(), to: z.string(), open: z.boolean(), passages: z.array(Passage),
  adoption: z.object({ publishedOn: z.string(), counts: z.object({ adopted: z.number(), partly: z.number(), notAdopted: z.number() }),
    items: z.array(z.object({ passageNo: z.number(), passageLabel: z.string(), content: z.string(), adoption: z.string(), reason: z.string().nullable() })) }).nullable(),
});
const StaffComments = z.object({ from: z.string().nullable(), to: z.string().nullable(), adoptionPublishedOn: z.string().nullable(), items: z.array(z.object({
  id: z.string(), passageNo: z.number(), passageLabel: z.string(), content: z.string(), authorName: z.string().nullable(), submittedAt: z.string(), adoption: z.string().nullable(), reason: z.string().nullable(),
})) });
const Evaluation = z.object({ id: z.string(), evaluators: z.string(), method: z.string(), findings: z.string(), conclusion: z.string(), completedOn: z.string() });
const Entry = z.object({ id: z.string(), title: z.string(), docNo: z.string().nullable(), orgName: z.string(), publishedOn: z.string().nullable(), validUntil: z.string().nullable(), endedOn: z.string().nullable() });

export async function normativeDocRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.post('/api/normative-docs', { schema: { tags, operationId: 'draftNormativeDoc', summary: '起草规范性文件', body: NormativeDocInput, response: { 200: z.object({ id: z.string(), refNo: z.string() }), ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const orgId = actor.grants.find((g) => g.permissions.has('normativeDoc.draft'))?.orgId;
      if (!orgId) throw new AppError('FORBIDDEN');
      return db.tx((tx) => svc.draft(tx, kernel, actor, orgId, req.body));
    });
  app.get('/api/public/normative-docs', { config: { auth: 'none' }, schema: { tags, operationId: 'publicNormativeDocs', summary: '现行有效规范性文件目录和清理结果', response: { 200: z.object({
    inForce: z.array(Entry), ended: z.array(Entry.extend({ stateName: z.string() })),
    cleanups: z.array(z.object({ campaign: z.string(), items: z.array(z.object({ title: z.string(), docNo: z.string().nullable(), outcome: z.string(), reason: z.string().nullable(), decidedOn: z.string() })) })),
    evaluations: z.array(z.object({ title: z.string(), docNo: z.string().nullable(), evaluators: z.string(), findings: z.string(), conclusion: z.string(), completedOn: z.string() })),
  }) } } },
    async () => db.tx(async (tx) => { const code = siteDivisionCode(kernel); return { ...(await svc.publicLists(tx, code)), evaluations: await part.publicEvaluations(tx, code) }; }));

  // 公开征求意见 by passage and the published account of adoption.
  app.put('/api/normative-docs/:id/draft-text', { schema: { tags, operationId: 'setNormativeDraftText', summary: '发布征求意见稿（按条款）并设定征求意见期限', params: IdParam, body: DraftTextInput, response: { 200: z.object({ passages: z.number() }), ...errorResponses } } },
    async (req) => db.tx((tx) => part.setDraftText(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.get('/api/normative-docs/:id/comments', { schema: { tags, operationId: 'normativeDocComments', summary: '公众意见及采纳情况', params: IdParam, response: { 200: StaffComments, ...errorResponses } } },
    async (req) => db.tx((tx) => part.staffComments(tx, actorOf(req), req.params.id)));
  app.post('/api/normative-docs/:id/comments/:commentId/response', { schema: { tags, operationId: 'respondNormativeComment', summary: '对公众意见作出采纳决定', params: z.object({ id: z.string(), commentId: z.string() }), body: CommentResponseInput, response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses } } },
    async (req) => db.tx((tx) => part.respondToComment(tx, kernel, actorOf(req), req.params.id, req.params.commentId, req.body)));
  app.post('/api/normative-docs/:id/adoption/publish', { schema: { tags, operationId: 'publishNormativeAdoption', summary: '公布意见采纳情况', params: IdParam, response: { 200: z.object({ publishedOn: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => part.publishAdoption(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/public/normative-docs/consultations', { config: { auth: 'none' }, schema: { tags, operationId: 'publicNormativeConsultations', summary: '规范性文件征求意见（公开）', response: { 200: z.array(z.object({ id: z.string(), title: z.string(), orgName: z.string(), from: z.string(), to: z.string(), open: z.boolean(), comments: z.number(), adoptionPublishedOn: z.string().nullable() })), ...errorResponses } } },
    async () => db.tx(async (tx) => part.consultations(tx, kernel, siteDivisionCode(kernel))));
  app.get('/api/public/normative-docs/:id/draft', { config: { auth: 'none' }, schema: { tags, operationId: 'publicNormativeDraft', summary: '征求意见稿（按条款）和采纳情况', params: IdParam, response: { 200: PublicDraft, ...errorResponses } } },
    async (req) => db.tx((tx) => part.publicDraft(tx, kernel, req.params.id)));
  app.post('/api/public/normative-docs/:id/comments', { config: { auth: 'none' }, schema: { tags, operationId: 'submitNormativeComment', summary: '对征求意见稿的某一条款提出意见', params: IdParam, body: PublicCommentInput, response: { 200: z.object({ id: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => part.submitPublicComment(tx, kernel, req.params.id, req.body)));

  // 后评估
  app.post('/api/normative-docs/:id/evaluations', { schema: { tags, operationId: 'addNormativeEvaluation', summary: '登记后评估', params: IdParam, body: EvaluationInput, response: { 200: z.object({ id: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => part.addEvaluation(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.get('/api/normative-docs/:id/evaluations', { schema: { tags, operationId: 'normativeEvaluations', summary: '后评估记录', params: IdParam, response: { 200: z.array(Evaluation), ...errorResponses } } },
    async (req) => db.tx((tx) => part.evaluations(tx, actorOf(req), req.params.id)));
}
