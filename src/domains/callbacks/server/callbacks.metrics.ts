/** 回访 metrics (definitions in README). Counted by the period in which the followed case completed. */
import type { SQL } from 'drizzle-orm';
import { defineMetric } from '../../../core/server';
import * as repo from './callbacks.repository';

type Counts = Awaited<ReturnType<typeof repo.counts>>;
const m = (key: string, label: string, unit: 'count' | 'rate', definition: string, pick: (c: Counts) => { numerator: number; denominator: number | null }, num: SQL, den: SQL) => defineMetric({
  key, label, unit, definition,
  compute: async (tx, _k, q) => pick(await repo.counts(tx, q)),
  breakdown: async (tx, k, q, by) => new Map((await repo.countsBy(tx, k.tz, q, by)).map((r) => [r.key, pick(r)])),
  // The records are the followed cases (办件 or 工单); caseType=application|ticket narrows to one kind.
  recordsWhere: (q, which) => repo.recordsWhere(q, which === 'numerator' ? num : den),
});

const { COND } = repo;
export const callbacksMetrics = [
  m('callbacks.total', '应回访件数', 'count', '统计期内办结（工单办结）并按抽样比例抽中回访的办件和12345工单件数。', (c) => ({ numerator: c.total, denominator: null }), COND.all, COND.all),
  m('callbacks.rate', '回访率', 'rate', '统计期内应回访件中已联系上回访对象并完成回访的件数 ÷ 应回访件数（尚未回访和多次拨打未联系上的计入分母）。',
    (c) => ({ numerator: c.reached, denominator: c.total }), COND.reached, COND.all),
  m('callbacks.satisfactionRate', '回访满意度', 'rate', '统计期内已完成回访且回访对象评价为“非常满意”“满意”“基本满意”的件数 ÷ 已完成回访并记录满意度的件数。',
    (c) => ({ numerator: c.satisfied, denominator: c.rated }), COND.satisfied, COND.rated),
  m('callbacks.resolveRate', '回访解决率', 'rate', '统计期内已完成回访且回访对象表示问题已解决（事情已办成）的件数 ÷ 已完成回访的件数。',
    (c) => ({ numerator: c.resolved, denominator: c.reached }), COND.resolved, COND.reached),
];
