import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { buildCase, buildOrg, buildStaff, type BuiltStaff } from '../../../core/server';

// Staff the tests act as, built for this file and named after the demo accounts they stand in for.
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let mediator: BuiltStaff; // 会兴村调委会 (village 411202006001)
let townMediator: BuiltStaff; // 交口乡 (township 411202200)
let admin: BuiltStaff; // 区司法局
let ticketRef = '';
let ticketId = '';
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-08-03T09:00:00+08:00');
  const committee = await buildOrg(t.kernel, { name: '会兴村人民调解委员会', kind: 'mediationCommittee', divisionCode: '411202006001' });
  mediator = await buildStaff(t.kernel, { roles: ['peopleMediator'], org: committee });
  townMediator = await buildStaff(t.kernel, { roles: ['peopleMediator'], org: await buildOrg(t.kernel, { name: '交口乡人民调解委员会', kind: 'mediationCommittee', divisionCode: '411202200' }) });
  const sfj = (await t.kernel.db.query<{ id: string }>(`SELECT id FROM orgs WHERE name = '湖滨区司法局'`))[0].id;
  admin = await buildStaff(t.kernel, { roles: ['mediationAdmin'], org: { id: sfj } as never });
  // A 12345 ticket about 会兴街道, dispatched to a department the village cannot see.
  const ticket = await buildCase(t.kernel, 'ticket', { divisionCode: '411202006', title: '邻居排水沟堵塞污水流进院子' });
  [ticketRef, ticketId] = [ticket.refNo, ticket.id];
});
afterAll(async () => { await t.close(); });

