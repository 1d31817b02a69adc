/**
 * The catalog, materials and appointments through HTTP on a real database (PGlite, or PostgreSQL when
 * DATABASE_URL is set): completeness-gated publishing, the version lifecycle and the version kept by an
 * application, the xlsx 台账 round trip and its all-or-nothing bad-row report, upload sniffing and the
 * size limit, 容缺后补, appointment booking under a race for the last place, and the metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../../tests/helpers/harness';
import { verifyAudit } from '../../../core/server';
import { completeLicence } from '../shared/catalog.fixtures';
import type { GuideElementsInput } from '../shared/catalog.schema';
import { seedServicesDemo } from './services.seed';
import { XLSX_MIME } from './catalog.xlsx';

let t: TestApp;
let admin: Client; let scjClerk: Client; let scjDirector: Client; let rsjClerk: Client; let hall: Client; let leader: Client;
let scj: string; let rsj: string; let hallOrg: string;
const run = Date.now().toString(36).toUpperCase();

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '200' } });
  await seedServicesDemo(t.kernel);
  const sec = await t.as('secadmin');
  const orgs = (await sec.get('/api/admin/orgs')).body as { id: string; name: string }[];
  const id = (n: string) => orgs.find((o) => o.name === n)!.id;
  scj = id('湖滨区市场监督管理局'); rsj = id('湖滨区人力资源和社会保障局'); hallOrg = id('湖滨区政务服务中心');
  admin = await t.as('catalog_spj'); // seeded with the demo catalog: 区政数局 事项目录管理员
  scjClerk = await t.as('clerk_scj'); scjDirector = await t.as('director_scj'); rsjClerk = await t.as('clerk_rsj');
  hall = await t.as('clerk_zwzx'); leader = await t.as('leader');
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

// Minimal real files: a PDF header, a PNG signature, a JPEG SOI, and an OFD package (zip with OFD.xml).
const pdf = (size = 200) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
async function zip(entries: Record<string, string>) {
  const JSZip = (await import('jszip')).default;
  const z = new JSZip();
  for (const [k, v] of Object.entries(entries)) z.file(k, v);
  return z.generateAsync({ type: 'nodebuffer' });
}

describe('materials', () => {
  const idNumber = '34052419800101001X';
  let me: Client; let food: { id: string };

  beforeAll(async () => {
    expect((await t.anon().post('/api/auth/register', { kind: 'person', name: '王芳', idNumber, phone: '13800001111', password: 'Citizen#2026' })).status).toBe(200);
    me = await t.anon().login(idNumber, 'Citizen#2026');
    food = (await t.anon().get('/api/public/service-items?q=食品经营许可')).body.find((i: { name: string }) => i.name === '食品经营许可（新办）');
  });
  const up = (c: Client, body: Buffer, material: string, fileName: string, type = 'application/octet-stream', extra = '') =>
    c.request('POST', `/api/materials?materialName=${encodeURIComponent(material)}&fileName=${encodeURIComponent(fileName)}${extra}`, body, { 'content-type': type });

  it('takes the type from the content, not the name, and refuses other files', async () => {
    const ok = await up(me, pdf(), '食品经营许可申请书', '申请书.pdf');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
    const renamed = await up(me, png, '营业执照', '营业执照.pdf', 'application/pdf');
    expect(renamed.body).toMatchObject({ kind: 'png', mime: 'image/png' });
    expect((await up(me, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), '营业执照', 'x.png')).body.kind).toBe('jpeg');
    expect((await up(me, await zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<x/>' }), '营业执照', '电子营业执照.ofd')).body.kind).toBe('ofd');
    const exe = await up(me, Buffer.from('MZ\x90\x00 this is a program'), '营业执照', '营业执照.pdf', 'application/pdf');
    expect(exe.status).toBe(400);
    expect(exe.body.message).toMatch(/文件类型不支持：只接受PDF、JPG、PNG或OFD/);
    const docx = await up(me, await zip({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<x/>' }), '营业执照', 'a.ofd');
    expect(docx.status).toBe(400);
    expect((await up(me, Buffer.alloc(0), '营业执照', 'empty.pdf')).status).toBe(400);
  });

  it('refuses a file over the configured size limit with a Chinese 413', async () => {
    await t.withSettings({ UPLOAD_MAX_MB: '1' }, async () => {
      const big = await up(me, pdf(1024 * 1024 + 10), '食品经营许可申请书', 'big.pdf');
      expect(big.status).toBe(413);
      expect(big.body.message).toMatch(/超过上限1MB/);
    });
  });

  it('files with uploaded and reused materials; 容缺后补 only where the guide permits; other people\'s files refused', async () => {
    const mine = (await me.get('/api/materials')).body as { id: string; materialName: string }[];
    const form = mine.find((f) => f.materialName === '食品经营许可申请书')!;
    const reuse = (await me.get(`/api/materials/reusable?itemId=${food.id}`)).body as { name: string; files: { id: string }[] }[];
    expect(reuse.find((m) => m.name === '食品经营许可申请书')!.files.map((f) => f.id)).toContain(form.id);
    expect(reuse.find((m) => m.name === '营业执照（部门共享）')!.files.length).toBeGreaterThan(0);
    // the application form itself cannot be handed in later
    const notDeferrable = await me.post('/api/applications', { itemId: food.id, materials: [{ name: '食品经营许可申请书', provided: false }] });
    expect(notDeferrable.status).toBe(400);
    expect(notDeferrable.body.message).toMatch(/“食品经营许可申请书”不允许容缺后补/);
    const filed = await me.post('/api/applications', { itemId: food.id, materials: [{ name: '食品经营许可申请书', provided: true, fileId: form.id }, { name: '营业执照', provided: false }] });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const d = (await scjClerk.get(`/api/cases/${filed.body.id}`)).body;
    expect(d.fields.find((f: { label: string }) => f.label === '材料').value).toMatch(/食品经营许可申请书（已上传）；营业执照（部门共享）（容缺后补）/);
    // the department reads the file; a stranger's file cannot be attached
    const bytes = await t.app.inject({ method: 'GET', url: `/api/materials/${form.id}/content`, headers: { cookie: (scjClerk as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(bytes.statusCode).toBe(200);
    expect(bytes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await hall.post('/api/applications', { itemId: food.id, applicant: { kind: 'person', name: '李明', idNumber: '11010519491231002X', phone: '13912345678' }, materials: [{ name: '食品经营许可申请书', provided: true, fileId: form.id }] });
    expect(other.status).toBe(400);
    expect(other.body.message).toMatch(/不存在或不属于申请人/);
  });
});

describe('appointments', () => {
  // A day well beyond the demo's slots, different per run (PostgreSQL keeps earlier runs' rows).
  const day = (() => { const d = new Date(Date.UTC(2027, 0, 1) + (Date.now() % 300) * 86400_000); return d.toISOString().slice(0, 10); })();
  const minute = String(Date.now() % 60).padStart(2, '0');
  const person = (idNumber: string, name: string) => ({ name, idNumber, phone: '13900001234' });

  it('books the last place once: the other of two simultaneous bookings gets a clear 409', async () => {
    const before = await metric('services.appointments', { from: day, to: day, orgId: hallOrg });
    const slot = await hall.post('/api/appointment-slots', { orgId: hallOrg, day, startTime: `12:${minute}`, endTime: '13:00', kind: 'extendedHours', capacity: 1 });
    expect(slot.status, JSON.stringify(slot.body)).toBe(200);
    expect(slot.body).toMatchObject({ kindName: '延时服务', remaining: 1 });
    expect((await rsjClerk.post('/api/appointment-slots', { orgId: hallOrg, day, startTime: '08:00', endTime: '09:00', capacity: 1 })).status).toBe(403);
    const [a, b] = await Promise.all([
      t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲') }),
      t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('34052419800101001X', '乙') }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body.message).toBe('该时段已约满，请选择其他时段');
    const won = a.status === 200 ? a : b;
    expect(won.body).toMatchObject({ statusName: '已预约', kindName: '延时服务', phone: '*******1234' });
    const slots = (await t.anon().get(`/api/public/appointment-slots?orgId=${hallOrg}&day=${day}`)).body.slots;
    expect(slots.find((s: { id: string }) => s.id === slot.body.id).remaining).toBe(0);
    // cancelling gives the place back; the same person cannot hold it twice
    expect((await t.anon().post(`/api/public/appointments/${won.body.code}/cancel`, { phoneLast4: '0000' })).status).toBe(404);
    expect((await t.anon().post(`/api/public/appointments/${won.body.code}/cancel`, { phoneLast4: '1234' })).body.statusName).toBe('已取消');
    const again = await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('34052419800101001X', '乙') });
    expect(again.status).toBe(200);
    expect((await metric('services.appointments', { from: day, to: day, orgId: hallOrg })).numerator).toBe(before.numerator + 1);
    expect((await metric('services.extendedHours', { from: day, to: day, orgId: hallOrg })).numerator).toBeGreaterThanOrEqual(1);
  });

  it('records home visits with an address, and shows the counter its day', async () => {
    const slot = await hall.post('/api/appointment-slots', { orgId: hallOrg, day, startTime: `14:${minute}`, endTime: '17:00', kind: 'homeVisit', capacity: 2 });
    expect(slot.status).toBe(200);
    const noAddr = await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲') });
    expect(noAddr.status).toBe(400);
    expect(noAddr.body.message).toMatch(/上门服务须填写上门地址/);
    const ok = await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲'), address: '湖滨区黄河路1号' });
    expect(ok.status).toBe(200);
    expect((await t.anon().post('/api/public/appointments', { slotId: slot.body.id, ...person('11010519491231002X', '甲'), address: '湖滨区黄河路1号' })).status).toBe(409);
    const list = (await hall.get(`/api/appointments?day=${day}`)).body as { id: string; kindName: string; address: string | null }[];
    expect(list.find((x) => x.id === ok.body.id)).toMatchObject({ kindName: '上门服务', address: '湖滨区黄河路1号' });
    expect((await hall.post(`/api/appointments/${ok.body.id}/arrive`, {})).body.statusName).toBe('已到场');
    expect((await hall.post(`/api/appointments/${ok.body.id}/arrive`, {})).status).toBe(409);
    expect((await rsjClerk.get(`/api/appointments?day=${day}`)).body.some((x: { id: string }) => x.id === ok.body.id)).toBe(false);
  });

  it('counts the demo year\'s bookings from the records', async () => {
    const all = await metric('services.appointments');
    const ext = await metric('services.extendedHours');
    const home = await metric('services.homeVisits');
    expect(all.numerator).toBeGreaterThan(0);
    expect(ext.numerator + home.numerator).toBeLessThan(all.numerator);
    const [{ n }] = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE division_code LIKE '411202%' AND day BETWEEN '2026-01-01' AND '2026-12-31' AND status <> 'cancelled'`);
    expect(all.numerator).toBe(Number(n));
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.kernel.db)).ok).toBe(true);
  });
});
