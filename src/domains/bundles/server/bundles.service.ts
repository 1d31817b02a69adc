/**
 * 高效办成一件事: one form and one set of materials, filed once, fanned out to one application per
 * component item in each item's own department under that item's statutory clocks; the parent case's
 * state follows its children (bundle.derive.ts) and carries the county's promised time for the whole.
 */
import type { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { checkIdNumber, maskIdNumber } from '../../../core/shared/ids';
import { actionsFor, type Actor, can, type CaseRow, childCases, clockView, createCase, type Kernel, listClocks, lockCase, mergeCaseData, summaries, SYSTEM_ACTOR, tenancy, transition, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { correctionNotice, fileApplication, materialKey } from '../../applications/public';
import { getFilingVersion, listPublishedItems, getItemForFiling, type FilingItem } from '../../catalog/public';
import { BUNDLE_DEFINITIONS, bundleDefinition, type BundleDefinition } from '../shared/bundle.definitions';
import { bundleMachine } from '../shared/bundle.machine';
import { childGroup, derivationEvent, deriveBundleState } from '../shared/bundle.derive';
import type { BundleDefinitionView, BundleFile, BundleProgress } from '../shared/bundles.schema';
import * as repo from './bundles.repository';

const promisedText = (f: FilingItem) => (!f.promisedLimit ? '—' : f.promisedLimit.days === 0 ? '即办' : `${f.promisedLimit.days}个${f.promisedLimit.unitLabel}`);

/** The district's published items by catalog code (one query for all definitions). */
async function catalogByCode(tx: Tx) {
  const { items } = await listPublishedItems(tx, { pageSize: 500 });
  return new Map(items.map((i) => [i.code, i]));
}

async function view(tx: Tx, def: BundleDefinition, byCode: Awaited<ReturnType<typeof catalogByCode>>): Promise<BundleDefinitionView & { filing: FilingItem[] }> {
  const missing = def.items.filter((c) => !byCode.has(c)).map((c) => def.itemNames?.[c] ?? c);
  const filing = (await Promise.all(def.items.filter((c) => byCode.has(c)).map((c) => getItemForFiling(tx, byCode.get(c)!.itemId)))).filter((f): f is FilingItem => !!f);
  // Each material once: the same document asked by several items is provided once (materialKey folds
  // "居民身份证（复印件）" and "居民身份证").
  const materials = new Map<string, { name: string; necessity: 'required' | 'optional' | 'deferrable'; shared: boolean; usedBy: string[] }>();
  let separately = 0;
  for (const f of filing) {
    for (const m of f.materials) {
      separately++;
      const k = materialKey(m.name);
      const cur = materials.get(k);
      const shared = m.source === 'government' || /共享/.test(m.name);
      if (!cur) materials.set(k, { name: m.name, necessity: m.necessity, shared, usedBy: [f.name] });
      else {
        cur.usedBy.push(f.name);
        // The strictest need wins: required by one item means required for the bundle.
        if (m.necessity === 'required' || (m.necessity === 'optional' && cur.necessity === 'deferrable')) cur.necessity = m.necessity === 'required' ? 'required' : cur.necessity;
        cur.shared &&= shared;
      }
    }
  }
  const nameOf = (code: string) => byCode.get(code)?.name ?? code;
  return {
    code: def.code, name: def.name, batch: def.batch, basis: def.basis, description: def.description, applicantKind: def.applicantKind,
    promisedDays: def.promisedDays, atSites: def.atSites, available: missing.length === 0, missing,
    items: filing.map((f) => ({ code: f.code, itemId: f.itemId, name: f.name, orgName: f.orgName, type: f.type, promised: promisedText(f), resultName: f.resultName })),
    fields: def.fields.map((x) => ({ key: x.key, label: x.label, kind: x.kind, required: x.required, options: x.options, usedBy: Object.keys(x.mapsTo).filter((c) => byCode.has(c)).map(nameOf) })),
    materials: [...materials.values()], materialsSeparately: separately,
    filing,
  };
}

/** How many bundles can be applied for: every component item published (the same rule as `available`). */
export async function offeredCount(tx: Tx): Promise<number> {
  const byCode = await catalogByCode(tx);
  return BUNDLE_DEFINITIONS.filter((d) => d.items.every((c) => byCode.has(c))).length;
}

export async function listDefinitions(tx: Tx): Promise<BundleDefinitionView[]> {
  const byCode = await catalogByCode(tx);
  return Promise.all(BUNDLE_DEFINITIONS.map(async (d) => { const { filing: _f, ...v } = await view(tx, d, byCode); return v; }));
}

export async function getDefinition(tx: Tx, code: string): Promise<BundleDefinitionView> {
  const def = bundleDefinition(code);
  if (!def) throw new AppError('NOT_FOUND', '没有这个“一件事”');
  const { filing: _f, ...v } = await view(tx, def, await catalogByCode(tx));
  return v;
}

/** The merged form checked field by field; every problem is reported at once, in Chinese. */
function checkForm(def: BundleDefinition, form: Record<string, string>, today: string) {
  const problems: { path: string; message: string }[] = [];
  const known = new Set(def.fields.map((f) => f.key));
  for (const k of Object.keys(form)) if (!known.has(k)) problems.push({ path: `form.${k}`, message: `表单中没有“${k}”这一项` });
  for (const f of def.fields) {
    const v = (form[f.key] ?? '').trim();
    if (!v) { if (f.required) problems.push({ path: `form.${f.key}`, message: `${f.label}：请填写` }); continue; }
    if (f.kind === 'idNumber') {
      const c = checkIdNumber(v, today);
      if (!c.valid || c.kind !== 'residentId') problems.push({ path: `form.${f.key}`, message: `${f.label}：${c.valid ? '请填写公民身份号码' : c.reason}` });
    } else if (f.kind === 'phone' && !/^1\d{10}$/.test(v)) problems.push({ path: `form.${f.key}`, message: `${f.label}：手机号码应为11位数字` });
    else if (f.kind === 'date' && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))) problems.push({ path: `form.${f.key}`, message: `${f.label}：日期格式应为 YYYY-MM-DD` });
    else if (f.kind === 'select' && !f.options!.includes(v)) problems.push({ path: `form.${f.key}`, message: `${f.label}：请在 ${f.options!.join('、')} 中选择` });
  }
  if (problems.length) throw new AppError('VALIDATION', `表单填写有误：${problems.map((p) => p.message).join('；')}`, { fields: problems });
}

