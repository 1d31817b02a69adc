/**
 * What other domains (办件, bundles, e-licences) read from the catalog. An application is filed under
 * the item's published version and keeps that version's id: the limits, materials and basis it was
 * accepted under never change afterwards, even when the guide is revised (versions are immutable once
 * published; catalog.machine.ts).
 */
import type { ClockUnit } from '../../../core/shared/machine';
import { tenancy, type Tx } from '../../../core/server';
import * as repo from './catalog.repository';
import { queryTokens as queryWords } from './catalog.search';

export type FilingLimit = {
  days: number;
  /** The kernel's clock unit: 工作日 → 'workday', 自然日 → 'natural'. */
  unit: ClockUnit;
  unitLabel: '工作日' | '自然日';
  /** Cited in the clock's derivation, e.g. 《市场主体登记管理条例》第十九条. */
  basis: string;
};

export type FilingMaterial = {
  name: string;
  /** Must be provided for the application to be accepted (必要). */
  required: boolean;
  /** May be accepted now and provided later (容缺后补). */
  deferrable: boolean;
  necessity: 'required' | 'optional' | 'deferrable';
  source: 'applicant' | 'government' | 'other' | null;
  form: 'paper' | 'electronic' | 'both' | null;
  copies: number | null;
  note: string | null;
};

export type FilingItem = {
  itemId: string;
  /** Store this on the application: the version it was filed under. */
  versionId: string;
  versionNo: number;
  code: string;
  name: string;
  type: string;
  orgId: string;
  orgName: string;
  divisionCode: string;
  /** null: no statutory limit (the guide's 法定办结时限说明 says why). */
  legalLimit: FilingLimit | null;
  legalLimitNote: string | null;
  /** 0 days = 即办. */
  promisedLimit: FilingLimit | null;
  handlingType: '即办件' | '承诺件' | null;
  visits: number | null;
  handleModes: string[];
  online: boolean | null;
  onlineDepth: string | null;
  materials: FilingMaterial[];
  specialProcedures: { name: string; limit: number | null; unit: string | null; note: string | null }[];
  charged: boolean | null;
  fees: { name: string; standard: string }[];
  resultName: string | null;
  resultType: string | null;
  resultValidity: string | null;
  legalBasis: string | null;
  bundles: string[];
  /** 下沉: township/village service sites that accept the item besides the hall. */
  sites: { orgId: string; orgName: string; divisionCode: string }[];
};

const unitOf = (u: string | null): ClockUnit => (u === '自然日' ? 'natural' : 'workday');

function filingItem(row: repo.VersionRow, code: string, orgName: string, sites: FilingItem['sites']): FilingItem {
  const limit = (days: number | null, unit: string | null, basis: string | null): FilingLimit | null =>
    days === null ? null : { days, unit: unitOf(unit), unitLabel: unit === '自然日' ? '自然日' : '工作日', basis: basis ?? row.legalBasis ?? '' };
  return {
    itemId: row.itemId, versionId: row.id, versionNo: row.versionNo, code, name: row.name, type: row.type,
    orgId: row.orgId, orgName, divisionCode: row.divisionCode,
    legalLimit: limit(row.legalLimit, row.legalLimitUnit, row.legalLimitBasis), legalLimitNote: row.legalLimitNote,
    promisedLimit: limit(row.promisedLimit, row.promisedLimitUnit, row.promisedLimitNote ?? '本级承诺'),
    handlingType: row.handlingType as FilingItem['handlingType'], visits: row.visits, handleModes: row.handleModes,
    online: row.online, onlineDepth: row.onlineDepth,
    materials: row.materials.map((m) => ({
      name: m.name, required: m.necessity === 'required', deferrable: m.necessity === 'deferrable', necessity: m.necessity,
      source: m.source, form: m.form, copies: m.copies, note: m.note,
    })),
    specialProcedures: row.specialProcedures ?? [], charged: row.charged, fees: row.fees.map((f) => ({ name: f.name, standard: f.standard })),
    resultName: row.resultName, resultType: row.resultType, resultValidity: row.resultValidity, legalBasis: row.legalBasis, bundles: row.bundles,
    sites,
  };
}

const sitesOf = async (tx: Tx, itemId: string) => (await repo.listSites(tx, [itemId])).map((s) => ({ orgId: s.orgId, orgName: s.orgName, divisionCode: s.divisionCode }));

/** The published version of an item, as an application is filed under it; null when not published. */
export async function getItemForFiling(tx: Tx, itemId: string): Promise<FilingItem | null> {
  const p = await repo.publishedVersionOf(tx, itemId);
  return p ? filingItem(p.version, p.code, p.orgName, await sitesOf(tx, itemId)) : null;
}

/** A version by id whatever its state now: an old application shows the guide it was filed under. */
export async function getFilingVersion(tx: Tx, versionId: string): Promise<FilingItem | null> {
  const row = await repo.getVersion(tx, versionId);
  if (!row || row.status === 'draft') return null;
  const item = await repo.getItem(tx, row.itemId);
  const org = await tenancy.getOrg(tx, row.orgId);
  return filingItem(row, item?.code ?? '', org?.name ?? '', await sitesOf(tx, row.itemId));
}

/** Is the item accepted at this township/village service site (下沉)? The hall accepts every item. */
export const isSunkToSite = (tx: Tx, itemId: string, siteOrgId: string) => repo.isSunkTo(tx, itemId, siteOrgId);

export type ListedItem = { itemId: string; versionId: string; code: string; name: string; type: string; orgId: string; orgName: string; visits: number | null; online: boolean | null; handlingType: string | null };

/** Published items, optionally searched (same jieba search as the public portal) or limited to a site. */
export async function listItems(tx: Tx, q: { q?: string; divisionCode?: string; type?: string; siteOrgId?: string; itemIds?: string[]; page?: number; pageSize?: number } = {}) {
  const r = await repo.searchPublished(tx, { words: q.q ? queryWords(q.q) : [], raw: q.q, divisionCode: q.divisionCode, type: q.type, siteOrgId: q.siteOrgId, itemIds: q.itemIds }, { page: q.page ?? 1, pageSize: q.pageSize ?? 500 });
  return {
    total: r.total,
    items: r.items.map(({ version: x, code, orgName }): ListedItem => ({ itemId: x.itemId, versionId: x.id, code, name: x.name, type: x.type, orgId: x.orgId, orgName, visits: x.visits, online: x.online, handlingType: x.handlingType })),
  };
}
