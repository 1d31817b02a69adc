import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { SYSTEM_ACTOR, transition } from '../../../core/server';
import { seedApplicationsDemo } from '../../applications/public';

/** A valid resident id (GB 11643 check digit), distinct per seed. */
function idNumber(seed: number, year = 1992) {
  const body = `411202${year}0315${String(seed).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}

const CLERK_RSJ = { roles: ['clerk', 'reviewer'], org: '湖滨区人力资源和社会保障局' };
const CLERK_HBJD = { roles: ['clerk'], org: '湖滨街道便民服务中心' };
const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

let t: TestApp;
const q = 'from=2026-11-01&to=2026-11-30';
const newbornForm = (seed: number) => ({
  babyName: '王小宝', babySex: '男', birthDate: '2026-10-28', birthPlace: '湖滨区妇幼保健院',
  motherName: `李母${seed}`, motherId: idNumber(seed), fatherName: '王父', fatherId: idNumber(seed + 500, 1990),
  hukouAddress: '湖滨区湖滨街道黄河路1号', phone: '13812340000',
});

async function citizen(seed: number, kind: 'person' | 'enterprise' = 'person') {
  const idNo = idNumber(seed);
  expect((await t.anon().post('/api/auth/register', { kind, name: `申请人${seed}`, idNumber: idNo, phone: `1380000${String(seed).padStart(4, '0')}`, password: 'Citizen#2026' })).status).toBe(200);
  return t.anon().login(idNo, 'Citizen#2026');
}
const countCases = async () => Number((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`))[0].n);
/** A department acting on its child: with the demo's own login where there is one, else as the system would. */
async function act(caseId: string, event: string, input: Record<string, unknown> = {}) {
  await t.kernel.db.tx((tx) => transition(tx, t.kernel, SYSTEM_ACTOR, caseId, event, input));
}

beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_APPLICATIONS: '50' } });
  await seedApplicationsDemo(t.kernel);
});
afterAll(async () => { await t.close(); });

