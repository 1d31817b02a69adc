/**
 * Catalog use cases (事项目录 / 实施清单 / 办事指南), folded in from the unfinished catalog domain so
 * there is one catalog: `service_items` is the item, `service_item_versions` its guide versions.
 * Catalog use cases. Departments draft and keep their own items' guides (catalog.manage in their org);
 * a department head or the 区政数局's catalog administrator publishes and withdraws (catalog.publish).
 * The published catalog is public. Every change is audited on the item's own stream.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { checkTransition } from '../../../core/shared/machine';
import { type Actor, appendAudit, can, type Kernel, scopeWhere, tenancy, type Tx } from '../../../core/server';
import * as repo from './catalog.repository';
import { indexText, queryTokens as queryWords } from './catalog.search';
import * as xlsx from './catalog.xlsx';
import { assessGuide } from '../shared/catalog.completeness';
import { catalogVersionMachine } from '../shared/catalog.machine';
import { VERSION_STATUS } from '../shared/catalog.labels';
import {
  GuideElements, ItemStatusNames,
  type CatalogSummary, type ItemAction, type ItemDetail, type ItemQuery, type ItemSummary, type PublicGuide, type PublicItem, type ServiceItem, type Site, type VersionView,
} from '../shared/catalog.schema';

type Row = { orgId: string; divisionCode: string; applicantId: null };
const rowOf = (item: { orgId: string; divisionCode: string }): Row => ({ orgId: item.orgId, divisionCode: item.divisionCode, applicantId: null });
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ELEMENT_KEYS = Object.keys(GuideElements.shape) as (keyof GuideElements)[];

/** The county a staff member works in: catalogs are kept per county (实施清单 of 县级). */
function countyOf(actor: Actor): string {
  const code = actor.divisionCode ?? actor.grants.find((g) => g.divisionCode)?.divisionCode;
  if (!code) throw new AppError('FORBIDDEN');
  return code.slice(0, 6);
}

const CATALOG_READ = ['catalog.read', 'catalog.manage'];

const mayRead = (actor: Actor, r: Row) => can(actor, 'catalog.read', r) || can(actor, 'catalog.manage', r);

/** Load an item the actor may see: any published item, or a draft-only one inside their grants (else 404). */
async function loadVisible(tx: Tx, actor: Actor, itemId: string) {
  const item = await repo.getItem(tx, itemId);
  if (!item) throw new AppError('NOT_FOUND', '事项不存在或您无权查看');
  if (!mayRead(actor, rowOf(item)) && !(await repo.publishedVersionOf(tx, itemId))) throw new AppError('NOT_FOUND', '事项不存在或您无权查看');
  return item;
}

function requireOn(actor: Actor, permission: 'catalog.manage' | 'catalog.publish', item: Row) {
  if (!can(actor, permission, item)) {
    throw new AppError('FORBIDDEN', permission === 'catalog.manage' ? '您没有维护该事项的权限（只能维护本单位的事项）' : '您没有发布或撤销该事项的权限');
  }
}

/** A version row from the elements: completeness is derived here, never sent in. */
function versionValues(e: GuideElements, item: { id: string; code: string; orgId: string; divisionCode: string }) {
  const c = assessGuide({ ...e, code: item.code, orgId: item.orgId });
  return {
    ...e, orgId: item.orgId, divisionCode: item.divisionCode,
    completenessFilled: c.filled, completenessTotal: c.total, completenessScore: c.score, complete: c.complete, missing: c.missing,
  };
}

/**
 * The item row's projection of a version, read by filing, the public list and other domains. The
 * application machine's legal clock reads the unit as 工作日 | 日 (natural days), and cites the limit's
 * own basis (the clock's derivation names it).
 */
export function projection(e: GuideElements, orgName: string) {
  return {
    name: e.name, type: e.type,
    legalLimit: e.legalLimit, legalLimitUnit: e.legalLimit === null ? null : e.legalLimitUnit === '自然日' ? '日' : '工作日',
    legalBasis: e.legalLimitBasis ?? e.legalBasis, promisedLimit: e.promisedLimit, visits: e.visits ?? 1,
    handleModes: e.handleModes as string[], materials: e.materials.map((m) => m.name), result: e.resultName, serviceObjects: e.serviceObjects as string[],
    searchText: indexText([e.name, e.type, e.resultName, ...e.materials.map((m) => m.name), ...e.bundles, ...e.keywords, orgName].filter(Boolean).join(' ')),
  };
}

