/**
 * Case-file review through HTTP on a real database: a campaign with the default sheet (bad input refused
 * in Chinese), a seeded draw of closed penalty files with their veto items pre-checked from the case data,
 * a paper file registered by hand, scoring (a veto item fails the file whatever its score; one reviewer
 * wins), the unit's problems issued as a rectification case only that unit sees, accepted by the bureau,
 * 约谈 and 追责, and the figures with the rows behind them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, okBody, startTestApp, testClock, type TestApp } from '../../../../tests/helpers/harness';
import { buildCase, buildOrg, buildStaff, type BuiltStaff, type OrgRow } from '../../../core/server';

let t: TestApp;
let bureauOrg: OrgRow;
let deptA: OrgRow;
let deptB: OrgRow;
let bureau: BuiltStaff;
let staffA: BuiltStaff;
let staffB: BuiltStaff;
const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);
const ok = (c: Client, path: string, body: unknown = {}) => okBody(c.post(path, body), path);

/** A holder of the credential register with a card valid through `validTo` (the register's own tables; tests may write them). */
async function holder(name: string, o: OrgRow, validTo: string) {
  const id = randomUUID();
  await t.kernel.db.query(`INSERT INTO credential_holders (id, name, org_id, division_code, post, employment, scope, status, created_at) VALUES ($1,$2,$3,$4,'执法人员','establishment','市场监管','active',now())`, [id, name, o.id, o.divisionCode]);
  await t.kernel.db.query(
    `INSERT INTO credentials (id, holder_id, kind, number, verify_token, scope, issued_on, valid_to, status, org_id, division_code, created_at) VALUES ($1,$2,'enforcement',$3,$4,'市场监管','2020-01-01',$5,'valid',$6,$7,now())`,
    [randomUUID(), id, `4112${randomUUID().replace(/\D/g, '').slice(0, 8)}`, randomUUID(), validTo, o.id, o.divisionCode],
  );
  return { holderId: id, name, credentialNo: 'x' };
}

/** A closed penalty case of `o` with its enforcement rows (enforcement's own tables, as its tests write credential rows). */
async function closedPenalty(o: OrgRow, n: number, f: { officers: { holderId: string; name: string; credentialNo: string }[]; reviewRequired?: boolean; basis?: string }) {
  const c = await buildCase(t.kernel, 'penalty', { state: 'closed', orgId: o.id });
  await t.kernel.db.query(
    `INSERT INTO enforcement_penalties (case_id, org_id, division_code, party_kind, party_name, cause, source, facts, filed_on, review_grounds, decision_kind, decision_no, basis, decided_on, closed_on, created_at)
     VALUES ($1,$2,$3,'org',$4,'销售过期食品','检查发现','事实',$5,$6,'给予行政处罚',$7,$8,$9,$9,now())`,
    [c.id, o.id, o.divisionCode, `测试公司${n}`, '2026-03-02', JSON.stringify(f.reviewRequired ? ['涉及重大公共利益'] : []), `测市监罚〔2026〕${n}号`, f.basis ?? '《中华人民共和国食品安全法》第一百二十四条', '2026-04-01'],
  );
  await t.kernel.db.query(`INSERT INTO enforcement_evidence (id, case_id, taken_on, officers, summary, org_id, division_code, created_at) VALUES ($1,$2,'2026-03-05',$3,'现场检查笔录',$4,$5,now())`,
    [randomUUID(), c.id, JSON.stringify(f.officers), o.id, o.divisionCode]);
  return c.id;
}

