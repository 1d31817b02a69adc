import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, Page, paged } from '../../../core/shared/schemas';
import { AppError } from '../../../core/shared/errors';
import { actorOf, type Kernel, loadVisible } from '../../../core/server';
import { AppointmentInput, ContractReviewInput, FirmInput, LawyerInput, WORK_KINDS, WorkInput } from '../shared/contract-review.machine';
import * as svc from './legal-affairs.service';

const tags = ['合同审查和法律顾问'];
const Created = z.object({ id: z.string() });
const IdParam = z.object({ id: z.string() });
const Opinion = z.object({
  docKind: z.string(), counterparty: z.string().nullable(), amountYuan: z.number().nullable(), summary: z.string(), submittedOn: z.string(),
  counselId: z.string().nullable(), reviewerName: z.string().nullable(), opinionOn: z.string().nullable(), conclusion: z.string().nullable(), opinionSummary: z.string().nullable(),
  comments: z.array(z.object({ seq: z.number(), clause: z.string(), problem: z.string(), suggestion: z.string() })),
});
const WorkCounts = z.object(Object.fromEntries(Object.keys(WORK_KINDS).map((k) => [k, z.number()])) as Record<keyof typeof WORK_KINDS, z.ZodNumber>);
const Pool = z.object({
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  firms: z.array(z.object({ id: z.string(), name: z.string(), creditCode: z.string().nullable(), lawyers: z.array(z.object({
    id: z.string(), name: z.string(), licenceNo: z.string(), active: z.boolean(),
    appointments: z.array(z.object({ id: z.string(), orgId: z.string(), orgName: z.string(), from: z.string(), to: z.string() })), work: WorkCounts,
  })) })),
});
const WorkQuery = Page.extend({
  from: z.iso.date('日期格式应为YYYY-MM-DD'), to: z.iso.date('日期格式应为YYYY-MM-DD'),
  lawyerId: z.uuid('律师编号格式不正确').optional(), orgId: z.uuid('单位编号格式不正确').optional(), kind: z.enum(Object.keys(WORK_KINDS) as [string, ...string[]], '工作类型不正确').optional(),
});
const WorkItem = z.object({ id: z.string(), on: z.string(), kind: z.string(), kindName: z.string(), subject: z.string(), lawyerName: z.string(), firmName: z.string(), orgName: z.string(), caseId: z.string().nullable(), refNo: z.string().nullable(), source: z.string() });

export async function legalAffairsRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.post('/api/contract-reviews', { schema: { tags, operationId: 'submitContractReview', summary: '送审合同、协议等文件', body: ContractReviewInput, response: { 200: z.object({ id: z.string(), refNo: z.string() }), ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const orgId = actor.grants.find((g) => g.permissions.has('contractReview.submit'))?.orgId;
      if (!orgId) throw new AppError('FORBIDDEN', '您没有送审合同的权限');
      return db.tx((tx) => svc.submit(tx, kernel, actor, orgId, req.body));
    });
  app.get('/api/contract-reviews/:id/opinion', { schema: { tags, operationId: 'contractReviewOpinion', summary: '送审材料、审查人和逐条审查意见', params: IdParam, response: { 200: Opinion, ...errorResponses } } },
    async (req) => db.tx(async (tx) => { await loadVisible(tx, actorOf(req), req.params.id, 'contractReview'); return svc.opinion(tx, req.params.id); }));

  app.get('/api/legal-counsel/pool', { schema: { tags, operationId: 'counselPool', summary: '法律顾问库：律师事务所、律师、服务单位和年度工作量', querystring: z.object({ year: z.coerce.number().int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确') }), response: { 200: Pool, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.pool(tx, actorOf(req), req.query.year)));
  app.get('/api/legal-counsel/work', { schema: { tags, operationId: 'counselWork', summary: '法律顾问工作记录', querystring: WorkQuery, response: { 200: paged(WorkItem), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.work(tx, actorOf(req), req.query)));
  app.post('/api/legal-counsel/firms', { schema: { tags, operationId: 'addCounselFirm', summary: '登记律师事务所', body: FirmInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.addFirm(tx, kernel, actorOf(req), req.body)));
  app.post('/api/legal-counsel/lawyers', { schema: { tags, operationId: 'addCounselLawyer', summary: '登记律师', body: LawyerInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.addLawyer(tx, kernel, actorOf(req), req.body)));
  app.post('/api/legal-counsel/appointments', { schema: { tags, operationId: 'addCounselAppointment', summary: '登记聘任（服务单位和聘期）', body: AppointmentInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.appoint(tx, kernel, actorOf(req), req.body)));
  app.post('/api/legal-counsel/work', { schema: { tags, operationId: 'addCounselWork', summary: '录入法律顾问工作记录', body: WorkInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.recordWork(tx, kernel, actorOf(req), req.body)));
}
