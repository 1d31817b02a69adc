/**
 * 培训学时台账 import: one sheet, one row per person and session. Every row is checked before anything
 * is written; one bad row refuses the whole file with a row-by-row report (nothing half-imported).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { appendAudit, can, type Actor, type Kernel, type Tx } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import { TRAINING_TYPE_LABELS, type TrainingType } from '../shared/enforcement-credentials.labels';
import * as repo from './enforcement-credentials.repository';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TRAINING_COLUMNS = ['证号', '姓名', '培训名称', '培训类别', '培训日期', '学时'] as const;

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return text(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
};
const TYPE_BY_LABEL = new Map(Object.entries(TRAINING_TYPE_LABELS).map(([k, v]) => [v, k as TrainingType]));

/** A template with the header row and one example, so an org fills in the right columns. */
export async function trainingTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('培训学时');
  ws.addRow([...TRAINING_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  ws.addRow(['411202100001', '张三', '行政处罚法专题培训', '公共法律知识', '2026-03-15', 4]);
  ws.columns.forEach((c) => { c.width = 18; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importTrainings(tx: Tx, kernel: Kernel, actor: Actor, buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(buf as unknown as ArrayBuffer); } catch {
    throw new AppError('VALIDATION', '无法读取文件，请上传Excel（.xlsx）格式的培训学时台账', { rows: [{ row: 0, message: '文件格式不正确' }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', '文件中没有工作表', { rows: [{ row: 0, message: '文件中没有工作表' }] });
  const idx = new Map<string, number>();
  ws.getRow(1).eachCell((c, col) => { const h = text(c.value); if (h) idx.set(h, col); });
  const lacking = TRAINING_COLUMNS.filter((h) => !idx.has(h));
  if (lacking.length) throw new AppError('VALIDATION', `缺少必需的列：${lacking.join('、')}`, { rows: [{ row: 1, message: `缺少必需的列：${lacking.join('、')}` }] });
  const raw: { n: number; get: (h: string) => string }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const get = (h: string) => text(r.getCell(idx.get(h)!).value);
    if (TRAINING_COLUMNS.every((h) => get(h) === '')) return;
    raw.push({ n, get });
  });
  if (!raw.length) throw new AppError('VALIDATION', '文件中没有数据行', { rows: [{ row: 2, message: '没有数据行' }] });
  if (raw.length > 5000) throw new AppError('VALIDATION', '一次最多导入5000行', { rows: [{ row: 0, message: '超过5000行' }] });

  const cards = await repo.credentialsByNumbers(tx, [...new Set(raw.map((r) => r.get('证号')))]);
  const holders = await repo.holdersByIds(tx, [...new Set(cards.map((c) => c.holderId))]);
  const today = kernel.today();
  const errors: { row: number; message: string }[] = [];
  const rows: Parameters<typeof repo.insertTrainings>[1] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const msgs: string[] = [];
    const no = r.get('证号');
    const card = cards.find((c) => c.number === no);
    const h = card ? holders.find((x) => x.id === card.holderId) : undefined;
    if (!no) msgs.push('证号未填写');
    else if (!card || !h || !can(actor, 'credential.register', { orgId: h.orgId, divisionCode: h.divisionCode, applicantId: null })) msgs.push(`证号“${no}”不存在或不属于您可登记的单位`);
    else if (h.name !== r.get('姓名')) msgs.push(`姓名“${r.get('姓名')}”与证号${no}登记的持证人不一致`);
    const title = r.get('培训名称');
    if (title.length < 2 || title.length > 100) msgs.push('培训名称应为2–100个字');
    const type = TYPE_BY_LABEL.get(r.get('培训类别') as never);
    if (!type) msgs.push(`培训类别应为${Object.values(TRAINING_TYPE_LABELS).join('、')}之一，实际为“${r.get('培训类别')}”`);
    const heldOn = r.get('培训日期');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn) || Number.isNaN(Date.parse(heldOn))) msgs.push(`培训日期应为YYYY-MM-DD，实际为“${heldOn}”`);
    else if (heldOn > today) msgs.push('培训日期不能晚于今天');
    const hours = Number(r.get('学时'));
    if (!(hours > 0 && hours <= 100)) msgs.push(`学时应为大于0、不超过100的数字，实际为“${r.get('学时')}”`);
    const key = `${no}|${heldOn}|${title}`;
    if (seen.has(key)) msgs.push('与前面的行重复（同一证号、日期和培训名称）');
    seen.add(key);
    if (msgs.length) { errors.push({ row: r.n, message: msgs.join('；') }); continue; }
    rows.push({ id: randomUUID(), holderId: h!.id, type: type!, title, heldOn, hours, source: 'import', orgId: h!.orgId, divisionCode: h!.divisionCode, createdAt: kernel.now() });
  }
  if (errors.length) throw new AppError('VALIDATION', `导入失败：${errors.length}行有错误，整个文件未导入，请修改后重新上传`, { rows: errors });
  await repo.insertTrainings(tx, rows);
  await appendAudit(tx, actor, { stream: `credential:${rows[0].divisionCode}`, action: 'credential.training.import', entityType: 'trainingImport', entityId: randomUUID(), detail: { rows: rows.length } }, kernel.now());
  return { imported: rows.length, rows: raw.length, errors: [] };
}
