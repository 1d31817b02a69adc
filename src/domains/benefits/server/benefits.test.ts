import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Client, type TestApp, okBody } from '../../../../tests/helpers/harness';
import { buildStaff, type BuiltStaff } from '../../../core/server';
import { creditCodeFor } from '../shared/benefits.generate';
import { DEMO_POLICIES } from '../shared/benefits.policies';

let t: TestApp;
let officer: BuiltStaff, author: BuiltStaff, lawyer: BuiltStaff, head: BuiltStaff;
const exchange = mkdtempSync(join(tmpdir(), 'zt-benefits-'));
beforeAll(async () => {
  t = await startTestApp({ env: { BENEFITS_PUBLICITY_DAYS: '5', BENEFITS_PLATFORM_DIR: exchange, DEMO_BENEFIT_FIRMS: '40', DEMO_BENEFIT_PERSONS: '10' } });
  const org = (name: string) => t.kernel.db.query<{ id: string; name: string; division_code: string; kind: string }>(`SELECT * FROM orgs WHERE name = $1`, [name]).then((r) => r[0]);
  const rsj = await org('湖滨区人力资源和社会保障局');
  const spj = await org('湖滨区行政审批和政务信息管理局');
  const sfj = await org('湖滨区司法局');
  const gov = await org('湖滨区人民政府');
  const asOrg = (o: typeof rsj) => ({ id: o.id, name: o.name, divisionCode: o.division_code, kind: o.kind }) as never;
  officer = await buildStaff(t.kernel, { roles: ['benefitsOfficer'], org: asOrg(spj) });
  author = await buildStaff(t.kernel, { roles: ['reviewer'], org: asOrg(rsj) });
  lawyer = await buildStaff(t.kernel, { roles: ['legalReviewer'], org: asOrg(sfj) });
  head = await buildStaff(t.kernel, { roles: ['leader'], org: asOrg(gov) });
});
afterAll(async () => { await t.close(); });

