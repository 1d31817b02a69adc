/**
 * 行政执法 in the browser: an officer registers an inspection before entering a firm and the firm opens the
 * visit's QR address on a phone and rates it; a penalty case is refused an evidence record with one
 * officer (第42条), then goes through 法制审核 to a decision published on the public 公示 page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, pick, stateIs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const CODE = '914403001922038216'; // a valid 统一社会信用代码 (GB 32100 test vector), not in the demo
const logout = async () => { await e.page.context().clearCookies(); };

/** Adds officers `from`..`to`-1 of a multiple select (the org's holders valid that day). */
async function officers(to: number, scope = e.page.locator('body'), from = 0) {
  await scope.locator('.ant-select').filter({ has: e.page.locator('input#officerIds') }).click();
  const options = e.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await options.first().waitFor();
  for (let i = from; i < to; i++) await options.nth(i).click();
  await e.page.keyboard.press('Escape');
}

describe('行政执法 in the browser', () => {
  it('an inspection is registered (扫码入企) and the firm rates it on a phone; a penalty is refused with one officer, reviewed, decided and published', async () => {
    const p = e.page;
    try {
      await login(e, 'reviewer_scj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/enforcement/inspections/new`);
      await p.getByLabel('企业统一社会信用代码').fill(CODE);
      await p.getByLabel('企业名称').fill('三门峡鲜达食品有限公司（E2E）');
      await p.getByLabel('个案检查（投诉举报等）').check();
      await p.getByLabel('个案检查事由').fill('12345热线投诉：销售过期食品');
      await p.getByLabel('检查事项').fill('食品经营许可事项和食品安全检查');
      await officers(2);
      await p.getByRole('button', { name: '登记并生成检查码' }).click();
      await p.getByTestId('inspection-registered').waitFor();
      await p.getByTestId('inspection-qr').waitFor();
      expect(await p.getByTestId('inspection-registered').innerText()).toMatch(/检查编号 QJ\d+/);
      await p.getByRole('button', { name: /查看检查/ }).click();
      await stateIs(e, '已登记（可入企检查）');
      const path = (await p.getByTestId('visit-path').innerText()).trim();
      expect(path).toMatch(/^\/public\/inspection\//);
      await e.screenshot('enforcement-inspection');

      // The firm's phone: not signed in, a phone-sized window.
      const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true });
      await phone.goto(`${e.baseUrl}${path}`);
      await phone.getByTestId('visit-info').getByText('湖滨区市场监督管理局').waitFor();
      const names = await phone.getByTestId('visit-officers').innerText();
      expect(names).toMatch(/执法证号 \S+/g);
      expect(names.match(/执法证号/g)).toHaveLength(2);
      await phone.getByTestId('visit-rating').locator('.ant-rate-star').nth(3).click();
      await phone.getByPlaceholder('意见建议（选填）').fill('检查规范，出示了执法证');
      await phone.getByRole('button', { name: '提交评价' }).click();
      await phone.getByText('感谢您的评价').waitFor();
      await phone.screenshot({ path: 'test-results/enforcement-phone.png', fullPage: true });
      await phone.close();
      await p.reload();
      await p.getByTestId('inspection-rating').getByText('满意：检查规范，出示了执法证').waitFor();

      // 行政处罚: 立案, one officer refused (第42条), then two.
      await p.goto(`${e.baseUrl}/enforcement/penalties/new`);
      await p.getByLabel('当事人', { exact: true }).fill('三门峡鲜达食品有限公司（E2E）');
      await p.getByLabel('统一社会信用代码').fill(CODE);
      await p.getByLabel('案由').fill('销售超过保质期的食品');
      await p.getByLabel('立案依据和基本事实').fill('检查发现该公司销售超过保质期的食品3批次');
      await p.getByRole('button', { name: /立\s*案/ }).click();
      await stateIs(e, '已立案（调查取证）');
      const caseUrl = p.url();
      const form = p.getByTestId('evidence-form');
      await form.getByLabel('取证情况（证据名称、方式）').fill('现场检查笔录、照片、询问笔录');
      await officers(1, form);
      await form.getByRole('button', { name: '记录调查取证' }).click();
      await p.getByTestId('evidence-refused').getByText(/第42条/).waitFor();
      expect(await p.getByTestId('evidence').innerText()).toContain('尚未记录');
      // A fresh form: two officers this time.
      await p.reload();
      await form.getByLabel('取证情况（证据名称、方式）').fill('现场检查笔录、照片、询问笔录');
      await officers(2, form);
      await form.getByRole('button', { name: '记录调查取证' }).click();
      await p.getByTestId('evidence').getByText('现场检查笔录、照片、询问笔录').waitFor();

      await act(e, '告知拟处罚决定及陈述申辩、听证权利', async () => {
        const m = p.locator('.ant-modal-wrap:visible');
        await m.getByLabel('拟作出的行政处罚内容及事实、理由、依据').fill('拟依据《食品安全法》第一百二十四条没收违法所得并罚款五万元');
        await pick(e, 'reviewGround', '涉及重大公共利益');
      });
      await stateIs(e, '已告知（陈述申辩期）');
      await act(e, '陈述申辩完毕（未申请听证）', async () => {
        await p.locator('.ant-modal-wrap:visible').getByLabel('当事人陈述申辩情况及复核意见').fill('当事人对事实无异议，未要求听证');
      });
      await stateIs(e, '待审核决定');
      await act(e, '提交法制审核');
      await stateIs(e, '法制审核中');

      // The justice bureau's reviewer, on the register of 法律职业资格 holders.
      await logout();
      await login(e, 'legal_sfj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(caseUrl);
      await act(e, '法制审核通过', async () => {
        await p.locator('.ant-modal-wrap:visible').getByLabel('审核意见').fill('事实清楚，证据确凿，程序合法，处罚适当');
      });
      await stateIs(e, '待审核决定');
      // The case and its file are two queries: wait for the file's refresh rather than read it at once.
      await p.getByTestId('legal-review').getByText(/审核通过/).waitFor();

      await logout();
      await login(e, 'director_scj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(caseUrl);
      await act(e, '作出行政处罚决定', async () => {
        const m = p.locator('.ant-modal-wrap:visible');
        await m.getByLabel('决定书文号').fill('湖市监罚〔2026〕E2E号');
        await m.getByLabel('适用的法律依据（条款）').fill('《中华人民共和国食品安全法》第一百二十四条');
        await m.getByLabel('决定内容').fill('没收违法所得，罚款人民币五万元');
      });
      await stateIs(e, '已作出决定（待送达）');
      expect(await p.getByTestId('clock-publish').innerText()).toContain('7个工作日');
      await act(e, '公示决定');
      await p.getByTestId('publication').getByText(/公示日期\s*\d{4}-\d{2}-\d{2}/).waitFor();
      // Published once: 公示 is no longer offered, and of the two revocations only the published one is.
      await p.getByRole('button', { name: '撤销决定（已公示）' }).waitFor();
      expect(await p.getByRole('button', { name: '公示决定' }).count()).toBe(0);
      expect(await p.getByRole('button', { name: '撤销决定（未公示）' }).count()).toBe(0);
      await e.screenshot('enforcement-penalty');

      await logout();
      await p.goto(`${e.baseUrl}/public/enforcement`);
      await p.getByTestId('public-decisions').getByText('湖市监罚〔2026〕E2E号').waitFor();
      await e.screenshot('enforcement-public');
    } catch (err) {
      await e.screenshot('enforcement-failed').catch(() => undefined);
      throw err;
    }
  });

  it('a penalty against a citizen: a wrong 公民身份号码 is refused on the field, a right one is shown masked', async () => {
    const p = e.page;
    try {
      await logout();
      await login(e, 'reviewer_scj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/enforcement/penalties/new`);
      await p.getByRole('radio', { name: '自然人' }).check();
      await p.getByLabel('当事人', { exact: true }).fill('周明（E2E）');
      await p.getByLabel('公民身份号码').fill('110105194912310021');
      await p.getByLabel('案由').fill('无照经营');
      await p.getByLabel('立案依据和基本事实').fill('经查当事人未取得营业执照从事经营活动');
      await p.getByRole('button', { name: /立\s*案/ }).click();
      await p.locator('.ant-form-item-explain-error').getByText(/公民身份号码不正确/).waitFor();
      await p.getByLabel('公民身份号码').fill('11010519491231002X');
      await p.getByRole('button', { name: /立\s*案/ }).click();
      await stateIs(e, '已立案（调查取证）');
      await p.getByTestId('penalty-facts').getByText('110105********002X').waitFor();
      expect(await p.getByTestId('penalty-facts').innerText()).not.toContain('11010519491231002X');
      await e.screenshot('enforcement-penalty-person');
    } catch (err) {
      await e.screenshot('enforcement-person-failed').catch(() => undefined);
      throw err;
    }
  });
});
