/**
 * The report checker: finds the numeric claims in a published 法治政府建设年度报告 and recomputes each from
 * the numbers the text itself gives. Reports are compiled by hand and their arithmetic is sometimes
 * wrong; a checker that cries wolf is worse than none, so a claim is `mismatch` only when the text gives
 * every number needed and the stated figure is beyond rounding (or truncation) at its own precision.
 *
 * Claims recognised, within one sentence (split at 。；！？ and line breaks):
 *  - shares: "…共2311项，其中不见面审批事项2248项，占比97.27%" — part ÷ whole;
 *  - named rates beside their counts: "受理…29件，直接纠错案件17件，纠错率58.6%" — the count whose clause
 *    names the rate's stem (纠错) ÷ the sentence's first count in the same unit;
 *  - parts of a whole: "现行有效的31件…，继续有效25件，废止4件，剔除目录2件" — consecutive same-unit
 *    parts right after the total must add up to it.
 * Every other percentage is reported as `unverifiable`. Approximate numbers (余, 多, 约, 近) never verify.
 */
export type ClaimStatus = 'ok' | 'mismatch' | 'unverifiable';
export type Claim = { text: string; stated: number; computed: number | null; status: ClaimStatus; kind: 'share' | 'rate' | 'sum' | 'percent' };

type Num = { value: number; unit: string; approx: boolean; start: number; end: number; raw: string };

const UNITS = '件|项|次|个|人次|人|条|份|家|场次|场|起|名|期|批|篇|本|户|所|处|万元|元|学时|宗|单|封|座|台|套|天|个工作日|工作日';
// A per-10,000 figure ("万人调解率42.3件/万人") is no count: it takes part in no sum or share.
const NUM_RE = new RegExp(`(约|近|超过|逾)?(\\d+(?:\\.\\d+)?)(万|亿)?(余|多)?(${UNITS})(?![/／]万人)`, 'g');
const PER_TEN_THOUSAND_RE = /\d+(?:\.\d+)?件[/／]万人/g;
const PCT_RE = /(\d+(?:\.\d+)?)\s*[%％]/g;

export function splitSentences(text: string): string[] {
  return text.split(/[。；;！？!?\n\r]+/).map((s) => s.trim()).filter(Boolean);
}

function numbersIn(sentence: string): Num[] {
  const out: Num[] = [];
  for (const m of sentence.matchAll(NUM_RE)) {
    const scale = m[3] === '万' ? 1e4 : m[3] === '亿' ? 1e8 : 1;
    // "1.2万件" is stated to 0.1万: approximate for arithmetic purposes.
    const approx = Boolean(m[1] || m[4]) || (scale > 1 && m[2].includes('.'));
    out.push({ value: Number(m[2]) * scale, unit: m[5], approx, start: m.index!, end: m.index! + m[0].length, raw: m[0] });
  }
  return out;
}

const decimals = (s: string) => (s.includes('.') ? s.split('.')[1].length : 0);

/** Within rounding (half-up) or truncation at the stated precision. */
export function agrees(computedPct: number, statedRaw: string): boolean {
  const stated = Number(statedRaw);
  const d = decimals(statedRaw);
  const f = 10 ** d;
  const eps = 1e-9;
  if (Math.abs(computedPct - stated) <= 0.5 / f + eps) return true;
  return Math.floor(computedPct * f + eps) / f === stated;
}

