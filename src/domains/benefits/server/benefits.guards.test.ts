import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Client, type TestApp, okBody } from '../../../../tests/helpers/harness';
import { buildStaff, type BuiltStaff } from '../../../core/server';
import { creditCodeFor } from '../shared/benefits.generate';
import { DEMO_POLICIES } from '../shared/benefits.policies';

// A policy's budget is never exceeded: not by the scan, not by two scans started at once, not by two
// objections corrected at once. Firms (稳岗返还 P1, all small, so 60% of the premium paid):
// A qualifies (8,640.00); B and C paid 11 months (near misses) and would get 14,400.00 and 17,280.30.
const code = (i: number) => creditCodeFor('411202', 30_000_000 + i * 17);
// D is on the 经营异常名录 (a 市场监管 fact) and would otherwise get 60.00.
const FIRMS = [['甲五金有限公司', code(1)], ['乙包装有限公司', code(2)], ['丙纺织有限公司', code(3)], ['丁印务有限公司', code(4)]];
const social = [
  ['统一社会信用代码', '名称', '上年度失业保险足额缴费月数', '上年度月均参保人数', '上年度新增领取失业保险金人数', '上年度实际缴纳失业保险费'],
  [FIRMS[0][1], FIRMS[0][0], '12', '20', '0', '14400'],
  [FIRMS[1][1], FIRMS[1][0], '11', '40', '0', '24000'],
  [FIRMS[2][1], FIRMS[2][0], '11', '40', '0', '28800.5'],
  [FIRMS[3][1], FIRMS[3][0], '12', '10', '0', '100'],
];
const market = [['统一社会信用代码', '名称', '登记状态', '列入经营异常名录'], ...FIRMS.map(([name, c], i) => [c, name, '存续', i === 3 ? '是' : '否'])];
const credit = [['统一社会信用代码', '名称', '列入严重失信主体名单'], ...FIRMS.map(([name, c]) => [c, name, '否'])];
const stats = [['统一社会信用代码', '名称', '企业规模'], ...FIRMS.map(([name, c]) => [c, name, '小型'])];

let t: TestApp;
let officer: BuiltStaff, author: BuiltStaff, lawyer: BuiltStaff, head: BuiltStaff;
beforeAll(async () => {
  t = await startTestApp({ env: { BENEFITS_PUBLICITY_DAYS: '5' } });
  const org = (name: string) => t.kernel.db.query<{ id: string; name: string; division_code: string; kind: string }>(`SELECT * FROM orgs WHERE name = $1`, [name]).then((r) => r[0]);
  const asOrg = (o: Awaited<ReturnType<typeof org>>) => ({ id: o.id, name: o.name, divisionCode: o.division_code, kind: o.kind }) as never;
  officer = await buildStaff(t.kernel, { roles: ['benefitsOfficer'], org: asOrg(await org('湖滨区行政审批和政务信息管理局')) });
  author = await buildStaff(t.kernel, { roles: ['reviewer'], org: asOrg(await org('湖滨区人力资源和社会保障局')) });
  lawyer = await buildStaff(t.kernel, { roles: ['legalReviewer'], org: asOrg(await org('湖滨区司法局')) });
  head = await buildStaff(t.kernel, { roles: ['leader'], org: asOrg(await org('湖滨区人民政府')) });
});
afterAll(async () => { await t.close(); });

