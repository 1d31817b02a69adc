/**
 * Configuration, parsed once at boot from the environment and failing fast with a readable message.
 * Security values default to 等保 2.0 level 3 common practice (GB/T 22239-2019 8.1.4.1) and are all
 * configurable because evaluators differ.
 */
import { z } from 'zod';
import { resolve } from 'node:path';
import { DEFAULT_TZ } from '../shared/tz';

/** The development default: public (it is in this file), so production refuses to start with it. */
export const DEV_SECRET = 'zhengtong-dev-secret-change-me';
/** Shortest production secret: 32 characters of `openssl rand -base64 48` carry > 128 bits. */
const PRODUCTION_SECRET_MIN = 32;

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** An IANA zone name, checked by Intl and restricted to characters that are safe inside an SQL literal. */
const tzName = z.string().regex(/^[A-Za-z0-9_+\-/]{1,64}$/, '须为 IANA 时区名，如 Asia/Shanghai').refine((v) => {
  try { new Intl.DateTimeFormat('en', { timeZone: v }); return true; } catch { return false; }
}, '未知的时区名');

/**
 * Kernel settings. Keys are the environment variables; each carries its default, bounds and a
 * description, from which README's settings table is generated (scripts/settings-table.ts).
 * Domains declare their own settings with `defineDomain({ config })`, parsed from the same environment.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.string().default('development').describe('运行环境（development / production / test）'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP 监听端口'),
  HOST: z.string().default('0.0.0.0').describe('HTTP 监听地址'),
  DATA_DIR: z.string().default('./data').describe('数据目录：内置 PGlite 数据库、外发消息日志等'),
  /** When set, PostgreSQL is used instead of embedded PGlite, and nothing is seeded unless asked. */
  DATABASE_URL: z.string().optional().describe('设置后改用 PostgreSQL（postgres://…），且不自动生成演示数据'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10).describe('PostgreSQL 连接池上限（每个进程）'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('日志级别'),
  /** Secret for HMAC-SM3 lookups and the SM4 key derivation of personal data; MUST be set in production. */
  APP_SECRET: z.string().min(16).default(DEV_SECRET).describe('个人信息 SM4 加密与 HMAC-SM3 检索的密钥；生产环境（NODE_ENV=production）必须设置为不少于 32 个字符的随机值，否则拒绝启动'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30).describe('会话空闲超时（分钟）'),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12).describe('会话最长有效期（小时）'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5).describe('连续登录失败多少次后锁定账号'),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30).describe('账号锁定时长（分钟）'),
  // Public look-ups by number + a short secret (last 4 phone/id digits): failed tries per client address
  // within the window, after which that address is refused until the window passes (等保 anti-guessing).
  LOOKUP_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(20).describe('公众凭编号查询：同一地址在窗口内允许的失败次数'),
  LOOKUP_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15).describe('公众凭编号查询的计数窗口（分钟）'),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(8).describe('口令最短长度'),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90).describe('口令最长使用天数（0 为不限）'),
  COOKIE_SECURE: bool.default(false).describe('会话 Cookie 仅经 HTTPS 发送（HTTPS 部署时设为 true）'),
  /**
   * Bound on a graceful stop (SIGTERM/SIGINT): in-flight requests finish and the job in hand is released
   * first; past this the process exits anyway so an orchestrator's own kill timeout is never the one hit.
   */
  /**
   * Whose X-Forwarded-For to believe. Any proxy header from anyone made the look-up limiter useless (a
   * guesser rotates the header); only the listed proxies (addresses/CIDRs, comma-separated, or
   * `loopback` for nginx on this machine) can name the client. `false`: believe none.
   */
  TRUST_PROXY: z.string().regex(/^(false|true|loopback|[0-9a-fA-F.:/,\s]+)$/, '须为 false、loopback 或以逗号分隔的代理地址/网段').default('loopback')
    .describe('可信反向代理：仅信任这些地址发来的 X-Forwarded-For（逗号分隔的地址或网段；loopback 为本机代理；false 为不信任）'),
  /** Prometheus scraping from another machine presents this as a bearer token; unset, only this machine may read /metrics. */
  METRICS_TOKEN: z.string().min(16).optional().describe('读取 /metrics 的令牌（Authorization: Bearer …）；不设时仅本机可读'),
  API_DOCS: bool.default(true).describe('是否提供 /api/docs 接口文档页面（互联网区部署可关闭）'),
  /** A pilot on PGlite without the demo county (or a test of the process itself) turns this off. */
  DEMO_AUTOSEED: bool.default(true).describe('首次以内置 PGlite 启动时自动生成演示区县数据'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000).describe('收到停止信号后等待在途请求完成的最长时间（毫秒），超时强制退出'),
  JOBS_ENABLED: bool.default(true).describe('本进程是否执行后台任务'),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000).describe('后台任务轮询间隔（毫秒）'),
  /** Optional SMS/email gateway endpoints; without them the local channel writes to DATA_DIR/outbox.log. */
  SMS_GATEWAY_URL: z.string().url().optional().describe('短信网关地址；不设时写入 DATA_DIR/outbox/sms.log'),
  EMAIL_GATEWAY_URL: z.string().url().optional().describe('邮件网关地址；不设时写入 DATA_DIR/outbox/email.log'),
  TZ_NAME: tzName.default(DEFAULT_TZ).describe('时区：日期、统计月份、期限和页面时间都按此时区计算'),
  /**
   * App processes on this machine (node:cluster sharing one port), PostgreSQL only: PGlite is one
   * process's file. Every kernel part is built for several processes (jobs claimed with SKIP LOCKED,
   * outbox, row locks); in-memory caches live ≤ 2 s (sessions) or are checked against the database.
   */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1).describe('本机应用进程数（仅 PostgreSQL）'),
  /** Chromium for PDF printing (annual report, rating posters): Debian's package by default. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium').describe('用于打印 PDF（年度报告、评价二维码海报）的 Chromium 可执行文件'),
  /**
   * The division the public site serves (GB/T 2260 code). One deployment serves one county's public
   * pages; every public page and public route answers "which county" from this setting alone. The
   * default is the demo district's code (DEMO_COUNTY in src/app/server/demo-district.ts; the kernel
   * cannot import the app), so a fresh clone's public pages show the seeded county.
   */
  SITE_DIVISION_CODE: z.string().regex(/^\d{6}(\d{3}){0,2}$/, '须为 6、9 或 12 位行政区划代码').default('411202').describe('公众网站服务的行政区划代码（GB/T 2260）'),
  /** Overrides the site's title; by default it is「<区划名称>政务服务网」. */
  SITE_NAME: z.string().min(1).max(40).optional().describe('公众网站名称；不设时为“区划名称+政务服务网”'),
});

