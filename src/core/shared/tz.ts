/**
 * The default time zone, for isomorphic code only. The server's zone is `kernel.tz` (TZ_NAME, parsed
 * once in config.ts, which takes its default from here); shared functions take the zone as a
 * parameter and fall back to this because the web bundle cannot read the server's settings. The web
 * learns the server's zone from /api/public/site at start (core/web/time.ts) and shows every time in it.
 */
export const DEFAULT_TZ = 'Asia/Shanghai';
