/**
 * 补正 and materials through HTTP: the notice ticked from the guide's checklist, answered line by line
 * with uploads (online) or papers (counter); staff open each file, audited; a required material cannot
 * be skipped by omission; extensions bounded by the item's own basis; the acceptance basis by item type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../tests/helpers/harness';
import { seedCatalogDemo } from '../../catalog/public';

const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

let t: TestApp;
let me: Client; let scj: Client;
let food: { id: string }; let birth: { id: string };
const idNumber = '34052419800101001X';
const pdf = (tag: string) => Buffer.concat([Buffer.from(`%PDF-1.7\n%${tag}\n`), Buffer.alloc(200, 0x20)]);
const FORM = '食品经营许可申请书';
const LAYOUT = '与食品经营相适应的主要设备设施、经营布局、操作流程等文件';
const RULES = '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录';

beforeAll(async () => {
  t = await startTestApp();
  await seedCatalogDemo(t.kernel);
  expect((await t.anon().post('/api/auth/register', { kind: 'person', name: '王芳', idNumber, phone: '13800001111', password: 'Citizen#2026' })).status).toBe(200);
  me = await t.anon().login(idNumber, 'Citizen#2026');
  scj = await t.staff(CLERK_SCJ);
  const find = async (q: string, name: string) => (await t.anon().get(`/api/public/service-items?q=${encodeURIComponent(q)}`)).body.find((i: { name: string }) => i.name === name);
  food = await find('食品经营许可', '食品经营许可（新办）');
  birth = await find('社会保障卡', '社会保障卡申领（首次）');
});
afterAll(async () => { await t?.close(); });

const up = async (c: Client, material: string, tag: string) => {
  const r = await c.request('POST', `/api/materials?materialName=${encodeURIComponent(material)}&fileName=${encodeURIComponent(`${tag}.pdf`)}`, pdf(tag), { 'content-type': 'application/pdf' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as string;
};

describe('补正 and materials', () => {
  let caseId = ''; let refNo = '';

  it('refuses an online filing that leaves a required material out, and shows only what was handed in', async () => {
    const form = await up(me, FORM, '申请书');
    const omitted = await me.post('/api/applications', { itemId: food.id, materials: [{ name: FORM, provided: true, fileId: form }] });
    expect(omitted.status).toBe(400);
    expect(omitted.body.message).toContain(`“${LAYOUT}”为必要材料，须提交`);
    expect(omitted.body.message).toContain('规章制度目录”为必要材料');
    const r = await me.post('/api/applications', { itemId: food.id, materials: [
      { name: FORM, provided: true, fileId: form }, { name: LAYOUT, provided: true, fileId: await up(me, LAYOUT, '布局') },
      { name: RULES, provided: true, fileId: await up(me, RULES, '制度') }, { name: '营业执照（部门共享）', provided: false },
    ] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    caseId = r.body.id; refNo = r.body.refNo;
    const d = (await scj.get(`/api/cases/${caseId}`)).body;
    const m = d.fields.find((f: { label: string }) => f.label === '材料');
    expect(m.value).toContain('营业执照（部门共享）（容缺后补）');
    expect(m.value).not.toContain('法定代表人'); // not handed in, not 容缺: not listed
    expect(m.links).toHaveLength(3);
  });

  it('the notice is ticked from the checklist, told at once, and shown on the case, in tracking and to the applicant', async () => {
    expect((await scj.post(`/api/applications/${caseId}/requestCorrection`, { materials: [] })).status).toBe(422);
    const unknown = await scj.post(`/api/applications/${caseId}/requestCorrection`, { materials: ['户口本'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('“户口本”不在该事项的申请材料清单中');
    const ok = await scj.post(`/api/applications/${caseId}/requestCorrection`, { materials: [FORM, LAYOUT], missing: '申请书须经营者本人签字' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.fields.find((f: { label: string }) => f.label.startsWith('一次性补正告知')).value).toBe(`1. ${FORM}；2. ${LAYOUT}；3. 申请书须经营者本人签字`);
    const tracked = await t.anon().get(`/api/public/applications/track?refNo=${refNo}&idLast4=001X`);
    expect(tracked.body).toMatchObject({ stateName: '补正中', correction: expect.stringContaining(LAYOUT) });
    const mine = await me.get(`/api/applications/${caseId}/materials`);
    expect(mine.body.correction).toMatchObject({ materials: [FORM, LAYOUT], note: '申请书须经营者本人签字', open: true });
  });

  it('the applicant answers each line with an upload; a line left open or a paper claimed online is refused', async () => {
    const form2 = await up(me, FORM, '申请书（签字）');
    const half = await me.post(`/api/applications/${caseId}/correct`, { items: [{ name: FORM, fileId: form2 }] });
    expect(half.status).toBe(400);
    expect(half.body.message).toContain(`尚未补正：${LAYOUT}`);
    const paper = await me.post(`/api/applications/${caseId}/correct`, { items: [{ name: FORM, fileId: form2 }, { name: LAYOUT, paper: true }] });
    expect(paper.status).toBe(400);
    expect(paper.body.message).toContain('请上传文件');
    const layout2 = await up(me, LAYOUT, '布局（更新）');
    const done = await me.post(`/api/applications/${caseId}/correct`, { items: [{ name: FORM, fileId: form2 }, { name: LAYOUT, fileId: layout2 }] });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.stateName).toBe('待受理');
    const view = (await me.get(`/api/applications/${caseId}/materials`)).body;
    expect(view.materials.find((m: { name: string }) => m.name === LAYOUT)).toMatchObject({ fileId: layout2, fileName: '布局（更新）.pdf', correctedAt: expect.any(String) });
    expect(view.correction.open).toBe(false);
  });

  it('staff open every uploaded file from the case page, and who opened it is audited; others get nothing', async () => {
    const d = (await scj.get(`/api/cases/${caseId}`)).body;
    const links: { href: string }[] = d.fields.find((f: { label: string }) => f.label === '材料').links;
    expect(links).toHaveLength(3);
    for (const l of links) {
      const r = await scj.get(l.href);
      expect(r.status).toBe(200);
      expect(String(r.body)).toMatch(/^%PDF-1\.7/);
    }
    const opened = await t.kernel.db.query<{ actor_id: string; entity_id: string }>(`SELECT actor_id, entity_id FROM audit_log WHERE stream = $1 AND action = 'material.open'`, [`case:${caseId}`]);
    const clerk = await t.staffUser(CLERK_SCJ);
    expect(opened.map((o) => o.actor_id)).toEqual([clerk.id, clerk.id, clerk.id]);
    expect(new Set(opened.map((o) => o.entity_id)).size).toBe(3);
    // another department's clerk cannot open the case's files; a file of another application is not this case's
    expect((await (await t.staff(CLERK_RSJ)).get(links[0].href)).status).toBe(404);
    const stray = await up(me, FORM, '别的');
    expect((await scj.get(`/api/applications/${caseId}/files/${stray}`)).status).toBe(404);
  });

  it('a walk-in brings the papers: the counter clerk records them against the notice', async () => {
    const walkIn = { kind: 'person', name: '李明', idNumber: '11010519491231002X', phone: '13912345678' };
    const r = await scj.post('/api/applications', { itemId: food.id, applicant: walkIn, materials: [FORM, LAYOUT, RULES].map((name) => ({ name, provided: true })) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await scj.post(`/api/applications/${r.body.id}/requestCorrection`, { materials: [RULES] })).status).toBe(200);
    const d = (await scj.get(`/api/cases/${r.body.id}`)).body;
    expect(d.actions.map((a: { event: string }) => a.event)).toContain('correct');
    const done = await scj.post(`/api/applications/${r.body.id}/correct`, { items: [{ name: RULES, paper: true }] });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.fields.find((f: { label: string }) => f.label === '材料').value).toContain(`${RULES}（纸质，窗口收取）〔补正〕`);
  });
});

describe('我的办件', () => {
  it('a case filed at a counter under the citizen\'s verified id number belongs to their account', async () => {
    const r = await scj.post('/api/applications', { itemId: food.id, applicant: { kind: 'person', name: '王芳', idNumber, phone: '13800001111' }, materials: [FORM, LAYOUT, RULES].map((name) => ({ name, provided: true })) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const mine = (await me.get('/api/my/cases?pageSize=50')).body.items.map((c: { id: string }) => c.id);
    expect(mine).toContain(r.body.id);
    expect((await me.get(`/api/cases/${r.body.id}`)).status).toBe(200);
  });
});

describe('extension bounded by the item\'s basis; acceptance basis by item type', () => {
  it('a 食品经营许可 may be extended by the 5 days its basis allows, once; the button then disappears', async () => {
    const r = await scj.post('/api/applications', { itemId: food.id, applicant: { kind: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13912345670' }, materials: [FORM, LAYOUT, RULES].map((name) => ({ name, provided: true })) });
    const id = r.body.id;
    const d0 = (await scj.get(`/api/cases/${id}`)).body;
    expect(d0.clocks.find((c: { name: string }) => c.name === 'acceptance').legalBasis).toBe('行政许可法 第32条');
    expect((await scj.post(`/api/applications/${id}/accept`, {})).status).toBe(200);
    const head = await t.staff(DIRECTOR_SCJ);
    const over = await head.post(`/api/applications/${id}/extend`, { days: 10, reason: '需现场核查' });
    expect(over.status).toBe(422);
    expect(over.body.message).toMatch(/延长天数超过本事项依据允许的5天.*可延长5个工作日/);
    expect((await head.post(`/api/applications/${id}/extend`, { days: 5, reason: '需现场核查' })).status).toBe(200);
    const d = (await head.get(`/api/cases/${id}`)).body;
    expect(d.actions.map((a: { event: string }) => a.event)).not.toContain('extend');
    const tracked = (await t.anon().get(`/api/public/applications/track?refNo=${d.refNo}&idLast4=002X`)).body;
    expect(tracked.extensions).toEqual([{ clock: '法定办理时限', days: 5, reason: '需现场核查' }]);
  });

  it('a 公共服务 item shows the local acceptance rule, not 行政许可法 第32条, and offers no extension its basis lacks', async () => {
    const r = await me.post('/api/applications', { itemId: birth.id, materials: [{ name: '居民身份证（或户口簿、出生医学证明）', provided: true, fileId: await up(me, '居民身份证', '身份证') }, { name: '本人近期照片（可共享公安照片）', provided: true, fileId: await up(me, '本人近期照片', '照片') }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const leader = await t.staff(LEADER);
    const d = (await leader.get(`/api/cases/${r.body.id}`)).body;
    const basis = d.clocks.find((c: { name: string }) => c.name === 'acceptance').legalBasis;
    expect(basis).not.toContain('行政许可法');
    expect(basis).toContain('公共服务');
    const rsj = await t.staff(CLERK_RSJ);
    expect((await rsj.post(`/api/applications/${r.body.id}/accept`, {})).status).toBe(200);
    expect((await leader.get(`/api/cases/${r.body.id}`)).body.actions.map((a: { event: string }) => a.event)).not.toContain('extend');
    const refused = await leader.post(`/api/applications/${r.body.id}/extend`, { days: 3, reason: '需核查' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('本事项的办理时限依据未规定可以延长');
  });
});
