/**
 * The metrics registry (DESIGN §4.7). A metric is a named query returning numerator, denominator and
 * value for a division or org and a period, plus the records behind the figure. The dashboard and the
 * annual report read figures only through here, so every number can be traced to its records.
 * A rate with an empty denominator has value null: the data cannot support it, and we say so.
 */
import { and, type SQL } from 'drizzle-orm';
import type { MetricResult } from '../shared/schemas';
import { isRatio, metricValue } from '../shared/metric-units';
import type { Tx } from './db/db';
import type { Actor } from './actor';
import type { Breakdown, Kernel, MetricDefinition, MetricDefinitionWithBreakdown, MetricScope, RecordSet } from './contract';
import * as caseRepo from './cases/case.repository';
import { recordSetCount, recordSetPage } from './metrics.repository';
import { CASE_VISIBLE, scopeWhere } from './access/scope';

export type { Breakdown, MetricDefinition, MetricDefinitionWithBreakdown, MetricScope } from './contract';

export const defineMetric = (m: MetricDefinitionWithBreakdown) => m;

/**
 * A count over a registry that is not a case: the figure is the number of rows its record set selects, so
 * the rows a reader opens are exactly the units counted. `recordSet` may be a function of the kernel when a
 * setting decides what counts (e.g. whether unconfirmed work logs count).
 */
export const recordCountMetric = (m: { key: string; label: string; definition: string; recordSet: RecordSet | ((kernel: Kernel) => RecordSet) }) => {
  const rsOf = (k: Kernel) => (typeof m.recordSet === 'function' ? m.recordSet(k) : m.recordSet);
  return defineMetric({
    key: m.key, label: m.label, unit: 'count', definition: m.definition, recordSet: m.recordSet,
    compute: async (tx, k, q) => { const rs = rsOf(k); return { numerator: await recordSetCount(tx, rs, rs.where(q, 'numerator')), denominator: null }; },
  });
};

/** A breakdown through the metric's grouped query when it has one, else one query per key. */
export async function computeBreakdown(tx: Tx, kernel: Kernel, key: string, q: MetricScope, by: Breakdown, keys: { key: string; scope: MetricScope }[]) {
  const m = kernel.metrics.get(key) as MetricDefinitionWithBreakdown | undefined;
  if (!m) return null;
  const rows = m.breakdown ? await m.breakdown(tx, kernel, q, by) : new Map(await Promise.all(keys.map(async (k) => [k.key, await m.compute(tx, kernel, k.scope)] as const)));
  const out = new Map<string, { numerator: number; denominator: number | null; value: number | null }>();
  for (const k of keys) {
    const r = rows.get(k.key) ?? { numerator: 0, denominator: isRatio(m.unit) ? 0 : null };
    out.set(k.key, { ...r, value: metricValue(m.unit, r.numerator, r.denominator) });
  }
  return out;
}

export async function computeMetric(tx: Tx, kernel: Kernel, key: string, q: MetricScope): Promise<MetricResult | null> {
  const m = kernel.metrics.get(key);
  if (!m) return null;
  const { numerator, denominator } = await m.compute(tx, kernel, q);
  const value = metricValue(m.unit, numerator, denominator);
  return { key: m.key, label: m.label, unit: m.unit, definition: m.definition, numerator, denominator, value, query: q, records: recordsKind(m, kernel), recordsNote: m.recordsNote ?? null };
}

export type { SQL };

/**
 * The records behind a figure, paged, limited to the cases the reader may see (the same rule as
 * opening a case by id): null when the metric does not exist, 'not-cases' when its records are no cases.
 */
export async function metricRecords(tx: Tx, kernel: Kernel, actor: Actor, key: string, q: MetricScope, which: 'numerator' | 'denominator', page: { page: number; pageSize: number }) {
  const m = kernel.metrics.get(key);
  if (!m) return null;
  if (!m.recordsWhere) return 'not-cases' as const;
  return caseRepo.listCases(tx, and(m.recordsWhere(q, which, kernel), scopeWhere(actor, CASE_VISIBLE, caseRepo.caseVisibleColumns)), page.page, page.pageSize);
}

/**
 * The rows behind a figure over a registry that is not a case, in the reader's scope: null when the
 * metric does not exist, 'none' when it declares no record set.
 */
export async function metricRecordSet(tx: Tx, kernel: Kernel, actor: Actor, key: string, q: MetricScope, which: 'numerator' | 'denominator', page: { page: number; pageSize: number }) {
  const m = kernel.metrics.get(key);
  if (!m) return null;
  const rs = recordSetOf(m, kernel);
  if (!rs) return 'none' as const;
  const r = await recordSetPage(tx, rs, rs.where(q, which), scopeWhere(actor, rs.permission ?? 'metrics.read', rs.scope), page);
  const cell = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'number' ? v : v instanceof Date ? v.toISOString() : typeof v === 'string' ? isoInstant(v) : String(v));
  return {
    columns: rs.columns.map(({ key: k, label }) => ({ key: k, label })),
    rows: r.rows.map((row) => Object.fromEntries(rs.columns.map((c) => [c.key, cell(row[c.key])]))),
    total: r.total,
  };
}

/**
 * A timestamptz read through a raw SQL column comes back as PostgreSQL's text ("2026-12-07 18:12:58.94+00")
 * on some drivers: answered as ISO like every other instant the API gives, so the web shows it in the site's zone.
 */
const PG_TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/;
function isoInstant(v: string): string {
  const m = PG_TIMESTAMPTZ.exec(v);
  return m ? new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`).toISOString() : v;
}

/** Where a figure's records are: cases (…/records), registry rows (…/rows), or nowhere in the system. */
export const recordsKind = (m: MetricDefinition, kernel: Kernel) => (recordSetOf(m, kernel) ? 'rows' as const : m.recordsWhere ? 'cases' as const : null);

const recordSetOf = (m: MetricDefinition, kernel: Kernel) => (typeof m.recordSet === 'function' ? m.recordSet(kernel) : m.recordSet ?? null);
