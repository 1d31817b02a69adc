import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { seedDemoStaff } from '../../../app/server/demo-district';
import { twelveMonthsBefore } from '../../../core/shared/calendar';
import { seedMediationDemo } from './mediation.seed';
import { checkReport } from '../../annual-report/public';
import { formatMetric } from '../../../core/shared/metric-units';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEMO_DISPUTES: '240', DEMO_SCREENINGS_PER_VILLAGE: '2', DEMO_LEGAL_ADVISERS: '12', DEMO_ADVISER_WORK: '166', DEMO_TICKETS: '600', DEMO_LETTERS: '0' } });
  // The demo's staff, created first as seedDemo does: the test template holds none.
  await t.kernel.db.tx((tx) => seedDemoStaff(tx, t.kernel));
  // The hotline's demo first (mediation seeds after it): some of its tickets become disputes.
  await t.kernel.domains.find((d) => d.name === 'hotline')!.seedDemo!(t.kernel);
  await seedMediationDemo(t.kernel);
  await seedMediationDemo(t.kernel); // a second run adds nothing
  // The advisers' seed is another domain's: run through the registry, as `zhengtong seed demo` does.
  const advisers = t.kernel.domains.find((d) => d.name === 'legal-advisers')!.seedDemo!;
  await advisers(t.kernel);
  await advisers(t.kernel);
});
afterAll(async () => { await t.close(); });

const one = async (sql: string, params: unknown[] = []) => Number((await t.kernel.db.query<{ n: number }>(sql, params))[0].n);

