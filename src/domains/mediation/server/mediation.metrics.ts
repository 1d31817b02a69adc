/**
 * 矛盾纠纷调解 figures (definitions in README.md). Counts and 调解成功率 open the disputes behind them;
 * 万人调解率 is a rate over the resident population held for the division, and has no value — not 0 —
 * where none is held.
 */
import { sql, type SQL } from 'drizzle-orm';
import { defineMetric, type MetricScope } from '../../../core/server';
import * as repo from './mediation.repository';
import { disputes } from './mediation.tables';
import { populationOf } from './mediation.service';

type DayCol = typeof disputes.receivedOn | typeof disputes.endedOn | typeof disputes.confirmDecidedOn;
const countMetric = (key: string, label: string, definition: string, where: (q: MetricScope) => SQL, col: DayCol) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.countDisputes(tx, where(q)), denominator: null }),
  recordsWhere: (q) => repo.disputeRecords(where(q)),
  breakdown: async (tx, _k, q, by) => new Map((await repo.disputesBy(tx, where(q), by, col)).map((r) => [r.key, { numerator: r.n, denominator: null }])),
});

export const mediationMetrics = [
  countMetric('mediation.received', '排查化解矛盾纠纷', '统计期内人民调解组织受理（登记）的矛盾纠纷件数，按受理日期统计；含来自12345热线、法院委派和司法局的纠纷。', repo.receivedWhere, disputes.receivedOn),
  countMetric('mediation.concluded', '调解终结', '统计期内调解终结的纠纷件数（达成协议与调解不成之和），按终结日期统计；调解成功率的分母。', repo.concludedWhere, disputes.endedOn),
  countMetric('mediation.resolved', '调解成功', '统计期内达成人民调解协议的纠纷件数，按协议签订日期统计（人民调解法 第28–29条）。', repo.resolvedWhere, disputes.endedOn),
  defineMetric({
    key: 'mediation.successRate', label: '调解成功率', unit: 'rate',
    definition: '统计期内达成调解协议的纠纷件数 ÷ 统计期内调解终结的纠纷件数（达成协议与调解不成之和；当事人撤回或拒绝调解的不计入）。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countDisputes(tx, repo.resolvedWhere(q)), denominator: await repo.countDisputes(tx, repo.concludedWhere(q)) }),
    recordsWhere: (q, which) => repo.disputeRecords(which === 'numerator' ? repo.resolvedWhere(q) : repo.concludedWhere(q)),
    breakdown: async (tx, _k, q, by) => new Map((await repo.successBy(tx, q, by)).map((r) => [r.key, { numerator: r.a, denominator: r.b }])),
  }),
  countMetric('mediation.judiciallyConfirmed', '调解协议经司法确认', '统计期内人民法院裁定确认有效的人民调解协议件数，按裁定日期统计（人民调解法 第33条）。', repo.confirmedWhere, disputes.confirmDecidedOn),
  defineMetric({
    key: 'mediation.perTenThousand', label: '万人调解率', unit: 'perTenThousand',
    definition: '统计期内受理的矛盾纠纷件数 ÷ 常住人口 × 10000。分母为该区划截至统计截止日最近一次登记的常住人口；未登记的，以下辖区划人口之和代替（须全部下辖区划均已登记）；仍无人口数的，不计算该指标（显示为无数据，而非0）。单位：件/万人。',
    compute: async (tx, _k, q) => {
      const held = await populationOf(tx, q.divisionCode, q.to);
      return { numerator: await repo.countDisputes(tx, repo.receivedWhere(q)), denominator: held ? held.population : null };
    },
    recordsNote: '分子为受理的纠纷（可查看明细）；分母为常住人口，见“常住人口”登记（/mediation/figures）。',
    recordsWhere: (q, which) => repo.disputeRecords(which === 'numerator' ? repo.receivedWhere(q) : sql`false`),
  }),
  defineMetric({
    key: 'mediation.screened', label: '矛盾纠纷排查发现', unit: 'count',
    definition: '统计期内各村（社区）开展矛盾纠纷排查发现的纠纷数之和（按排查日期统计）。',
    compute: async (tx, _k, q) => ({ numerator: (await repo.screeningTotals(tx, repo.screeningsIn(q))).found, denominator: null }),
    recordSet: repo.screeningRecordSet,
  }),
];
