/**
 * The generic case set every domain gets for free (received, completed, on time, overdue, in progress),
 * optionally narrowed to one case type. Definitions are repeated in ARCHITECTURE.md.
 */
import type { SQL } from 'drizzle-orm';
import { defineMetric } from '../metrics';
import type { MetricScope } from '../contract';
import { cases } from '../db/schema';
import * as repo from './case.metrics.repository';

/** A count metric: one condition serves the figure, its records and (when it has a date) its breakdown. */
const countMetric = (key: string, label: string, definition: string, where: (q: MetricScope) => SQL, monthCol?: typeof cases.createdAt | typeof cases.closedAt) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.count(tx, where(q)), denominator: null }),
  recordsWhere: (q) => where(q),
  breakdown: monthCol ? async (tx, k, q, by) => new Map((await repo.countBy(tx, k.tz, where(q), by, monthCol)).map((r) => [r.key, { numerator: r.n, denominator: null }])) : undefined,
});

/** A count read from the daily rollup; its records are the same condition over `cases`. */
const rollupCount = (key: string, label: string, definition: string, field: repo.DailyField, where: (q: MetricScope) => SQL) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: (await repo.dailySums(tx, q))[field], denominator: null }),
  recordsWhere: (q) => where(q),
  breakdown: async (tx, _k, q, by) => new Map((await repo.dailyBy(tx, q, by, [field])).map((r) => [r.key, { numerator: r.a, denominator: null }])),
});

export const caseMetrics = [
  rollupCount('cases.received', '受理件数', '统计期内创建（提交或登记）的案件数。', 'received', repo.received),
  rollupCount('cases.completed', '办结件数', '统计期内办结（进入终结状态）的案件数。', 'completed', repo.completed),
  defineMetric({
    key: 'cases.onTimeRate', label: '按时办结率', unit: 'rate',
    definition: '统计期内办结且主时限（法定时限）未超期的件数 ÷ 统计期内办结且设有主时限的件数。',
    compute: async (tx, _k, q) => { const s = await repo.dailySums(tx, q); return { numerator: s.onTime, denominator: s.withClock }; },
    recordsWhere: (q, w) => (w === 'numerator' ? repo.onTime(q) : repo.completedWithClock(q)),
    breakdown: async (tx, _k, q, by) => new Map((await repo.dailyBy(tx, q, by, ['onTime', 'withClock'])).map((r) => [r.key, { numerator: r.a, denominator: r.b }])),
  }),
  defineMetric({
    key: 'cases.overdue', label: '超期件数', unit: 'count',
    definition: '统计期内办结但超过主时限的件数，加上截至统计截止日仍未办结且已超过主时限的件数。',
    // Closed late = closed with a primary clock − closed on time (rollup); plus the few open ones past due.
    compute: async (tx, _k, q) => { const s = await repo.dailySums(tx, q); return { numerator: s.withClock - s.onTime + (await repo.count(tx, repo.openOverdue(q))), denominator: null }; },
    recordsWhere: (q) => repo.overdue(q),
    breakdown: async (tx, kernel, q, by) => {
      const out = new Map((await repo.dailyBy(tx, q, by, ['withClock', 'onTime'])).map((r) => [r.key, { numerator: r.a - r.b, denominator: null as number | null }]));
      for (const r of await repo.countBy(tx, kernel.tz, repo.openOverdue(q), by, cases.createdAt)) out.set(r.key, { numerator: (out.get(r.key)?.numerator ?? 0) + r.n, denominator: null });
      return out;
    },
  }),
  countMetric('cases.inProgress', '在办件数', '统计截止日前创建、截至统计截止日仍未办结的案件数。', repo.inProgress),
];

export type { MetricScope };
