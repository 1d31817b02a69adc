/**
 * Reading and writing the xlsx exchange files counties actually send (register extracts, training
 * ledgers, question banks, population tables): one reading of a cell as text, one way to find columns by
 * their header, and one set of Chinese refusals, so each domain's import writes only its row checks.
 * Imports stay all or nothing: a domain collects ImportRowError for every bad row and refuses the file.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { acceptRawBodies } from '../files/http';
import { AppError } from '../../shared/errors';
import type { ImportRowError } from '../../shared/import-errors';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as the clerk sees it: rich text joined, a formula's result, a typed date as YYYY-MM-DD. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Excel stores a typed date as a Date at UTC midnight.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
  }
  return String(v).trim();
}

const refuse = (message: string, row: number, messages: string[] = [message]): never => {
  throw new AppError('VALIDATION', message, { rows: [{ row, messages }] satisfies ImportRowError[] });
};

/** The workbook in `buf`, or a Chinese 400 naming what was expected (`what`: 常住人口表, 题库…). */
export async function loadWorkbook(buf: Buffer, what: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(buf as unknown as ArrayBuffer); } catch { refuse(`无法读取文件，请上传Excel（.xlsx）格式的${what}`, 0, ['文件格式不正确']); }
  return wb;
}

export type SheetRow = { n: number; get: (header: string) => string; has: (header: string) => boolean };

/** A sheet's non-empty rows under its header row, each read by column title. */
export function sheetRows(ws: ExcelJS.Worksheet): { headers: Set<string>; rows: SheetRow[] } {
  const idx = new Map<string, number>();
  ws.getRow(1).eachCell((c, col) => { const h = cellText(c.value); if (h) idx.set(h, col); });
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const get = (h: string) => (idx.has(h) ? cellText(r.getCell(idx.get(h)!).value) : '');
    if ([...idx.keys()].every((h) => get(h) === '')) return;
    rows.push({ n, get, has: (h) => idx.has(h) });
  });
  return { headers: new Set(idx.keys()), rows };
}

/**
 * The first sheet's data rows, refusing (400, nothing read further) an unreadable file, a missing
 * required column (naming every column of the template), no data, or more rows than one import takes.
 */
export async function readFirstSheet(buf: Buffer, o: { what: string; columns: readonly string[]; required?: readonly string[]; maxRows: number }): Promise<SheetRow[]> {
  const ws = (await loadWorkbook(buf, o.what)).worksheets[0];
  if (!ws) return refuse('文件中没有工作表', 0);
  const { headers, rows } = sheetRows(ws);
  const lacking = (o.required ?? o.columns).filter((h) => !headers.has(h));
  if (lacking.length) refuse(`缺少必需的列：${lacking.join('、')}`, 1, [`缺少必需的列：${lacking.join('、')}（列名：${o.columns.join('、')}）`]);
  if (!rows.length) refuse('文件中没有数据行', 2, ['没有数据行']);
  if (rows.length > o.maxRows) refuse(`一次最多导入${o.maxRows}行`, 0, [`共${rows.length}行，超过${o.maxRows}行`]);
  return rows;
}

/** A template to fill in: the bold header row, example rows, readable widths. */
export async function sheetTemplate(sheet: string, columns: readonly string[], examples: readonly (readonly (string | number)[])[], width = 18): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...columns]);
  ws.getRow(1).font = { bold: true };
  for (const e of examples) ws.addRow([...e]);
  ws.columns.forEach((c) => { c.width = width; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Lets one domain's routes (its own Fastify context) take an xlsx file as the raw request body. */
export const acceptXlsx = (app: FastifyInstance, maxBytes = 10 * 1024 * 1024) => acceptRawBodies(app, [XLSX_MIME], maxBytes);

/** The uploaded workbook's bytes, or a Chinese 400 when the body was not sent as xlsx. */
export function xlsxBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('BAD_REQUEST', `请以${XLSX_MIME}格式上传xlsx文件`);
  return body;
}

/** Sends a workbook as a download: an ASCII name for old clients, the Chinese one (RFC 6266) for the rest. */
export function sendXlsx(reply: FastifyReply, asciiName: string, chineseName: string, buf: Buffer) {
  return reply.header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`).send(buf);
}
