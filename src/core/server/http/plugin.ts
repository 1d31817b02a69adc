/**
 * HTTP plumbing shared by every route: zod validation with Chinese field messages, one error shape
 * ({code, message, details}) with no raw database error ever reaching a client, session cookies,
 * CSRF double-submit checks, OpenAPI generation and Prometheus request metrics.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import client from 'prom-client';
import { AppError, isAppError } from '../../shared/errors';
import { validate } from '../validation';
import { passwordChangeDue, resolveSession, type SessionInfo } from '../auth.service';
import type { Actor } from '../actor';
import type { Kernel } from '../contract';

export const SESSION_COOKIE = 'zt_session';
/** What a session whose password must change may still call. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
export const CSRF_COOKIE = 'zt_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** 'none': public endpoint; otherwise a valid session is required. */
    auth?: 'none' | 'session';
    /**
     * A public look-up by number plus a short secret (the last four digits of a phone or id number):
     * failed answers (400/403/404/422) are counted per client address, and an address with too many
     * within the window gets 429 — ten thousand guesses would otherwise find any case's secret.
     */
    guessable?: boolean;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.session) throw new AppError('UNAUTHENTICATED');
  return req.session.actor;
}

export async function registerHttpPlumbing(app: FastifyInstance, kernel: Kernel, metricsRegistry: client.Registry) {
  app.setValidatorCompiler(({ schema }) => (data) => validate(schema as z.ZodType, data));
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: '政通 zhengtong API', version: '0.1.0', description: '县域数字政府平台接口。每个办理操作是 POST /api/<复数>/:id/<事件>。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  if (kernel.config.API_DOCS) await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('session', null);

  const httpDuration = new client.Histogram({
    name: 'zhengtong_http_request_duration_seconds', help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [metricsRegistry],
  });
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const guesses = new FailureWindow(kernel.config.LOOKUP_MAX_FAILURES, kernel.config.LOOKUP_WINDOW_MINUTES * 60_000);
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.guessable && guesses.blocked(req.ip, Date.now())) {
      throw new AppError('RATE_LIMITED', `查询失败次数过多，请${kernel.config.LOOKUP_WINDOW_MINUTES}分钟后再试`);
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    if (req.routeOptions.config?.guessable && [400, 403, 404, 422].includes(reply.statusCode)) guesses.fail(req.ip, Date.now());
  });

  app.addHook('preHandler', async (req) => {
    // The route's own pattern, not the raw URL: the router decodes `/%61pi/…` to `/api/…`, and the check
    // must see the path the router matched.
    const route = req.routeOptions.url ?? '';
    if (!route.startsWith('/api/') || route.startsWith('/api/docs') || req.routeOptions.config?.auth === 'none') return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    req.session = await resolveSession(kernel, token, req.ip);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.headers['x-csrf-token'] !== req.session.csrf) {
      throw new AppError('CSRF');
    }
    // The forced change is the server's rule, not the browser's (等保 8.1.4.1 a): until it is made, the
    // session may only read who it is, change the password, or leave.
    if (!PASSWORD_CHANGE_ROUTES.has(route) && passwordChangeDue(kernel, req.session.user)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });

  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(err)) {
      if (err.status >= 500) req.log.error({ err }, 'app error');
      return reply.status(err.status).send(err.toJSON());
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE').toJSON());
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (e.statusCode === 400 && e.code?.startsWith('FST_'))) {
      return reply.status(400).send(new AppError('BAD_REQUEST', '请求格式不正确（应为JSON）').toJSON());
    }
    if (e.statusCode === 404) return reply.status(404).send(new AppError('NOT_FOUND').toJSON());
    // A value the database cannot read as its column's type (an id that is not a UUID, a date that does
    // not exist, a number out of range) is the caller's mistake: SQLSTATE class 22, data exception.
    const sqlState = dbErrorCode(err);
    if (sqlState?.startsWith('22')) {
      req.log.warn({ sqlState }, 'data exception from input');
      return reply.status(400).send(new AppError('BAD_REQUEST', DATA_EXCEPTION[sqlState] ?? '输入的值格式不正确，请检查后重试').toJSON());
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL').toJSON());
  });
}

const DATA_EXCEPTION: Record<string, string> = {
  '22P02': '编号或数值格式不正确', '22007': '日期或时间格式不正确', '22008': '日期或时间不存在（超出范围）',
  '22003': '数值超出允许范围', '22001': '输入内容过长', '22021': '输入含有不允许的字符',
};

/** The SQLSTATE of a database error, from the driver's error or the query builder's wrapper around it. */
function dbErrorCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}

export function setSessionCookies(kernel: Kernel, reply: FastifyReply, token: string, csrf: string) {
  const secure = kernel.config.COOKIE_SECURE;
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  // Readable by the page so it can echo it in X-CSRF-Token (double submit); useless to another origin.
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * Failed tries per key in a sliding window, in this process's memory: several app processes each keep
 * their own count, so the effective limit is per process (still four orders of magnitude below what
 * guessing a 4-digit secret takes).
 */
export class FailureWindow {
  private readonly fails = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number) {}
  private recent(key: string, now: number) {
    const kept = (this.fails.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.fails.set(key, kept); else this.fails.delete(key);
    return kept;
  }
  blocked(key: string, now: number) { return this.recent(key, now).length >= this.max; }
  fail(key: string, now: number) {
    const kept = this.recent(key, now);
    kept.push(now);
    this.fails.set(key, kept);
    // Bounded memory under a flood of addresses: forget the oldest keys.
    if (this.fails.size > 100_000) for (const k of [...this.fails.keys()].slice(0, 10_000)) this.fails.delete(k);
  }
}