describe('人民调解 and 村（居）法律顾问 demo year', () => {
  it('fills the last twelve months through the machine: DEMO_DISPUTES disputes in every township, most settled, a population for all but one township', async () => {
    const today = t.kernel.today();
    const q = new URLSearchParams({ divisionCode: '411202', from: twelveMonthsBefore(today), to: today }).toString();
    const leader = await t.as('leader');
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body;
    expect((await m('mediation.received')).numerator).toBe(240);
    expect(await one(`SELECT count(*)::int AS n FROM cases WHERE type = 'mediation'`)).toBe(240);
    // Every case's state agrees with the domain's outcome row.
    expect(await one(`SELECT count(*)::int AS n FROM cases c JOIN mediation_disputes d ON d.case_id = c.id WHERE (c.state IN ('agreed', 'confirming', 'closed')) <> (d.outcome IS NOT DISTINCT FROM 'agreed')`)).toBe(0);
    expect(await one(`SELECT count(DISTINCT left(division_code, 9))::int AS n FROM mediation_disputes`)).toBe(10);
    const rate = await m('mediation.successRate');
    expect(rate.value).toBeGreaterThan(0.85);
    expect((await m('mediation.judiciallyConfirmed')).numerator).toBeGreaterThan(0);
    // The village mediator's login exists and sees only 会兴村.
    const v = await t.as('tiaojie_hx');
    const list = (await v.get('/api/mediations?pageSize=100')).body;
    expect(list.total).toBeGreaterThan(0);
    expect(list.total).toBe(await one(`SELECT count(*)::int AS n FROM mediation_disputes WHERE division_code = '411202006001'`));
    // 万人调解率: the county from its own figure, 崖底街道 refused (no population held), the others computed.
    const rates = (await (await t.as('jcgk_sfj')).get(`/api/mediation/rates?from=${twelveMonthsBefore(today)}&to=${today}`)).body;
    const yadi = rates.find((r: { name: string }) => r.name === '崖底街道');
    expect(yadi.perTenThousand).toBeNull();
    expect(yadi.refusal).toContain('未登记崖底街道');
    const others = rates.filter((r: { level: string; name: string }) => r.level === 'township' && r.name !== '崖底街道');
    expect(others).toHaveLength(9);
    for (const r of others) expect(r.perTenThousand, r.name).toBeCloseTo((r.received / r.population) * 10000, 2);
    expect(rates[0].level).toBe('county');
    expect(rates[0].perTenThousand).not.toBeNull();
    expect((await m('mediation.perTenThousand')).denominator).toBe(rates[0].population);
  });

  it('takes some demo 12345 tickets into mediation as the village mediator would: each such dispute links its ticket, and the ticket shows it', async () => {
    // The link is drawn in the mediator's name (the village may not read a ticket dispatched elsewhere): its audit entry names her.
    const linked = await t.kernel.db.query<{ dispute: string; ticket: string; source: string; by: string | null }>(
      `SELECT l.from_case_id AS dispute, l.to_case_id AS ticket, d.source,
              (SELECT a.actor_name FROM audit_log a WHERE a.stream = 'case:' || l.from_case_id AND a.action = 'case.link') AS by
         FROM case_links l JOIN mediation_disputes d ON d.case_id = l.from_case_id WHERE l.kind = 'mediatesTicket'`);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.length).toBeLessThanOrEqual(8);
    // Every dispute that says it came from 12345 has its ticket, and the other way round.
    expect(await one(`SELECT count(*)::int AS n FROM mediation_disputes WHERE source = '12345热线'`)).toBe(linked.length);
    for (const l of linked) expect(l).toMatchObject({ source: '12345热线', by: '贾秀梅' });
    // Registered through the service, in 会兴村, and audited as the mediator's registration.
    expect(await one(`SELECT count(*)::int AS n FROM mediation_disputes WHERE case_id = ANY($1::uuid[]) AND division_code = '411202006001' AND is_demo`, [linked.map((l) => l.dispute)])).toBe(linked.length);
    // The pages, as the leader (who reads both) opens them: the dispute names its ticket, the ticket the mediation.
    const leader = await t.as('leader');
    const d = (await leader.get(`/api/cases/${linked[0].dispute}`)).body;
    expect(d.links.map((x: { label: string; case: { id: string } }) => [x.label, x.case.id])).toContainEqual(['来源12345工单', linked[0].ticket]);
    const tk = (await leader.get(`/api/cases/${linked[0].ticket}`)).body;
    expect(tk.links.map((x: { label: string; case: { id: string } }) => [x.label, x.case.id])).toContainEqual(['转人民调解', linked[0].dispute]);
    // The village mediator may not open a ticket the centre dispatched to a department: her page counts the link, unnamed.
    const mine = (await (await t.as('tiaojie_hx')).get(`/api/cases/${linked[0].dispute}`)).body;
    expect(mine.links.length + mine.hiddenLinks).toBe(1);
  });

  it('gives the advisers a year of confirmed work in the report’s proportions', async () => {
    const today = t.kernel.today();
    const q = new URLSearchParams({ divisionCode: '411202', from: twelveMonthsBefore(today), to: today }).toString();
    const leader = await t.as('leader');
    const n = async (key: string) => (await leader.get(`/api/metrics/${key}?${q}`)).body.numerator;
    expect(await n('legalAdvisers.count')).toBe(12);
    expect(await one(`SELECT count(*)::int AS n FROM legal_adviser_logs`)).toBe(166);
    // 166 = 830 / 5: the report's 341 opinions and 335 on-site services lead, 6 major-matter opinions trail.
    const opinions = await n('legalAdvisers.opinions');
    expect(opinions).toBeGreaterThan(await n('legalAdvisers.lectures'));
    expect(await n('legalAdvisers.onSite')).toBeGreaterThan(await n('legalAdvisers.documents'));
    expect(opinions).toBeLessThanOrEqual(68);
    expect((await (await t.as('guwen_hx')).get('/api/legal-advisers/me')).body.villages.map((v: { name: string }) => v.name)).toEqual(['会兴村']);
  });

  it('prints the report sentences from the same figures, each opening as many records as it counts', async () => {
    const year = Number(t.kernel.today().slice(0, 4));
    const leader = await t.as('leader');
    const report = (await (await t.as('reviewer_sfj')).post('/api/annual-reports', { year, subjectKind: 'division', divisionCode: '411202' })).body;
    const paras = report.content.parts.flatMap((p: any) => p.sections.flatMap((x: any) => x.paragraphs));
    const text = (source: string) => paras.find((p: any) => p.source === source).segments.map((x: { text: string }) => x.text).join('');
    const m = async (key: string) => (await leader.get(`/api/metrics/${key}?divisionCode=411202&from=${year}-01-01&to=${year}-12-31`)).body;
    // 万人调解率 in the kernel's per-10,000 unit, over the county's own population figure.
    const per = await m('mediation.perTenThousand');
    expect(per.unit).toBe('perTenThousand');
    expect(per.value).toBeCloseTo((per.numerator / per.denominator) * 10000, 6);
    expect(text('disputes.mediation')).toBe(`全区各乡镇（街道）及各行政村（社区）共排查化解矛盾纠纷${(await m('mediation.received')).numerator}件，万人调解率${formatMetric(per)}，经人民法院司法确认调解协议${(await m('mediation.judiciallyConfirmed')).numerator}件。`);
    expect(text('disputes.mediation')).toMatch(/万人调解率\d+(\.\d{1,2})?件\/万人，/);
    // The rate beside its own base, so whoever divides the printed counts gets the printed rate.
    const success = text('disputes.mediationSuccess');
    expect(success).toMatch(new RegExp(`^调解终结${(await m('mediation.concluded')).numerator}件，其中调解成功${(await m('mediation.resolved')).numerator}件，调解成功率[\\d.]+%`));
    expect(checkReport(success).claims.filter((c) => c.kind === 'rate').map((c) => c.status)).toEqual(['ok']);
    expect(text('disputes.legalAdvisers')).toMatch(new RegExp(`^${(await m('legalAdvisers.count')).numerator}名村（居）法律顾问为咨询群众提供专业法律意见${(await m('legalAdvisers.opinions')).numerator}条，起草法律文书`));
    for (const source of ['disputes.mediation', 'disputes.mediationSuccess', 'disputes.legalAdvisers']) {
      const figures = paras.find((p: any) => p.source === source).segments.filter((x: any) => x.metric);
      expect(figures.length).toBeGreaterThanOrEqual(2);
      for (const f of figures) {
        const { key, numerator, denominator, query } = f.metric;
        const kind = (await m(key)).records;
        const records = async (which: string) => (await leader.get(`/api/metrics/${key}/${kind === 'rows' ? 'rows' : 'records'}?divisionCode=${query.divisionCode}&from=${query.from}&to=${query.to}&which=${which}&pageSize=1`)).body.total;
        expect(await records('numerator'), `${key} ${f.text}`).toBe(numerator);
        // A per-10,000 figure's denominator is the population register, not records (its recordsNote says where).
        if (denominator !== null && f.metric.unit !== 'perTenThousand') expect(await records('denominator'), `${key} ${f.text}`).toBe(denominator);
      }
    }
  });
});
