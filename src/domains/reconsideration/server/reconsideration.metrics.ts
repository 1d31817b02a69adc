/** 行政复议 figures (definitions in README.md): each with its records and a breakdown by org and month. */
import { defineMetric, domainConfig, type Kernel, type MetricScope } from '../../../core/server';
import { correctiveSet, reconsiderationSettings } from './reconsideration.config';
import * as repo from './reconsideration.repository';

// The configured 纠错 set, read from the settings by the figure and by the records it opens alike.
const correctiveOf = (k: Kernel) => correctiveSet(domainConfig(k, reconsiderationSettings).RECONSIDERATION_CORRECTIVE);

type Def = { key: string; label: string; definition: string; num: repo.Figure; den?: repo.Figure };
const figure = ({ key, label, definition, num, den }: Def) => defineMetric({
  key, label, unit: den ? 'rate' : 'count', definition,
  compute: async (tx, k, q) => {
    const set = correctiveOf(k);
    return { numerator: await repo.count(tx, repo.figureWhere(q, num, set)), denominator: den ? await repo.count(tx, repo.figureWhere(q, den, set)) : null };
  },
  breakdown: async (tx, k, q, by) => {
    const set = correctiveOf(k);
    const nums = await repo.countBy(tx, repo.figureWhere(q, num, set), num, by);
    const dens = den ? await repo.countBy(tx, repo.figureWhere(q, den, set), den, by) : [];
    const out = new Map<string, { numerator: number; denominator: number | null }>();
    for (const d of dens) out.set(d.key, { numerator: 0, denominator: d.n });
    for (const n of nums) out.set(n.key, { numerator: n.n, denominator: den ? out.get(n.key)?.denominator ?? 0 : null });
    return out;
  },
  recordsWhere: (q: MetricScope, which, k) => repo.recordsWhere(repo.figureWhere(q, which === 'denominator' && den ? den : num, correctiveOf(k))),
});

export const reconsiderationMetrics = [
  figure({ key: 'reconsideration.received', label: '接收行政复议申请', num: 'received', definition: '统计期内收到的行政复议申请件数（按收到申请之日；网上、当面、邮寄和口头申请均计，含不予受理和视为放弃的）。' }),
  figure({ key: 'reconsideration.accepted', label: '受理行政复议案件', num: 'accepted', definition: '统计期内受理（含审查期限届满视为受理，第30条）的行政复议案件数（按受理之日）。' }),
  figure({ key: 'reconsideration.closed', label: '审结行政复议案件', num: 'closed', definition: '统计期内审结的已受理案件数（按结案之日）：作出复议决定、调解结案（第73条）、和解或撤回后终止及其他终止（第41条、第74条）。' }),
  figure({
    key: 'reconsideration.correctionRate', label: '行政复议纠错率', num: 'corrected', den: 'closed',
    definition: '统计期内审结的案件中，以变更、撤销、确认违法、责令履行、确认无效决定（“直接纠错”，可配置）结案的件数 ÷ 统计期内审结的案件数（含调解、和解、撤回和终止结案的）。',
  }),
  figure({ key: 'reconsideration.mediatedRate', label: '行政复议调撤率', num: 'mediated', den: 'closed', definition: '统计期内审结的案件中，调解结案、和解后撤回和申请人撤回后终止的件数 ÷ 统计期内审结的案件数。' }),
  figure({ key: 'reconsideration.closedRate', label: '行政复议审结率', num: 'acceptedClosed', den: 'accepted', definition: '统计期内受理的案件中，截至统计截止日已审结的件数 ÷ 统计期内受理的案件数。' }),
  figure({ key: 'reconsideration.simpleProcedureShare', label: '简易程序适用率', num: 'simple', den: 'accepted', definition: '统计期内受理的案件中，适用简易程序（第53条）的件数 ÷ 统计期内受理的案件数。' }),
];

// 第76条: letters issued, dated by their issue; the records are the letters' own cases.
reconsiderationMetrics.push(defineMetric({
  key: 'reconsideration.opinionLetters', label: '制发行政复议意见书、建议书', unit: 'count',
  definition: '统计期内行政复议机关在办理行政复议案件过程中制发的行政复议意见书和建议书件数（第76条，按制发之日；主送机关应在60日内报送纠正情况）。',
  compute: async (tx, _k, q) => ({ numerator: await repo.countOpinions(tx, repo.opinionsIssuedWhere(q)), denominator: null }),
  breakdown: async (tx, _k, q, by) => new Map((await repo.countOpinionsBy(tx, repo.opinionsIssuedWhere(q), by)).map((x) => [x.key, { numerator: x.n, denominator: null }])),
  recordsWhere: (q: MetricScope) => repo.opinionRecordsWhere(repo.opinionsIssuedWhere(q)),
}));
