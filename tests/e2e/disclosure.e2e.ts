import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openFromWorkbench, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

describe('政府信息公开 in the browser', () => {
  it('a citizen applies on a phone, the office asks for 补正, the clock restarts on correction, and the reply carries its type', async () => {
    const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await phone.goto(`${e.baseUrl}/public/disclosure`);
    await phone.getByRole('tab', { name: '依申请公开' }).click();
    await phone.getByLabel('申请人姓名或名称').fill('孙先生');
    await phone.getByLabel('手机号码').fill('13600005555');
    await phone.locator('.ant-select').filter({ has: phone.locator('input#orgId') }).click();
    await phone.keyboard.type('市场监督');
    await phone.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="湖滨区市场监督管理局"]').click();
    await phone.getByLabel('所需政府信息的名称、文号或其他特征性描述').fill('请公开本区学校食堂食品安全检查情况');
    await phone.getByRole('button', { name: '提交申请' }).click();
    const title = await phone.getByText(/申请编号 GK\d+/).innerText();
    const refNo = title.replace('申请编号 ', '').trim();

    await login(e, 'clerk_scj');
    await openFromWorkbench(e, refNo);
    await e.page.getByTestId('clock-reply').waitFor();
    await e.page.getByTestId('case-actions').getByRole('button', { name: '一次性告知补正' }).click();
    await e.page.getByLabel('需补正的内容（一次性告知）').fill('请写明学校名称和检查时间段');
    await e.page.getByRole('button', { name: /确\s*定/ }).click();
    await e.page.getByText('待申请人补正').first().waitFor();

    await phone.getByRole('tab', { name: '申请查询' }).click();
    await phone.getByPlaceholder('申请编号').fill(refNo);
    await phone.getByPlaceholder('联系电话后4位').fill('5555');
    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await phone.getByText('需补正：请写明学校名称和检查时间段').waitFor();
    await phone.getByPlaceholder('补正后的申请内容').fill('请公开2026年秋季学期湖滨区第一小学食堂食品安全检查记录');
    await phone.getByRole('button', { name: '提交补正' }).click();
    const track = phone.getByTestId('disclosure-track');
    await track.getByText('已收到待答复').waitFor();
    // 第30条: the 20 working days run again from the day the correction arrived (today).
    const today = await phone.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    expect(await track.innerText()).toContain(`自${today}起算20个工作日`);

    await e.page.reload();
    // 补正 is told once (第30条): after the correction the action is no longer offered.
    await e.page.getByTestId('case-actions').getByRole('button', { name: /^答\s*复$/ }).waitFor();
    expect(await e.page.getByTestId('case-actions').getByRole('button', { name: '一次性告知补正' }).count()).toBe(0);
    await e.page.getByTestId('case-actions').getByRole('button', { name: /^答\s*复$/ }).click();
    await e.page.locator('.ant-select').filter({ has: e.page.locator('input#replyType') }).click();
    await e.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="予以公开：予以公开"]').click();
    await e.page.getByLabel('答复书内容').fill('经审查，您申请的检查记录予以公开，详见附件。');
    await e.page.getByRole('button', { name: /确\s*定/ }).click();
    await e.page.getByText('已答复').first().waitFor();

    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await track.getByText('予以公开：予以公开（第36条（二））').waitFor();
    expect(await track.innerText()).toContain('不收费');
    await phone.screenshot({ path: 'test-results/disclosure-phone.png', fullPage: true });
    await phone.close();
  });
});