/** Where a staff filing happens decides the channel: the hall's 一件事 window, or a township/street site. */
async function filingPlace(tx: Tx, actor: Actor, def: BundleDefinition, counterId?: string) {
  const counter = counterId ? await repo.counterById(tx, counterId) : null;
  if (counterId && !counter) throw new AppError('VALIDATION', '受理窗口不存在', { fields: [{ path: 'counterId', message: '受理窗口：不存在' }] });
  const orgId = counter?.orgId ?? actor.grants.find((g) => g.orgId && g.permissions.has('bundle.file'))?.orgId ?? null;
  const [org] = orgId ? await repo.orgsByIds(tx, [orgId]) : [];
  if (!org || !can(actor, 'bundle.file', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '您没有在该窗口受理“一件事”的权限');
  if (org.kind !== 'service_center' && org.kind !== 'service_site') throw new AppError('FORBIDDEN', '“一件事”由区政务服务中心“高效办成一件事”窗口或乡镇（街道）便民服务中心受理');
  if (org.kind === 'service_site' && !def.atSites) throw new AppError('GUARD_FAILED', `${def.name}暂未下沉到乡镇（街道）便民服务中心，请到区政务服务中心“高效办成一件事”窗口办理`);
  return { org, channel: org.kind === 'service_site' ? 'site' as const : 'hall' as const };
}

export async function fileBundle(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof BundleFile>) {
  const def = bundleDefinition(input.definitionCode);
  if (!def) throw new AppError('VALIDATION', '没有这个“一件事”', { fields: [{ path: 'definitionCode', message: '“一件事”：不存在' }] });
  const v = await view(tx, def, await catalogByCode(tx));
  if (!v.available) throw new AppError('GUARD_FAILED', `${def.name}暂未开通：本区事项目录中尚未发布 ${v.missing.join('、')}`);
  // Every material named must belong to some component item; each child gets the ones it asks for.
  const known = new Map(v.materials.map((m) => [materialKey(m.name), m]));
  const unknown = input.materials.filter((m) => !known.has(materialKey(m.name)));
  if (unknown.length) throw new AppError('VALIDATION', `申请材料不符合要求：${unknown.map((m) => `“${m.name}”不在该“一件事”的材料清单中`).join('；')}`, { fields: [{ path: 'materials', message: '申请材料：含清单外的材料' }] });

  let applicant: { name: string; idNumber: string; userId: string | null; phone: string | null };
  let place: { org: { id: string; name: string; divisionCode: string }; channel: 'online' | 'hall' | 'site' };
  if (actor.kind === 'public') {
    if (!can(actor, 'bundle.file')) throw new AppError('FORBIDDEN', '请先完成实名注册');
    const user = await tenancy.getUser(tx, actor.id!);
    if (!user?.idNumberEnc) throw new AppError('FORBIDDEN', '请先完成实名注册');
    if ((user.subjectKind ?? 'person') !== def.applicantKind) throw new AppError('GUARD_FAILED', def.applicantKind === 'person' ? `${def.name}须以个人账号申请` : `${def.name}须以企业（法人）账号申请`);
    applicant = { name: user.displayName, idNumber: kernel.cipher.decrypt(user.idNumberEnc), userId: user.id, phone: input.form.phone ?? null };
    // Online bundles are followed by the hall of the district whose items they are.
    const hall = await repo.hallFor(tx, v.filing[0].divisionCode);
    if (!hall) throw new AppError('GUARD_FAILED', '本区尚未设立政务服务中心，无法受理“一件事”');
    place = { org: hall, channel: 'online' };
  } else {
    if (!input.applicant) throw new AppError('VALIDATION', '窗口受理须填写申请人信息', { fields: [{ path: 'applicant', message: '申请人：请填写' }] });
    if (input.applicant.kind !== def.applicantKind) throw new AppError('VALIDATION', def.applicantKind === 'person' ? `${def.name}的申请人应为个人` : `${def.name}的申请人应为企业`, { fields: [{ path: 'applicant.kind', message: '申请人类型：不符' }] });
    applicant = { name: input.applicant.name, idNumber: input.applicant.idNumber, userId: null, phone: input.applicant.phone };
    place = await filingPlace(tx, actor, def, input.counterId);
  }

  // Who and where first (a wrong account kind or place is told as such), then the form's fields.
  checkForm(def, input.form, kernel.today());
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'bundle', title: def.name, orgId: place.org.id, divisionCode: place.org.divisionCode,
    applicantId: applicant.userId, applicantName: applicant.name, applicantPhone: applicant.phone, idempotencyKey: input.idempotencyKey ?? null,
    data: { definitionCode: def.code, promisedDays: def.promisedDays, channel: place.channel },
    comment: `一次提交，分送${v.filing.length}个部门办理`,
  });
  if (!created) return { id: row.id, refNo: row.refNo, created: false, children: await childList(tx, row.id) };
  await repo.insertBundle(tx, {
    caseId: row.id, definitionCode: def.code, channel: place.channel, siteOrgId: place.channel === 'online' ? null : place.org.id,
    counterId: input.counterId ?? null, assistedBy: actor.kind === 'staff' && input.assisted ? actor.name : null,
    applicantKind: def.applicantKind, applicantIdLast4: applicant.idNumber.slice(-4),
    formEnc: kernel.cipher.encrypt(JSON.stringify(input.form)),
    materials: input.materials.map((m) => ({ name: m.name, provided: m.provided, fileId: m.fileId ?? null, items: known.get(materialKey(m.name))!.usedBy })),
    divisionCode: place.org.divisionCode, createdAt: row.createdAt,
  });
  for (const f of v.filing) {
    const mine = new Set(f.materials.map((m) => materialKey(m.name)));
    const form: Record<string, string> = {};
    for (const field of def.fields) {
      const target = field.mapsTo[f.code];
      const value = input.form[field.key]?.trim();
      if (target && value) form[target] = value;
    }
    await fileApplication(tx, kernel, actor, {
      itemId: f.itemId, counterId: input.counterId, assisted: input.assisted,
      applicant: actor.kind === 'public' ? undefined : input.applicant,
      materials: input.materials.filter((m) => mine.has(materialKey(m.name))),
      comment: `${def.name}联办（${row.refNo}）`,
    }, { parentId: row.id, form });
  }
  return { id: row.id, refNo: row.refNo, created: true, children: await childList(tx, row.id) };
}

