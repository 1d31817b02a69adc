/**
 * Export in 公文 format (GB/T 9704-2012 《党政机关公文格式》): A4; margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; title 2号 方正小标宋简体; body 3号 仿宋_GB2312; level-1 headings 黑体, level-2
 * 楷体_GB2312; 22 lines of 28 characters; page numbers "— 1 —" in 4号 宋体, odd pages right and even pages
 * left, one character in from the edge. Machines without the 公文 fonts substitute: 方正小标宋简体 → 宋体 /
 * Noto Serif CJK SC, 仿宋_GB2312 → 仿宋 / FangSong, 楷体_GB2312 → 楷体 / KaiTi, 黑体 → SimHei / Noto Sans CJK SC.
 */
import {
  AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageBreak, PageNumber, Paragraph,
  Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { ReportContent } from '../shared/annual-report.schema';
import { PART_NUMERALS, SECTION_NUMERALS } from '../shared/annual-report.templates';
import { formatCount } from '../shared/number-format';

const MM = 56.6929; // twips per millimetre
const PT = 20; // twips per point
const SIZE_2 = 44; // 2号 = 22 pt, in half-points
const SIZE_3 = 32; // 3号 = 16 pt
const SIZE_4 = 28; // 4号 = 14 pt
// 22 lines in the 225 mm type area: 225 mm / 22 = 28.95 pt per line.
const LINE = Math.round((225 / 22) * MM);
// 28 characters of 16 pt in the 156 mm line: 156 mm = 442.2 pt, so each character gives up 0.25 pt.
const CHAR_SPACING = -5;
export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', pageNo: '宋体' } as const;

const run = (text: string, font: string, size = SIZE_3, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size, bold, characterSpacing: CHAR_SPACING });

const bodyPara = (children: TextRun[], indent = true) => new Paragraph({
  children, alignment: AlignmentType.JUSTIFIED,
  indent: indent ? { firstLine: 2 * 16 * PT } : undefined,
  spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
});

const pageFooter = (align: 'left' | 'right') => new Footer({ children: [new Paragraph({
  alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
  indent: align === 'right' ? { right: 14 * PT } : { left: 14 * PT },
  children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: FONTS.pageNo, ascii: '宋体' }, size: SIZE_4 })],
})] });

export type ExportOptions = { appendix: boolean; issuer?: string; date?: string };

export async function reportDocx(content: ReportContent, opts: ExportOptions): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(content.title, FONTS.title, SIZE_2)] }));
  children.push(bodyPara([run('', FONTS.body)], false));
  const refs: { n: number; text: string; label: string; definition: string; scope: string; counts: string }[] = [];
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
    children.push(bodyPara([run('', FONTS.body)], false));
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * 16 * PT }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(opts.issuer, FONTS.body)] }));
    if (opts.date) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * 16 * PT }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(opts.date, FONTS.body)] }));
  }
  if (opts.appendix && refs.length) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(bodyPara([run('附件', FONTS.h1)], false));
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run('报告数据来源说明', FONTS.title, SIZE_2)] }));
    const cell = (t: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, font: { eastAsia: FONTS.body }, size: 21, bold })] })] });
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['序号', '报告中的数字', '指标', '统计口径', '统计范围和期间', '分子/分母'].map((h) => cell(h, true)) }),
        ...refs.map((r) => new TableRow({ children: [String(r.n), r.text, r.label, r.definition, r.scope, r.counts].map((t) => cell(t)) })),
      ],
    }));
  }
  const doc = new Document({
    creator: '政通', title: content.title, evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: FONTS.body, ascii: 'Times New Roman' }, size: SIZE_3 } } } },
    sections: [{
      properties: {
        page: {
          size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
          margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(24 * MM) },
        },
        grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE },
      },
      footers: { default: pageFooter('right'), even: pageFooter('left') },
      children,
    }],
  });
  return Packer.toBuffer(doc);
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
