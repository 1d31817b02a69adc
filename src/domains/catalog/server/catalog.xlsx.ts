/**
 * The 实施清单 台账 as officials keep it: one workbook, one row per item on 事项清单 and one row per
 * material, step, fee, FAQ and special procedure on their own sheets, joined by 实施编码. Export and
 * import are driven by the same column table, so an exported file imports back unchanged. Parsing is
 * pure (no database): it returns the items it could read and a Chinese message per bad row; the service
 * resolves orgs and sites and writes nothing unless every row is good.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { issuesOf, sheetRows, type SheetRow } from '../../../core/server';
import { MATERIAL_FORMS, MATERIAL_SOURCES, NECESSITY } from '../shared/catalog.labels';
import { Faq, Fee, GuideElements, Material, ProcessStep, SpecialProcedure, type Completeness } from '../shared/catalog.schema';
import { percent } from '../shared/catalog.completeness';

type Kind = 'text' | 'int' | 'bool' | 'list';
type Col = { header: string; key: keyof GuideElements; kind: Kind; width?: number };

/** 事项清单 columns, in the order of the national element set (service-catalog.md §2.2 A then B). */
export const ITEM_COLUMNS: Col[] = [
  { header: '事项名称', key: 'name', kind: 'text', width: 30 },
  { header: '事项类型', key: 'type', kind: 'text' },
  { header: '基本编码', key: 'basicCode', kind: 'text' },
  { header: '业务办理项编码', key: 'businessCode', kind: 'text' },
  { header: '设定依据', key: 'legalBasis', kind: 'text', width: 40 },
  { header: '权力来源', key: 'powerSource', kind: 'text' },
  { header: '行使层级', key: 'exerciseLevel', kind: 'text' },
  { header: '实施主体性质', key: 'bodyNature', kind: 'text' },
  { header: '委托部门', key: 'entrustedOrg', kind: 'text' },
  { header: '服务对象', key: 'serviceObjects', kind: 'list' },
  { header: '受理条件', key: 'acceptanceConditions', kind: 'text', width: 40 },
  { header: '法定办结时限', key: 'legalLimit', kind: 'int' },
  { header: '法定时限单位', key: 'legalLimitUnit', kind: 'text' },
  { header: '法定时限依据', key: 'legalLimitBasis', kind: 'text', width: 30 },
  { header: '法定办结时限说明', key: 'legalLimitNote', kind: 'text', width: 30 },
  { header: '承诺办结时限', key: 'promisedLimit', kind: 'int' },
  { header: '承诺时限单位', key: 'promisedLimitUnit', kind: 'text' },
  { header: '承诺办结时限说明', key: 'promisedLimitNote', kind: 'text' },
  { header: '办件类型', key: 'handlingType', kind: 'text' },
  { header: '是否收费', key: 'charged', kind: 'bool' },
  { header: '收费依据', key: 'feeBasis', kind: 'text' },
  { header: '办理形式', key: 'handleModes', kind: 'list' },
  { header: '到办事现场次数', key: 'visits', kind: 'int' },
  { header: '必须现场办理原因说明', key: 'onSiteReason', kind: 'text' },
  { header: '办理地点', key: 'handlingLocation', kind: 'text', width: 30 },
  { header: '办理时间', key: 'handlingHours', kind: 'text', width: 30 },
  { header: '咨询电话', key: 'consultPhone', kind: 'text' },
  { header: '监督投诉电话', key: 'complaintPhone', kind: 'text' },
  { header: '是否对接单点登录', key: 'ssoIntegrated', kind: 'bool' },
  { header: '在线办理地址', key: 'onlineUrl', kind: 'text' },
  { header: '是否进驻政务大厅', key: 'inHall', kind: 'bool' },
  { header: '是否网办', key: 'online', kind: 'bool' },
  { header: '是否支持网上支付', key: 'onlinePayment', kind: 'bool' },
  { header: '是否支持物流快递', key: 'logistics', kind: 'bool' },
  { header: '审批结果类型', key: 'resultType', kind: 'text' },
  { header: '审批结果名称', key: 'resultName', kind: 'text', width: 24 },
  { header: '审批结果样本', key: 'resultSample', kind: 'text' },
  { header: '审批结果有效期限', key: 'resultValidity', kind: 'text' },
  { header: '网上办理深度', key: 'onlineDepth', kind: 'text' },
  { header: '是否支持预约', key: 'appointment', kind: 'bool' },
  { header: '是否支持自助终端', key: 'selfService', kind: 'bool' },
  { header: '数量限制', key: 'quantityLimit', kind: 'text' },
  { header: '中介服务', key: 'intermediaryServices', kind: 'text' },
  { header: '联办机构', key: 'jointOrgs', kind: 'text' },
  { header: '通办范围', key: 'crossRegionScope', kind: 'text' },
  { header: '面向自然人主题分类', key: 'topicsPerson', kind: 'list' },
  { header: '面向法人主题分类', key: 'topicsLegal', kind: 'list' },
  { header: '所属一件事', key: 'bundles', kind: 'list' },
  { header: '检索关键词', key: 'keywords', kind: 'list' },
  { header: '备注', key: 'notes', kind: 'text', width: 30 },
];