beforeAll(async () => {
  t = await startTestApp({ clock: testClock('2026-11-02T09:00:00+08:00'), env: { CFR_RECTIFY_DAYS: '10' } });
  bureauOrg = await buildOrg(t.kernel, { name: '测试司法局' });
  deptA = await buildOrg(t.kernel, { name: '测试市场监督管理局' });
  deptB = await buildOrg(t.kernel, { name: '测试城市管理局' });
  bureau = await buildStaff(t.kernel, { roles: ['legalReviewer'], org: bureauOrg });
  staffA = await buildStaff(t.kernel, { roles: ['director'], org: deptA });
  staffB = await buildStaff(t.kernel, { roles: ['director'], org: deptB });
  const w = await holder('王执法', deptA, '2029-12-31');
  const l = await holder('李执法', deptA, '2029-12-31');
  const z = await holder('赵过期', deptA, '2026-01-31');
  await closedPenalty(deptA, 1, { officers: [w, l] });
  await closedPenalty(deptA, 2, { officers: [w] }); // one officer: 第42条 veto
  await closedPenalty(deptA, 3, { officers: [w, z], reviewRequired: true, basis: '相关规定' }); // expired card, no 法制审核, no article
});
afterAll(async () => { await t.close(); });

const campaign = (over: Record<string, unknown> = {}) => ({
  year: 2026, name: '2026年度行政处罚案卷评查', kind: '行政处罚', orgIds: [deptA.id, deptB.id], filesPerOrg: 3, startOn: '2026-11-01', endOn: '2026-11-30', ...over,
});

