/**
 * What every response carries and what the log may hold (等保 2.0 GB/T 22239-2019 8.1.4: intrusion
 * prevention and residual-information protection at the application layer).
 * - Security headers on every answer: no sniffing, no framing by other sites, a content policy that
 *   allows only this origin's scripts, and HSTS where the deployment says it is behind TLS.
 * - Operators' endpoints: /metrics only with METRICS_TOKEN or from this machine; /api/docs switchable.
 * - Logged URLs lose the secrets people type into them: the last four digits of a phone or ID number
 *   that unlock a public look-up, passwords, and capability tokens in paths.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kernel } from '../../core/server/kernel';

// antd writes its CSS-in-JS as <style> elements, hence 'unsafe-inline' for styles only; scripts come
// from this origin alone (Vite emits no inline script).
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "frame-src 'self' blob:", "object-src 'self' blob:", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'",
].join('; ');

const SECRET_PARAM = /^(.*last4|password|pass|token|secret|code|captcha)$/i;
// A path segment that is a capability (a random token): long, letters and digits mixed, not a UUID
// (case ids stay: operators follow them through the log) and not a route word like rating-invitations.
const TOKEN_SEGMENT = /^(?![0-9a-f]{8}-[0-9a-f]{4}-)(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_-]{16,}$/;

/** The URL as the log may keep it. */
export function redactUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  const safePath = path.split('/').map((seg) => (TOKEN_SEGMENT.test(seg) ? '***' : seg)).join('/');
  if (query === undefined) return safePath;
  const safeQuery = query.split('&').map((pair) => {
    const [k] = pair.split('=', 1);
    return SECRET_PARAM.test(decodeURIComponent(k)) ? `${k}=***` : pair;
  }).join('&');
  return `${safePath}?${safeQuery}`;
}

export const requestSerializer = (req: FastifyRequest) => ({
  method: req.method, url: redactUrl(req.url), host: req.headers.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort,
});

const isLoopback = (addr: string | undefined) => !!addr && (addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1');

export function registerSecurity(app: FastifyInstance, kernel: Kernel) {
  const { config } = kernel;
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'SAMEORIGIN'); // the case page shows uploaded PDFs in a frame of its own
    // Swagger UI (when enabled) brings its own inline bootstrap; every other page runs under the policy.
    if (!req.url.startsWith('/api/docs')) reply.header('content-security-policy', CSP);
    if (config.COOKIE_SECURE) reply.header('strict-transport-security', 'max-age=31536000');
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.url === '/metrics' || req.url.startsWith('/metrics?')) {
      // The socket's own address, never a forwarded one: a proxy on this machine must not open it to all.
      const allowed = config.METRICS_TOKEN ? req.headers.authorization === `Bearer ${config.METRICS_TOKEN}` : isLoopback(req.socket.remoteAddress);
      if (!allowed) return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    }
  });
}
