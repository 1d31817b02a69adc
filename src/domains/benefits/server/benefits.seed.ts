/**
 * Demo 免申即享: a register of DEMO_BENEFIT_FIRMS enterprises and DEMO_BENEFIT_PERSONS elderly residents
 * (deterministic, the same every run), imported source by source as the departments' exchange files
 * would bring them; the ten policies of service-catalog §5.3 published through review and approval;
 * one county scan thirty days ago with its 公示; most firms confirmed their account and were paid in one
 * batch. Staff: benefits_spj (区政数局, 惠企政策兑现专员: imports, scans, pays); clerk_rsj drafts 人社
 * policies; legal_sfj reviews; leader approves.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  type Actor, bulkLoadCases, createStaff, getOrgByName, type Kernel, siteDivisionCode, SYSTEM_ACTOR, tenancy,
} from '../../../core/server';
import { addDays } from '../../../core/shared/calendar';
import { FACT_BY_KEY, type FactSource } from '../shared/benefits.facts';
import { creditCodeFor, prng, residentIdFor, syntheticFirm, syntheticPerson } from '../shared/benefits.generate';
import { DEMO_POLICIES } from '../shared/benefits.policies';
import type { ParsedRow } from './benefits.import';
import * as repo from './benefits.repository';
import { createPayout, runScan, settingsOf, writeBatch } from './benefits.service';

const PLACES = ['湖滨', '崤函', '陕州', '甘棠', '天鹅', '黄河', '会兴', '涧河', '大安', '交口', '磁钟', '高庙', '明珠', '虢国', '函谷', '秦岭'];
const TRADES: Record<string, string[]> = {
  B: ['矿业'], C: ['机械制造', '新材料', '食品加工', '电子科技', '精密铸造', '果业加工'], D: ['新能源', '热力'], E: ['建筑工程'], F: ['商贸', '物资供应'],
  G: ['物流'], H: ['餐饮管理', '酒店管理'], I: ['信息技术', '软件'], L: ['商务咨询'], M: ['检测技术', '工程设计'],
};
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '桂兰', '玉兰', '凤英', '淑珍', '建国', '志强', '国华', '德明', '文忠', '秀珍', '广福', '玉梅', '振华', '长顺'];

export const BENEFITS_STAFF = { username: 'benefits_spj', name: '冯晓', org: '湖滨区行政审批和政务信息管理局' };

/** The register in departments' batches: each source brings its own facts. */
function bySource(rows: { code: string; kind: 'enterprise' | 'person'; name: string; phone: string | null; facts: Record<string, unknown> }[]) {
  const out = new Map<FactSource, ParsedRow[]>();
  rows.forEach((r, i) => {
    const per = new Map<FactSource, ParsedRow['facts']>();
    for (const [k, v] of Object.entries(r.facts)) {
      if (v === null || v === undefined) continue;
      const src = FACT_BY_KEY.get(k)!.source;
      if (!per.has(src)) per.set(src, {});
      per.get(src)![k] = v as ParsedRow['facts'][string];
    }
    for (const [src, facts] of per) {
      if (!out.has(src)) out.set(src, []);
      out.get(src)!.push({ row: i + 2, code: r.code, kind: r.kind, name: r.name, phone: r.phone, facts });
    }
  });
  return out;
}