/** Clause boundaries: the parts of a sentence between commas. */
function clauseOf(sentence: string, pos: number): [number, number] {
  const seps = /[，,、：:（）()]/g;
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(seps)) {
    if (m.index! < pos) start = m.index! + 1;
    else { end = m.index!; break; }
  }
  return [start, end];
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function checkPercent(sentence: string, m: RegExpMatchArray, nums: Num[]): Claim {
  const statedRaw = m[1];
  const stated = Number(statedRaw);
  const at = m.index!;
  const before = nums.filter((n) => n.end <= at);
  const [cStart] = clauseOf(sentence, at);
  const clause = sentence.slice(cStart, at);
  // The claim's text runs from the clause of the first number it uses to the percentage.
  const span = (from: number) => sentence.slice(clauseOf(sentence, from)[0], at + m[0].length).trim();
  const text = span(cStart);
  const unverifiable = (kind: Claim['kind']): Claim => ({ text, stated, computed: null, status: 'unverifiable', kind });

  // Increases and decreases need last year's figure, which reports rarely give in the same sentence.
  if (/(增长|下降|增加|减少|提高|降低|同比|环比)\s*$/.test(sentence.slice(Math.max(0, at - 6), at))) return unverifiable('percent');

  // Share: 占比 / 占…的 / 比例为
  if (/(占比|占[^，,。]{0,12}的?|比例为|比例达|比重为?)\s*(达到|达|为)?\s*$/.test(clause)) {
    const namesWhole = /占([^，,。比]{1,12})的\s*$/.exec(clause);
    if (before.length < 2 || namesWhole) return unverifiable('share');
    const part = before[before.length - 1];
    const whole = before.find((n) => n.unit === part.unit && n !== part && n.value >= part.value);
    if (!whole || part.approx || whole.approx || whole.value === 0) return unverifiable('share');
    const computed = (part.value / whole.value) * 100;
    return { text: span(whole.start), stated, computed: round(computed), status: agrees(computed, statedRaw) ? 'ok' : 'mismatch', kind: 'share' };
  }

  // Named rate: 纠错率 / 办结率 / 审结率 / 答复率 / 通过率 …
  const rate = /([\u4e00-\u9fa5]{1,4})率\s*(达到|达|为|是|保持在|保持|始终保持在)?\s*$/.exec(clause);
  if (rate) {
    // The count must be named by the rate's own stem (纠错率 ← "纠错案件17件"); a shorter stem would
    // confuse 按时办结率 with 办结. Leading qualifiers (总, 综合 …) are not part of the name.
    const stemFull = rate[1].replace(/^(总|综合|平均|整体|全年|年度)/, '');
    for (const stem of [...new Set([rate[1], stemFull])].filter((x) => x.length >= 2)) {
      const numerator = [...before].reverse().find((n) => {
        const [s, e] = clauseOf(sentence, n.start);
        return sentence.slice(s, e).includes(stem) && !sentence.slice(s, e).includes(`${stem}率`);
      });
      if (!numerator) continue;
      const denominator = before.find((n) => n.unit === numerator.unit && n !== numerator && n.start < numerator.start && n.value >= numerator.value);
      if (!denominator || numerator.approx || denominator.approx || denominator.value === 0) return unverifiable('rate');
      const computed = (numerator.value / denominator.value) * 100;
      return { text: span(denominator.start), stated, computed: round(computed), status: agrees(computed, statedRaw) ? 'ok' : 'mismatch', kind: 'rate' };
    }
    return unverifiable('rate');
  }
  return unverifiable('percent');
}

function checkSums(sentence: string, nums: Num[]): Claim[] {
  const claims: Claim[] = [];
  for (let i = 0; i < nums.length; i++) {
    const total = nums[i];
    // Consecutive same-unit counts immediately after the total, each in its own clause.
    const parts: Num[] = [];
    for (let j = i + 1; j < nums.length; j++) {
      if (nums[j].unit !== total.unit) break;
      const gap = sentence.slice(parts.length ? parts[parts.length - 1].end : total.end, nums[j].start);
      if (/\d|[%％]/.test(gap.replace(PER_TEN_THOUSAND_RE, ''))) break;
      parts.push(nums[j]);
    }
    if (parts.length < 2) continue;
    // A breakdown may be followed by other counts in the same unit ("其中网上74444件，窗口45556件，办结115062件"):
    // the shortest run of at least two parts that adds up to the whole is the breakdown.
    let acc = parts[0].value;
    const exact = parts.findIndex((p, k) => k > 0 && (acc += p.value) === total.value);
    if (exact > 0) parts.splice(exact + 1);
    const sum = parts.reduce((s, p) => s + p.value, 0);
    const between = sentence.slice(total.end, parts[0].start);
    const cue = /(其中|分别|包括|包含|：|:)/.test(between);
    const text = sentence.slice(clauseOf(sentence, total.start)[0], parts[parts.length - 1].end);
    if (total.approx || parts.some((p) => p.approx)) continue;
    if (sum === total.value) {
      claims.push({ text, stated: total.value, computed: sum, status: 'ok', kind: 'sum' });
      i += parts.length;
    } else if (Math.abs(sum - total.value) <= 0.1 * total.value || (cue && sum > total.value)) {
      // Parts this close to the whole are meant to add up to it; parts that exceed a whole they are
      // explicitly "其中" of cannot be right either. Anything else is a list, not a breakdown.
      claims.push({ text, stated: total.value, computed: sum, status: 'mismatch', kind: 'sum' });
      i += parts.length;
    }
  }
  return claims;
}

export function checkReport(text: string): { claims: Claim[] } {
  const claims: Claim[] = [];
  for (const sentence of splitSentences(text)) {
    const nums = numbersIn(sentence);
    for (const m of sentence.matchAll(PCT_RE)) claims.push(checkPercent(sentence, m, nums));
    claims.push(...checkSums(sentence, nums));
  }
  return { claims };
}