const login = (s: BuiltStaff) => new Client(t.app).login(s.username, s.password);
const post = async (c: Client, path: string, body: unknown = {}) => {
  const r = await c.post(path, body);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const dispute = (over: Record<string, unknown> = {}) => ({
  villageCode: '411202006001', type: '邻里纠纷', source: '村（居）调委会', summary: '王某家排水沟堵塞，污水流入李某院内，双方多次争吵',
  applicants: [{ name: '李秀英', phone: '13903981111', address: '会兴村三组' }], respondents: [{ name: '王建国', phone: '13903982222' }],
  mediators: '贾秀梅、张海', ...over,
});
const count = async (sql: string, p: unknown[] = []) => Number((await t.kernel.db.query<{ n: number }>(sql, p))[0].n);
const metric = async (c: Client, key: string, q = 'divisionCode=411202&from=2026-08-01&to=2026-08-31') => (await c.get(`/api/metrics/${key}?${q}`)).body;

describe('人民调解 by a village mediator', () => {
  it('registers a dispute from a 12345 ticket (the ticket shows it), mediates, agrees, reminds both parties of 司法确认, prints the 协议书, records the court and the follow-up', async () => {
    let c = await login(mediator);
    // Wrong ticket number or a ticket of another township: refused, nothing written.
    const before = await count(`SELECT count(*)::int AS n FROM cases WHERE type = 'mediation'`);
    const bad = await c.post('/api/mediations', dispute({ source: '12345热线', ticketRef: 'GD-0000-NOPE' }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('未找到该12345工单');
    expect((await c.post('/api/mediations', dispute({ villageCode: '411202200001' }))).status).toBe(403);
    expect((await c.post('/api/mediations', dispute({ ticketRef }))).body.message).toContain('纠纷来源应为“12345热线”');
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE type = 'mediation'`)).toBe(before);

    const { id } = await post(c, '/api/mediations', dispute({ source: '12345热线', ticketRef }));
    let d = (await c.get(`/api/cases/${id}`)).body;
    expect(d.stateName).toBe('已受理');
    const clock = (name: string) => d.clocks.find((x: { name: string }) => x.name === name);
    expect(clock('mediate').limit).toBe(30);
    expect(clock('mediate').dueDate).toBe('2026-09-02');
    // The ticket, as its handlers see it, names the mediation.
    const ticketView = (await (await t.staff(LEADER)).get(`/api/cases/${ticketId}`)).body;
    expect(JSON.stringify(ticketView.links)).toContain('转人民调解');

    await post(c, `/api/mediations/${id}/session`, { heldOn: '2026-08-03', mediators: '贾秀梅、张海', notes: '现场查看排水沟，听取双方意见' });
    expect((await c.post(`/api/mediations/${id}/session`, { heldOn: '2026-08-09', mediators: '贾秀梅', notes: '未来的日期' })).status).toBe(400);
    await post(c, `/api/mediations/${id}/extend`, { days: 10, reason: '双方同意延长' });
    expect((await c.post(`/api/mediations/${id}/extend`, { days: 5, reason: '再延' })).status).toBe(422);
    t.clock.set('2026-08-05T10:00:00+08:00');
    c = await login(mediator); // sessions time out when the test clock jumps
    await post(c, `/api/mediations/${id}/agree`, { signedOn: '2026-08-05', facts: '王建国家排水沟堵塞致污水流入李秀英院内', terms: '王建国于十日内疏通排水沟并加装盖板', performance: '2026年8月15日前履行完毕' });
    d = (await c.get(`/api/cases/${id}`)).body;
    expect(d.stateName).toBe('已达成协议（待回访）');
    expect(clock('confirmWindow').dueDate).toBe('2026-09-04');
    const sms = await t.kernel.db.query<{ address: string; body: string }>(`SELECT address, body FROM outbox WHERE case_id = $1 AND channel = 'sms' ORDER BY address`, [id]);
    expect(sms.map((m) => m.address)).toEqual(['13903981111', '13903982222']);
    expect(sms[0].body).toContain('三十日内（2026-09-04前）共同向人民法院申请司法确认');
    const file = (await c.get(`/api/mediations/${id}/file`)).body;
    expect(file.confirmation.remindedTo).toBe(2);
    expect(file.applicants[0].phone).toBe('139****1111');

    const res = await t.app.inject({ method: 'GET', url: `/api/mediations/${id}/agreement`, headers: { cookie: (c as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('人民调解协议书');
    expect(xml).toContain('王建国于十日内疏通排水沟并加装盖板');
    expect(xml).toContain('会兴村人民调解委员会');
    // The township mediator of another township cannot open it.
    expect((await (await login(townMediator)).get(`/api/mediations/${id}/file`)).status).toBe(404);

    await post(c, `/api/mediations/${id}/applyConfirm`, { court: '三门峡市湖滨区人民法院', appliedOn: '2026-08-05' });
    await post(c, `/api/mediations/${id}/courtAnswer`, { answer: '确认有效', decidedOn: '2026-08-05', rulingNo: '（2026）豫1202民特12号' });
    expect((await c.post(`/api/mediations/${id}/applyConfirm`, { court: '某法院', appliedOn: '2026-08-05' })).body.message).toBe('本案已申请过司法确认');
    await post(c, `/api/mediations/${id}/followUp`, { visitedOn: '2026-08-05', performance: '已履行' });
    expect((await c.get(`/api/cases/${id}`)).body.stateName).toBe('调解成功已回访');

    // Two more: one fails with a referral (第26条), one is withdrawn.
    const failed = (await post(c, '/api/mediations', dispute({ type: '土地纠纷' }))).id;
    await post(c, `/api/mediations/${failed}/fail`, { referral: '诉讼', reason: '双方对边界分歧较大' });
    const gone = (await post(c, '/api/mediations', dispute({ type: '婚姻家庭纠纷' }))).id;
    await post(c, `/api/mediations/${gone}/withdraw`, { reason: '双方已自行和解' });
    // A court referral after filing (simplified procedure) carries 7 days (在线调解规则 第24条).
    const court = (await post(c, '/api/mediations', dispute({ source: '法院委派', courtStage: 'filedSimple' }))).id;
    expect((await c.get(`/api/cases/${court}`)).body.clocks.find((x: { name: string }) => x.name === 'mediate').limit).toBe(7);

    const leader = await t.staff(LEADER);
    const value = async (key: string) => { const m = await metric(leader, key); return [m.numerator, m.denominator]; };
    expect(await value('mediation.received')).toEqual([4, null]);
    expect(await value('mediation.resolved')).toEqual([1, null]);
    expect(await value('mediation.successRate')).toEqual([1, 2]);
    expect(await value('mediation.judiciallyConfirmed')).toEqual([1, null]);
    const records = async (key: string, which = 'numerator') => (await leader.get(`/api/metrics/${key}/records?divisionCode=411202&from=2026-08-01&to=2026-08-31&which=${which}`)).body.items.map((x: { id: string }) => x.id).sort();
    expect(await records('mediation.successRate')).toEqual([id]);
    expect(await records('mediation.successRate', 'denominator')).toEqual([id, failed].sort());
    expect(await records('mediation.judiciallyConfirmed')).toEqual([id]);
  });

  it('refuses 万人调解率 where no population is held, and computes it once the population is entered', async () => {
    const a = await login(admin);
    const leader = await t.staff(LEADER);
    const before = await metric(leader, 'mediation.perTenThousand');
    expect(before.numerator).toBe(4);
    expect(before.denominator).toBeNull();
    expect(before.value).toBeNull();
    let rates = (await a.get('/api/mediation/rates?from=2026-08-01&to=2026-08-31')).body;
    const hx = () => rates.find((r: { divisionCode: string }) => r.divisionCode === '411202006');
    expect(hx().perTenThousand).toBeNull();
    expect(hx().refusal).toContain('未登记会兴街道');
    // Only the justice bureau keeps the register; bad rows change nothing.
    expect((await (await login(mediator)).post('/api/mediation/populations', { source: '年报', rows: [{ divisionCode: '411202006', asOf: '2025-12-31', population: 20000 }] })).status).toBe(403);
    expect((await a.post('/api/mediation/populations', { source: '年报', rows: [{ divisionCode: '411202006', asOf: '2025-12-31', population: 20000 }, { divisionCode: '999999', asOf: '2025-12-31', population: 5 }] })).status).toBe(400);
    expect(await count(`SELECT count(*)::int AS n FROM mediation_populations`)).toBe(0);
    await post(a, '/api/mediation/populations', { source: '街道年报', rows: [{ divisionCode: '411202006', asOf: '2025-12-31', population: 20000 }] });
    expect((await a.post('/api/mediation/populations', { source: '重复', rows: [{ divisionCode: '411202006', asOf: '2025-12-31', population: 1 }] })).status).toBe(409);
    rates = (await a.get('/api/mediation/rates?from=2026-08-01&to=2026-08-31')).body;
    expect([hx().received, hx().population, hx().perTenThousand]).toEqual([4, 20000, 2]);
    // The county still has no figure of its own nor one for every township: still refused.
    expect(rates.find((r: { level: string }) => r.level === 'county').perTenThousand).toBeNull();
    const town = await metric(leader, 'mediation.perTenThousand', 'divisionCode=411202006&from=2026-08-01&to=2026-08-31');
    expect([town.numerator, town.denominator]).toEqual([4, 20000]);
    expect(town.unit).toBe('perTenThousand');
    expect(town.value).toBeCloseTo(2, 6);
    await post(a, '/api/mediation/populations', { source: '统计公报', rows: [{ divisionCode: '411202', asOf: '2025-12-31', population: 80000 }] });
    expect((await metric(leader, 'mediation.perTenThousand')).denominator).toBe(80000);
  });

  it('imports populations from xlsx all or nothing, each bad row named, and the rate then computes', async () => {
    const a = await login(admin);
    const name = async (code: string) => (await t.kernel.db.query<{ name: string }>(`SELECT name FROM divisions WHERE code = $1`, [code]))[0].name;
    const jiaokou = await name('411202200');
    const head = ['区划代码', '区划名称', '统计日期', '常住人口', '数据来源'];
    const file = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('常住人口');
      ws.addRow(head);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const send = (c: Client, buf: Buffer) => c.request('POST', '/api/mediation/populations/import', buf, { 'content-type': XLSX });
    const before = await count(`SELECT count(*)::int AS n FROM mediation_populations`);
    const bad = await file([
      ['411202200', jiaokou, '2025-12-31', 30000, '区统计局年报'], // good on its own
      ['411202200', jiaokou, '2025-12-31', 30001, '区统计局年报'], // same division and date as row 2
      ['411299999', '', '2025-12-31', 100, '区统计局年报'], // not in the county
      ['411202200001', '不存在的村', '2025-12-31', 100, '区统计局年报'], // name does not match the code
      ['411202006', '', '2025-12-31', 20000, '街道年报'], // already registered in the test above
      ['411202200002', '', '2099-12-31', 100, '区统计局年报'], // future date
      ['411202200003', '', '2025-12-31', '一千', '区统计局年报'], // not a number
      ['411202200004', '', '2025-12-31', 1200, ''], // no source
    ]);
    const r = await send(a, bad);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('未导入任何人口数据');
    expect(r.body.details.rows.map((x: { row: number }) => x.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const msg = (row: number) => r.body.details.rows.find((x: { row: number }) => x.row === row).messages.join('；');
    expect(msg(3)).toContain('与第2行重复');
    expect(msg(4)).toContain('不在本区');
    expect(msg(5)).toContain('不一致');
    expect(msg(6)).toContain('已登记');
    expect(msg(7)).toContain('不能晚于今天');
    expect(msg(8)).toContain('整数');
    expect(msg(9)).toContain('数据来源');
    expect(await count(`SELECT count(*)::int AS n FROM mediation_populations`)).toBe(before);
    // Not a spreadsheet, or a mediator (who keeps no register): refused, nothing written.
    expect((await send(a, Buffer.from('not a workbook'))).body.details.rows[0].messages[0]).toContain('文件格式不正确');
    expect((await send(await login(mediator), await file([['411202200', jiaokou, '2025-12-31', 30000, '区统计局年报']]))).status).toBe(403);
    expect(await count(`SELECT count(*)::int AS n FROM mediation_populations`)).toBe(before);

    const good = await file([['411202200', jiaokou, '2025-12-31', 30000, '区统计局年报'], ['411202200', jiaokou, '2024-12-31', 29500, '区统计局年报']]);
    expect((await send(a, good)).body).toEqual({ imported: 2 });
    expect(await count(`SELECT count(*)::int AS n FROM mediation_populations`)).toBe(before + 2);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'mediation.population.import'`)).toBe(1);
    // The same file again: every row already held, nothing written.
    expect((await send(a, good)).status).toBe(400);
    const rates = (await a.get('/api/mediation/rates?from=2026-08-01&to=2026-08-31')).body;
    const jk = rates.find((x: { divisionCode: string }) => x.divisionCode === '411202200');
    expect([jk.population, jk.populationAsOf, jk.refusal]).toEqual([30000, '2025-12-31', null]);
    expect(jk.perTenThousand).toBeCloseTo((jk.received / 30000) * 10000, 2);
    const tpl = await a.get('/api/mediation/populations/template');
    expect(tpl.status).toBe(200);
  });

  it('records 排查 rounds per village in the mediator’s own scope', async () => {
    const c = await login(mediator);
    expect((await c.post('/api/mediation/screenings', { villageCode: '411202006001', heldOn: '2026-08-04', found: 2, resolved: 3 })).status).toBe(400);
    expect((await c.post('/api/mediation/screenings', { villageCode: '411202200001', heldOn: '2026-08-04', found: 2, resolved: 1 })).status).toBe(403);
    await post(c, '/api/mediation/screenings', { villageCode: '411202006001', heldOn: '2026-08-04', found: 5, resolved: 4, notes: '入户走访' });
    const mine = (await c.get('/api/mediation/screenings?from=2026-08-01&to=2026-08-31')).body;
    expect(mine.totals).toEqual({ rounds: 1, found: 5, resolved: 4 });
    expect((await (await login(townMediator)).get('/api/mediation/screenings?from=2026-08-01&to=2026-08-31')).body.totals.rounds).toBe(0);
    const m = await metric(await t.staff(LEADER), 'mediation.screened');
    expect(m.numerator).toBe(5);
  });
});
