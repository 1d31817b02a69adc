/**
 * Filing and reading 办件. A counter clerk files for an applicant at any 无差别全科受理 counter and the
 * case goes to the item's org, which accepts or refuses it under the machine's clocks; a citizen or
 * enterprise files online for themselves; a retry with the same idempotency key files nothing twice.
 */
import { AppError } from '../../../core/shared/errors';
import { checkIdNumber, maskIdNumber } from '../../../core/shared/ids';
import { type Actor, can, type CaseRow, createCase, type Kernel, listClocks, tenancy, type Tx } from '../../../core/server';
import type { z } from 'zod';
import type { ApplicationFile } from '../shared/applications.schema';
import { applicationMachine } from '../shared/application.machine';
import { deadlineBadge } from '../../../core/shared/clock';
import * as repo from './applications.repository';
import * as catalog from '../../catalog/public';
import { checkFilingMaterials } from './materials.service';
import { correctionOf, correctionText } from './corrections.service';
import { divisionPrefix } from '../../../core/shared/division';

/** How another domain files an application on an applicant's behalf (a bundle's child). */
export type FilingOptions = { parentId?: string; form?: Record<string, string> };

export async function fileApplication(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof ApplicationFile>, opts: FilingOptions = {}) {
  const item = await catalog.getItem(tx, input.itemId);
  if (!item || item.status !== 'published') throw new AppError('VALIDATION', '该事项不存在或未发布，不能申请', { fields: [{ path: 'itemId', message: '办理事项：不存在或未发布' }] });
  const org = await tenancy.getOrg(tx, item.orgId);
  if (!org) throw new AppError('NOT_FOUND');
  let applicant: { kind: string; name: string; idNumber: string; userId: string | null; phone: string | null };
  let channel: 'online' | 'counter';
  if (actor.kind === 'public') {
    const user = await tenancy.getUser(tx, actor.id!);
    if (!user?.idNumberEnc) throw new AppError('FORBIDDEN', '请先完成实名注册');
    applicant = { kind: user.subjectKind ?? 'person', name: user.displayName, idNumber: kernel.cipher.decrypt(user.idNumberEnc), userId: user.id, phone: user.phoneEnc ? kernel.cipher.decrypt(user.phoneEnc) : null };
    channel = 'online';
  } else {
    // Any counter with the filing permission may take it: 无差别全科受理 routes it to the item's org.
    if (!can(actor, 'application.file')) throw new AppError('FORBIDDEN', '您没有窗口收件的权限');
    if (!input.applicant) throw new AppError('VALIDATION', '窗口收件须填写申请人信息', { fields: [{ path: 'applicant', message: '申请人：请填写' }] });
    const check = checkIdNumber(input.applicant.idNumber, kernel.today());
    const expected = input.applicant.kind === 'person' ? 'residentId' : 'creditCode';
    if (!check.valid || check.kind !== expected) {
      const msg = check.valid ? (input.applicant.kind === 'person' ? '个人申请请填写公民身份号码' : '企业申请请填写统一社会信用代码') : check.reason!;
      throw new AppError('INVALID_ID_NUMBER', msg, { fields: [{ path: 'applicant.idNumber', message: `证件号码：${msg}` }] });
    }
    // Filed under a verified id number (身份证 or 统一社会信用代码): the case belongs to that citizen's or
    // enterprise's account, if there is one, so it appears in their 我的办件.
    const account = await tenancy.getUserByIdHash(tx, kernel.cipher.index(input.applicant.idNumber));
    applicant = { ...input.applicant, userId: account?.kind === 'public' ? account.id : null };  // the walk-in's phone, typed by the clerk
    channel = 'counter';
  }
  // The application keeps the guide version it is filed under: its limits and materials never change.
  const version = await catalog.publishedVersionOf(tx, item.id);
  if (!version) throw new AppError('VALIDATION', '该事项不存在或未发布，不能申请', { fields: [{ path: 'itemId', message: '办理事项：未发布' }] });
  const materials = await checkFilingMaterials(tx, kernel, version.version.materials, applicant.idNumber, input.materials, // A pre-filled filing by the system (无感续证) or a bundle's child is completed through 补正.
    { requireAll: !opts.parentId && actor.kind !== 'system' });
  const missing = materials.filter((m) => !m.provided).map((m) => m.name);
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'application', title: item.name, orgId: org.id, divisionCode: org.divisionCode,
    applicantId: applicant.userId, applicantName: applicant.name, applicantPhone: applicant.phone, idempotencyKey: input.idempotencyKey ?? null, parentId: opts.parentId ?? null,
    comment: input.comment ?? (missing.length ? `收件时缺少：${missing.join('、')}` : null),
    data: { itemId: item.id, itemVersionId: version.version.id, itemType: item.type, legalLimit: item.legalLimit, legalLimitUnit: item.legalLimitUnit, legalBasis: item.legalBasis, limitBasis: version.version.legalLimitBasis ?? null, promisedLimit: item.promisedLimit, channel },
  });
  if (created) {
    await repo.insertApplication(tx, {
      caseId: row.id, itemId: item.id, itemVersionId: version.version.id, channel, counterId: input.counterId ?? null,
      assistedBy: actor.kind === 'staff' && input.assisted ? actor.name : null,
      applicantKind: applicant.kind, applicantIdEnc: kernel.cipher.encrypt(applicant.idNumber), applicantIdLast4: applicant.idNumber.slice(-4),
      materials, divisionCode: org.divisionCode, orgId: org.id, createdAt: row.createdAt,
      formEnc: opts.form && Object.keys(opts.form).length ? kernel.cipher.encrypt(JSON.stringify(opts.form)) : null,
    });
  }
  return { id: row.id, refNo: row.refNo, created };
}

