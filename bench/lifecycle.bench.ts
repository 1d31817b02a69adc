/**
 * 办件 lifecycle throughput over HTTP on PostgreSQL: submit → accept → approve → deliver through a real
 * listening server (loopback), with N existing applications in the database (default 1,000,000;
 * --quick = 10,000). Peer in the same script: the same writes as raw SQL through `pg`, one transaction
 * per step (see the peer below for exactly which).
 * The HTTP side runs in one app process (in this script); with `--workers=N` (N > 1) it runs again on
 * N app processes sharing the port through node:cluster, as `WORKERS=N zhengtong serve` runs them, and
 * the last line reports that run. Default 1: on this 2-core machine a second process only contends with
 * PostgreSQL for the same cores (measured: 45.9/s on one process, 41.5/s on two).
 * Last line: `lifecycles/s: N raw-sql/s: M ratio: R records: K`.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:lifecycle [-- --quick] [--workers=N]
 */
import cluster from 'node:cluster';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 32 });
import { loadConfig } from '../src/core/server/config';
import { buildApp, prepareKernel } from '../src/app/server/app';
import { seedDistrict, seedDemoStaff, DEMO_PASSWORD } from '../src/app/server/demo-district';
import { seedApplicationsDemo } from '../src/domains/applications/public';
import { runCluster } from '../src/app/server/cluster';

