/**
 * The 公文 page (GB/T 9704-2012 《党政机关公文格式》) every .docx the platform issues is laid out on: A4;
 * margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号 方正小标宋简体; body 3号 仿宋_GB2312;
 * level-1 headings 黑体, level-2 楷体_GB2312; 22 lines of 28 characters; page numbers "— 1 —" in 4号 宋体,
 * odd pages right and even pages left, one character in from the edge. Machines without the 公文 fonts
 * substitute: 方正小标宋简体 → 宋体 / Noto Serif CJK SC, 仿宋_GB2312 → 仿宋 / FangSong, 楷体_GB2312 → 楷体 /
 * KaiTi, 黑体 → SimHei / Noto Sans CJK SC. Domains build their paragraphs with these pieces and hand them
 * to `gongwenDocx`.
 */
import {
  AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, type Table, TextRun,
} from 'docx';

const MM = 56.6929; // twips per millimetre
export const PT = 20; // twips per point
export const SIZE_2 = 44; // 2号 = 22 pt, in half-points
export const SIZE_3 = 32; // 3号 = 16 pt
export const SIZE_4 = 28; // 4号 = 14 pt
// 22 lines in the 225 mm type area: 225 mm / 22 = 28.95 pt per line.
export const LINE = Math.round((225 / 22) * MM);
// 28 characters of 16 pt in the 156 mm line: 156 mm = 442.2 pt, so each character gives up 0.25 pt.
const CHAR_SPACING = -5;
export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', pageNo: '宋体' } as const;

export const run = (text: string, font: string = FONTS.body, size = SIZE_3, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size, bold, characterSpacing: CHAR_SPACING });

/** A body paragraph on the line grid, first line indented two characters unless `indent` is false. */
export const bodyPara = (children: TextRun[], indent = true) => new Paragraph({
  children, alignment: AlignmentType.JUSTIFIED,
  indent: indent ? { firstLine: 2 * 16 * PT } : undefined,
  spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
});

/** The title, 2号 小标宋, centred. */
export const titlePara = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(text, FONTS.title, SIZE_2)] });
/** A centred line in body type (the 发文字号 under the title). */
export const centredPara = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(text)] });
export const blankPara = () => bodyPara([run('')], false);
/** 发文机关署名 and 成文日期: right-aligned, four characters in from the right edge. */
export const signaturePara = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * 16 * PT }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(text)] });

const pageFooter = (align: 'left' | 'right') => new Footer({ children: [new Paragraph({
  alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
  indent: align === 'right' ? { right: 14 * PT } : { left: 14 * PT },
  children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: FONTS.pageNo, ascii: '宋体' }, size: SIZE_4 })],
})] });

/** The document: one A4 section on the 公文 grid with odd/even page numbers. */
export function gongwenDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: '政通', title, evenAndOddHeaderAndFooters: true,
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

/** Chinese date as 公文 write the 成文日期: 2026年11月2日. */
export const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
