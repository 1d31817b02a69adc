/**
 * Deterministic synthetic register (mulberry32): the demo seed and the benchmark draw the same kind of
 * county — mostly small firms, a few per cent in each list (高企, 专精特新, 首次入规…), some near misses
 * (11 months of premiums, a layoff rate just over 5.5%) and some exclusions (经营异常, 严重失信).
 */
import { residentIdCheckChar } from '../../../core/shared/ids';
import type { Facts } from './benefits.facts';

export function prng(seed: number) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// GB 32100-2015 check character: weights 3^i mod 31 over the 31-character alphabet.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 统一社会信用代码 (enterprise, 91 + division + 组织机构代码 with its own check + check char). */
export function creditCodeFor(division6: string, serial: number): string {
  const body8 = String(serial % 1e8).padStart(8, '0');
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(body8[i]) * ORG_W[i];
  const c9 = 11 - (s % 11);
  const org = body8 + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  const first17 = `91${division6}${org}`;
  let t = 0;
  for (let i = 0; i < 17; i++) t += USCC_CHARS.indexOf(first17[i]) * USCC_W[i];
  const c = (31 - (t % 31)) % 31;
  return first17 + USCC_CHARS[c];
}

/** A valid 公民身份号码 for a birth date (YYYY-MM-DD). */
export function residentIdFor(division6: string, birth: string, serial: number): string {
  const first17 = `${division6}${birth.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const pick = <T,>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

/** One enterprise's facts for the year of `snapshot` (YYYY-MM-DD). */
export function syntheticFirm(r: () => number, snapshotYear: number): Facts {
  const u = r();
  const scale = u < 0.01 ? '大型' : u < 0.08 ? '中型' : u < 0.35 ? '小型' : '微型';
  const avg = scale === '大型' ? 300 + Math.floor(r() * 2000) : scale === '中型' ? 100 + Math.floor(r() * 200) : scale === '小型' ? 10 + Math.floor(r() * 90) : 1 + Math.floor(r() * 10);
  const layoffRoll = r();
  const claimants = layoffRoll < 0.8 ? 0 : layoffRoll < 0.9 ? Math.ceil(avg * 0.055 * (0.5 + r())) : Math.floor(avg * r() * 0.3);
  const industry = pick(r, ['C', 'C', 'C', 'F', 'F', 'H', 'B', 'D', 'E', 'G', 'I', 'L', 'M'] as const);
  const premiumFen = Math.round(avg * 12 * (80 + r() * 120)) * 100;
  const tax = Math.floor(r() ** 3 * 20_000) * 100_000; // 0–2亿元 in fen, heavily skewed to small
  const months = r() < 0.85 ? 12 : r() < 0.5 ? 11 : Math.floor(r() * 11);
  return {
    regStatus: r() < 0.97 ? '存续' : pick(r, ['注销', '吊销'] as const),
    abnormal: r() < 0.03,
    dishonest: r() < 0.01,
    scale,
    industry,
    private: r() < 0.9,
    siPaidMonths: months,
    siAvgInsured: avg,
    siNewClaimants: claimants,
    siPremiumFen: premiumFen,
    aboveScaleYear: industry <= 'D' && r() < 0.05 ? snapshotYear - 1 - (r() < 0.5 ? 0 : 1 + Math.floor(r() * 5)) : null,
    tradeLimitYear: (industry === 'F' || industry === 'H') && r() < 0.05 ? snapshotYear - 1 - (r() < 0.5 ? 0 : 1 + Math.floor(r() * 5)) : null,
    revenueFen: Math.floor(r() ** 2 * 8000) * 1_000_000,
    hnteYear: r() < 0.04 ? snapshotYear - Math.floor(r() * 3) : null,
    hnteKind: r() < 0.6 ? '首次' : '重新',
    srdiLevel: r() < 0.02 ? (r() < 0.2 ? '国家级' : '省级') : null,
    srdiYear: r() < 0.5 ? snapshotYear : snapshotYear - 1,
    graduatesHired: r() < 0.06 ? 1 + Math.floor(r() * 150) : 0,
    convertedYear: r() < 0.02 ? snapshotYear - 1 : null,
    taxNormal: r() < 0.95,
    patentsLastYear: r() < 0.05 ? 1 + Math.floor(r() * 30) : 0,
    taxPaidFen: tax,
    taxPerMuFen: Math.floor(r() * 600_000) * 100,
    vatIncrementFen: Math.floor(tax * r() * 0.3),
  };
}

/** One person's facts: mostly the county's elderly population the 高龄津贴 scans. */
export function syntheticPerson(r: () => number, snapshotYear: number): Facts & { birthDate: string } {
  const age = 60 + Math.floor(r() ** 1.5 * 45);
  const m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28);
  return {
    birthDate: `${snapshotYear - age}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    hukouLocal: r() < 0.95,
    deceased: r() < 0.02,
  };
}
