import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

/** The exam's keeper sets up a short exam through the API (the form offers whole minutes only). */
async function createShortExam(title: string) {
  const r = await fetch(`${e.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lawstudy_sfj', password: DEMO_PASSWORD }) });
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('zt_csrf='))!.slice(8);
  const now = Date.now();
  const res = await fetch(`${e.baseUrl}/api/law-exams`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({
      title, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), minutes: 0.5, maxAttempts: 1, passMark: 60,
      blueprint: [{ type: 'single', topic: null, count: 3, points: 20 }, { type: 'judge', topic: null, count: 4, points: 10 }],
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).id as string;
}

describe('学法考试 in the browser', () => {
  it('an official takes a timed exam that submits itself when time is up; a leader sees pass rates by unit', async () => {
    const p = e.page;
    try {
      const title = 'E2E限时学法测验';
      const examId = await createShortExam(title);

      await login(e, 'clerk_scj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/law-exams`);
      const row = p.locator('.ant-table-row').filter({ hasText: title });
      await row.getByRole('button', { name: '开始考试' }).click();
      await p.getByTestId('exam-timer').waitFor();
      await expect.poll(async () => p.getByTestId('question-7').count()).toBe(1);
      // The paper carries no key: nothing on the page says which answer is right.
      expect(await p.content()).not.toContain('"answer"');
      // Answer the first question and leave the rest: the page hands in by itself at the deadline.
      await p.getByTestId('question-1').locator('.ant-radio-wrapper').first().click();
      await p.getByTestId('exam-result').waitFor({ timeout: 60_000 });
      expect(await p.getByTestId('exam-result').innerText()).toMatch(/已交卷：得分\d+分（满分100分）/);
      await p.getByText('系统已自动交卷').waitFor();
      // Its one attempt is used: no new start offered.
      await p.goto(`${e.baseUrl}/law-exams`);
      const again = p.locator('.ant-table-row').filter({ hasText: title });
      await again.getByText('1/1').waitFor();
      expect(await again.getByRole('button', { name: '开始考试' }).count()).toBe(0);

      const leaderPage = await e.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const l: E2E = { ...e, page: leaderPage };
      await login(l, 'leader');
      await leaderPage.getByText('我的待办（按到期日排序）').or(leaderPage.getByText('驾驶舱')).first().waitFor();
      await leaderPage.goto(`${e.baseUrl}/law-exams/${examId}/units`);
      const unit = leaderPage.getByTestId('unit-rates').locator('.ant-table-row').filter({ hasText: '湖滨区市场监督管理局' });
      await unit.waitFor();
      // clerk_scj sat it: the unit has a taker, its participation rate is a percentage.
      const cells = await unit.locator('td').allInnerTexts();
      expect(Number(cells[2])).toBeGreaterThanOrEqual(1);
      expect(cells[4]).toMatch(/%$/);
      // The annual exam of the demo year shows every unit.
      await leaderPage.goto(`${e.baseUrl}/law-exams`);
      await leaderPage.locator('.ant-table-row').filter({ hasText: '年度全区党政干部学法考试' }).getByText('各单位合格率').click();
      await leaderPage.getByTestId('unit-rates').locator('.ant-table-row').nth(3).waitFor();
      expect(await leaderPage.getByText('合计').count()).toBe(1);
      // The year's sessions with the quarterly check, and the 述法 and meetings behind part 三.
      await leaderPage.goto(`${e.baseUrl}/law-study`);
      await leaderPage.getByTestId('quarterly-check').getByText('第1季度').waitFor();
      await leaderPage.locator('.ant-table-row').first().waitFor();
      await leaderPage.goto(`${e.baseUrl}/law-study/shufa`);
      await leaderPage.getByText(/述法（\d+人）/).waitFor();
      await leaderPage.locator('.ant-table-row').first().waitFor();
    } catch (err) {
      await e.screenshot('law-study-failure');
      throw err;
    }
  }, 400_000);

  it('the keeper uploads a material to a session by mistake and deletes it on the sessions page; a leader is not offered 删除', async () => {
    const p = await e.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const k: E2E = { ...e, page: p };
    try {
      await login(k, 'lawstudy_sfj');
      await p.getByText('我的待办（按到期日排序）').or(p.getByText('驾驶舱')).first().waitFor();
      await p.goto(`${e.baseUrl}/law-study`);
      const first = p.locator('tr.ant-table-row').first();
      await first.waitFor();
      await first.locator('.ant-table-row-expand-icon').click();
      const box = p.locator('[data-testid^="materials-"]').first();
      await box.waitFor();
      const name = `E2E误传材料${Date.now()}.png`; // unique: a retry finds its own file
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('e2e mistaken upload')]);
      await box.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: png });
      await box.getByText(name).waitFor();
      const href = await box.getByText(name).getAttribute('href');
      expect((await p.request.get(`${e.baseUrl}${href}`)).status()).toBe(200);
      await box.locator('.ant-space', { hasText: name }).last().getByRole('button', { name: /删\s*除/ }).click();
      await p.getByText(`删除材料“${name}”？`).waitFor();
      // antd spaces a two-character button label (删 除).
      await p.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
      await p.getByText('已删除').waitFor();
      await expect.poll(async () => box.getByText(name).count()).toBe(0);
      // No longer served.
      expect((await p.request.get(`${e.baseUrl}${href}`)).status()).toBe(404);
      // A leader reads the sessions' materials but is offered no 删除.
      const kept = `E2E签到表${Date.now()}.png`;
      await box.locator('input[type=file]').setInputFiles({ name: kept, mimeType: 'image/png', buffer: png });
      await box.getByText(kept).waitFor();
      const lp = await e.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await login({ ...e, page: lp }, 'leader');
      await lp.getByText('我的待办（按到期日排序）').or(lp.getByText('驾驶舱')).first().waitFor();
      await lp.goto(`${e.baseUrl}/law-study`);
      const lfirst = lp.locator('tr.ant-table-row').first();
      await lfirst.waitFor();
      await lfirst.locator('.ant-table-row-expand-icon').click();
      const lbox = lp.locator('[data-testid^="materials-"]').first();
      await lbox.getByText(kept).waitFor();
      expect(await lbox.getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
    } catch (err) {
      await p.screenshot({ path: 'test-results/law-study-materials-failure.png', fullPage: true });
      throw err;
    }
  }, 300_000);
  it('the keeper drafts the district leader’s 述法 on the 述法 page: the draft lists the major decisions he decided', async () => {
    const p = await e.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const k: E2E = { ...e, page: p };
    try {
      await login(k, 'lawstudy_sfj');
      await p.getByText('我的待办（按到期日排序）').or(p.getByText('驾驶舱')).first().waitFor();
      await p.goto(`${e.baseUrl}/law-study/shufa`);
      await p.getByRole('button', { name: '登记述法' }).click();
      const dialog = p.locator('.ant-modal').filter({ hasText: '登记述法' });
      await dialog.locator('.ant-select').first().click();
      await p.keyboard.type('郑志强');
      await p.locator('.ant-select-item-option').filter({ hasText: '郑志强' }).first().click();
      await dialog.getByRole('button', { name: '按本人记录生成草稿' }).click();
      const text = dialog.locator('textarea');
      // The demo's leader decided four of the catalog's decisions at the executive meeting (the fifth is still in procedure).
      await expect.poll(async () => text.inputValue(), { timeout: 30_000 }).toContain('参与审议（审查）重大行政决策4项：');
      expect(await text.inputValue()).toContain('集体讨论决定（通过）');
    } catch (err) {
      await p.screenshot({ path: 'test-results/law-study-shufa-draft-failure.png', fullPage: true });
      throw err;
    }
  }, 300_000);
});
