/**
 * The default time zone, for isomorphic code only. The server's zone is `kernel.tz` (TZ_NAME, parsed
 * once in config.ts, which takes its default from here); shared functions take the zone as a
 * parameter and fall back to this because the web bundle cannot read the server's settings. A
 * deployment outside China time would also need the web to learn the zone (e.g. from /api/public/site).
 */
export const DEFAULT_TZ = 'Asia/Shanghai';
