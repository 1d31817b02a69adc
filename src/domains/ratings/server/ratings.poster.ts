/**
 * Printable 好差评 QR posters per site and per counter. The QR code is drawn by `qrcode` (pure JS) as a
 * PNG; the poster around it — Chinese text needs real fonts — is HTML printed by Chromium, the same PDF
 * path as the annual report (DESIGN §2), to PDF or, as a screenshot, to PNG.
 */
import { existsSync } from 'node:fs';
import QRCode from 'qrcode';
import { AppError } from '../../../core/shared/errors';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The bare QR code (no text): works without Chromium, e.g. for a sticker on the counter. */
export const qrPng = (url: string) => QRCode.toBuffer(url, { type: 'png', width: 720, margin: 2, errorCorrectionLevel: 'M' });

export type Poster = { site: string; counter?: string | null; url: string };

export async function posterHtml(p: Poster) {
  const dataUrl = await QRCode.toDataURL(p.url, { width: 720, margin: 1, errorCorrectionLevel: 'M' });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(p.site)}好差评二维码</title><style>
  @page { size: A4; margin: 0; }
  html, body { margin: 0; width: 210mm; height: 297mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", sans-serif; color: #1f1f1f; background: #fff; }
  .band { background: #c8161d; color: #fff; text-align: center; padding: 16mm 10mm 10mm; }
  .band h1 { margin: 0; font-size: 34pt; letter-spacing: 2pt; }
  .band p { margin: 4mm 0 0; font-size: 15pt; }
  .site { text-align: center; font-size: 24pt; font-weight: bold; margin: 14mm 10mm 2mm; }
  .counter { text-align: center; font-size: 20pt; margin: 0 10mm; color: #c8161d; }
  .qr { text-align: center; margin-top: 10mm; }
  .qr img { width: 110mm; height: 110mm; }
  .scan { text-align: center; font-size: 30pt; font-weight: bold; margin-top: 6mm; letter-spacing: 8pt; }
  .levels { text-align: center; font-size: 13pt; margin-top: 6mm; color: #595959; }
  .foot { position: absolute; bottom: 12mm; width: 210mm; text-align: center; font-size: 10pt; color: #8c8c8c; }
  </style></head><body>
  <div class="band"><h1>政务服务“好差评”</h1><p>您的评价是我们改进工作的动力</p></div>
  <div class="site">${esc(p.site)}</div>${p.counter ? `<div class="counter">${esc(p.counter)}</div>` : ''}
  <div class="qr"><img alt="评价二维码" src="${dataUrl}"></div>
  <div class="scan">扫码评价</div>
  <div class="levels">非常满意 · 满意 · 基本满意 · 不满意 · 非常不满意<br>差评将在1个工作日内核实回访，评价人信息严格保密</div>
  <div class="foot">${esc(p.url)}</div>
  </body></html>`;
}

/** `executablePath` is the kernel's CHROMIUM_PATH setting (kernel.config). */
async function withPage<T>(executablePath: string, html: string, f: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
  if (!existsSync(executablePath)) throw new AppError('UNAVAILABLE', '服务器未安装 Chromium，暂不能生成海报，请下载二维码图片');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 });
    await page.setContent(html, { waitUntil: 'load' });
    return await f(page);
  } finally {
    await browser.close();
  }
}

export async function posterPdf(p: Poster, chromiumPath: string): Promise<Buffer> {
  return withPage(chromiumPath, await posterHtml(p), async (page) => Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })));
}

export async function posterPng(p: Poster, chromiumPath: string): Promise<Buffer> {
  return withPage(chromiumPath, await posterHtml(p), async (page) => Buffer.from(await page.screenshot({ type: 'png', fullPage: false })));
}
