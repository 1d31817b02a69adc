import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIntake, login, openFromWorkbench, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

describe('政务服务 and the 驾驶舱 in the browser', () => {
  it('takes a walk-in at the generalist counter; the department accepts it from its 工作台', async () => {
    await counterIntake(e, { item: '食品经营许可', name: '李明', idNumber: '11010519491231002X', phone: '13912345678' });
    const refNo = (await e.page.locator('.ant-page-header-heading-title').innerText()).split(/\s+/)[0];
    expect(refNo).toMatch(/^BJ411202\d{13}$/);
    await login(e, 'clerk_scj');
    await openFromWorkbench(e, refNo);
    await e.page.getByRole('button', { name: /^受\s*理$/ }).click();
    await e.page.getByRole('button', { name: /确\s*认/ }).click();
    await e.page.getByText('审查中').first().waitFor();
    expect(await e.page.getByTestId('case-timeline').innerText()).toContain('受理');
    await e.page.getByTestId('clock-legal').waitFor();
  });

  it('shows the leader the year and drills from a figure to its records', async () => {
    await login(e, 'leader');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/dashboard`);
    await e.page.getByText('部门按时办结率排名').waitFor();
    await e.page.getByText('超期办件').click();
    await e.page.getByText('明细：超期件数').waitFor();
    await e.page.locator('.ant-table-row').first().waitFor();
    await e.screenshot('dashboard-drill');
  });
});

describe('好差评 in the browser', () => {
  it('a citizen scans a counter QR page, gives 不满意, and the remediation case reaches the org\'s 工作台 with both clocks', async () => {
    await login(e, 'clerk_zwzx');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    const counterId = await e.page.evaluate(async () => (await (await fetch('/api/counters')).json())[0].id as string);
    await e.page.goto(`${e.baseUrl}/public/rate/${counterId}`);
    await e.page.getByText('政务服务中心').first().waitFor();
    await e.page.getByTestId('rating-levels').getByText('不满意', { exact: true }).click();
    await e.page.getByPlaceholder('请说说您的办事体验（选填）').fill('窗口前排队无人引导');
    await e.page.getByPlaceholder('手机号码（选填，留下后便于回访整改）').fill('13912345678');
    await e.page.getByRole('button', { name: '提交评价' }).click();
    await e.page.getByText('承办单位将在1个工作日内与您联系核实').waitFor();
    await e.page.goto(`${e.baseUrl}/workbench`);
    await e.page.getByText(/差评整改：湖滨区政务服务中心/).first().click();
    await e.page.getByTestId('clock-contact').waitFor();
    await e.page.getByTestId('clock-rectify').waitFor();
    expect(await e.page.getByTestId('clock-contact').innerText()).toContain('1个工作日');
    expect(await e.page.getByTestId('clock-rectify').innerText()).toContain('15个工作日');
    await e.screenshot('complaint-fix');
  });
});