/** Re-derive the item row from its versions: the published one, else the newest. */
async function refreshItem(tx: Tx, itemId: string, at: Date) {
  const versions = await repo.listVersions(tx, itemId);
  if (!versions.length) return;
  const published = versions.find((x) => x.status === 'published');
  const status = published ? 'published' : versions.some((x) => x.status === 'withdrawn') ? 'withdrawn' : 'draft';
  const org = await tenancy.getOrg(tx, versions[0].orgId);
  await repo.setProjection(tx, itemId, { ...projection(elementsOf(published ?? versions[0]), org?.name ?? ''), status, updatedAt: at });
}

export function elementsOf(row: repo.VersionRow): GuideElements {
  const out: Record<string, unknown> = {};
  for (const k of ELEMENT_KEYS) out[k] = (row as Record<string, unknown>)[k];
  return out as GuideElements;
}

export function versionView(row: repo.VersionRow, code: string, orgName: string): VersionView {
  return {
    ...elementsOf(row),
    id: row.id, itemId: row.itemId, versionNo: row.versionNo, status: row.status as VersionView['status'],
    statusName: VERSION_STATUS[row.status as keyof typeof VERSION_STATUS] ?? row.status, rev: row.rev,
    code, orgId: row.orgId, orgName, divisionCode: row.divisionCode,
    completeness: { filled: row.completenessFilled, total: row.completenessTotal, score: row.completenessScore, complete: row.complete, missing: row.missing },
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), updatedByName: row.updatedByName,
    publishedAt: iso(row.publishedAt), publishedByName: row.publishedByName,
    withdrawnAt: iso(row.withdrawnAt), withdrawnByName: row.withdrawnByName, withdrawReason: row.withdrawReason,
  };
}

const audit = (tx: Tx, kernel: Kernel, actor: Actor, itemId: string, action: string, detail: Record<string, unknown>) =>
  appendAudit(tx, actor, { stream: `catalog:${itemId}`, action, entityType: 'catalogItem', entityId: itemId, detail }, kernel.now());

// ---- staff: read -----------------------------------------------------------------------------------
export async function detail(tx: Tx, kernel: Kernel, actor: Actor, itemId: string): Promise<ItemDetail> {
  const item = await loadVisible(tx, actor, itemId);
  const org = await tenancy.getOrg(tx, item.orgId);
  const orgName = org?.name ?? '';
  const versions = await repo.listVersions(tx, itemId);
  const draft = versions.find((x) => x.status === 'draft') ?? null;
  const published = versions.find((x) => x.status === 'published') ?? null;
  const r = rowOf(item);
  const manage = can(actor, 'catalog.manage', r);
  const publish = can(actor, 'catalog.publish', r);
  // Someone who only sees the public catalog does not see drafts either.
  const seesDrafts = mayRead(actor, r);
  const actions: ItemAction[] = [];
  if (manage && draft) actions.push('edit', 'discardDraft');
  if (manage && !draft) actions.push('createDraft');
  if (publish && draft) actions.push('publish');
  if (publish && published) actions.push('withdraw');
  if (manage) actions.push('sink');
  const shown = seesDrafts ? versions : versions.filter((x) => x.status !== 'draft');
  const status = published ? 'published' : versions.some((x) => x.status === 'withdrawn') ? 'withdrawn' : 'draft';
  return {
    id: item.id, code: item.code, orgId: item.orgId, orgName, divisionCode: item.divisionCode, status, statusName: ItemStatusNames[status],
    published: published ? versionView(published, item.code, orgName) : null,
    draft: draft && seesDrafts ? versionView(draft, item.code, orgName) : null,
    latest: versionView(shown[0], item.code, orgName),
    versions: shown.map((x) => ({ id: x.id, versionNo: x.versionNo, status: x.status as 'draft', statusName: VERSION_STATUS[x.status as 'draft'], createdAt: x.createdAt.toISOString(), publishedAt: iso(x.publishedAt), withdrawnAt: iso(x.withdrawnAt), withdrawReason: x.withdrawReason })),
    sites: (await repo.listSites(tx, [itemId])).map(({ itemId: _i, ...s }) => s),
    actions: seesDrafts ? actions : [],
  };
}

