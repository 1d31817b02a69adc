/**
 * Catalog routes. Thin: validate, call one service function in a transaction, return the resource.
 * Staff routes under /api/catalog, public ones (auth: none) under /api/public/catalog.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, paged } from '../../../core/shared/schemas';
import { acceptXlsx, actorOf, type Kernel, sendXlsx, siteDivisionCode, xlsxBody } from '../../../core/server';
import {
  CatalogOptions, CatalogSummary, DraftSave, ItemCreate, ItemDetail, ItemQuery, ItemSummary, ImportResult, PublicGuide, PublicItem,
  PublicQuery, PublishInput, ServiceItem, ServiceItemQuery, SitesInput, VersionView, WithdrawInput,
} from '../shared/catalog.schema';
import * as svc from './catalog.service';

const tags = ['事项目录'];
const IdParam = z.object({ id: z.uuid({ message: '编号格式不正确' }) });

export async function catalogRoutes(base: FastifyInstance, kernel: Kernel) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel;

  // The 台账 arrives as the raw .xlsx body (no multipart needed for one file). Scoped to this plugin.
  acceptXlsx(app);

  const detail = (id: string, req: Parameters<typeof actorOf>[0]) => db.tx((tx) => svc.detail(tx, kernel, actorOf(req), id));

  // ---- staff ----
  app.get('/api/catalog/items', { schema: { tags, operationId: 'catalogItems', summary: '事项目录（含草稿）', querystring: ItemQuery, response: { 200: paged(ItemSummary), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.list(tx, actorOf(req), req.query)));
  app.post('/api/catalog/items', { schema: { tags, operationId: 'createCatalogItem', summary: '新增事项（生成第1版草稿）', body: ItemCreate, response: { 200: ItemDetail, ...errorResponses } } },
    async (req) => { const id = await db.tx((tx) => svc.createItem(tx, kernel, actorOf(req), req.body)); return detail(id, req); });
  app.get('/api/catalog/items/:id', { schema: { tags, operationId: 'catalogItem', summary: '事项详情（各版本、要素完整度、可执行的操作）', params: IdParam, response: { 200: ItemDetail, ...errorResponses } } },
    async (req) => detail(req.params.id, req));
  app.put('/api/catalog/items/:id/draft', { schema: { tags, operationId: 'saveCatalogDraft', summary: '保存草稿', params: IdParam, body: DraftSave, response: { 200: ItemDetail, ...errorResponses } } },
    async (req) => { await db.tx((tx) => svc.saveDraft(tx, kernel, actorOf(req), req.params.id, req.body)); return detail(req.params.id, req); });
  app.post('/api/catalog/items/:id/draft', { schema: { tags, operationId: 'createCatalogDraft', summary: '新建修订版本（从已发布版本复制）', params: IdParam, response: { 200: ItemDetail, ...errorResponses } } },
    async (req) => { await db.tx((tx) => svc.createDraft(tx, kernel, actorOf(req), req.params.id)); return detail(req.params.id, req); });
  app.delete('/api/catalog/items/:id/draft', { schema: { tags, operationId: 'discardCatalogDraft', summary: '放弃草稿（从未发布的事项随之删除）', params: IdParam, response: { 200: z.object({ itemDeleted: z.boolean() }), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.discardDraft(tx, kernel, actorOf(req), req.params.id)));
  app.post('/api/catalog/items/:id/publish', { schema: { tags, operationId: 'publishCatalogItem', summary: '发布草稿（要素完整度须达100%，否则返回422及缺失要素清单）', params: IdParam, body: PublishInput, response: { 200: ItemDetail, ...errorResponses } } },
    async (req) => { await db.tx((tx) => svc.publish(tx, kernel, actorOf(req), req.params.id, req.body.rev)); return detail(req.params.id, req); });
  app.post('/api/catalog/items/:id/withdraw', { schema: { tags, operationId: 'withdrawCatalogItem', summary: '撤销已发布的事项', params: IdParam, body: WithdrawInput, response: { 200: ItemDetail, ...errorResponses } } },
    async (req) => { await db.tx((tx) => svc.withdraw(tx, kernel, actorOf(req), req.params.id, req.body.reason)); return detail(req.params.id, req); });
  app.put('/api/catalog/items/:id/sites', { schema: { tags, operationId: 'setCatalogItemSites', summary: '下沉到乡镇（街道）、村（社区）便民服务站点', params: IdParam, body: SitesInput, response: { 200: ItemDetail, ...errorResponses } } },
    async (req) => { await db.tx((tx) => svc.setSites(tx, kernel, actorOf(req), req.params.id, req.body.siteOrgIds)); return detail(req.params.id, req); });
  app.get('/api/catalog/versions/:id', { schema: { tags, operationId: 'catalogVersion', summary: '某一版本的办事指南（办件按其申请时的版本查看）', params: IdParam, response: { 200: VersionView, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.getVersionForStaff(tx, actorOf(req), req.params.id)));
  app.get('/api/catalog/summary', { schema: { tags, operationId: 'catalogSummary', summary: '目录要素完整度汇总', querystring: z.object({ orgId: z.uuid().optional() }), response: { 200: CatalogSummary, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.summary(tx, actorOf(req), req.query)));
  app.get('/api/catalog/options', { schema: { tags, operationId: 'catalogOptions', summary: '可维护的实施主体和可下沉的站点', response: { 200: CatalogOptions, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.options(tx, actorOf(req))));
  app.get('/api/catalog/export.xlsx', { schema: { tags, operationId: 'exportCatalog', summary: '导出实施清单台账（xlsx）' } },
    async (req, reply) => {
      const buf = await db.tx((tx) => svc.exportWorkbook(tx, actorOf(req)));
      return sendXlsx(reply, 'catalog.xlsx', `政务服务事项实施清单_${kernel.today()}.xlsx`, buf);
    });
  app.post('/api/catalog/import', { schema: { tags, operationId: 'importCatalog', summary: '导入实施清单台账（请求体为xlsx文件；有错误时整体不导入并逐行列出）', response: { 200: ImportResult, ...errorResponses } } },
    async (req) => { const buf = xlsxBody(req.body); return db.tx((tx) => svc.importWorkbook(tx, kernel, actorOf(req), buf)); });

  // ---- the filing lists (counter intake, the public's item list) ----
  app.get('/api/public/service-items', { config: { auth: 'none' }, schema: { tags: ['政务服务'], operationId: 'publicServiceItems', querystring: ServiceItemQuery, response: { 200: z.array(ServiceItem) } } },
    async (req) => db.tx((tx) => svc.listServiceItems(tx, req.query, true)));
  app.get('/api/service-items', { schema: { tags: ['政务服务'], operationId: 'serviceItems', querystring: ServiceItemQuery, response: { 200: z.array(ServiceItem), ...errorResponses } } },
    async (req) => { actorOf(req); return db.tx((tx) => svc.listServiceItems(tx, req.query, false)); });

  // ---- public ----
  app.get('/api/public/catalog', { config: { auth: 'none' }, schema: { tags, operationId: 'publicCatalog', summary: '搜索办事指南（中文分词）', querystring: PublicQuery, response: { 200: paged(PublicItem), ...errorResponses } } },
    async (req) => db.tx((tx) => svc.publicSearch(tx, siteDivisionCode(kernel), req.query)));
  app.get('/api/public/catalog/sites', { config: { auth: 'none' }, schema: { tags, operationId: 'publicCatalogSites', summary: '可就近办理的便民服务中心', response: { 200: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), divisionCode: z.string(), divisionName: z.string() })), ...errorResponses } } },
    async () => db.tx((tx) => svc.publicSites(tx, siteDivisionCode(kernel))));
  app.get('/api/public/catalog/:id', { config: { auth: 'none' }, schema: { tags, operationId: 'publicGuide', summary: '办事指南（已发布版本）', params: IdParam, response: { 200: PublicGuide, ...errorResponses } } },
    async (req) => db.tx((tx) => svc.publicGuide(tx, req.params.id)));
}
