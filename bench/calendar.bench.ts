/**
 * Working-day arithmetic: our precomputed index (WorkCalendar.addWorkdays) against chinese-days'
 * findWorkday(N, date) on the same 1,000,000 seeded random (date, N) pairs: dates 2019-01-01..2025-10-31,
 * N in 0..60, so every answer lies inside the bundled data (≤ 2026-01). Every answer is compared; the
 * script exits 1 on any disagreement.
 *
 * One known difference is a convention, not a disagreement, and is reported separately: for N = 0 on a
 * rest day chinese-days returns the next working day, our contract returns the start date itself.
 *
 * Run: npx tsx bench/calendar.bench.ts [--pairs=N]      (npm run bench:calendar)
 */
import { cpus } from 'node:os';
import chineseDays from 'chinese-days';
import { defaultCalendar, formatIsoDate, parseIsoDate } from '../src/core/shared/calendar';

const pairsArg = process.argv.find((a) => a.startsWith('--pairs='));
const PAIRS = pairsArg ? Number(pairsArg.split('=')[1]) : 1_000_000;
if (!Number.isSafeInteger(PAIRS) || PAIRS < 1) throw new Error(`bad --pairs: ${pairsArg}`);
const PEER_WARMUP = Math.min(20_000, PAIRS);
const PEER_BUDGET_MS = 10 * 60_000; // scale the peer down only if the full set would take longer than this

// Deterministic PRNG (mulberry32): both sides and every run see the same pairs.
let seed = 20261123;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const cal = defaultCalendar();
const first = parseIsoDate('2019-01-01');
const span = parseIsoDate('2025-10-31') - first + 1;
const dates: string[] = new Array(PAIRS);
const ns = new Int32Array(PAIRS);
for (let i = 0; i < PAIRS; i++) {
  dates[i] = formatIsoDate(first + Math.floor(rand() * span));
  ns[i] = Math.floor(rand() * 61);
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const ours = (i: number) => cal.addWorkdays(dates[i], ns[i]);
const peer = (i: number) => chineseDays.findWorkday(ns[i], dates[i]);

function run(f: (i: number) => string, count: number): { out: string[]; ms: number } {
  const out: string[] = new Array(count);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) out[i] = f(i);
  return { out, ms: performance.now() - t0 };
}

console.log(`calendar bench: ${fmt(PAIRS)} pairs, dates 2019-01-01..2025-10-31, N 0..60, seed 20261123`);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`);

// Warm-up: ours on the full set (cheap), the peer on its first PEER_WARMUP pairs (a full peer warm-up
// would double a run of about a minute); then the timed runs.
run(ours, PAIRS);
const peerWarm = run(peer, PEER_WARMUP);
const a = run(ours, PAIRS);
const projectedPeerMs = (peerWarm.ms / PEER_WARMUP) * PAIRS;
const peerCount = projectedPeerMs <= PEER_BUDGET_MS ? PAIRS : Math.max(PEER_WARMUP, Math.floor((PEER_BUDGET_MS / projectedPeerMs) * PAIRS));
if (peerCount < PAIRS) {
  console.log(`NOTE: chinese-days projected at ${(projectedPeerMs / 60_000).toFixed(1)} min for the full set; measuring it on the first ${fmt(peerCount)} pairs only`);
}
const b = run(peer, peerCount);

const oursRate = PAIRS / (a.ms / 1000);
const peerRate = peerCount / (b.ms / 1000);
console.log(`zhengtong    addWorkdays  ${fmt(PAIRS).padStart(9)} pairs in ${a.ms.toFixed(0).padStart(6)} ms = ${fmt(oursRate).padStart(11)} ops/s`);
console.log(`chinese-days findWorkday  ${fmt(peerCount).padStart(9)} pairs in ${b.ms.toFixed(0).padStart(6)} ms = ${fmt(peerRate).padStart(11)} ops/s`);

let disagreements = 0;
let convention = 0;
const shown: string[] = [];
for (let i = 0; i < peerCount; i++) {
  if (a.out[i] === b.out[i]) continue;
  if (ns[i] === 0 && a.out[i] === dates[i] && !cal.isWorkday(dates[i]) && b.out[i] === cal.nextWorkday(dates[i])) { convention++; continue; }
  disagreements++;
  if (shown.length < 5) shown.push(`  ${dates[i]} + ${ns[i]}: zhengtong ${a.out[i]}, chinese-days ${b.out[i]}`);
}
console.log(`compared ${fmt(peerCount)} answers: disagreements ${disagreements}; N=0-on-a-rest-day convention differences ${fmt(convention)} (expected: chinese-days returns the next working day, we return the start)`);
for (const s of shown) console.log(s);
const ratio = oursRate / peerRate;
console.log(`speed ratio zhengtong / chinese-days: ${ratio.toFixed(1)}x (goal >= 100x: ${ratio >= 100 ? 'met' : 'NOT met'})`);
if (disagreements > 0) process.exit(1);