const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);
const ok = (p: Promise<{ status: number; body: any }>) => okBody(p);
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}`).toString('base64');

async function publish(code: string, name: string, budgetFen: number | null, mode = DEMO_POLICIES[0].mode) {
  const a = await login(author);
  const p1 = DEMO_POLICIES[0];
  const { id } = await ok(a.post('/api/benefit-policies', { code, name, docNo: p1.docNo, article: p1.article, issuer: p1.issuer, mode, subjectKind: 'enterprise', recurrence: 'yearly', budgetFen, validFrom: '2026-01-01', validTo: null, terms: p1.terms }));
  await ok(a.post(`/api/benefit-policies/${id}/sandbox`, { snapshot: '2026-11-02' }));
  await ok(a.post(`/api/benefit-policies/${id}/submitReview`, {}));
  await ok((await login(lawyer)).post(`/api/benefit-policies/${id}/passReview`, { opinion: '制定主体、依据和程序合法' }));
  await ok((await login(head)).post(`/api/benefit-policies/${id}/publish`, {}));
  return id;
}

describe('免申即享 budget', () => {
  let scanId = '', nextScanId = '';
  it('one county scan at a time: of two started at once, one is refused with the reason; the scan cuts what the budget cannot pay and tells the clerk why', async () => {
    const o = await login(officer);
    for (const [source, table] of [['social', social], ['market', market], ['credit', credit], ['stats', stats]] as const) {
      await ok(o.post('/api/benefits/imports', { source, asOf: '2026-10-31', fileName: `${source}.csv`, contentBase64: csv(table as string[][]) }));
    }
    // T1's budget holds A and exactly one of the two corrections; T2's cannot hold even A.
    await publish('B1', '稳岗返还（预算测试）', 864_000 + 1_728_030 + 100);
    await publish('B2', '稳岗返还（小额预算）', 500_000);

    const [r1, r2] = await Promise.all([o.post('/api/benefits/scans', { snapshot: '2026-11-02' }), o.post('/api/benefits/scans', { snapshot: '2026-11-02' })]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const refused = r1.status === 409 ? r1 : r2;
    expect(refused.body.message).toContain('全县比对正在进行');
    scanId = (r1.status === 200 ? r1 : r2).body.id;
    expect(Number((await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM benefit_scans`))[0].n)).toBe(1);
    await t.kernel.jobs.get('benefits.scan')!.handler(t.kernel, { scanId }, { id: 'test', attempts: 1 });
    const scan = await ok(o.get(`/api/benefits/scans/${scanId}`));
    // A is granted under B1 (8,640.00 fits) and cut under B2 (budget 5,000.00).
    expect(scan).toMatchObject({ state: 'done', eligible: 1, nearMisses: 6, amountFen: 864_000, overBudget: 1, overBudgetFen: 864_000 });
    const cut = await ok(o.get(`/api/benefits/results?scanId=${scanId}&outcome=overBudget`));
    expect(cut.items).toHaveLength(1);
    expect(cut.items[0]).toMatchObject({ subjectName: FIRMS[0][0], policyName: '稳岗返还（小额预算）', amountYuan: '8640.00', payState: null });
    expect(cut.items[0].note).toBe('预算不足未予兑现：该政策预算5000.00元，已拨付和已核定0.00元，余额5000.00元，不足本项8640.00元；请主管部门追加预算后重新比对');
    // Not published: the 公示 lists A once, under B1.
    const pub = await ok(t.anon().get('/api/public/benefits/publicity'));
    expect(pub.map((x: any) => x.policyName)).toEqual(['稳岗返还（预算测试）']);
    // Now the scan is done, another may start.
    const next = await o.post('/api/benefits/scans', { snapshot: '2026-11-02' });
    expect(next.status).toBe(200);
    nextScanId = next.body.id;
  });

  it('two objections corrected at once under B1: each alone fits the rest of the budget, both do not; one is granted, the other told the budget is spent', async () => {
    const o = await login(officer);
    const near = await ok(o.get(`/api/benefits/results?scanId=${scanId}&outcome=nearMiss`));
    const mineB1 = near.items.filter((x: any) => x.policyName === '稳岗返还（预算测试）' && x.subjectName !== FIRMS[3][0]);
    expect(mineB1.map((x: any) => x.subjectName).sort()).toEqual([FIRMS[1][0], FIRMS[2][0]].sort());
    const objectionIds: string[] = [];
    for (const [i, [name, c]] of [FIRMS[1], FIRMS[2]].entries()) {
      const firm = t.anon();
      await ok(firm.post('/api/auth/register', { kind: 'enterprise', name, idNumber: c, phone: `1391234567${i}`, password: 'Firm#2026ok' }));
      await firm.login(c, 'Firm#2026ok');
      const r = mineB1.find((x: any) => x.subjectName === name);
      objectionIds.push((await ok(firm.post(`/api/public/benefits/results/${r.id}/object`, { claimedValue: '12', reason: '12月保费已补缴' }))).id);
    }
    const d1 = await login(author), d2 = await login(author);
    const done = await Promise.all(objectionIds.map((id, i) => (i ? d2 : d1).post(`/api/benefit-objections/${id}/correct`, { value: '12', reply: '经社保经办机构核实，已补缴' })));
    expect(done.map((r) => r.status)).toEqual([200, 200]);
    const current = await t.kernel.db.query<{ outcome: string; amount_fen: number; note: string | null }>(
      `SELECT r.outcome, r.amount_fen::float8 AS amount_fen, r.note FROM benefit_results r JOIN benefit_policy_versions v ON v.id = r.version_id
        WHERE r.current AND v.code = 'B1' AND r.outcome IN ('eligible', 'overBudget') AND r.scan_id = $1 ORDER BY r.outcome`, [scanId]);
    expect(current.map((x) => x.outcome).sort()).toEqual(['eligible', 'eligible', 'overBudget']);
    const granted = current.filter((x) => x.outcome === 'eligible').reduce((s, x) => s + x.amount_fen, 0);
    expect(granted).toBeLessThanOrEqual(864_000 + 1_728_030 + 100);
    expect(current.find((x) => x.outcome === 'overBudget')!.note).toContain('预算不足未予兑现');
  });

  it('an objection to a 市场监管 fact goes to the 市场监督管理局, which corrects it (the policy\'s 人社局 cannot); the re-run grants', async () => {
    const o = await login(officer);
    const near = await ok(o.get(`/api/benefits/results?scanId=${scanId}&outcome=nearMiss&q=${encodeURIComponent(FIRMS[3][0])}`));
    const r = near.items.find((x: any) => x.policyName === '稳岗返还（小额预算）');
    expect(r.failed).toContain('列入经营异常名录');
    expect(r.correctionHint).toContain('市场监管');
    const firm = t.anon();
    await ok(firm.post('/api/auth/register', { kind: 'enterprise', name: FIRMS[3][0], idNumber: FIRMS[3][1], phone: '13912345679', password: 'Firm#2026ok' }));
    await firm.login(FIRMS[3][1], 'Firm#2026ok');
    const { id } = await ok(firm.post(`/api/public/benefits/results/${r.id}/object`, { claimedValue: '否', reason: '已于10月移出经营异常名录' }));
    const [{ org }] = await t.kernel.db.query<{ org: string }>(`SELECT o.name AS org FROM cases c JOIN orgs o ON o.id = c.org_id WHERE c.id = $1`, [id]);
    expect(org).toBe('湖滨区市场监督管理局');
    // The policy's department no longer answers it; the data's owner does.
    const policyDept = await login(author);
    expect([403, 404]).toContain((await policyDept.post(`/api/benefit-objections/${id}/correct`, { value: '否', reply: '核实' })).status);
    const scj = await t.staff({ roles: ['reviewer'], org: '湖滨区市场监督管理局' });
    const detail = await ok(scj.get(`/api/cases/${id}`));
    expect(JSON.stringify(detail)).toContain('湖滨区市场监督管理局');
    await ok(scj.post(`/api/benefit-objections/${id}/correct`, { value: '否', reply: '该企业已于2026年10月移出经营异常名录' }));
    const after = await ok(firm.get('/api/public/benefits/mine'));
    expect(after.items.find((x: any) => x.policyName === '稳岗返还（小额预算）')).toMatchObject({ outcome: 'eligible', amountYuan: '60.00' });
  });

  it('快申快享: the scan pre-fills the application and tells the firm; the firm submits it (not nothing), and only then is it in 公示 and may confirm its account', async () => {
    const [name, c] = FIRMS[0];
    const firm = t.anon();
    await ok(firm.post('/api/auth/register', { kind: 'enterprise', name, idNumber: c, phone: '13912345670', password: 'Firm#2026ok' }));
    await firm.login(c, 'Firm#2026ok');
    await publish('B3', '稳岗返还（快申快享）', null, '快申快享');
    await t.kernel.jobs.get('benefits.scan')!.handler(t.kernel, { scanId: nextScanId }, { id: 'test', attempts: 1 });
    const mine = async () => (await ok(firm.get('/api/public/benefits/mine'))).items.find((x: any) => x.policyName === '稳岗返还（快申快享）');
    const r = await mine();
    expect(r).toMatchObject({ outcome: 'eligible', mode: '快申快享', payState: 'awaitingApplication', payStateName: '待核对提交预填申请', publicityEnds: null, amountYuan: '8640.00' });
    // The firm was told its application is pre-filled (in-app), with the amount and the reasons.
    const notices = await t.kernel.db.query<{ body: string }>(`SELECT body FROM outbox WHERE title = '惠企政策兑现提示：稳岗返还（快申快享）' AND body LIKE '%拟兑现8640.00元%'`);
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('已根据登记数据为您预填申请');
    const listed = async () => (await ok(t.anon().get('/api/public/benefits/publicity'))).some((x: any) => x.policyName === '稳岗返还（快申快享）');
    expect(await listed()).toBe(false);
    const early = await firm.post(`/api/public/benefits/results/${r.id}/confirm`, { accountName: name, accountNo: '6217000012345678' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('请先核对并提交预填的申请');
    await ok(firm.post(`/api/public/benefits/results/${r.id}/apply`, {}));
    expect((await firm.post(`/api/public/benefits/results/${r.id}/apply`, {})).status).toBe(409);
    expect(await mine()).toMatchObject({ payState: 'publicity' });
    expect((await mine()).publicityEnds).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await listed()).toBe(true);
    await ok(firm.post(`/api/public/benefits/results/${r.id}/confirm`, { accountName: name, accountNo: '6217000012345678' }));
    expect(await mine()).toMatchObject({ payState: 'confirmed' });
  });

  it('a scan left running by a process that died does not block the county for good: after six hours the next start voids it', async () => {
    const [{ division_code: county }] = await t.kernel.db.query<{ division_code: string }>(`SELECT division_code FROM benefit_scans LIMIT 1`);
    const stale = '00000000-0000-4000-8000-000000000001';
    await t.kernel.db.query(`INSERT INTO benefit_scans (id, snapshot, state, requested_by, division_code, created_at) VALUES ($1, '2026-11-02', 'running', '测试', $2, $3)`, [stale, county, new Date(t.kernel.now().getTime() - 5 * 3600_000)]);
    const o = await login(officer);
    expect((await o.post('/api/benefits/scans', { snapshot: '2026-11-02' })).status).toBe(409);
    await t.kernel.db.query(`UPDATE benefit_scans SET created_at = $2 WHERE id = $1`, [stale, new Date(t.kernel.now().getTime() - 7 * 3600_000)]);
    expect((await o.post('/api/benefits/scans', { snapshot: '2026-11-02' })).status).toBe(200);
    const [{ state, error }] = await t.kernel.db.query<{ state: string; error: string }>(`SELECT state, error FROM benefit_scans WHERE id = $1`, [stale]);
    expect(state).toBe('failed');
    expect(error).toContain('比对中断');
  });
});
