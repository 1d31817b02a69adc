/**
 * PDF by printing the report's HTML in Chromium (DESIGN §2: "PDF by printing HTML in Chromium"), with
 * the same 公文 page geometry as the .docx and CSS font fallbacks for machines without 公文 fonts.
 */
import { existsSync } from 'node:fs';
import type { ReportContent } from '../shared/annual-report.schema';
import { PART_NUMERALS, SECTION_NUMERALS } from '../shared/annual-report.templates';
import { AppError } from '../../../core/shared/errors';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function reportHtml(content: ReportContent, signed?: { issuer: string; date: string }): string {
  const body = content.parts.map((p, pi) => {
    let si = 0;
    const secs = p.sections.map((s) => s.paragraphs.map((para, i) => {
      const text = para.segments.map((x) => esc(x.text)).join('');
      return `<p>${i === 0 && s.heading ? `<span class="h2">${SECTION_NUMERALS[si++]}${esc(s.heading)}。</span>` : ''}${text}</p>`;
    }).join('')).join('');
    return `<p class="h1">${PART_NUMERALS[pi]}、${esc(p.heading)}</p>${secs}`;
  }).join('');
  // Signature and 成文日期 right-aligned, four characters in from the margin (GB/T 9704-2012 7.3.5.2).
  const sign = signed ? `<p class="sign" style="margin-top:28.95pt">${esc(signed.issuer)}</p><p class="sign">${esc(signed.date)}</p>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(content.title)}</title><style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { font-family: "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.95pt; margin: 0; }
  h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "SimSun", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 28.95pt; line-height: 1.4; }
  p { text-indent: 2em; margin: 0; text-align: justify; }
  .h1 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; }
  .h2 { font-family: "楷体_GB2312", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif; }
  .sign { text-indent: 0; text-align: right; padding-right: 4em; }
  </style></head><body><h1>${esc(content.title)}</h1>${body}${sign}</body></html>`;
}

/** `executablePath` is the kernel's CHROMIUM_PATH setting (kernel.config). */
export async function reportPdf(content: ReportContent, executablePath: string, signed?: { issuer: string; date: string }): Promise<Buffer> {
  if (!existsSync(executablePath)) throw new AppError('UNAVAILABLE', '服务器未安装 Chromium，暂不能导出PDF，请导出Word文档');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  try {
    const page = await browser.newPage();
    await page.setContent(reportHtml(content, signed), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4', preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;font-size:14pt;font-family:SimSun,serif;text-align:center">— <span class="pageNumber"></span> —</div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