export const SHEETS = { items: '事项清单', process: '办理流程', materials: '申请材料', fees: '收费项目', faqs: '常见问题', special: '特别程序', help: '填写说明' } as const;
const CODE = '实施编码';
const ORG = '实施主体';
const SPECIAL = '特别程序';
const SITES = '下沉站点';
const EXPORT_ONLY = ['版本', '版本状态', '要素完整度', '缺失要素'];

const MATERIAL_COLS = ['材料名称', '材料必要性', '来源渠道', '来源说明', '材料形式', '纸质份数', '纸质规格', '空白表格', '示例样表', '要求提供材料的依据', '填报须知/备注'] as const;
const PROCESS_COLS = ['序号', '环节名称', '环节说明'] as const;
const FEE_COLS = ['收费项目名称', '收费标准', '收费依据', '是否允许减免', '减免依据'] as const;
const FAQ_COLS = ['问题', '答案'] as const;
const SPECIAL_COLS = ['名称', '时限', '时限单位', '说明'] as const;

const LIST_SEP = /[；;、,，\n]+/;
const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? '' : b ? '是' : '否');
const reverse = <T extends Record<string, string>>(m: T) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<string, keyof T>;
const NECESSITY_BY_LABEL = reverse(NECESSITY);
const SOURCE_BY_LABEL = reverse(MATERIAL_SOURCES);
const FORM_BY_LABEL = reverse(MATERIAL_FORMS);

// ---- export ----------------------------------------------------------------------------------------
export type ExportRow = { code: string; orgName: string; elements: GuideElements; versionNo: number; statusName: string; completeness: Completeness; sites: string[] };

