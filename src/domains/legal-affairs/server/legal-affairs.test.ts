import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { computeMetric } from '../../../core/server';
import { seedLegalAffairsDemo } from './legal-affairs.seed';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const DIRECTOR_SCJ = { roles: ['director'], org: '湖滨区市场监督管理局' };
const REVIEWER_SFJ = { roles: ['reviewer'], org: '湖滨区司法局' };
const LEGAL_SFJ = { roles: ['legalReviewer'], org: '湖滨区司法局' };

let t: TestApp;
let scj = '';
let zfb = '';
beforeAll(async () => {
  t = await startTestApp();
  const orgs = await t.kernel.db.query<{ id: string; name: string }>(`SELECT id, name FROM orgs WHERE name IN ('湖滨区市场监督管理局', '湖滨区人民政府办公室')`);
  scj = orgs.find((o) => o.name === '湖滨区市场监督管理局')!.id;
  zfb = orgs.find((o) => o.name === '湖滨区人民政府办公室')!.id;
});
afterAll(async () => { await t.close(); });

const contract = (title: string) => ({ title, docKind: 'contract', counterparty: '三门峡鲜达农产品配送有限公司', amountYuan: 860000, summary: '区市场监管局拟委托第三方开展食品安全抽检，送请合法性审查。' });
const count = async (sql: string, params: unknown[] = []) => Number((await t.kernel.db.query<{ n: number }>(sql, params))[0].n);
let licence = 100;
/** A firm and a lawyer appointed to serve the market bureau, through the API. */
async function counsel(legal: Awaited<ReturnType<TestApp['as']>>, firmName: string, orgId = scj) {
  const firm = (await legal.post('/api/legal-counsel/firms', { name: firmName })).body;
  const lawyer = (await legal.post('/api/legal-counsel/lawyers', { firmId: firm.id, name: '林律师', licenceNo: `411202600000${licence++}00` })).body;
  expect((await legal.post('/api/legal-counsel/appointments', { lawyerId: lawyer.id, orgId, from: '2026-01-01', to: '2026-12-31' })).status).toBe(200);
  return lawyer.id as string;
}

