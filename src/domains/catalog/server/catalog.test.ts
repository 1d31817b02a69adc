/**
 * The catalog through HTTP on a real database (PGlite, or PostgreSQL when DATABASE_URL is set):
 * completeness-gated publishing, the version lifecycle and the version kept by an application, the xlsx
 * 台账 round trip and its all-or-nothing bad-row report, and the metrics. Materials are tested in
 * applications (materials.test.ts), bookings in appointments (appointments.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../../tests/helpers/harness';
import { verifyAudit } from '../../../core/server';
import { completeLicence } from '../shared/catalog.fixtures';
import type { GuideElementsInput } from '../shared/catalog.schema';
import { seedApplicationsDemo } from '../../applications/public';
import { XLSX_MIME } from '../../../core/server';

const SECADMIN = { roles: ['secadmin'], org: '湖滨区行政审批和政务信息管理局' };
/** 区政数局 事项目录管理员 (the demo's catalog_spj). */
const CATALOG_ADMIN = { roles: ['catalogAdmin'], org: '湖滨区行政审批和政务信息管理局' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };
const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

let t: TestApp;
let admin: Client; let scjClerk: Client; let scjDirector: Client; let rsjClerk: Client; let hall: Client; let leader: Client;
let scj: string; let rsj: string; let hallOrg: string;
const run = Date.now().toString(36).toUpperCase();

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '200' } });
  await seedApplicationsDemo(t.kernel);
  const sec = await t.staff(SECADMIN);
  const orgs = (await sec.get('/api/admin/orgs')).body as { id: string; name: string }[];
  const id = (n: string) => orgs.find((o) => o.name === n)!.id;
  scj = id('湖滨区市场监督管理局'); rsj = id('湖滨区人力资源和社会保障局'); hallOrg = id('湖滨区政务服务中心');
  admin = await t.staff(CATALOG_ADMIN);
  scjClerk = await t.staff(CLERK_SCJ); scjDirector = await t.staff(DIRECTOR_SCJ); rsjClerk = await t.staff(CLERK_RSJ);
  hall = await t.staff(CLERK_ZWZX); leader = await t.staff(LEADER);
});
afterAll(async () => { await t?.close(); });

const el = (over: Partial<GuideElementsInput> = {}): GuideElementsInput => ({ ...completeLicence, ...over });
const metric = async (key: string, extra: Record<string, string> = {}) =>
  (await leader.get(`/api/metrics/${key}?${new URLSearchParams({ from: '2026-01-01', to: '2026-12-31', divisionCode: '411202', ...extra })}`)).body;

