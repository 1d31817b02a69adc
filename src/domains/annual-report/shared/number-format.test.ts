import { describe, expect, it } from 'vitest';
import { chineseYear, formatCount, formatRate } from './number-format';

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
});
