import { describe, expect, it } from 'vitest';
import { chineseYear, formatCount, formatPerTenThousand, formatRate, formatWan } from './number-format';

describe('report number formatting', () => {
  it('writes rates the way the seeds do', () => {
    expect(formatRate(17, 29)).toBe('58.62%');
    expect(formatRate(2248, 2311)).toBe('97.27%');
    expect(formatRate(29, 29)).toBe('100%');
    expect(formatRate(1, 8)).toBe('12.5%');
    expect(formatRate(1, 200)).toBe('0.5%');
    expect(formatRate(1, 3)).toBe('33.33%');
    expect(formatRate(2, 3)).toBe('66.67%');
    expect(() => formatRate(0, 0)).toThrow();
  });
  it('writes counts in full and very large ones in 万', () => {
    expect(formatCount(120564)).toBe('120564');
    expect(formatCount(19085)).toBe('19085');
    expect(formatCount(12_865_000)).toBe('1286.5万');
    expect(chineseYear(2026)).toBe('二〇二六');
  });
  it('writes money in 万 with at most two decimals, rounded half-up in integer fen (兑现资金12.35万元)', () => {
    expect(formatWan(123_456.78)).toBe('12.35');
    expect(formatWan(12_345.6)).toBe('1.23');
    expect(formatWan(12_350)).toBe('1.24'); // 1.235 rounds up
    expect(formatWan(1_000_000)).toBe('100');
    expect(formatWan(17_280.3)).toBe('1.73');
  });
  it('writes a per-10,000 figure as the reports write 万人调解率, half-up at two decimals', () => {
    expect(formatPerTenThousand(423, 100_000)).toBe('42.3件/万人');
    expect(formatPerTenThousand(5299, 400_000)).toBe('132.48件/万人'); // 132.475 rounds up
    expect(formatPerTenThousand(4, 20_000)).toBe('2件/万人');
    expect(formatPerTenThousand(1, 3)).toBe('3333.33件/万人');
    expect(() => formatPerTenThousand(5, 0)).toThrow();
  });
});
