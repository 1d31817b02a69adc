/**
 * The ten example policies of service-catalog.md §5.3 (P1–P10) as data: the demo's rules and the
 * benchmark's. Amounts are the catalogue's (illustrative, except P1's ratios which are national: 大型企业
 * 30%, 中小微企业 60% of the unemployment-insurance premium paid last year; 裁员率 ≤ 5.5%, or ≤ 20% for
 * ≤ 30 insured). 文号 are the demo county's, marked 示例; a real county replaces them when it publishes.
 */
import type { Condition, PolicyTerms, Rule } from './benefits.rule';

export const MODES = ['免申即享', '即申即享', '快申快享'] as const;
export type Mode = (typeof MODES)[number];

export type PolicySpec = {
  code: string; name: string; docNo: string; article: string; issuer: string; mode: Mode; subject: 'enterprise' | 'person';
  /** One-off (a firm is paid once ever under the policy) or recurring (once per scan year). */
  recurrence: 'once' | 'yearly';
  /** 就高不重复: within one group a firm receives only the highest amount. */
  exclusiveGroup: string | null;
  budgetFen: number | null;
  terms: PolicyTerms;
};

const c = (label: string, fact: string, op: Condition['op'], value: Condition['value']): Condition => ({ label, left: { kind: 'fact', fact }, op, value });
/** A 前提条件: failing it is not a near miss (the firm is simply not a candidate). */
const g = (label: string, fact: string, op: Condition['op'], value: Condition['value']): Condition => ({ ...c(label, fact, op, value), gate: true });
const WAN = 1_000_000; // 1万元 in fen
/** The exclusions every enterprise policy carries (service-catalog §5.2 ¶4: 失信, 经营异常, not deregistered). */
export const GOOD_STANDING: Rule[] = [
  c('登记状态为存续', 'regStatus', '==', '存续'),
  { not: c('列入经营异常名录', 'abnormal', '==', true) },
  { not: c('列入严重失信主体名单', 'dishonest', '==', true) },
];

