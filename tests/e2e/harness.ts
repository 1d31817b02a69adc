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
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'zt-e2e-')), LOG_LEVEL: 'warn', JOBS_POLL_MS: '500', DEMO_APPLICATIONS: process.env.DEMO_APPLICATIONS ?? '3000', DEMO_TICKETS: process.env.DEMO_TICKETS ?? '2000', DEMO_DISCLOSURE_ITEMS: process.env.DEMO_DISCLOSURE_ITEMS ?? '400' };
  const cli = ['node_modules/tsx/dist/cli.mjs', 'src/app/cli/main.ts'];
  if (env.DATABASE_URL) spawnSync(process.execPath, [...cli, 'seed', 'demo'], { env, stdio: 'inherit' });
  const server: ChildProcess = spawn(process.execPath, [...cli, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  server.stdout!.on('data', (d) => { log += d.toString(); });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 200_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try { if ((await fetch(`${baseUrl}/api/health`)).ok) break; } catch { /* not up yet */ }
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