async function childList(tx: Tx, parentId: string) {
  const kids = await childCases(tx, parentId);
  const names = new Map((await repo.orgsByIds(tx, [...new Set(kids.map((k) => k.orgId))])).map((o) => [o.id, o.name]));
  return kids.map((k) => ({ refNo: k.refNo, itemName: k.title, orgName: names.get(k.orgId) ?? '' }));
}

/**
 * A child moved: re-derive the parent. The parent row is locked first, so two departments acting on
 * two children at once queue here and both effects count; neither gets a 409 for the other's work.
 */
export async function onChildTransition(tx: Tx, ctx: TransitionContext) {
  const parentId = ctx.row.parentId;
  if (!parentId || childGroup(ctx.previousState) === childGroup(ctx.row.state)) return;
  const parent = await lockCase(tx, parentId);
  if (!parent || parent.type !== 'bundle' || parent.closedAt) return;
  const target = deriveBundleState((await childCases(tx, parentId)).map((c) => c.state));
  if (target === parent.state) return;
  const event = derivationEvent(parent.state, target);
  if (!event) return;
  await transition(tx, ctx.kernel, SYSTEM_ACTOR, parentId, event, { comment: `${ctx.row.title}：${ctx.kernel.caseTypes.get(ctx.row.type)?.machine.events[ctx.event]?.label ?? ctx.event}` });
}