export async function list(tx: Tx, actor: Actor, q: ItemQuery): Promise<{ items: ItemSummary[]; total: number }> {
  if (!can(actor, 'catalog.read') && !can(actor, 'catalog.manage')) throw new AppError('FORBIDDEN');
  const scope = scopeWhere(actor, CATALOG_READ, repo.itemScopeColumns);
  const r = await repo.listItems(tx, {
    scope, divisionCode: countyOf(actor), q: q.q ? { raw: q.q, words: queryWords(q.q) } : undefined,
    orgId: q.orgId, type: q.type, status: q.status, complete: q.complete, visits: q.visits,
  }, q);
  return {
    total: r.total,
    items: r.items.map((x) => ({
      id: x.item.id, code: x.item.code, name: x.cur.name, type: x.cur.type, orgId: x.item.orgId, orgName: x.orgName, divisionCode: x.item.divisionCode,
      status: x.status, statusName: ItemStatusNames[x.status], hasDraft: x.cur.status === 'draft', publishedVersionNo: x.publishedNo,
      visits: x.cur.visits, score: x.cur.score, complete: x.cur.complete, missingCount: x.cur.missing, sites: x.sites, updatedAt: x.item.updatedAt.toISOString(),
    })),
  };
}

export async function getVersionForStaff(tx: Tx, actor: Actor, versionId: string): Promise<VersionView> {
  const row = await repo.getVersion(tx, versionId);
  if (!row) throw new AppError('NOT_FOUND');
  const item = await loadVisible(tx, actor, row.itemId);
  if (row.status === 'draft' && !mayRead(actor, rowOf(item))) throw new AppError('NOT_FOUND');
  return versionView(row, item.code, (await tenancy.getOrg(tx, item.orgId))?.name ?? '');
}

export async function options(tx: Tx, actor: Actor) {
  const county = countyOf(actor);
  const orgRows = (await tenancy.listOrgs(tx, county)).map((r) => r.org);
  const manageable = orgRows.filter((o) => can(actor, 'catalog.manage', { orgId: o.id, divisionCode: o.divisionCode, applicantId: null }));
  return { orgs: manageable.map((o) => ({ id: o.id, name: o.name, divisionCode: o.divisionCode })), sites: await repo.siteOrgs(tx, county) };
}

export async function summary(tx: Tx, actor: Actor, q: { orgId?: string }): Promise<CatalogSummary> {
  if (!can(actor, 'catalog.read') && !can(actor, 'catalog.manage')) throw new AppError('FORBIDDEN');
  const s = { divisionCode: countyOf(actor), orgId: q.orgId };
  const rows = await repo.completenessTotals(tx, s);
  const names = await repo.orgNames(tx, rows.map((r) => r.orgId));
  const items = rows.reduce((a, r) => a + r.items, 0);
  const complete = rows.reduce((a, r) => a + r.complete, 0);
  const scoreSum = rows.reduce((a, r) => a + Number(r.scoreSum), 0);
  return {
    items, complete, share: items ? complete / items : null, averageScore: items ? scoreSum / items : null,
    published: rows.reduce((a, r) => a + r.published, 0), drafts: rows.reduce((a, r) => a + r.drafts, 0),
    byOrg: rows.map((r) => ({ orgId: r.orgId, orgName: names.get(r.orgId) ?? '', items: r.items, complete: r.complete, averageScore: Number(r.scoreSum) / r.items }))
      .sort((a, b) => a.averageScore - b.averageScore || b.items - a.items),
    topMissing: await repo.topMissing(tx, s),
  };
}

// ---- staff: write ----------------------------------------------------------------------------------
async function nextCode(tx: Tx, divisionCode: string) {
  // Local 实施编码: division + sequence. Provinces that assign codes send them in `code` instead.
  const n = (await repo.maxGeneratedCode(tx, divisionCode)) + 1;
  return `${divisionCode}-${String(n).padStart(5, '0')}`;
}

