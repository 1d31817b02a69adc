import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

describe('annual report in the browser', () => {
  it('checks a pasted report on the public checker page and flags the wrong rate', async () => {
    await e.page.goto(`${e.baseUrl}/public/report-check`);
    await e.page.getByTestId('check-text').fill('全年受理行政复议案件29件，直接纠错案件17件，纠错率68.6%。全区政务服务事项共2311项，其中不见面审批事项2248项，占比97.27%。');
    await e.page.getByRole('button', { name: /核\s*对/ }).click();
    await e.page.getByText('发现1处计算不一致').waitFor();
    const result = await e.page.getByTestId('check-result').innerText();
    expect(result).toContain('不一致');
    expect(result).toContain('58.62%');
    expect(result).toContain('一致');
    await e.screenshot('report-check');
  });

  it('drafts the district report, types a figure by hand, and takes it through four people and a return to publication', async () => {
    await login(e, 'reviewer_sfj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/annual-reports`);
    await e.page.getByRole('button', { name: '起草年度报告' }).click();
    await e.page.getByRole('button', { name: '生成初稿' }).click();
    await e.page.getByTestId('report-doc').waitFor();
    const doc = () => e.page.getByTestId('report-doc').innerText();
    expect(await doc()).toContain('湖滨区人民政府');
    expect(await doc()).toContain('二、存在的不足和原因');
    // Part 三 written from the demo year's 法治建设 meetings and 述法 records, not the fixed paragraph.
    expect(await doc()).toMatch(/党政主要负责人履行推进法治建设第一责任人职责：\d{4}年共召开[^。]*研究法治建设工作：\d+月\d+日/);
    expect(await doc()).toMatch(/组织\d+名党政干部述法履职，其中现场述法\d+人/);
    expect(await doc()).not.toContain('将法治政府建设纳入全年工作重点，亲自部署、亲自协调、亲自督办');
    const leadership = e.page.locator('[data-paragraph]').filter({ hasText: '第一责任人职责' }).first();
    await leadership.getByText('编辑').click();
    await e.page.locator('textarea').first().fill('区政府主要负责人全年主持召开法治建设专题会议3次，研究部署法治政府建设重点工作。');
    await e.page.getByRole('button', { name: /保\s*存/ }).click();
    await e.page.getByText('人工修改').waitFor();
    expect(await doc()).toContain('主持召开法治建设专题会议3次');
    // a figure opens its definition and the records behind it
    expect(await doc()).toMatch(/全年受理各类政务服务事项\d+件/);
    await e.page.locator('.gw-num').filter({ hasText: '%' }).nth(1).click();
    await e.page.getByText('数据来源：按时办结率').waitFor();
    await e.page.getByText('分子 / 分母').waitFor();
    // The drafter at the justice bureau reads records in their own scope: the county's 办件 behind this
    // figure are other departments', so the drawer says how many it cannot show (and never which).
    await e.page.getByTestId('records-out-of-scope').waitFor();
    expect(await e.page.getByTestId('records-out-of-scope').innerText()).toMatch(/该数字对应\d+条记录，其中\d+条不在您的查看范围内/);
    await e.page.keyboard.press('Escape');
    // A figure typed by hand is 人工填报: the page asks why, then marks it.
    const hotline = e.page.locator('[data-paragraph][data-kind="data"]').filter({ hasText: '12345热线' }).first();
    await hotline.getByText('编辑').click();
    await e.page.getByLabel('段落内容').fill('受理12345热线工单19000件，办结率97.23%。');
    await e.page.getByRole('button', { name: /保\s*存/ }).click();
    await e.page.getByText('修改数据段落须说明理由').first().waitFor();
    await e.page.getByLabel('人工填报理由').fill('据市12345平台年度统计');
    await e.page.getByRole('button', { name: /保\s*存/ }).click();
    await e.page.getByText('人工填报', { exact: true }).waitFor().catch(async (err) => { await e.screenshot('annual-report-manual-failed'); throw err; });
    await e.page.getByText('本报告含1处人工填报数据').waitFor();
    // Published before the year ends only as a 阶段性报告.
    await e.page.getByRole('switch', { name: '阶段性报告' }).click();
    await e.page.getByText('阶段性报告', { exact: true }).waitFor();
    const act = async (label: string, fill?: () => Promise<void>) => {
      await e.page.getByRole('button', { name: label }).click();
      if (fill) { await fill(); await e.page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click(); } else await e.page.getByRole('button', { name: /确\s*认/ }).click();
      await e.page.getByText(`已${label}`).waitFor();
    };
    const url = e.page.url();
    const as = async (username: string) => { await login(e, username); await e.page.getByText('我的待办（按到期日排序）').waitFor(); await e.page.goto(url); await e.page.getByTestId('report-doc').waitFor(); };
    // Four people: the drafter submits, the bureau's head reviews, the leader approves, 保密审查 publishes.
    const chain = async () => {
      await act('提交审核');
      await as('director_sfj');
      await act('审核通过');
      await as('leader');
      await act('领导审批通过', async () => { await e.page.locator('.ant-modal').getByRole('switch').click(); });
      await as('secrecy');
    };
    await chain();
    // The secrecy reviewer sends it back; the drafter reads why on the report itself.
    await act('退回修改', async () => { await e.page.locator('.ant-modal').getByLabel('退回理由').fill('第一部分第二段涉及未公开的会议内容，请删改后再报'); });
    await as('reviewer_sfj');
    expect(await e.page.getByTestId('returned').innerText()).toContain('第一部分第二段涉及未公开的会议内容');
    expect(await e.page.getByTestId('returned').innerText()).toContain('保密审查');
    await e.screenshot('annual-report-returned');
    await chain();
    // The leader, who reads the whole district, opens a figure and checks its records one by one.
    await as('leader');
    await e.page.locator('.gw-num').filter({ hasText: '%' }).nth(1).click();
    await e.page.getByText('数据来源：按时办结率').waitFor();
    await e.page.locator('.ant-drawer .ant-table-row').first().waitFor();
    expect(await e.page.getByTestId('records-out-of-scope').count()).toBe(0);
    await e.screenshot('annual-report-trace');
    await e.page.keyboard.press('Escape');
    await as('secrecy');
    await act('保密审查通过并公开');
    await e.page.getByText('已公开').first().waitFor();
    await e.page.goto(`${e.baseUrl}/public/reports`);
    await e.page.getByText('湖滨区人民政府2026年度法治政府建设情况报告').click();
    await e.page.getByText('下载Word版').waitFor();
    const body = await e.page.locator('body').innerText();
    expect(body).toContain('主持召开法治建设专题会议3次');
    expect(body).toContain('（阶段性报告）');
    expect(body).not.toContain('待补充');
  });
});
