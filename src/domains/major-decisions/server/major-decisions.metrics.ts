/** 重大行政决策 metrics, exact keys the annual report prints (definitions in README.md). */
import { defineMetric } from '../../../core/server';
import * as repo from './major-decisions.repository';

export const majorDecisionMetrics = [
  defineMetric({
    key: 'majorDecision.inCatalog', label: '纳入年度目录的重大行政决策', unit: 'count',
    definition: '统计期所属年度的重大行政决策目录中的决策事项数（调出目录的不计）。',
    compute: async (tx, _k, q) => ({ numerator: (await repo.counts(tx, q)).inCatalog, denominator: null }),
    recordsWhere: (q) => repo.recordsWhere(q, false),
  }),
  defineMetric({
    key: 'majorDecision.proceduresCompleted', label: '完成法定程序的重大行政决策', unit: 'count',
    definition: '目录中已履行全部必经程序（依决策确定的公众参与、专家论证、风险评估，以及合法性审查）并经集体讨论决定的决策事项数。',
    compute: async (tx, _k, q) => ({ numerator: (await repo.counts(tx, q)).completed, denominator: null }),
    recordsWhere: (q) => repo.recordsWhere(q, true),
  }),
];
