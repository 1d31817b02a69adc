import { describe, expect, it } from 'vitest';
import { validToOf } from './enforcement-credentials.service';

describe('a card’s validity', () => {
  it('runs through the day before the same date N years on', () => {
    expect(validToOf('2026-03-15', 5)).toBe('2031-03-14');
    expect(validToOf('2026-01-01', 3)).toBe('2028-12-31');
  });
  it('issued on 29 February, runs through 28 February of a common year and 28 February of a leap one', () => {
    expect(validToOf('2024-02-29', 5)).toBe('2029-02-28');
    expect(validToOf('2024-02-29', 4)).toBe('2028-02-28');
  });
});