/** The bundle's children still open, and those a department has finished (decided, not withdrawn). */
async function childrenAtWithdrawal(tx: Tx, bundleId: string) {
  const kids = await childCases(tx, bundleId);
  return { open: kids.filter((c) => !c.closedAt), finished: kids.filter((c) => c.closedAt && c.state !== 'withdrawn') };
}

/** What must hold before a bundle event is taken, read from its children before the compare-and-set. */
export const bundleChecks: Record<string, TransitionCheck> = {
  async withdraw(tx, ctx) {
    const { open, finished } = await childrenAtWithdrawal(tx, ctx.row.id);
    if (open.length === 0) throw new AppError('CONFLICT', '各部门均已办结，“一件事”不能再撤回');
    const choice = (ctx.input as { finishedParts?: string }).finishedParts;
    if (finished.length && !choice) {
      throw new AppError('VALIDATION', `已有${finished.length}个部门办结（${finished.map((c) => c.title).join('、')}），请选择已办结部门的结果如何处理`, { fields: [{ path: 'finishedParts', message: '已办结部门的结果如何处理：请选择' }] });
    }
    return null;
  },
};

/** Domain writes of each bundle event. */
export const bundleHandlers: Record<string, TransitionHandler> = {
  /** Withdrawing the bundle withdraws every child still open (before any department has decided). */
  async withdraw(tx, ctx) {
    const { open, finished } = await childrenAtWithdrawal(tx, ctx.row.id);
    const choice = (ctx.input as { finishedParts?: string }).finishedParts;
    if (finished.length) await mergeCaseData(tx, ctx.row.id, { finishedParts: choice, finishedAtWithdrawal: finished.map((c) => c.refNo) });
    for (const c of open) {
      if (!c.closedAt) await transition(tx, ctx.kernel, SYSTEM_ACTOR, c.id, 'withdraw', { comment: `随“一件事”（${ctx.row.refNo}）一并撤回` });
    }
  },
};

const CHANNEL_NAMES: Record<string, string> = { online: '网上申请', hall: '政务服务中心“一件事”窗口', site: '乡镇（街道）便民服务中心' };

