/**
 * 免申即享 routes. Staff under /api/benefits (and the policy case's own /api/benefit-policies/:id/…);
 * the firm's side under /api/public/benefits (signed in with the citizen/enterprise account); the
 * 公示 list is public (auth: none). Policy and objection events are the kernel's generated routes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel } from '../../../core/server';
import {
  ConfirmInput, ImportInput, ImportResult, ObjectInput, PayoutInput, PayoutView, PlatformPullInput, PolicyDetail, PolicyInput, PublicityItem, ReconcileInput,
  ResultItem, SandboxInput, SandboxResult, ScanInput, ScanView, SubjectFacts, VersionView,
} from '../shared/benefits.schema';
import * as svc from './benefits.service';

const tags = ['惠企政策免申即享'];
const IdParam = z.object({ id: z.uuid('编号格式不正确') });
const Created = z.object({ id: z.string(), refNo: z.string() });
const Ok = z.object({ ok: z.boolean() });
const ResultQuery = z.object({
  scanId: z.uuid().optional(), outcome: z.enum(['eligible', 'nearMiss', 'excluded', 'overBudget']).optional(), q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const Batch = z.object({ id: z.uuid(), source: z.string(), channel: z.string(), fileName: z.string().nullable(), asOf: z.string(), rows: z.number(), facts: z.number(), createdBy: z.string(), createdAt: z.string() });

export async function benefitsRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  // ---- register ----
  app.post('/api/benefits/imports', { bodyLimit: 15 * 1024 * 1024, schema: { tags, operationId: 'importBenefitFacts', summary: '导入部门交换文件（CSV或xlsx；证件号码逐行校验，有错误时整体不导入并逐行列出）', body: ImportInput, response: { 200: ImportResult, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.importFile(tx, kernel, actorOf(req), req.body)));
  app.post('/api/benefits/imports/platform', { schema: { tags, operationId: 'pullBenefitFacts', summary: '从省级数据共享平台（或本地交换目录）拉取一个来源部门的数据', body: PlatformPullInput, response: { 200: ImportResult, ...errorResponses } } },
    async (req) => svc.pullPlatform(kernel, actorOf(req), req.body));
  app.get('/api/benefits/imports', { schema: { tags, operationId: 'benefitBatches', summary: '数据导入批次', response: { 200: z.array(Batch), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.batchesList(tx, kernel, actorOf(req))));
  app.get('/api/benefits/subjects/:id', { schema: { tags, operationId: 'benefitSubject', summary: '一企一档：某日的登记数据及其来源、截止日期和导入批次', params: IdParam, querystring: z.object({ snapshot: z.iso.date() }), response: { 200: SubjectFacts, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.subjectFacts(tx, kernel, actorOf(req), req.params.id, req.query.snapshot)));

  // ---- policies ----
  app.post('/api/benefit-policies', { schema: { tags, operationId: 'createBenefitPolicy', summary: '起草政策兑现事项（第1版草稿）', body: PolicyInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.createPolicy(tx, kernel, actorOf(req), req.body)));
  app.put('/api/benefit-policies/:id/draft', { schema: { tags, operationId: 'saveBenefitPolicyDraft', summary: '保存草稿（条件和金额）', params: IdParam, body: PolicyInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.saveDraft(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.get('/api/benefit-policies/:id/detail', { schema: { tags, operationId: 'benefitPolicyDetail', summary: '政策兑现事项的各版本和政策沙盘结果', params: IdParam, response: { 200: PolicyDetail, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.policyDetail(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/benefit-policies/:id/sandbox', { schema: { tags, operationId: 'benefitPolicySandbox', summary: '政策沙盘：按草稿在登记库上试算惠及对象和资金', params: IdParam, body: SandboxInput, response: { 200: SandboxResult, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.sandbox(tx, kernel, actorOf(req), req.params.id, req.body.snapshot)));
  app.get('/api/benefits/catalogue', { schema: { tags, operationId: 'benefitCatalogue', summary: '现行有效的兑现事项', response: { 200: z.array(VersionView), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.policyCatalogue(tx, kernel, actorOf(req))));

  // ---- scans and results ----
  app.post('/api/benefits/scans', { schema: { tags, operationId: 'startBenefitScan', summary: '发起全县数据比对（后台任务）', body: ScanInput, response: { 200: z.object({ id: z.uuid() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.startScan(tx, kernel, actorOf(req), req.body.snapshot)));
  app.get('/api/benefits/scans', { schema: { tags, operationId: 'benefitScans', summary: '比对任务及进度', response: { 200: z.array(ScanView), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.scansList(tx, kernel, actorOf(req))));
  app.get('/api/benefits/scans/:id', { schema: { tags, operationId: 'benefitScan', summary: '比对任务进度', params: IdParam, response: { 200: ScanView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.scanDetail(tx, kernel, actorOf(req), req.params.id)));
  app.get('/api/benefits/results', { schema: { tags, operationId: 'benefitResults', summary: '比对结果（符合条件、差一项条件、不重复享受），每条附逐项说明', querystring: ResultQuery, response: { 200: z.object({ items: z.array(ResultItem), total: z.number(), page: z.number(), pageSize: z.number() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.resultsList(tx, kernel, actorOf(req), req.query)));
  app.get('/api/benefits/unclaimed', { schema: { tags, operationId: 'benefitUnclaimed', summary: '应享未享：公示期满超过规定天数仍未拨付的', response: { 200: z.object({ days: z.number(), total: z.number(), items: z.array(ResultItem) }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.unclaimed(tx, kernel, actorOf(req))));

  // ---- payouts ----
  app.post('/api/benefits/payouts', { schema: { tags, operationId: 'createBenefitPayout', summary: '生成拨付批次（公示期满且已确认收款账户的）', body: PayoutInput, response: { 200: z.object({ id: z.uuid(), no: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.createPayout(tx, kernel, actorOf(req), req.body)));
  app.get('/api/benefits/payouts', { schema: { tags, operationId: 'benefitPayouts', summary: '拨付批次', response: { 200: z.array(PayoutView), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.payouts(tx, kernel, actorOf(req))));
  app.get('/api/benefits/payouts/:id', { schema: { tags, operationId: 'benefitPayout', summary: '拨付批次及其台账', params: IdParam, response: { 200: PayoutView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.payoutDetail(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/benefits/payouts/:id/reconcile', { schema: { tags, operationId: 'reconcileBenefitPayout', summary: '对账：登记银行退回的笔数（冲回并请企业重新确认账户）', params: IdParam, body: ReconcileInput, response: { 200: Ok, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.reconcile(tx, kernel, actorOf(req), req.params.id, req.body)));

  // ---- the firm's side ----
  app.get('/api/public/benefits/publicity', { config: { auth: 'none' }, schema: { tags, operationId: 'benefitPublicity', summary: '惠企政策兑现名单公示', response: { 200: z.array(PublicityItem), ...errorResponses } } },
    async () => db.tx((tx) => svc.publicity(tx, kernel)));
  app.get('/api/public/benefits/mine', { schema: { tags, operationId: 'myBenefits', summary: '本企业（本人）的比对结果', response: { 200: z.object({ name: z.string(), inRegister: z.boolean(), items: z.array(ResultItem) }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.mine(tx, kernel, actorOf(req))));
  app.post('/api/public/benefits/results/:id/confirm', { schema: { tags, operationId: 'confirmBenefitAccount', summary: '确认收款账户（意愿确认）', params: IdParam, body: ConfirmInput, response: { 200: Ok, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.confirmAccount(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.post('/api/public/benefits/results/:id/apply', { schema: { tags, operationId: 'submitBenefitApplication', summary: '快申快享：核对并提交预填的申请', params: IdParam, response: { 200: z.object({ ok: z.boolean(), publicityEnds: z.string() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.submitApplication(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/public/benefits/results/:id/decline', { schema: { tags, operationId: 'declineBenefit', summary: '放弃享受', params: IdParam, response: { 200: Ok, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.declineBenefit(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/public/benefits/results/:id/object', { schema: { tags, operationId: 'objectBenefit', summary: '对比对结果所依据的数据提出异议', params: IdParam, body: ObjectInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.object(tx, kernel, actorOf(req), req.params.id, req.body)));
}
