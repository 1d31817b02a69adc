/** 好差评 metrics (definitions in README). Ratings are not cases; 差评 records are their 整改 cases. */
import { sql, type SQL } from 'drizzle-orm';
import { defineMetric } from '../../../core/server';
import * as repo from './ratings.repository';

type Counts = Awaited<ReturnType<typeof repo.counts>>;
type Pick = (c: Counts) => { numerator: number; denominator: number | null };

const fig = (key: string, label: string, unit: 'count' | 'rate', definition: string, pick: Pick, records?: { numerator: SQL; denominator: SQL }) => defineMetric({
  key, label, unit, definition,
  compute: async (tx, _k, q) => pick(await repo.counts(tx, q)),
  // The same figure per org or month from one grouped query (dashboards and rankings).
  breakdown: async (tx, k, q, by) => new Map((await repo.countsBy(tx, k.tz, q, by)).map((r) => [r.key, pick(r)])),
  ...(records
    ? { recordsWhere: (q, which) => repo.fixCasesWhere(q, which === 'numerator' ? records.numerator : records.denominator) }
    : { recordsNote: '评价记录不是办件；差评的记录见“差评数”“差评整改率”和“实名差评回访整改率”，各场所、窗口、工作人员、事项的评价见好差评统计页' }),
});

const { COND } = repo;
export const ratingsMetrics = [
  fig('ratings.total', '评价数', 'count', '统计期内收到的政务服务评价条数（窗口评价器、网上、扫码、短信邀评、12345热线各渠道合计）。', (c) => ({ numerator: c.total, denominator: null })),
  fig('ratings.bad', '差评数', 'count', '统计期内评价等级为“不满意”或“非常不满意”的评价条数。', (c) => ({ numerator: c.bad, denominator: null }), { numerator: COND.bad, denominator: COND.bad }),
  fig('ratings.satisfactionRate', '满意率', 'rate', '统计期内“非常满意”“满意”“基本满意”的评价条数 ÷ 评价总条数。', (c) => ({ numerator: c.satisfied, denominator: c.total })),
  fig('ratings.fixRate', '差评整改率', 'rate', '统计期内差评中整改或解释完毕并反馈评价人的条数 ÷ 差评条数（申诉复核成立、不计入的除外）。', (c) => ({ numerator: c.fixed, denominator: c.bad - c.voided }),
    { numerator: COND.fixed, denominator: sql`${COND.bad} AND NOT (${COND.voided})` }),
  fig('ratings.realNameFixRate', '实名差评回访整改率', 'rate', '统计期内实名差评中已核实回访、并整改或解释完毕反馈评价人的条数 ÷ 实名差评条数（申诉复核成立、不计入的除外）。国办发〔2019〕51号要求达到100%。',
    (c) => ({ numerator: c.realNameFixed, denominator: c.realNameBad }), { numerator: COND.realNameFixed, denominator: COND.realNameBad }),
];
