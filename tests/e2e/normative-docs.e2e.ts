import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, startE2E, stateIs, type E2E } from './harness';

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

  it('after legality review the document is decided, numbered and published, filed, and later delisted in a clean-up', async () => {
    // The demo's document under review was sent ten days ago: past the legality-review minimum.
    await login(e, 'legal_sfj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/normative-docs`);
    await e.page.getByText('司法局合法性审核中').first().click();
    await e.page.getByText('办理过程').waitFor();
    const docUrl = e.page.url();
    await act(e, '合法性审核通过', () => e.page.getByLabel('审核意见').fill('制定主体、权限、程序和内容合法'));
    await stateIs(e, '待集体审议');

    await login(e, 'leader');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(docUrl);
    await act(e, '集体审议通过', () => e.page.getByLabel('会议名称及日期').fill('区政府第31次常务会议'));
    await stateIs(e, '已审议通过待公布');

    await login(e, 'office_zfb');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(docUrl);
    await act(e, '统一编号并公布', () => e.page.getByLabel('有效期（年）').fill('5'));
    await stateIs(e, '已公布待报备');
    const docNo = (await e.page.getByText(/湖政规〔\d{4}〕\d+号/).first().innerText()).match(/湖政规〔\d{4}〕\d+号/)![0];
    await e.page.getByTestId('clock-filing').waitFor();
    await act(e, '报备（上级政府和区人大常委会）', () => e.page.getByLabel('报送机关').fill('三门峡市人民政府、湖滨区人大常委会'));
    await stateIs(e, '现行有效');
    await act(e, '清理：剔除目录', async () => {
      await e.page.getByLabel('清理活动名称').fill('年度规范性文件专项清理');
      await e.page.getByLabel('剔除理由（不属于规范性文件等）').fill('内容已被新文件涵盖');
    });
    await stateIs(e, '已剔除目录');

    // The public clean-up list names the document by its number.
    await e.page.goto(`${e.baseUrl}/public/normative-docs`);
    await e.page.getByRole('tab', { name: '年度规范性文件专项清理' }).click();
    const row = e.page.locator('.ant-tabs-tabpane-active .ant-table-row').filter({ hasText: docNo });
    await row.waitFor();
    expect(await row.innerText()).toContain('剔除目录');
  });
});
