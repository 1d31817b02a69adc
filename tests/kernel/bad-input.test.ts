/**
 * Bad input never crashes the server (issue 18 §2): control characters, ids that are not ids, dates
 * that do not exist and paths spelled with escapes each get a 4xx with a Chinese message, and change
 * nothing. The cases are the ones a fuzzer driven from the OpenAPI document found answering 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness';

const CLERK_SCJ = { roles: ['clerk'], org: '湖滨区市场监督管理局' };
const CLERK_MZJ = { roles: ['clerk', 'reviewer'], org: '湖滨区民政局' };
const ADMIN = { roles: ['sysadmin'], org: '湖滨区行政审批和政务信息管理局' };

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const chinese = (m: unknown) => typeof m === 'string' && /[\u4e00-\u9fff]/.test(m);
const ticket = (over: Record<string, unknown> = {}) => ({
  kind: 'consult', category: '政务服务', title: '咨询办事流程', description: '想咨询一下营业执照变更需要哪些材料和流程。', callerName: '钱先生', callerPhone: '13703981234', ...over,
});

describe('bad input answers 4xx in Chinese and changes nothing', () => {
  it('refuses a NUL or other control character in any text field, public forms included', async () => {
    const count = async () => (await t.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0].n;
    const before = await count();
    for (const bad of ['\u0000', 'a\u0000b', '\u0007响铃', '\u001b[31m']) {
      const r = await t.anon().post('/api/public/tickets', ticket({ description: `想咨询一下营业执照变更需要哪些材料${bad}和流程。` }));
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(chinese(r.body.message), r.body.message).toBe(true);
      expect(r.body.message).toContain('诉求内容');
    }
    // In a query string and in a logged-in write too.
    const clerk = await t.staff(CLERK_SCJ);
    expect((await clerk.get('/api/workbench?q=%00')).status).toBe(400);
    expect((await t.anon().get('/api/public/tickets/track?refNo=RX%00&secret=1234')).status).toBe(400);
    expect(await count()).toBe(before);
    // Line breaks and tabs are text, not control characters to refuse.
    const orgs = (await (await t.staff(ADMIN)).get('/api/admin/orgs')).body as { id: string; name: string }[];
    const mzj = orgs.find((o) => o.name === '湖滨区民政局')!.id;
    const mine = await t.staff(CLERK_MZJ);
    expect((await mine.post('/api/permits', { title: '换行\r\n和\t制表', orgId: mzj })).status).toBe(200);
    expect((await mine.post('/api/permits', { title: '空字符\u0000', orgId: mzj })).status).toBe(400);
    expect(await count()).toBe(before + 1);
  });

  it('answers 400, not 500, for a path id that is not an id and a date that does not exist', async () => {
    const admin = await t.staff(ADMIN);
    for (const [method, url] of [
      ['POST', '/api/inbox/0/read'], ['GET', '/api/cases/0'], ['GET', '/api/cases/not-a-uuid'],
      ['DELETE', '/api/admin/calendar/days/2026-13-45'], ['PUT', '/api/admin/calendar/days/2026-02-30'],
    ] as const) {
      const r = await admin.request(method, url, method === 'PUT' ? { kind: 'holiday', name: '测试' } : method === 'POST' ? {} : undefined);
      expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${url}`).toBeLessThan(500);
      expect(chinese(r.body.message), `${method} ${url}: ${r.body.message}`).toBe(true);
    }
  });

  it('checks the session on the decoded path: /%61pi/ is /api/', async () => {
    const r = await t.anon().get('/%61pi/auth/me');
    expect(r.status).toBe(401);
    expect(chinese(r.body.message)).toBe(true);
    const w = await t.anon().get('/%61pi/workbench');
    expect(w.status).toBe(401);
  });

  it('answers an unknown API path, a wrong method and malformed JSON in Chinese', async () => {
    const clerk = await t.staff(CLERK_SCJ);
    for (const r of [
      await clerk.get('/api/no-such-thing'),
      await clerk.request('PATCH', '/api/workbench', {}),
      await t.anon().request('POST', '/api/public/tickets', '{"kind":', { 'content-type': 'application/json' }),
      await t.anon().request('POST', '/api/public/tickets', 'kind=consult', { 'content-type': 'application/x-www-form-urlencoded' }),
    ]) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(chinese(r.body.message), JSON.stringify(r.body)).toBe(true);
    }
  });
});