describe('guide completeness and versions', () => {
  let itemId: string;

  it('lists what is missing in Chinese and refuses to publish below 100%', async () => {
    const before = await metric('catalog.guideCompleteness');
    const r = await scjClerk.post('/api/catalog/items', { orgId: scj, code: `T-${run}-1`, elements: { name: '药品零售企业经营许可', type: '行政许可', visits: 1, materials: [{ name: '药品经营许可证申请表', necessity: 'required' }] } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    itemId = r.body.id;
    expect(r.body).toMatchObject({ status: 'draft', statusName: '未发布', published: null });
    const c = r.body.draft.completeness;
    expect(c.complete).toBe(false);
    expect(c.missing.map((m: { label: string }) => m.label)).toEqual(expect.arrayContaining(['设定依据', '受理条件', '必须现场办理原因说明', '常见问题']));
    expect(c.missing.every((m: { message: string }) => /^[\u4e00-\u9fa5（）]+：/.test(m.message))).toBe(true);
    // a clerk may draft but not publish; the head may publish, but not an incomplete guide
    expect((await scjClerk.post(`/api/catalog/items/${itemId}/publish`, { rev: r.body.draft.rev })).status).toBe(403);
    const refused = await scjDirector.post(`/api/catalog/items/${itemId}/publish`, { rev: r.body.draft.rev });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/办事指南要素不完整.*不能发布：.*设定依据/);
    expect(refused.body.details.missing.length).toBe(c.missing.length);
    // the catalog figure counts the new draft in the denominator only
    const after = await metric('catalog.guideCompleteness');
    expect(after.denominator).toBe(before.denominator + 1);
    expect(after.numerator).toBe(before.numerator);
    // other departments cannot touch it, the public cannot see it
    expect((await rsjClerk.put(`/api/catalog/items/${itemId}/draft`, { rev: r.body.draft.rev, elements: el() })).status).toBe(404);
    expect((await t.anon().get(`/api/public/catalog/${itemId}`)).status).toBe(404);
  });

  it('publishes at 100%; a revision supersedes version 1 and an application keeps the version it was filed under', async () => {
    const items = (await metric('catalog.items')).numerator;
    let d = (await scjClerk.get(`/api/catalog/items/${itemId}`)).body;
    const saved = await scjClerk.put(`/api/catalog/items/${itemId}/draft`, { rev: d.draft.rev, elements: el({ name: `药品零售企业经营许可${run}` }) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.draft.completeness).toMatchObject({ complete: true, score: 1, missing: [] });
    // a stale rev is a conflict, not a silent overwrite
    expect((await scjClerk.put(`/api/catalog/items/${itemId}/draft`, { rev: d.draft.rev, elements: el() })).status).toBe(409);
    const pub = await scjDirector.post(`/api/catalog/items/${itemId}/publish`, { rev: saved.body.draft.rev });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body).toMatchObject({ status: 'published', published: { versionNo: 1, status: 'published' }, draft: null });
    expect((await metric('catalog.items')).numerator).toBe(items + 1);
    const v1 = pub.body.published.id;
    // a walk-in files under version 1
    const filed = await hall.post('/api/applications', { itemId, applicant: { kind: 'person', name: '周敏', idNumber: '11010519491231002X', phone: '13912345678' }, materials: [{ name: '食品经营许可申请书', provided: true }, { name: '营业执照', provided: false }] });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    // revision 2: new draft copied from the published one, published, version 1 withdrawn as superseded
    d = (await scjClerk.post(`/api/catalog/items/${itemId}/draft`, {})).body;
    expect(d.draft).toMatchObject({ versionNo: 2, status: 'draft' });
    const s2 = await scjClerk.put(`/api/catalog/items/${itemId}/draft`, { rev: d.draft.rev, elements: el({ name: `药品零售企业经营许可${run}`, promisedLimit: 3 }) });
    const p2 = await scjDirector.post(`/api/catalog/items/${itemId}/publish`, { rev: s2.body.draft.rev });
    expect(p2.body.published).toMatchObject({ versionNo: 2, promisedLimit: 3 });
    expect(p2.body.versions.map((v: { versionNo: number; status: string }) => `${v.versionNo}:${v.status}`)).toEqual(['2:published', '1:withdrawn']);
    const v1now = (await scjClerk.get(`/api/catalog/versions/${v1}`)).body;
    expect(v1now).toMatchObject({ status: 'withdrawn', promisedLimit: 5 });
    expect(v1now.withdrawReason).toMatch(/被第2版替代/);
    const app = (await scjClerk.get(`/api/cases/${filed.body.id}`)).body;
    expect(app.fields).toContainEqual(expect.objectContaining({ label: '办事指南版本', value: expect.stringMatching(/^第1版/) }));
    // the public guide is version 2
    expect((await t.anon().get(`/api/public/catalog/${itemId}`)).body).toMatchObject({ versionNo: 2, promisedLimit: 3 });
    // withdrawn: gone from the public catalog, nobody can file for it any more
    expect((await scjDirector.post(`/api/catalog/items/${itemId}/withdraw`, { reason: '停止实施' })).status).toBe(200);
    expect((await t.anon().get(`/api/public/catalog/${itemId}`)).status).toBe(404);
    expect((await hall.post('/api/applications', { itemId, applicant: { kind: 'person', name: '周敏', idNumber: '11010519491231002X', phone: '13912345678' } })).status).toBe(400);
    expect((await metric('catalog.items')).numerator).toBe(items);
  });

  it('keeps the demo catalog published through the same gate, except the record the checker refuses', async () => {
    const all = (await admin.get('/api/catalog/items?pageSize=500&q=特困人员认定')).body.items;
    const poor = all.find((i: { name: string }) => i.name === '特困人员认定');
    expect(poor).toMatchObject({ status: 'draft', complete: false });
    const d = (await admin.get(`/api/catalog/items/${poor.id}`)).body;
    expect(d.draft.completeness.missing.map((m: { message: string }) => m.message).join()).toMatch(/快递申请/);
    const summary = (await admin.get('/api/catalog/summary')).body;
    const m = await metric('catalog.guideCompleteness');
    expect(m).toMatchObject({ numerator: summary.complete, denominator: summary.items });
    const zero = (await admin.get('/api/catalog/items?status=published&visits=0&pageSize=500')).body.total;
    const pubd = (await admin.get('/api/catalog/items?status=published&pageSize=500')).body.total;
    expect(await metric('catalog.zeroVisitShare')).toMatchObject({ numerator: zero, denominator: pubd });
  });
});

describe('实施清单 台账 (xlsx)', () => {
  const load = async (buf: Buffer) => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(buf as unknown as ArrayBuffer); return wb; };
  const upload = (c: Client, wb: ExcelJS.Workbook) => wb.xlsx.writeBuffer().then((b) => c.request('POST', '/api/catalog/import', Buffer.from(b), { 'content-type': XLSX_MIME }));
  const download = async (c: Client) => {
    const r = await t.app.inject({ method: 'GET', url: '/api/catalog/export.xlsx', headers: { cookie: (c as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX_MIME);
    return r.rawPayload;
  };
  const header = (ws: ExcelJS.Worksheet) => { const h = new Map<string, number>(); ws.getRow(1).eachCell((c, i) => h.set(String(c.value), i)); return h; };
  const count = async () => (await admin.get('/api/catalog/items?pageSize=500')).body.total as number;

  it('exports every item with its materials and FAQs, and imports the same file back unchanged', async () => {
    const wb = await load(await download(admin));
    const items = wb.getWorksheet('事项清单')!;
    const h = header(items);
    expect([...h.keys()].slice(0, 4)).toEqual(['实施编码', '事项名称', '实施主体', '事项类型']);
    expect(items.rowCount - 1).toBe(await count());
    expect(items.getColumn(h.get('事项名称')!).values.slice(2)).toContain('企业设立登记');
    expect(wb.getWorksheet('申请材料')!.rowCount).toBeGreaterThan(77);
    expect(wb.getWorksheet('常见问题')!.rowCount).toBeGreaterThan(1);
    const before = await count();
    const r = await upload(admin, wb);
    expect(r.status, JSON.stringify(r.body).slice(0, 2000)).toBe(200);
    expect(r.body).toMatchObject({ created: 0, updated: 0, unchanged: before });
  });

  it('reports every bad row in Chinese and imports nothing when any row is bad', async () => {
    const wb = await load(await download(admin));
    const items = wb.getWorksheet('事项清单')!;
    const h = header(items);
    const good = items.addRow([]);
    good.getCell(h.get('实施编码')!).value = `T-${run}-X2`;
    good.getCell(h.get('事项名称')!).value = '一个本可以导入的新事项';
    good.getCell(h.get('实施主体')!).value = '湖滨区民政局';
    good.getCell(h.get('事项类型')!).value = '公共服务';
    const bad1 = items.addRow([]);
    bad1.getCell(h.get('实施编码')!).value = `T-${run}-X3`;
    bad1.getCell(h.get('事项名称')!).value = '类型写错的事项';
    bad1.getCell(h.get('实施主体')!).value = '湖滨区民政局';
    bad1.getCell(h.get('事项类型')!).value = '行政许可证';
    bad1.getCell(h.get('到办事现场次数')!).value = '一次';
    const bad2 = items.addRow([]);
    bad2.getCell(h.get('实施编码')!).value = `T-${run}-X4`;
    bad2.getCell(h.get('事项名称')!).value = '机构不存在的事项';
    bad2.getCell(h.get('实施主体')!).value = '湖滨区不存在局';
    bad2.getCell(h.get('事项类型')!).value = '公共服务';
    bad2.getCell(h.get('是否收费')!).value = '也许';
    wb.getWorksheet('申请材料')!.addRow([`T-${run}-NOPE`, 1, '某材料', '必要']);
    wb.getWorksheet('申请材料')!.addRow([`T-${run}-X2`, 2, '某材料', '大概需要']);
    const before = await count();
    const r = await upload(admin, wb);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/未导入任何事项/);
    const rows = r.body.details.rows as { sheet: string; row: number; messages: string[] }[];
    const at = (sheet: string, row: number) => rows.find((x) => x.sheet === sheet && x.row === row)?.messages.join('；') ?? '';
    expect(at('事项清单', bad1.number)).toMatch(/事项类型/);
    expect(at('事项清单', bad1.number)).toMatch(/到办事现场次数：应为整数/);
    expect(at('事项清单', bad2.number)).toMatch(/是否收费：应填“是”或“否”/);
    expect(at('事项清单', bad2.number)).toMatch(/湖滨区不存在局/);
    const mats = rows.filter((x) => x.sheet === '申请材料').map((x) => x.messages.join('；'));
    expect(mats.some((m) => m.includes(`实施编码“T-${run}-NOPE”在“事项清单”中不存在`))).toBe(true);
    expect(mats.some((m) => /材料必要性：应为“必要”“非必要”或“容缺后补”/.test(m))).toBe(true);
    expect(at('事项清单', good.number)).toBe('');
    expect(await count()).toBe(before); // not even the good row
    const notXlsx = await admin.request('POST', '/api/catalog/import', Buffer.from('not a spreadsheet'), { 'content-type': XLSX_MIME });
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.details.rows[0].messages[0]).toMatch(/无法读取文件/);
  });
});

describe('the records behind the catalog figures', () => {
  const rows = async (c: Awaited<ReturnType<TestApp['staff']>>, key: string, which: string, extra: Record<string, string> = {}) =>
    (await c.get(`/api/metrics/${key}/rows?${new URLSearchParams({ from: '2026-01-01', to: '2026-12-31', divisionCode: '411202', which, pageSize: '200', ...extra })}`)).body;
  it('opens each figure to exactly the items it counts, in the reader scope', async () => {
    for (const key of ['catalog.items', 'catalog.zeroVisitShare', 'catalog.guideCompleteness']) {
      const m = await metric(key);
      const num = await rows(leader, key, 'numerator');
      expect(num.total, key).toBe(m.numerator);
      if (m.denominator !== null) expect((await rows(leader, key, 'denominator')).total, key).toBe(m.denominator);
    }
    const items = await rows(leader, 'catalog.items', 'numerator');
    expect(items.columns.map((c: { label: string }) => c.label)).toEqual(['实施编码', '事项名称', '事项类型', '实施主体', '发布版本', '到现场次数', '发布时间']);
    // an instant is answered as ISO (UTC), as everywhere in the API, whatever the driver returns
    expect(items.rows.every((r: { publishedAt: string }) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(r.publishedAt))).toBe(true);
    const zero = await rows(leader, 'catalog.zeroVisitShare', 'numerator');
    expect(zero.rows.every((r: { visits: number }) => r.visits === 0)).toBe(true);
    const done = await rows(leader, 'catalog.guideCompleteness', 'numerator');
    expect(done.rows.every((r: { completeness: string }) => r.completeness === '100%')).toBe(true);
    // a department's director sees its own org's items only, as in the catalog itself
    const own = await rows(await t.staff(DIRECTOR_SCJ), 'catalog.items', 'numerator');
    expect(own.total).toBeGreaterThan(0);
    expect(own.rows.every((r: { org: string }) => r.org === '湖滨区市场监督管理局')).toBe(true);
  });
});

describe('audit', () => {
  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.kernel.db)).ok).toBe(true);
  });
});
