/**
 * The units a metric's value is stated in, and how each is written on screen and in reports. A rate is a
 * share (value = numerator ÷ denominator, written as a percentage); a per-10,000 figure is a count per
 * 10,000 of a population (value = numerator ÷ denominator × 10,000, written "42.3件/万人" — 万人调解率 is
 * stated this way in the reports); a ratio is a plain quotient that is not a share (户均检查次数 1.3 — never
 * "130%"), written with up to two decimals. All three have no value — never 0 — when the denominator is empty or absent.
 */
export const METRIC_UNITS = ['count', 'rate', 'perTenThousand', 'ratio'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Units whose value divides by a denominator (and so has numerator and denominator records). */
export const isRatio = (unit: MetricUnit) => unit !== 'count';

export function metricValue(unit: MetricUnit, numerator: number, denominator: number | null): number | null {
  if (unit === 'count') return numerator;
  if (!denominator) return null;
  return unit === 'perTenThousand' ? (numerator / denominator) * 10_000 : numerator / denominator;
}

const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/**
 * numerator ÷ denominator × 10,000 with at most two decimals and no trailing zeros, rounded half-up on the
 * exact fraction in integer arithmetic (5299 ÷ 400,000 × 10,000 = 132.475 → "132.48").
 */
export function formatPerTenThousandNumber(numerator: number, denominator: number): string {
  if (denominator <= 0) throw new Error('empty denominator');
  const scaled = Math.floor((numerator * 10_000 * 1_000) / denominator); // per 10,000 × 10^3
  const hundredths = Math.floor((scaled + 5) / 10);
  return trimZeros((hundredths / 100).toFixed(2));
}

/** numerator ÷ denominator with at most two decimals, rounded half-up in integer arithmetic (13 ÷ 10 → "1.3"). */
export function formatRatioNumber(numerator: number, denominator: number): string {
  if (denominator <= 0) throw new Error('empty denominator');
  const hundredths = Math.floor((Math.floor((numerator * 1_000) / denominator) + 5) / 10);
  return trimZeros((hundredths / 100).toFixed(2));
}

/** The unit's words after the number: "件/万人" for per-10,000 figures (the reports' wording). */
export const PER_TEN_THOUSAND_SUFFIX = '件/万人';

/** A figure as a reader sees it: "37", "58.6%", "42.3件/万人", or "—" when the data cannot support it. */
export function formatMetric(m: { unit: MetricUnit; numerator: number; denominator: number | null }): string {
  if (m.unit === 'count') return String(m.numerator);
  if (!m.denominator) return '—';
  if (m.unit === 'perTenThousand') return `${formatPerTenThousandNumber(m.numerator, m.denominator)}${PER_TEN_THOUSAND_SUFFIX}`;
  if (m.unit === 'ratio') return formatRatioNumber(m.numerator, m.denominator);
  const hundredths = Math.floor((Math.floor((m.numerator * 1_000_000) / m.denominator) + 50) / 100);
  return `${trimZeros((hundredths / 100).toFixed(2))}%`;
}