describe('高效办成一件事', () => {
  it('lists the national bundles with their departments, one merged form and each material once; a bundle missing items says which', async () => {
    const defs = (await t.anon().get('/api/public/bundle-definitions')).body;
    const newborn = defs.find((d: { code: string }) => d.code === 'newborn');
    expect(newborn).toMatchObject({ name: '新生儿出生“一件事”', available: true, missing: [], promisedDays: 5, atSites: true });
    expect(newborn.items.map((i: { name: string }) => i.name)).toEqual(['出生医学证明签发（首次签发）', '生育登记', '出生登记（户口登记）', '城乡居民基本医疗保险参保登记', '社会保障卡申领（首次）', '生育津贴申领']);
    expect(new Set(newborn.items.map((i: { orgName: string }) => i.orgName)).size).toBeGreaterThanOrEqual(3);
    // the same document asked by several items is listed once, with the items that use it
    expect(newborn.materials.length).toBeLessThan(newborn.materialsSeparately);
    const names = newborn.materials.map((m: { name: string }) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(newborn.materials.some((m: { usedBy: string[] }) => m.usedBy.length > 1)).toBe(true);
    expect(newborn.fields.find((f: { key: string }) => f.key === 'babyName').usedBy).toEqual(expect.arrayContaining(['出生登记（户口登记）', '城乡居民基本医疗保险参保登记']));
    const utilities = defs.find((d: { code: string }) => d.code === 'utilities');
    expect(utilities).toMatchObject({ available: false, missing: ['供水报装', '低压供电报装', '燃气报装', '宽带接入'] });
    expect((await t.anon().get('/api/public/bundle-definitions/nosuch')).status).toBe(404);
  });

  it('refuses a bad form with every problem in Chinese and files nothing; a good one fans out to each department with its own clocks, once', async () => {
    const me = await citizen(1);
    const before = await countCases();
    const bad = await me.post('/api/bundles', { definitionCode: 'newborn', form: { ...newbornForm(1), babyName: '', motherId: '411202199203150010', phone: '123' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('新生儿姓名：请填写');
    expect(bad.body.message).toContain('母亲身份证号');
    expect(bad.body.message).toContain('联系电话：手机号码应为11位数字');
    expect(await countCases()).toBe(before);
    const off = await me.post('/api/bundles', { definitionCode: 'utilities', form: {} });
    expect(off.status).toBe(422);
    expect(off.body.message).toContain('暂未开通');
    const wrongKind = await me.post('/api/bundles', { definitionCode: 'restaurant', form: {} });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.message).toBe('开办餐饮店“一件事”须以企业（法人）账号申请');

    const r = await me.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(1), idempotencyKey: 'nb-1' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.children).toHaveLength(6);
    const again = await me.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(1), idempotencyKey: 'nb-1' });
    expect(again.body).toMatchObject({ id: r.body.id, created: false });
    expect(await countCases()).toBe(before + 7);

    const p = (await me.get(`/api/bundles/${r.body.id}/progress`)).body;
    expect(p.bundle).toMatchObject({ stateName: '待受理', orgName: '湖滨区政务服务中心' });
    expect(p.channelName).toBe('网上申请');
    expect(p.clocks[0]).toMatchObject({ label: '“一件事”承诺时限', limit: 5, state: 'running' });
    for (const c of p.children) {
      expect(c.stateName).toBe('待受理');
      expect(c.clocks.map((k: { label: string }) => k.label)).toContain('受理期限');
    }
    // each child went to its item's department, and carries the form fields under the item's own names
    const child = p.children.find((c: { itemName: string }) => c.itemName === '出生登记（户口登记）');
    const staffView = await t.kernel.db.tx(async (tx) => (await import('../../../core/server')).detail(tx, t.kernel, SYSTEM_ACTOR, child.id));
    expect(staffView.fields).toEqual(expect.arrayContaining([{ label: '申报户口人姓名', value: '王小宝' }, { label: '户口登记地址', value: '湖滨区湖滨街道黄河路1号' }]));
    // the form is stored encrypted, not in clear
    const [raw] = await t.kernel.db.query<{ form_enc: string }>(`SELECT form_enc FROM bundle_cases WHERE case_id = $1`, [r.body.id]);
    expect(raw.form_enc).not.toContain('王小宝');
    // the applicant's list shows the bundle, not its six children
    const mine = (await me.get('/api/my/cases')).body;
    expect(mine.items.map((i: { caseType: string }) => i.caseType)).toEqual(['bundle']);
  });

  it('derives the bundle from its children: accepted → 办理中, 补正 → 待补正 with what to correct, all delivered → 已办结 with the joint result', async () => {
    const me = await citizen(2);
    const { id } = (await me.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(2) })).body;
    const kids = (await me.get(`/api/bundles/${id}/progress`)).body.children as { id: string; itemName: string; orgName: string }[];
    const social = kids.find((k) => k.itemName === '社会保障卡申领（首次）')!;
    const rsj = await t.staff(CLERK_RSJ);
    // two departments act at once: both count, neither is refused because of the other
    const [a, b] = await Promise.all([rsj.post(`/api/applications/${social.id}/accept`, {}), act(kids[0].id, 'accept').then(() => ({ status: 200 }))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    let p = (await me.get(`/api/bundles/${id}/progress`)).body;
    expect(p.bundle.stateName).toBe('办理中');
    await act(kids[2].id, 'requestCorrection', { missing: '父母结婚证复印件不清晰，请重新上传' });
    p = (await me.get(`/api/bundles/${id}/progress`)).body;
    expect(p.bundle.stateName).toBe('待补正');
    const waiting = p.children.find((c: { id: string }) => c.id === kids[2].id);
    expect(waiting.correction).toBe('父母结婚证复印件不清晰，请重新上传');
    const correct = waiting.actions.find((x: { event: string }) => x.event === 'correct');
    expect(correct.label).toBe('提交补正材料');
    expect((await me.post(correct.path, {})).status).toBe(200);
    p = (await me.get(`/api/bundles/${id}/progress`)).body;
    expect(p.bundle.stateName).toBe('办理中');
    for (const k of kids) {
      const s = (await t.kernel.db.query<{ state: string }>(`SELECT state FROM cases WHERE id = $1`, [k.id]))[0].state;
      if (s === 'submitted') await act(k.id, 'accept');
      await act(k.id, 'approve');
      if (k.id !== kids.at(-1)!.id) await act(k.id, 'deliver', { method: '电子证照' });
    }
    expect((await me.get(`/api/bundles/${id}/progress`)).body.bundle.stateName).toBe('办理中');
    await act(kids.at(-1)!.id, 'deliver', { method: '双向邮寄' });
    p = (await me.get(`/api/bundles/${id}/progress`)).body;
    expect(p.bundle.stateName).toBe('已办结');
    expect(p.clocks[0].state).toBe('stopped');
    expect(p.results).toHaveLength(6);
    expect(p.results.map((r: { itemName: string }) => r.itemName)).toContain('出生登记（户口登记）');
    const events = (await me.get(`/api/cases/${id}`)).body.events.map((e: { eventName: string }) => e.eventName);
    expect(events).toEqual(['创建', '部门受理', '部门要求补正', '部门受理', '全部办结'].map((x) => (x === '创建' ? events[0] : x)));
  });

  it('ends 部分办结 when one department refuses, and a withdrawn bundle withdraws every child', async () => {
    const me = await citizen(3);
    const { id } = (await me.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(3) })).body;
    const kids = (await me.get(`/api/bundles/${id}/progress`)).body.children as { id: string }[];
    for (const [i, k] of kids.entries()) {
      if (i === 0) { await act(k.id, 'reject', { reason: '出生医学证明已由助产机构另行签发' }); continue; }
      await act(k.id, 'accept'); await act(k.id, 'approve'); await act(k.id, 'deliver', { method: '电子证照' });
    }
    expect((await me.get(`/api/bundles/${id}/progress`)).body.bundle.stateName).toBe('部分办结');

    const second = (await me.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(4) })).body;
    const p = (await me.get(`/api/bundles/${second.id}/progress`)).body;
    const withdraw = p.actions.find((a: { event: string }) => a.event === 'withdraw');
    expect((await me.post(withdraw.path, {})).status).toBe(200);
    const states = await t.kernel.db.query<{ state: string }>(`SELECT state FROM cases WHERE parent_id = $1`, [second.id]);
    expect(states.map((s) => s.state)).toEqual(Array(6).fill('withdrawn'));
    expect((await me.get(`/api/bundles/${second.id}/progress`)).body.bundle.stateName).toBe('已撤回');
    // another citizen cannot see it
    expect((await (await citizen(5)).get(`/api/bundles/${second.id}/progress`)).status).toBe(404);
  });

  it('withdrawing with some departments finished asks what becomes of their results, and keeps them', async () => {
    const me = await citizen(7);
    const { id } = (await me.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(7) })).body;
    const kids = (await me.get(`/api/bundles/${id}/progress`)).body.children as { id: string; refNo: string }[];
    await act(kids[0].id, 'accept'); await act(kids[0].id, 'approve'); await act(kids[0].id, 'deliver', { method: '电子证照' });
    await act(kids[1].id, 'requestCorrection', { missing: '父母结婚证复印件不清晰' });
    const p = (await me.get(`/api/bundles/${id}/progress`)).body;
    const withdraw = p.actions.find((a: { event: string }) => a.event === 'withdraw');
    expect(withdraw.form.properties.finishedParts).toBeTruthy();
    const bare = await me.post(withdraw.path, {});
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/已有1个部门办结.*请选择已办结部门的结果如何处理/);
    expect((await me.get(`/api/bundles/${id}/progress`)).body.bundle.stateName).toBe('待补正'); // nothing changed
    const ok = await me.post(withdraw.path, { finishedParts: '保留已办结事项的结果，只撤回未办结的事项' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.fields.find((f: { label: string }) => f.label === '撤回时已办结的部分').value).toContain(kids[0].refNo);
    const states = await t.kernel.db.query<{ id: string; state: string }>(`SELECT id, state FROM cases WHERE parent_id = $1`, [id]);
    expect(states.find((s) => s.id === kids[0].id)!.state).toBe('delivered');
    expect(states.filter((s) => s.state === 'withdrawn')).toHaveLength(5);
  });

  it('a bundle whose departments have all finished cannot be withdrawn', async () => {
    const me = await citizen(8);
    const { id } = (await me.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(8) })).body;
    const kids = (await me.get(`/api/bundles/${id}/progress`)).body.children as { id: string }[];
    for (const k of kids) { await act(k.id, 'accept'); await act(k.id, 'approve'); await act(k.id, 'deliver', { method: '电子证照' }); }
    const p = (await me.get(`/api/bundles/${id}/progress`)).body;
    expect(p.bundle.stateName).toBe('已办结');
    expect(p.actions.map((a: { event: string }) => a.event)).not.toContain('withdraw');
    expect((await me.post(`/api/bundles/${id}/withdraw`, { finishedParts: '保留已办结事项的结果，只撤回未办结的事项' })).status).toBe(409);
  });

  it('is accepted at a township site for bundles sunk there, refused there for the others, and only at service halls and sites', async () => {
    const site = await t.staff(CLERK_HBJD);
    const applicant = { kind: 'person', name: '李母6', idNumber: idNumber(6), phone: '13911112222' };
    const r = await site.post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(6), applicant, assisted: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const p = (await site.get(`/api/bundles/${r.body.id}/progress`)).body;
    expect(p).toMatchObject({ channelName: '乡镇（街道）便民服务中心', siteName: '湖滨街道便民服务中心' });
    expect(p.bundle.orgName).toBe('湖滨街道便民服务中心');
    const enterprise = { kind: 'enterprise', name: '湖滨区百味餐饮店', idNumber: '91411202MA9GXXXX0X', phone: '13911113333' };
    const refused = await site.post('/api/bundles', { definitionCode: 'restaurant', form: {}, applicant: enterprise });
    expect([400, 422]).toContain(refused.status);
    const before = await countCases();
    const atSite = await site.post('/api/bundles', { definitionCode: 'retirement', form: { name: '张退休', idNumber: idNumber(7, 1966), retireDate: '2026-11-01', bank: '中国银行湖滨支行', phone: '13911114444' }, applicant: { kind: 'person', name: '张退休', idNumber: idNumber(7, 1966), phone: '13911114444' } });
    expect(atSite.status, JSON.stringify(atSite.body)).toBe(200);
    expect(await countCases()).toBe(before + 3);
    const dept = await (await t.staff(CLERK_SCJ)).post('/api/bundles', { definitionCode: 'newborn', form: newbornForm(8), applicant: { ...applicant, idNumber: idNumber(8) } });
    expect(dept.status).toBe(403);
    // public tracking by number and the last four id characters, without personal data
    const tr = await t.anon().get(`/api/public/bundles/track?refNo=${r.body.refNo}&idLast4=${applicant.idNumber.slice(-4)}`);
    expect(tr.body).toMatchObject({ definitionName: '新生儿出生“一件事”', stateName: '待受理' });
    expect(tr.body.children).toHaveLength(6);
    expect(JSON.stringify(tr.body)).not.toContain('李母6');
    expect((await t.anon().get(`/api/public/bundles/track?refNo=${r.body.refNo}&idLast4=0000`)).status).toBe(404);
  });

  it('counts bundles online, at sites and the applications they fanned out to, with the records behind each figure', async () => {
    const leader = await t.staff(LEADER);
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body;
    const online = Number((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bundle_cases WHERE channel = 'online'`))[0].n);
    expect((await m('bundles.online')).value).toBe(online);
    expect(online).toBe(6); // citizens 1, 2, 7 and 8 one each, citizen 3 two (the withdrawn ones were filed too)
    expect((await m('bundles.atSites')).value).toBe(2);
    expect((await m('bundles.childApplications')).value).toBe(6 * 6 + 6 + 2);
    expect((await leader.get(`/api/metrics/cases.received?${q}&caseType=bundle`)).body.value).toBe(8);
    expect((await m('bundles.offered')).value).toBe(6);
    const rec = (await leader.get(`/api/metrics/bundles.atSites/records?${q}`)).body;
    expect(rec.total).toBe(2);
  });

});
