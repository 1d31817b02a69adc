/**
 * 补正 (行政许可法 第32条(四)): the department ticks the missing materials from the guide's checklist (plus
 * free text), told at once; the applicant uploads a file against each line on the phone, or a walk-in
 * brings papers and the counter clerk records them. The request and the submission are the events'
 * inputs (kept on the timeline); the application's material list is updated with what came in.
 */
import { AppError } from '../../../core/shared/errors';
import { appendAudit, type Actor, type Kernel, lastEventInput, loadVisible, storageFor, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionCheck } from '../../../core/server';
import * as repo from './applications.repository';
import { materialKey } from './materials.service';

export type CorrectionRequestInput = { materials?: string[]; missing?: string };
export type CorrectionItem = { name: string; fileId?: string | null; paper?: boolean };

/** The last 补正 notice of an application, or null. */
export async function correctionOf(tx: Tx, caseId: string) {
  const r = (await lastEventInput(tx, caseId, 'requestCorrection')) as CorrectionRequestInput | null;
  if (!r) return null;
  return { materials: r.materials ?? [], note: r.missing?.trim() || null };
}

export async function correctionNotice(tx: Tx, caseId: string) {
  const c = await correctionOf(tx, caseId);
  return c ? correctionText(c) : null;
}

/** The notice in words, for the case page, tracking and the notice itself. */
export const correctionText = (c: { materials: string[]; note: string | null }) =>
  [...c.materials.map((m, i) => `${i + 1}. ${m}`), ...(c.note ? [`${c.materials.length ? `${c.materials.length + 1}. ` : ''}${c.note}`] : [])].join('；');


/**
 * The 补正 events' checks, before the compare-and-set: a notice naming materials not in the guide, or a
 * submission that does not answer it, is refused on the form's fields and nothing is written.
 */
export const checks: Record<string, TransitionCheck> = {
  async requestCorrection(tx, ctx) {
    await checkRequest(tx, ctx);
    return null;
  },
  async correct(tx, ctx) {
    await received(tx, ctx);
    return null;
  },
};

/** The 补正 events' writes: a submission updates the application's material list (the notice is the event's input). */
export const handlers: Record<string, (tx: Tx, ctx: TransitionContext) => Promise<void>> = {
  correct: receive,
};

/** Every ticked line must be a material of the guide the application was filed under. */
async function checkRequest(tx: Tx, ctx: TransitionCheckContext) {
  const r = await repo.getApplication(tx, ctx.row.id);
  if (!r) return;
  const guide = new Set(r.item.materials.map(materialKey));
  const input = ctx.input as CorrectionRequestInput;
  const unknown = (input.materials ?? []).filter((m) => !guide.has(materialKey(m)));
  if (unknown.length) throw new AppError('VALIDATION', `“${unknown.join('”“')}”不在该事项的申请材料清单中，请从清单中勾选，其他内容写在说明中`, { fields: [{ path: 'materials', message: '需补正的材料：不在申请材料清单中' }] });
  if (new Set(input.materials).size !== (input.materials ?? []).length) throw new AppError('VALIDATION', '需补正的材料有重复', { fields: [{ path: 'materials', message: '需补正的材料：有重复' }] });
}

/**
 * Each line of the notice answered: a file of the applicant's own, or (staff only) papers received at
 * the counter. Anything missing is refused with the lines named, and nothing changes. Answers the
 * application, the lines and the guide by material key (null: the case has no application row).
 */
async function received(tx: Tx, ctx: TransitionCheckContext) {
  const { kernel, actor } = ctx;
  const r = await repo.getApplication(tx, ctx.row.id);
  if (!r) return null;
  const asked = await correctionOf(tx, ctx.row.id);
  const input = ctx.input as { items?: CorrectionItem[]; paper?: string[] };
  const items: CorrectionItem[] = [...(input.items ?? []), ...(input.paper ?? []).map((name) => ({ name, paper: true }))];
  const guide = new Map(r.item.materials.map((m) => [materialKey(m), m]));
  const problems: string[] = [];
  const ownerKey = r.app.applicantIdEnc ? kernel.cipher.index(kernel.cipher.decrypt(r.app.applicantIdEnc)) : null;
  const files = new Map((await repo.filesByIds(tx, items.flatMap((i) => (i.fileId ? [i.fileId] : [])))).map((f) => [f.id, f]));
  for (const i of items) {
    if (!guide.has(materialKey(i.name))) problems.push(`“${i.name}”不在该事项的申请材料清单中`);
    else if (i.fileId) { const f = files.get(i.fileId); if (!f || f.ownerKey !== ownerKey) problems.push(`“${i.name}”所附文件不存在或不属于申请人`); }
    else if (i.paper) { if (actor.kind !== 'staff') problems.push(`“${i.name}”请上传文件`); }
    else problems.push(`“${i.name}”未附文件`);
  }
  const answered = new Set(items.filter((i) => i.fileId || i.paper).map((i) => materialKey(i.name)));
  const open = (asked?.materials ?? []).filter((m) => !answered.has(materialKey(m)));
  if (open.length) problems.push(`尚未补正：${open.join('、')}`);
  if (problems.length) throw new AppError('VALIDATION', `补正材料不符合要求：${problems.join('；')}`, { fields: problems.map((message) => ({ path: 'items', message: `补正材料：${message}` })) });
  return { r, items, guide };
}

