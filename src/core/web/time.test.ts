import { afterEach, describe, expect, it } from 'vitest';
import { fmtTime, setSiteTimeZone, siteTimeZone, siteToday } from './time';
import { DEFAULT_TZ } from '../shared/tz';

afterEach(() => setSiteTimeZone(DEFAULT_TZ));

describe('times on screen are in the server zone, not the browser zone', () => {
  it('shows an instant in China time by default, whatever the process zone is', () => {
    // 16:30 UTC is half past midnight the next day in Beijing: the 办结时间 a clerk sees on the counter.
    expect(fmtTime('2026-12-07T16:30:00Z')).toBe('2026-12-08 00:30');
    expect(fmtTime('2026-12-07T23:59:00+08:00')).toBe('2026-12-07 23:59');
    expect(fmtTime(null)).toBe('—');
    expect(fmtTime('not a time')).toBe('—');
  });
  it('follows the zone the server names, and ignores a zone name that does not exist', () => {
    setSiteTimeZone('UTC');
    expect(fmtTime('2026-12-07T16:30:00Z')).toBe('2026-12-07 16:30');
    setSiteTimeZone('Mars/Olympus');
    expect(siteTimeZone()).toBe('UTC');
    setSiteTimeZone('Asia/Shanghai');
    expect(siteToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
