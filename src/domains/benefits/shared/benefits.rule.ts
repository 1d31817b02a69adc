/**
 * Policies as data (rule-of-law-domains §5.2): the ONE zod schema of an eligibility rule and an amount
 * formula, and the compiler that turns them into JS closures. Isomorphic: the server scans with it, the
 * browser's structured editor and 政策沙盘 validate with it.
 *
 * A rule is nested all / any / not over conditions. A condition compares a left side — a register fact,
 * a derived ratio of two facts (裁员率 = 新增领取失业保险金人数 ÷ 月均参保人数), or the age in whole years
 * of a date fact at the snapshot — with a value, which may be relative to the snapshot year ("上年度" =
 * { snapshotYear: -1 }). A missing fact (null) fails every comparison: no data, no benefit, and the
 * explanation says "无数据" so the firm knows what to correct.
 *
 * The compiled evaluator returns, for each subject: eligibility, the amount in integer fen, every
 * condition's value and pass bit (the explanation; thresholds live in the compiled policy), and the
 * near miss: the rule failed, but flipping exactly one condition would pass it (minimum flips = 1 over
 * the tree: all = Σ, any = min, not swaps pass/fail costs).
 */
import { z } from 'zod';
import { FACT_BY_KEY, type Facts, factLabel, formatFact } from './benefits.facts';

export const OPS = ['>=', '>', '<=', '<', '==', '!=', 'in'] as const;
export type Op = (typeof OPS)[number];
export const OP_LABELS: Record<Op, string> = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '==': '等于', '!=': '不等于', in: '属于' };

const factKey = z.string().min(1, '请选择事实').max(40).refine((k) => FACT_BY_KEY.has(k), { message: '未知的登记事实' });

export const Left = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fact'), fact: factKey }),
  z.object({ kind: z.literal('ratio'), num: factKey, den: factKey }),
  z.object({ kind: z.literal('age'), fact: factKey }),
]);
export type Left = z.infer<typeof Left>;

export const Value = z.union([
  z.number(), z.string().max(60), z.boolean(), z.array(z.string().max(60)).max(30),
  z.object({ snapshotYear: z.number().int().min(-20).max(0) }),
]);
export type Value = z.infer<typeof Value>;

export const Condition = z.object({
  label: z.string().trim().min(1, '请填写条件说明').max(80, '条件说明不能超过80个字'),
  left: Left,
  op: z.enum(OPS, '请选择比较方式'),
  value: Value,
  /**
   * 前提条件: what makes a subject a candidate at all (on the 高企 list, first entered 规上 last year).
   * Failing it is never a near miss: a firm not on the list is not told it "missed by one".
   */
  gate: z.boolean().optional(),
});
export type Condition = z.infer<typeof Condition>;

export type Rule = Condition | { all: Rule[] } | { any: Rule[] } | { not: Rule };
export const Rule: z.ZodType<Rule> = z.lazy(() => z.union([
  Condition,
  z.object({ all: z.array(Rule).min(1, '“全部满足”至少一个条件').max(40) }),
  z.object({ any: z.array(Rule).min(1, '“满足其一”至少一个条件').max(40) }),
  z.object({ not: Rule }),
]));

export const isCondition = (r: Rule): r is Condition => 'left' in r;
/** Conditions per rule: the explanation is a 26-bit mask (the pass cost rides above it) (one bit per condition). */
export const MAX_CONDITIONS = 26;
export const countConditions = (r: Rule): number => (isCondition(r) ? 1 : 'not' in r ? countConditions(r.not) : ('all' in r ? r.all : r.any).reduce((a, k) => a + countConditions(k), 0));

/** Money in integer fen (分). */
const fen = z.number().int('金额应为整数（分）').min(0).max(1e13);
const bp = z.number().int('比例应为整数（万分之一）').min(0).max(10000);

export type Amount =
  | { kind: 'fixed'; fen: number }
  | { kind: 'perUnit'; fact: string; fenPerUnit: number; capFen?: number }
  | { kind: 'percent'; of: string; rateBp: number; capFen?: number }
  | { kind: 'bands'; by: string; of: string; bands: { minFen: number; rateBp: number }[]; capFen?: number }
  | { kind: 'choose'; cases: { when: Rule; then: Amount }[]; otherwise: Amount };
