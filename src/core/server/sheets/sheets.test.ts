import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, readFirstSheet, sheetTemplate } from './sheets';

const book = async (rows: ExcelJS.CellValue[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const refusal = async (p: Promise<unknown>) => p.then(() => null, (e: { message: string; details?: { rows?: unknown } }) => ({ message: e.message, rows: e.details?.rows }));
const COLS = ['区划代码', '统计日期', '常住人口'] as const;

describe('xlsx exchange files', () => {
  it('reads a cell as the clerk sees it: rich text, a formula result, a typed date, a number', () => {
    expect(cellText({ richText: [{ text: '湖滨' }, { text: '区 ' }] })).toBe('湖滨区');
    expect(cellText({ formula: 'A1*2', result: 42 } as ExcelJS.CellValue)).toBe('42');
    expect(cellText(new Date('2026-12-31T00:00:00Z'))).toBe('2026-12-31');
    expect(cellText(25000)).toBe('25000');
    expect(cellText(null)).toBe('');
  });

  it('reads rows by header whatever the column order, skipping empty rows', async () => {
    const rows = await readFirstSheet(await book([['常住人口', '区划代码', '统计日期'], [2300, '411202001001', new Date('2025-12-31T00:00:00Z')], [], [{ richText: [{ text: '4100' }] }, '411202001', '2025-12-31']]), { what: '常住人口表', columns: COLS, maxRows: 10 });
    expect(rows.map((r) => [r.n, r.get('区划代码'), r.get('统计日期'), r.get('常住人口')])).toEqual([[2, '411202001001', '2025-12-31', '2300'], [4, '411202001', '2025-12-31', '4100']]);
  });

  it('refuses in Chinese, naming the row: an unreadable file, a missing column, no data, too many rows', async () => {
    expect(await refusal(readFirstSheet(Buffer.from('not a workbook'), { what: '常住人口表', columns: COLS, maxRows: 10 })))
      .toEqual({ message: '无法读取文件，请上传Excel（.xlsx）格式的常住人口表', rows: [{ row: 0, messages: ['文件格式不正确'] }] });
    expect(await refusal(readFirstSheet(await book([['区划代码', '统计日期'], ['411202001', '2025-12-31']]), { what: '常住人口表', columns: COLS, maxRows: 10 })))
      .toEqual({ message: '缺少必需的列：常住人口', rows: [{ row: 1, messages: ['缺少必需的列：常住人口（列名：区划代码、统计日期、常住人口）'] }] });
    expect((await refusal(readFirstSheet(await book([[...COLS]]), { what: '常住人口表', columns: COLS, maxRows: 10 })))?.message).toBe('文件中没有数据行');
    const three = await book([[...COLS], ['1', '2025-12-31', 1], ['2', '2025-12-31', 1], ['3', '2025-12-31', 1]]);
    expect(await refusal(readFirstSheet(three, { what: '常住人口表', columns: COLS, maxRows: 2 }))).toEqual({ message: '一次最多导入2行', rows: [{ row: 0, messages: ['共3行，超过2行'] }] });
  });

  it('writes a template that reads back as its own example rows', async () => {
    const buf = await sheetTemplate('常住人口', COLS, [['411202001', '2025-12-31', 25000]]);
    const rows = await readFirstSheet(buf, { what: '常住人口表', columns: COLS, maxRows: 10 });
    expect(rows.map((r) => COLS.map((c) => r.get(c)))).toEqual([['411202001', '2025-12-31', '25000']]);
  });
});
