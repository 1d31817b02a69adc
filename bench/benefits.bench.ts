/**
 * 免申即享 county scan: N enterprises (default 100,000) × 20 policies, WITH explanations (each condition's
 * value and pass bit, near misses), through
 *   1. ours — the rule compiled to JS closures (src/domains/benefits/shared/benefits.rule.ts);
 *   2. json-logic-engine 5 `build()` (compiled): the whole rule for eligibility, each condition's left side
 *      for the explanation, the amount formula as JsonLogic (with a `floor` method added);
 *   3. json-rules-engine 7 `await engine.run(facts)` per firm: one rule per policy (its condition results
 *      are its explanation) plus one rule per amount branch (choose case, band); it has no arithmetic,
 *      so the fen arithmetic of the branch it picked is done by `amountFromBranches` below.
 * The same rules (P1–P9 of service-catalog §5.3 and 11 variants) feed all three, converted from our
 * schema. Every firm's eligibility and amount are compared across engines; the script exits 1 on any
 * difference. A peer too slow for the full set runs on a prefix and its time is scaled (printed so).
 *
 * Run: npm run bench:benefits [-- --firms=N] [--rules-engine-firms=N]
 */
import { cpus } from 'node:os';
import { Engine } from 'json-rules-engine';
import { LogicEngine } from 'json-logic-engine';
import { type Amount, compileAmount, compilePolicy, compilePredicate, type Left, RAW_MASK, rawCost, type Rule, isCondition, resolveValue, ageAt } from '../src/domains/benefits/shared/benefits.rule';
import { DEMO_POLICIES, type PolicySpec } from '../src/domains/benefits/shared/benefits.policies';
import { prng, syntheticFirm } from '../src/domains/benefits/shared/benefits.generate';
import type { Facts } from '../src/domains/benefits/shared/benefits.facts';

const arg = (name: string, dflt: number) => { const a = process.argv.find((x) => x.startsWith(`--${name}=`)); return a ? Number(a.split('=')[1]) : dflt; };
const FIRMS = arg('firms', 100_000);
const JRE_FIRMS = Math.min(FIRMS, arg('rules-engine-firms', 5_000));
const SNAPSHOT = '2026-12-31';
const SNAP_YEAR = 2026;

// ---------------------------------------------------------------- the 20 policies
const base = DEMO_POLICIES.filter((p) => p.subject === 'enterprise');
const extras: Rule[] = [
  { label: '小型或微型企业', left: { kind: 'fact', fact: 'scale' }, op: 'in', value: ['小型', '微型'] },
  { label: '依法正常纳税申报', left: { kind: 'fact', fact: 'taxNormal' }, op: '==', value: true },
];
const variants: PolicySpec[] = Array.from({ length: 20 - base.length }, (_, i) => {
  const p = base[i % base.length];
  const e = p.terms.eligibility;
  return { ...p, code: `V${i + 1}`, terms: { ...p.terms, eligibility: { all: [...('all' in e ? e.all : [e]), extras[i % 2]] } } };
});
const POLICIES = [...base, ...variants];