export async function progress(tx: Tx, kernel: Kernel, actor: Actor, row: CaseRow): Promise<BundleProgress> {
  const b = await repo.getBundle(tx, row.id);
  if (!b) throw new AppError('NOT_FOUND');
  const kids = await childCases(tx, row.id);
  const clocks = await listClocks(tx, [row.id, ...kids.map((k) => k.id)]);
  const [summary, ...childSummaries] = await summaries(tx, kernel, [row, ...kids], clocks);
  const cal = await kernel.calendar.get(tx);
  const today = kernel.today();
  const children = await Promise.all(kids.map(async (k, i) => {
    const version = typeof k.data.itemVersionId === 'string' ? await getFilingVersion(tx, k.data.itemVersionId) : null;
    const correction = k.state === 'correcting' ? await correctionNotice(tx, k.id) : null;
    return {
      ...childSummaries[i], itemName: k.title, resultName: version?.resultName ?? null, correction,
      clocks: clocks.filter((c) => c.caseId === k.id).map((c) => clockView(c, today, cal)),
      // A department's application is withdrawn with its bundle, not alone from the bundle's page.
      actions: actionsFor(kernel, actor, k).filter((a) => a.event !== 'withdraw'),
    };
  }));
  const site = b.siteOrgId ? (await repo.orgsByIds(tx, [b.siteOrgId]))[0]?.name ?? null : null;
  return {
    bundle: summary,
    definitionName: bundleDefinition(b.definitionCode)?.name ?? row.title,
    channelName: CHANNEL_NAMES[b.channel] ?? b.channel, siteName: site,
    clocks: clocks.filter((c) => c.caseId === row.id).map((c) => clockView(c, today, cal)),
    children,
    results: children.filter((c) => c.state === 'delivered').map((c) => ({ itemName: c.itemName, resultName: c.resultName ?? c.itemName, orgName: c.orgName })),
    actions: actionsFor(kernel, actor, row),
  };
}

/** Public tracking by number and the last four id characters, as for a single application. */
export async function track(tx: Tx, kernel: Kernel, refNo: string, idLast4: string) {
  const r = await repo.findForTracking(tx, refNo);
  if (!r || r.b.applicantIdLast4.toUpperCase() !== idLast4.toUpperCase()) throw new AppError('NOT_FOUND', '未找到该“一件事”，请核对编号和证件号码后4位');
  const kids = await childCases(tx, r.c.id);
  return {
    refNo: r.c.refNo, definitionName: bundleDefinition(r.b.definitionCode)?.name ?? r.c.title,
    stateName: bundleMachine.states[r.c.state as 'submitted']?.label ?? r.c.state,
    submittedAt: r.c.createdAt.toISOString(), closedAt: r.c.closedAt?.toISOString() ?? null,
    // The summary's badge is the most urgent running clock's; a closed application has none running.
    children: (await summaries(tx, kernel, kids)).map((s) => ({
      itemName: s.title, orgName: s.orgName, stateName: s.stateName,
      dueDate: s.closedAt ? null : s.dueDate, badge: s.closedAt ? null : s.badge?.label ?? null,
    })),
  };
}

/** Fields on the generic case page: the merged form, shown to staff who may see the case. */
export async function present(tx: Tx, kernel: Kernel, row: CaseRow) {
  const b = await repo.getBundle(tx, row.id);
  if (!b) return [];
  const def = bundleDefinition(b.definitionCode);
  const form = JSON.parse(kernel.cipher.decrypt(b.formEnc)) as Record<string, string>;
  return [
    { label: '“一件事”', value: def?.name ?? b.definitionCode },
    { label: '受理渠道', value: CHANNEL_NAMES[b.channel] ?? b.channel },
    { label: '帮办代办', value: b.assistedBy ?? '否' },
    ...(def?.fields ?? []).filter((f) => form[f.key]).map((f) => ({ label: f.label, value: f.kind === 'idNumber' ? maskIdNumber(form[f.key]) : form[f.key] })),
    { label: '材料（每种一次）', value: b.materials.map((m) => `${m.name}${m.fileId ? '（已上传）' : m.provided ? '' : '（容缺后补）'}`).join('；') || '—' },
    ...(typeof row.data.finishedParts === 'string' ? [{ label: '撤回时已办结的部分', value: `${(row.data.finishedAtWithdrawal as string[] | undefined ?? []).join('、')}：${row.data.finishedParts}` }] : []),
  ];
}
