/**
 * Province scale on PostgreSQL: N applications (default 10,000,000) across 100 counties in a scratch
 * database, then the registry's case metrics for the whole province and a year, timed. Peer in the same
 * run: the same received/completed/on-time counts straight off the records with one aggregate query.
 * Run: npm run bench:province [-- --records=N]  (also the second half of `npm run bench:report`);
 * DATABASE_URL picks the server, default postgres://postgres@127.0.0.1:5432/test.
 */
import pg from 'pg';
import { loadConfig } from '../src/core/server/config';
import { prepareKernel } from '../src/app/server/app';
import { computeMetric } from '../src/core/server/metrics';
import { rebuildCaseRollups } from '../src/core/server/cases/case.service';
import { sql } from 'drizzle-orm';

// PostgreSQL only (PGlite is the single-county engine): DATABASE_URL, else the local server.
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const N = Number(process.argv.find((a) => a.startsWith('--records='))?.split('=')[1] ?? 10_000_000);
const dbName = 'zt_bench_province';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const u = new URL(url);
u.pathname = `/${dbName}`;
const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).rowCount;
if (!exists) await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const kernel = await prepareKernel({ config: loadConfig({ ...process.env, DATABASE_URL: u.toString() }) });
const [{ n: have }] = await kernel.db.query<{ n: string }>(`SELECT count(*) AS n FROM cases`);
if (Number(have) !== N) {
  const t0 = performance.now();
  console.log(`loading ${N} applications across 100 counties (not timed as part of the metrics)…`);
  await kernel.db.exec(`TRUNCATE case_daily, cases CASCADE;
    INSERT INTO divisions (code, name, level, parent_code, path) VALUES ('410000', '河南省', 'province', NULL, '410000') ON CONFLICT DO NOTHING;
    INSERT INTO divisions (code, name, level, parent_code, path)
      SELECT '41' || lpad(c::text, 2, '0') || '00', '市' || c, 'city', '410000', '410000/41' || lpad(c::text, 2, '0') || '00' FROM generate_series(1, 10) c ON CONFLICT DO NOTHING;
    INSERT INTO divisions (code, name, level, parent_code, path)
      SELECT '41' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), '县' || c || '-' || k, 'county', '41' || lpad(c::text, 2, '0') || '00', '410000/41' || lpad(c::text, 2, '0') || '00/41' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0')
      FROM generate_series(1, 10) c, generate_series(1, 10) k ON CONFLICT DO NOTHING;
    INSERT INTO orgs (id, name, kind, division_code)
      SELECT gen_random_uuid(), '县' || code || '政务服务中心', 'service_center', code FROM divisions WHERE level = 'county' AND code LIKE '41%' AND code <> '411202' ON CONFLICT DO NOTHING;`);
  await kernel.db.exec(`CREATE TEMP TABLE bo AS SELECT row_number() OVER (ORDER BY division_code) AS i, id, division_code FROM orgs WHERE kind = 'service_center' AND division_code LIKE '41%' AND length(division_code) = 6;
    SET synchronous_commit = off;
    INSERT INTO cases (id, type, ref_no, title, state, division_code, org_id, data, version, created_at, updated_at, closed_at, primary_due, primary_stopped)
    SELECT gen_random_uuid(), 'application', 'PV' || g, '事项', CASE WHEN g % 25 = 0 THEN 'accepted' ELSE 'delivered' END, bo.division_code, bo.id, '{}'::jsonb, 3,
      d + interval '9 hours', d + interval '9 hours', CASE WHEN g % 25 = 0 THEN NULL ELSE d + interval '3 days' END,
      (d + interval '20 days')::date, CASE WHEN g % 25 = 0 THEN NULL ELSE (d + CASE WHEN g % 31 = 0 THEN interval '25 days' ELSE interval '3 days' END)::date END
    FROM generate_series(1, ${N}) g
    JOIN bo ON bo.i = 1 + g % (SELECT count(*) FROM bo)
    CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01 00:00+08' + ((g::bigint * 7919) % 320) * interval '1 day' AS d) x;`);
  await kernel.db.tx((tx) => rebuildCaseRollups(tx, kernel, sql`true`));
  await kernel.db.exec(`ANALYZE cases; ANALYZE case_daily;`);
  console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const q = { divisionCode: '410000', from: '2026-01-01', to: '2026-12-31', caseType: 'application' };
const timings: string[] = [];
let total = 0;
for (const key of ['cases.received', 'cases.completed', 'cases.onTimeRate', 'cases.overdue', 'cases.inProgress']) {
  const t0 = performance.now();
  const r = await kernel.db.tx((tx) => computeMetric(tx, kernel, key, q));
  const ms = performance.now() - t0;
  total += ms;
  timings.push(`${key}=${r!.numerator}${r!.denominator !== null ? `/${r!.denominator}` : ''} in ${ms.toFixed(0)} ms`);
}
const t1 = performance.now();
const [peer] = await kernel.db.query<{ r: string; c: string; o: string }>(`SELECT count(*) AS r, count(closed_at) AS c, count(*) FILTER (WHERE primary_stopped <= primary_due) AS o FROM cases WHERE division_code LIKE '41%' AND type = 'application' AND created_at >= '2026-01-01T00:00+08' AND created_at < '2027-01-01T00:00+08'`);
const peerMs = performance.now() - t1;
console.log(timings.join('\n'));
console.log(`peer (one aggregate over the records): received=${peer.r} completed=${peer.c} onTime=${peer.o} in ${peerMs.toFixed(0)} ms`);
console.log(`province metrics: ${total.toFixed(0)} ms for 5 metrics over ${N} records; goal < 5000 ms; ratio peer/ours: ${(peerMs / total).toFixed(1)}`);
await kernel.db.close();
