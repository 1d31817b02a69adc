/**
 * Materials (申请材料) uploaded for applications: checked by content (the kernel's files/sniff.ts) and size, stored
 * behind the storage interface, owned by the applicant (an HMAC of the id number, so the same person or
 * enterprise finds them again at the counter or online) and reusable in later applications. Other
 * sources of materials — e-licences issued earlier, shared department data — plug in as providers.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { checkIdNumber } from '../../../core/shared/ids';
import { type Actor, can, DOCUMENT_KINDS, domainConfig, type Kernel, storageFor, storeUpload, tenancy, type Tx } from '../../../core/server';
import { applicationsSettings } from './applications.config';
import * as repo from './applications.repository';
import * as catalog from '../../catalog/public';

/** Upload limit in MB (UPLOAD_MAX_MB, default 20): a scanned licence or a phone photo fits easily. */
export const uploadMaxBytes = (kernel: Kernel) => domainConfig(kernel, applicationsSettings).UPLOAD_MAX_MB * 1024 * 1024;

/** A guide's material name without its trailing note: 营业执照（部门共享） is 营业执照. */
export const materialKey = (name: string) => name.replace(/（[^（）]*）$/, '').replace(/\([^()]*\)$/, '').trim();

export type MaterialHit = { materialName: string; source: string; ref: string; label: string };
/** A source of materials the applicant already has (e.g. e-licences issued by an earlier application). */
export type MaterialProvider = { name: string; find: (tx: Tx, kernel: Kernel, q: { idNumber: string; materialNames: string[] }) => Promise<MaterialHit[]> };
const providers: MaterialProvider[] = [];
/** Called by another domain (licences) at import time to offer its records as reusable materials. */
export function registerMaterialProvider(p: MaterialProvider) {
  if (!providers.some((x) => x.name === p.name)) providers.push(p);
}

/** Whose materials: the public user's own id number, or the applicant a counter clerk serves. */
export async function ownerOf(tx: Tx, kernel: Kernel, actor: Actor, idNumber?: string) {
  if (actor.kind === 'public') {
    const user = await tenancy.getUser(tx, actor.id!);
    if (!user?.idNumberEnc) throw new AppError('FORBIDDEN', '请先完成实名注册');
    const id = kernel.cipher.decrypt(user.idNumberEnc);
    return { idNumber: id, key: kernel.cipher.index(id) };
  }
  if (!can(actor, 'application.file')) throw new AppError('FORBIDDEN', '您没有窗口收件的权限');
  const check = idNumber ? checkIdNumber(idNumber.toUpperCase(), kernel.today()) : null;
  if (!check?.valid) throw new AppError('INVALID_ID_NUMBER', check?.reason ?? '请填写申请人证件号码', { fields: [{ path: 'idNumber', message: `申请人证件号码：${check?.reason ?? '请填写'}` }] });
  return { idNumber: idNumber!.toUpperCase(), key: kernel.cipher.index(idNumber!.toUpperCase()) };
}

export const fileView = (f: repo.FileRow) => ({
  id: f.id, materialName: f.materialName, fileName: f.fileName, kind: f.kind, mime: f.mime, size: f.size, createdAt: f.createdAt.toISOString(),
});

export async function upload(tx: Tx, kernel: Kernel, actor: Actor, q: { materialName: string; fileName: string; idNumber?: string }, body: Buffer) {
  const owner = await ownerOf(tx, kernel, actor, q.idNumber);
  // Materials are documents only: PDF, JPG, PNG or OFD, recognised by content and stored content-addressed.
  const f = await storeUpload(kernel, body, { maxBytes: uploadMaxBytes(kernel), accept: DOCUMENT_KINDS, acceptLabel: 'PDF、JPG、PNG或OFD文件' });
  const at = kernel.now();
  const row = {
    id: randomUUID(), ownerKey: owner.key, uploadedBy: actor.id, materialName: q.materialName, fileName: q.fileName, mime: f.mime, kind: f.kind,
    size: f.size, digest: f.digest, storageKey: f.storageKey, divisionCode: actor.divisionCode, createdAt: at,
  };
  await repo.insertFile(tx, row);
  return fileView(row);
}

