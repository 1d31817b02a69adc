/**
 * Catalog figures for the 驾驶舱 and the annual report. They count items, not cases: each opens its items
 * as a record set (the registry's rows, in the reader's scope), exactly the units it counts.
 *
 * Items and the zero-visit share are taken as of the end of the period (统计截止日) from the versions'
 * publication and withdrawal instants, so a year's figure does not move when the catalog changes later.
 * Completeness is the catalog as it stands: draft edits are not kept as history.
 */
import { monthEnds } from '../../../core/shared/calendar';
import { defineMetric, type MetricScope, type Tx } from '../../../core/server';
import * as repo from './catalog.repository';

type Fig = { numerator: number; denominator: number | null };
const publishedBreakdown = (pick: (r: { published: number; zeroVisit: number }) => Fig) =>
  async (tx: Tx, _k: unknown, q: MetricScope, by: 'org' | 'month') => {
    const out = new Map<string, Fig>();
    if (by === 'org') for (const r of await repo.publishedCountsByOrg(tx, q, q.to)) out.set(r.orgId, pick(r));
    else for (const [key, end] of monthEnds(q.from, q.to)) out.set(key, pick(await repo.publishedCounts(tx, q, end)));
    return out;
  };

export const catalogMetrics = [
  defineMetric({
    key: 'catalog.items', label: '政务服务事项数', unit: 'count',
    definition: '统计截止日处于已发布状态的政务服务事项数（每个事项计其当时的发布版本，已撤销或被替代的不计）。',
    recordSet: repo.publishedItemsRecordSet(false),
    compute: async (tx, _k, q) => ({ numerator: (await repo.publishedCounts(tx, q, q.to)).published, denominator: null }),
    breakdown: publishedBreakdown((r) => ({ numerator: r.published, denominator: null })),
  }),
  defineMetric({
    key: 'catalog.zeroVisitShare', label: '不见面审批事项占比', unit: 'rate',
    definition: '统计截止日已发布事项中到办事现场次数为0的事项数 ÷ 统计截止日已发布事项数。',
    recordSet: repo.publishedItemsRecordSet(true),
    compute: async (tx, _k, q) => { const r = await repo.publishedCounts(tx, q, q.to); return { numerator: r.zeroVisit, denominator: r.published }; },
    breakdown: publishedBreakdown((r) => ({ numerator: r.zeroVisit, denominator: r.published })),
  }),
  defineMetric({
    key: 'catalog.guideCompleteness', label: '办事指南要素完整度达标率', unit: 'rate',
    definition: '要素完整度达到100%的事项数 ÷ 目录中的事项数。目录中的事项指已发布或正在起草的事项（不含已撤销且无草稿的）；已发布事项按其发布版本计（发布须达100%），未发布事项按当前草稿计。按目录当前状态统计，不随统计期变化。',
    recordSet: repo.completenessRecordSet,
    compute: async (tx, _k, q) => {
      const rows = await repo.completenessTotals(tx, q);
      return { numerator: rows.reduce((a, r) => a + r.complete, 0), denominator: rows.reduce((a, r) => a + r.items, 0) };
    },
    breakdown: async (tx, _k, q, by) => {
      const rows = await repo.completenessTotals(tx, q);
      if (by === 'org') return new Map(rows.map((r) => [r.orgId, { numerator: r.complete, denominator: r.items }]));
      // Current state only: every month of the period shows the same figure.
      const total = { numerator: rows.reduce((a, r) => a + r.complete, 0), denominator: rows.reduce((a, r) => a + r.items, 0) };
      return new Map(monthEnds(q.from, q.to).map(([k]) => [k, total]));
    },
  }),
];
