/**
 * `zhengtong report check <file>`: finds the numeric claims in a report (.txt or .docx) and recomputes
 * them from the text's own numbers. stdout: {"claims":[{text,stated,computed,status}]}; exit 1 if any
 * claim is a mismatch.
 */
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { SYSTEM_ACTOR } from '../../core/server/actor';
import type { Kernel } from '../../core/server/kernel';
import { checkReport } from '../../domains/annual-report/public';

export function register(program: Command, deps: { openKernel: () => Promise<Kernel> }) {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('法治政府建设年度报告');
  report.command('generate')
    .requiredOption('--year <YYYY>', '报告年度')
    .option('--org <id>', '报告主体为机关时的机构编号')
    .option('--division <code>', '报告主体为政府时的区划代码（默认演示区县）')
    .requiredOption('--out <file>', '输出文件 .docx 或 .pdf')
    .option('--no-appendix', '不附数据来源说明')
    .description('依据系统中的真实记录生成年度报告（起草中的报告会重新生成数据段落）')
    .action(async (o: { year: string; org?: string; division?: string; out: string; appendix: boolean }) => {
      const year = Number(o.year);
      if (!Number.isInteger(year) || year < 2019 || year > 2100) { process.stderr.write('error: --year 应为四位年份\n'); process.exitCode = 2; return; }
      if (!/\.(docx|pdf)$/i.test(o.out)) { process.stderr.write('error: --out 应以 .docx 或 .pdf 结尾\n'); process.exitCode = 2; return; }
      const kernel = await deps.openKernel();
      try {
        const { ensureReport, viewReport, renderReportFile } = await import('../../domains/annual-report/public');
        const input = o.org ? { year, subjectKind: 'org' as const, orgId: o.org } : { year, subjectKind: 'division' as const, divisionCode: o.division ?? kernel.config.SITE_DIVISION_CODE };
        const id = await kernel.db.tx((tx) => ensureReport(tx, kernel, SYSTEM_ACTOR, input));
        const view = await kernel.db.tx((tx) => viewReport(tx, SYSTEM_ACTOR, id));
        const buf = await renderReportFile(kernel, view, o.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx', o.appendix);
        await writeFile(o.out, buf);
        process.stdout.write(`已生成：${o.out}（${view.content.title}，第${view.contentVersion}版，${view.stateName}）\n`);
      } catch (e) {
        process.stderr.write(`error: ${(e as Error).message}\n`);
        process.exitCode = 2;
      } finally {
        await kernel.db.close();
      }
    });
  report.command('check').argument('<file>', '报告文件（.txt 或 .docx）')
    .description('核对报告中的比例、比率和分项合计')
    .action(async (file: string) => {
      let data: Buffer;
      try { data = await readFile(file); } catch { process.stderr.write(`error: 无法读取文件 ${file}\n`); process.exitCode = 2; return; }
      const { reportText } = await import('../../domains/annual-report/public');
      let text: string;
      try { text = await reportText(file, data); } catch (e) { process.stderr.write(`error: ${(e as Error).message}\n`); process.exitCode = 2; return; }
      const { claims } = checkReport(text);
      process.stdout.write(`${JSON.stringify({ claims: claims.map(({ text: t, stated, computed, status }) => ({ text: t, stated, computed, status })) }, null, 2)}\n`);
      if (claims.some((c) => c.status === 'mismatch')) process.exitCode = 1;
    });
}
