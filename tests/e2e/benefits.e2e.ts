import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, stateIs, startE2E, type E2E } from './harness';

// The demo's register stays small; 公示 ends the same day so the payout can follow in one journey.
process.env.DEMO_BENEFIT_FIRMS ??= '400';
process.env.DEMO_BENEFIT_PERSONS ??= '40';
process.env.BENEFITS_PUBLICITY_DAYS = '0';

let e: E2E;
beforeAll(async () => { e = await startE2E(); }, 300_000);
afterAll(async () => { await e?.stop(); });

const fetchJson = (path: string) => e.page.evaluate(async (p) => (await fetch(p)).json(), path);

describe('免申即享 in the browser', () => {
  it('a department authors a policy, sees its sandbox, gets it reviewed and published; the scan grants it; a near-miss firm objects on a phone, is corrected and paid; the batch is reconciled', async () => {
    const p = e.page;
    // The E2E config retries a journey once: each attempt authors its own policy, since one 事项编号 names one policy.
    const attempt = Date.now().toString(36).slice(-4).toUpperCase();
    const CODE = `E2E${attempt}`;
    const POLICY = `失业保险稳岗返还（E2E ${attempt}）`;
    try {
      // 1. The 人社局 drafts from the 稳岗返还 example in the structured editor and runs the sandbox.
      await login(e, 'clerk_rsj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/benefits/policies/new`);
      await p.getByRole('combobox', { name: '示例政策' }).click();
      await p.locator('.ant-select-item-option').filter({ hasText: 'P1 失业保险稳岗返还' }).click();
      const editor = p.getByTestId('policy-editor');
      await editor.getByLabel('事项编号').fill(CODE);
      await editor.getByLabel('政策名称').fill(POLICY);
      // The scan never grants past the budget: this journey's firm must fit after the correction, so the department funds it fully.
      await editor.getByLabel('资金预算（元）').fill('200000000');
      expect(await editor.getByTestId('condition-row').count()).toBeGreaterThanOrEqual(6);
      await editor.getByRole('button', { name: '保存草稿' }).click();
      await stateIs(e, '起草中');
      await p.getByRole('button', { name: '运行政策沙盘' }).click();
      const sandbox = p.getByTestId('sandbox-result');
      await sandbox.waitFor();
      expect(await sandbox.innerText()).toContain('拟惠及');
      expect(await sandbox.innerText()).not.toContain('超过预算');
      await act(e, '送合法性审查');
      await stateIs(e, '合法性审查中');
      const url = p.url();

      // 2. The justice bureau reviews; the leader publishes.
      await login(e, 'legal_sfj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(url);
      await act(e, '审查通过', async () => { await p.locator('.ant-modal-wrap:visible').getByLabel('审查意见').fill('制定主体、依据和程序合法，兑现条件明确'); });
      await stateIs(e, '待审定');
      await login(e, 'leader');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(url);
      await act(e, '审定发布');
      await stateIs(e, '已发布');

      // 3. The county scan: progress to done, eligible firms with reasons.
      await login(e, 'benefits_spj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/benefits/scans`);
      const before = await p.getByTestId('scans').locator('.ant-table-row').count();
      await p.getByRole('button', { name: '发起全县比对' }).click();
      await p.waitForFunction((n) => {
        const rows = document.querySelectorAll('[data-testid="scans"] .ant-table-row');
        return rows.length > n && rows[0].textContent?.includes('已完成');
      }, before, { timeout: 120_000 });
      const eligible = p.getByTestId('results-eligible');
      await eligible.locator('.ant-table-row').first().waitFor();
      const results = await fetchJson('/api/benefits/results?outcome=eligible&pageSize=200') as { items: { policyCode: string; amountYuan: string }[] };
      expect(results.items.some((r) => r.policyCode === CODE)).toBe(true);
      const near = await fetchJson('/api/benefits/results?outcome=nearMiss&pageSize=200') as { items: { policyCode: string; failedFact: string | null; subjectName: string; subjectCode: string }[] };
      const firm = near.items.find((r) => r.policyCode === CODE && r.failedFact === 'siPaidMonths');
      expect(firm).toBeTruthy();

      // 4. The near-miss firm, on a phone, signs in with its 统一社会信用代码 and objects.
      const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
      await phone.goto(`${e.baseUrl}/public/benefits`);
      const reg = await phone.evaluate(async (f) => (await fetch('/api/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'enterprise', name: f.subjectName, idNumber: f.subjectCode, phone: '13912340077', password: 'Firm#2026ok' }) })).status, firm!);
      // 409: a retried attempt finds the firm registered by the first.
      expect([200, 409]).toContain(reg);
      const signIn = phone.getByTestId('benefits-login');
      await signIn.getByLabel('身份证号或统一社会信用代码').fill(firm!.subjectCode);
      await signIn.getByLabel('密码').fill('Firm#2026ok');
      await signIn.getByRole('button', { name: /登\s*录/ }).click();
      const card = phone.getByTestId('my-benefit').filter({ hasText: POLICY });
      await card.waitFor();
      expect(await card.innerText()).toContain('差一项条件');
      expect(await card.innerText()).toContain('上年度失业保险足额缴费满12个月');
      await card.getByRole('button', { name: '对数据有异议' }).click();
      await card.getByLabel('您认为正确的数值').fill('12');
      await card.getByLabel('异议理由').fill('上年12月保费已于1月补缴，实际足额缴费12个月');
      await card.getByRole('button', { name: '提交异议' }).click();
      await card.getByText('您的异议正在核实中').waitFor();

      // 5. The department corrects the fact; the rule re-runs and grants.
      await login(e, 'clerk_rsj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      const objections = await fetchJson(`/api/benefit-objections?q=${encodeURIComponent(firm!.subjectName)}`) as { items: { id: string }[] };
      await p.goto(`${e.baseUrl}/cases/${objections.items[0].id}`);
      // A 社保 fact: the objection went to the department that owns it, named on the case.
      await p.getByText('核实部门').waitFor();
      expect(await p.locator('main').innerText()).toContain('湖滨区人力资源和社会保障局');
      await act(e, '更正数据并重新比对', async () => {
        const m = p.locator('.ant-modal-wrap:visible');
        await m.getByLabel('更正后的数值').fill('12');
        await m.getByLabel('更正依据').fill('经社保经办机构核实，12月保费已补缴');
      });
      await stateIs(e, '已更正并重新比对');

      await phone.reload();
      const granted = phone.getByTestId('my-benefit').filter({ hasText: POLICY });
      await granted.getByText('符合条件').waitFor();
      await granted.getByRole('button', { name: '确认收款账户' }).click();
      await granted.getByLabel('收款账号').fill('6217000012345678');
      await granted.getByTestId('confirm-form').getByRole('button', { name: /^确\s*认$/ }).click();
      await granted.getByText('已确认，待拨付').waitFor();
      await phone.close();

      // 6. The payout batch and its reconciliation.
      await login(e, 'benefits_spj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/benefits/payouts`);
      await p.getByRole('button', { name: '生成拨付批次' }).click();
      const detail = p.getByTestId('payout-detail');
      await detail.getByText(firm!.subjectName).first().waitFor();
      await detail.getByRole('button', { name: '完成对账' }).click();
      await detail.getByText('已对账').waitFor();
      expect(await detail.innerText()).toContain('退回0笔');

      // 7. The leader's 驾驶舱 shows the 免申即享 row; 兑现资金 opens the ledger rows behind it.
      await login(e, 'leader');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/dashboard`);
      const row = p.getByTestId('dash-benefits');
      await row.waitFor();
      for (const title of ['惠企政策兑现事项', '免申即享占比', '惠及企业', '兑现资金（元）', '兑现结果异议', '应享未享']) expect(await row.innerText()).toContain(title);
      await row.getByText('兑现资金（元）').click();
      await p.waitForURL(/\/metrics\/benefits\.amountPaid\/records/);
      await p.locator('tr.ant-table-row').filter({ hasText: firm!.subjectName }).first().waitFor();
    } catch (err) {
      await e.screenshot('benefits-failed').catch(() => undefined);
      throw err;
    }
  }, 600_000);
});
