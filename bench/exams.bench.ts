/**
 * The "everyone starts at 9:00" stampede of a 学法考试: N takers (default 1,000) each start their attempt
 * (POST /api/law-exams/:id/start: register look-up, paper drawn from the bank's index, one insert) and
 * fetch their paper (GET /api/law-exams/attempts/:id) through the real HTTP server on loopback. Two
 * arrival patterns: spread uniformly over one minute (--window=60), then the same number of new takers
 * all at once (a burst, the worst case of the minute). Run on embedded PGlite (the default engine) and,
 * as the peer in the same script, on PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/test);
 * it prints both and their ratios. Any error (non-200, network) fails the run: exit 1.
 * Setup is not timed: 2N staff accounts with one copied password hash, their register entries and
 * ready sessions are written directly (hashing 2,000 passwords would be the bench), then the bank
 * (DEMO_LAW_EXAM_QUESTIONS questions) and the exam (20 single + 10 multiple + 30 true/false).
 * Run: npm run bench:exams [-- --takers=1000 --window=60 --no-peer]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { loadConfig } from '../src/core/server/config';
import { buildApp, prepareKernel } from '../src/app/server/app';
import { seedDistrict, seedDemoStaff } from '../src/app/server/demo-district';
import { randomToken, sm3, tenancy, type Kernel } from '../src/core/server';
import { seedLawStudyDemo } from '../src/domains/law-study/server/law-study.seed';

const arg = (name: string, d: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d;
const TAKERS = Number(arg('takers', '1000'));
const WINDOW_S = Number(arg('window', '60'));
const PEER = !process.argv.includes('--no-peer');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
Object.assign(process.env, { DEMO_LAW_STUDY_OFFICIALS: '0', DEMO_LAW_STUDY_SESSIONS_PER_ORG: '0', DEMO_SHUFA: '0', DEMO_LAW_STUDY_MEETINGS: '0', DEMO_LAW_EXAM_QUESTIONS: '300' });

type Taker = { cookie: string; csrf: string };
type Phase = { start: number[]; paper: number[]; both: number[]; errors: string[]; wallMs: number };

async function prepare(kernel: Kernel): Promise<{ takers: Taker[]; admin: Taker }> {
  await kernel.db.tx(async (tx) => { await seedDistrict(tx); await seedDemoStaff(tx, kernel); });
  await seedLawStudyDemo(kernel);
  const [{ hash }] = await kernel.db.query<{ hash: string }>(`SELECT password_hash AS hash FROM users WHERE username = 'lawstudy_sfj'`);
  const orgs = await kernel.db.tx((tx) => tenancy.listOrgs(tx, '411202'));
  const now = kernel.now();
  const session = async (userId: string): Promise<Taker> => {
    const token = randomToken(); const csrf = randomToken();
    await kernel.db.query(`INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`, [sm3(token), userId, csrf, now.toISOString(), new Date(now.getTime() + 8 * 3600_000).toISOString()]);
    return { cookie: `zt_session=${token}; zt_csrf=${csrf}`, csrf };
  };
  const takers: Taker[] = [];
  for (let i = 0; i < TAKERS * 2; i++) {
    const id = randomUUID();
    const { org } = orgs[i % orgs.length];
    await kernel.db.query(`INSERT INTO users (id, username, display_name, kind, password_hash) VALUES ($1, $2, $3, 'staff', $4)`, [id, `bench_${i}`, `考生${i}`, hash]);
    await kernel.db.query(`INSERT INTO user_roles (user_id, role, org_id, division_code) VALUES ($1, 'clerk', $2, $3)`, [id, org.id, org.divisionCode]);
    await kernel.db.query(`INSERT INTO law_study_officials (id, name, post, leader, user_id, active, org_id, division_code, created_at) VALUES ($1, $2, NULL, false, $3, true, $4, $5, now())`, [randomUUID(), `考生${i}`, id, org.id, org.divisionCode]);
    takers.push(await session(id));
  }
  const [{ id: adminId }] = await kernel.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'lawstudy_sfj'`);
  await kernel.db.exec('ANALYZE');
  return { takers, admin: await session(adminId) };
}

function client(base: string, agent: Agent) {
  const { hostname, port } = new URL(base);
  return (t: Taker, method: string, path: string, body?: unknown) => new Promise<{ status: number; json: any }>((resolve) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ hostname, port, path, method, agent, headers: { cookie: t.cookie, 'x-csrf-token': t.csrf, ...(data ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { const text = Buffer.concat(chunks).toString(); let json: unknown = null; try { json = JSON.parse(text); } catch { json = text; } resolve({ status: res.statusCode ?? 0, json }); });
    });
    req.on('error', (e) => resolve({ status: 0, json: String(e) }));
    if (data) req.write(data);
    req.end();
  });
}

async function phase(call: ReturnType<typeof client>, examId: string, takers: Taker[], windowS: number): Promise<Phase> {
  const p: Phase = { start: [], paper: [], both: [], errors: [], wallMs: 0 };
  const t0 = performance.now();
  await Promise.all(takers.map((t, i) => new Promise<void>((done) => {
    // Arrivals spread evenly over the window (deterministic), or all at once.
    setTimeout(async () => {
      const a = performance.now();
      const s = await call(t, 'POST', `/api/law-exams/${examId}/start`, {});
      const b = performance.now();
      p.start.push(b - a);
      if (s.status !== 200) { p.errors.push(`start ${s.status} ${JSON.stringify(s.json).slice(0, 120)}`); return done(); }
      const r = await call(t, 'GET', `/api/law-exams/attempts/${s.json.attemptId}`);
      const c = performance.now();
      p.paper.push(c - b); p.both.push(c - a);
      if (r.status !== 200 || r.json.questions?.length !== 60) p.errors.push(`paper ${r.status} ${JSON.stringify(r.json).slice(0, 120)}`);
      done();
    }, windowS > 0 ? (i / takers.length) * windowS * 1000 : 0);
  })));
  p.wallMs = performance.now() - t0;
  return p;
}

const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN; };
const fmt = (n: number) => n.toFixed(1).padStart(8);

async function run(engine: 'pglite' | 'postgresql'): Promise<Record<string, Phase>> {
  let dataDir: string | null = null;
  let dbUrl: string | undefined;
  if (engine === 'postgresql') {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS zt_bench_exams');
    await admin.query('CREATE DATABASE zt_bench_exams');
    await admin.end();
    const u = new URL(PG_URL); u.pathname = '/zt_bench_exams'; dbUrl = u.toString();
  } else dataDir = mkdtempSync(join(tmpdir(), 'zt-bench-exams-'));
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', DB_POOL_MAX: '16', DATABASE_URL: dbUrl };
  if (dataDir) env.DATA_DIR = dataDir;
  const kernel = await prepareKernel({ config: loadConfig(env as NodeJS.ProcessEnv) });
  console.log(`[${engine}] preparing ${TAKERS * 2} takers, sessions, bank and exam (not timed)…`);
  const { takers, admin } = await prepare(kernel);
  const app = await buildApp(kernel, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const call = client(base, agent);
  const now = kernel.now();
  const exam = await call(admin, 'POST', '/api/law-exams', {
    title: '学法考试压力测试', opensAt: new Date(now.getTime() - 60_000).toISOString(), closesAt: new Date(now.getTime() + 3 * 3600_000).toISOString(), minutes: 60,
    blueprint: [{ type: 'single', topic: null, count: 20, points: 2 }, { type: 'multiple', topic: null, count: 10, points: 3 }, { type: 'judge', topic: null, count: 30, points: 1 }],
  });
  if (exam.status !== 200) throw new Error(`create exam: ${exam.status} ${JSON.stringify(exam.json)}`);
  // Warm-up: one taker outside the measured sets.
  const out: Record<string, Phase> = {};
  out[`spread over ${WINDOW_S}s`] = await phase(call, exam.json.id, takers.slice(0, TAKERS), WINDOW_S);
  out['burst (all at once)'] = await phase(call, exam.json.id, takers.slice(TAKERS), 0);
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM law_exam_attempts WHERE exam_id = $1`, [exam.json.id]);
  if (Number(n) !== TAKERS * 2) out['burst (all at once)'].errors.push(`attempts written ${n}, expected ${TAKERS * 2}`);
  agent.destroy();
  await app.close();
  await kernel.db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  return out;
}

function report(engine: string, r: Record<string, Phase>) {
  console.log(`\n${engine}: ${TAKERS} takers per phase (ms)            p50      p95      p99      max   errors   wall s`);
  for (const [name, p] of Object.entries(r)) {
    for (const [what, xs] of [['start', p.start], ['paper', p.paper], ['start+paper', p.both]] as const) {
      console.log(`  ${name.padEnd(22)} ${what.padEnd(12)} ${fmt(pct(xs, 0.5))} ${fmt(pct(xs, 0.95))} ${fmt(pct(xs, 0.99))} ${fmt(Math.max(...xs))} ${String(what === 'start' ? p.errors.length : '').padStart(8)} ${what === 'start' ? (p.wallMs / 1000).toFixed(1).padStart(8) : ''}`);
    }
    for (const e of p.errors.slice(0, 5)) console.log(`    error: ${e}`);
  }
}

console.log(`exams bench: node ${process.version}, ${TAKERS} takers spread over ${WINDOW_S}s, then ${TAKERS} more at once`);
const results: Record<string, Record<string, Phase>> = { pglite: await run('pglite') };
report('PGlite (embedded)', results.pglite);
if (PEER) {
  try {
    results.postgresql = await run('postgresql');
    report('PostgreSQL (peer)', results.postgresql);
    console.log('\nratios PGlite ÷ PostgreSQL (start+paper):');
    for (const name of Object.keys(results.pglite)) {
      const a = results.pglite[name].both; const b = results.postgresql[name].both;
      console.log(`  ${name.padEnd(22)} p50 ${(pct(a, 0.5) / pct(b, 0.5)).toFixed(2)}  p95 ${(pct(a, 0.95) / pct(b, 0.95)).toFixed(2)}  p99 ${(pct(a, 0.99) / pct(b, 0.99)).toFixed(2)}`);
    }
  } catch (e) { console.log(`\npeer skipped: PostgreSQL at ${PG_URL} unavailable (${(e as Error).message})`); }
}
const errors = Object.values(results).flatMap((r) => Object.values(r).flatMap((p) => p.errors));
console.log(`\nerrors: ${errors.length}`);
process.exit(errors.length ? 1 : 0);