export async function createItem(tx: Tx, kernel: Kernel, actor: Actor, input: { orgId: string; code?: string; elements: GuideElements }) {
  const org = await tenancy.getOrg(tx, input.orgId);
  if (!org) throw new AppError('VALIDATION', '实施主体不存在', { fields: [{ path: 'orgId', message: '实施主体：不存在' }] });
  requireOn(actor, 'catalog.manage', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null });
  const at = kernel.now();
  const item = { id: randomUUID(), code: input.code ?? (await nextCode(tx, org.divisionCode)), orgId: org.id, divisionCode: org.divisionCode };
  await repo.insertItem(tx, { ...item, ...projection(input.elements, org.name), status: 'draft', updatedAt: at });
  await repo.insertVersion(tx, {
    id: randomUUID(), itemId: item.id, versionNo: 1, status: 'draft', ...versionValues(input.elements, item),
    createdAt: at, createdBy: actor.id, updatedAt: at, updatedBy: actor.id, updatedByName: actor.name,
  });
  await audit(tx, kernel, actor, item.id, 'catalog.create', { code: item.code, name: input.elements.name });
  return item.id;
}

async function requireDraft(tx: Tx, itemId: string) {
  const draft = (await repo.listVersions(tx, itemId)).find((x) => x.status === 'draft');
  if (!draft) throw new AppError('STATE_CONFLICT', '该事项没有正在修订的草稿，请先“新建修订版本”');
  return draft;
}

export async function saveDraft(tx: Tx, kernel: Kernel, actor: Actor, itemId: string, input: { rev: number; elements: GuideElements }) {
  const item = await loadVisible(tx, actor, itemId);
  requireOn(actor, 'catalog.manage', rowOf(item));
  const draft = await requireDraft(tx, itemId);
  const at = kernel.now();
  const ok = await repo.updateDraft(tx, draft.id, input.rev, { ...versionValues(input.elements, item), updatedAt: at, updatedBy: actor.id, updatedByName: actor.name });
  if (!ok) throw new AppError('CONFLICT', '草稿已被他人修改，请刷新后再保存');
  await refreshItem(tx, itemId, at);
  await audit(tx, kernel, actor, itemId, 'catalog.saveDraft', { versionNo: draft.versionNo });
}

/** A new draft copied from the published (or, for a withdrawn item, the newest) version. */
export async function createDraft(tx: Tx, kernel: Kernel, actor: Actor, itemId: string) {
  const item = await loadVisible(tx, actor, itemId);
  requireOn(actor, 'catalog.manage', rowOf(item));
  const versions = await repo.listVersions(tx, itemId);
  if (versions.some((x) => x.status === 'draft')) throw new AppError('STATE_CONFLICT', '该事项已有正在修订的草稿');
  const base = versions.find((x) => x.status === 'published') ?? versions[0];
  const at = kernel.now();
  const versionNo = (await repo.maxVersionNo(tx, itemId)) + 1;
  await repo.insertVersion(tx, {
    id: randomUUID(), itemId, versionNo, status: 'draft', ...versionValues(elementsOf(base), item),
    createdAt: at, createdBy: actor.id, updatedAt: at, updatedBy: actor.id, updatedByName: actor.name,
  });
  await refreshItem(tx, itemId, at);
  await audit(tx, kernel, actor, itemId, 'catalog.createDraft', { versionNo, from: base.versionNo });
}

export async function discardDraft(tx: Tx, kernel: Kernel, actor: Actor, itemId: string): Promise<{ itemDeleted: boolean }> {
  const item = await loadVisible(tx, actor, itemId);
  requireOn(actor, 'catalog.manage', rowOf(item));
  const draft = await requireDraft(tx, itemId);
  if (!(await repo.deleteDraft(tx, draft.id))) throw new AppError('STATE_CONFLICT');
  await audit(tx, kernel, actor, itemId, 'catalog.discardDraft', { versionNo: draft.versionNo });
  // An item that was never published has nothing left: it goes with its only draft.
  if ((await repo.listVersions(tx, itemId)).length === 0) {
    await repo.deleteItem(tx, itemId);
    return { itemDeleted: true };
  }
  await refreshItem(tx, itemId, kernel.now());
  return { itemDeleted: false };
}

