/**
 * 办件 lifecycle throughput over HTTP on PostgreSQL: submit → accept → approve → deliver through a real
 * listening server (loopback), with N existing applications in the database (default 1,000,000;
 * --quick = 10,000). Peer in the same script: the same writes as raw SQL through `pg` (per step one
 * transaction: compare-and-set the case, append the event, append an audit row).
 * Last line: `lifecycles/s: N raw-sql/s: M ratio: R records: K`.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:lifecycle [-- --quick]
 */
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/core/server/config';
import { buildApp, prepareKernel } from '../src/app/server/app';
import { seedDistrict, seedDemoStaff, DEMO_PASSWORD } from '../src/app/server/demo-district';
import { seedServicesDemo } from '../src/domains/services/public';

const url = process.env.DATABASE_URL;
if (!url) { console.error('set DATABASE_URL (PostgreSQL)'); process.exit(2); }
const quick = process.argv.includes('--quick');
const records = quick ? 10_000 : Number(process.argv.find((a) => a.startsWith('--records='))?.split('=')[1] ?? 1_000_000);
const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? (quick ? 10 : 30));
const concurrency = 8;
const dbName = `zt_bench_lifecycle_${records}`;

const admin = new pg.Client({ connectionString: url });
await admin.connect();
if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).rowCount) await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const u = new URL(url);
u.pathname = `/${dbName}`;
const config = loadConfig({ ...process.env, DATABASE_URL: u.toString(), LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', DB_POOL_MAX: '16' });
const kernel = await prepareKernel({ config });
const [{ n: existing }] = await kernel.db.query<{ n: string }>(`SELECT count(*) AS n FROM applications`);
if (Number(existing) < records) {
  console.log(`seeding ${records} applications (not timed)…`);
  await kernel.db.tx(async (tx) => { await seedDistrict(tx); await seedDemoStaff(tx, kernel); });
  process.env.DEMO_APPLICATIONS = String(records);
  await seedServicesDemo(kernel);
}
const [{ n: total }] = await kernel.db.query<{ n: string }>(`SELECT count(*) AS n FROM applications`);
const app = await buildApp(kernel, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

async function session(username: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('zt_csrf='))!.slice(8);
  return (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf }, body: JSON.stringify(body) })
    .then(async (res) => { if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`); return res.json() as Promise<{ id: string }>; });
}
const clerk = await session('clerk_scj');
const reviewer = await session('reviewer_scj');
const [item] = await kernel.db.query<{ id: string }>(`SELECT s.id FROM service_items s JOIN orgs o ON o.id = s.org_id WHERE o.name = '湖滨区市场监督管理局' AND s.status = 'published' LIMIT 1`);
const applicant = { kind: 'person', name: '压测申请人', idNumber: '11010519491231002X', phone: '13900000000' };

async function drive(label: string, one: () => Promise<void>): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (Date.now() < until) { await one(); done++; } }));
  const rate = done / seconds;
  console.log(`${label}: ${done} lifecycles in ${seconds} s = ${rate.toFixed(1)}/s`);
  return rate;
}

const http = await drive('HTTP (zhengtong)', async () => {
  const { id } = await clerk('/api/applications', { itemId: item.id, applicant, idempotencyKey: randomUUID() });
  await clerk(`/api/applications/${id}/accept`, {});
  await reviewer(`/api/applications/${id}/approve`, {});
  await clerk(`/api/applications/${id}/deliver`, { method: '窗口领取' });
});

// Peer: the same four steps as raw SQL, one transaction each.
const pool = new pg.Pool({ connectionString: u.toString(), max: 16 });
const [org] = (await pool.query(`SELECT id, division_code FROM orgs WHERE name = '湖滨区市场监督管理局'`)).rows;
let seq = 0;
const raw = await drive('raw SQL (pg)', async () => {
  const id = randomUUID();
  const step = async (from: string | null, to: string, n: number) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      if (from === null) {
        await c.query(`INSERT INTO cases (id, type, ref_no, title, state, division_code, org_id, data, version, created_at, updated_at) VALUES ($1, 'application', $2, '压测', $3, $4, $5, '{}', 1, now(), now())`, [id, `RAW${process.pid}-${++seq}`, to, org.division_code, org.id]);
      } else {
        const r = await c.query(`UPDATE cases SET state = $2, version = version + 1, updated_at = now() WHERE id = $1 AND state = $3`, [id, to, from]);
        if (r.rowCount !== 1) throw new Error('lost race');
      }
      await c.query(`INSERT INTO case_events (id, case_id, seq, event, from_state, to_state, actor_name, at, input, division_code) VALUES ($1, $2, $3, $4, $5, $6, '压测', now(), '{}', $7)`, [randomUUID(), id, n, to, from, to, org.division_code]);
      await c.query(`INSERT INTO audit_log (id, stream, seq, at, actor_name, action, success, detail, prev_hash, hash) VALUES ($1, $2, $3, now(), '压测', $4, true, '{}', '', '')`, [randomUUID(), `raw:${id}`, n, to]);
      await c.query('COMMIT');
    } catch (e) { await c.query('ROLLBACK'); throw e; } finally { c.release(); }
  };
  await step(null, 'submitted', 1);
  await step('submitted', 'accepted', 2);
  await step('accepted', 'approved', 3);
  await step('approved', 'delivered', 4);
});
await pool.query(`DELETE FROM audit_log WHERE stream LIKE 'raw:%'; DELETE FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE ref_no LIKE 'RAW%'); DELETE FROM cases WHERE ref_no LIKE 'RAW%'`);
await pool.end();
await app.close();
await kernel.db.close();
console.log(`lifecycles/s: ${http.toFixed(1)} raw-sql/s: ${raw.toFixed(1)} ratio: ${(http / raw).toFixed(2)} records: ${total}`);
