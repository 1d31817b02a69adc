/** What an operator and a load balancer see of a process's life: readiness, the starting page, secrets refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SECRET, loadConfig } from '../../src/core/server/config';
import { buildApp } from '../../src/app/server/app';
import { startup, type Startup } from '../../src/app/server/startup';
import { redactUrl } from '../../src/app/server/security';
import { migrationFiles } from '../../src/core/server/db/migrate';
import { startTestApp, type TestApp } from '../helpers/harness';
import { seedDemo } from '../../src/app/server/demo-district';
import { sql } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('production settings', () => {
  it('refuses to start in production with the public default or a short APP_SECRET, naming the variable in Chinese', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/APP_SECRET: 生产环境必须设置不少于32个字符的随机密钥/);
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: DEV_SECRET })).toThrow(/APP_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(31) })).toThrow(/APP_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'k'.repeat(32) }).APP_SECRET).toHaveLength(32);
    expect(loadConfig({ NODE_ENV: 'development' }).APP_SECRET).toBe(DEV_SECRET); // the two-command demo keeps working
  });

  it('never creates the demo accounts (a published password) in production, and writes nothing trying', async () => {
    const users = async () => ((await t.kernel.db.read((tx) => tx.execute(sql`SELECT count(*)::int AS n FROM users`))) as unknown as { rows: { n: number }[] }).rows[0];
    const before = await users();
    const prod = { ...t.kernel, config: { ...t.kernel.config, NODE_ENV: 'production' } };
    await expect(seedDemo(prod, () => {})).rejects.toThrow('生产环境（NODE_ENV=production）不生成演示数据和演示账号');
    expect(await users()).toEqual(before);
  });
});

describe('client addresses behind a proxy', () => {
  it('a forwarded address counts only from a trusted proxy: rotating X-Forwarded-For does not escape the look-up limiter', async () => {
    const max = t.kernel.config.LOOKUP_MAX_FAILURES;
    const track = (remoteAddress: string, xff: string) => t.app.inject({
      method: 'GET', url: '/api/public/applications/track?refNo=BJ20260000000000&idLast4=1234', remoteAddress, headers: { 'x-forwarded-for': xff },
    });
    // Straight from the internet (not a trusted proxy): the header is ignored, the real address is counted.
    for (let i = 0; i < max; i++) expect((await track('198.51.100.9', `10.0.${i}.1`)).statusCode).toBe(404);
    expect((await track('198.51.100.9', '10.1.1.1')).statusCode).toBe(429);
    // Through nginx on this machine (loopback, the default TRUST_PROXY): each client is its own.
    for (let i = 0; i < max; i++) expect((await track('127.0.0.1', '192.0.2.10')).statusCode).toBe(404);
    expect((await track('127.0.0.1', '192.0.2.10')).statusCode).toBe(429);
    expect((await track('127.0.0.1', '192.0.2.11')).statusCode).toBe(404);
  });
});

describe('readiness and the starting page', () => {
  it('/api/ready answers 200 when the database is reachable and every migration is applied', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ready', reasons: [] });
  });

  it('while the demo is generated: the page shows progress, the API answers 503 in Chinese, health stays up, ready says why not', async () => {
    const s: Startup = { ...startup(), phase: 'starting', done: 3, total: 12, step: '已生成：catalog' };
    const app = await buildApp(t.kernel, { logger: false, startup: s });
    try {
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('5');
      expect(page.body).toContain('政通正在生成演示区县数据');
      expect(page.body).toContain('已完成 25%（3/12）');
      const api = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x' } });
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ code: 'STARTING', message: '系统正在生成演示数据（25%），请稍候再试' });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().reasons).toEqual(['正在生成演示数据（25%）']);

      s.phase = 'serving';
      expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x' } })).statusCode).not.toBe(503);

      s.phase = 'stopping';
      const stopping = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(stopping.statusCode).toBe(503);
      expect(stopping.json().reasons).toEqual(['正在停止服务']);
      expect(stopping.headers.connection).toBe('close'); // each answer ends its connection while draining
    } finally { await app.close(); }
  });

  it('a replica on an older schema is not ready: the pending migration is named', async () => {
    await t.kernel.db.exec(`DELETE FROM schema_migrations WHERE name = (SELECT max(name) FROM schema_migrations)`);
    try {
      const r = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(r.statusCode).toBe(503);
      expect(r.json().reasons[0]).toMatch(/^有 1 个数据库迁移尚未执行（\d+_.*\.sql…），请先运行 zhengtong migrate$/);
    } finally {
      // Re-record the row as migrate would: the file's tables are all there.
      const last = migrationFiles().at(-1)!;
      await t.kernel.db.exec(`INSERT INTO schema_migrations (name) VALUES ('${last}') ON CONFLICT DO NOTHING`);
    }
  });
});

describe('hardening', () => {
  it('every answer carries the security headers; HSTS only where the deployment is behind TLS', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/public/site' });
    expect(r.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'same-origin' });
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['strict-transport-security']).toBeUndefined();
    const tls = await startTestApp({ env: { COOKIE_SECURE: 'true', API_DOCS: 'false', METRICS_TOKEN: 'scrape-token-0123456789' } });
    try {
      expect((await tls.app.inject({ method: 'GET', url: '/api/public/site' })).headers['strict-transport-security']).toBe('max-age=31536000');
      expect((await tls.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
      // With a token, even this machine must present it.
      expect((await tls.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      const scraped = await tls.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-token-0123456789' }, remoteAddress: '10.1.2.3' });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('zhengtong_http_request_duration_seconds');
    } finally { await tls.close(); }
  });

  it('/metrics without a token answers this machine only, never a forwarded address', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(404);
  });

  it('logged URLs keep no look-up secret, password or capability token', () => {
    expect(redactUrl('/api/public/applications/track?refNo=BJ2026001&idLast4=002X')).toBe('/api/public/applications/track?refNo=BJ2026001&idLast4=***');
    expect(redactUrl('/api/public/tickets/track?no=RX1&phoneLast4=1234')).toBe('/api/public/tickets/track?no=RX1&phoneLast4=***');
    expect(redactUrl('/api/public/rating-invitations/Zk3F9qL2mW8xY7vT1sRb')).toBe('/api/public/rating-invitations/***');
    // Case ids stay: they are what an operator follows through the log.
    expect(redactUrl('/api/cases/0b7f5e1c-2f4a-4c3e-9f00-1a2b3c4d5e6f')).toBe('/api/cases/0b7f5e1c-2f4a-4c3e-9f00-1a2b3c4d5e6f');
  });
});
