/**
 * Several app processes on one machine sharing one port (node:cluster): the primary prepares the
 * database once (migrations, roles, calendar) and forks; each worker opens its own pool and serves.
 * A worker that dies is replaced, so one bad request cannot take the service down.
 */
import cluster from 'node:cluster';

export type ClusterHooks = {
  workers: number;
  /** In the primary, before forking (migrations run once, not N times at once). */
  prepare: () => Promise<void>;
  /** In each worker: open the kernel, listen on the shared port. */
  serve: () => Promise<void>;
  /** In the primary, once every worker listens. */
  ready?: () => void | Promise<void>;
  log?: (msg: string) => void;
};

/** In the primary, resolves to `stop` (ends the workers without replacing them); in a worker, to null. */
export async function runCluster(h: ClusterHooks): Promise<(() => void) | null> {
  if (!cluster.isPrimary) { await h.serve(); process.send?.({ zt: 'listening' }); return null; }
  await h.prepare();
  let listening = 0;
  let stopping = false;
  const fork = () => cluster.fork().on('message', (m: { zt?: string }) => {
    if (m?.zt === 'listening' && ++listening === h.workers) void h.ready?.();
  });
  for (let i = 0; i < h.workers; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    h.log?.(`工作进程 ${w.process.pid} 退出（${signal ?? code}），正在重启`);
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  const exit = () => {
    stop();
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => { if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0); });
  };
  process.on('SIGINT', exit);
  process.on('SIGTERM', exit);
  return stop;
}
