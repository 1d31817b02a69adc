/**
 * 培训学时台账 import: one sheet, one row per person and session. Every row is checked before anything
 * is written; one bad row refuses the whole file with a row-by-row report (nothing half-imported).
 */
import { randomUUID } from 'node:crypto';
import { appendAudit, can, readFirstSheet, sheetTemplate, type Actor, type ImportRowError, type Kernel, type Tx } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import { TRAINING_TYPE_LABELS, type TrainingType } from '../shared/enforcement-credentials.labels';
import * as repo from './enforcement-credentials.repository';

export const TRAINING_COLUMNS = ['证号', '姓名', '培训名称', '培训类别', '培训日期', '学时'] as const;

const TYPE_BY_LABEL = new Map(Object.entries(TRAINING_TYPE_LABELS).map(([k, v]) => [v, k as TrainingType]));

/** A template with the header row and one example, so an org fills in the right columns. */
export const trainingTemplate = () =>
  sheetTemplate('培训学时', TRAINING_COLUMNS, [['411202100001', '张三', '行政处罚法专题培训', '公共法律知识', '2026-03-15', 4]]);

export async function importTrainings(tx: Tx, kernel: Kernel, actor: Actor, buf: Buffer) {
  const raw = await readFirstSheet(buf, { what: '培训学时台账', columns: TRAINING_COLUMNS, maxRows: 5000 });

  const cards = await repo.credentialsByNumbers(tx, [...new Set(raw.map((r) => r.get('证号')))]);
  const holders = await repo.holdersByIds(tx, [...new Set(cards.map((c) => c.holderId))]);
  const today = kernel.today();
  const errors: ImportRowError[] = [];
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
    if (msgs.length) { errors.push({ row: r.n, messages: msgs }); continue; }
    rows.push({ id: randomUUID(), holderId: h!.id, type: type!, title, heldOn, hours, source: 'import', orgId: h!.orgId, divisionCode: h!.divisionCode, createdAt: kernel.now() });
  }
  if (errors.length) throw new AppError('VALIDATION', `导入失败：${errors.length}行有错误，整个文件未导入，请修改后重新上传`, { rows: errors });
  await repo.insertTrainings(tx, rows);
  await appendAudit(tx, actor, { stream: `credential:${rows[0].divisionCode}`, action: 'credential.training.import', entityType: 'trainingImport', entityId: randomUUID(), detail: { rows: rows.length } }, kernel.now());
  return { imported: rows.length, rows: raw.length };
}
