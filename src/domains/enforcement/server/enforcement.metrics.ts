/**
 * Enforcement figures (definitions in README.md). Each opens the cases behind it (penalties, inspections,
 * publications by their case) in the reader's scope, and answers by org and month in one grouped query.
 */
import { sql, type SQL } from 'drizzle-orm';
import { defineMetric, type MetricScope } from '../../../core/server';
import * as repo from './enforcement.repository';
import { inspections, penalties, publications } from './enforcement.tables';

const toMap = (rows: { key: string; a: number; b: number }[], rate: boolean) => new Map(rows.map((r) => [r.key, { numerator: r.a, denominator: rate ? r.b : null }]));

export const enforcementMetrics = [
  defineMetric({
    key: 'enforcement.penalties', label: '行政处罚案件', unit: 'count',
    definition: '统计期内作出行政处罚决定（决定类型为“给予行政处罚”）的案件数，按决定日期统计；决定后被撤销的仍计入作出当期。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countIn(tx, penalties, repo.penaltiesWhere(q)), denominator: null }),
    recordsWhere: (q) => repo.penaltyRecords(repo.penaltiesWhere(q)),
    breakdown: async (tx, _k, q, by) => toMap(await repo.countBy(tx, penalties, penalties.orgId, sql`${penalties.decidedOn}`, repo.penaltiesWhere(q), by), false),
  }),
  defineMetric({
    key: 'enforcement.inspections', label: '涉企行政检查', unit: 'count',
    definition: '统计期内实施并登记检查结果的涉企行政检查次数（按检查日期统计；取消、不予批准和尚未实施的不计入）。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countIn(tx, inspections, repo.inspectionsWhere(q)), denominator: null }),
    recordsWhere: (q) => repo.inspectionRecords(repo.inspectionsWhere(q)),
    breakdown: async (tx, _k, q, by) => toMap(await repo.countBy(tx, inspections, inspections.orgId, sql`${inspections.visitOn}`, repo.inspectionsWhere(q), by), false),
  }),
  defineMetric({
    key: 'enforcement.legalReviewed', label: '重大执法决定法制审核', unit: 'count',
    definition: '统计期内出具法制审核意见的行政处罚案件数（行政处罚法第58条；通过或不通过均计入，一案多次审核按最后一次审核日期计一件）。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countIn(tx, penalties, repo.legalReviewedWhere(q)), denominator: null }),
    recordsWhere: (q) => repo.penaltyRecords(repo.legalReviewedWhere(q)),
    breakdown: async (tx, _k, q, by) => toMap(await repo.countBy(tx, penalties, penalties.orgId, sql`${penalties.reviewedOn}`, repo.legalReviewedWhere(q), by), false),
  }),
  defineMetric({
    key: 'enforcement.publishedOnTimeRate', label: '执法决定按时公示率', unit: 'rate',
    definition: '公示期限（行政处罚决定7个工作日、其他执法决定20个工作日，国办发〔2018〕118号）届满日在统计期内且不晚于今天的决定中，在期限内公示的件数 ÷ 应公示件数；逾期未公示的计入分母（不因尚未公示而剔除），到期前已撤销且未公示的不再计入。',
    compute: async (tx, k, q) => ({
      numerator: await repo.countIn(tx, publications, repo.publishedOnTimeWhere(q, k.today())),
      denominator: await repo.countIn(tx, publications, repo.publicationsDueWhere(q, k.today())),
    }),
    recordsWhere: (q, which, k) => repo.publicationRecords(which === 'numerator' ? repo.publishedOnTimeWhere(q, k.today()) : repo.publicationsDueWhere(q, k.today())),
    breakdown: async (tx, k, q, by) => toMap(await repo.countBy(tx, publications, publications.orgId, sql`${publications.dueOn}`, repo.publicationsDueWhere(q, k.today()), by, sql`${publications.publishedOn} <= ${publications.dueOn}`), true),
  }),
  defineMetric({
    key: 'enforcement.inspectionsPerFirm', label: '户均涉企行政检查次数（次/户）', unit: 'ratio',
    definition: '统计期内实施的涉企行政检查次数 ÷ 被检查的企业户数（按统一社会信用代码去重）；为比值（次/户），不是百分比。',
    compute: async (tx, _k, q: MetricScope) => { const r = await repo.firmsInspected(tx, repo.inspectionsWhere(q)); return { numerator: r.n, denominator: r.firms }; },
    recordsWhere: (q) => repo.inspectionRecords(repo.inspectionsWhere(q) as SQL),
  }),
];