export async function buildWorkbook(rows: ExportRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政通';
  wb.title = title;
  const header = (ws: ExcelJS.Worksheet, cols: { header: string; width?: number }[]) => {
    ws.columns = cols.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  };
  const items = wb.addWorksheet(SHEETS.items);
  header(items, [{ header: CODE, width: 18 }, ITEM_COLUMNS[0], { header: ORG, width: 26 }, ...ITEM_COLUMNS.slice(1), { header: SPECIAL }, { header: SITES, width: 30 }, ...EXPORT_ONLY.map((h) => ({ header: h, width: h === '缺失要素' ? 60 : 12 }))]);
  const process = wb.addWorksheet(SHEETS.process);
  header(process, [{ header: CODE, width: 18 }, { header: '序号' }, { header: '环节名称', width: 16 }, { header: '环节说明', width: 60 }]);
  const materials = wb.addWorksheet(SHEETS.materials);
  header(materials, [{ header: CODE, width: 18 }, { header: '序号' }, ...MATERIAL_COLS.map((h) => ({ header: h, width: h === '材料名称' ? 40 : undefined }))]);
  const fees = wb.addWorksheet(SHEETS.fees);
  header(fees, [{ header: CODE, width: 18 }, ...FEE_COLS.map((h) => ({ header: h, width: 24 }))]);
  const faqs = wb.addWorksheet(SHEETS.faqs);
  header(faqs, [{ header: CODE, width: 18 }, { header: '问题', width: 40 }, { header: '答案', width: 80 }]);
  const special = wb.addWorksheet(SHEETS.special);
  header(special, [{ header: CODE, width: 18 }, ...SPECIAL_COLS.map((h) => ({ header: h, width: h === '说明' ? 50 : 14 }))]);
  for (const r of rows) {
    const e = r.elements;
    const cell = (c: Col) => {
      const val = e[c.key] as unknown;
      if (c.kind === 'bool') return yesNo(val as boolean | null);
      if (c.kind === 'list') return (val as string[]).join('；');
      return val ?? '';
    };
    items.addRow([
      r.code, e.name, r.orgName, ...ITEM_COLUMNS.slice(1).map(cell),
      e.specialProcedures === null ? '' : e.specialProcedures.length ? '有' : '无', r.sites.join('；'),
      r.versionNo, r.statusName, percent(r.completeness.score), r.completeness.missing.map((m) => m.message).join('\n'),
    ]);
    e.process.forEach((p, i) => process.addRow([r.code, i + 1, p.name, p.description ?? '']));
    e.materials.forEach((m, i) => materials.addRow([r.code, i + 1, m.name, NECESSITY[m.necessity], m.source ? MATERIAL_SOURCES[m.source] : '', m.sourceNote ?? '', m.form ? MATERIAL_FORMS[m.form] : '', m.copies ?? '', m.spec ?? '', m.blankForm ?? '', m.sample ?? '', m.basis ?? '', m.note ?? '']));
    for (const f of e.fees) fees.addRow([r.code, f.name, f.standard, f.basis ?? '', yesNo(f.reducible), f.reductionBasis ?? '']);
    for (const f of e.faqs) faqs.addRow([r.code, f.question, f.answer]);
    for (const s of e.specialProcedures ?? []) special.addRow([r.code, s.name, s.limit ?? '', s.unit ?? '', s.note ?? '']);
  }
  const help = wb.addWorksheet(SHEETS.help);
  help.columns = [{ width: 110 }];
  for (const line of [
    '政务服务事项实施清单台账（导入说明）',
    '1. “事项清单”每行一个事项，以“实施编码”关联其余各表；实施编码为空的行将新建事项并自动编码。',
    '2. 导入只生成或更新草稿，不直接发布；发布前系统按要素完整度检查，达到100%方可发布。',
    '3. 多个取值用“；”或“、”分隔（服务对象、办理形式、主题分类、所属一件事、下沉站点）。',
    '4. 是否类字段填“是”或“否”；时限单位填“工作日”或“自然日”；承诺时限为即办的填0。',
    '5. “特别程序”填“无”表示没有特别程序，填“有”时须在“特别程序”表列明；留空表示未填写。',
    '6. 材料必要性填“必要”“非必要”或“容缺后补”；来源渠道填“申请人自备”“政府部门核发”或“其他”。',
    '7. 版本、版本状态、要素完整度、缺失要素为导出时的参考信息，导入时忽略。',
    '8. 任何一行有错误时整个文件都不导入，并逐行列出错误，修改后重新导入即可。',
  ]) help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- import ----------------------------------------------------------------------------------------
export type RowError = { sheet: string; row: number; messages: string[] };
/** One row of 事项清单; `elements` is null when the row has format errors (reported in `errors`). */
export type ParsedItem = { row: number; code: string | null; orgName: string; elements: GuideElements | null; siteNames: string[] | undefined };

type SheetRows = { name: string; rows: SheetRow[]; headers: Set<string> };

function readSheet(wb: ExcelJS.Workbook, name: string): SheetRows | null {
  const ws = wb.getWorksheet(name);
  return ws ? { name, ...sheetRows(ws) } : null;
}

const intOf = (s: string, title: string, errs: string[]) => {
  if (s === '') return null;
  if (s === '即办') return 0;
  if (!/^\d+$/.test(s)) { errs.push(`${title}：应为整数（即办填0），实际为“${s}”`); return null; }
  return Number(s);
};
const boolOf = (s: string, title: string, errs: string[]) => {
  if (s === '') return null;
  if (['是', 'Y', 'y', '1', 'true', 'TRUE'].includes(s)) return true;
  if (['否', 'N', 'n', '0', 'false', 'FALSE'].includes(s)) return false;
  errs.push(`${title}：应填“是”或“否”，实际为“${s}”`);
  return null;
};
const listOf = (s: string) => s.split(LIST_SEP).map((x) => x.trim()).filter(Boolean);

export async function parseWorkbook(buf: Buffer): Promise<{ items: ParsedItem[]; errors: RowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { items: [], errors: [{ sheet: '文件', row: 0, messages: ['无法读取文件，请上传Excel（.xlsx）格式的实施清单台账'] }] };
  }
  const main = readSheet(wb, SHEETS.items);
  if (!main) return { items: [], errors: [{ sheet: '文件', row: 0, messages: [`缺少“${SHEETS.items}”工作表`] }] };
  const lacking = [CODE, ORG, '事项名称', '事项类型'].filter((h) => !main.headers.has(h));
  if (lacking.length) return { items: [], errors: [{ sheet: SHEETS.items, row: 1, messages: [`缺少必需的列：${lacking.join('、')}`] }] };

  const errors: RowError[] = [];
  const fail = (sheet: string, row: number, messages: string[]) => { if (messages.length) errors.push({ sheet, row, messages }); };
  const codes = new Map<string, number>();
  for (const r of main.rows) {
    const code = r.get(CODE);
    if (!code) continue;
    if (codes.has(code)) fail(SHEETS.items, r.n, [`实施编码“${code}”与第${codes.get(code)}行重复`]);
    else codes.set(code, r.n);
  }

  // Child sheets grouped by code; a row naming an unknown code is an error of that sheet.
  const children = <S extends z.ZodType>(sheetName: string, schema: S, parse: (r: SheetRows['rows'][number], errs: string[]) => Record<string, unknown>) => {
    const by = new Map<string, (z.infer<S> & { order: number })[]>();
    const sheet = readSheet(wb, sheetName);
    for (const r of sheet?.rows ?? []) {
      const errs: string[] = [];
      const code = r.get(CODE);
      if (!code) errs.push('实施编码：未填写');
      else if (!codes.has(code)) errs.push(`实施编码“${code}”在“${SHEETS.items}”中不存在`);
      const { order, ...fields } = parse(r, errs);
      const v = schema.safeParse(fields);
      if (!v.success) errs.push(...issuesOf(schema, v.error).map((i) => i.message));
      fail(sheetName, r.n, errs);
      if (!errs.length && v.success) by.set(code, [...(by.get(code) ?? []), { ...(v.data as object), order: Number(order) || r.n } as z.infer<S> & { order: number }]);
    }
    return by;
  };
  const process = children(SHEETS.process, ProcessStep, (r) => ({ order: Number(r.get('序号')) || r.n, name: r.get('环节名称'), description: r.get('环节说明') || null }));
  const materials = children(SHEETS.materials, Material, (r, errs) => {
    const nec = r.get('材料必要性');
    const src = r.get('来源渠道');
    const form = r.get('材料形式');
    if (nec && !NECESSITY_BY_LABEL[nec]) errs.push(`材料必要性：应为“必要”“非必要”或“容缺后补”，实际为“${nec}”`);
    if (src && !SOURCE_BY_LABEL[src]) errs.push(`来源渠道：应为“申请人自备”“政府部门核发”或“其他”，实际为“${src}”`);
    if (form && !FORM_BY_LABEL[form]) errs.push(`材料形式：应为“纸质”“电子”或“纸质+电子”，实际为“${form}”`);
    return {
      order: Number(r.get('序号')) || r.n, name: r.get('材料名称'), necessity: NECESSITY_BY_LABEL[nec],
      source: src ? SOURCE_BY_LABEL[src] ?? null : null, sourceNote: r.get('来源说明') || null, form: form ? FORM_BY_LABEL[form] ?? null : null,
      copies: intOf(r.get('纸质份数'), '纸质份数', errs), spec: r.get('纸质规格') || null, blankForm: r.get('空白表格') || null, sample: r.get('示例样表') || null,
      basis: r.get('要求提供材料的依据') || null, note: r.get('填报须知/备注') || null,
    };
  });
  const fees = children(SHEETS.fees, Fee, (r, errs) => ({ order: r.n, name: r.get('收费项目名称'), standard: r.get('收费标准'), basis: r.get('收费依据') || null, reducible: boolOf(r.get('是否允许减免'), '是否允许减免', errs), reductionBasis: r.get('减免依据') || null }));
  const faqs = children(SHEETS.faqs, Faq, (r) => ({ order: r.n, question: r.get('问题'), answer: r.get('答案') }));
  const special = children(SHEETS.special, SpecialProcedure, (r, errs) => ({ order: r.n, name: r.get('名称'), limit: intOf(r.get('时限'), '时限', errs), unit: r.get('时限单位') || null, note: r.get('说明') || null }));

  const items: ParsedItem[] = [];
  for (const r of main.rows) {
    const errs: string[] = [];
    const code = r.get(CODE) || null;
    const raw: Record<string, unknown> = {};
    for (const c of ITEM_COLUMNS) {
      const s = r.get(c.header);
      if (c.kind === 'int') raw[c.key] = intOf(s, c.header, errs);
      else if (c.kind === 'bool') raw[c.key] = boolOf(s, c.header, errs);
      else if (c.kind === 'list') raw[c.key] = listOf(s);
      else raw[c.key] = s === '' ? null : s;
    }
    const sp = r.get(SPECIAL);
    const sorted = <T extends { order: number }>(xs: T[] | undefined) => [...(xs ?? [])].sort((a, b) => a.order - b.order).map(({ order: _o, ...x }) => x);
    const spRows = code ? sorted(special.get(code)) : [];
    if (sp === '无') {
      if (spRows.length) errs.push(`特别程序：填了“无”，但“${SHEETS.special}”表中列有${spRows.length}项`);
      raw.specialProcedures = [];
    } else if (sp === '有') {
      if (!spRows.length) errs.push(`特别程序：填了“有”，但“${SHEETS.special}”表中没有该事项的记录`);
      raw.specialProcedures = spRows;
    } else if (sp === '') raw.specialProcedures = spRows.length ? spRows : null;
    else errs.push(`特别程序：应填“有”“无”或留空，实际为“${sp}”`);
    raw.process = code ? sorted(process.get(code)) : [];
    raw.materials = code ? sorted(materials.get(code)) : [];
    raw.fees = code ? sorted(fees.get(code)) : [];
    raw.faqs = code ? sorted(faqs.get(code)) : [];
    const parsed = GuideElements.safeParse(raw);
    if (!parsed.success) errs.push(...issuesOf(GuideElements, parsed.error).map((i) => readable(i.path, i.message)));
    const orgName = r.get(ORG);
    if (!orgName) errs.push('实施主体：未填写');
    fail(SHEETS.items, r.n, errs);
    // Rows with errors still go back, so the orgs and sites they name are checked (and reported) too.
    items.push({ row: r.n, code, orgName, elements: !errs.length && parsed.success ? parsed.data : null, siteNames: main.headers.has(SITES) ? listOf(r.get(SITES)) : undefined });
  }
  errors.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  return { items, errors };
}

export const sheetOrder = (s: string) => Object.values(SHEETS).indexOf(s as never);

/** Field issues of child rows arrive as "materials.2.necessity"; say which material in words. */
function readable(path: string, message: string) {
  const m = /^(materials|process|fees|faqs|specialProcedures)\.(\d+)\./.exec(path);
  if (!m) return message;
  const sheet = { materials: SHEETS.materials, process: SHEETS.process, fees: SHEETS.fees, faqs: SHEETS.faqs, specialProcedures: SHEETS.special }[m[1]]!;
  return `${sheet}第${Number(m[2]) + 1}项 ${message}`;
}

