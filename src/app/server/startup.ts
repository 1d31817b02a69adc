/**
 * The process's life as operators and load balancers see it: `starting` while the demo year is being
 * generated (a fresh clone serves at once and shows the progress instead of a blank wait), `serving`,
 * then `stopping` once SIGTERM arrives. /api/health says the process is alive; /api/ready says it should
 * get traffic: database reachable, every migration applied, and serving.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Kernel } from '../../core/server/kernel';
import { migrationFiles } from '../../core/server/db/migrate';

export type Startup = { phase: 'starting' | 'serving' | 'stopping'; done: number; total: number; step: string; inFlight: number };

export const startup = (): Startup => ({ phase: 'serving', done: 0, total: 0, step: '', inFlight: 0 });

/**
 * Resolves once no request has been in hand for `quietMs`. A stopping server keeps its listener open
 * until then: connections a client opened before the signal may still sit in the kernel's accept
 * queue, and closing the listener would reset them.
 */
export async function quiesce(s: Startup, quietMs = 300, pollMs = 50): Promise<void> {
  let quietSince = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, pollMs));
    if (s.inFlight > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
  }
}

const percent = (s: Startup) => (s.total ? Math.floor((s.done / s.total) * 100) : 0);

/**
 * Migration files not yet recorded as applied (a replica started on an older schema must not get traffic).
 * The files ship with this build and cannot change while it runs: listed once, not on every probe.
 */
let shipped: string[] | null = null;
export async function pendingMigrations(kernel: Kernel): Promise<string[]> {
  const files = (shipped ??= migrationFiles());
  const rows = await kernel.db.tx(async (tx) => (await tx.execute(sql`SELECT name FROM schema_migrations`)) as unknown as { rows: { name: string }[] });
  const applied = new Set(rows.rows.map((r) => r.name));
  return files.filter((f) => !applied.has(f));
}

function progressPage(s: Startup): string {
  const p = percent(s);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="3"><title>政通正在启动</title>
<style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f5f7fa;color:#1f2329}
main{width:min(90vw,420px)}h1{font-size:20px}.bar{height:10px;background:#dfe3e8;border-radius:5px;overflow:hidden}.bar div{height:100%;background:#1456b8}p{color:#4e5969}</style></head>
<body><main><h1>政通正在生成演示区县数据</h1><div class="bar" role="progressbar" aria-valuenow="${p}" aria-valuemin="0" aria-valuemax="100" aria-label="生成进度"><div style="width:${p}%"></div></div>
<p>已完成 ${p}%（${s.done}/${s.total}）${s.step ? `：${s.step}` : ''}。本页每 3 秒自动刷新，完成后即可登录。</p></main></body></html>`;
}

/** Registers /api/ready and, while the demo is being generated, answers everything else with its progress. */
export function registerStartup(app: FastifyInstance, kernel: Kernel, s: Startup) {
  const counted = new WeakSet<object>(); // a request both aborted and answered is let go once
  app.addHook('onRequest', async (req) => { s.inFlight++; counted.add(req.raw); });
  const done = async (req: { raw: object }) => { if (counted.delete(req.raw)) s.inFlight--; };
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
  app.addHook('onRequest', async (req, reply) => {
    if (s.phase !== 'starting' || req.url === '/api/health' || req.url === '/api/ready') return;
    reply.header('retry-after', '5').header('cache-control', 'no-store');
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(503).send({ code: 'STARTING', message: `系统正在生成演示数据（${percent(s)}%），请稍候再试` });
    }
    return reply.status(503).type('text/html; charset=utf-8').send(progressPage(s));
  });
  // Draining: answer what is in hand and end each connection after its response. Without this a client's
  // keep-alive connection outlives the drain (Fastify keeps idle sockets 72 s) and close() waits for it.
  app.addHook('onSend', async (_req, reply) => { if (s.phase === 'stopping') reply.header('connection', 'close'); });
  const Ready = z.object({ status: z.enum(['ready', 'not-ready']), reasons: z.array(z.string()) });
  app.withTypeProvider<ZodTypeProvider>().get('/api/ready', {
    config: { auth: 'none' },
    schema: { tags: ['运维'], operationId: 'ready', summary: '是否可以接收请求：数据库可用、迁移已全部执行、不在启动或停止中', response: { 200: Ready, 503: Ready } },
  }, async (_req, reply) => {
    const reasons: string[] = [];
    // While the demo is generated the one PGlite connection is busy for minutes: say so without queuing behind it.
    if (s.phase !== 'starting') try {
      const pending = await pendingMigrations(kernel);
      if (pending.length) reasons.push(`有 ${pending.length} 个数据库迁移尚未执行（${pending[0]}…），请先运行 zhengtong migrate`);
    } catch (e) {
      reasons.push(`数据库不可用：${e instanceof Error ? e.message : String(e)}`);
    }
    if (s.phase === 'starting') reasons.push(`正在生成演示数据（${percent(s)}%）`);
    if (s.phase === 'stopping') reasons.push('正在停止服务');
    reply.header('cache-control', 'no-store');
    return reasons.length ? reply.status(503).send({ status: 'not-ready' as const, reasons }) : { status: 'ready' as const, reasons };
  });
}
