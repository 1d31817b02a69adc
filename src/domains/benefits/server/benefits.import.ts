/**
 * Register exchange files (how county data actually arrives: a department's 台账 as xlsx or CSV) and the
 * provincial data-sharing platform adapter. Parsing is pure: it returns the rows it could read and a
 * Chinese message per bad row; the service writes nothing unless every row is good.
 *
 * Columns: 统一社会信用代码 / 身份证号 / 证件号码 (validated: GB 32100-2015, GB 11643-1999), 名称 / 姓名,
 * optional 联系电话, then one column per fact, headed by its Chinese label (or key). A file brings one
 * source's facts only (a 税务 file cannot set 社保 figures). Money columns are 元 with up to two decimals
 * (stored as integer fen, parsed from the text so no float creeps in).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellText } from '../../../core/server';
import { checkIdNumber } from '../../../core/shared/ids';
import { FACTS, FACT_SOURCES, type FactDef, type FactSource } from '../shared/benefits.facts';

export type ParsedRow = { row: number; code: string; kind: 'enterprise' | 'person'; name: string; phone: string | null; facts: Record<string, number | string | boolean | null> };
export type RowError = { row: number; messages: string[] };
export type Parsed = { rows: ParsedRow[]; errors: RowError[] };

const CODE_HEADERS = ['统一社会信用代码', '身份证号', '公民身份号码', '证件号码'];
const NAME_HEADERS = ['名称', '企业名称', '姓名'];
const byHeader = new Map<string, FactDef>(FACTS.flatMap((f) => [[f.label, f], [f.key, f]] as [string, FactDef][]));

/** 元 text → fen, exactly ("1,234.5" → 123450); null when not a number. */
export function yuanToFen(raw: string): number | null {
  const v = raw.replaceAll(',', '').replaceAll('，', '').trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

export function parseFact(def: FactDef, raw: string): { value: number | string | boolean | null } | { error: string } {
  const v = raw.normalize('NFKC').trim();
  switch (def.type) {
    case 'number': { if (!/^-?\d+(\.\d+)?$/.test(v)) return { error: `“${def.label}”应为数字，实为“${v}”` }; return { value: Number(v) }; }
    case 'money': { const f = yuanToFen(v); return f === null ? { error: `“${def.label}”应为金额（元，最多两位小数），实为“${v}”` } : { value: f }; }
    case 'boolean': {
      if (['是', 'Y', 'y', 'TRUE', 'true', '1'].includes(v)) return { value: true };
      if (['否', 'N', 'n', 'FALSE', 'false', '0'].includes(v)) return { value: false };
      return { error: `“${def.label}”应填“是”或“否”，实为“${v}”` };
    }
    case 'year': { if (!/^\d{4}$/.test(v) || Number(v) < 1950 || Number(v) > 2100) return { error: `“${def.label}”应为四位年份，实为“${v}”` }; return { value: Number(v) }; }
    case 'date': { if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return { error: `“${def.label}”应为日期（YYYY-MM-DD），实为“${v}”` }; return { value: v }; }
    case 'text': {
      if (def.options && !def.options.includes(v)) return { error: `“${def.label}”应为${def.options.join('、')}之一，实为“${v}”` };
      return { value: v.slice(0, 60) };
    }
  }
}

/** Rows of cells (header first) from a CSV text (RFC 4180 quotes; a UTF-8 BOM is dropped). */
export function csvRows(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [], cell = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') q = false; else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') { if (ch === '\r' && s[i + 1] === '\n') i++; row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

async function xlsxRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      // The kernel's reading of a cell: rich text and formula results included, which String() turned into
      // "[object Object]" before.
      cells.push(cellText(r.getCell(c).value));
    }
    out.push(cells);
  });
  return out;
}

export async function readTable(fileName: string, buf: Buffer): Promise<string[][]> {
  if (/\.xlsx$/i.test(fileName)) return xlsxRows(buf);
  if (/\.csv$/i.test(fileName)) return csvRows(buf.toString('utf8'));
  throw new Error('unsupported');
}