// ---------------------------------------------------------------- the register
const r = prng(20261207);
const firms: Facts[] = Array.from({ length: FIRMS }, () => syntheticFirm(r, SNAP_YEAR));

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`benefits bench: ${fmt(FIRMS)} enterprises × ${POLICIES.length} policies, snapshot ${SNAPSHOT}`);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`);

type Out = { ok: Uint8Array; fen: Float64Array };
const newOut = (n: number): Out => ({ ok: new Uint8Array(n * POLICIES.length), fen: new Float64Array(n * POLICIES.length) });

// ---------------------------------------------------------------- 1. ours
function runOurs(count: number) {
  const out = newOut(count);
  let eligible = 0, near = 0, conditions = 0;
  const t0 = performance.now();
  const compiled = POLICIES.map((p) => compilePolicy(p.terms, SNAPSHOT)); // compile time is part of the scan
  const P = compiled.length;
  // Every condition's value is computed into a reused buffer for every firm and policy; the explanation
  // (values, mask, near-miss condition) is kept — copied out — for the results a scan stores: the
  // eligible and the near misses (the ineligible are counted, as the domain's scan does).
  const bufs = compiled.map((c) => new Array<unknown>(c.leaves.length));
  const kept: { values: unknown[]; mask: number; nearMiss: number }[] = [];
  for (let i = 0; i < count; i++) {
    const f = firms[i];
    for (let j = 0; j < P; j++) {
      const c = compiled[j];
      const vals = bufs[j];
      const r = c.raw(f, vals);
      conditions += vals.length;
      const cost = rawCost(r);
      if (cost === 0) {
        const fen = c.amount(f);
        out.ok[i * P + j] = 1;
        out.fen[i * P + j] = fen;
        eligible++;
        kept.push({ values: vals.slice(), mask: r & RAW_MASK, nearMiss: -1 });
      } else if (cost === 1) {
        near++;
        kept.push({ values: vals.slice(), mask: r & RAW_MASK, nearMiss: c.nearMissOf(r & RAW_MASK) });
      }
    }
  }
  return { out, ms: performance.now() - t0, eligible, near, conditions, kept: kept.length };
}

// ---------------------------------------------------------------- 2. json-logic-engine (compiled)
type JL = unknown;
const vr = (k: string): JL => ({ var: k });
function leftJL(l: Left): JL {
  if (l.kind === 'fact') return vr(l.fact);
  if (l.kind === 'ratio') return { if: [{ and: [{ '!==': [vr(l.den), null] }, { '!==': [vr(l.den), 0] }, { '!==': [vr(l.num), null] }] }, { '/': [vr(l.num), vr(l.den)] }, null] };
  return { age: [vr(l.fact), SNAPSHOT] };
}
const JL_OPS: Record<string, string> = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '==': '===', '!=': '!==', in: 'in' };
function ruleJL(rule: Rule): JL {
  if (isCondition(rule)) {
    const left = leftJL(rule.left);
    const t = resolveValue(rule.value, SNAPSHOT);
    // json-logic's != coerces (0 != null is false there), so presence is tested with !==.
    return { and: [{ '!==': [left, null] }, { [JL_OPS[rule.op]]: [left, t] }] };
  }
  if ('not' in rule) return { '!': [ruleJL(rule.not)] };
  if ('all' in rule) return { and: rule.all.map(ruleJL) };
  return { or: rule.any.map(ruleJL) };
}
const numJL = (k: string): JL => ({ if: [{ '==': [{ typeof: [vr(k)] }, 'number'] }, vr(k), 0] });
const cap = (x: JL, c?: number): JL => (c === undefined ? x : { min: [x, c] });
function amountJL(a: Amount): JL {
  switch (a.kind) {
    case 'fixed': return a.fen;
    case 'perUnit': return cap({ '*': [{ max: [0, { floor: [numJL(a.fact)] }] }, a.fenPerUnit] }, a.capFen);
    case 'percent': return cap({ floor: [{ '/': [{ '*': [{ max: [0, numJL(a.of)] }, a.rateBp] }, 10000] }] }, a.capFen);
    case 'bands': {
      const bands = [...a.bands].sort((x, y) => y.minFen - x.minFen);
      const args: JL[] = [];
      for (const b of bands) args.push({ '>=': [numJL(a.by), b.minFen] }, cap({ floor: [{ '/': [{ '*': [{ max: [0, numJL(a.of)] }, b.rateBp] }, 10000] }] }, a.capFen));
      return { if: [...args, 0] };
    }
    case 'choose': return { if: [...a.cases.flatMap((c) => [ruleJL(c.when), amountJL(c.then)]), amountJL(a.otherwise)] };
  }
}
function leavesOf(rule: Rule, out: Left[] = []): Left[] {
  if (isCondition(rule)) out.push(rule.left);
  else if ('not' in rule) leavesOf(rule.not, out);
  else for (const k of 'all' in rule ? rule.all : rule.any) leavesOf(k, out);
  return out;
}
function runJsonLogic(count: number) {
  const out = newOut(count);
  const t0 = performance.now();
  const engine = new LogicEngine();
  engine.addMethod('floor', ([x]: [number]) => Math.floor(x), { deterministic: true });
  engine.addMethod('typeof', ([x]: [unknown]) => typeof x, { deterministic: true });
  engine.addMethod('age', ([d, s]: [unknown, string]) => (typeof d === 'string' && d.length >= 10 ? ageAt(d, s) : null), { deterministic: true });
  const built = POLICIES.map((p) => ({
    ok: engine.build(ruleJL(p.terms.eligibility) as never) as (d: unknown) => unknown,
    amount: engine.build(amountJL(p.terms.amount) as never) as (d: unknown) => unknown,
    // The explanation: each condition's value, evaluated by its own compiled expression.
    leaves: leavesOf(p.terms.eligibility).map((l) => engine.build(leftJL(l) as never) as (d: unknown) => unknown),
  }));
  const P = built.length;
  let conditions = 0;
  for (let i = 0; i < count; i++) {
    const f = firms[i];
    for (let j = 0; j < P; j++) {
      const b = built[j];
      const values = b.leaves.map((g) => g(f));
      conditions += values.length;
      const ok = !!b.ok(f);
      out.ok[i * P + j] = ok ? 1 : 0;
      out.fen[i * P + j] = ok ? Number(b.amount(f)) : 0;
    }
  }
  return { out, ms: performance.now() - t0, conditions };
}

// ---------------------------------------------------------------- 3. json-rules-engine
const JRE_OPS: Record<string, string> = { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan', '==': 'equal', '!=': 'notEqual', in: 'in' };
const factId = (l: Left) => (l.kind === 'fact' ? l.fact : l.kind === 'ratio' ? `ratio:${l.num}/${l.den}` : `age:${l.fact}`);
type JreCond = Record<string, unknown>;
function ruleJRE(rule: Rule): JreCond {
  if (isCondition(rule)) {
    const t = resolveValue(rule.value, SNAPSHOT);
    // equal/notEqual on a missing fact: our semantics fail every comparison with no data.
    const cmp = { fact: factId(rule.left), operator: JRE_OPS[rule.op], value: t };
    return rule.op === '!=' ? { all: [cmp, { fact: factId(rule.left), operator: 'notEqual', value: null }] } : cmp;
  }
  if ('not' in rule) return { not: ruleJRE(rule.not) };
  if ('all' in rule) return { all: rule.all.map(ruleJRE) };
  return { any: rule.any.map(ruleJRE) };
}
const wrap = (c: JreCond) => ('all' in c || 'any' in c ? c : { all: [c] });
/** The amount's branch decisions as rules: `${policy}|${path}` fires when that branch is taken. */
function branchRules(code: string, a: Amount, path: string, out: { name: string; conditions: JreCond }[]) {
  if (a.kind === 'choose') {
    a.cases.forEach((c, i) => { out.push({ name: `${code}|${path}c${i}`, conditions: wrap(ruleJRE(c.when)) }); branchRules(code, c.then, `${path}c${i}.`, out); });
    branchRules(code, a.otherwise, `${path}o.`, out);
  } else if (a.kind === 'bands') {
    a.bands.forEach((b, i) => out.push({ name: `${code}|${path}b${i}`, conditions: { all: [{ fact: a.by, operator: 'greaterThanInclusive', value: b.minFen }] } }));
  }
}
/** The fen arithmetic json-rules-engine cannot do, on the branches its rules decided. */
function amountFromBranches(code: string, a: Amount, path: string, fired: Set<string>, f: Facts): number {
  const n = (k: string) => (typeof f[k] === 'number' ? (f[k] as number) : 0);
  const capped = (x: number, c?: number) => (c !== undefined && x > c ? c : x);
  switch (a.kind) {
    case 'fixed': return a.fen;
    case 'perUnit': return capped(Math.max(0, Math.floor(n(a.fact))) * a.fenPerUnit, a.capFen);
    case 'percent': return capped(Math.floor((Math.max(0, n(a.of)) * a.rateBp) / 10000), a.capFen);
    case 'bands': {
      let best = -1;
      a.bands.forEach((b, i) => { if (fired.has(`${code}|${path}b${i}`) && (best < 0 || b.minFen > a.bands[best].minFen)) best = i; });
      return best < 0 ? 0 : capped(Math.floor((Math.max(0, n(a.of)) * a.bands[best].rateBp) / 10000), a.capFen);
    }
    case 'choose': {
      for (let i = 0; i < a.cases.length; i++) if (fired.has(`${code}|${path}c${i}`)) return amountFromBranches(code, a.cases[i].then, `${path}c${i}.`, fired, f);
      return amountFromBranches(code, a.otherwise, `${path}o.`, fired, f);
    }
  }
}
async function runRulesEngine(count: number) {
  const out = newOut(count);
  const t0 = performance.now();
  const engine = new Engine([], { allowUndefinedFacts: true });
  const derived = new Set<string>();
  const addDerived = (rule: Rule) => {
    for (const l of leavesOf(rule)) {
      const id = factId(l);
      if (l.kind === 'fact' || derived.has(id)) continue;
      derived.add(id);
      if (l.kind === 'ratio') {
        engine.addFact(id, async (_p: unknown, al: { factValue: (k: string) => Promise<unknown> }) => {
          const [x, y] = await Promise.all([al.factValue(l.num), al.factValue(l.den)]);
          return typeof x === 'number' && typeof y === 'number' && y !== 0 ? x / y : null;
        });
      } else {
        engine.addFact(id, async (_p: unknown, al: { factValue: (k: string) => Promise<unknown> }) => { const d = await al.factValue(l.fact); return typeof d === 'string' ? ageAt(d, SNAPSHOT) : null; });
      }
    }
  };
  for (const p of POLICIES) {
    addDerived(p.terms.eligibility);
    engine.addRule({ name: p.code, conditions: wrap(ruleJRE(p.terms.eligibility)) as never, event: { type: p.code } });
    const br: { name: string; conditions: JreCond }[] = [];
    branchRules(p.code, p.terms.amount, '', br);
    for (const b of br) engine.addRule({ name: b.name, conditions: b.conditions as never, event: { type: b.name } });
  }
  const P = POLICIES.length;
  let conditions = 0;
  for (let i = 0; i < count; i++) {
    const f = firms[i];
    const { results, failureResults } = await engine.run({ ...f });
    const fired = new Set(results.map((x) => x.name as string));
    // Its explanation: every condition's fact result, in results and failureResults.
    for (const x of [...results, ...failureResults]) conditions += JSON.stringify(x.conditions).length > 0 ? 1 : 0;
    for (let j = 0; j < P; j++) {
      const p = POLICIES[j];
      const ok = fired.has(p.code);
      out.ok[i * P + j] = ok ? 1 : 0;
      out.fen[i * P + j] = ok ? amountFromBranches(p.code, p.terms.amount, '', fired, f) : 0;
    }
  }
  return { out, ms: performance.now() - t0, conditions };
}

// ---------------------------------------------------------------- run, compare, report
function diff(a: Out, b: Out, count: number, name: string): number {
  const P = POLICIES.length;
  let bad = 0;
  for (let k = 0; k < count * P; k++) {
    if (a.ok[k] !== b.ok[k] || a.fen[k] !== b.fen[k]) {
      if (bad < 5) console.error(`DIFF ${name}: firm ${Math.floor(k / P)} policy ${POLICIES[k % P].code}: ours ${a.ok[k]}/${a.fen[k]} vs ${b.ok[k]}/${b.fen[k]}`);
      bad++;
    }
  }
  return bad;
}

// Sanity: the predicate compiler agrees with the explaining one on eligibility.
for (const p of POLICIES) { const pr = compilePredicate(p.terms.eligibility, SNAPSHOT); const cp = compilePolicy(p.terms, SNAPSHOT); for (let i = 0; i < 1000; i++) if (pr(firms[i]) !== cp.evaluate(firms[i]).ok) { console.error(`predicate mismatch ${p.code}`); process.exit(1); } }
void compileAmount;

// Warm-up on a prefix, then the timed runs.
runOurs(Math.min(FIRMS, 10_000));
runJsonLogic(Math.min(FIRMS, 10_000));
await runRulesEngine(Math.min(JRE_FIRMS, 500));

const ours = runOurs(FIRMS);
const jl = runJsonLogic(FIRMS);
const jre = await runRulesEngine(JRE_FIRMS);
const evals = FIRMS * POLICIES.length;
const jreScaled = (jre.ms / JRE_FIRMS) * FIRMS;

let paid = 0;
for (let k = 0; k < ours.out.fen.length; k++) paid += ours.out.fen[k];
console.log(`results (ours): ${fmt(ours.eligible)} eligible, ${fmt(ours.near)} near misses (failed exactly one condition), ${fmt(ours.conditions)} condition values computed, ${fmt(ours.kept)} explanations kept (eligible + near misses), ${fmt(paid / 100)} 元`);
console.log('');
console.log(`engine                          firms     time (ms)   evaluations/s   vs ours`);
const line = (name: string, n: number, ms: number, note = '') => console.log(`${name.padEnd(30)} ${fmt(n).padStart(8)} ${fmt(ms).padStart(11)} ${fmt((n * POLICIES.length) / (ms / 1000)).padStart(15)}   ${(ms / ours.ms).toFixed(1).padStart(6)}×${note}`);
line('ours (compiled closures)', FIRMS, ours.ms);
line('json-logic-engine build()', FIRMS, jl.ms);
line('json-rules-engine run()', FIRMS, jreScaled, JRE_FIRMS < FIRMS ? `   (measured on ${fmt(JRE_FIRMS)} firms in ${fmt(jre.ms)} ms, scaled ×${(FIRMS / JRE_FIRMS).toFixed(0)})` : '');
console.log('');

const d1 = diff(ours.out, jl.out, FIRMS, 'json-logic-engine');
const d2 = diff(ours.out, jre.out, JRE_FIRMS, 'json-rules-engine');
console.log(`differences in eligibility or amount: json-logic-engine ${d1} of ${fmt(evals)}, json-rules-engine ${d2} of ${fmt(JRE_FIRMS * POLICIES.length)}`);
const goalTime = ours.ms < 1000;
const goalRatio = jreScaled / ours.ms >= 50;
console.log(`goal: whole scan < 1 s — ${goalTime ? 'met' : 'NOT met'} (${fmt(ours.ms)} ms); ≥ 50× json-rules-engine — ${goalRatio ? 'met' : 'NOT met'} (${(jreScaled / ours.ms).toFixed(0)}×)`);
if (d1 + d2 > 0) process.exit(1);