const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);
const ok = (p: Promise<{ status: number; body: any }>) => okBody(p);
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}`).toString('base64');
const n = async (sql: string) => Number((await t.kernel.db.query<{ n: number }>(sql))[0].n);

// Five firms: A qualifies; B laid off 10% of 50 (fails 5.5%, and is over 30 insured); C paid 11 months (a near
// miss); D is on the 严重失信 list; E is small (20 insured) with a 10% layoff rate, which the any-branch allows.
const code = (i: number) => creditCodeFor('411202', 20_000_000 + i * 13);
const FIRMS = [['甲精密机械有限公司', code(1)], ['乙商贸有限公司', code(2)], ['丙食品有限公司', code(3)], ['丁建材有限公司', code(4)], ['戊科技有限公司', code(5)]];
const social = [
  ['统一社会信用代码', '名称', '上年度失业保险足额缴费月数', '上年度月均参保人数', '上年度新增领取失业保险金人数', '上年度实际缴纳失业保险费'],
  [FIRMS[0][1], FIRMS[0][0], '12', '120', '2', '86400.00'],
  [FIRMS[1][1], FIRMS[1][0], '12', '50', '5', '36000'],
  [FIRMS[2][1], FIRMS[2][0], '11', '40', '0', '28800.5'],
  [FIRMS[3][1], FIRMS[3][0], '12', '60', '0', '43200'],
  [FIRMS[4][1], FIRMS[4][0], '12', '20', '2', '14400'],
];
const market = [['统一社会信用代码', '名称', '登记状态', '列入经营异常名录'], ...FIRMS.map(([name, c]) => [c, name, '存续', '否'])];
const credit = [['统一社会信用代码', '名称', '列入严重失信主体名单'], ...FIRMS.map(([name, c], i) => [c, name, i === 3 ? '是' : '否'])];
const stats = [['统一社会信用代码', '名称', '企业规模'], ...FIRMS.map(([name, c], i) => [c, name, i === 0 ? '大型' : '小型'])];

describe('免申即享', () => {
  it('imports the register all or nothing, with a row-by-row report; the platform adapter says when it has nothing', async () => {
    const o = await login(officer);
    const bad = [...social.slice(0, 3), ['91411202MA00000000', '错码公司', '12', '10', '0', '100'], [FIRMS[0][1], '重复', '12', '1', '0', '1'], [code(9), '金额公司', '十二', '1', '0', '1.234']];
    const r = await o.post('/api/benefits/imports', { source: 'social', asOf: '2026-10-31', fileName: '社保.csv', contentBase64: csv(bad) });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('3行数据有误，未导入任何数据');
    const rows = r.body.details.rows as { row: number; messages: string[] }[];
    expect(rows.map((x) => x.row)).toEqual([4, 5, 6]);
    expect(rows[0].messages[0]).toContain('证件号码“91411202MA00000000”无效');
    expect(rows[1].messages[0]).toContain('与第2行证件号码重复');
    expect(rows[2].messages.join()).toContain('“上年度失业保险足额缴费月数”应为数字');
    expect(rows[2].messages.join()).toContain('“上年度实际缴纳失业保险费”应为金额');
    expect(await n('SELECT count(*)::int AS n FROM benefit_facts')).toBe(0);
    // A 税务 file cannot carry 社保 figures.
    const wrong = await o.post('/api/benefits/imports', { source: 'tax', asOf: '2026-10-31', fileName: '税务.csv', contentBase64: csv(social) });
    expect(wrong.body.details.rows[0].messages[0]).toContain('属于社保数据，不能随税务数据导入');

    for (const [source, table] of [['social', social], ['market', market], ['credit', credit]] as const) {
      const done = await ok(o.post('/api/benefits/imports', { source, asOf: '2026-10-31', fileName: `${source}.csv`, contentBase64: csv(table as string[][]) }));
      expect(done.rows).toBe(5);
    }
    // The platform: nothing in the exchange directory is an error, never a silent no-op.
    const none = await o.post('/api/benefits/imports/platform', { source: 'stats', asOf: '2026-10-31' });
    expect(none.status).toBe(503);
    expect(none.body.message).toContain('交换目录中没有统计数据文件');
    writeFileSync(join(exchange, 'stats.csv'), stats.map((x) => x.join(',')).join('\n'));
    const pulled = await ok(o.post('/api/benefits/imports/platform', { source: 'stats', asOf: '2026-10-31' }));
    expect(pulled).toMatchObject({ rows: 5, created: 0 });
    expect(pulled.adapter).toContain('本地交换目录');
    expect(await n('SELECT count(*)::int AS n FROM benefit_subjects')).toBe(5);
    expect(await n(`SELECT count(DISTINCT source)::int AS n FROM benefit_facts`)).toBe(4);
  });

  let policyId = '';
  it('a department drafts 稳岗返还, runs the sandbox, the justice bureau reviews and the leader publishes', async () => {
    const a = await login(author);
    const p1 = DEMO_POLICIES[0];
    const input = { code: 'T1', name: p1.name, docNo: p1.docNo, article: p1.article, issuer: p1.issuer, mode: p1.mode, subjectKind: 'enterprise', recurrence: 'yearly', budgetFen: 10_000_000, validFrom: '2026-01-01', validTo: null, terms: p1.terms };
    // The one schema refuses a malformed rule (an unknown fact) with a Chinese message and saves nothing.
    const badRule = await a.post('/api/benefit-policies', { ...input, terms: { ...p1.terms, eligibility: { all: [{ label: 'x', left: { kind: 'fact', fact: 'nope' }, op: '>=', value: 1 }] } } });
    expect(badRule.status).toBe(400);
    expect(JSON.stringify(badRule.body)).toContain('未知的登记事实');
    const { id } = await ok(a.post('/api/benefit-policies', input));
    policyId = id;
    // One 事项编号, one policy: a second under T1 would be granted and paid twice.
    const twice = await a.post('/api/benefit-policies', { ...input, name: '另一项政策' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('事项编号T1已由');
    const early = await a.post(`/api/benefit-policies/${id}/submitReview`, {});
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('请先运行政策沙盘');
    const sb = await ok(a.post(`/api/benefit-policies/${id}/sandbox`, { snapshot: '2026-11-02' }));
    // A (大型, 30% of 86,400.00) and E (small: ≤30 insured, 10% ≤ 20%; 60% of 14,400) qualify; B, C and D miss one
    // condition each (D's is the 严重失信 exclusion).
    expect(sb).toMatchObject({ scanned: 5, eligible: 2, nearMisses: 3, amountFen: 2_592_000 + 864_000, overBudget: false });
    expect(sb.byFailedCondition.map((x: { label: string }) => x.label).sort()).toEqual(['上年度裁员率不高于5.5%', '上年度失业保险足额缴费满12个月', '列入严重失信主体名单'].sort());
    await ok(a.post(`/api/benefit-policies/${id}/submitReview`, {}));
    // Only the justice bureau reviews; the department cannot pass its own policy.
    expect((await a.post(`/api/benefit-policies/${id}/passReview`, { opinion: '合法' })).status).toBe(403);
    await ok((await login(lawyer)).post(`/api/benefit-policies/${id}/passReview`, { opinion: '制定主体、依据和程序合法，条件明确' }));
    await ok((await login(head)).post(`/api/benefit-policies/${id}/publish`, {}));
    const d = await ok(a.get(`/api/benefit-policies/${id}/detail`));
    expect(d.state).toBe('published');
    expect(d.versions[0]).toMatchObject({ version: 1, status: 'published' });
  });

  let nearMissId = '';
  it('the scan grants with reasons, lists the near miss with what failed, and notifies; a firm objects and the correction re-runs the rule', async () => {
    const o = await login(officer);
    const { id: scanId } = await ok(o.post('/api/benefits/scans', { snapshot: '2026-11-02' }));
    await t.kernel.jobs.get('benefits.scan')!.handler(t.kernel, { scanId }, { id: 'test', attempts: 1 });
    const scan = await ok(o.get(`/api/benefits/scans/${scanId}`));
    expect(scan).toMatchObject({ state: 'done', total: 5, done: 5, eligible: 2, nearMisses: 3, amountFen: 3_456_000 });
    const eligible = await ok(o.get(`/api/benefits/results?scanId=${scanId}&outcome=eligible`));
    const a = eligible.items.find((x: any) => x.subjectName === FIRMS[0][0]);
    expect(a.amountYuan).toBe('25920.00');
    expect(a.explanation.find((x: any) => x.label === '上年度裁员率不高于5.5%')).toMatchObject({ value: '1.67%', threshold: '5.50%', ok: true });
    expect(a.payState).toBe('publicity');
    const near = await ok(o.get(`/api/benefits/results?scanId=${scanId}&outcome=nearMiss`));
    const c = near.items.find((x: any) => x.subjectName === FIRMS[2][0]);
    expect(c.failed).toBe('上年度失业保险足额缴费满12个月（登记数据：11月，要求：不低于12月）');
    expect(c.correctionHint).toContain('社保');
    nearMissId = c.id;
    // 公示 lists the eligible firms.
    const pub = await ok(t.anon().get('/api/public/benefits/publicity'));
    expect(pub.map((x: any) => x.subjectName).sort()).toEqual([FIRMS[0][0], FIRMS[4][0]].sort());

    // The near-miss firm signs in with its 统一社会信用代码 and objects: it paid 12 months.
    const firm = t.anon();
    await ok(firm.post('/api/auth/register', { kind: 'enterprise', name: FIRMS[2][0], idNumber: FIRMS[2][1], phone: '13912345678', password: 'Firm#2026ok' }));
    await firm.login(FIRMS[2][1], 'Firm#2026ok');
    const mine = await ok(firm.get('/api/public/benefits/mine'));
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].outcome).toBe('nearMiss');
    const obj = await ok(firm.post(`/api/public/benefits/results/${nearMissId}/object`, { claimedValue: '12', reason: '去年12月的保费已于今年1月补缴，应为足额缴费12个月' }));
    expect((await firm.post(`/api/public/benefits/results/${nearMissId}/object`, { claimedValue: '12', reason: '再次提出异议' })).status).toBe(409);
    // The department checks with 社保 and corrects; a bad value is refused with nothing changed.
    const dept = await login(author);
    const bad = await dept.post(`/api/benefit-objections/${obj.id}/correct`, { value: '十二', reply: '经社保核实' });
    expect(bad.status).toBe(400);
    await ok(dept.post(`/api/benefit-objections/${obj.id}/correct`, { value: '12', reply: '经社保经办机构核实，12月保费已补缴' }));
    const after = await ok(firm.get('/api/public/benefits/mine'));
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ outcome: 'eligible', amountYuan: '17280.30', payState: 'publicity' });
    // The fact's history keeps both values with their batches.
    expect(await n(`SELECT count(*)::int AS n FROM benefit_facts WHERE key = 'siPaidMonths'`)).toBe(6);
    expect(await n(`SELECT count(*)::int AS n FROM benefit_batches WHERE channel = 'correction'`)).toBe(1);
    // Notices: in-app to the firm's account for the grant after correction.
    expect(await n(`SELECT count(*)::int AS n FROM outbox WHERE title LIKE '惠企政策兑现提示%' AND recipient_user_id IS NOT NULL`)).toBe(1);
  });

  it('confirmed firms are paid in a batch after 公示; the bank returns one, reconciliation reverses it; figures and 应享未享 follow', async () => {
    const firm = await t.anon().login(FIRMS[2][1], 'Firm#2026ok');
    const mine = await ok(firm.get('/api/public/benefits/mine'));
    await ok(firm.post(`/api/public/benefits/results/${mine.items[0].id}/confirm`, { accountName: FIRMS[2][0], accountNo: '6217000012345678' }));
    const o = await login(officer);
    // Still in 公示: nothing to pay.
    expect((await o.post('/api/benefits/payouts', { paidOn: '2026-11-02' })).status).toBe(422);
    t.clock.set('2026-11-10T09:00:00+08:00');
    const o2 = await login(officer);
    const b = await ok(o2.post('/api/benefits/payouts', { paidOn: '2026-11-10' }));
    const detail = await ok(o2.get(`/api/benefits/payouts/${b.id}`));
    expect(detail).toMatchObject({ count: 1, totalYuan: '17280.30', state: 'paid' });
    expect(detail.ledger[0]).toMatchObject({ kind: 'payment', version: 1, instalment: 1 });
    const leader = await login(head);
    const m = async (key: string) => (await ok(leader.get(`/api/metrics/${key}?divisionCode=411202&from=2026-01-01&to=2026-12-31`)));
    expect((await m('benefits.amountPaid')).numerator).toBe(17280.3);
    expect((await m('benefits.firmsBenefited')).numerator).toBe(1);
    expect((await m('benefits.policies')).numerator).toBe(1);
    expect(await m('benefits.policiesNoApplication')).toMatchObject({ numerator: 1, denominator: 1 });
    expect((await m('benefits.objections')).numerator).toBe(1);
    const recs = await ok(leader.get('/api/metrics/benefits.firmsBenefited/rows?divisionCode=411202&from=2026-01-01&to=2026-12-31'));
    expect(JSON.stringify(recs)).toContain(FIRMS[2][0]);
    // The bank returns the transfer: reversed, the firm asked to confirm again; the books net to 0.
    await ok(o2.post(`/api/benefits/payouts/${b.id}/reconcile`, { failedResultIds: [detail.ledger[0].resultId], note: '户名不符' }));
    const rec = await ok(o2.get(`/api/benefits/payouts/${b.id}`));
    expect(rec).toMatchObject({ state: 'reconciled', netFen: 0 });
    expect(rec.reconcileNote).toContain('退回1笔');
    expect((await m('benefits.amountPaid')).numerator).toBe(0);
    expect((await m('benefits.firmsBenefited')).numerator).toBe(0);
    expect((await ok((await t.anon().login(FIRMS[2][1], 'Firm#2026ok')).get('/api/public/benefits/mine'))).items[0].payState).toBe('awaitingConfirmation');
    // 应享未享: 30 days after 公示 (11-07) the unpaid eligible firms are listed.
    expect((await m('benefits.unclaimed')).numerator).toBe(3);
    t.clock.set('2026-11-05T09:00:00+08:00');
    expect((await ok((await login(officer)).get('/api/benefits/unclaimed'))).total).toBe(0);
    t.clock.set('2026-12-10T09:00:00+08:00');
    expect((await ok((await login(officer)).get('/api/benefits/unclaimed'))).total).toBe(3);
  });
});
