/**
 * The report as a file, the same for the web and the command line: printed text only (no 待补充
 * markers, issue 15 §3), signed by the subject and dated on the leader's approval (GB/T 9704-2012
 * 7.3.5: 发文机关署名 and 成文日期 with year, month and day).
 */
import type { Kernel } from '../../../core/server';
import type { AnnualReportView } from '../shared/annual-report.schema';
import { reportDocx } from './annual-report.docx';
import { reportPdf } from './annual-report.pdf';
import { printable, signedDate } from './annual-report.service';

export async function renderReportFile(kernel: Kernel, view: AnnualReportView, format: 'docx' | 'pdf', appendix: boolean): Promise<Buffer> {
  const content = printable(view.content);
  const signed = { issuer: view.subjectName, date: await kernel.db.tx((tx) => signedDate(tx, kernel, view.id)) };
  return format === 'pdf' ? reportPdf(content, kernel.config.CHROMIUM_PATH, signed) : reportDocx(content, { appendix, ...signed });
}