export const DEMO_POLICIES: PolicySpec[] = [
  {
    code: 'P1', name: '失业保险稳岗返还', docNo: '人社部发〔2022〕23号（示例引用）', article: '第一条', issuer: '县人力资源和社会保障局', mode: '免申即享', subject: 'enterprise',
    recurrence: 'yearly', exclusiveGroup: null, budgetFen: 800 * WAN,
    terms: {
      eligibility: { all: [
        c('上年度失业保险足额缴费满12个月', 'siPaidMonths', '>=', 12),
        { any: [
          { label: '上年度裁员率不高于5.5%', left: { kind: 'ratio', num: 'siNewClaimants', den: 'siAvgInsured' }, op: '<=', value: 0.055 },
          { all: [c('参保职工30人及以下', 'siAvgInsured', '<=', 30), { label: '上年度裁员率不高于20%', left: { kind: 'ratio', num: 'siNewClaimants', den: 'siAvgInsured' }, op: '<=', value: 0.2 }] },
        ] },
        ...GOOD_STANDING,
      ] },
      amount: { kind: 'choose', cases: [{ when: c('大型企业', 'scale', '==', '大型'), then: { kind: 'percent', of: 'siPremiumFen', rateBp: 3000 } }], otherwise: { kind: 'percent', of: 'siPremiumFen', rateBp: 6000 } },
    },
  },
  {
    code: 'P2', name: '工业企业首次入规奖励', docNo: '县政发〔2026〕5号（示例）', article: '第三条第（一）项', issuer: '县工业和信息化局', mode: '免申即享', subject: 'enterprise',
    recurrence: 'once', exclusiveGroup: null, budgetFen: 200 * WAN,
    terms: {
      eligibility: { all: [g('行业门类为工业（B/C/D）', 'industry', 'in', ['B', 'C', 'D']), g('上年度首次纳入规模以上工业统计', 'aboveScaleYear', '==', { snapshotYear: -1 }), ...GOOD_STANDING] },
      amount: { kind: 'choose', cases: [{ when: c('入规当年主营业务收入不低于5000万元', 'revenueFen', '>=', 5000 * WAN), then: { kind: 'fixed', fen: 20 * WAN } }], otherwise: { kind: 'fixed', fen: 10 * WAN } },
      splitPct: [40, 60],
    },
  },
  {
    code: 'P3', name: '高新技术企业认定奖励', docNo: '县政发〔2026〕5号（示例）', article: '第四条', issuer: '县科学技术局', mode: '免申即享', subject: 'enterprise',
    recurrence: 'once', exclusiveGroup: 'hnte', budgetFen: 150 * WAN,
    terms: {
      eligibility: { all: [g('当年通过高新技术企业认定', 'hnteYear', '==', { snapshotYear: 0 }), ...GOOD_STANDING] },
      amount: { kind: 'choose', cases: [{ when: c('首次认定', 'hnteKind', '==', '首次'), then: { kind: 'fixed', fen: 10 * WAN } }], otherwise: { kind: 'fixed', fen: 5 * WAN } },
    },
  },
  {
    code: 'P4', name: '专精特新企业认定奖励', docNo: '县政发〔2026〕5号（示例）', article: '第五条', issuer: '县工业和信息化局', mode: '免申即享', subject: 'enterprise',
    recurrence: 'once', exclusiveGroup: null, budgetFen: 300 * WAN,
    terms: {
      eligibility: { all: [g('当年首次认定为专精特新企业', 'srdiYear', '==', { snapshotYear: 0 }), g('认定层级为省级或国家级', 'srdiLevel', 'in', ['省级', '国家级']), ...GOOD_STANDING] },
      amount: { kind: 'choose', cases: [{ when: c('国家级专精特新“小巨人”', 'srdiLevel', '==', '国家级'), then: { kind: 'fixed', fen: 50 * WAN } }], otherwise: { kind: 'fixed', fen: 20 * WAN } },
    },
  },
  {
    code: 'P5', name: '一次性扩岗补助', docNo: '人社厅发〔2023〕9号（示例引用）', article: '第二条', issuer: '县人力资源和社会保障局', mode: '免申即享', subject: 'enterprise',
    recurrence: 'yearly', exclusiveGroup: null, budgetFen: 100 * WAN,
    terms: {
      eligibility: { all: [g('招用符合条件的高校毕业生或青年至少1人', 'graduatesHired', '>=', 1), c('为招用人员缴纳失业保险', 'siPaidMonths', '>=', 1), ...GOOD_STANDING] },
      amount: { kind: 'perUnit', fact: 'graduatesHired', fenPerUnit: 150_000, capFen: 15 * WAN },
    },
  },
  {
    code: 'P6', name: '个体工商户转型为企业奖励', docNo: '县政发〔2026〕5号（示例）', article: '第六条', issuer: '县市场监督管理局', mode: '免申即享', subject: 'enterprise',
    recurrence: 'once', exclusiveGroup: null, budgetFen: 20 * WAN,
    terms: {
      eligibility: { all: [g('上年度由个体工商户转型为企业', 'convertedYear', '==', { snapshotYear: -1 }), c('依法正常纳税申报', 'taxNormal', '==', true), ...GOOD_STANDING] },
      amount: { kind: 'fixed', fen: 500_000 },
    },
  },
  {
    code: 'P7', name: '限额以上商贸企业首次入库奖励', docNo: '县政发〔2026〕5号（示例）', article: '第七条', issuer: '县商务局', mode: '免申即享', subject: 'enterprise',
    recurrence: 'once', exclusiveGroup: null, budgetFen: 100 * WAN,
    terms: {
      eligibility: { all: [g('批发零售住宿餐饮业（F/H）', 'industry', 'in', ['F', 'H']), g('上年度首次纳入限额以上统计', 'tradeLimitYear', '==', { snapshotYear: -1 }), ...GOOD_STANDING] },
      amount: { kind: 'fixed', fen: 5 * WAN },
    },
  },
  {
    code: 'P8', name: '发明专利授权资助', docNo: '县知产〔2026〕2号（示例）', article: '第三条', issuer: '县市场监督管理局（知识产权局）', mode: '免申即享', subject: 'enterprise',
    recurrence: 'yearly', exclusiveGroup: null, budgetFen: 100 * WAN,
    terms: {
      eligibility: { all: [g('上年度授权发明专利至少1件', 'patentsLastYear', '>=', 1), ...GOOD_STANDING] },
      amount: { kind: 'perUnit', fact: 'patentsLastYear', fenPerUnit: 500_000, capFen: 10 * WAN },
    },
  },
  {
    code: 'P9', name: '亩均效益领跑企业奖励', docNo: '县政发〔2026〕7号（示例）', article: '第二条', issuer: '县财政局', mode: '快申快享', subject: 'enterprise',
    recurrence: 'yearly', exclusiveGroup: null, budgetFen: 1000 * WAN,
    terms: {
      eligibility: { all: [g('民营企业', 'private', '==', true), g('制造业（C）', 'industry', '==', 'C'), c('亩均入库税收不低于30万元', 'taxPerMuFen', '>=', 30 * WAN), c('上年度入库税收不低于500万元', 'taxPaidFen', '>=', 500 * WAN), ...GOOD_STANDING] },
      amount: { kind: 'bands', by: 'taxPaidFen', of: 'vatIncrementFen', bands: [{ minFen: 500 * WAN, rateBp: 2000 }, { minFen: 1000 * WAN, rateBp: 2500 }, { minFen: 10000 * WAN, rateBp: 3000 }], capFen: 400 * WAN },
    },
  },
  {
    code: 'P10', name: '高龄津贴', docNo: '县民发〔2026〕1号（示例）', article: '第二条', issuer: '县民政局', mode: '免申即享', subject: 'person',
    recurrence: 'yearly', exclusiveGroup: null, budgetFen: 300 * WAN,
    terms: {
      eligibility: { all: [g('本县户籍', 'hukouLocal', '==', true), { label: '年满80周岁', left: { kind: 'age', fact: 'birthDate' }, op: '>=', value: 80, gate: true }, { not: c('已死亡', 'deceased', '==', true) }] },
      // Annual amount of the monthly allowance: 80–89岁 50元/月, 90–99岁 100元/月, ≥100岁 300元/月.
      amount: { kind: 'choose', cases: [
        { when: { label: '年满100周岁', left: { kind: 'age', fact: 'birthDate' }, op: '>=', value: 100 }, then: { kind: 'fixed', fen: 360_000 } },
        { when: { label: '年满90周岁', left: { kind: 'age', fact: 'birthDate' }, op: '>=', value: 90 }, then: { kind: 'fixed', fen: 120_000 } },
      ], otherwise: { kind: 'fixed', fen: 60_000 } },
    },
  },
];