export async function publish(tx: Tx, kernel: Kernel, actor: Actor, itemId: string, rev: number) {
  const item = await loadVisible(tx, actor, itemId);
  const r = rowOf(item);
  const draft = await requireDraft(tx, itemId);
  const refusal = checkTransition(catalogVersionMachine, 'publish', {
    state: draft.status, data: { ...elementsOf(draft), code: item.code, orgId: item.orgId }, input: { rev },
    actor: { id: actor.id ?? 'system', kind: actor.kind },
  }, (p) => can(actor, p, r));
  if (refusal?.code === 'FORBIDDEN') requireOn(actor, 'catalog.publish', r);
  if (refusal?.code === 'GUARD_FAILED') {
    const c = assessGuide({ ...elementsOf(draft), code: item.code, orgId: item.orgId });
    throw new AppError('GUARD_FAILED', refusal.reason, { completeness: c, missing: c.missing.map((m) => m.message) });
  }
  if (refusal) throw new AppError('STATE_CONFLICT');
  if (draft.rev !== rev) throw new AppError('CONFLICT', '草稿已被他人修改，请刷新后核对再发布');
  const at = kernel.now();
  const by = { id: actor.id, name: actor.name };
  const old = (await repo.listVersions(tx, itemId)).find((x) => x.status === 'published');
  // Withdraw the old one first: the partial unique index allows one published version per item.
  if (old) await repo.markWithdrawn(tx, old.id, by, `被第${draft.versionNo}版替代`, at);
  if (!(await repo.markPublished(tx, draft.id, rev, by, at))) throw new AppError('CONFLICT', '草稿已被他人修改或发布，请刷新后重试');
  await refreshItem(tx, itemId, at);
  await audit(tx, kernel, actor, itemId, 'catalog.publish', { versionNo: draft.versionNo, supersedes: old?.versionNo ?? null });
}

export async function withdraw(tx: Tx, kernel: Kernel, actor: Actor, itemId: string, reason: string) {
  const item = await loadVisible(tx, actor, itemId);
  const r = rowOf(item);
  const published = (await repo.listVersions(tx, itemId)).find((x) => x.status === 'published');
  const refusal = checkTransition(catalogVersionMachine, 'withdraw', {
    state: published?.status ?? 'none', data: {}, input: { reason }, actor: { id: actor.id ?? 'system', kind: actor.kind },
  }, (p) => can(actor, p, r));
  if (refusal?.code === 'FORBIDDEN') requireOn(actor, 'catalog.publish', r);
  if (refusal || !published) throw new AppError('STATE_CONFLICT', '该事项没有已发布的版本');
  const at = kernel.now();
  if (!(await repo.markWithdrawn(tx, published.id, { id: actor.id, name: actor.name }, reason, at))) throw new AppError('STATE_CONFLICT');
  await refreshItem(tx, itemId, at);
  await audit(tx, kernel, actor, itemId, 'catalog.withdraw', { versionNo: published.versionNo, reason });
}

/** 下沉: the township/village service sites that accept the item. Sites must lie below the item's division. */
export async function setSites(tx: Tx, kernel: Kernel, actor: Actor, itemId: string, siteOrgIds: string[]) {
  const item = await loadVisible(tx, actor, itemId);
  requireOn(actor, 'catalog.manage', rowOf(item));
  const allowed = new Map((await repo.siteOrgs(tx, item.divisionCode)).map((s) => [s.orgId, s]));
  const unknown = [...new Set(siteOrgIds)].filter((id) => !allowed.has(id));
  if (unknown.length) {
    throw new AppError('VALIDATION', '所选站点不是本区划下属的便民服务中心（站）', { fields: [{ path: 'siteOrgIds', message: `下沉站点：${unknown.length}个站点不在本事项所属区划的便民服务中心（站）之列` }] });
  }
  const sites = [...new Set(siteOrgIds)].map((id) => allowed.get(id)!);
  await repo.replaceSites(tx, itemId, sites, actor.id, kernel.now());
  await repo.touchItem(tx, itemId, kernel.now());
  await audit(tx, kernel, actor, itemId, 'catalog.sink', { sites: sites.map((s) => s.orgName) });
}