export async function seedBenefitsDemo(kernel: Kernel) {
  const s = settingsOf(kernel);
  const county = siteDivisionCode(kernel);
  const today = kernel.today();
  const scanDay = addDays(today, -30);
  // The policies' year is the scan's: early in January the scan still falls in the year before.
  const year = Number(scanDay.slice(0, 4));
  const asOf = addDays(scanDay, -5);
  const r = prng(20261207);

  const spj = await kernel.db.tx(async (tx) => {
    const org = await getOrgByName(tx, BENEFITS_STAFF.org);
    if (!org) return null;
    if (!(await tenancy.getUserByUsername(tx, BENEFITS_STAFF.username))) {
      await createStaff(tx, kernel, SYSTEM_ACTOR, { username: BENEFITS_STAFF.username, displayName: BENEFITS_STAFF.name, password: 'Zt@2026demo', phone: '13903980611', roles: [{ role: 'benefitsOfficer', orgId: org.id }], mustChangePassword: false });
    }
    return org;
  });
  if (!spj) return;

  // ---- the register ----
  const firms = Array.from({ length: s.DEMO_BENEFIT_FIRMS }, (_, i) => {
    const facts = syntheticFirm(r, Number(scanDay.slice(0, 4)));
    const trade = TRADES[String(facts.industry)] ?? ['商贸'];
    const name = `三门峡${PLACES[i % PLACES.length]}${PLACES[(i * 7 + 3) % PLACES.length]}${trade[i % trade.length]}有限公司${i >= PLACES.length * PLACES.length ? `（${Math.floor(i / 256) + 1}）` : ''}`;
    return { code: creditCodeFor(county, 10_000_000 + i * 7), kind: 'enterprise' as const, name, phone: i % 3 === 0 ? `139${String(10_000_000 + i).slice(-8)}` : null, facts };
  });
  const persons = Array.from({ length: s.DEMO_BENEFIT_PERSONS }, (_, i) => {
    const facts = syntheticPerson(r, Number(scanDay.slice(0, 4)));
    return { code: residentIdFor(county, facts.birthDate, 100 + i), kind: 'person' as const, name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`, phone: null, facts };
  });
  const officer: Actor = { ...SYSTEM_ACTOR, name: BENEFITS_STAFF.name };
  for (const [source, rows] of bySource([...firms, ...persons])) {
    await kernel.db.tx((tx) => writeBatch(tx, kernel, officer, { source, channel: 'demo', asOf, fileName: `${source}.csv`, divisionCode: county, rows }));
  }

  // ---- the ten policies, reviewed, approved and published on 1 January ----
  const published = new Date(`${year}-01-10T10:00:00+08:00`);
  await kernel.db.tx(async (tx) => {
    const orgs = new Map((await tenancy.listOrgs(tx, county)).map((o) => [o.org.name, o.org]));
    const gov = orgs.get('湖滨区人民政府') ?? spj;
    const rows = DEMO_POLICIES.map((p) => ({ p, id: randomUUID(), org: orgs.get(p.issuer.replace(/^县/, '湖滨区').replace(/（.*）$/, '')) ?? gov }));
    const step = (event: string, day: number, name: string) => ({ event, at: new Date(published.getTime() + day * 86400_000), actor: { id: null, name, kind: 'staff' as const } });
    await bulkLoadCases(tx, kernel, 'benefitPolicy', rows.map(({ p, id, org }) => ({
      id, title: p.name, orgId: org.id, divisionCode: org.divisionCode, applicantName: p.issuer, data: { reviewDays: s.BENEFITS_REVIEW_DAYS, code: p.code },
      createdAt: new Date(published.getTime() - 10 * 86400_000), createdBy: { id: null, name: '政策起草人', kind: 'staff' },
      path: [step('submitReview', -8, '政策起草人'), step('passReview', -4, '韩雪'), step('publish', 0, '郑志强')],
    })), { audit: false, scannedOn: today });
    await repo.insertVersions(tx, rows.map(({ p, id, org }) => ({
      id: randomUUID(), caseId: id, version: 1, code: p.code, name: p.name, docNo: p.docNo, article: p.article, issuer: p.issuer, mode: p.mode, subjectKind: p.subject,
      recurrence: p.recurrence, exclusiveGroup: p.exclusiveGroup, budgetFen: p.budgetFen, validFrom: `${year}-01-01`, validTo: `${year + 2}-12-31`, terms: p.terms,
      status: 'published', publishedAt: published, orgId: org.id, divisionCode: org.divisionCode, createdAt: published,
    })));
  });

  // ---- one county scan thirty days ago, its 公示 over; most firms confirmed and were paid ----
  const scanId = randomUUID();
  await kernel.db.tx((tx) => repo.insertScan(tx, { id: scanId, snapshot: scanDay, state: 'queued', requestedBy: BENEFITS_STAFF.name, divisionCode: county, createdAt: new Date(`${scanDay}T09:00:00+08:00`) }));
  await runScan(kernel, scanId, { today: scanDay });
  const payDay = addDays(scanDay, s.BENEFITS_PUBLICITY_DAYS + 7);
  if (payDay > today) return;
  await kernel.db.tx(async (tx) => {
    const t = repo.resultsTable;
    const { rows } = await repo.resultViews(tx, and(eq(t.scanId, scanId), eq(t.outcome, 'eligible')), 100_000);
    if (!rows.length) return; // nothing was granted: no batch to pay
    let i = 0;
    for (const row of rows) {
      // About one in eight has not confirmed its account yet: those become 应享未享 after the period.
      if (i++ % 8 === 7) continue;
      const acct = `6217${String(1_000_000_000_000 + i * 7919).slice(-12)}`;
      // 快申快享 (P9): the firm submitted its pre-filled application two days after the scan, and 公示 ran from then.
      const applied = row.payState === 'awaitingApplication' ? { appliedAt: new Date(`${addDays(scanDay, 2)}T10:00:00+08:00`), publicityEnds: addDays(scanDay, 2 + s.BENEFITS_PUBLICITY_DAYS) } : {};
      await repo.updateResult(tx, row.id, { ...applied, payState: 'confirmed', accountName: row.subjectName, accountNoEnc: kernel.cipher.encrypt(acct), accountMasked: `${acct.slice(0, 4)}****${acct.slice(-4)}`, confirmedAt: new Date(`${addDays(scanDay, 3)}T10:00:00+08:00`) });
    }
    const payer: Actor = { kind: 'staff', id: null, name: BENEFITS_STAFF.name, divisionCode: county, grants: [{ role: 'benefitsOfficer', roleName: '惠企政策兑现专员', scope: 'division', orgId: spj.id, orgName: spj.name, divisionCode: spj.divisionCode, permissions: new Set(['benefits.pay', 'benefits.read']) }] };
    await createPayout(tx, kernel, payer, { paidOn: payDay });
  });
}
