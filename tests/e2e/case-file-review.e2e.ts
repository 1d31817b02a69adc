/**
 * 案卷评查 as its users walk it: the justice bureau's reviewer sets up a campaign, registers a paper file,
 * scores it with a veto item (不合格 whatever the score), issues the unit's problems; the department's head
 * rectifies and reports on the generic case page; the bureau accepts, and 评查问题整改 moves by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, pick, stateIs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const logout = async () => { await e.page.context().clearCookies(); };
const UNIT = '湖滨区市场监督管理局';
const VETO = '违反法定程序（未告知陈述申辩、听证权利等）';
const fixed = () => e.page.evaluate(async (to) => {
  const r = await fetch(`/api/metrics/caseFileReview.problemsFixed?divisionCode=411202&from=${to.slice(0, 4)}-01-01&to=${to}`);
  return (await r.json()).numerator as number;
}, today());

describe('案卷评查', () => {
  it('a veto item fails a paper file; its problem reaches the unit as a rectification case, the bureau accepts it, and the figure moves', async () => {
    const p = e.page;
    try {
      await login(e, 'legal_sfj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/case-file-review`);
      await p.getByRole('button', { name: '新建评查活动' }).waitFor();
      const before = await fixed();
      await p.getByRole('button', { name: '新建评查活动' }).click();
      await p.getByLabel('评查活动名称').fill('E2E行政处罚案卷专项评查');
      await p.locator('.ant-select').filter({ has: p.locator('input#orgIds') }).click();
      await p.locator('input#orgIds').fill('市场监督');
      await p.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${UNIT}"]`).click();
      await p.keyboard.press('Escape');
      await p.getByRole('button', { name: '建立评查活动' }).click();
      await p.getByRole('button', { name: '登记纸质案卷' }).click();
      await p.locator('.ant-modal-wrap:visible').waitFor();
      await pick(e, 'orgId', UNIT);
      await p.getByLabel('案卷编号（决定书文号）').fill('湖市监罚〔2026〕E2E号');
      await p.getByLabel('案由', { exact: true }).fill('销售过期食品案');
      await p.locator('.ant-modal-wrap:visible').getByRole('button', { name: /确\s*定/ }).click();
      await p.getByRole('link', { name: '湖市监罚〔2026〕E2E号' }).click();
      await p.getByRole('switch', { name: `否决项：${VETO}` }).click();
      await p.getByLabel(`说明：${VETO}`).fill('未告知当事人听证权利');
      await p.getByRole('button', { name: '提交评分' }).click();
      const result = p.getByTestId('review-result');
      await result.waitFor();
      expect(await result.innerText()).toContain('不合格');
      expect(await result.innerText()).toContain('否决项成立');
      await p.getByRole('link', { name: 'E2E行政处罚案卷专项评查' }).click();
      await p.getByRole('button', { name: '下发整改通知' }).click();
      const link = p.locator('a[href^="/cases/"]').first();
      await link.waitFor();
      const caseId = (await link.getAttribute('href'))!.split('/').pop()!;

      await logout();
      await login(e, 'director_scj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/cases/${caseId}`);
      await stateIs(e, '已下发整改通知');
      await act(e, '签收整改通知，开始整改');
      await stateIs(e, '整改中');
      await act(e, '报送整改情况', async () => { await p.getByLabel('整改措施和结果').fill('已组织执法人员学习行政处罚法第六十三条，补正告知程序'); });
      await stateIs(e, '已报送整改情况，待验收');
      expect(await p.getByTestId('case-actions').getByRole('button', { name: '验收通过' }).count()).toBe(0);

      await logout();
      await login(e, 'legal_sfj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/cases/${caseId}`);
      await act(e, '验收通过', async () => { await p.getByLabel('验收意见').fill('经复核，整改到位'); });
      await stateIs(e, '整改验收通过');
      expect(await fixed()).toBe(before + 1);
    } catch (err) {
      await e.screenshot('case-file-review-failed').catch(() => undefined);
      throw err;
    }
  });
});
