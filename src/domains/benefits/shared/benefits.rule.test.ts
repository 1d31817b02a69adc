import { describe, expect, it } from 'vitest';
import { compilePolicy, compilePredicate, explain, PolicyTerms, splitPayments, type Rule } from './benefits.rule';
import { DEMO_POLICIES } from './benefits.policies';
import { prng, syntheticFirm, syntheticPerson, creditCodeFor, residentIdFor } from './benefits.generate';
import { checkIdNumber } from '../../../core/shared/ids';

const P = (code: string) => DEMO_POLICIES.find((p) => p.code === code)!;
const firm = (over: Record<string, unknown> = {}) => ({ regStatus: '存续', abnormal: false, dishonest: false, scale: '小型', siPaidMonths: 12, siAvgInsured: 100, siNewClaimants: 0, siPremiumFen: 1_000_000, ...over });

describe('the rule compiler', () => {
  it('P1 稳岗返还: nested any/all over a derived ratio; 30% for large firms, 60% for the rest, in integer fen', () => {
    const c = compilePolicy(P('P1').terms, '2026-11-02');
    expect(c.evaluate(firm()).amountFen).toBe(600_000);
    expect(c.evaluate(firm({ scale: '大型' })).amountFen).toBe(300_000);
    // 5.5% exactly passes; 6% fails unless insured ≤ 30 and the rate ≤ 20%.
    expect(c.evaluate(firm({ siNewClaimants: 5.5 })).ok).toBe(true);
    expect(c.evaluate(firm({ siNewClaimants: 6 })).ok).toBe(false);
    expect(c.evaluate(firm({ siAvgInsured: 30, siNewClaimants: 6 })).ok).toBe(true);
    expect(c.evaluate(firm({ siAvgInsured: 30, siNewClaimants: 7 })).ok).toBe(false);
    // A tiny rate written with an exponent is read as what it is (the publicodes bug of §5.3 does not apply).
    expect(c.evaluate(firm({ siNewClaimants: 2.683605998754501e-7 * 100 })).ok).toBe(true);
    // No data, no benefit: a missing fact fails its comparison and says so.
    const missing = c.evaluate(firm({ siAvgInsured: null }));
    expect(missing.ok).toBe(false);
    expect(explain(c.leaves, missing.values, missing.mask)[1]).toMatchObject({ value: '无数据', ok: false });
  });

  it('near misses are rules that one flipped condition would pass, naming it; two failures are not a near miss', () => {
    const c = compilePolicy(P('P1').terms, '2026-11-02');
    const one = c.evaluate(firm({ siPaidMonths: 11 }));
    expect(one.ok).toBe(false);
    expect(c.leaves[one.nearMiss].label).toBe('上年度失业保险足额缴费满12个月');
    // Excluded by the 失信 list only: the exclusion is the one condition.
    expect(c.leaves[c.evaluate(firm({ dishonest: true })).nearMiss].label).toBe('列入严重失信主体名单');
    expect(c.evaluate(firm({ siPaidMonths: 11, abnormal: true })).nearMiss).toBe(-1);
    // Layoffs of 10% at 50 insured: either branch of the any needs one flip; the first is named.
    expect(c.leaves[c.evaluate(firm({ siAvgInsured: 50, siNewClaimants: 5 })).nearMiss].label).toBe('上年度裁员率不高于5.5%');
    // A 前提条件 (on the 高企 list this year) is never the one missed condition: not being listed is not a near miss.
    const p3 = compilePolicy(P('P3').terms, '2026-11-02');
    expect(p3.evaluate(firm({ hnteYear: 2024 })).nearMiss).toBe(-1);
    expect(p3.leaves[p3.evaluate(firm({ hnteYear: 2026, abnormal: true })).nearMiss].label).toBe('列入经营异常名录');
    const e = c.evaluate(firm({ siNewClaimants: 10 }));
    const ex = explain(c.leaves, e.values, e.mask);
    expect(ex[1]).toMatchObject({ label: '上年度裁员率不高于5.5%', value: '10.00%', op: '不高于', threshold: '5.50%', ok: false });
  });

  it('amounts: per unit with a cap, bands with a cap, cases by tier, split over years with the remainder last', () => {
    const p5 = compilePolicy(P('P5').terms, '2026-11-02');
    expect(p5.evaluate(firm({ graduatesHired: 3 })).amountFen).toBe(450_000);
    expect(p5.evaluate(firm({ graduatesHired: 500 })).amountFen).toBe(15_000_000); // capped at 15万
    const p9 = compilePolicy(P('P9').terms, '2026-11-02');
    const big = { ...firm(), private: true, industry: 'C', taxPerMuFen: 40_000_000 };
    expect(p9.evaluate({ ...big, taxPaidFen: 600_000_000, vatIncrementFen: 100_000_000 }).amountFen).toBe(20_000_000); // 20%
    expect(p9.evaluate({ ...big, taxPaidFen: 2_000_000_000, vatIncrementFen: 100_000_000 }).amountFen).toBe(25_000_000); // 25%
    expect(p9.evaluate({ ...big, taxPaidFen: 20_000_000_000, vatIncrementFen: 10_000_000_000 }).amountFen).toBe(400_000_000); // 30%, capped at 400万
    const p2 = compilePolicy(P('P2').terms, '2026-11-02');
    const entered = { ...firm(), industry: 'C', aboveScaleYear: 2025 };
    expect(p2.evaluate({ ...entered, revenueFen: 60_000_000_00 }).amountFen).toBe(20_000_000);
    expect(p2.evaluate({ ...entered, aboveScaleYear: 2024 }).ok).toBe(false); // not the previous year
    expect(splitPayments(100_001, [40, 60])).toEqual([40_000, 60_001]);
    const p10 = compilePolicy(P('P10').terms, '2026-11-02');
    expect(p10.evaluate({ hukouLocal: true, deceased: false, birthDate: '1936-11-02' }).amountFen).toBe(120_000); // 90 today
    expect(p10.evaluate({ hukouLocal: true, deceased: false, birthDate: '1936-11-03' }).amountFen).toBe(60_000); // 89 until tomorrow
  });

  it('the explaining evaluator agrees with a plain predicate on 6,000 synthetic firms and people for every demo policy', () => {
    const r = prng(7);
    const subjects = [...Array.from({ length: 3_000 }, () => syntheticFirm(r, 2026)), ...Array.from({ length: 3_000 }, () => syntheticPerson(r, 2026))];
    for (const p of DEMO_POLICIES) {
      const c = compilePolicy(p.terms, '2026-11-02');
      const pred = compilePredicate(p.terms.eligibility, '2026-11-02');
      expect(subjects.filter((s) => c.evaluate(s).ok !== pred(s))).toEqual([]);
    }
  });

  it('one schema refuses malformed rules with Chinese messages', () => {
    const bad = (eligibility: unknown) => PolicyTerms.safeParse({ eligibility, amount: { kind: 'fixed', fen: 1 } });
    expect(bad({ all: [] }).success).toBe(false);
    expect(JSON.stringify(bad({ all: [{ label: 'x', left: { kind: 'fact', fact: 'nope' }, op: '>=', value: 1 }] }).error)).toContain('未知的登记事实');
    const many: Rule = { all: Array.from({ length: 27 }, () => ({ label: 'x', left: { kind: 'fact' as const, fact: 'siPaidMonths' }, op: '>=' as const, value: 1 })) };
    expect(JSON.stringify(bad(many).error)).toContain('条件不能超过26个');
    expect(JSON.stringify(PolicyTerms.safeParse({ eligibility: P('P1').terms.eligibility, amount: { kind: 'fixed', fen: 1.5 } }).error)).toContain('金额应为整数');
    for (const p of DEMO_POLICIES) expect(PolicyTerms.safeParse(p.terms).success).toBe(true);
  });

  it('the synthetic register carries valid 统一社会信用代码 and 身份证号', () => {
    for (let i = 0; i < 200; i++) expect(checkIdNumber(creditCodeFor('411202', 10_000_000 + i * 7), '2026-11-02')).toMatchObject({ kind: 'creditCode', valid: true });
    expect(checkIdNumber(residentIdFor('411202', '1936-05-04', 101), '2026-11-02')).toMatchObject({ kind: 'residentId', valid: true });
  });
});
