/**
 * Configuration, parsed once at boot from the environment and failing fast with a readable message.
 * Security values default to 等保 2.0 level 3 common practice (GB/T 22239-2019 8.1.4.1) and are all
 * configurable because evaluators differ.
 */
import { z } from 'zod';
import { resolve } from 'node:path';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** When set, PostgreSQL is used instead of embedded PGlite, and nothing is seeded unless asked. */
  DATABASE_URL: z.string().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secret for HMAC-SM3 lookups and the SM4 key derivation of personal data; MUST be set in production. */
  APP_SECRET: z.string().min(16).default('zhengtong-dev-secret-change-me'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  // Public look-ups by number + a short secret (last 4 phone/id digits): failed tries per client address
  // within the window, after which that address is refused until the window passes (等保 anti-guessing).
  LOOKUP_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  LOOKUP_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(8),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  COOKIE_SECURE: bool.default(false),
  JOBS_ENABLED: bool.default(true),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
  /** Optional SMS/email gateway endpoints; without them the local channel writes to DATA_DIR/outbox.log. */
  SMS_GATEWAY_URL: z.string().url().optional(),
  EMAIL_GATEWAY_URL: z.string().url().optional(),
  TZ_NAME: z.string().default('Asia/Shanghai'),
  /**
   * App processes on this machine (node:cluster sharing one port), PostgreSQL only: PGlite is one
   * process's file. Every kernel part is built for several processes (jobs claimed with SKIP LOCKED,
   * outbox, row locks); in-memory caches live ≤ 2 s (sessions) or are checked against the database.
   */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
});

export type Config = z.infer<typeof EnvSchema> & { dataDir: string; engine: 'pglite' | 'postgres' };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置错误 (environment):\n${lines}`);
  }
  const c = parsed.data;
  if (c.WORKERS > 1 && !c.DATABASE_URL) throw new Error('配置错误 (environment):\n  WORKERS: 多进程（WORKERS>1）需要 PostgreSQL（DATABASE_URL），内置 PGlite 只能由一个进程打开');
  return { ...c, dataDir: resolve(c.DATA_DIR), engine: c.DATABASE_URL ? 'postgres' : 'pglite' };
}
