/**
 * 行政应诉 figures, exact keys the annual report prints (definitions and the settings behind 败诉率 and
 * 出庭率 in README.md). Each has its records (the suits behind it) and a breakdown by agency and month.
 */
import type { SQL } from 'drizzle-orm';
import { defineMetric, type Kernel, type MetricScope } from '../../../core/server';
import { settingsOf } from './litigation.service';
import * as repo from './litigation.repository';
import { suits } from './litigation.tables';

const countMetric = (key: string, label: string, definition: string, where: (q: MetricScope) => SQL, monthCol?: typeof suits.servedOn | typeof suits.closedOn) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.countSuits(tx, where(q)), denominator: null }),
  recordsWhere: (q) => repo.suitRecords(where(q)),
  // Without a month column (正在审理 at period end) the kernel asks the figure once per month.
  breakdown: monthCol ? async (tx, _k, q, by) => new Map((await repo.suitsBy(tx, where(q), by, monthCol)).map((r) => [r.key, { numerator: r.n, denominator: null }])) : undefined,
});
const s = (k: Kernel) => settingsOf(k);

export const litigationMetrics = [
  countMetric('litigation.received', '参加行政应诉案件', '统计期内收到人民法院送达的起诉状副本、登记应诉的案件数（按收到副本日期统计）。', repo.receivedWhere, suits.servedOn),
  countMetric('litigation.closed', '行政应诉结案', '统计期内结案的应诉案件数：裁判生效（上诉期满未上诉，或二审裁判）、调解或撤诉之日在统计期内。', repo.closedWhere, suits.closedOn),
  countMetric('litigation.pending', '正在审理的行政应诉案件', '截至统计截止日已登记、尚未结案的应诉案件数（含往年收案）。', repo.pendingWhere),
  defineMetric({
    key: 'litigation.lossRate', label: '行政诉讼败诉率', unit: 'rate',
    definition: '统计期内结案、生效裁判为撤销、履行、给付、确认违法、确认无效、变更或承担行政协议责任的案件数 ÷ 统计期内结案的案件数（计入败诉的裁判结果和分母口径为可配置项，见 LITIGATION_LOSS_OUTCOMES、LITIGATION_LOSS_DENOMINATOR）。',
    compute: async (tx, k, q) => ({ numerator: await repo.countSuits(tx, repo.lostWhere(q, s(k))), denominator: await repo.countSuits(tx, repo.lossBaseWhere(q, s(k))) }),
    recordsWhere: (q, which, k) => repo.suitRecords(which === 'numerator' ? repo.lostWhere(q, s(k)) : repo.lossBaseWhere(q, s(k))),
    breakdown: async (tx, k, q, by) => new Map((await repo.lossBy(tx, q, s(k), by)).map((r) => [r.key, { numerator: r.a, denominator: r.b }])),
  }),
  defineMetric({
    key: 'litigation.headAppearanceRate', label: '行政机关负责人出庭应诉率', unit: 'rate',
    definition: '统计期内开庭审理中行政机关负责人（主要负责人或副职负责人）出庭的场次 ÷ 统计期内开庭场次（按场次或按案件、副职是否计入为可配置项，见 LITIGATION_APPEARANCE_BASIS、LITIGATION_DEPUTY_COUNTS）；按场次统计时其记录为各场开庭，按案件统计时为有关案件。',
    compute: async (tx, k, q) => { const r = await repo.appearance(tx, q, s(k)); return { numerator: r.a, denominator: r.b }; },
    // Per case (LITIGATION_APPEARANCE_BASIS=case) its records are the cases; per hearing, the hearings.
    recordsWhere: (q, which, k) => repo.appearanceWhere(q, s(k), which),
    recordSet: (k) => (s(k).LITIGATION_APPEARANCE_BASIS === 'hearing' ? repo.hearingRecordSet(s(k)) : null),
    breakdown: async (tx, k, q, by) => new Map((await repo.appearanceBy(tx, q, s(k), by)).map((r) => [r.key, { numerator: r.a, denominator: r.b }])),
  }),
];
