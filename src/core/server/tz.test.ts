import { afterEach, describe, expect, it } from 'vitest';
import { isoWithOffset, utcOffset } from './tz';
import { dayEnd, dayStart, setPeriodZone } from './sql-scope';

afterEach(() => setPeriodZone('Asia/Shanghai'));

describe('local times in the kernel zone', () => {
  it('writes an instant with the zone offset, as Open311 wants it', () => {
    expect(utcOffset('Asia/Shanghai', new Date('2026-12-07T16:30:00Z'))).toBe('+08:00');
    expect(isoWithOffset('Asia/Shanghai', new Date('2026-12-07T16:30:00Z'))).toBe('2026-12-08T00:30:00+08:00');
    expect(isoWithOffset('UTC', new Date('2026-12-07T16:30:00Z'))).toBe('2026-12-07T16:30:00+00:00');
    // a zone with daylight saving and a half-hour-free negative offset
    expect(isoWithOffset('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01T08:00:00-04:00');
  });
  it('bounds a period by local midnights of the kernel zone', () => {
    expect([dayStart('2026-01-01'), dayEnd('2026-12-31')]).toEqual(['2026-01-01T00:00:00+08:00', '2026-12-31T24:00:00+08:00']);
    setPeriodZone('Europe/Berlin');
    expect([dayStart('2026-01-01'), dayEnd('2026-07-31')]).toEqual(['2026-01-01T00:00:00+01:00', '2026-07-31T24:00:00+02:00']);
  });
});
