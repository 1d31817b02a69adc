/**
 * Starts the real server (as `npm start` does, minus the build) on a free port with a fresh DATA_DIR,
 * waits for /api/health, and drives Debian's Chromium with playwright-core. With DATABASE_URL set the
 * demo is seeded first, as an operator would (`zhengtong seed demo`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Zt@2026demo';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

export type E2E = { baseUrl: string; browser: Browser; page: Page; stop(): Promise<void>; screenshot(name: string): Promise<void> };

export async function startE2E(): Promise<E2E> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'zt-e2e-')), LOG_LEVEL: 'warn', JOBS_POLL_MS: '500', DEMO_APPLICATIONS: process.env.DEMO_APPLICATIONS ?? '3000', DEMO_TICKETS: process.env.DEMO_TICKETS ?? '2000', DEMO_DISCLOSURE_ITEMS: process.env.DEMO_DISCLOSURE_ITEMS ?? '400', DEMO_DISPUTES: process.env.DEMO_DISPUTES ?? '600', DEMO_INSPECTIONS: process.env.DEMO_INSPECTIONS ?? '600', DEMO_PENALTIES: process.env.DEMO_PENALTIES ?? '120' };
  const cli = ['node_modules/tsx/dist/cli.mjs', 'src/app/cli/main.ts'];
  if (env.DATABASE_URL) spawnSync(process.execPath, [...cli, 'seed', 'demo'], { env, stdio: 'inherit' });
  const server: ChildProcess = spawn(process.execPath, [...cli, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  server.stdout!.on('data', (d) => { log += d.toString(); });
  const baseUrl = `http://127.0.0.1:${port}`;
  // The server listens at once and seeds the demo behind a progress page: wait until it is ready, not merely up.
  const deadline = Date.now() + 400_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try { if ((await fetch(`${baseUrl}/api/ready`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  mkdirSync('test-results', { recursive: true });
  return {
    baseUrl, browser, page,
    screenshot: async (name) => { await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }); },
    async stop() { await browser.close(); server.kill('SIGTERM'); },
  };
}

export async function login(e: E2E, username: string, password = DEMO_PASSWORD) {
  await e.page.goto(`${e.baseUrl}/login`);
  await e.page.getByLabel('用户名').fill(username);
  await e.page.getByLabel('密码').fill(password);
  await e.page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Finds a case in 我的待办 by its number, as a clerk handed a receipt does, and opens it. */
export async function openFromWorkbench(e: E2E, refNo: string) {
  await e.page.getByText('我的待办（按到期日排序）').waitFor();
  const search = e.page.getByPlaceholder('编号、标题或申请人');
  await search.fill(refNo);
  await search.press('Enter');
  await e.page.locator('.ant-table-row').filter({ hasText: refNo }).click();
}

/**
 * Takes one of the actions the case page offers. antd puts a space between the two characters of a
 * two-character button label (受 理); an action with a form is filled by `fill` and sent with 确定.
 */
export async function act(e: E2E, label: string, fill?: () => Promise<void>) {
  const name = label.length === 2 ? new RegExp(`^${label[0]}\\s*${label[1]}$`) : label;
  try {
    await e.page.getByTestId('case-actions').getByRole('button', { name }).click();
    // The form opens in a modal, a plain action in a popconfirm: 确定/确认 is the one in that layer, never
    // a button elsewhere on the page.
    const layer = e.page.locator(fill ? '.ant-modal-wrap:visible' : '.ant-popover:visible').last();
    await layer.waitFor();
    if (fill) await fill();
    // The action's POST must answer 2xx: a refusal fails here with the server's Chinese message, not later
    // as a state that never appears.
    const [r] = await Promise.all([
      e.page.waitForResponse((res) => res.request().method() === 'POST' && res.url().includes('/api/')),
      layer.getByRole('button', { name: fill ? /确\s*定/ : /确\s*认/ }).click(),
    ]);
    if (!r.ok()) throw new Error(`「${label}」: HTTP ${r.status()} ${await r.text()}`);
  } catch (err) {
    await e.screenshot(`act-${label}-failed`).catch(() => undefined);
    throw err;
  }
}

/** Picks an option of an antd select by the field's id. */
export async function pick(e: E2E, field: string, option: string) {
  await e.page.locator('.ant-select').filter({ has: e.page.locator(`input#${field}`) }).click();
  await e.page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
  // The list closes with an animation that still covers the field below it.
  await e.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
}

/** Waits until the case page's header shows the state. */
export const stateIs = (e: E2E, name: string) => e.page.locator('.ant-page-header, .ant-pro-page-container').getByText(name).first().waitFor();

/** A walk-in taken in at the 无差别全科受理 counter by clerk_zwzx; leaves the browser on the new case's page. */
export async function counterIntake(e: E2E, p: { item: string; name: string; idNumber: string; phone: string }) {
  await login(e, 'clerk_zwzx');
  await e.page.getByText('我的待办（按到期日排序）').waitFor();
  await e.page.goto(`${e.baseUrl}/services/intake`);
  await e.page.getByTestId('item-select').click();
  await e.page.keyboard.type(p.item);
  await e.page.locator('.ant-select-item-option').first().click();
  // A list still open over the form takes the next click (the first box would only close it): close it as
  // the clerk would, with Esc, and wait until it has gone.
  const open = e.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  if (await open.isVisible()) await e.page.keyboard.press('Escape');
  await open.waitFor({ state: 'hidden' });
  // the papers handed over: every material of the guide (a required one cannot be left out)
  const boxes = e.page.locator('#materials input[type=checkbox]');
  await boxes.first().waitFor();
  // The layout may still move under the pointer (the side menu settling) as the guide arrives: a click that
  // landed beside a box is tried again, up to three times, and the box must end up ticked.
  for (const box of await boxes.all()) {
    for (let tries = 0; !(await box.isChecked()); tries++) {
      if (tries === 3) { await e.screenshot('intake-materials-failed'); throw new Error(`材料未能勾选：${await box.getAttribute('value')}`); }
      await box.check({ timeout: 5_000 }).catch(() => e.page.waitForTimeout(300));
    }
  }
  await e.page.getByLabel('申请人', { exact: true }).fill(p.name);
  await e.page.getByLabel('身份证号或统一社会信用代码').fill(p.idNumber);
  await e.page.getByLabel('联系电话').fill(p.phone);
  await e.page.getByRole('button', { name: /收\s*件/ }).click();
  await e.page.getByText('办理过程').waitFor().catch(async (err) => { await e.screenshot('intake-failed'); throw err; });
}
