import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { computeMetric } from '../../../core/server';
import { seedMajorDecisionsDemo } from './major-decisions.seed';
import { decisionStepsBy } from '../public';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const OFFICE_ZFB = { roles: ['decisionOfficer'], org: '湖滨区人民政府办公室' };
const LEGAL_SFJ = { roles: ['legalReviewer'], org: '湖滨区司法局' };

let t: TestApp;
let zjj: string;
beforeAll(async () => {
  t = await startTestApp();
  zjj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区住房和城乡建设局'`))[0].id;
});
afterAll(async () => { await t.close(); });

const participation = { from: '2026-09-01', to: '2026-10-01', channels: '门户网站征求意见', comments: 23, adoption: '采纳9条' };

describe('重大行政决策', () => {
  it('refuses legality review and the decision while a mandatory step is missing, and says which', async () => {
    const office = await t.staff(OFFICE_ZFB);
    const created = await office.post('/api/major-decisions', { title: '湖滨区燃气管网改造实施方案', year: 2026, draftingOrgId: zjj, needsExpert: true, needsRisk: true, partyApprovedOn: '2026-02-20' });
    expect(created.status).toBe(200);
    const id = created.body.id;
    let r = await office.post(`/api/major-decisions/${id}/submitLegality`, {});
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('尚未完成：公众参与、专家论证、风险评估（重大行政决策程序暂行条例 第14、19、22条），不能送合法性审查');
    const short = await office.post(`/api/major-decisions/${id}/recordParticipation`, { ...participation, to: '2026-09-20' });
    expect(short.status).toBe(422);
    expect(short.body.message).toContain('少于30日的应当说明理由');
    expect((await office.post(`/api/major-decisions/${id}/recordParticipation`, participation)).status).toBe(200);
    expect((await office.post(`/api/major-decisions/${id}/recordExpertReview`, { experts: '专家5名', opinion: '可行' })).status).toBe(200);
    r = await office.post(`/api/major-decisions/${id}/submitLegality`, {});
    expect(r.body.message).toBe('尚未完成：风险评估（重大行政决策程序暂行条例 第14、19、22条），不能送合法性审查');
    expect((await office.post(`/api/major-decisions/${id}/recordRiskAssessment`, { level: '中风险', measures: '分段施工，提前公告' })).status).toBe(200);
    const sent = await office.post(`/api/major-decisions/${id}/submitLegality`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.clocks[0]).toMatchObject({ name: 'legality', dueDate: '2026-11-11', legalBasis: '重大行政决策程序暂行条例 第26条（一般不少于7个工作日）' });
    // Only the justice bureau's reviewer reviews; the leader cannot decide before it passes.
    expect((await office.post(`/api/major-decisions/${id}/passLegality`, { opinion: '通过' })).status).toBe(403);
    const legal = await t.staff(LEGAL_SFJ);
    expect((await legal.post(`/api/major-decisions/${id}/passLegality`, { opinion: '程序合法，内容合法' })).status).toBe(200);
    const leader = await t.staff(LEADER);
    const decided = await leader.post(`/api/major-decisions/${id}/decide`, { meeting: '区政府第31次常务会议', result: '通过', dissent: '一人建议分两期实施' });
    expect(decided.status).toBe(200);
    expect(decided.body.fields.find((f: { label: string }) => f.label === '集体讨论决定').value).toContain('不同意见：一人建议分两期实施');
  });

  it('sends a failed legality review back; the decision cannot be taken on a failed review', async () => {
    const office = await t.staff(OFFICE_ZFB);
    const { id } = (await office.post('/api/major-decisions', { title: '湖滨区停车收费调整方案', year: 2026, draftingOrgId: zjj, needsExpert: false, needsRisk: false, partyApprovedOn: '2026-02-20' })).body;
    await office.post(`/api/major-decisions/${id}/recordParticipation`, participation);
    await office.post(`/api/major-decisions/${id}/submitLegality`, {});
    const legal = await t.staff(LEGAL_SFJ);
    const failed = await legal.post(`/api/major-decisions/${id}/failLegality`, { opinion: '收费标准调整未履行价格听证程序' });
    expect(failed.body.stateName).toBe('已列入目录，履行程序中');
    expect(failed.body.fields.find((f: { label: string }) => f.label === '合法性审查').value).toBe('未通过，已退回修改');
    const bad = await office.post('/api/major-decisions', { title: '缺', year: 2026, draftingOrgId: zjj, needsExpert: false, needsRisk: false, partyApprovedOn: '2026-02-20' });
    expect(bad.status).toBe(400);
  });

  it('counts the catalog and the completed procedures from the records, and publishes the catalog', async () => {
    await seedMajorDecisionsDemo(t.kernel);
    const q = { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' };
    const inCatalog = await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'majorDecision.inCatalog', q));
    const completed = await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, 'majorDecision.proceduresCompleted', q));
    const [{ all, done }] = await t.kernel.db.query<{ all: number; done: number }>(`SELECT count(*)::int AS all, count(*) FILTER (WHERE decided_on IS NOT NULL AND legality_passed_on IS NOT NULL)::int AS done FROM major_decisions WHERE year = 2026`);
    expect(inCatalog!.numerator).toBe(all);
    expect(completed!.numerator).toBe(done);
    expect(done).toBeGreaterThanOrEqual(5); // four demo decisions + the one decided above
    // The justice bureau's demo reviewer took the four legality reviews; the fifth decision has not reached her.
    const [hanXue] = await t.kernel.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'legal_sfj'`);
    const steps = await t.kernel.db.tx((tx) => decisionStepsBy(tx, t.kernel, { userId: hanXue.id, from: '2026-01-01', to: '2026-12-31' }));
    expect(steps.map((s) => s.step)).toEqual(['合法性审查通过', '合法性审查通过', '合法性审查通过', '合法性审查通过']);
    expect(steps.map((s) => s.title)).not.toContain('湖滨区城市生活垃圾分类实施方案');
    const pub = (await t.anon().get('/api/public/major-decisions?year=2026')).body;
    expect(pub.find((d: { title: string }) => d.title === '湖滨区城市生活垃圾分类实施方案')).toMatchObject({ stateName: '已列入目录，履行程序中', steps: ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定'] });
  });
});
