import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const text = () => e.page.locator('body').innerText();

describe('kernel in the browser', () => {
  it('refuses a wrong password with a Chinese message', async () => {
    await login(e, 'admin', 'wrong-password');
    await e.page.getByTestId('login-error').waitFor();
    expect(await e.page.getByTestId('login-error').innerText()).toMatch(/用户名或密码错误/);
  });

  it('lets the system administrator open 工作台 and every admin page, and add next year\'s holiday', async () => {
    await login(e, 'admin');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    expect(await e.page.getByTestId('current-user').innerText()).toBe('周建国');

    await e.page.goto(`${e.baseUrl}/admin/divisions`);
    await e.page.getByText('湖滨区（411202）').waitFor();
    await e.page.getByText('湖滨区（411202）').click();
    expect(await text()).toContain('交口乡（411202200）');

    await e.page.goto(`${e.baseUrl}/admin/orgs`);
    await e.page.getByText('湖滨区市场监督管理局').waitFor();

    await e.page.goto(`${e.baseUrl}/admin/roles`);
    await e.page.getByText('审计管理员').waitFor();
    expect(await text()).toContain('安全管理员');

    await e.page.goto(`${e.baseUrl}/admin/users`);
    await e.page.getByText('clerk_scj').waitFor();

    await e.page.goto(`${e.baseUrl}/admin/calendar`);
    await e.page.getByText('10-10 国庆节（调休上班）').waitFor();
    await e.page.locator('input[data-testid="calendar-year"], [data-testid="calendar-year"] input').first().fill('2027');
    await e.page.getByRole('button', { name: '新建2027年度' }).click();
    await e.page.getByLabel('依据（国务院办公厅通知文号）').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await e.page.getByRole('button', { name: /新\s*建/ }).last().click();
    await e.page.getByText('草稿（未参与计算）').waitFor();
    await e.page.getByRole('button', { name: '添加放假或调休日' }).click();
    await e.page.getByLabel('日期').fill('2027-01-01');
    await e.page.getByLabel('日期').press('Enter');
    await e.page.getByLabel('名称').fill('元旦');
    await e.page.getByRole('button', { name: /保\s*存/ }).click();
    await e.page.getByText('01-01 元旦').waitFor();
    await e.screenshot('calendar-2027');
    const cell = e.page.locator('[data-date="2027-01-01"]');
    expect(await cell.innerText()).toContain('休');

    await e.page.getByTestId('current-user').click();
    await e.page.getByTestId('logout').click();
    await e.page.getByText('工作人员登录').waitFor();
  });

  it('hides administration from a counter clerk', async () => {
    await login(e, 'clerk_scj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    expect(await text()).not.toContain('系统管理');
    await e.page.goto(`${e.baseUrl}/admin/users`);
    await e.page.getByText('页面不存在或您没有访问权限').waitFor();
  });

  it('opens a case, takes an action the server offers, and sees the timeline grow', async () => {
    await login(e, 'reviewer_sfj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    // Draft the district's annual report (a case of the annual-report domain) through the API, as the page would.
    const created = await e.page.evaluate(async () => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))!.slice(8));
      const r = await fetch('/api/annual-reports', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ year: 2026, subjectKind: 'division', divisionCode: '411202' }) });
      return { status: r.status, body: await r.json() };
    });
    expect(created.status).toBe(200);
    await e.page.goto(`${e.baseUrl}/cases/${created.body.id}`);
    await e.page.getByText('办理过程').waitFor();
    const timeline = e.page.getByTestId('case-timeline').locator('.ant-timeline-item');
    expect(await timeline.count()).toBe(1);
    expect(await e.page.getByTestId('case-actions').innerText()).toContain('提交审核');
    await e.page.getByRole('button', { name: '提交审核' }).click();
    await e.page.getByRole('button', { name: /确\s*认/ }).click();
    await e.page.getByText('内部审核').first().waitFor();
    await expect.poll(() => timeline.count()).toBe(2);
    expect(await e.page.getByTestId('case-timeline').innerText()).toContain('提交审核');
    expect(await e.page.getByTestId('case-timeline').innerText()).toContain('黄晓东');
    // the drafter may not approve their own submission: no more buttons
    expect(await e.page.getByTestId('case-actions').count()).toBe(0);
    await e.screenshot('case-detail');
  });

  it('lets the leader open the items behind a registry figure (事项数), as many rows as the figure, times in China time', async () => {
    await login(e, 'leader');
    await e.page.getByTestId('current-user').waitFor();
    const year = new Date().getFullYear();
    await e.page.goto(`${e.baseUrl}/metrics/catalog.items/records?divisionCode=411202&from=${year}-01-01&to=${year}-12-31`);
    await e.page.getByText('明细：政务服务事项数').waitFor();
    await e.page.getByRole('columnheader', { name: '实施编码' }).waitFor();
    const value = await e.page.locator('.ant-descriptions-item').filter({ hasText: '数值' }).locator('.ant-descriptions-item-content').innerText();
    await e.page.getByText(`共 ${value} 条`).waitFor();
    expect(Number(value)).toBeGreaterThan(0);
    // 发布时间 is shown as 年-月-日 时:分, never as the server's UTC ISO string
    const cells = await e.page.locator('.ant-table-tbody tr.ant-table-row').first().locator('td').allInnerTexts();
    expect(cells.some((c) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(c.trim())), JSON.stringify(cells)).toBe(true);
    expect(cells.join(' | ')).not.toMatch(/T\d{2}:|Z( |$)/);
  });
});