export async function listMine(tx: Tx, kernel: Kernel, actor: Actor, idNumber?: string) {
  const owner = await ownerOf(tx, kernel, actor, idNumber);
  return (await repo.filesOfOwner(tx, owner.key)).map(fileView);
}

/** For each material of an item's published guide: earlier uploads with that name, and providers' records. */
export async function reusable(tx: Tx, kernel: Kernel, actor: Actor, itemId: string, idNumber?: string) {
  const owner = await ownerOf(tx, kernel, actor, idNumber);
  const p = await catalog.publishedVersionOf(tx, itemId);
  if (!p) throw new AppError('NOT_FOUND', '该事项不存在或未发布');
  const files = await repo.filesOfOwner(tx, owner.key);
  const names = p.version.materials.map((m) => m.name);
  const hits = (await Promise.all(providers.map((pr) => pr.find(tx, kernel, { idNumber: owner.idNumber, materialNames: names })))).flat();
  return p.version.materials.map((m) => ({
    name: m.name, necessity: m.necessity,
    files: files.filter((f) => materialKey(f.materialName) === materialKey(m.name)).map(fileView),
    records: hits.filter((h) => materialKey(h.materialName) === materialKey(m.name)),
  }));
}

/** The bytes, for the owner or for staff who may read applications. */
export async function content(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const f = await repo.getFile(tx, id);
  if (!f) throw new AppError('NOT_FOUND');
  if (actor.kind === 'public') {
    const owner = await ownerOf(tx, kernel, actor);
    if (owner.key !== f.ownerKey) throw new AppError('NOT_FOUND');
  } else if (!can(actor, 'application.read') && !can(actor, 'application.file')) throw new AppError('NOT_FOUND');
  return { file: f, body: await storageFor(kernel.config.dataDir).get(f.storageKey) };
}

/**
 * The checklist of a filing against the guide version: every listed material is in the guide; a file
 * named must belong to the applicant; a material not provided must be one the guide lets be handed in
 * later (容缺后补). Anything else is refused with the materials named.
 */
export async function checkFilingMaterials(tx: Tx, kernel: Kernel, guide: { name: string; necessity: string }[], applicantIdNumber: string, input: { name: string; provided: boolean; fileId?: string | null }[], opts: { requireAll?: boolean } = {}) {
  const byKey = new Map(guide.map((m) => [materialKey(m.name), m]));
  const files = new Map((await repo.filesByIds(tx, input.flatMap((m) => (m.fileId ? [m.fileId] : [])))).map((f) => [f.id, f]));
  const ownerKey = kernel.cipher.index(applicantIdNumber);
  const problems: string[] = [];
  const out = input.map((m) => {
    const g = byKey.get(materialKey(m.name));
    if (!g) { problems.push(`“${m.name}”不在该事项的申请材料清单中`); return m; }
    if (m.fileId) {
      const f = files.get(m.fileId);
      if (!f || f.ownerKey !== ownerKey) problems.push(`“${m.name}”所附文件不存在或不属于申请人`);
      return { name: g.name, provided: true, fileId: m.fileId };
    }
    if (!m.provided && g.necessity !== 'deferrable') problems.push(`“${g.name}”不允许容缺后补，须当场提交`);
    return { name: g.name, provided: m.provided, fileId: null };
  });
  // A required material cannot be skipped by leaving it out of the list (the same rule as listing it
  // as not provided); a bundle's child is checked by the bundle, which files its materials once.
  if (opts.requireAll) {
    const listed = new Set(input.map((m) => materialKey(m.name)));
    for (const g of guide) if (g.necessity === 'required' && !listed.has(materialKey(g.name))) problems.push(`“${g.name}”为必要材料，须提交`);
  }
  if (problems.length) throw new AppError('VALIDATION', `申请材料不符合要求：${problems.join('；')}`, { fields: problems.map((message) => ({ path: 'materials', message: `申请材料：${message}` })) });
  return out;
}
