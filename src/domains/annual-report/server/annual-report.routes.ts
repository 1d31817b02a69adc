import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../core/shared/schemas';
import { actorOf, type Kernel } from '../../../core/server';
import { AnnualReportCreate, AnnualReportView, ParagraphEdit } from '../shared/annual-report.schema';
import * as svc from './annual-report.service';
import { renderReportFile } from './annual-report.export';
import { checkReport } from '../shared/report-check';
import { reportText } from './report-text';
import { AppError } from '../../../core/shared/errors';

const CheckInput = z.object({
  text: z.string().max(200_000, '报告文字不能超过20万字').optional().meta({ title: '报告文字' }),
  fileName: z.string().max(200).optional(),
  contentBase64: z.string().max(2_500_000, '文件不能超过1.8MB').optional().meta({ title: '报告文件' }),
}).refine((v) => v.text || v.contentBase64, { message: '请粘贴报告文字或上传报告文件' });

const Id = z.object({ id: z.string().max(64) });
const tags = ['法治政府建设年度报告'];

export async function annualReportRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  app.post('/api/annual-reports', { schema: { tags, operationId: 'createAnnualReport', body: AnnualReportCreate, response: { 200: AnnualReportView, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const id = await db.tx((tx) => svc.createReport(tx, kernel, actor, req.body));
      return db.tx((tx) => svc.view(tx, actor, id));
    });
  app.get('/api/annual-reports', { schema: { tags, operationId: 'listAnnualReports', response: { 200: z.array(z.object({ id: z.string(), refNo: z.string(), year: z.number(), subjectName: z.string(), title: z.string(), state: z.string(), stateName: z.string(), contentVersion: z.number(), updatedAt: z.string() })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listVisible(tx, actorOf(req))));
  // The checker works on any report text, including other bodies' published reports: no login needed.
  app.post('/api/public/report-check', {
    config: { auth: 'none' },
    schema: { tags, operationId: 'checkReport', summary: '核对报告中的比例、比率和分项合计', body: CheckInput, response: { 200: z.object({ claims: z.array(z.object({ text: z.string(), stated: z.number(), computed: z.number().nullable(), status: z.enum(['ok', 'mismatch', 'unverifiable']), kind: z.string() })) }), ...errorResponses } },
  }, async (req) => {
    const text = req.body.text ?? (await reportText(req.body.fileName ?? 'report.docx', Buffer.from(req.body.contentBase64 ?? '', 'base64')).catch(() => { throw new AppError('VALIDATION', '无法读取该文件，请上传 .txt 或 .docx'); }));
    return checkReport(text);
  });
  app.get('/api/annual-reports/:id', { schema: { tags, operationId: 'annualReport', params: Id, response: { 200: AnnualReportView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.view(tx, actorOf(req), req.params.id)));
  app.post('/api/annual-reports/:id/regenerate', { schema: { tags, operationId: 'regenerateAnnualReport', summary: '重新生成数据段落（保留人工修改）', params: Id, response: { 200: AnnualReportView, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await db.tx((tx) => svc.regenerate(tx, kernel, actor, req.params.id));
      return db.tx((tx) => svc.view(tx, actor, req.params.id));
    });
  app.put('/api/annual-reports/:id/paragraphs/:paragraphId', {
    schema: { tags, operationId: 'editAnnualReportParagraph', params: Id.extend({ paragraphId: z.string().max(64) }), body: ParagraphEdit.extend({ expectedVersion: z.number().int().meta({ title: '版本' }) }), response: { 200: AnnualReportView, ...errorResponses } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.tx((tx) => svc.editParagraph(tx, kernel, actor, req.params.id, req.params.paragraphId, req.body, req.body.expectedVersion));
    return db.tx((tx) => svc.view(tx, actor, req.params.id));
  });
  app.put('/api/annual-reports/:id/preliminary', {
    schema: { tags, operationId: 'markAnnualReportPreliminary', summary: '标注或取消阶段性报告（年度结束前公开须标注）', params: Id, body: z.object({ preliminary: z.boolean().meta({ title: '阶段性报告' }) }), response: { 200: AnnualReportView, ...errorResponses } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.tx((tx) => svc.setPreliminary(tx, kernel, actor, req.params.id, req.body.preliminary));
    return db.tx((tx) => svc.view(tx, actor, req.params.id));
  });
  app.get('/api/annual-reports/:id/versions', { schema: { tags, operationId: 'annualReportVersions', params: Id, response: { 200: z.array(z.object({ version: z.number(), note: z.string(), createdBy: z.string(), createdAt: z.string() })), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.listVersions(tx, actorOf(req), req.params.id)));

  const Export = z.object({ appendix: z.enum(['0', '1']).default('1').meta({ title: '附数据来源说明' }) });
  const send = async (reply: import('fastify').FastifyReply, view: Awaited<ReturnType<typeof svc.view>>, format: 'docx' | 'pdf', appendix: boolean) => {
    const name = encodeURIComponent(`${view.content.title}.${format}`);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`);
    const buf = await renderReportFile(kernel, view, format, appendix);
    return reply.type(format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(buf);
  };
  app.get('/api/annual-reports/:id/export.docx', { schema: { tags, operationId: 'exportAnnualReportDocx', params: Id, querystring: Export } },
    async (req, reply) => send(reply, await db.tx((tx) => svc.view(tx, actorOf(req), req.params.id)), 'docx', req.query.appendix === '1'));
  app.get('/api/annual-reports/:id/export.pdf', { schema: { tags, operationId: 'exportAnnualReportPdf', params: Id } },
    async (req, reply) => send(reply, await db.tx((tx) => svc.view(tx, actorOf(req), req.params.id)), 'pdf', false));

  // Public portal: published reports only, without the staff's record trail.
  app.get('/api/public/annual-reports', { config: { auth: 'none' }, schema: { tags, operationId: 'publicAnnualReports', response: { 200: z.array(z.object({ id: z.string(), year: z.number(), subjectName: z.string(), title: z.string(), publishedAt: z.string().nullable() })) } } },
    async () => db.tx((tx) => svc.listPublished(tx)));
  app.get('/api/public/annual-reports/:id', { config: { auth: 'none' }, schema: { tags, operationId: 'publicAnnualReport', params: Id, response: { 200: AnnualReportView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.view(tx, null as never, req.params.id, true)));
  app.get('/api/public/annual-reports/:id/export.docx', { config: { auth: 'none' }, schema: { tags, operationId: 'publicAnnualReportDocx', params: Id } },
    async (req, reply) => send(reply, await db.tx((tx) => svc.view(tx, null as never, req.params.id, true)), 'docx', false));
}
