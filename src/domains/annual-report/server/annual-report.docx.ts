/**
 * Export in 公文 format (GB/T 9704-2012): the page, grid, fonts and page numbers are the kernel's
 * (core/server/documents/gongwen.ts); this file lays out the report's parts, headings and the appendix
 * that traces every figure.
 */
import { PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { blankPara, bodyPara, FONTS, gongwenDocx, run, signaturePara, titlePara } from '../../../core/server';
import type { ReportContent } from '../shared/annual-report.schema';
import { PART_NUMERALS, SECTION_NUMERALS } from '../shared/annual-report.templates';
import { formatCount } from '../shared/number-format';

export { FONTS };

export type ExportOptions = { appendix: boolean; issuer?: string; date?: string };

export async function reportDocx(content: ReportContent, opts: ExportOptions): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  children.push(titlePara(content.title));
  children.push(blankPara());
  const refs: { n: number; text: string; label: string; definition: string; scope: string; counts: string }[] = [];
  // Figures typed by hand are listed apart, with who typed them and why (人工填报, issue 15 §4).
  const manual = content.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs)).filter((p) => p.manual);
  content.parts.forEach((part, pi) => {
    children.push(bodyPara([run(`${PART_NUMERALS[pi]}、${part.heading}`, FONTS.h1)]));
    let si = 0;
    for (const sec of part.sections) {
      const paras = [...sec.paragraphs];
      if (sec.heading) {
        // Level-2 heading run into the first paragraph, as published reports write it.
        const first = paras.shift();
        children.push(bodyPara([run(`${SECTION_NUMERALS[si++]}${sec.heading}。`, FONTS.h2), ...(first ? segmentsRuns(first.segments, refs) : [])]));
      }
      for (const p of paras) children.push(bodyPara(segmentsRuns(p.segments, refs)));
    }
  });
  if (opts.issuer) {
    children.push(blankPara());
    children.push(signaturePara(opts.issuer));
    if (opts.date) children.push(signaturePara(opts.date));
  }
  if (opts.appendix && (refs.length || manual.length)) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(bodyPara([run('附件', FONTS.h1)], false));
    children.push(titlePara('报告数据来源说明'));
    const cell = (t: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, font: { eastAsia: FONTS.body }, size: 21, bold })] })] });
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['序号', '报告中的数字', '指标', '统计口径', '统计范围和期间', '分子/分母'].map((h) => cell(h, true)) }),
        ...refs.map((r) => new TableRow({ children: [String(r.n), r.text, r.label, r.definition, r.scope, r.counts].map((t) => cell(t)) })),
        ...manual.map((p, i) => new TableRow({
          children: [String(refs.length + i + 1), p.segments.map((x) => x.text).join(''), '人工填报', `填报人：${p.manual!.by}；理由：${p.manual!.reason}`, `系统生成原文：${p.manual!.original}`, '—'].map((t) => cell(t)),
        })),
      ],
    }));
  }
  return gongwenDocx(content.title, children);
}

function segmentsRuns(segments: ReportContent['parts'][number]['sections'][number]['paragraphs'][number]['segments'], refs: { n: number; text: string; label: string; definition: string; scope: string; counts: string }[]): TextRun[] {
  return segments.map((s) => {
    if (s.metric) {
      const q = s.metric.query;
      refs.push({
        n: refs.length + 1, text: s.text, label: s.metric.label, definition: s.metric.definition,
        scope: `区划${q.divisionCode}${q.orgId ? '，指定机关' : ''}${q.caseType ? `，${q.caseType}` : ''}，${q.from}至${q.to}`,
        counts: s.metric.denominator === null ? formatCount(s.metric.numerator) : `${formatCount(s.metric.numerator)}/${formatCount(s.metric.denominator)}`,
      });
    }
    return run(s.text, FONTS.body);
  });
}