/** Validates every row; a row's messages name the column and what is wrong. */
export function parseTable(table: string[][], source: FactSource, today: string): Parsed {
  const errors: RowError[] = [];
  const rows: ParsedRow[] = [];
  if (table.length < 2) return { rows, errors: [{ row: 1, messages: ['文件没有数据行（第1行应为表头）'] }] };
  const header = table[0].map((h) => h.normalize('NFKC').trim());
  const codeCol = header.findIndex((h) => CODE_HEADERS.includes(h));
  const nameCol = header.findIndex((h) => NAME_HEADERS.includes(h));
  const phoneCol = header.indexOf('联系电话');
  const headErrors: string[] = [];
  if (codeCol < 0) headErrors.push('缺少“统一社会信用代码”或“身份证号”列');
  if (nameCol < 0) headErrors.push('缺少“名称”或“姓名”列');
  const factCols: { col: number; def: FactDef }[] = [];
  header.forEach((h, i) => {
    if (i === codeCol || i === nameCol || i === phoneCol || h === '') return;
    const def = byHeader.get(h);
    if (!def) headErrors.push(`第${i + 1}列“${h}”不是登记库的数据项`);
    else if (def.source !== source) headErrors.push(`第${i + 1}列“${h}”属于${FACT_SOURCES[def.source]}数据，不能随${FACT_SOURCES[source]}数据导入`);
    else factCols.push({ col: i, def });
  });
  if (headErrors.length) return { rows, errors: [{ row: 1, messages: headErrors }] };
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const msgs: string[] = [];
    const code = (cells[codeCol] ?? '').normalize('NFKC').trim().toUpperCase();
    const check = checkIdNumber(code, today);
    let kind: ParsedRow['kind'] = 'enterprise';
    if (!code) msgs.push('证件号码为空');
    else if (!check.valid) msgs.push(`证件号码“${code}”无效：${check.reason ?? '校验不通过'}`);
    else kind = check.kind === 'residentId' ? 'person' : 'enterprise';
    const name = (cells[nameCol] ?? '').trim();
    if (!name) msgs.push('名称（姓名）为空');
    if (name.length > 100) msgs.push('名称（姓名）超过100个字');
    const phone = phoneCol >= 0 ? (cells[phoneCol] ?? '').trim() || null : null;
    if (phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone)) msgs.push(`联系电话“${phone}”格式不正确`);
    if (code && seen.has(code)) msgs.push(`与第${seen.get(code)}行证件号码重复`);
    else if (code) seen.set(code, rowNo);
    const facts: ParsedRow['facts'] = {};
    for (const { col, def } of factCols) {
      const raw = cells[col] ?? '';
      if (raw.trim() === '') continue;
      if (def.subject !== kind && check.valid) { msgs.push(`“${def.label}”只适用于${def.subject === 'person' ? '个人' : '企业'}`); continue; }
      const r = parseFact(def, raw);
      if ('error' in r) msgs.push(r.error); else facts[def.key] = r.value;
    }
    if (msgs.length) errors.push({ row: rowNo, messages: msgs });
    else rows.push({ row: rowNo, code, kind, name, phone, facts });
  });
  return { rows, errors };
}

// ---------------------------------------------------------------- the provincial platform adapter

/**
 * A provincial data-sharing platform (一网共享 / 数据共享交换平台) delivers the same tables a department
 * would export. `pull(source)` answers the source's table (header + rows) or throws a Chinese message;
 * it never answers "nothing" silently. The local default reads `<dir>/<source>.csv` (a directory a
 * county fills from the platform's file exchange, 前置机); an HTTP adapter for a given province is a
 * new implementation of this type, selected by BENEFITS_PLATFORM_URL.
 */
export type PlatformAdapter = { name: string; pull: (source: FactSource) => Promise<{ fileName: string; table: string[][] }> };

export function localDirectoryAdapter(dir: string): PlatformAdapter {
  return {
    name: `本地交换目录 ${dir}`,
    async pull(source) {
      const fileName = `${source}.csv`;
      let text: string;
      try { text = await readFile(join(dir, fileName), 'utf8'); } catch { throw new Error(`交换目录中没有${FACT_SOURCES[source]}数据文件（${fileName}），请先由前置机落地交换文件`); }
      const table = csvRows(text);
      if (table.length < 2) throw new Error(`${FACT_SOURCES[source]}数据文件（${fileName}）没有数据行`);
      return { fileName, table };
    },
  };
}

export function httpPlatformAdapter(url: string): PlatformAdapter {
  return {
    name: `省级数据共享平台 ${url}`,
    async pull(source) {
      const res = await fetch(`${url.replace(/\/$/, '')}/${source}.csv`).catch(() => null);
      if (!res || !res.ok) throw new Error(`省级数据共享平台未返回${FACT_SOURCES[source]}数据${res ? `（HTTP ${res.status}）` : '（无法连接）'}`);
      const table = csvRows(await res.text());
      if (table.length < 2) throw new Error(`省级数据共享平台返回的${FACT_SOURCES[source]}数据没有数据行`);
      return { fileName: `${source}.csv`, table };
    },
  };
}