// ---- public ----------------------------------------------------------------------------------------
export async function publicSearch(tx: Tx, divisionCode: string, q: { q?: string; type?: string; siteOrgId?: string; zeroVisit?: boolean; page: number; pageSize: number }): Promise<{ items: PublicItem[]; total: number }> {
  const r = await repo.searchPublished(tx, { divisionCode, words: q.q ? queryWords(q.q) : [], raw: q.q, type: q.type, siteOrgId: q.siteOrgId, zeroVisit: q.zeroVisit }, q);
  return {
    total: r.total,
    items: r.items.map(({ version: x, code, orgName }) => ({
      id: x.itemId, code, name: x.name, type: x.type, orgName, visits: x.visits, handlingType: x.handlingType,
      promisedLimit: x.promisedLimit, promisedLimitUnit: x.promisedLimitUnit, online: x.online, resultName: x.resultName, bundles: x.bundles,
    })),
  };
}

export async function publicGuide(tx: Tx, itemId: string): Promise<PublicGuide> {
  const p = await repo.publishedVersionOf(tx, itemId);
  if (!p) throw new AppError('NOT_FOUND', '该事项不存在或已停止办理');
  const { keywords: _k, notes: _n, ...elements } = elementsOf(p.version);
  return {
    ...elements, id: itemId, code: p.code, versionNo: p.version.versionNo, publishedAt: p.version.publishedAt!.toISOString(), orgName: p.orgName,
    sites: (await repo.listSites(tx, [itemId])).map(({ itemId: _i, ...s }) => s as Site),
  };
}

// ---- 实施清单 台账 (xlsx) ---------------------------------------------------------------------------
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}
const sameElements = (a: GuideElements, b: GuideElements) => canonical(GuideElements.parse(a)) === canonical(GuideElements.parse(b));

export async function exportWorkbook(tx: Tx, actor: Actor) {
  if (!can(actor, 'catalog.read') && !can(actor, 'catalog.manage')) throw new AppError('FORBIDDEN');
  const county = countyOf(actor);
  const scope = scopeWhere(actor, CATALOG_READ, repo.itemScopeColumns);
  const rows = await repo.currentVersions(tx, scope, county);
  const sites = await repo.listSites(tx, rows.map((r) => r.version.itemId));
  const rowsOut: xlsx.ExportRow[] = rows.map((r) => ({
    code: r.code, orgName: r.orgName, elements: elementsOf(r.version), versionNo: r.version.versionNo,
    statusName: VERSION_STATUS[r.version.status as 'draft'] ?? r.version.status,
    completeness: { filled: r.version.completenessFilled, total: r.version.completenessTotal, score: r.version.completenessScore, complete: r.version.complete, missing: r.version.missing },
    sites: sites.filter((s) => s.itemId === r.version.itemId).map((s) => s.orgName),
  }));
  return xlsx.buildWorkbook(rowsOut, '政务服务事项实施清单');
}

/**
 * All or nothing: every row is checked (format, orgs, sites, codes) before anything is written, and
 * the writes share the request's transaction, so a failure half-way leaves the catalog as it was.
 * Imports only create or update drafts; publication is a separate, completeness-checked act.
 */
