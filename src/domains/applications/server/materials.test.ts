/**
 * Materials through HTTP on a real database (moved from the catalog's test with the split): upload
 * sniffing and the size limit, reuse, 容缺后补 only where the guide permits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../tests/helpers/harness';
import { seedApplicationsDemo } from './applications.seed';

const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const CLERK_ZWZX = { roles: ['clerk'], org: '湖滨区政务服务中心' };

let t: TestApp;
let scjClerk: Client; let hall: Client;

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '200' } });
  await seedApplicationsDemo(t.kernel);
  scjClerk = await t.staff(CLERK_SCJ); hall = await t.staff(CLERK_ZWZX);
});
afterAll(async () => { await t?.close(); });


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
    const filed = await me.post('/api/applications', { itemId: food.id, materials: [{ name: '食品经营许可申请书', provided: true, fileId: form.id }, { name: '营业执照', provided: false }, { name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', provided: true }, { name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录', provided: true }] });
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