/** Fields for the case page. The applicant's id number is shown masked (个人信息保护法 第6条). */
export async function present(tx: Tx, kernel: Kernel, row: CaseRow) {
  const caseId = row.id;
  const r = await repo.getApplication(tx, caseId);
  if (!r) return [];
  const correction = await correctionOf(tx, caseId);
  const { app, item, versionNo, publishedAt } = r;
  const form = app.formEnc ? Object.entries(JSON.parse(kernel.cipher.decrypt(app.formEnc)) as Record<string, string>) : [];
  return [
    { label: '办理事项', value: `${item.name}（${item.type}）` },
    { label: '办事指南版本', value: versionNo ? `第${versionNo}版（${publishedAt ? publishedAt.toISOString().slice(0, 10) : ''}发布）` : '—' },
    { label: '办理渠道', value: app.channel === 'online' ? '网上办理' : '窗口办理' },
    { label: '申请人证件', value: maskIdNumber(`${'*'.repeat(14)}${app.applicantIdLast4}`) },
    { label: '帮办代办', value: app.assistedBy ?? '否' },
    { label: '法定时限', value: item.legalLimit === null ? '—' : `${item.legalLimit}${item.legalLimitUnit === '日' ? '日' : '个工作日'}` },
    { label: '承诺时限', value: item.promisedLimit === null ? '—' : item.promisedLimit === 0 ? '即办' : `${item.promisedLimit}个工作日` },
    // Only what was actually handed in, and what was let in as 容缺后补; each file opens from the case page.
    {
      label: '材料',
      value: app.materials.length ? app.materials.map((m) => `${m.name}${m.fileId ? '（已上传）' : m.paper ? '（纸质，窗口收取）' : m.provided ? '（已提交）' : '（容缺后补）'}${m.correctedAt ? '〔补正〕' : ''}`).join('；') : '未提交任何材料',
      links: app.materials.flatMap((m) => (m.fileId ? [{ name: `查看 ${m.name}`, href: `/api/applications/${caseId}/files/${m.fileId}` }] : [])),
    },
    ...(correction ? [{ label: row.state === 'correcting' ? '一次性补正告知（待补正）' : '一次性补正告知', value: correctionText(correction) }] : []),
    // A bundle's merged form carries other people's id numbers (母亲、父亲): shown masked, as on the bundle.
    ...form.map(([label, value]) => ({ label, value: checkIdNumber(value).valid ? maskIdNumber(value) : value })),
  ];
}

/** Public tracking by number: the applicant proves it is theirs with the last four id characters. */
export async function track(tx: Tx, kernel: Kernel, refNo: string, idLast4: string) {
  const r = await repo.findForTracking(tx, refNo);
  if (!r || r.app.applicantIdLast4.toUpperCase() !== idLast4.toUpperCase()) throw new AppError('NOT_FOUND', '未找到该办件，请核对办件编号和证件号码后4位');
  const cal = await kernel.calendar.get(tx);
  const clocks = await listClocks(tx, [r.c.id]);
  const correction = await correctionOf(tx, r.c.id);
  return {
    refNo: r.c.refNo, itemName: r.itemName, state: r.c.state,
    stateName: applicationMachine.states[r.c.state as 'submitted']?.label ?? r.c.state,
    submittedAt: r.c.createdAt.toISOString(), closedAt: r.c.closedAt?.toISOString() ?? null,
    clocks: clocks.map((c) => ({ label: c.label, dueDate: c.dueDate, badge: deadlineBadge({ ...c, unit: c.unit as 'workday', state: c.state as 'running' }, c.dueDate, kernel.today(), cal, c.warnBefore, c.provisional).label })),
    // What the applicant must be told: the 补正 list, and each extension with its reason (行政许可法 第42条).
    correction: correction ? correctionText(correction) : null,
    extensions: clocks.flatMap((c) => (c.extensions ?? []).map((x) => ({ clock: c.label, days: x.days, reason: x.reason ?? '' }))),
  };
}

export const scopePrefix = (code: string) => divisionPrefix(code);
