/** The public site's jurisdiction is one setting, and the public routes follow it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness';
import { loadConfig } from '../../src/core/server/config';

let t: TestApp;
// The test template holds the demo district (global-setup), so its county is the site's.
beforeAll(async () => { t = await startTestApp({ env: { SITE_DIVISION_CODE: '411202' } }); });
afterAll(async () => { await t.close(); });

describe('public site', () => {
  it('answers which county without a login, with the name the divisions table keeps', async () => {
    const r = await t.anon().get('/api/public/site');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ divisionCode: '411202', divisionName: '湖滨区', siteName: '湖滨区政务服务网', timeZone: 'Asia/Shanghai' });
  });

  it('scopes the public hotline places to the configured division', async () => {
    const places = await t.anon().get<{ code: string }[]>('/api/public/hotline/places');
    expect(places.status).toBe(200);
    expect(places.body.length).toBeGreaterThan(0);
    for (const p of places.body) expect(p.code.startsWith('411202')).toBe(true);
  });

  it('refuses a division code or time zone that is not one, at boot', () => {
    expect(() => loadConfig({ SITE_DIVISION_CODE: '4112' })).toThrow(/SITE_DIVISION_CODE: 须为 6、9 或 12 位行政区划代码/);
    expect(() => loadConfig({ TZ_NAME: 'Mars/Olympus' })).toThrow(/TZ_NAME: 未知的时区名/);
    expect(() => loadConfig({ TZ_NAME: "Asia/Shanghai'; --" })).toThrow(/TZ_NAME: 须为 IANA 时区名/);
  });
});
