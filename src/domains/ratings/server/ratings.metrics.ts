/** 好差评 metrics (definitions in README). Ratings are not cases; 差评 records are their 整改 cases. */
import { defineMetric } from '../../../core/server/metrics';
import * as repo from './ratings.repository';

const fig = (key: string, label: string, unit: 'count' | 'rate', definition: string, pick: (c: Awaited<ReturnType<typeof repo.counts>>) => { numerator: number; denominator: number | null }, records?: 'bad' | 'fixed') => defineMetric({
  key, label, unit, definition,
  compute: async (tx, _k, q) => pick(await repo.counts(tx, q)),
  ...(records
    ? { records: (tx, _k, q, which, p) => repo.fixCases(tx, q, records === 'fixed' && which === 'numerator', p) }
    : { recordsNote: '评价记录不是办件；差评的记录见“差评件数”和“差评整改率”' }),
});

export const ratingsMetrics = [
  fig('ratings.total', '评价数', 'count', '统计期内收到的政务服务评价条数（一次一评、一事一评、扫码评价）。', (c) => ({ numerator: c.total, denominator: null })),
  fig('ratings.bad', '差评数', 'count', '统计期内评价等级为“不满意”或“非常不满意”的评价条数。', (c) => ({ numerator: c.bad, denominator: null }), 'bad'),
  fig('ratings.satisfactionRate', '满意率', 'rate', '统计期内“非常满意”“满意”“基本满意”的评价条数 ÷ 评价总条数。', (c) => ({ numerator: c.satisfied, denominator: c.total })),
  fig('ratings.fixRate', '差评整改率', 'rate', '统计期内差评中整改或解释完毕并反馈评价人的条数 ÷ 差评条数（申诉复核成立、不计入的除外）。', (c) => ({ numerator: c.fixed, denominator: c.bad - c.voided }), 'fixed'),
];
