import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { computeMetric } from '../../../core/server';
import { seedNormativeDocsDemo } from './normative-docs.seed';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const DIRECTOR_SPJ = { roles: ['director'], org: '湖滨区行政审批和政务信息管理局' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const OFFICE_ZFB = { roles: ['decisionOfficer'], org: '湖滨区人民政府办公室' };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => { await t.close(); });

const TEXT = '湖滨区农贸市场管理办法（征求意见稿）\n第一条 为规范农贸市场管理，制定本办法。\n第二条 市场开办者应当建立进货查验制度。\n第三条 市场开办者应当每日公示主要商品价格。\n（一）蔬菜；\n（二）肉类。\n第四条 本办法自发布之日起施行。';
const count = async (q: string, p: unknown[] = []) => Number((await t.kernel.db.query<{ n: number }>(q, p))[0].n);

describe('规范性文件：按条款征求意见、采纳情况公布和后评估', () => {
  it('puts the draft out by passage, takes a citizen’s comment on one passage, and publishes how every comment was treated', async () => {
    const drafter = await t.staff(DIRECTOR_SCJ);
    const { id } = (await drafter.post('/api/normative-docs', { title: '湖滨区农贸市场管理办法', affectsMarket: true, summary: '规范农贸市场开办者的进货查验和价格公示义务。' })).body;
    let r = await drafter.put(`/api/normative-docs/${id}/draft-text`, { text: TEXT, from: '2026-11-01', to: '2026-11-20' });
    expect([r.status, r.body.message]).toEqual([422, '征求意见期限为19日；与市场主体生产经营活动密切相关的，一般不少于30日（优化营商环境条例 第62条）']);
    expect((await (await t.staff(DIRECTOR_SPJ)).put(`/api/normative-docs/${id}/draft-text`, { text: TEXT, from: '2026-11-01', to: '2026-12-01' })).status).toBe(404);
    r = await drafter.put(`/api/normative-docs/${id}/draft-text`, { text: TEXT, from: '2026-11-01', to: '2026-12-01' });
    expect(r.body).toEqual({ passages: 5 });

    const citizen = t.anon();
    const draft = (await citizen.get(`/api/public/normative-docs/${id}/draft`)).body;
    expect(draft).toMatchObject({ title: '湖滨区农贸市场管理办法', open: true, adoption: null });
    expect(draft.passages.map((p: { label: string }) => p.label)).toEqual(['第1段', '第一条', '第二条', '第三条', '第四条']);
    const third = draft.passages.find((p: { label: string }) => p.label === '第三条');
    expect(third.text).toContain('（二）肉类。');
    const before = await count(`SELECT count(*)::int AS n FROM normative_comments WHERE case_id = $1`, [id]);
    r = await citizen.post(`/api/public/normative-docs/${id}/comments`, { passageNo: 99, content: '建议增加公示方式。' });
    expect([r.status, r.body.message]).toEqual([400, '所评论的条款不存在']);
    r = await citizen.post(`/api/public/normative-docs/${id}/comments`, { passageNo: third.no, content: '好' });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('意见内容至少5个字');
    expect(await count(`SELECT count(*)::int AS n FROM normative_comments WHERE case_id = $1`, [id])).toBe(before);
    expect((await citizen.post(`/api/public/normative-docs/${id}/comments`, { passageNo: third.no, content: '建议允许通过电子屏公示价格。', name: '周女士' })).status).toBe(200);
    expect((await citizen.post(`/api/public/normative-docs/${id}/comments`, { passageNo: third.no - 1, content: '进货查验应当有电子台账。' })).status).toBe(200);
    expect((await citizen.get(`/api/public/normative-docs/${id}/draft`)).body.passages.find((p: { no: number }) => p.no === third.no).comments).toBe(1);
    r = await drafter.put(`/api/normative-docs/${id}/draft-text`, { text: TEXT, from: '2026-11-01', to: '2026-12-01' });
    expect([r.status, r.body.message]).toEqual([409, '已收到公众意见，不能再更换征求意见稿']);

    const list = (await drafter.get(`/api/normative-docs/${id}/comments`)).body.items;
    expect(list.map((c: { passageLabel: string }) => c.passageLabel)).toEqual(['第二条', '第三条']);
    const [onSecond, onThird] = list.map((c: { id: string }) => c.id);
    r = await drafter.post(`/api/normative-docs/${id}/comments/${onThird}/response`, { adoption: 'notAdopted' });
    expect([r.status, r.body.message]).toEqual([400, '部分采纳或不予采纳的，应当说明理由']);
    r = await drafter.post(`/api/normative-docs/${id}/comments/00000000-0000-4000-8000-000000000000/response`, { adoption: 'adopted' });
    expect([r.status, r.body.message]).toEqual([404, '意见不存在']);
    expect((await drafter.post(`/api/normative-docs/${id}/comments/${onThird}/response`, { adoption: 'partly', reason: '电子屏可作为公示方式之一，纸质公示牌仍须保留' })).status).toBe(200);
    r = await drafter.post(`/api/normative-docs/${id}/adoption/publish`);
    expect([r.status, r.body.message]).toEqual([422, '征求意见2026-12-01截止后才能公布采纳情况']);

    t.clock.set('2026-12-02T09:00:00+08:00');
    const late = await t.anon().post(`/api/public/normative-docs/${id}/comments`, { passageNo: third.no, content: '截止后提交的意见。' });
    expect([late.status, late.body.message]).toEqual([422, '征求意见已于2026-12-01截止，不再接收意见']);
    const d2 = await t.staff(DIRECTOR_SCJ);
    r = await d2.post(`/api/normative-docs/${id}/adoption/publish`);
    expect([r.status, r.body.message]).toEqual([422, '尚有1条意见未作出采纳决定，不能公布采纳情况']);
    expect((await d2.post(`/api/normative-docs/${id}/comments/${onSecond}/response`, { adoption: 'adopted' })).status).toBe(200);
    expect((await d2.post(`/api/normative-docs/${id}/adoption/publish`)).body).toEqual({ publishedOn: '2026-12-02' });
    r = await d2.post(`/api/normative-docs/${id}/comments/${onSecond}/response`, { adoption: 'notAdopted', reason: '改变主意' });
    expect([r.status, r.body.message]).toEqual([409, '采纳情况已于2026-12-02公布，不能再修改']);
    const published = (await t.anon().get(`/api/public/normative-docs/${id}/draft`)).body.adoption;
    expect(published.counts).toEqual({ adopted: 1, partly: 1, notAdopted: 0 });
    expect(published.items).toContainEqual({ passageNo: third.no, passageLabel: '第三条', content: '建议允许通过电子屏公示价格。', adoption: '部分采纳', reason: '电子屏可作为公示方式之一，纸质公示牌仍须保留' });
    expect((await d2.get(`/api/cases/${id}`)).body.fields).toContainEqual({ label: '网上征求意见', value: '2026-11-01至2026-12-01，采纳情况已于2026-12-02公布' });
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('records post-evaluations of documents in force only, counts them, and publishes them', async () => {
    await seedNormativeDocsDemo(t.kernel);
    await seedNormativeDocsDemo(t.kernel); // idempotent
    const office = await t.staff(OFFICE_ZFB);
    const [draftId] = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM cases WHERE type = 'normativeDoc' AND state = 'draft' LIMIT 1`)).map((r) => r.id);
    const [inForce] = await t.kernel.db.query<{ id: string }>(`SELECT c.id FROM cases c WHERE c.type = 'normativeDoc' AND c.state = 'inForce' AND c.id NOT IN (SELECT case_id FROM normative_evaluations) LIMIT 1`);
    const body = { evaluators: '区司法局组织，人大代表2名、律师代表1名', method: '座谈会、问卷调查', findings: '文件执行良好，个别条款表述需与上位法衔接。', conclusion: '修改', completedOn: '2026-10-30' };
    let r = await office.post(`/api/normative-docs/${draftId}/evaluations`, body);
    expect([r.status, r.body.message]).toEqual([422, '只能对现行有效的规范性文件开展后评估']);
    r = await office.post(`/api/normative-docs/${inForce.id}/evaluations`, { ...body, conclusion: '保留' });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('请选择评估结论');
    r = await office.post(`/api/normative-docs/${inForce.id}/evaluations`, { ...body, completedOn: '2026-12-30' });
    expect([r.status, r.body.message]).toEqual([400, '完成日期不能晚于今天']);
    expect((await (await t.staff(DIRECTOR_SCJ)).post(`/api/normative-docs/${inForce.id}/evaluations`, body)).status).toBeGreaterThanOrEqual(403);
    expect((await office.post(`/api/normative-docs/${inForce.id}/evaluations`, body)).status).toBe(200);
    expect((await office.get(`/api/normative-docs/${inForce.id}/evaluations`)).body[0]).toMatchObject({ conclusion: '修改', evaluators: body.evaluators });

    const q = { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' };
    const m = (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'normativeDoc.evaluated', q)))!;
    expect(m.numerator).toBe(await count(`SELECT count(DISTINCT case_id)::int AS n FROM normative_evaluations WHERE completed_on BETWEEN '2026-01-01' AND '2026-12-31'`));
    expect(m.numerator).toBe(4); // the demo's three and the one above
    const lists = (await t.anon().get('/api/public/normative-docs')).body;
    expect(lists.evaluations).toHaveLength(4);
    expect(lists.evaluations.map((e: { conclusion: string }) => e.conclusion).sort()).toEqual(['修改', '修改', '继续执行', '继续执行']);

    const consultations = (await t.anon().get('/api/public/normative-docs/consultations')).body;
    const demoOpen = consultations.find((c: { title: string }) => c.title === '湖滨区户外招牌设置管理办法');
    const demoClosed = consultations.find((c: { title: string }) => c.title === '湖滨区城市道路临时占用管理办法');
    expect([demoOpen.open, demoOpen.comments, demoOpen.adoptionPublishedOn]).toEqual([true, 5, null]);
    expect([demoClosed.open, demoClosed.comments]).toEqual([false, 9]);
    expect((await t.anon().get(`/api/public/normative-docs/${demoClosed.id}/draft`)).body.adoption.counts).toEqual({ adopted: 5, partly: 2, notAdopted: 2 });
  });
});