export const Amount: z.ZodType<Amount> = z.lazy(() => z.union([
  z.object({ kind: z.literal('fixed'), fen }),
  z.object({ kind: z.literal('perUnit'), fact: factKey, fenPerUnit: fen, capFen: fen.optional() }),
  z.object({ kind: z.literal('percent'), of: factKey, rateBp: bp, capFen: fen.optional() }),
  z.object({ kind: z.literal('bands'), by: factKey, of: factKey, bands: z.array(z.object({ minFen: fen, rateBp: bp })).min(1).max(10), capFen: fen.optional() }),
  z.object({ kind: z.literal('choose'), cases: z.array(z.object({ when: Rule, then: Amount })).min(1).max(10), otherwise: Amount }),
]));

/** What one version of a policy says: the rule, the amount and how it is paid. */
export const PolicyTerms = z.object({
  eligibility: Rule.refine((r) => countConditions(r) <= MAX_CONDITIONS, { message: `一项政策的条件不能超过${MAX_CONDITIONS}个` }),
  amount: Amount,
  /** Payment split over years in percent (40/60), summing to 100; one payment when absent. */
  splitPct: z.array(z.number().int().min(1).max(100)).max(5).optional()
    .refine((xs) => !xs || xs.reduce((a, b) => a + b, 0) === 100, { message: '分年兑付比例之和应为100' }),
});
export type PolicyTerms = z.infer<typeof PolicyTerms>;



// ---------------------------------------------------------------- compiling

export type Leaf = { index: number; label: string; left: Left; op: Op; threshold: Exclude<Value, { snapshotYear: number }> };
/**
 * A node's flip costs packed in one small int (no allocation in the hot loop): pass*3 + fail, each
 * capped at 2 (only 0, 1 and "more" matter); `find` names the leaf whose flip reaches the wanted truth
 * when that cost is 1.
 */
type Node = { cost: (mask: number) => number; find: (mask: number, wantPass: boolean) => number };
const C = (p: number, f: number) => (p > 2 ? 2 : p) * 3 + (f > 2 ? 2 : f);
const P = (c: number) => (c / 3) | 0;
const F = (c: number) => c % 3;
const yearOf = (iso: string) => Number(iso.slice(0, 4));
/** Whole years from an ISO date to the snapshot date (both YYYY-MM-DD). */
export function ageAt(birth: string, snapshot: string): number {
  const y = yearOf(snapshot) - yearOf(birth);
  return snapshot.slice(5) >= birth.slice(5) ? y : y - 1;
}

export const resolveValue = (v: Value, snapshot: string): Leaf['threshold'] =>
  (typeof v === 'object' && v !== null && !Array.isArray(v) ? yearOf(snapshot) + v.snapshotYear : v);

/** The left side as a closure over a subject's facts (null when a fact is missing or a ratio's base is 0). */
export function leftFn(left: Left, snapshot: string): (f: Facts) => number | string | boolean | null {
  if (left.kind === 'fact') { const k = left.fact; return (f) => f[k] ?? null; }
  if (left.kind === 'ratio') {
    const a = left.num, b = left.den;
    return (f) => { const x = f[a], y = f[b]; return typeof x === 'number' && typeof y === 'number' && y !== 0 ? x / y : null; };
  }
  const k = left.fact;
  return (f) => { const d = f[k]; return typeof d === 'string' && d.length >= 10 ? ageAt(d, snapshot) : null; };
}

export function compare(op: Op, x: unknown, t: Leaf['threshold']): boolean {
  if (x === null || x === undefined) return false;
  switch (op) {
    case '>=': return (x as number) >= (t as number);
    case '>': return (x as number) > (t as number);
    case '<=': return (x as number) <= (t as number);
    case '<': return (x as number) < (t as number);
    case '==': return x === t;
    case '!=': return x !== t;
    case 'in': return Array.isArray(t) && t.includes(x as string);
  }
}

