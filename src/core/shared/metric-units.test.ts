import { describe, expect, it } from 'vitest';
import { formatMetric, metricValue } from './metric-units';

describe('metric units', () => {
  it('gives a per-10,000 figure its value per 10,000 and none without a denominator', () => {
    expect(metricValue('perTenThousand', 423, 100_000)).toBeCloseTo(42.3, 10);
    expect(metricValue('perTenThousand', 423, null)).toBeNull();
    expect(metricValue('perTenThousand', 0, 0)).toBeNull();
    expect(metricValue('rate', 1, 4)).toBe(0.25);
    expect(metricValue('count', 7, null)).toBe(7);
    expect(metricValue('ratio', 13, 10)).toBe(1.3);
    expect(metricValue('ratio', 13, 0)).toBeNull();
  });
  it('writes each unit as a reader sees it', () => {
    expect(formatMetric({ unit: 'perTenThousand', numerator: 423, denominator: 100_000 })).toBe('42.3件/万人');
    expect(formatMetric({ unit: 'perTenThousand', numerator: 423, denominator: null })).toBe('—');
    expect(formatMetric({ unit: 'rate', numerator: 17, denominator: 29 })).toBe('58.62%');
    expect(formatMetric({ unit: 'count', numerator: 12, denominator: null })).toBe('12');
    // A ratio (户均检查次数) is a quotient, never a percentage: 13 visits to 10 firms is 1.3, not 130%.
    expect(formatMetric({ unit: 'ratio', numerator: 13, denominator: 10 })).toBe('1.3');
    expect(formatMetric({ unit: 'ratio', numerator: 2, denominator: 3 })).toBe('0.67');
    expect(formatMetric({ unit: 'ratio', numerator: 4, denominator: 2 })).toBe('2');
    expect(formatMetric({ unit: 'ratio', numerator: 4, denominator: null })).toBe('—');
  });
});
