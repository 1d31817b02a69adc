/**
 * 一件事 figures (definitions in README). Filed, completed and on-time bundles are the kernel's generic
 * case metrics with caseType=bundle (cases.received|caseType=bundle, cases.onTimeRate|caseType=bundle);
 * these add what only this domain knows.
 */
import type { SQL } from 'drizzle-orm';
import { defineMetric } from '../../../core/server';
import * as repo from './bundles.repository';
import { offeredCount } from './bundles.service';

const byChannel = (key: string, label: string, definition: string, cond: SQL) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.count(tx, q, cond), denominator: null }),
  recordsWhere: (q) => repo.recordsWhere(q, cond),
  breakdown: async (tx, k, q, by) => new Map((await repo.countBy(tx, k.tz, q, cond, by)).map((r) => [r.key, { numerator: r.n, denominator: null }])),
});

export const bundlesMetrics = [
  defineMetric({
    key: 'bundles.offered', label: '“一件事”开通数', unit: 'count',
    definition: '本区事项目录中全部组成事项均已发布、可以申请的“高效办成一件事”数量（统计时点的状态）。',
    compute: async (tx) => ({ numerator: await offeredCount(tx), denominator: null }),
    recordsNote: '见“一件事”清单 /api/public/bundle-definitions（available 为 true 的各项）',
  }),
  byChannel('bundles.online', '网上申请“一件事”件数', '统计期内通过网上提交的“一件事”件数（按提交日期）。', repo.COND.online),
  byChannel('bundles.atSites', '乡镇（街道）受理“一件事”件数', '统计期内在乡镇（街道）便民服务中心受理的“一件事”件数（按受理日期）。', repo.COND.atSites),
  defineMetric({
    key: 'bundles.childApplications', label: '“一件事”联办办件数', unit: 'count',
    definition: '统计期内提交的“一件事”分送各部门形成的办件数（每个组成事项一件）。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countChildren(tx, q), denominator: null }),
    recordsWhere: (q) => repo.childRecordsWhere(q),
  }),
];
