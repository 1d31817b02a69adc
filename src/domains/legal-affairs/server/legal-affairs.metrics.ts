/** 合同审查 and 法律顾问 metrics, exact keys the annual report prints (definitions in README.md). */
import { defineMetric } from '../../../core/server';
import type { WorkKind } from '../shared/contract-review.machine';
import * as repo from './legal-affairs.repository';

const counselMetric = (key: string, kind: WorkKind, label: string, definition: string) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.workCount(tx, q, kind), denominator: null }),
  breakdown: async (tx, _k, q, by) => new Map((await repo.workBreakdown(tx, q, kind, by)).map((r) => [r.key, { numerator: r.n, denominator: null }])),
  recordSet: repo.workRecordSet(kind),
});

export const legalAffairsMetrics = [
  defineMetric({
    key: 'contractReview.reviewed', label: '审查行政合同等文件', unit: 'count',
    definition: '统计期内司法局（含指派的法律顾问）出具合法性审查意见的行政合同、协议和其他文件件数（按出具意见日期统计；撤回和尚未出具意见的不计）。',
    compute: async (tx, _k, q) => ({ numerator: (await repo.reviewCounts(tx, q)).reviewed, denominator: null }),
    recordsWhere: (q) => repo.reviewRecordsWhere(q, false),
  }),
  defineMetric({
    key: 'contractReview.comments', label: '提出合同审查意见', unit: 'count',
    definition: '统计期内出具的合同合法性审查意见中逐条列明的审查意见（条款、问题、修改意见）条数。',
    compute: async (tx, _k, q) => ({ numerator: await repo.commentCount(tx, q), denominator: null }),
    recordsWhere: (q) => repo.reviewRecordsWhere(q, true),
  }),
  counselMetric('legalCounsel.reviews', 'review', '法律顾问提供合法性审查', '统计期内法律顾问审查合同等文件、参与合法性审查的次数（含司法局指派审查合同时自动登记的记录）。'),
  counselMetric('legalCounsel.opinions', 'opinion', '法律顾问出具法律意见', '统计期内法律顾问出具法律意见的条数（每条意见登记一条工作记录）。'),
  counselMetric('legalCounsel.cases', 'case', '法律顾问参与复议诉讼案件', '统计期内法律顾问代理或参与的行政复议、行政诉讼案件数。'),
  counselMetric('legalCounsel.consultations', 'consultation', '法律顾问开展咨询、讲座等法律服务', '统计期内法律顾问开展法律咨询、法治讲座等法律服务的次数。'),
];
