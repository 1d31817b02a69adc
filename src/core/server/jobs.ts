/**
 * Durable jobs in Postgres (DESIGN §2): a job row written in a business transaction becomes visible,
 * and so runs, only after that transaction commits. Workers in any number of processes claim rows with
 * SKIP LOCKED; recurring jobs are enqueued once per time slot through a unique dedupe key.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Tx } from './db/db';
import type { JobDefinition, Kernel } from './contract';
import * as repo from './jobs.repository';

export type { JobDefinition } from './contract';

export const defineJob = <P extends Record<string, unknown>>(j: JobDefinition<P>) => j as unknown as JobDefinition;

export async function enqueue(tx: Tx, kernel: Kernel, name: string, payload: Record<string, unknown> = {}, opts: { runAt?: Date; dedupeKey?: string; maxAttempts?: number } = {}) {
  const def = kernel.jobs.get(name);
  if (!def) throw new Error(`unknown job ${name}`);
  return repo.insertJob(tx, {
    id: randomUUID(), name, payload, state: 'queued', runAt: opts.runAt ?? kernel.now(),
    maxAttempts: opts.maxAttempts ?? def.maxAttempts ?? 5, dedupeKey: opts.dedupeKey ?? null, createdAt: kernel.now(),
  });
}

export type WorkerHandle = { stop(): Promise<void>; tick(): Promise<number> };

/** Runs due jobs until stopped. `tick()` runs one pass, which tests and the CLI use directly. */
export function startWorker(kernel: Kernel, opts: { pollMs: number; autoStart?: boolean; log?: (o: object, msg: string) => void } = { pollMs: 1000 }): WorkerHandle {
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const names = [...kernel.jobs.keys()];
  const log = opts.log ?? (() => {});
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();

  async function schedule() {
    const now = kernel.now();
    await kernel.db.tx(async (tx) => {
      for (const def of kernel.jobs.values()) {
        if (!def.everySeconds) continue;
        const slot = Math.floor(now.getTime() / 1000 / def.everySeconds);
        await enqueue(tx, kernel, def.name, {}, { dedupeKey: `${def.name}:${slot}` });
      }
    });
  }

  async function tick(): Promise<number> {
    if (names.length === 0) return 0;
    await schedule();
    const claimed = await kernel.db.tx((tx) => repo.claimJobs(tx, names, worker, kernel.now(), 5 * 60_000, 10));
    for (const job of claimed) {
      const def = kernel.jobs.get(job.name)!;
      try {
        const payload = def.schema ? def.schema.parse(job.payload) : job.payload;
        await def.handler(kernel, payload as Record<string, unknown>, { id: job.id, attempts: job.attempts });
        await kernel.db.tx((tx) => repo.finishJob(tx, job.id, worker, kernel.now()));
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const retry = job.attempts < job.maxAttempts ? new Date(kernel.now().getTime() + 2 ** job.attempts * 1000) : null;
        log({ job: job.name, id: job.id, attempts: job.attempts, err: msg }, retry ? 'job failed, will retry' : 'job failed permanently');
        await kernel.db.tx((tx) => repo.failJob(tx, job.id, worker, msg.slice(0, 2000), retry));
      }
    }
    return claimed.length;
  }

  async function loop() {
    while (!stopped) {
      try {
        const n = await tick();
        if (n > 0) continue;
      } catch (e) {
        log({ err: e instanceof Error ? e.message : String(e) }, 'job worker pass failed');
      }
      await new Promise((r) => setTimeout(r, opts.pollMs));
    }
  }
  if (opts.autoStart !== false) running = loop();
  return {
    tick,
    async stop() { stopped = true; await running; },
  };
}