export type Config = z.infer<typeof EnvSchema> & {
  dataDir: string;
  engine: 'pglite' | 'postgres';
  /** The environment these settings were read from: domain settings are parsed from the same one at boot. */
  env: Readonly<Record<string, string | undefined>>;
};

/** `配置错误 (environment):` followed by one line per bad variable, the same for kernel and domains. */
export function configError(issues: { path: PropertyKey[]; message: string }[], prefix = ''): Error {
  const lines = issues.map((i) => `  ${prefix}${i.path.map(String).join('.')}: ${i.message}`).join('\n');
  return new Error(`配置错误 (environment):\n${lines}`);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const c = parsed.data;
  if (c.WORKERS > 1 && !c.DATABASE_URL) throw new Error('配置错误 (environment):\n  WORKERS: 多进程（WORKERS>1）需要 PostgreSQL（DATABASE_URL），内置 PGlite 只能由一个进程打开');
  if (c.NODE_ENV === 'production' && (c.APP_SECRET === DEV_SECRET || c.APP_SECRET.length < PRODUCTION_SECRET_MIN)) {
    throw configError([{ path: ['APP_SECRET'], message: `生产环境必须设置不少于${PRODUCTION_SECRET_MIN}个字符的随机密钥（例如 openssl rand -base64 48 的输出），不得使用默认值；密钥一经使用不可随意更换，否则已加密的个人信息无法解密` }]);
  }
  return { ...c, dataDir: resolve(c.DATA_DIR), engine: c.DATABASE_URL ? 'postgres' : 'pglite', env: { ...env } };
}
