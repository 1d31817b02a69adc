import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

describe('重大行政决策 in the browser', () => {
  it('refuses to send a decision to legality review until its risk assessment is recorded', async () => {
    await login(e, 'office_zfb');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/decisions`);
    await e.page.getByTestId('decision-catalog').getByText('湖滨区城市生活垃圾分类实施方案').click();
    await e.page.getByText('尚缺程序').waitFor();
    expect(await e.page.locator('.ant-descriptions').first().innerText()).toContain('风险评估');
    await e.page.getByTestId('case-actions').getByRole('button', { name: '送合法性审查' }).click();
    await e.page.getByRole('button', { name: /确\s*认/ }).click();
    await e.page.getByText('尚未完成：风险评估').first().waitFor();
    await e.page.getByTestId('case-actions').getByRole('button', { name: '记录风险评估' }).click();
    await e.page.locator('.ant-select').filter({ has: e.page.locator('input#level') }).click();
    await e.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="中风险"]').click();
    await e.page.getByLabel('风险防范化解措施').fill('分类收运设施建设前公示选址，设立投诉处理专线');
    await e.page.getByRole('button', { name: /确\s*定/ }).click();
    await e.page.getByText('已记录风险评估').first().waitFor();
    await e.page.getByTestId('case-actions').getByRole('button', { name: '送合法性审查' }).click();
    await e.page.getByRole('button', { name: /确\s*认/ }).click();
    await e.page.getByText('合法性审查中').first().waitFor();
    await e.page.getByTestId('clock-legality').waitFor();
    await e.screenshot('decision-legality');
  });
});