describe('案卷评查', () => {
  let campaignId = '';
  let files: { id: string; orgId: string; fileNo: string; precheckFailed: number; source: string }[] = [];
  let rectId = '';

  it('refuses bad campaigns in Chinese and changes nothing; a department cannot run one', async () => {
    const c = await login(bureau);
    const noOrgs = await c.post('/api/case-file-review/campaigns', campaign({ orgIds: [] }));
    expect(noOrgs.status).toBe(400);
    expect(noOrgs.body.message).toContain('请至少选择一个被抽查单位');
    const backwards = await c.post('/api/case-file-review/campaigns', campaign({ endOn: '2026-10-01' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('截止日期不能早于开始日期');
    const sheet = await c.post('/api/case-file-review/campaigns', campaign({ sheet: [{ key: 'a', tier: 'form', label: '卷面', points: 30 }] }));
    expect(sheet.status).toBe(400);
    expect(sheet.body.message).toContain('合计应为100分');
    const dept = await (await login(staffA)).post('/api/case-file-review/campaigns', campaign());
    expect(dept.status).toBe(403);
    expect((await c.get('/api/case-file-review/campaigns')).body).toEqual([]);
    campaignId = (await ok(c, '/api/case-file-review/campaigns', campaign())).id;
  });

  it('draws closed files with a recorded seed once, pre-checks the veto items from the case data, and takes paper files by hand', async () => {
    const c = await login(bureau);
    const drawn = await ok(c, `/api/case-file-review/campaigns/${campaignId}/sample`, { seed: 42 });
    expect(drawn).toEqual({ seed: 42, drawn: 3 });
    const again = await c.post(`/api/case-file-review/campaigns/${campaignId}/sample`, { seed: 7 });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已抽取过');
    const outsider = await c.post(`/api/case-file-review/campaigns/${campaignId}/files`, { orgId: bureauOrg.id, fileNo: '纸质001', title: '测试' });
    expect(outsider.status).toBe(400);
    expect(outsider.body.message).toContain('不是本次评查的被抽查单位');
    await ok(c, `/api/case-file-review/campaigns/${campaignId}/files`, { orgId: deptB.id, fileNo: '城管罚〔2026〕5号', title: '占道经营案' });
    const d = (await c.get(`/api/case-file-review/campaigns/${campaignId}`)).body;
    expect(d.seed).toBe(42);
    expect(d.units.find((u: { orgId: string }) => u.orgId === deptA.id)).toMatchObject({ candidates: 3, drawn: 3 });
    files = d.files;
    expect(files.map((f) => f.source).sort()).toEqual(['manual', 'system', 'system', 'system']);
    const byNo = (n: number) => files.find((f) => f.fileNo === `测市监罚〔2026〕${n}号`)!;
    expect(byNo(1).precheckFailed).toBe(0);
    expect(byNo(2).precheckFailed).toBe(1); // one officer: 第42条 (his own card was valid)
    const three = (await c.get(`/api/case-file-review/files/${byNo(3).id}`)).body;
    const failed = three.precheck.filter((v: { failed: boolean }) => v.failed).map((v: { itemKey: string }) => v.itemKey).sort();
    expect(failed).toEqual(['v-basis', 'v-credentials', 'v-review']);
    expect(three.precheck.find((v: { itemKey: string }) => v.itemKey === 'v-credentials').note).toContain('赵过期');
  });

  it('scores a file: a pre-check overridden only with a reason, deductions within the item, a veto item fails it whatever the score; one reviewer wins', async () => {
    const c = await login(bureau);
    const two = files.find((f) => f.fileNo === '测市监罚〔2026〕2号')!;
    const override = await c.post(`/api/case-file-review/files/${two.id}/score`, { deductions: [], vetoes: [{ itemKey: 'v-officers', failed: false }] });
    expect(override.status).toBe(400);
    expect(override.body.message).toContain('请填写改判理由');
    const tooMuch = await c.post(`/api/case-file-review/files/${two.id}/score`, { deductions: [{ itemKey: 'f-cover', points: 6, note: '无目录' }], vetoes: [] });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.message).toContain('满分5分');
    const dept = await (await login(staffA)).post(`/api/case-file-review/files/${two.id}/score`, { deductions: [], vetoes: [] });
    expect(dept.status).toBe(404); // the bureau's campaign is not the department's to see, let alone score
    const r = await ok(c, `/api/case-file-review/files/${two.id}/score`, { deductions: [{ itemKey: 'f-cover', points: 2, note: '卷宗无目录' }], vetoes: [] });
    expect(r).toMatchObject({ score: 98, vetoed: true, grade: 'fail', gradeLabel: '不合格' });
    const twice = await c.post(`/api/case-file-review/files/${two.id}/score`, { deductions: [], vetoes: [] });
    expect(twice.status).toBe(409);
    const one = files.find((f) => f.fileNo === '测市监罚〔2026〕1号')!;
    expect(await ok(c, `/api/case-file-review/files/${one.id}/score`, { deductions: [{ itemKey: 'c-evidence', points: 5, note: '询问笔录未签名' }], vetoes: [] })).toMatchObject({ score: 95, grade: 'excellent' });
    const paper = files.find((f) => f.source === 'manual')!;
    expect(await ok(c, `/api/case-file-review/files/${paper.id}/score`, { deductions: [], vetoes: [{ itemKey: 'v-procedure', failed: true, note: '未告知听证权利' }] })).toMatchObject({ grade: 'fail' });
    const v = (await c.get(`/api/case-file-review/files/${two.id}`)).body;
    expect(v.problems.map((p: { itemLabel: string }) => p.itemLabel)).toEqual(expect.arrayContaining([expect.stringContaining('否决项'), expect.stringContaining('扣2分')]));
  });

  it('issues the unit’s problems as a rectification case only that unit sees; the unit reports, the bureau accepts', async () => {
    const c = await login(bureau);
    const issued = await ok(c, `/api/case-file-review/campaigns/${campaignId}/rectifications`, { orgId: deptA.id });
    expect(issued.problems).toBe(3); // file 2: the veto item + one deduction; file 1: one deduction
    rectId = issued.id;
    const none = await c.post(`/api/case-file-review/campaigns/${campaignId}/rectifications`, { orgId: deptA.id });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('没有待下发整改的问题');
    const a = await login(staffA);
    const seen = (await a.get(`/api/cases/${rectId}`)).body;
    expect(seen.case?.state ?? seen.state).toBe('issued');
    expect((await (await login(staffB)).get(`/api/cases/${rectId}`)).status).toBe(404);
    await ok(a, `/api/rectifications/${rectId}/start`, {});
    const noNote = await a.post(`/api/rectifications/${rectId}/report`, { note: '' });
    expect(noNote.status).toBe(400);
    await ok(a, `/api/rectifications/${rectId}/report`, { note: '已补全目录，对执法人员开展培训' });
    expect((await a.post(`/api/rectifications/${rectId}/accept`, { note: '自己验收' })).status).toBe(403);
    t.clock.set('2026-11-05T09:00:00+08:00');
    await ok(await login(bureau), `/api/rectifications/${rectId}/accept`, { note: '整改到位' });
  });

  it('records 约谈 and 追责 against the campaign’s units and counts every figure from its rows', async () => {
    const c = await login(bureau);
    const bad = await c.post(`/api/case-file-review/campaigns/${campaignId}/measures`, { kind: 'interview', orgId: deptA.id, personName: '', post: '副局长', on: '2026-11-04', basis: '评查不合格' });
    expect(bad.status).toBe(400);
    await ok(c, `/api/case-file-review/campaigns/${campaignId}/measures`, { kind: 'interview', orgId: deptA.id, personName: '钱副局长', post: '分管副局长', on: '2026-11-04', basis: '案卷评查发现不合格案卷' });
    const dup = await c.post(`/api/case-file-review/campaigns/${campaignId}/measures`, { kind: 'interview', orgId: deptA.id, personName: '钱副局长', post: '分管副局长', on: '2026-11-04', basis: '重复提交' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('已记录');
    await ok(c, `/api/case-file-review/campaigns/${campaignId}/measures`, { kind: 'accountability', orgId: deptA.id, personName: '王执法', post: '执法人员', on: '2026-11-05', basis: '一人调查取证', outcome: '批评教育' });
    const Q = `divisionCode=${bureauOrg.divisionCode}&from=2026-01-01&to=2026-12-31`;
    const n = async (key: string) => (await c.get(`/api/metrics/${key}?${Q}`)).body.numerator;
    expect(await n('caseFileReview.units')).toBe(2);
    expect(await n('caseFileReview.reviewed')).toBe(3);
    expect(await n('caseFileReview.failed')).toBe(2);
    expect(await n('caseFileReview.problems')).toBe(4); // A's three and B's paper file's veto item
    expect(await n('caseFileReview.problemsFixed')).toBe(3);
    expect(await n('caseFileReview.interviews')).toBe(1);
    expect(await n('caseFileReview.accountability')).toBe(1);
    const rows = (await c.get(`/api/metrics/caseFileReview.problemsFixed/rows?${Q}`)).body;
    expect(rows.total).toBe(3);
    expect(rows.rows.every((r: { fixedOn: string }) => r.fixedOn === '2026-11-05')).toBe(true);
    // A department reads only its own rows: B's paper-file problem, never A's.
    const b = await login(staffB);
    const bRows = (await b.get(`/api/metrics/caseFileReview.problems/rows?${Q}`)).body;
    expect(bRows.total).toBe(1);
    expect(bRows.rows[0].org).toBe('测试城市管理局');
  });

  it('re-scores a file before its problems are issued (a reason required, the old score kept, its problems replaced); after issue it is refused', async () => {
    const c = await login(bureau);
    const paper = files.find((f) => f.source === 'manual')!;
    const body = { reason: '复核发现已告知听证权利，告知书在卷', deductions: [{ itemKey: 'c-notice', points: 3, note: '告知书未载明陈述申辩期限' }], vetoes: [{ itemKey: 'v-procedure', failed: false }] };
    const noReason = await c.post(`/api/case-file-review/files/${paper.id}/rescore`, { ...body, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('改分理由');
    expect((await (await login(staffB)).post(`/api/case-file-review/files/${paper.id}/rescore`, body)).status).toBe(404);
    expect(await ok(c, `/api/case-file-review/files/${paper.id}/rescore`, body)).toMatchObject({ score: 97, vetoed: false, grade: 'excellent' });
    const v = (await c.get(`/api/case-file-review/files/${paper.id}`)).body;
    expect(v.rescores).toEqual([expect.objectContaining({ score: 100, grade: 'fail', vetoed: true, reason: body.reason, rescoredOn: '2026-11-05' })]);
    expect(v.problems.map((p: { itemLabel: string }) => p.itemLabel)).toEqual([expect.stringContaining('扣3分')]);
    expect(v.canRescore).toBe(true);
    // File 1's problem went to deptA's rectification: the unit is working on it, the score stands.
    const one = files.find((f) => f.fileNo === '测市监罚〔2026〕1号')!;
    const late = await c.post(`/api/case-file-review/files/${one.id}/rescore`, { reason: '复核改分', deductions: [], vetoes: [] });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('已下发整改');
    expect((await c.get(`/api/case-file-review/files/${one.id}`)).body.canRescore).toBe(false);
    const Q = `divisionCode=${bureauOrg.divisionCode}&from=2026-01-01&to=2026-12-31`;
    const n = async (key: string) => (await c.get(`/api/metrics/${key}?${Q}`)).body.numerator;
    expect(await n('caseFileReview.failed')).toBe(1); // B's paper file is no longer 不合格
    expect(await n('caseFileReview.reviewed')).toBe(3); // still reviewed once, on its first day
    expect(await n('caseFileReview.problems')).toBe(4); // A's three and B's new deduction (the veto problem replaced)
  });

  it('counts a unit sampled by two campaigns of the period once', async () => {
    const c = await login(bureau);
    const { id } = await ok(c, '/api/case-file-review/campaigns', campaign({ name: '2026年度第二轮评查', orgIds: [deptA.id], filesPerOrg: 1 }));
    await ok(c, `/api/case-file-review/campaigns/${id}/sample`, { seed: 7 });
    const Q = `divisionCode=${bureauOrg.divisionCode}&from=2026-01-01&to=2026-12-31`;
    expect((await c.get(`/api/metrics/caseFileReview.units?${Q}`)).body.numerator).toBe(2);
    const rows = (await c.get(`/api/metrics/caseFileReview.units/rows?${Q}`)).body;
    expect(rows.total).toBe(2);
    expect(rows.rows.map((r: { org: string }) => r.org).sort()).toEqual(['测试城市管理局', '测试市场监督管理局']);
  });

  it('draws completed 涉企检查 for a 行政检查 campaign and pre-checks only what an inspection can answer', async () => {
    const w = await holder('周检查', deptB, '2029-12-31');
    const x = await holder('吴检查', deptB, '2029-12-31');
    const visit = async (officers: { holderId: string; name: string; credentialNo: string }[], n: number) => {
      const c = await buildCase(t.kernel, 'inspection', { state: 'completed', orgId: deptB.id });
      await t.kernel.db.query(
        `INSERT INTO enforcement_inspections (case_id, org_id, division_code, firm_code, firm_name, kind, purpose, officers, visit_on, token, cap, prior_visits, over_cap, created_at)
         VALUES ($1,$2,$3,$4,$5,'complaint','投诉核查',$6,'2026-05-06',$7,2,0,false,now())`,
        [c.id, deptB.id, deptB.divisionCode, `91411200MA${String(n).padStart(7, '0')}X`, `测试商户${n}`, JSON.stringify(officers), randomUUID()],
      );
    };
    await visit([w, x], 1);
    await visit([w], 2);
    const c = await login(bureau);
    const { id } = await ok(c, '/api/case-file-review/campaigns', campaign({ name: '2026年度行政检查案卷评查', kind: '行政检查', orgIds: [deptB.id], filesPerOrg: 5 }));
    expect(await ok(c, `/api/case-file-review/campaigns/${id}/sample`, { seed: 3 })).toMatchObject({ drawn: 2 });
    const d = (await c.get(`/api/case-file-review/campaigns/${id}`)).body;
    expect(d.files.map((f: { precheckFailed: number }) => f.precheckFailed).sort()).toEqual([0, 1]);
    const one = d.files.find((f: { precheckFailed: number }) => f.precheckFailed === 1);
    const v = (await c.get(`/api/case-file-review/files/${one.id}`)).body;
    // Credentials and two officers are checked; 法制审核, the 90 days and the cited basis are penalty facts, left to the reviewer.
    expect(v.precheck.map((p: { itemKey: string }) => p.itemKey).sort()).toEqual(['v-credentials', 'v-officers']);
    expect(v.precheck.find((p: { itemKey: string }) => p.itemKey === 'v-officers').failed).toBe(true);
    const other = await ok(c, '/api/case-file-review/campaigns', campaign({ name: '2026年度行政许可案卷评查', kind: '行政许可', orgIds: [deptB.id] }));
    const refused = await c.post(`/api/case-file-review/campaigns/${other.id}/sample`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('逐本登记');
  });
});