const url = process.env.DATABASE_URL;
if (!url) { console.error('set DATABASE_URL (PostgreSQL)'); process.exit(2); }
const quick = process.argv.includes('--quick');
const records = quick ? 10_000 : Number(process.argv.find((a) => a.startsWith('--records='))?.split('=')[1] ?? 1_000_000);
const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? (quick ? 10 : 30));
const concurrency = 8;
const dbName = `zt_bench_lifecycle_${records}`;
const workers = Number(process.argv.find((a) => a.startsWith('--workers='))?.split('=')[1] ?? 1);
const appConfig = (dbUrl: string, port = 0) => loadConfig({ ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', DB_POOL_MAX: '16', PORT: String(port) });

if (cluster.isWorker) {
  // A forked app process of the deployed run: the database is prepared and seeded by the primary.
  await runCluster({ workers, prepare: async () => {}, serve: async () => {
    const kernel = await prepareKernel({ config: appConfig(process.env.BENCH_DB_URL!) });
    const app = await buildApp(kernel, { logger: false });
    await app.listen({ port: Number(process.env.BENCH_PORT), host: '127.0.0.1' });
  } });
  await new Promise(() => {}); // serve until the primary ends
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).rowCount) await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const u = new URL(url);
u.pathname = `/${dbName}`;
const config = appConfig(u.toString());
const kernel = await prepareKernel({ config });
const [{ n: existing }] = await kernel.db.query<{ n: string }>(`SELECT count(*) AS n FROM applications`);
if (Number(existing) < records) {
  console.log(`seeding ${records} applications (not timed)…`);
  await kernel.db.tx(async (tx) => { await seedDistrict(tx); await seedDemoStaff(tx, kernel); });
  process.env.DEMO_APPLICATIONS = String(records);
  await seedApplicationsDemo(kernel);
  await kernel.db.exec('ANALYZE');
}
const [{ n: total }] = await kernel.db.query<{ n: string }>(`SELECT count(*) AS n FROM applications`);
const app = await buildApp(kernel, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

async function session(base: string, username: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('zt_csrf='))!.slice(8);
  const { hostname, port } = new URL(base);
  const headers = { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf };
  // node:http with a keep-alive agent: the client's own cost (fetch's web streams were ~8% of the
  // process's CPU) is not the server's.
  return (path: string, body: unknown) => new Promise<{ id: string }>((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode} ${text}`)); else resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
const [item] = await kernel.db.query<{ id: string }>(`SELECT s.id FROM service_items s JOIN orgs o ON o.id = s.org_id WHERE o.name = '湖滨区市场监督管理局' AND s.status = 'published' LIMIT 1`);
const applicant = { kind: 'person', name: '压测申请人', idNumber: '11010519491231002X', phone: '13900000000' };
// A required material can no longer be left out of a filing: every material of the guide is handed in.
const guide = await (await fetch(`${base}/api/public/catalog/${item.id}`)).json() as { materials: { name: string }[] };
const materials = guide.materials.map((m) => ({ name: m.name, provided: true }));

async function drive(label: string, one: () => Promise<void>): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (Date.now() < until) { await one(); done++; } }));
  const rate = done / seconds;
  console.log(`${label}: ${done} lifecycles in ${seconds} s = ${rate.toFixed(1)}/s`);
  return rate;
}

async function lifecycles(label: string, base: string) {
  const clerk = await session(base, 'clerk_scj');
  const reviewer = await session(base, 'reviewer_scj');
  return drive(label, async () => {
    const { id } = await clerk('/api/applications', { itemId: item.id, applicant, materials, idempotencyKey: randomUUID() });
    await clerk(`/api/applications/${id}/accept`, {});
    await reviewer(`/api/applications/${id}/approve`, {});
    await clerk(`/api/applications/${id}/deliver`, { method: '窗口领取' });
  });
}
const single = await lifecycles('HTTP (zhengtong, 1 app process)', base);
await app.close();
let http = single;
if (workers > 1) {
  const port = await new Promise<number>((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); }); });
  process.env.BENCH_PORT = String(port);
  process.env.BENCH_DB_URL = u.toString();
  let stopWorkers: (() => void) | null = null;
  await new Promise<void>((ready) => { void runCluster({ workers, prepare: async () => {}, serve: async () => {}, ready }).then((s) => { stopWorkers = s; }); });
  http = await lifecycles(`HTTP (zhengtong, ${workers} app processes as WORKERS=${workers} runs them)`, `http://127.0.0.1:${port}`);
  (stopWorkers as (() => void) | null)?.();
}

if (process.argv.includes('--http-only')) { await kernel.db.close(); process.exit(0); } // for profiling

// Peer: the same writes as raw SQL, one transaction per step, statement for statement what the app
// writes for these four steps (case row, timeline event, clock rows, due dates on the case, the chained
// audit record and its stream head, the daily rollup, the case number sequence, the application row) —
// without HTTP, sessions, validation, permission checks, hashing or the response the app also does.
const pool = new pg.Pool({ connectionString: u.toString(), max: 16 });
const [org] = (await pool.query(`SELECT id, division_code FROM orgs WHERE name = '湖滨区市场监督管理局'`)).rows;
const clockCols = `(id, case_id, name, label, unit, limit_days, legal_basis, is_primary, warn_before, state, started_on, due_date, stopped_on, calendar_version, pauses, extensions, derivation, division_code)`;
const clockRow = (n: number) => `($${n + 1}, $1, $${n + 2}, '期限', 'workday', 20, '行政许可法', false, 1, $${n + 3}, current_date, current_date + 28, NULL, 1, '[]', '[]', '推算', $2)`;
const raw = await drive('raw SQL (pg)', async () => {
  const id = randomUUID();
  const step = async (from: string | null, to: string, clocks: [string, string][], closing: boolean) => {
    // As the app does: the case number is taken on its own (autocommit), the rollup is the last write.
    const value = from === null ? (await pool.query(`INSERT INTO sequences (key, value) VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET value = sequences.value + 1 RETURNING value`, ['raw:bench'])).rows[0].value : null;
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      if (from === null) {
        await c.query(`INSERT INTO cases (id, type, ref_no, title, state, division_code, org_id, data, version, created_by, idempotency_key, created_at, updated_at) VALUES ($1, 'application', $2, '压测', $3, $4, $5, '{}', 1, NULL, $6, now(), now())`, [id, `RAW${process.pid}-${value}`, to, org.division_code, org.id, randomUUID()]);
      } else {
        const r = await c.query(`UPDATE cases SET state = $2, version = version + 1, updated_at = now(), closed_at = $4 WHERE id = $1 AND state = $3 RETURNING *`, [id, to, from, closing ? new Date() : null]);
        if (r.rowCount !== 1) throw new Error('lost race');
      }
      await c.query(`INSERT INTO case_events (id, case_id, seq, event, from_state, to_state, actor_name, at, input, division_code) VALUES ($1, $2, (SELECT coalesce(max(seq), 0) + 1 FROM case_events WHERE case_id = $2), $3, $4, $5, '压测', now(), '{}', $6)`, [randomUUID(), id, to, from, to, org.division_code]);
      if (clocks.length) {
        await c.query(`SELECT * FROM case_clocks WHERE case_id = $1`, [id]);
        await c.query(`INSERT INTO case_clocks ${clockCols} VALUES ${clocks.map((_, i) => clockRow(2 + i * 3)).join(', ')} ON CONFLICT (case_id, name) DO UPDATE SET state = excluded.state, due_date = excluded.due_date, stopped_on = excluded.stopped_on`,
          [id, org.division_code, ...clocks.flatMap(([name, state]) => [randomUUID(), name, state])]);
        await c.query(`UPDATE cases SET due_date = current_date + 28, primary_due = current_date + 28, primary_stopped = $2 WHERE id = $1 RETURNING *`, [id, closing ? new Date() : null]);
      }
      const stream = `raw:${id}`;
      const { rows: [head] } = await c.query(`SELECT seq, head_hash FROM audit_streams WHERE stream = $1 FOR UPDATE`, [stream]);
      const seq = (head?.seq ?? 0) + 1;
      const ins = `WITH ins AS (INSERT INTO audit_log (id, stream, seq, at, actor_name, action, success, detail, prev_hash, hash) VALUES ($1, $2, $3, now(), '压测', $4, true, '{}', $5, $6))`;
      if (head) await c.query(`${ins} UPDATE audit_streams SET seq = $3, head_hash = $6 WHERE stream = $2`, [randomUUID(), stream, seq, to, head.head_hash, `h${seq}`]);
      else await c.query(`${ins} INSERT INTO audit_streams (stream, seq, head_hash) VALUES ($2, $3, $6)`, [randomUUID(), stream, seq, to, '', `h${seq}`]);
      if (from === null) {
        await c.query(`INSERT INTO applications (case_id, item_id, channel, applicant_kind, applicant_id_enc, applicant_id_last4, materials, division_code, org_id, created_at) VALUES ($1, $2, 'counter', 'person', 'enc', '002X', '[]', $3, $4, now())`, [id, item.id, org.division_code, org.id]);
      }
      if (from === null || closing) {
        await c.query(`INSERT INTO case_daily (division_code, org_id, type, day, received, completed, with_clock, on_time) VALUES ($1, $2, 'raw-bench', current_date, $3, $4, $4, $4) ON CONFLICT (division_code, org_id, type, day) DO UPDATE SET received = case_daily.received + excluded.received, completed = case_daily.completed + excluded.completed, with_clock = case_daily.with_clock + excluded.with_clock, on_time = case_daily.on_time + excluded.on_time`, [org.division_code, org.id, from === null ? 1 : 0, closing ? 1 : 0]);
      }
      await c.query('COMMIT');
    } catch (e) { await c.query('ROLLBACK'); throw e; } finally { c.release(); }
  };
  await step(null, 'submitted', [['acceptance', 'running']], false);
  await step('submitted', 'accepted', [['acceptance', 'stopped'], ['legal', 'running'], ['promised', 'running']], false);
  await step('accepted', 'approved', [['legal', 'stopped'], ['promised', 'stopped'], ['delivery', 'running']], false);
  await step('approved', 'delivered', [['delivery', 'stopped']], true);
});
await pool.query(`DELETE FROM audit_log WHERE stream LIKE 'raw:%'; DELETE FROM audit_streams WHERE stream LIKE 'raw:%'; DELETE FROM applications WHERE case_id IN (SELECT id FROM cases WHERE ref_no LIKE 'RAW%'); DELETE FROM case_clocks WHERE case_id IN (SELECT id FROM cases WHERE ref_no LIKE 'RAW%'); DELETE FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE ref_no LIKE 'RAW%'); DELETE FROM cases WHERE ref_no LIKE 'RAW%'; DELETE FROM case_daily WHERE type = 'raw-bench'`);
await pool.end();
await kernel.db.close();
if (workers > 1) console.log(`1 app process: ${single.toFixed(1)}/s, ratio ${(single / raw).toFixed(2)}; the last line is the ${workers}-process run`);
console.log(`lifecycles/s: ${http.toFixed(1)} raw-sql/s: ${raw.toFixed(1)} ratio: ${(http / raw).toFixed(2)} records: ${total}`);
process.exit(0);
