import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { isPostgres, startTestApp, type TestApp } from '../helpers/harness';
import { loadConfig } from '../../src/core/server/config';
import { verifyAudit } from '../../src/core/server/audit';
import { defineJob, enqueue, startWorker } from '../../src/core/server/jobs';
import { SYSTEM_ACTOR } from '../../src/core/server/actor';
import { createCase, transition } from '../../src/core/server/cases/case.service';
import * as tenancy from '../../src/core/server/tenancy.repository';

const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const ADMIN = { roles: ['sysadmin'], org: '湖滨区行政审批和政务信息管理局' };
const SECADMIN = { roles: ['secadmin'], org: '湖滨区行政审批和政务信息管理局' };
const AUDITOR = { roles: ['auditadmin'], org: '湖滨区行政审批和政务信息管理局' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe('audit chain (SM3, per stream)', () => {
  it('verifies an intact trail, then reports the first edited record and a deleted tail', async () => {
    await t.staff(CLERK_SCJ); // a login writes to the auth stream
    const ok = await verifyAudit(t.kernel.db);
    expect(ok.ok).toBe(true);
    expect(ok.records).toBeGreaterThan(0);
    const [victim] = (await t.kernel.db.query<{ id: string; stream: string; seq: number }>(`SELECT id, stream, seq FROM audit_log WHERE stream LIKE 'auth:%' AND action = 'auth.login' ORDER BY stream, seq LIMIT 1`));
    await t.kernel.db.query(`UPDATE audit_log SET success = NOT success WHERE id = $1`, [victim.id]);
    const bad = await verifyAudit(t.kernel.db);
    expect(bad.ok).toBe(false);
    expect(bad.firstBroken).toMatchObject({ stream: victim.stream, seq: victim.seq, reason: '记录内容与哈希不符（记录被改动）' });
    await t.kernel.db.query(`UPDATE audit_log SET success = NOT success WHERE id = $1`, [victim.id]);
    expect((await verifyAudit(t.kernel.db)).ok).toBe(true);
    const [last] = await t.kernel.db.query<{ id: string; stream: string; seq: number }>(`SELECT id, stream, seq FROM audit_log WHERE stream = $1 ORDER BY seq DESC LIMIT 1`, [victim.stream]);
    await t.kernel.db.query(`DELETE FROM audit_log WHERE id = $1`, [last.id]);
    const gone = await verifyAudit(t.kernel.db);
    expect(gone.ok).toBe(false);
    expect(gone.firstBroken!.stream).toBe(victim.stream);
    expect(gone.firstBroken!.reason).toMatch(/末尾记录被删除/);
  });

  it('records every read of personal data, and masks it in lists', async () => {
    const sec = await t.staff(SECADMIN);
    // A clerk whose mobile number is on file, as the security administrator enters one.
    const made = await sec.post('/api/admin/users', { username: 'pi_clerk', displayName: '测试窗口', phone: '13700006006', password: 'Good#Pass2026', roles: [{ role: 'clerk', orgId: (await t.staffUser(CLERK_SCJ)).orgId }] });
    expect(made.status).toBe(200);
    const u = (await sec.get('/api/admin/users?q=pi_clerk')).body.items[0];
    expect(u.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const full = await sec.get(`/api/admin/users/${u.id}/contact`);
    expect(full.body.phone).toMatch(/^1\d{10}$/);
    const rows = await t.kernel.db.query<{ action: string; entity_id: string }>(`SELECT action, entity_id FROM audit_log WHERE stream LIKE 'pi:%'`);
    expect(rows).toContainEqual({ action: 'pi.read', entity_id: u.id });
    // stored encrypted (SM4), never in clear
    const [stored] = await t.kernel.db.query<{ phone_enc: string }>(`SELECT phone_enc FROM users WHERE id = $1`, [u.id]);
    expect(stored.phone_enc).not.toContain(full.body.phone);
  });

  it('records failed logins with who, when and the outcome', async () => {
    const auditor = await t.staffUser(AUDITOR);
    await t.anon().post('/api/auth/login', { username: auditor.username, password: 'bad' });
    const r = await (await t.staff(AUDITOR)).get('/api/admin/audit?action=auth.login&pageSize=50');
    expect(r.status).toBe(200);
    expect(r.body.items.some((a: { success: boolean; actorName: string }) => !a.success && a.actorName === auditor.displayName)).toBe(true);
  });

  it('keeps the 三员 separate: the audit administrator cannot manage users, the system administrator cannot read the audit trail', async () => {
    expect((await (await t.staff(AUDITOR)).get('/api/admin/users')).status).toBe(403);
    expect((await (await t.staff(ADMIN)).get('/api/admin/audit')).status).toBe(403);
    const someone = (await (await t.staff(SECADMIN)).get(`/api/admin/users?q=${(await t.staffUser(CLERK_SCJ)).username}`)).body.items[0].id;
    expect((await (await t.staff(ADMIN)).post(`/api/admin/users/${someone}/unlock`)).status).toBe(403);
  });
});

describe('calendar administration', () => {
  it('shows a published year with its holidays', async () => {
    const r = await (await t.staff(ADMIN)).get('/api/calendar/years/2026');
    expect(r.body.status).toBe('published');
    expect(r.body.days.some((d: { date: string; name: string }) => d.date === '2026-10-01' && d.name.includes('国庆'))).toBe(true);
  });

  it('refuses a due date past the published years, then computes it once next year is published', async () => {
    const admin = await t.staff(ADMIN);
    const before = await admin.get('/api/calendar/due?start=2026-12-20&days=20');
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect((await admin.post('/api/admin/calendar/years/2027', { source: '国办发明电〔2026〕X号' })).status).toBe(200);
    const bad = await admin.put('/api/admin/calendar/days/2027-01-04', { kind: 'workday', name: '调休' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/调休上班只能设在周末/);
    for (const d of ['2027-01-01']) expect((await admin.put(`/api/admin/calendar/days/${d}`, { kind: 'holiday', name: '元旦' })).status).toBe(200);
    // a draft year does not take part in arithmetic
    expect((await admin.get('/api/calendar/due?start=2026-12-20&days=20')).status).toBe(422);
    const pub = await admin.post('/api/admin/calendar/years/2027/publish');
    expect(pub.body.status).toBe('published');
    const after = await admin.get('/api/calendar/due?start=2026-12-20&days=20');
    // Dec 21–31 has 9 working days; 2027-01-01 is a holiday; Jan 4.. gives the remaining 11 → 2027-01-18
    expect(after.body.dueDate).toBe('2027-01-18');
    expect((await (await t.staff(CLERK_SCJ)).put('/api/admin/calendar/days/2027-01-02', { kind: 'holiday', name: 'x' })).status).toBe(403);
  });
});

describe('compare-and-set', () => {
  it('refuses a transition whose version was overtaken between read and write', async () => {
    const { casState } = await import('../../src/core/server/cases/case.repository');
    const org = await t.kernel.db.tx((tx) => tenancy.getOrgByName(tx, '湖滨区教育局'));
    const { row } = await t.kernel.db.tx((tx) => createCase(tx, t.kernel, SYSTEM_ACTOR, { type: 'permit', title: '版本竞争', orgId: org!.id, divisionCode: org!.divisionCode }));
    const first = await t.kernel.db.tx((tx) => casState(tx, row.id, row.state, row.version, { state: 'accepted' }));
    expect(first?.version).toBe(row.version + 1);
    const stale = await t.kernel.db.tx((tx) => casState(tx, row.id, row.state, row.version, { state: 'rejected' }));
    expect(stale).toBeNull();
  });
});

describe('jobs and outbox', () => {
  it('runs each queued job exactly once across two workers', async () => {
    const seen: string[] = [];
    const job = defineJob({ name: 'test.count', handler: async (_k, p) => { seen.push(String(p.n)); await new Promise((r) => setTimeout(r, 5)); } });
    t.kernel.jobs.set(job.name, job);
    await t.kernel.db.tx(async (tx) => { for (let n = 0; n < 30; n++) await enqueue(tx, t.kernel, 'test.count', { n }); });
    const w1 = startWorker(t.kernel, { pollMs: 10, autoStart: false });
    const w2 = startWorker(t.kernel, { pollMs: 10, autoStart: false });
    for (let i = 0; i < 10 && seen.length < 30; i++) await Promise.all([w1.tick(), w2.tick()]);
    expect(seen.length).toBe(30);
    expect(new Set(seen).size).toBe(30);
    t.kernel.jobs.delete(job.name);
  });

  it('retries a failing job and records the error', async () => {
    let calls = 0;
    const job = defineJob({ name: 'test.flaky', maxAttempts: 3, handler: async () => { calls++; if (calls < 2) throw new Error('网关暂不可用'); } });
    t.kernel.jobs.set(job.name, job);
    await t.kernel.db.tx((tx) => enqueue(tx, t.kernel, 'test.flaky', {}));
    const w = startWorker(t.kernel, { pollMs: 10, autoStart: false });
    await w.tick();
    const [row] = await t.kernel.db.query<{ state: string; last_error: string }>(`SELECT state, last_error FROM jobs WHERE name = 'test.flaky'`);
    expect(row).toMatchObject({ state: 'queued', last_error: '网关暂不可用' });
    t.clock.addDays(1 / 1440);
    await w.tick();
    const [done] = await t.kernel.db.query<{ state: string }>(`SELECT state FROM jobs WHERE name = 'test.flaky'`);
    expect(done.state).toBe('done');
    t.kernel.jobs.delete(job.name);
  });

  it('does not deliver a notification of a rolled-back transaction', async () => {
    const { notify } = await import('../../src/core/server/outbox');
    await t.kernel.db.tx(async (tx) => notify(tx, t.kernel, { channel: 'sms', address: '13900000000', title: 'kept', body: '保留', divisionCode: '411202' }));
    await expect(t.kernel.db.tx(async (tx) => {
      await notify(tx, t.kernel, { channel: 'sms', address: '13900000000', title: 'dropped', body: '回滚', divisionCode: '411202' });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    const rows = await t.kernel.db.query<{ title: string }>(`SELECT title FROM outbox WHERE channel = 'sms'`);
    expect(rows.map((r) => r.title)).toEqual(['kept']);
  });
});

describe('metrics registry', () => {
  it('computes the generic case set with records behind each figure, and null for a rate without data', async () => {
    const k = t.kernel;
    const q = { from: '2026-11-01', to: '2026-11-30', divisionCode: '411202', caseType: 'permit' };
    const leader = await t.staff(LEADER);
    const empty = await leader.get(`/api/metrics/cases.onTimeRate?${new URLSearchParams(q)}`);
    expect(empty.body).toMatchObject({ numerator: 0, denominator: 0, value: null });
    const org = await k.db.tx((tx) => tenancy.getOrgByName(tx, '湖滨区医疗保障局'));
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await k.db.tx((tx) => createCase(tx, k, SYSTEM_ACTOR, { type: 'permit', title: `指标${i}`, orgId: org!.id, divisionCode: org!.divisionCode }))).row.id);
    }
    for (const id of ids.slice(0, 3)) await k.db.tx((tx) => transition(tx, k, SYSTEM_ACTOR, id, 'accept', {}));
    await k.db.tx((tx) => transition(tx, k, SYSTEM_ACTOR, ids[0], 'approve', {}));
    t.clock.set('2026-12-15T10:00:00+08:00'); // past the 20-working-day limit of 12-01
    await k.db.tx((tx) => transition(tx, k, SYSTEM_ACTOR, ids[1], 'approve', {}));
    const later = await t.staff(LEADER);
    const get = async (key: string, extra: Record<string, string> = {}) =>
      (await later.get(`/api/metrics/${key}?${new URLSearchParams({ ...q, orgId: org!.id, to: '2026-12-31', ...extra })}`)).body;
    expect((await get('cases.received')).value).toBe(4);
    expect((await get('cases.completed')).value).toBe(2);
    expect(await get('cases.onTimeRate')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect((await get('cases.overdue')).value).toBe(2); // one closed late, one still open past due
    expect((await get('cases.inProgress')).value).toBe(2);
    const recs = (await later.get(`/api/metrics/cases.onTimeRate/records?${new URLSearchParams({ ...q, orgId: org!.id, to: '2026-12-31' })}`)).body;
    expect(recs.items.map((r: { title: string }) => r.title)).toEqual(['指标0']);
    expect((await (await t.staff(CLERK_SCJ)).get(`/api/metrics/cases.received?${new URLSearchParams(q)}`)).status).toBe(403);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('operators', () => {
  it('publishes OpenAPI 3 with an operation per machine event', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/permits/{id}/accept', '/api/workbench', '/api/cases/{id}']));
    expect(doc.paths['/api/permits/{id}/reject'].post.requestBody.content['application/json'].schema.properties.reason).toBeTruthy();
  });

  it('answers health and Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    const m = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(m.body).toContain('zhengtong_http_request_duration_seconds');
    expect(m.body).toContain('zhengtong_jobs');
  });

  it('runs WORKERS app processes on one port on PostgreSQL, and refuses them on PGlite', async () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow('多进程（WORKERS>1）需要 PostgreSQL');
    if (!isPostgres()) return; // the PGlite run has checked the refusal; serving N processes needs PostgreSQL
    const port = await new Promise<number>((res) => { const srv = createServer().listen(0, '127.0.0.1', () => { const p = (srv.address() as { port: number }).port; srv.close(() => res(p)); }); });
    const env = { ...process.env, DATABASE_URL: t.kernel.config.DATABASE_URL, WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' };
    const proc = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/app/cli/main.ts', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout!.on('data', (d) => { out += d; });
    try {
      for (let i = 0; !out.includes('2个应用进程'); i++) {
        if (i > 600 || proc.exitCode !== null) throw new Error(`not started: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json())));
      expect(answers.every((a) => a.status === 'ok' && a.engine === 'postgres')).toBe(true);
    } finally {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
  }, 90_000);

  it('never leaks a raw database error', async () => {
    const r = await (await t.staff(CLERK_SCJ)).get('/api/cases/not-a-uuid');
    expect(r.status).toBe(404);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{bad json', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/请求格式不正确/);
  });

  it('keeps tenancy administration in scope and validates division codes against their parent', async () => {
    const admin = await t.staff(ADMIN);
    const divs = (await admin.get('/api/admin/divisions')).body as { code: string; level: string }[];
    expect(divs.filter((d) => d.level === 'township')).toHaveLength(10);
    expect(divs.filter((d) => d.level === 'village').length).toBeGreaterThan(40);
    const wrong = await admin.post('/api/admin/divisions', { code: '411203001', name: '错位街道', parentCode: '411202' });
    expect(wrong.status).toBe(400);
    expect((await admin.post('/api/admin/divisions', { code: '411202203', name: '新设乡', parentCode: '411202' })).status).toBe(200);
    expect((await admin.get('/api/admin/orgs')).body.length).toBeGreaterThanOrEqual(20);
    const dup = await admin.post('/api/admin/orgs', { name: '湖滨区民政局', kind: 'department', divisionCode: '411202' });
    expect(dup.status).toBe(409);
  });
});
