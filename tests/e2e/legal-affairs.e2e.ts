import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const TITLE = '食品安全抽检委托检验服务合同（E2E）';

describe('合同合法性审查、法律顾问和按条款征求意见 in the browser', () => {
  it('an agency sends a contract; the justice bureau accepts it and writes an opinion comment by comment', async () => {
    const p = e.page;
    await login(e, 'director_scj');
    await p.getByText('我的待办（按到期日排序）').waitFor();
    await p.goto(`${e.baseUrl}/legal-affairs/contract-reviews/new`);
    await p.getByLabel('文件名称').fill(TITLE);
    await p.getByLabel('合同相对方').fill('三门峡鲜达农产品配送有限公司');
    await p.getByLabel('主要内容和送审理由').fill('区市场监管局拟委托第三方开展食品安全抽检，送请合法性审查。');
    await p.getByRole('button', { name: '提交送审' }).click();
    await p.getByText('已送审待受理').first().waitFor();
    await p.getByTestId('clock-review').waitFor();
    expect(await p.getByTestId('clock-review').innerText()).toContain('5个工作日');

    await p.context().clearCookies();
    await login(e, 'legal_sfj');
    await p.getByText('我的待办（按到期日排序）').waitFor();
    await p.goto(`${e.baseUrl}/legal-affairs/contract-reviews`);
    await p.getByText(TITLE).click();
    await p.getByRole('button', { name: /受\s*理/ }).click();
    await p.getByTestId('opinion-form').waitFor();
    expect(await p.getByText('审查中').count()).toBeGreaterThan(0);

    // The server refuses a refusal without a single comment, and says why.
    await p.getByTestId('opinion-form').getByRole('button', { name: /删\s*除/ }).click();
    await p.getByLabel('不予通过').check();
    await p.getByLabel('审查意见概述').fill('合同约定由政府承担企业经营风险');
    await p.getByRole('button', { name: '出具审查意见' }).click();
    await p.getByText('审查结论为「不予通过」的，应当逐条列明问题和修改意见').first().waitFor();

    await p.getByLabel('修改后通过').check();
    for (const [i, [clause, problem, suggestion]] of [['第三条', '抽检批次和项目未列明', '以附件列明抽检计划'], ['第六条', '付款未与检验报告交付挂钩', '明确按批次验收后付款']].entries()) {
      await p.getByRole('button', { name: '增加一条意见' }).click();
      await p.getByLabel(`第${i + 1}条意见的条款`).fill(clause);
      await p.getByLabel(`第${i + 1}条意见的问题`).fill(problem);
      await p.getByLabel(`第${i + 1}条意见的修改意见`).fill(suggestion);
    }
    await p.getByLabel('审查意见概述').fill('合同基本可行，修改后可以签订');
    await p.getByRole('button', { name: '出具审查意见' }).click();
    await p.getByTestId('opinion').waitFor();
    const opinion = await p.getByTestId('opinion').innerText();
    expect(opinion).toContain('共2条意见');
    expect(opinion).toContain('付款未与检验报告交付挂钩');
    await e.screenshot('contract-review-opinion');

    await p.goto(`${e.baseUrl}/legal-affairs/counsel`);
    await p.getByTestId('counsel-pool').getByText('王建民').waitFor();
    expect(await p.getByText(/律师事务所3家、律师17名/).count()).toBe(1);
    await p.getByText(/^共\d+条$/).waitFor(); // the work records' pager
    expect(await p.getByTestId('counsel-work').getByText('录入').count()).toBeGreaterThan(0);
    await e.screenshot('legal-counsel');
  });

  it('a citizen reads a draft by passage and comments on one passage', async () => {
    const p = e.page;
    await p.context().clearCookies();
    await p.goto(`${e.baseUrl}/public/normative-docs`);
    await p.getByRole('tab', { name: '公开征求意见' }).click();
    await p.getByTestId('consultations').getByText('湖滨区户外招牌设置管理办法').click();
    const fifth = p.getByTestId('draft-passages').locator('.ant-card').filter({ hasText: '第五条' });
    await fifth.getByRole('button', { name: '对本条提出意见' }).click();
    await p.getByLabel('意见内容').fill('建议对小型招牌实行告知承诺制，当场办结。');
    await p.getByRole('button', { name: /提\s*交/ }).click();
    await p.getByText('意见已提交，感谢您的参与').waitFor();
    await fifth.getByText(/已收到意见\d+条/).waitFor();
    await p.goto(`${e.baseUrl}/public/normative-docs`);
    await p.getByRole('tab', { name: '公开征求意见' }).click();
    await p.getByTestId('consultations').getByText('湖滨区城市道路临时占用管理办法').click();
    expect(await p.getByTestId('adoption').innerText()).toContain('采纳5条，部分采纳2条，不予采纳2条');
  });
});