/** The submission received (checks.correct passed it before the compare-and-set). */
async function receive(tx: Tx, ctx: TransitionContext) {
  const got = await received(tx, ctx);
  if (!got) return;
  const { r, items, guide } = got;
  // The application's list now holds what came in (a later file replaces an earlier one of that material).
  const at = ctx.at.toISOString();
  const list = [...r.app.materials];
  for (const i of items) {
    const name = guide.get(materialKey(i.name))!;
    const entry = { name, provided: true, fileId: i.fileId ?? null, paper: i.paper && !i.fileId ? true : undefined, correctedAt: at };
    const k = list.findIndex((m) => materialKey(m.name) === materialKey(name));
    if (k >= 0) list[k] = entry; else list.push(entry);
  }
  await repo.setMaterials(tx, ctx.row.id, list);
}

/**
 * Staff open an uploaded file from the case page: only a file of this application, only by a reader of
 * the case, and the opening is audited on the case's stream (who, which file, when).
 */
export async function openFile(tx: Tx, kernel: Kernel, actor: Actor, caseId: string, fileId: string) {
  const row = await loadVisible(tx, actor, caseId, 'application');
  const r = await repo.getApplication(tx, row.id);
  if (!r || !r.app.materials.some((m) => m.fileId === fileId)) throw new AppError('NOT_FOUND', '该办件没有这份材料');
  const [f] = await repo.filesByIds(tx, [fileId]);
  if (!f) throw new AppError('NOT_FOUND', '该办件没有这份材料');
  await appendAudit(tx, actor, { stream: `case:${row.id}`, action: 'material.open', entityType: 'application_file', entityId: f.id, detail: { materialName: f.materialName, fileName: f.fileName, caseRef: row.refNo } }, kernel.now());
  return { file: f, body: await storageFor(kernel.config.dataDir).get(f.storageKey) };
}

/** The materials of an application as its applicant and its staff see them, with the open 补正 notice. */
export async function materialsView(tx: Tx, kernel: Kernel, actor: Actor, caseId: string) {
  const row = await loadVisible(tx, actor, caseId, 'application');
  const r = await repo.getApplication(tx, row.id);
  if (!r) throw new AppError('NOT_FOUND');
  const files = new Map((await repo.filesByIds(tx, r.app.materials.flatMap((m) => (m.fileId ? [m.fileId] : [])))).map((f) => [f.id, f]));
  const correction = await correctionOf(tx, row.id);
  return {
    state: row.state,
    materials: r.app.materials.map((m) => {
      const f = m.fileId ? files.get(m.fileId) : undefined;
      return { name: m.name, provided: m.provided, deferred: !m.provided, paper: !!m.paper, fileId: m.fileId ?? null, fileName: f?.fileName ?? null, kind: f?.kind ?? null, correctedAt: m.correctedAt ?? null };
    }),
    checklist: r.item.materials,
    correction: correction ? { ...correction, text: correctionText(correction), open: row.state === 'correcting' } : null,
  };
}

/** The case page's tick boxes: the guide's materials for a 补正 notice, the notice's lines for papers received. */
export async function formChoices(tx: Tx, row: { id: string; state: string }): Promise<Record<string, Record<string, string[]>>> {
  if (row.state === 'submitted') {
    const r = await repo.getApplication(tx, row.id);
    return r ? { requestCorrection: { materials: r.item.materials } } : {};
  }
  if (row.state === 'correcting') {
    const c = await correctionOf(tx, row.id);
    return c?.materials.length ? { correct: { paper: c.materials } } : {};
  }
  return {};
}