describe('合同合法性审查', () => {
  it('goes from submission through a return for materials to an opinion with counted comments, writing the counsel’s work record', async () => {
    let sender = await t.staff(DIRECTOR_SCJ);
    const sent = await sender.post('/api/contract-reviews', contract('食品安全抽检委托检验服务合同'));
    expect(sent.status).toBe(200);
    const id = sent.body.id;
    let d = (await sender.get(`/api/cases/${id}`)).body;
    expect(d.stateName).toBe('已送审待受理');
    expect(d.clocks.find((c: { name: string }) => c.name === 'review')).toMatchObject({ dueDate: '2026-11-09', unit: 'workday' }); // 11-02 + 5 working days
    expect(d.fields).toContainEqual({ label: '合同金额', value: '860,000元' });

    let legal = await t.staff(LEGAL_SFJ);
    const elsewhere = await counsel(legal, '河南测试甲律师事务所', zfb); // serves the government office only
    let r = await legal.post(`/api/contract-reviews/${id}/accept`, { counselId: elsewhere });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('林律师律师在2026-11-02不在送审单位或司法局的法律顾问聘期内，不能指派其审查');
    expect((await sender.get(`/api/cases/${id}`)).body.stateName).toBe('已送审待受理');
    // A counsel not in the pool is refused on its field, before the compare-and-set.
    r = await legal.post(`/api/contract-reviews/${id}/accept`, { counselId: '00000000-0000-4000-8000-000000000000' });
    expect([r.status, r.body.message, r.body.details.fields[0].path]).toEqual([400, '所选法律顾问不存在或已停用', 'counselId']);
    expect((await sender.get(`/api/cases/${id}`)).body.stateName).toBe('已送审待受理');
    const lawyer = await counsel(legal, '河南测试乙律师事务所');
    r = await legal.post(`/api/contract-reviews/${id}/accept`, { counselId: lawyer });
    expect(r.body.stateName).toBe('审查中');
    expect(r.body.fields).toContainEqual({ label: '审查人', value: '林律师（河南测试乙律师事务所，法律顾问）' });

    r = await legal.post(`/api/contract-reviews/${id}/requestMaterials`, { reason: '请补充检验机构资质认定证书' });
    expect(r.body.stateName).toBe('退回补充材料');
    t.clock.set('2026-11-04T09:00:00+08:00');
    [sender, legal] = [await t.staff(DIRECTOR_SCJ), await t.staff(LEGAL_SFJ)]; // sessions lapse across the days
    r = await sender.post(`/api/contract-reviews/${id}/resubmit`, { materials: '已补充资质认定证书' });
    expect(r.body.clocks.find((c: { name: string }) => c.name === 'review')).toMatchObject({ dueDate: '2026-11-11' }); // counted again from the complete materials

    expect((await sender.post(`/api/contract-reviews/${id}/issueOpinion`, { conclusion: '通过', summary: '同意' })).status).toBe(403);
    r = await legal.post(`/api/contract-reviews/${id}/issueOpinion`, { conclusion: '修改后通过', summary: '合同基本可行' });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('审查结论为「修改后通过」的，应当逐条列明问题和修改意见');
    r = await legal.post(`/api/contract-reviews/${id}/issueOpinion`, { conclusion: '基本同意', summary: '合同基本可行', comments: [] });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('请选择审查结论');
    r = await legal.post(`/api/contract-reviews/${id}/issueOpinion`, { conclusion: '修改后通过', summary: '合同基本可行', comments: [{ clause: '第三条', problem: '', suggestion: '明确' }] });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('请填写存在的问题');
    expect(await count(`SELECT count(*)::int AS n FROM contract_review_comments WHERE case_id = $1`, [id])).toBe(0);

    const comments = [
      { clause: '第三条', problem: '抽检批次和项目未列明', suggestion: '以附件列明抽检计划' },
      { clause: '第六条', problem: '付款未与检验报告交付挂钩', suggestion: '明确按批次验收后付款' },
      { clause: '第九条', problem: '未约定检验数据保密义务', suggestion: '增加数据安全和保密条款' },
    ];
    r = await legal.post(`/api/contract-reviews/${id}/issueOpinion`, { conclusion: '修改后通过', summary: '合同基本可行，修改后可以签订', comments });
    expect(r.status).toBe(200);
    expect(r.body.stateName).toBe('已出具审查意见');
    expect(r.body.fields).toContainEqual({ label: '审查结论', value: '修改后通过（2026-11-04，意见3条）' });
    const op = (await sender.get(`/api/contract-reviews/${id}/opinion`)).body;
    expect(op.comments.map((c: { seq: number; clause: string }) => `${c.seq}${c.clause}`)).toEqual(['1第三条', '2第六条', '3第九条']);

    const work = (await legal.get(`/api/legal-counsel/work?from=2026-11-01&to=2026-11-30&lawyerId=${lawyer}`)).body;
    expect(work.items).toHaveLength(1);
    expect(work.items[0]).toMatchObject({ kind: 'review', source: '合同审查自动登记', orgName: '湖滨区市场监督管理局', refNo: d.refNo, subject: '审查《食品安全抽检委托检验服务合同》，提出意见3条' });

    r = await sender.post(`/api/contract-reviews/${id}/close`, { adoption: '已按意见修改后签订' });
    expect(r.body.stateName).toBe('已办结');
    d = (await sender.get(`/api/cases/${id}`)).body;
    expect(d.actions).toEqual([]);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('lets two reviewers issue an opinion at once: one wins, the other gets 409 and writes nothing', async () => {
    const { id } = (await (await t.staff(DIRECTOR_SCJ)).post('/api/contract-reviews', contract('检验检测设备采购合同'))).body;
    const a = await t.staff(LEGAL_SFJ);
    const b = await t.staff({ ...LEGAL_SFJ, name: '审查员乙' });
    expect((await a.post(`/api/contract-reviews/${id}/accept`, {})).status).toBe(200);
    const body = (n: number) => ({ conclusion: '修改后通过', summary: '修改后可以签订', comments: Array.from({ length: n }, (_, k) => ({ clause: `第${k + 1}条`, problem: '表述不清', suggestion: '重新表述' })) });
    const [x, y] = await Promise.all([a.post(`/api/contract-reviews/${id}/issueOpinion`, body(2)), b.post(`/api/contract-reviews/${id}/issueOpinion`, body(5))]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const won = x.status === 200 ? 2 : 5;
    expect(await count(`SELECT count(*)::int AS n FROM contract_review_comments WHERE case_id = $1`, [id])).toBe(won);
    expect(await count(`SELECT comment_count AS n FROM contract_reviews WHERE case_id = $1`, [id])).toBe(won);
  });

  it('refuses bad input to the counsel pool with a Chinese message and changes nothing', async () => {
    const legal = await t.staff(LEGAL_SFJ);
    const before = await count(`SELECT (SELECT count(*) FROM counsel_firms) + (SELECT count(*) FROM counsel_lawyers) + (SELECT count(*) FROM counsel_appointments) + (SELECT count(*) FROM counsel_work) AS n`);
    const firm = (await legal.post('/api/legal-counsel/firms', { name: '河南测试丙律师事务所' })).body.id;
    let r = await legal.post('/api/legal-counsel/firms', { name: '河南测试丙律师事务所' });
    expect([r.status, r.body.message]).toEqual([409, '律师事务所“河南测试丙律师事务所”已登记']);
    r = await legal.post('/api/legal-counsel/lawyers', { firmId: firm, name: '宋律师', licenceNo: '4112' });
    expect([r.status, r.body.message]).toEqual([400, '执业证号：律师执业证号应为17位数字']);
    r = await legal.post('/api/legal-counsel/lawyers', { firmId: '00000000-0000-4000-8000-000000000000', name: '宋律师', licenceNo: '41120260000009999' });
    expect([r.status, r.body.message]).toEqual([400, '律师事务所不存在']);
    const lawyer = (await legal.post('/api/legal-counsel/lawyers', { firmId: firm, name: '宋律师', licenceNo: '41120260000009999' })).body.id;
    r = await legal.post('/api/legal-counsel/lawyers', { firmId: firm, name: '宋律师', licenceNo: '41120260000009999' });
    expect([r.status, r.body.message]).toEqual([409, '执业证号41120260000009999已登记']);
    r = await legal.post('/api/legal-counsel/appointments', { lawyerId: lawyer, orgId: scj, from: '2026-12-31', to: '2026-01-01' });
    expect([r.status, r.body.message]).toEqual([400, '聘期结束日期不能早于开始日期']);
    r = await legal.post('/api/legal-counsel/work', { lawyerId: lawyer, orgId: scj, kind: 'consultation', on: '2026-10-10', subject: '法律咨询' });
    expect([r.status, r.body.message]).toEqual([422, '宋律师律师在2026-10-10不在湖滨区市场监督管理局的法律顾问聘期内']);
    r = await legal.post('/api/legal-counsel/work', { lawyerId: lawyer, orgId: scj, kind: 'gift', on: '2026-10-10', subject: '法律咨询' });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('请选择工作类型');
    expect((await (await t.staff(DIRECTOR_SCJ)).post('/api/legal-counsel/firms', { name: '河南测试丁律师事务所' })).status).toBe(403);
    const other = await t.staff({ ...LEGAL_SFJ, name: '审查员乙' });
    const both = await Promise.all([legal.post('/api/legal-counsel/firms', { name: '河南测试戊律师事务所' }), other.post('/api/legal-counsel/firms', { name: '河南测试戊律师事务所' })]);
    expect(both.map((x) => x.status).sort()).toEqual([200, 409]);
    r = await (await t.staff(DIRECTOR_SCJ)).post('/api/contract-reviews', { ...contract('短'), docKind: 'loan' });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('文件名称至少4个字');
    expect(await count(`SELECT (SELECT count(*) FROM counsel_firms) + (SELECT count(*) FROM counsel_lawyers) + (SELECT count(*) FROM counsel_appointments) + (SELECT count(*) FROM counsel_work) AS n`)).toBe(before + 3);
  });

  it('counts opinions, comments and counsel work from the records of the demo year, at the scale of the seed report', async () => {
    await seedLegalAffairsDemo(t.kernel);
    await seedLegalAffairsDemo(t.kernel); // idempotent
    const q = { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' };
    const m = async (k: string, s = q) => (await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, k, s)))!.numerator;
    const [row] = await t.kernel.db.query<{ reviewed: number; comments: number; seeded: number }>(`SELECT
      (SELECT count(*) FROM contract_reviews WHERE opinion_on BETWEEN '2026-01-01' AND '2026-12-31')::int AS reviewed,
      (SELECT count(*) FROM contract_review_comments k JOIN contract_reviews r ON r.case_id = k.case_id WHERE r.opinion_on BETWEEN '2026-01-01' AND '2026-12-31')::int AS comments,
      (SELECT count(*) FROM contract_reviews WHERE opinion_on IS NOT NULL AND summary <> $1)::int AS seeded`, [contract('').summary]);
    expect(await m('contractReview.reviewed')).toBe(row.reviewed);
    expect(await m('contractReview.comments')).toBe(row.comments);
    expect(row.seeded).toBe(29); // the demo's reviews with an opinion, beside what the tests above issued
    const byKind = async (kind: string, from = '2026-01-01', to = '2026-12-31') => count(`SELECT count(*)::int AS n FROM counsel_work WHERE kind = $1 AND on_date BETWEEN $2 AND $3`, [kind, from, to]);
    for (const [key, kind] of [['legalCounsel.reviews', 'review'], ['legalCounsel.opinions', 'opinion'], ['legalCounsel.cases', 'case'], ['legalCounsel.consultations', 'consultation']]) {
      expect(await m(key), key).toBe(await byKind(kind));
    }
    // The seed report's figures over the twelve months the demo fills (to the test's today, 2026-11-02):
    // 163 comments on the reviews, 104 opinions, 18 cases, 185 consultations.
    expect(await count(`SELECT count(*)::int AS n FROM contract_review_comments WHERE case_id IN (SELECT case_id FROM contract_reviews WHERE summary <> $1)`, [contract('').summary])).toBe(163);
    const window = ['2025-11-03', '2026-11-02'] as const;
    expect([await byKind('opinion', ...window), await byKind('case', ...window), await byKind('consultation', ...window)]).toEqual([104, 18, 185]);
    expect(await m('legalCounsel.consultations', { ...q, from: window[0], to: window[1] })).toBe(185);
    // An org scope counts the sending agency's own reviews only; a period before the year counts none.
    const orgCount = await count(`SELECT count(*)::int AS n FROM contract_reviews WHERE org_id = $1 AND opinion_on IS NOT NULL`, [scj]);
    expect(await m('contractReview.reviewed', { ...q, orgId: scj } as typeof q)).toBe(orgCount);
    expect(await m('contractReview.reviewed', { ...q, from: '2024-01-01', to: '2024-12-31' })).toBe(0);
    // The annual report's sentence names these keys, so it writes itself from the same records.
    const report = (await (await t.staff(REVIEWER_SFJ)).post('/api/annual-reports', { year: 2026, subjectKind: 'division', divisionCode: '411202' })).body;
    const para = report.content.parts.flatMap((p: any) => p.sections.flatMap((x: any) => x.paragraphs)).find((p: any) => p.source === 'rules.contracts');
    expect(para.segments.map((x: { text: string }) => x.text).join('')).toBe(`审查行政合同等文件${row.reviewed}件，提出审查意见${row.comments}条。`);
    const counsel = report.content.parts.flatMap((p: any) => p.sections.flatMap((x: any) => x.paragraphs)).find((p: any) => p.source === 'rules.counsel');
    expect(counsel.segments.map((x: { text: string }) => x.text).join('')).toBe(
      `法律顾问参与合法性审查${await byKind('review')}次，出具法律意见${await byKind('opinion')}条，参与复议诉讼案件${await byKind('case')}件，开展法律咨询和讲座${await byKind('consultation')}次。`);
    const pool = (await (await t.staff(LEGAL_SFJ)).get('/api/legal-counsel/pool?year=2026')).body;
    expect(pool.firms.filter((f: { name: string }) => !f.name.includes('测试'))).toHaveLength(3);
    const demoLawyers = pool.firms.filter((f: { name: string }) => !f.name.includes('测试')).flatMap((f: { lawyers: unknown[] }) => f.lawyers);
    expect(demoLawyers).toHaveLength(17);
    expect(demoLawyers.reduce((s: number, l: { work: { consultation: number } }) => s + l.work.consultation, 0)).toBe(await byKind('consultation'));
  });
});