export async function importWorkbook(tx: Tx, kernel: Kernel, actor: Actor, buf: Buffer) {
  if (!can(actor, 'catalog.manage')) throw new AppError('FORBIDDEN', '您没有维护事项目录的权限');
  const county = countyOf(actor);
  const { items, errors } = await xlsx.parseWorkbook(buf);
  const orgsByName = new Map((await tenancy.listOrgs(tx, county)).map((r) => [r.org.name, r.org]));
  const sitesByName = new Map((await repo.siteOrgs(tx, county)).map((s) => [s.orgName, s]));
  const existing = new Map<string, repo.ItemRow>();
  for (const it of items) {
    const org = orgsByName.get(it.orgName);
    if (!org || !it.code) continue;
    const found = await repo.getItemByCode(tx, org.divisionCode, it.code);
    if (found) existing.set(it.code, found);
  }
  const plan: { it: xlsx.ParsedItem & { elements: GuideElements }; org: NonNullable<ReturnType<typeof orgsByName.get>>; sites: string[] | undefined }[] = [];
  for (const it of items) {
    const errs: string[] = [];
    const org = orgsByName.get(it.orgName);
    if (!org && it.orgName) errs.push(`实施主体“${it.orgName}”不是本区的机构，请填写机构全称`);
    else if (org && !can(actor, 'catalog.manage', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) errs.push(`您没有维护“${org.name}”事项的权限`);
    const prior = it.code ? existing.get(it.code) : undefined;
    if (org && prior && prior.orgId !== org.id) errs.push(`实施编码“${it.code}”已属于其他实施主体，导入不能变更实施主体`);
    const unknownSites = (it.siteNames ?? []).filter((n) => !sitesByName.has(n) || !sitesByName.get(n)!.divisionCode.startsWith(org?.divisionCode ?? county));
    if (unknownSites.length) errs.push(`下沉站点：${unknownSites.map((n) => `“${n}”`).join('、')}不是本区的便民服务中心（站）`);
    const same = errors.find((e) => e.sheet === xlsx.SHEETS.items && e.row === it.row);
    if (errs.length && same) same.messages.push(...errs);
    else if (errs.length) errors.push({ sheet: xlsx.SHEETS.items, row: it.row, messages: errs });
    else if (it.elements && org) plan.push({ it: { ...it, elements: it.elements }, org, sites: it.siteNames?.map((n) => sitesByName.get(n)!.orgId) });
  }
  if (errors.length) {
    errors.sort((a, b) => xlsx.sheetOrder(a.sheet) - xlsx.sheetOrder(b.sheet) || a.row - b.row);
    const rows = errors.reduce((n, e) => n + (e.row > 0 ? 1 : 0), 0);
    throw new AppError('VALIDATION', `导入文件${rows ? `有${rows}行` : ''}存在错误，未导入任何事项，请修改后重新导入`, { rows: errors });
  }
  const result: { id: string; code: string; name: string; created: boolean; changed: boolean }[] = [];
  for (const { it, org, sites } of plan) {
    const prior = it.code ? existing.get(it.code) : undefined;
    let id: string;
    let changed = true;
    if (!prior) {
      id = await createItem(tx, kernel, actor, { orgId: org.id, code: it.code ?? undefined, elements: it.elements });
    } else {
      id = prior.id;
      const versions = await repo.listVersions(tx, id);
      const draft = versions.find((x) => x.status === 'draft');
      if (draft) {
        changed = !sameElements(elementsOf(draft), it.elements);
        if (changed) await saveDraft(tx, kernel, actor, id, { rev: draft.rev, elements: it.elements });
      } else {
        changed = !sameElements(elementsOf(versions[0]), it.elements);
        if (changed) {
          await createDraft(tx, kernel, actor, id);
          await saveDraft(tx, kernel, actor, id, { rev: 1, elements: it.elements });
        }
      }
    }
    if (sites) {
      const now = (await repo.listSites(tx, [id])).map((s) => s.orgId).sort();
      if (canonical(now) !== canonical([...sites].sort())) { await setSites(tx, kernel, actor, id, sites); changed = true; }
    }
    const item = await repo.getItem(tx, id);
    result.push({ id, code: item!.code, name: it.elements.name, created: !prior, changed });
  }
  return {
    created: result.filter((r) => r.created).length,
    updated: result.filter((r) => !r.created && r.changed).length,
    unchanged: result.filter((r) => !r.created && !r.changed).length,
    items: result.map(({ changed: _c, ...r }) => r),
  };
}

export const publicSites = (tx: Tx, divisionCode: string) => repo.sitesWithPublished(tx, divisionCode);

// ---- the filing lists (GET /api/service-items, /api/public/service-items) ----
export const itemView = (item: repo.ItemRow, orgName: string): ServiceItem => ({
  id: item.id, code: item.code, name: item.name, type: item.type, orgId: item.orgId, orgName, divisionCode: item.divisionCode,
  legalLimit: item.legalLimit, legalLimitUnit: item.legalLimitUnit, legalBasis: item.legalBasis, promisedLimit: item.promisedLimit,
  visits: item.visits, handleModes: item.handleModes, materials: item.materials, result: item.result, status: item.status as ServiceItem['status'],
});

export async function listServiceItems(tx: Tx, q: { q?: string; orgId?: string }, publicOnly: boolean) {
  const tokens = q.q ? queryWords(q.q) : undefined;
  return (await repo.listServiceItems(tx, { ...q, tokens, publishedOnly: publicOnly })).map((r) => itemView(r.item, r.orgName));
}
