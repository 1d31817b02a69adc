import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel } from '../../../core/server';
import { CampaignInput, JointMeetingInput, ManualFileInput, MeasureInput, RescoreInput, SampleInput, ScoreInput, SheetItemInput, SupervisionInput } from '../shared/case-file-review.schema';
import * as svc from './case-file-review.service';
import * as sup from './supervision.service';

const tags = ['案卷评查'];
const IdParam = z.object({ id: z.uuid('编号格式不正确') });
const s = z.string();
const n = s.nullable();
const num = z.number();
const Veto = z.object({ itemKey: s, failed: z.boolean(), note: s });
const FileSummary = z.object({
  id: s, orgId: s, orgName: s, source: s, fileNo: s, title: s, decidedOn: n, prechecked: z.boolean(), precheckFailed: num,
  score: num.nullable(), grade: n, gradeLabel: n, reviewedOn: n,
});
const CampaignRow = z.object({
  id: s, year: num, name: s, kind: s, filesPerOrg: num, startOn: s, endOn: s, sampled: z.boolean(),
  files: num, scored: num, failed: num, problems: num, fixed: num,
});
const CampaignDetail = z.object({
  id: s, year: num, name: s, kind: s, filesPerOrg: num, startOn: s, endOn: s, plan: n, sheet: z.array(SheetItemInput), seed: num.nullable(), sampledOn: n, canManage: z.boolean(),
  units: z.array(z.object({ orgId: s, orgName: s, candidates: num.nullable(), drawn: num.nullable() })),
  files: z.array(FileSummary),
  rectifications: z.array(z.object({ id: s, refNo: s, orgName: s, state: s, issuedOn: s })),
  measures: z.array(z.object({ id: s, kind: s, kindLabel: s, orgName: s, personName: s, post: s, on: s, basis: s, outcome: n })),
});
const FileView = FileSummary.extend({
  campaignId: s, campaignName: s, partyName: n, penaltyCaseId: n, sheet: z.array(SheetItemInput), precheck: z.array(Veto),
  deductions: z.array(z.object({ itemKey: s, points: num, note: s })), vetoes: z.array(Veto), vetoed: z.boolean().nullable(), comment: n, reviewerName: n,
  thresholds: z.object({ excellent: num, pass: num }), canScore: z.boolean(), canRescore: z.boolean(),
  rescores: z.array(z.object({ score: num, grade: s, vetoed: z.boolean(), reviewerName: n, reviewedOn: n, rescoredBy: s, rescoredOn: s, reason: s })),
  problems: z.array(z.object({ id: s, itemLabel: s, note: s, fixedOn: n, issued: z.boolean() })),
});

export async function caseFileReviewRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;
  app.get('/api/case-file-review/campaigns', { schema: { tags, operationId: 'reviewCampaigns', summary: '案卷评查活动列表', response: { 200: z.array(CampaignRow), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listCampaigns(tx, actorOf(req))));
  app.get('/api/case-file-review/orgs', { schema: { tags, operationId: 'reviewUnitOptions', summary: '可抽查的执法单位（本区划的部门）', response: { 200: z.array(z.object({ id: s, name: s })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.unitOptions(tx, actorOf(req))));
  app.post('/api/case-file-review/campaigns', { schema: { tags, operationId: 'createReviewCampaign', summary: '制定案卷评查活动：年度、类别、被抽查单位、每单位抽查数、评查表、期限', body: CampaignInput, response: { 200: z.object({ id: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.createCampaign(tx, kernel, actorOf(req), req.body)));
  app.get('/api/case-file-review/campaigns/:id', { schema: { tags, operationId: 'reviewCampaign', summary: '评查活动详情：被抽查单位、案卷和得分、整改、约谈和追责', params: IdParam, response: { 200: CampaignDetail, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.campaignDetail(tx, actorOf(req), req.params.id)));
  app.post('/api/case-file-review/campaigns/:id/sample', { schema: { tags, operationId: 'sampleReviewFiles', summary: '随机抽取已结案的行政处罚案卷（记录随机种子，可复现）', params: IdParam, body: SampleInput, response: { 200: z.object({ seed: num, drawn: num }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.sample(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.post('/api/case-file-review/campaigns/:id/files', { schema: { tags, operationId: 'addReviewFile', summary: '登记未在系统中的纸质案卷', params: IdParam, body: ManualFileInput, response: { 200: z.object({ id: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.addManualFile(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.post('/api/case-file-review/campaigns/:id/rectifications', { schema: { tags, operationId: 'issueReviewRectification', summary: '向被抽查单位下发整改通知（本单位尚未下发的问题）', params: IdParam, body: z.object({ orgId: z.uuid('请选择单位') }), response: { 200: z.object({ id: s, refNo: s, problems: num }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.issueRectification(tx, kernel, actorOf(req), req.params.id, req.body.orgId)));
  app.post('/api/case-file-review/campaigns/:id/measures', { schema: { tags, operationId: 'addReviewMeasure', summary: '记录约谈或追责', params: IdParam, body: MeasureInput, response: { 200: z.object({ id: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.addMeasure(tx, kernel, actorOf(req), req.params.id, req.body)));
  app.get('/api/case-file-review/files/:id', { schema: { tags, operationId: 'reviewFile', summary: '案卷评查表：否决项预评、扣分、等次、发现的问题', params: IdParam, response: { 200: FileView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.fileView(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/case-file-review/files/:id/score', { schema: { tags, operationId: 'scoreReviewFile', summary: '评分：逐项扣分并说明，认定否决项', params: IdParam, body: ScoreInput, response: { 200: z.object({ score: num, vetoed: z.boolean(), grade: s, gradeLabel: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.scoreFile(tx, kernel, actorOf(req), req.params.id, req.body)));

  app.post('/api/case-file-review/files/:id/rescore', { schema: { tags, operationId: 'rescoreReviewFile', summary: '改分：整改下发前更正已评分案卷（保留原评分和改分理由）', params: IdParam, body: RescoreInput, response: { 200: z.object({ score: num, vetoed: z.boolean(), grade: s, gradeLabel: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.rescoreFile(tx, kernel, actorOf(req), req.params.id, req.body)));
  // ---- 执法监督 ----
  const stags = ['执法监督'];
  app.get('/api/supervision/orgs', { schema: { tags: stags, operationId: 'supervisionUnitOptions', summary: '可监督的执法单位（本区划的部门）', response: { 200: z.array(z.object({ id: s, name: s })), ...errorResponses } } },
    async (req) => db.tx((tx) => sup.unitOptions(tx, actorOf(req))));
  app.post('/api/supervision/matters', { schema: { tags: stags, operationId: 'openSupervision', summary: '受理行政执法监督事项（12345投诉转入的填写工单编号，双向关联）', body: SupervisionInput, response: { 200: z.object({ id: s, refNo: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => sup.openMatter(tx, kernel, actorOf(req), req.body)));
  app.get('/api/supervision/joint-meetings', { schema: { tags: stags, operationId: 'jointMeetings', summary: '行政执法联席会议记录', response: { 200: z.array(z.object({ id: s, heldOn: s, topic: s, orgName: s, attendees: z.array(s), items: z.array(s), minutes: n })), ...errorResponses } } },
    async (req) => db.tx((tx) => sup.listJointMeetings(tx, actorOf(req))));
  app.post('/api/supervision/joint-meetings', { schema: { tags: stags, operationId: 'recordJointMeeting', summary: '记录行政执法联席会议：日期、议题、参会单位、协调事项', body: JointMeetingInput, response: { 200: z.object({ id: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => sup.recordJointMeeting(tx, kernel, actorOf(req), req.body)));
}
