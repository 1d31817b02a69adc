import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { acceptXlsx, actorOf, type Kernel, loadVisible, sendXlsx, xlsxBody } from '../../../core/server';
import { DisputeInput } from '../shared/mediation.machine';
import { agreementDocx } from './mediation.docx';
import * as svc from './mediation.service';
import { importPopulations, populationTemplate } from './mediation.xlsx';

const tags = ['矛盾纠纷调解'];
const IdParam = z.object({ id: z.uuid('案件编号格式不正确') });
const Created = z.object({ id: z.string(), refNo: z.string() });
const s = z.string();
const n = s.nullable();
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });
const Period = z.object({ from: day('开始日期'), to: day('截止日期') });
const Party = z.object({ name: s, phone: n, address: n });
const DisputeFile = z.object({
  type: s, source: s, summary: s, mediators: s, receivedOn: s, courtStage: n, village: s,
  applicants: z.array(Party), respondents: z.array(Party),
  sessions: z.array(z.object({ id: s, heldOn: s, mediators: s, place: n, notes: s })),
  outcome: n, endedOn: n, referral: n, endReason: n,
  agreement: z.object({ facts: s, terms: s, performance: s }).nullable(),
  confirmation: z.object({ remindedAt: n, remindedTo: z.number().nullable(), closingRemindedAt: n, closingRemindedTo: z.number().nullable(), court: n, appliedOn: n, answer: n, decidedOn: n, rulingNo: n }),
  visitedOn: n, performance: n,
});
const ScreeningInput = z.object({
  villageCode: z.string().trim().regex(/^\d{12}$/, '请选择村（社区）').meta({ title: '村（社区）' }),
  heldOn: day('排查日期'),
  found: z.coerce.number().int('请填写整数').min(0, '不能为负数').max(10000).meta({ title: '排查发现纠纷（件）' }),
  resolved: z.coerce.number().int('请填写整数').min(0, '不能为负数').max(10000).meta({ title: '当场化解（件）' }),
  notes: z.string().trim().max(500, '情况说明不能超过500个字').optional().meta({ title: '情况说明' }),
});
const PopulationInput = z.object({
  source: z.string().trim().min(2, '请填写人口数据来源').max(100).meta({ title: '数据来源' }),
  rows: z.array(z.object({
    divisionCode: z.string().trim().regex(/^\d{6}(\d{3})?(\d{3})?$/, '区划代码应为6、9或12位数字').meta({ title: '区划代码' }),
    asOf: day('统计日期'),
    population: z.coerce.number().int('人口应为整数').min(1, '人口应大于0').max(50_000_000).meta({ title: '常住人口' }),
  })).min(1, '至少一行').max(2000, '一次最多导入2000行').meta({ title: '人口数据' }),
});
const Rate = z.object({ divisionCode: s, name: s, level: s, received: z.number(), population: z.number().nullable(), populationAsOf: n, summed: z.boolean(), perTenThousand: z.number().nullable(), refusal: n });

export async function mediationRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  acceptXlsx(app);
  const { db } = kernel;
  app.post('/api/mediations', { schema: { tags, operationId: 'registerDispute', summary: '登记矛盾纠纷（调委会受理、司法局、12345工单转入、法院委派）', body: DisputeInput, response: { 200: Created, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.register(tx, kernel, actorOf(req), req.body)));
  app.get('/api/mediations/:id/file', { schema: { tags, operationId: 'disputeFile', summary: '纠纷卷宗：当事人、调解记录、协议、司法确认、回访', params: IdParam, response: { 200: DisputeFile, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.disputeFile(tx, actorOf(req), req.params.id)));
  app.get('/api/mediations/:id/agreement', { schema: { tags, operationId: 'disputeAgreement', summary: '下载人民调解协议书（.docx）', params: IdParam } },
    async (req, reply) => {
      const { filename, buffer } = await db.tx(async (tx) => {
        const row = await loadVisible(tx, actorOf(req), req.params.id, 'mediation');
        return agreementDocx(tx, row.id);
      });
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(buffer);
    });
  app.get('/api/mediation/villages', { schema: { tags, operationId: 'mediationVillages', summary: '可登记纠纷的村（社区）', response: { 200: z.array(z.object({ code: s, name: s, township: s })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.villageOptions(tx, kernel, actorOf(req))));
  app.post('/api/mediation/screenings', { schema: { tags, operationId: 'recordScreening', summary: '登记矛盾纠纷排查', body: ScreeningInput, response: { 200: z.object({ id: s }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.recordScreening(tx, kernel, actorOf(req), req.body)));
  app.get('/api/mediation/screenings', { schema: { tags, operationId: 'screenings', summary: '矛盾纠纷排查记录', querystring: Period, response: { 200: z.object({ totals: z.object({ rounds: z.number(), found: z.number(), resolved: z.number() }), items: z.array(z.object({ id: s, village: s, heldOn: s, found: z.number(), resolved: z.number(), notes: n })) }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.screeningList(tx, actorOf(req), req.query)));
  app.post('/api/mediation/populations', { schema: { tags, operationId: 'recordPopulation', summary: '登记（导入）各区划常住人口', body: PopulationInput, response: { 200: z.object({ saved: z.number() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.recordPopulation(tx, kernel, actorOf(req), req.body)));
  app.post('/api/mediation/populations/import', { schema: { tags, operationId: 'importPopulations', summary: '从xlsx导入各区划常住人口（有错误时整体不导入并逐行列出）', response: { 200: z.object({ imported: z.number() }), ...errorResponses } } },
    async (req) => { const buf = xlsxBody(req.body); return db.tx((tx) => importPopulations(tx, kernel, actorOf(req), buf)); });
  app.get('/api/mediation/populations/template', { schema: { tags, operationId: 'populationTemplate', summary: '常住人口导入模板（xlsx）' } },
    async (req, reply) => {
      actorOf(req);
      return sendXlsx(reply, 'population.xlsx', '常住人口导入模板.xlsx', await populationTemplate(kernel));
    });
  app.get('/api/mediation/populations', { schema: { tags, operationId: 'populations', summary: '各区划常住人口登记', response: { 200: z.array(z.object({ id: s, divisionCode: s, divisionName: s, level: s, asOf: s, population: z.number(), source: s })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.populationList(tx, actorOf(req))));
  app.get('/api/mediation/rates', { schema: { tags, operationId: 'mediationRates', summary: '万人调解率（全区及各乡镇、街道）', querystring: Period, response: { 200: z.array(Rate), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.ratesByTownship(tx, kernel, actorOf(req), req.query)));
}
