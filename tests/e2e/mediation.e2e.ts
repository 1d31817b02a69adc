import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { act, DEMO_PASSWORD, login, pick, stateIs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** A phone: its own browser context (its own sign-in), 390×844, touch. */
const phone = async (): Promise<E2E> => {
  const page = await e.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return { ...e, page, screenshot: async (name) => { await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }); } };
};
const date = async (p: Page, field: string, iso: string) => {
  const input = p.locator('.ant-modal-wrap:visible').locator(`input#${field}`);
  await input.click();
  await input.fill(iso);
  await p.keyboard.press('Enter');
};

/** The 12345 operator files a ticket about 会兴街道 (from the page, as the web app would). */
async function fileTicket() {
  await e.page.goto(`${e.baseUrl}/login`);
  return e.page.evaluate(async (password) => {
    const send = async (url: string, body: unknown) => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))?.slice(8) ?? '');
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      const j = await r.json();
      if (!r.ok) throw new Error(`${url}: ${r.status} ${JSON.stringify(j)}`);
      return j;
    };
    await send('/api/auth/login', { username: 'operator_12345', password });
    const t = await send('/api/tickets', { kind: 'help', category: '其他', title: '邻居排水沟堵塞污水流进院子', description: '会兴村三组邻居家排水沟堵塞，污水流进我家院子，多次协商未果，请求调解。', callerName: '李秀英', callerPhone: '13903981111', divisionCode: '411202006' });
    await send('/api/auth/logout', {});
    return t as { id: string; refNo: string };
  }, DEMO_PASSWORD);
}

describe('矛盾纠纷调解 and 村（居）法律顾问 on a phone', () => {
  it('a village mediator takes a 12345 ticket into mediation, settles it, prints the 协议书 and both parties get the 司法确认 reminder; an adviser logs work; the leader sees 万人调解率 by township', async () => {
    const ticket = await fileTicket();
    const m = await phone();
    const p = m.page;
    try {
      await login(m, 'tiaojie_hx');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/mediation/new`);
      await pick(m, 'villageCode', '会兴街道 会兴村');
      await pick(m, 'source', '12345热线');
      await p.getByLabel('12345工单编号').fill(ticket.refNo);
      await p.getByLabel('申请人', { exact: true }).fill('李秀英');
      await p.getByLabel('申请人手机号（用于司法确认提醒）').fill('13903981111');
      await p.getByLabel('对方当事人', { exact: true }).fill('王建国');
      await p.getByLabel('对方当事人手机号').fill('13903982222');
      await p.getByLabel('纠纷简要情况').fill('王建国家排水沟堵塞，污水流入李秀英院内');
      await p.getByLabel('调解员').fill('贾秀梅');
      await p.getByRole('button', { name: /登\s*记/ }).click();
      await stateIs(m, '已受理');
      expect(await p.getByTestId('clock-mediate').innerText()).toContain('30日（自然日）');

      await act(m, '记录调解', async () => {
        await date(p, 'heldOn', today());
        const modal = p.locator('.ant-modal-wrap:visible');
        await modal.getByLabel('调解员').fill('贾秀梅');
        await modal.getByLabel('调解情况').fill('现场查看排水沟，听取双方意见');
      });
      await stateIs(m, '调解中');
      await act(m, '达成调解协议', async () => {
        await date(p, 'signedOn', today());
        const modal = p.locator('.ant-modal-wrap:visible');
        await modal.getByLabel('纠纷主要事实、争议事项及各方当事人的责任').fill('王建国家排水沟堵塞致污水流入李秀英院内');
        await modal.getByLabel('协议内容').fill('王建国于十日内疏通排水沟并加装盖板');
        await modal.getByLabel('履行方式、期限').fill('十日内履行完毕');
      });
      await stateIs(m, '已达成协议（待回访）');
      // 第33条: both parties reminded through the outbox, recorded on the dispute.
      await p.getByTestId('confirm-reminder').getByText(/以短信提醒双方当事人（2人）/).waitFor();
      expect(await p.getByTestId('clock-confirmWindow').innerText()).toContain('30日（自然日）');
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('agreement-docx').click()]);
      expect(download.suggestedFilename()).toMatch(/^人民调解协议书（TJ.+）\.docx$/);
      await m.screenshot('mediation-dispute-phone');

      // The ticket, as the 12345 centre sees it, names the mediation.
      await login(e, 'operator_12345');
      await e.page.getByText('我的待办').first().waitFor();
      await e.page.goto(`${e.baseUrl}/cases/${ticket.id}`);
      await e.page.getByText('转人民调解').first().waitFor();

      // The adviser of 会兴村 logs a lecture on a phone; the village confirms it.
      const g = await phone();
      await login(g, 'guwen_hx');
      await g.page.getByText('法律顾问工作记录').first().waitFor().catch(() => undefined);
      await g.page.goto(`${e.baseUrl}/legal-advisers/log`);
      await g.page.getByText('法制讲座', { exact: true }).click();
      await g.page.getByLabel('服务事项').fill('民法典进村入户专题讲座（E2E）');
      await g.page.getByRole('button', { name: /登\s*记/ }).click();
      await g.page.getByTestId('my-logs').getByText('民法典进村入户专题讲座（E2E）').waitFor();
      expect(await g.page.getByTestId('my-logs').innerText()).toContain('待村（社区）确认');
      await g.screenshot('legal-adviser-log-phone');
      await g.page.close();
      await p.goto(`${e.baseUrl}/legal-advisers/confirm`);
      const row = p.getByTestId('pending-logs').locator('.ant-list-item').filter({ hasText: '民法典进村入户专题讲座（E2E）' });
      await row.getByRole('button', { name: /确\s*认/ }).click();
      await row.waitFor({ state: 'detached' });

      // The leader sees 万人调解率 by township, and where no population is held, that it is not computed.
      await login(e, 'leader');
      await e.page.getByText('我的待办').first().waitFor().catch(() => undefined);
      await e.page.goto(`${e.baseUrl}/mediation/figures`);
      const rates = e.page.getByTestId('rates');
      await rates.getByText('会兴街道').waitFor();
      expect(Number(await rates.getByTestId('rate-411202006').innerText())).toBeGreaterThan(0);
      expect(await rates.innerText()).toContain('无人口数，不计算');
      expect(await rates.innerText()).toContain('未登记崖底街道');
      await e.page.getByTestId('figure-mediation.received').getByText(/\d+/).first().waitFor();
      await e.screenshot('mediation-figures');
    } catch (err) {
      await m.screenshot('mediation-failed').catch(() => undefined);
      await e.screenshot('mediation-failed-desktop').catch(() => undefined);
      throw err;
    }
  });
});
