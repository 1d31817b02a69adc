import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

/** Calls the API from the page, signed in as `username` (cookies and the CSRF header as the web app sends them). */
async function apiAs<T = any>(username: string, calls: [string, string, unknown?][]): Promise<T[]> {
  await e.page.goto(`${e.baseUrl}/login`);
  return e.page.evaluate(async ({ username, password, calls }) => {
    const send = async (method: string, url: string, body?: unknown) => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))?.slice(8) ?? '');
      const r = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
      const j = await r.json();
      if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(j)}`);
      return j;
    };
    await send('POST', '/api/auth/login', { username, password });
    const out = [];
    for (const [m, u, b] of calls) out.push(await send(m, u, b));
    return out;
  }, { username, password: DEMO_PASSWORD, calls }) as Promise<T[]>;
}

describe('回访 and QR posters in the browser', () => {
  it('a clerk of the hall performs a callback on a completed application and 回访率 moves', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const period = `from=${today.slice(0, 4)}-01-01&to=${today}`;
    // Every completed application is called back (the leader sets the sample to 100%).
    await apiAs('leader', [['PUT', '/api/callbacks/settings', { kind: 'application', samplePercent: 100, maxAttempts: 3, retryHours: 4, script: '您好，我是{回访单位}回访员，您在{承办单位}办理的“{事项}”（编号{编号}）已办结，想了解是否办成、是否满意。' }]]);
    const [items] = await apiAs('clerk_zwzx', [['GET', '/api/public/service-items?q=食品经营许可']]);
    // Every material of the guide handed in on paper: a required one can no longer be left out of a filing.
    const [guide] = await apiAs<{ materials: { name: string }[] }>('clerk_zwzx', [['GET', `/api/public/catalog/${items[0].id}`]]);
    const materials = guide.materials.map((m) => ({ name: m.name, provided: true }));
    const [filed] = await apiAs('clerk_zwzx', [['POST', '/api/applications', { itemId: items[0].id, applicant: { kind: 'person', name: '回访测试', idNumber: '11010519491231002X', phone: '13912345678' }, materials }]]);
    await apiAs('clerk_scj', [['POST', `/api/applications/${filed.id}/accept`, {}]]);
    await apiAs('reviewer_scj', [['POST', `/api/applications/${filed.id}/approve`, {}]]);
    await apiAs('clerk_scj', [['POST', `/api/applications/${filed.id}/deliver`, { method: '窗口领取' }]]);
    const [before] = await apiAs('callback_zwzx', [['GET', `/api/metrics/callbacks.rate?${period}`]]);

    await login(e, 'callback_zwzx');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/callbacks`);
    await e.page.getByTestId('callback-queue').getByText(filed.refNo).click();
    await e.page.getByText(`（编号${filed.refNo}）已办结，想了解是否办成`).waitFor(); // the script, filled in
    await e.page.getByText('已联系上', { exact: true }).click();
    await e.page.getByText('已解决', { exact: true }).click();
    await e.page.getByText('满意', { exact: true }).click();
    await e.page.getByLabel('回访记录').fill('申请人表示已办成，对窗口服务满意');
    await e.page.getByRole('button', { name: '保存回访结果' }).click();
    await e.page.getByTestId('callback-state').getByText('已回访').waitFor();
    await e.screenshot('callback-done');

    const after = await e.page.evaluate(async (p) => (await fetch(`/api/metrics/callbacks.rate?${p}`)).json(), period);
    expect(after.numerator).toBe(before.numerator + 1);
    // the callback was scheduled when the application completed: already in the denominator before the call
    expect(after.denominator).toBe(before.denominator);
  });

  it('downloads a site\'s QR poster as a real PDF and a counter\'s as a real PNG', async () => {
    await login(e, 'clerk_zwzx');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/ratings`);
    await e.page.getByText('评价二维码（每个服务场所、每个窗口）').waitFor();
    const posters = e.page.locator('.ant-card', { hasText: '评价二维码（每个服务场所、每个窗口）' });
    const site = posters.locator('tr.ant-table-row', { hasText: '湖滨区政务服务中心' });
    const [pdf] = await Promise.all([e.page.waitForEvent('download'), site.getByText('海报PDF').click()]);
    expect(pdf.suggestedFilename()).toContain('.pdf');
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const counter = posters.locator('tr.ant-table-row', { hasText: '综合受理1号窗口' });
    await counter.waitFor();
    const [png] = await Promise.all([e.page.waitForEvent('download'), counter.getByText('海报PNG').click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await e.screenshot('rating-posters');
  });
});
