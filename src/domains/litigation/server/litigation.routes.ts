import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel } from '../../../core/server';
import { SuitInput } from '../shared/litigation.machine';
import { AdviceInput } from '../shared/judicial-advice.machine';
import * as svc from './litigation.service';

const tags = ['行政应诉'];
const IdParam = z.object({ id: z.uuid('案件编号格式不正确') });
const Created = z.object({ id: z.string(), refNo: z.string() });
const s = z.string();
const n = s.nullable();
const SuitFile = z.object({
  court: s, courtCaseNo: s, plaintiff: s, cause: s, claims: s, challengedAct: s, reconsidered: z.boolean(), servedOn: s, answeredOn: n, agents: n,
  appealedBy: n, secondCourt: n, secondCaseNo: n, finalOutcome: n, closedOn: n,
  counsel: z.object({ id: s, name: s, firmName: s }).nullable(),
  hearings: z.array(z.object({ id: s, instance: z.number(), heldOn: s, appearance: s, headName: n, staffNames: n, absenceReason: n, spoke: z.boolean().nullable() })),
  decisions: z.array(z.object({ id: s, instance: z.number(), kind: s, outcome: s, decidedOn: s, servedOn: n, summary: n })),
  advice: z.array(z.object({ id: s, refNo: s, court: s, adviceNo: s, receivedOn: s, content: s, stateName: s, reply: n, repliedOn: n })),
});

export async function litigationRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.post('/api/litigations', { schema: { tags, operationId: 'registerLitigation', summary: '登记行政应诉案件（收到起诉状副本）', body: SuitInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.register(tx, kernel, actorOf(req), req.body)));
  app.get('/api/litigations/:id/file', { schema: { tags, operationId: 'litigationFile', summary: '应诉案件卷宗：法院、案号、原告、开庭和出庭情况、裁判、司法建议', params: IdParam, response: { 200: SuitFile, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.suitFile(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/litigations/:id/counsel-options', { schema: { tags, operationId: 'litigationCounselOptions', summary: '可委托代理的法律顾问（在聘期内服务被告机关或司法局）', params: IdParam, response: { 200: z.array(z.object({ id: s, name: s, firmName: s })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.counselOptions(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/litigations/:id/judicial-advice', { schema: { tags, operationId: 'receiveJudicialAdvice', summary: '登记收到的司法建议', params: IdParam, body: AdviceInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.receiveAdvice(tx, kernel, actorOf(req), req.params.id, req.body)));
}
