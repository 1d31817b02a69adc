import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

describe('行政规范性文件 in the browser', () => {
  it('refuses collective review of a document the justice bureau has not passed, and publishes the clean-up lists', async () => {
    await login(e, 'leader');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/normative-docs`);
    await e.page.getByText('起草审核中').first().click();
    await e.page.getByTestId('case-actions').getByRole('button', { name: '集体审议通过' }).click();
    await e.page.getByLabel('会议名称及日期').fill('区政府第30次常务会议');
    await e.page.getByRole('button', { name: /确\s*定/ }).click();
    await e.page.getByText('未经司法局合法性审核或审核未通过的，不得提交集体审议').first().waitFor();
    expect(await e.page.getByText('起草审核中').count()).toBeGreaterThan(0);
    await e.page.goto(`${e.baseUrl}/public/normative-docs`);
    await e.page.getByRole('tab', { name: /现行有效（\d+件）/ }).waitFor();
    await e.page.getByRole('tab', { name: /规范性文件集中清理/ }).click();
    await e.page.getByText('剔除目录').first().waitFor();
  });
});
