/**
 * How figures are written in a 法治政府建设年度报告, following the register of the published reports:
 * counts in full digits ("受理12345热线工单19085件", "线上办理120564件"), very large counts in 万
 * ("1286.5万元"), rates as percentages with at most two decimals and no trailing zeros ("94.05%",
 * "58.6%", "100%"), rounded half-up on the exact fraction.
 */
import { formatPerTenThousandNumber, PER_TEN_THOUSAND_SUFFIX } from '../../../core/shared/metric-units';

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) throw new Error('not a number');
  if (Math.abs(n) >= 1_000_000) return `${trimZeros((n / 10_000).toFixed(2))}万`;
  return String(Math.round(n));
}

/** An amount in 万 with at most two decimals, rounded half-up on the exact value (12,345.6 → "1.23"). */
export function formatWan(n: number): string {
  if (!Number.isFinite(n)) throw new Error('not a number');
  // n in 元; one hundredth of 万 is 100元 = 10,000 fen: round half-up in integer fen.
  const hundredths = Math.floor((Math.round(n * 100) + 5_000) / 10_000);
  return trimZeros((hundredths / 100).toFixed(2));
}

/** numerator/denominator as a percentage, rounded half-up at two decimals using integer arithmetic. */
export function formatRate(numerator: number, denominator: number): string {
  if (denominator <= 0) throw new Error('empty denominator');
  // Scaled integer maths: 17/29 → 5862.07 → 5862 hundredths of a percent, no float drift at .005.
  const scaled = Math.floor((numerator * 1_000_000) / denominator); // percent × 10^4
  const hundredths = Math.floor((scaled + 50) / 100);
  return `${trimZeros((hundredths / 100).toFixed(2))}%`;
}

/**
 * A count per 10,000 of a population, as the reports write 万人调解率 ("42.3件/万人"): at most two decimals,
 * no trailing zeros, half-up on the exact fraction (the kernel's rule, core/shared/metric-units.ts).
 */
export function formatPerTenThousand(numerator: number, denominator: number): string {
  return `${formatPerTenThousandNumber(numerator, denominator)}${PER_TEN_THOUSAND_SUFFIX}`;
}

const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** 2026 → 二〇二六 (公文 dates and titles). */
export function chineseYear(y: number): string {
  return String(y).split('').map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
}
