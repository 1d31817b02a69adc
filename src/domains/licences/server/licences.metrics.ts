/** 电子证照 metrics (definitions in README). The records behind a figure are the licences it counts, from the registry. */
import { defineMetric } from '../../../core/server';
import * as repo from './licences.repository';

const m = (key: string, label: string, fig: repo.Figure, definition: string) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.count(tx, fig, q), denominator: null }),
  recordSet: repo.figureRecordSet(fig),
  breakdown: async (tx, k, q, by) => new Map((await repo.countBy(tx, k.tz, fig, q, by)).map((r) => [r.key, { numerator: r.n, denominator: null }])),
});

export const licencesMetrics = [
  m('licences.issued', '发放电子证照数', 'issued', '统计期内由办件办结发证、续证申请办结换发和到期自动续期签发的电子证照张数（存量导入的证照不计）。'),
  m('licences.expiring', '即将到期证照数', 'expiring', '统计期末仍在有效期内、且有效期截止日在统计期末之后90日内的电子证照张数（期末已续期或已注销的不计）。'),
  m('licences.reminded', '到期提醒证照数', 'reminded', '统计期内向持证人和发证机关发出过到期提醒的电子证照张数（同一证照多次提醒计1张）。'),
  m('licences.renewed', '续证证照数', 'renewed', '统计期内通过无感续证（预填续证申请办结）或到期自动续期换发的新证照张数。'),
];
