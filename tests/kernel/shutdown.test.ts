/**
 * SIGTERM through every documented start command drains in-flight requests: the signal reaches the
 * server process itself (no wrapper that dies first or kills it early), the listener closes, the 40
 * requests in hand are answered, and the process exits 0. Each server is a real child process on its
 * own PGlite directory; the slow request is a login of an unknown user (a full argon2 verify, by design).
 * The suite on PostgreSQL skips it: it exercises the process, not the database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
const IN_FLIGHT = 40;

async function startServer(cmd: string, args: string[]): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'zt-shutdown-'));
  dirs.push(dir);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env = { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DEMO_AUTOSEED: 'false', JOBS_ENABLED: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (b) => { output += b; });
  child.stderr!.on('data', (b) => { output += b; });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited early:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.status === 200, () => false);
    if (ok) return { child, port, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${cmd} never became ready:\n${output}`);
}

async function drainsOnSigterm(cmd: string, args: string[]) {
  const { child, port, output } = await startServer(cmd, args);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let signalledAt = 0;
  const requests = Array.from({ length: IN_FLIGHT }, (_, i) => fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `nobody${i}`, password: 'Wrong@pass1' }),
  }).then((r) => ({ status: r.status, after: signalledAt > 0 }), (e: Error) => ({ status: 0, after: signalledAt > 0, error: String((e.cause as Error)?.message ?? e.message) })));
  await new Promise((r) => setTimeout(r, 150)); // every request accepted and being verified
  signalledAt = Date.now();
  child.kill('SIGTERM');
  const results = await Promise.all(requests);
  const code = await exited;
  const reset = results.filter((r) => r.status === 0);
  expect(reset, output()).toEqual([]);
  expect(results.every((r) => r.status === 401)).toBe(true);
  // The signal arrived while requests were still being answered: the drain was real, not a race won early.
  expect(results.filter((r) => r.after).length).toBeGreaterThan(0);
  // The command exits cleanly: 0, or for npm/npx, which re-raise the relayed signal on themselves, by
  // SIGTERM after their child exited 0 (the child's own status is printed by npm as a failure otherwise).
  expect(code === 0 || (code === null && child.signalCode === 'SIGTERM'), `${code} ${child.signalCode}\n${output()}`).toBe(true);
  expect(output()).not.toMatch(/停止超时|ERR!|exit code/);
  // Nothing is left serving: an orphaned server would answer on for ever; a relayed stop ends within seconds.
  let stillUp = true;
  for (let i = 0; i < 80 && stillUp; i++) {
    stillUp = await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false);
    if (stillUp) await new Promise((r) => setTimeout(r, 250));
  }
  expect(stillUp).toBe(false);
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('graceful stop under each documented start command', () => {
  beforeAll(() => {
    const r = spawnSync('npm', ['run', 'build:server', '--silent'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  });
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('`npm start` (source checkout, tsx in-process)', () => drainsOnSigterm('npm', ['start', '--silent']), 180_000);
  it('`npx zhengtong serve`', () => drainsOnSigterm('npx', ['zhengtong', 'serve']), 180_000);
  it('the production start: `node dist/server/app/cli/main.js serve`', () => drainsOnSigterm('node', ['dist/server/app/cli/main.js', 'serve']), 180_000);
  it('`npm run start:prod`', () => drainsOnSigterm('npm', ['run', 'start:prod', '--silent']), 180_000);
});
