import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel, loadVisible } from '../../../core/server';
import { ApplicationInput, TrackQuery } from '../shared/reconsideration.schema';
import { documentDocx, opinionDocx } from './reconsideration.docx';
import { OpinionInput } from '../shared/opinion.machine';
import { DOCUMENT_TITLES, type DocumentKind } from './reconsideration.service';
import * as svc from './reconsideration.service';

const tags = ['行政复议'];
const Filed = z.object({ id: z.string(), refNo: z.string(), created: z.boolean(), receivedOn: z.string(), procedure: z.string(), procedureReason: z.string(), warnings: z.array(z.string()) });
const Tracked = z.object({
  refNo: z.string(), state: z.string(), stateName: z.string(), respondent: z.string(), receivedOn: z.string(), request: z.string(), procedure: z.string(),
  acceptedOn: z.string().nullable(), correctionAsked: z.string().nullable(), outcome: z.string().nullable(), closedOn: z.string().nullable(),
  clocks: z.array(z.object({ label: z.string(), dueDate: z.string().nullable(), state: z.string(), derivation: z.string() })),
});
/** The substance the case page shows: application, challenged act, answer, outcome, the documents issued (labels in Chinese). */
const Substance = z.object({
  applicantKind: z.string(), channel: z.string(), receivedOn: z.string(), address: z.string().nullable(), respondent: z.string(),
  act: z.object({ description: z.string(), kind: z.string(), linked: z.boolean(), amountYuan: z.number().nullable(), knewOn: z.string() }),
  request: z.string(), factsAndReasons: z.string(), warnings: z.array(z.string()), procedure: z.string(), procedureReason: z.string(),
  correctionAsked: z.string().nullable(), supplied: z.string().nullable(), acceptedOn: z.string().nullable(), deemedAccepted: z.boolean(),
  copySentOn: z.string().nullable(), answer: z.string().nullable(), evidence: z.string().nullable(), answeredOn: z.string().nullable(), hearingOn: z.string().nullable(), headAttended: z.boolean().nullable(),
  outcome: z.string().nullable(), closedOn: z.string().nullable(), decisionFacts: z.string().nullable(), decisionReasoning: z.string().nullable(), outcomeNote: z.string().nullable(),
  documents: z.array(z.object({ kind: z.string(), title: z.string() })),
});
const Id = z.object({ id: z.uuid('案件编号格式不正确') });
const Opinion = z.object({
  id: z.string(), refNo: z.string(), kind: z.string(), addressee: z.string(), issuedOn: z.string(), problems: z.string(), suggestions: z.string(),
  stateName: z.string(), replyDue: z.string().nullable(), rectification: z.string().nullable(), repliedOn: z.string().nullable(),
});
/** A letter on its own page: the case (state, clock, actions) comes from the kernel's case view. */
const OpinionSubstance = z.object({
  kind: z.string(), addressee: z.string(), issuedOn: z.string(), problems: z.string(), suggestions: z.string(),
  rectification: z.string().nullable(), measures: z.string().nullable(), repliedOn: z.string().nullable(),
  reconsideration: z.object({ refNo: z.string(), id: z.string().nullable() }),
});
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DocKind = z.object({ kind: z.enum(Object.keys(DOCUMENT_TITLES) as [DocumentKind, ...DocumentKind[]], '文书类型不正确').meta({ title: '文书' }) });

export async function reconsiderationRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  app.get('/api/public/reconsideration/respondents', { config: { auth: 'none' }, schema: { tags, operationId: 'reconsiderationRespondents', summary: '可以被申请行政复议的行政机关', response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) } } },
    async () => db.tx((tx) => svc.respondents(tx, kernel)));
  // A signed-in citizen or firm files online (第22条); the bureau registers counter and letter
  // applications through the same route, recording the day it received them.
  app.post('/api/reconsiderations', { schema: { tags, operationId: 'fileReconsideration', summary: '提出（或登记）行政复议申请', body: ApplicationInput, response: { 200: Filed, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.file(tx, kernel, actorOf(req), req.body)));
  app.get('/api/public/reconsiderations/track', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'trackReconsideration', summary: '凭案件编号和电话后4位查询行政复议', querystring: TrackQuery, response: { 200: Tracked, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.track(tx, kernel, req.query.refNo, req.query.phone4)));
  app.post('/api/public/reconsiderations/supply', { config: { auth: 'none', guessable: true }, schema: { tags, operationId: 'supplyReconsideration', summary: '申请人提交补正材料（第31条）', body: TrackQuery.extend({ content: z.string().trim().min(2, '请填写补正的内容').max(3000) }), response: { 200: Tracked, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.supplyPublic(tx, kernel, req.body.refNo, req.body.phone4, req.body.content)));
  app.get('/api/reconsiderations/:id/substance', { schema: { tags, operationId: 'reconsiderationSubstance', summary: '行政复议案件的申请、被申请的行政行为、答复和决定', params: Id, response: { 200: Substance, ...errorResponses } } },
    async (req) => db.tx(async (tx) => {
      const row = await loadVisible(tx, actorOf(req), req.params.id, 'reconsideration');
      return svc.substance(tx, kernel, row.id);
    }));
  app.get('/api/reconsiderations/:id/document', { schema: { tags, operationId: 'reconsiderationDocument', summary: '下载行政复议文书（.docx，公文格式）', params: Id, querystring: DocKind } },
    async (req, reply) => {
      const { filename, buffer } = await db.tx(async (tx) => {
        const row = await loadVisible(tx, actorOf(req), req.params.id, 'reconsideration');
        return documentDocx(tx, kernel, row.id, req.query.kind);
      });
      return reply.header('content-type', docx)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(buffer);
    });
  // 第76条: the 意见书 / 建议书 issued on a case, and the letter itself as .docx.
  app.get('/api/reconsiderations/:id/opinions', { schema: { tags, operationId: 'reconsiderationOpinions', summary: '本案制发的行政复议意见书、建议书', params: Id, response: { 200: z.array(Opinion), ...errorResponses } } },
    async (req) => db.tx(async (tx) => {
      const row = await loadVisible(tx, actorOf(req), req.params.id, 'reconsideration');
      return svc.opinionsFor(tx, kernel, actorOf(req), row.id);
    }));
  app.post('/api/reconsiderations/:id/opinions', { schema: { tags, operationId: 'issueReconsiderationOpinion', summary: '制发行政复议意见书或建议书（第76条）', params: Id, body: OpinionInput, response: { 200: z.object({ id: z.string(), refNo: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.issueOpinion(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.get('/api/reconsideration-opinions/:id/substance', { schema: { tags, operationId: 'reconsiderationOpinionSubstance', summary: '行政复议意见书的内容、主送机关、纠正情况和所涉复议案件', params: Id, response: { 200: OpinionSubstance, ...errorResponses } } },
    async (req) => db.tx(async (tx) => svc.opinionSubstance(tx, actorOf(req), await loadVisible(tx, actorOf(req), req.params.id, 'reconsiderationOpinion'))));
  app.get('/api/reconsideration-opinions/:id/document', { schema: { tags, operationId: 'reconsiderationOpinionDocument', summary: '下载行政复议意见书（.docx，公文格式）', params: Id } },
    async (req, reply) => {
      const { filename, buffer } = await db.tx(async (tx) => {
        const row = await loadVisible(tx, actorOf(req), req.params.id, 'reconsiderationOpinion');
        return opinionDocx(tx, kernel, row.id);
      });
      return reply.header('content-type', docx)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(buffer);
    });
}