function compileCmp(op: Op, get: (f: Facts) => unknown, t: Leaf['threshold']): (f: Facts) => [unknown, boolean] {
  // One closure per operator so the hot loop has no switch.
  const ok = (x: unknown) => x !== null && x !== undefined;
  switch (op) {
    case '>=': { const n = t as number; return (f) => { const x = get(f) as number; return [x, ok(x) && x >= n]; }; }
    case '>': { const n = t as number; return (f) => { const x = get(f) as number; return [x, ok(x) && x > n]; }; }
    case '<=': { const n = t as number; return (f) => { const x = get(f) as number; return [x, ok(x) && x <= n]; }; }
    case '<': { const n = t as number; return (f) => { const x = get(f) as number; return [x, ok(x) && x < n]; }; }
    case '==': return (f) => { const x = get(f); return [x, ok(x) && x === t]; };
    case '!=': return (f) => { const x = get(f); return [x, ok(x) && x !== t]; };
    case 'in': { const s = new Set(t as string[]); return (f) => { const x = get(f); return [x, ok(x) && s.has(x as string)]; }; }
  }
}

export type Compiled = {
  leaves: Leaf[];
  /**
   * The allocation-free form for scans: fills `vals` and answers the pass cost (0 eligible, 1 one flip
   * away, 2 more) times 2^26 plus the pass mask; `nearMissOf` names the leaf for a cost of 1.
   */
  raw: (f: Facts, vals: unknown[]) => number;
  nearMissOf: (mask: number) => number;
  /** Fill vals for every leaf and answer the pass mask (the explanation) and answer eligibility and the near-miss leaf (−1 for none). */
  run: (f: Facts, vals: unknown[]) => { ok: boolean; nearMiss: number; mask: number };
};

/**
 * Compiles the rule to one JS function (rule → source → closure). Safe to generate: fact keys are
 * checked against the fact catalogue (identifiers), thresholds are JSON literals, `in` lists are Sets
 * passed in. Each condition's value is written to `vals` (the explanation); the answer is the pass mask,
 * and the tree's flip costs are straight-line code over it. The near-miss leaf is found by walking the
 * tree only for rules that failed by exactly one condition.
 */
