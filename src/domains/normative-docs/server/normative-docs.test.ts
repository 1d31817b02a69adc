import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { computeMetric } from '../../../core/server';
import { seedNormativeDocsDemo } from './normative-docs.seed';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const OFFICE_ZFB = { roles: ['decisionOfficer'], org: '湖滨区人民政府办公室' };
const LEGAL_SFJ = { roles: ['legalReviewer'], org: '湖滨区司法局' };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => { await t.close(); });

describe('行政规范性文件', () => {
  it('cannot reach collective review before legality review; passes 初审/复审/终审, is numbered, published, filed and delisted in a clean-up', async () => {
    const drafter = await t.staff(DIRECTOR_SCJ);
    const { id } = (await drafter.post('/api/normative-docs', { title: '湖滨区食品小作坊登记管理办法', affectsMarket: true, summary: '规范食品小作坊登记，明确登记条件、程序和监督管理。' })).body;
    const leader = await t.staff(LEADER);
    let r = await leader.post(`/api/normative-docs/${id}/decide`, { meeting: '区政府第30次常务会议' });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('未经司法局合法性审核或审核未通过的，不得提交集体审议（国办发〔2018〕37号）');
    r = await drafter.post(`/api/normative-docs/${id}/submitLegality`, {});
    expect(r.body.message).toBe('尚未完成：起草单位初审、区政府办复审、公开征求意见，不能送司法局合法性审核');
    await drafter.post(`/api/normative-docs/${id}/recordFirstReview`, { opinion: '内容合法，程序完备' });
    const office = await t.staff(OFFICE_ZFB);
    expect((await office.post(`/api/normative-docs/${id}/recordOfficeReview`, { opinion: '同意送审' })).status).toBe(200);
    r = await drafter.post(`/api/normative-docs/${id}/recordPublicComment`, { from: '2026-09-01', to: '2026-09-15', comments: 3, adoption: '采纳2条' });
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('一般不少于30日（优化营商环境条例 第62条）');
    expect((await drafter.post(`/api/normative-docs/${id}/recordPublicComment`, { from: '2026-09-01', to: '2026-10-01', comments: 12, adoption: '采纳5条，未采纳的已说明理由' })).status).toBe(200);
    r = await drafter.post(`/api/normative-docs/${id}/recordFairCompetition`, { entry: '是', flow: '否', cost: '否', conduct: '否' });
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('设置不合理或者歧视性的准入和退出条件');
    expect((await drafter.post(`/api/normative-docs/${id}/recordFairCompetition`, { entry: '否', flow: '否', cost: '否', conduct: '否' })).status).toBe(200);
    const sent = await drafter.post(`/api/normative-docs/${id}/submitLegality`, {});
    expect(sent.body.stateName).toBe('司法局合法性审核中');
    expect(sent.body.clocks.find((c: { name: string }) => c.name === 'legality')).toMatchObject({ dueDate: '2026-11-23' }); // 11-02 + 15 working days
    const legal = await t.staff(LEGAL_SFJ);
    r = await legal.post(`/api/normative-docs/${id}/passLegality`, { opinion: '合法' });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('合法性审核时间一般不少于5个工作日（自2026-11-02送审，国办发〔2018〕115号）');
    t.clock.set('2026-11-09T09:00:00+08:00');
    expect((await (await t.staff(LEGAL_SFJ)).post(`/api/normative-docs/${id}/passLegality`, { opinion: '制定主体、程序、内容合法' })).status).toBe(200);
    expect((await (await t.staff(LEADER)).post(`/api/normative-docs/${id}/decide`, { meeting: '区政府第30次常务会议' })).status).toBe(200);
    const pub = await (await t.staff(OFFICE_ZFB)).post(`/api/normative-docs/${id}/publish`, { validYears: 5 });
    expect(pub.body.fields).toContainEqual({ label: '文号', value: '湖政规〔2026〕1号' });
    expect(pub.body.clocks.find((c: { name: string }) => c.name === 'filing')).toMatchObject({ dueDate: '2026-12-09', unit: 'natural' });
    t.clock.set('2026-11-16T09:00:00+08:00');
    const filed = await (await t.staff(OFFICE_ZFB)).post(`/api/normative-docs/${id}/file`, { filedTo: '三门峡市人民政府、湖滨区人大常委会' });
    expect(filed.body.stateName).toBe('现行有效');
    expect(filed.body.fields).toContainEqual({ label: '报备', value: '2026-11-16已报备（按时）' });
    const gone = await (await t.staff(OFFICE_ZFB)).post(`/api/normative-docs/${id}/delist`, { campaign: '2026年专项清理', reason: '内容已被新文件涵盖' });
    expect(gone.body.stateName).toBe('已剔除目录');
    const lists = (await t.anon().get('/api/public/normative-docs')).body;
    expect(lists.ended.find((d: { id: string }) => d.id === id)).toMatchObject({ stateName: '已剔除目录', docNo: '湖政规〔2026〕1号' });
    expect(lists.cleanups.find((c: { campaign: string }) => c.campaign === '2026年专项清理').items[0]).toMatchObject({ outcome: '剔除目录' });
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('counts reviews, filings and the clean-up from the records of the demo year', async () => {
    await seedNormativeDocsDemo(t.kernel);
    const q = { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' };
    const m = async (k: string) => t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, k, q));
    const [row] = await t.kernel.db.query<{ reviewed: number; passed: number; filed: number; ontime: number }>(`SELECT
      count(*) FILTER (WHERE legality_reviewed_on BETWEEN '2026-01-01' AND '2026-12-31')::int AS reviewed,
      count(*) FILTER (WHERE legality_reviewed_on BETWEEN '2026-01-01' AND '2026-12-31' AND legality_passed)::int AS passed,
      count(*) FILTER (WHERE filed_on BETWEEN '2026-01-01' AND '2026-12-31')::int AS filed,
      count(*) FILTER (WHERE filed_on BETWEEN '2026-01-01' AND '2026-12-31' AND filed_on <= filing_due)::int AS ontime FROM normative_docs`);
    expect(await m('normativeDoc.passRate')).toMatchObject({ numerator: row.passed, denominator: row.reviewed });
    expect(await m('normativeDoc.filedOnTimeRate')).toMatchObject({ numerator: row.ontime, denominator: row.filed });
    expect(row.filed).toBeGreaterThan(row.ontime - 1);
    const lists = (await t.anon().get('/api/public/normative-docs')).body;
    const demo = lists.cleanups.find((c: { campaign: string }) => c.campaign === '2026年规范性文件集中清理');
    const by = (o: string) => demo.items.filter((i: { outcome: string }) => i.outcome === o).length;
    expect([by('继续有效'), by('废止'), by('剔除目录')]).toEqual([25, 4, 2]);
  });
});