export function compileRule(rule: Rule, snapshot: string): Compiled {
  const leaves: Leaf[] = [];
  const sets: Set<unknown>[] = [];
  const lines: string[] = [];
  const key = (k: string) => { if (!/^[A-Za-z][A-Za-z0-9]*$/.test(k) || !FACT_BY_KEY.has(k)) throw new Error(`unknown fact ${k}`); return `f.${k}`; };
  const leftCode = (l: Left) => (l.kind === 'fact' ? `(${key(l.fact)} ?? null)`
    : l.kind === 'ratio' ? `(typeof ${key(l.num)} === 'number' && typeof ${key(l.den)} === 'number' && ${key(l.den)} !== 0 ? ${key(l.num)} / ${key(l.den)} : null)`
      : `(typeof ${key(l.fact)} === 'string' ? age(${key(l.fact)}, snapshot) : null)`);
  let tmp = 0;
  function walk(r: Rule): Node & { p: string; f: string } {
    if (isCondition(r)) {
      const index = leaves.length;
      const threshold = resolveValue(r.value, snapshot);
      leaves.push({ index, label: r.label, left: r.left, op: r.op, threshold });
      let test: string;
      if (r.op === 'in') { sets.push(new Set(threshold as string[])); test = `sets[${sets.length - 1}].has(x)`; }
      else test = `x ${r.op === '==' ? '===' : r.op === '!=' ? '!==' : r.op} ${JSON.stringify(threshold)}`;
      lines.push(`x = ${leftCode(r.left)}; vals[${index}] = x; if (x !== null && ${test}) m |= ${1 << index};`);
      const bit = 1 << index;
      // A failed 前提条件 costs "more than one flip" (2), so no near miss goes through it.
      const miss = r.gate ? 2 : 1;
      return { p: `(m & ${bit} ? 0 : ${miss})`, f: `(m & ${bit} ? 1 : 0)`, cost: (mask) => (mask & bit ? 1 : miss * 3), find: () => index };
    }
    if ('not' in r) {
      const c = walk(r.not);
      return { p: c.f, f: c.p, cost: (mask) => { const k = c.cost(mask); return F(k) * 3 + P(k); }, find: (mask, want) => c.find(mask, !want) };
    }
    const kids = ('all' in r ? r.all : r.any).map(walk);
    const m = kids.length;
    const id = tmp++;
    const all = 'all' in r;
    // pass/fail costs capped at 2 (only 0, 1 and "more" matter).
    lines.push(all
      ? `const p${id} = Math.min(2, ${kids.map((k) => k.p).join(' + ')}), f${id} = Math.min(${kids.map((k) => k.f).join(', ')});`
      : `const p${id} = Math.min(${kids.map((k) => k.p).join(', ')}), f${id} = Math.min(2, ${kids.map((k) => k.f).join(' + ')});`);
    const find = (mask: number, want: boolean) => { for (const k of kids) { const c = k.cost(mask); if (want ? P(c) === 1 : F(c) === 1) return k.find(mask, want); } return -1; };
    return {
      p: `p${id}`, f: `f${id}`, find,
      cost: all
        ? (mask) => { let pass = 0, fail = 2; for (let i = 0; i < m; i++) { const k = kids[i].cost(mask); pass += P(k); const fl = F(k); if (fl < fail) fail = fl; } return C(pass, fail); }
        : (mask) => { let pass = 2, fail = 0; for (let i = 0; i < m; i++) { const k = kids[i].cost(mask); fail += F(k); const p = P(k); if (p < pass) pass = p; } return C(pass, fail); },
    };
  }
  // Leaves first (all their lines precede the cost lines, since walk appends leaf lines as it meets them
  // and a cost line only after its children's).
  const root = walk(rule);
  const n = leaves.length;
  if (n > MAX_CONDITIONS) throw new Error(`rule has ${n} conditions, more than ${MAX_CONDITIONS}`);
  const body = `return function (f, vals) { let m = 0, x; ${lines.join('\n')}\n return ${root.p} * ${1 << 26} + m; };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function('sets', 'age', 'snapshot', body)(sets, ageAt, snapshot) as (f: Facts, vals: unknown[]) => number;
  const LOW = (1 << 26) - 1;
  return {
    leaves,
    raw: fn,
    nearMissOf: (mask) => root.find(mask, true),
    run(f, vals) {
      const r = fn(f, vals);
      const mask = r & LOW;
      const pass = (r / (1 << 26)) | 0;
      return { ok: pass === 0, nearMiss: pass === 1 ? root.find(mask, true) : -1, mask };
    },
  };
}

/** The rule's truth alone (no explanation), for amount branches. */
export function compilePredicate(rule: Rule, snapshot: string): (f: Facts) => boolean {
  if (isCondition(rule)) { const c = compileCmp(rule.op, leftFn(rule.left, snapshot), resolveValue(rule.value, snapshot)); return (f) => c(f)[1]; }
  if ('not' in rule) { const c = compilePredicate(rule.not, snapshot); return (f) => !c(f); }
  const kids = ('all' in rule ? rule.all : rule.any).map((k) => compilePredicate(k, snapshot));
  return 'all' in rule ? (f) => kids.every((k) => k(f)) : (f) => kids.some((k) => k(f));
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const capped = (x: number, cap?: number) => (cap !== undefined && x > cap ? cap : x);

/** The amount formula as a closure answering integer fen (rates in basis points, rounded down). */
export function compileAmount(a: Amount, snapshot: string): (f: Facts) => number {
  switch (a.kind) {
    case 'fixed': { const v = a.fen; return () => v; }
    case 'perUnit': { const k = a.fact, p = a.fenPerUnit, cap = a.capFen; return (f) => capped(Math.max(0, Math.floor(num(f[k]))) * p, cap); }
    case 'percent': { const k = a.of, r = a.rateBp, cap = a.capFen; return (f) => capped(Math.floor((Math.max(0, num(f[k])) * r) / 10000), cap); }
    case 'bands': {
      const bands = [...a.bands].sort((x, y) => y.minFen - x.minFen);
      const by = a.by, of = a.of, cap = a.capFen;
      return (f) => {
        const b = num(f[by]);
        for (const band of bands) if (b >= band.minFen) return capped(Math.floor((Math.max(0, num(f[of])) * band.rateBp) / 10000), cap);
        return 0;
      };
    }
    case 'choose': {
      const cases = a.cases.map((c) => ({ when: compilePredicate(c.when, snapshot), then: compileAmount(c.then, snapshot) }));
      const otherwise = compileAmount(a.otherwise, snapshot);
      return (f) => { for (const c of cases) if (c.when(f)) return c.then(f); return otherwise(f); };
    }
  }
}

/** A payment split over years: the first parts rounded down, the last takes the remainder (so the sum is exact). */
export function splitPayments(totalFen: number, splitPct?: number[]): number[] {
  if (!splitPct || splitPct.length <= 1) return [totalFen];
  const parts = splitPct.slice(0, -1).map((p) => Math.floor((totalFen * p) / 100));
  return [...parts, totalFen - parts.reduce((a, b) => a + b, 0)];
}

export type CompiledPolicy = {
  leaves: Leaf[];
  evaluate: (f: Facts) => Evaluation;
  /** Scan form: `vals` is a reused buffer; copy it (values.slice()) for the results you keep. */
  raw: (f: Facts, vals: unknown[]) => number;
  nearMissOf: (mask: number) => number;
  amount: (f: Facts) => number;
};
export const RAW_MASK = (1 << 26) - 1;
export const rawCost = (r: number) => (r / (1 << 26)) | 0;
/** `mask` bit i set when condition i held: with `values` and the compiled leaves, the whole explanation. */
export type Evaluation = { ok: boolean; amountFen: number; nearMiss: number; values: unknown[]; mask: number };

export function compilePolicy(terms: PolicyTerms, snapshot: string): CompiledPolicy {
  const rule = compileRule(terms.eligibility, snapshot);
  const amount = compileAmount(terms.amount, snapshot);
  const n = rule.leaves.length;
  return {
    leaves: rule.leaves,
    raw: rule.raw,
    nearMissOf: rule.nearMissOf,
    amount,
    evaluate(f) {
      const values = new Array<unknown>(n);
      const { ok, nearMiss, mask } = rule.run(f, values);
      return { ok, amountFen: ok ? amount(f) : 0, nearMiss, values, mask };
    },
  };
}

// ---------------------------------------------------------------- explanations

export type ExplainedCondition = { label: string; fact: string; value: string; op: string; threshold: string; ok: boolean };

const leftLabel = (l: Left) => (l.kind === 'fact' ? factLabel(l.fact) : l.kind === 'ratio' ? `${factLabel(l.num)}÷${factLabel(l.den)}` : `${factLabel(l.fact)}（周岁）`);
const leftKey = (l: Left) => (l.kind === 'ratio' ? l.num : l.fact);
function showThreshold(l: Left, t: Leaf['threshold']): string {
  if (Array.isArray(t)) return t.join('、');
  if (l.kind === 'ratio' && typeof t === 'number') return `${(t * 100).toFixed(2)}%`;
  if (l.kind === 'age') return `${String(t)}周岁`;
  return formatFact(leftKey(l), t);
}
function showValue(l: Left, v: unknown): string {
  if (v === null || v === undefined) return '无数据';
  if (l.kind === 'ratio') return `${((v as number) * 100).toFixed(2)}%`;
  if (l.kind === 'age') return `${String(v)}周岁`;
  return formatFact(l.fact, v);
}

/** Each condition's value and threshold, in Chinese, for the stored result and the notice. */
export function explain(leaves: Leaf[], values: unknown[], mask: number): ExplainedCondition[] {
  return leaves.map((l, i) => ({
    label: l.label, fact: leftLabel(l.left), value: showValue(l.left, values[i]), op: OP_LABELS[l.op], threshold: showThreshold(l.left, l.threshold), ok: (mask & (1 << i)) !== 0,
  }));
}

/** The facts a rule reads (what the importer must bring, what an objection may dispute). */
export function factsOf(rule: Rule, out = new Set<string>()): Set<string> {
  if (isCondition(rule)) { if (rule.left.kind === 'ratio') { out.add(rule.left.num); out.add(rule.left.den); } else out.add(rule.left.fact); return out; }
  if ('not' in rule) return factsOf(rule.not, out);
  for (const k of 'all' in rule ? rule.all : rule.any) factsOf(k, out);
  return out;
}

/** The fact a leaf reads first (an objection about a near miss disputes this one). */
export const leafFact = (l: Leaf) => leftKey(l.left);

export const yuan = (fenAmount: number) => (fenAmount / 100).toFixed(2);
