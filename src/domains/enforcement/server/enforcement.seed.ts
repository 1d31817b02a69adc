/**
 * The demo district's year of enforcement at the seeds' scale (DEMO_INSPECTIONS ≈ 3,000 涉企检查 and
 * DEMO_PENALTIES ≈ 400 行政处罚 over the last twelve months), deterministic, loaded along the machines by
 * the kernel's bulk loader; the domain's own rows are written keyed by the same ids.
 *
 * Officers are the credential register's holders whose 行政执法证 was valid on the day (its public.ts):
 * an org with fewer than two is given no cases, as 第42条 would have it. Inspections follow each org's
 * published plans and cap: a firm visited beyond the cap waits for the head's approval (most approved,
 * some refused); about four in ten visits are rated by the firm. Penalties run 立案 → 取证 → 告知 → (听证)
 * → (法制审核) → (集体讨论) → 决定 → 公示 → 送达 → 结案, a few published late, one or two left unpublished
 * past due, a few revoked and withdrawn; steps after today are not taken.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { bulkLoadCases, type BulkStep, type Kernel, randomToken, tenancy, type Tx } from '../../../core/server';
import { addDays, twelveMonthsBefore, workdaysIn } from '../../../core/shared/calendar';
import { creditCodeCheckChar, orgCodeCheckChar } from '../../../core/shared/ids';
import { REVIEW_GROUNDS } from '../shared/penalty.machine';
import { officersOf } from './credentials.port';
import { anonymise, settingsOf } from './enforcement.common';
import { evidence, firms, inspections, legalReviewers, penalties, plans, publications, type Officer } from './enforcement.tables';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const ALNUM = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(k: number): string {
  let body = '';
  let x = 7919 * (k + 101);
  for (let i = 0; i < 8; i++) { body += (i < 2 ? ALNUM.slice(0, 10) : '0123456789')[x % 10]; x = Math.floor(x / 7) + i * 13; }
  const first17 = `92411202${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}
const FIRM_WORDS = ['鑫源', '宏达', '天鹅湖', '黄河', '崤山', '陕州', '湖滨', '丰源', '永盛', '瑞达', '金城', '聚福', '康泰', '华联', '佳美', '顺达'];
const FIRM_KINDS = ['商贸有限公司', '餐饮店', '食品经营部', '建材有限公司', '超市', '药房', '汽车维修有限公司', '物流有限公司', '养殖专业合作社', '建筑工程有限公司'];
const PERSONS = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '欧阳', '孙'];
const CAUSES: [string, string][] = [
  ['销售过期食品', '《中华人民共和国食品安全法》第一百二十四条'], ['未取得许可从事经营活动', '《无证无照经营查处办法》第十三条'],
  ['违法建设', '《中华人民共和国城乡规划法》第六十四条'], ['占道经营', '《城市市容和环境卫生管理条例》第三十六条'],
  ['非法占用土地', '《中华人民共和国土地管理法》第七十七条'], ['未按规定公示价格', '《明码标价和禁止价格欺诈规定》第二十一条'],
  ['使用未经检验的特种设备', '《中华人民共和国特种设备安全法》第八十四条'], ['虚假宣传', '《中华人民共和国反不正当竞争法》第二十条'],
];
const PURPOSES = ['食品安全日常检查', '特种设备安全检查', '价格监督检查', '消防和安全生产检查', '建设工程质量检查', '药品经营质量检查', '环境卫生检查'];

export async function seedEnforcementDemo(kernel: Kernel) {
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enforcement_inspection_plans WHERE plan_no LIKE 'DEMO-%'`);
  if (Number(n) > 0) return;
  const s = settingsOf(kernel);
  const today = kernel.today();
  const start = twelveMonthsBefore(today);
  const rand = rng(20261207);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  await kernel.db.tx(async (tx) => {
    const cal = (await kernel.calendar.get(tx)).provisional();
    const days = workdaysIn(cal, start, today);
    const depts = (await tenancy.listOrgs(tx, '411202')).map((r) => r.org).filter((o) => o.kind === 'department');
    const holderCache = new Map<string, Officer[]>();
    const officersOn = async (orgId: string, on: string) => {
      const key = `${orgId}|${on}`;
      if (!holderCache.has(key)) holderCache.set(key, (await officersOf(tx, orgId, on)).map((o) => ({ holderId: o.holderId, name: o.name, credentialNo: o.credentialNo })));
      return holderCache.get(key)!;
    };
    const orgs = [];
    for (const o of depts) if ((await officersOn(o.id, today)).length >= 2) orgs.push(o);
    await registerDemoReviewers(tx, kernel);
    if (orgs.length === 0) return;
    const directorName = (name: string) => `${name.replace(/^湖滨区|^三门峡市/, '')}负责人`;

    // ---- firms and plans ----
    const firmCount = Math.max(20, Math.round(s.DEMO_INSPECTIONS / 2.5));
    const firmList = Array.from({ length: firmCount }, (_, k) => ({ code: creditCode(k), name: `三门峡${FIRM_WORDS[k % FIRM_WORDS.length]}${FIRM_KINDS[Math.floor(k / FIRM_WORDS.length) % FIRM_KINDS.length]}${k >= FIRM_WORDS.length * FIRM_KINDS.length ? `（${Math.floor(k / (FIRM_WORDS.length * FIRM_KINDS.length)) + 1}号店）` : ''}` }));
    for (let i = 0; i < firmList.length; i += 500) {
      await tx.insert(firms).values(firmList.slice(i, i + 500).map((f) => ({ creditCode: f.code, name: f.name, divisionCode: '411202', createdAt: kernel.now() }))).onConflictDoNothing();
    }
    const firmByCode = new Map(firmList.map((f) => [f.code, f]));
    const years = [...new Set([start.slice(0, 4), today.slice(0, 4)])].map(Number);
    const planOf = new Map<string, { id: string; cap: number; codes: string[] }>();
    const planRows = [];
    for (const [oi, o] of orgs.entries()) {
      for (const y of years) {
        const codes = firmList.filter((_, k) => (k + oi) % 3 !== 0).map((f) => f.code);
        const id = randomUUID();
        planRows.push({ id, orgId: o.id, divisionCode: o.divisionCode, year: y, planNo: `DEMO-${y}-${String(oi + 1).padStart(2, '0')}`, name: `${y}年度${o.shortName ?? o.name}双随机抽查计划`, kind: '日常检查', cap: null, firmCodes: codes, publishedOn: `${y}-01-15`, createdAt: kernel.now() });
        planOf.set(`${o.id}|${y}`, { id, cap: s.ENFORCEMENT_INSPECTION_CAP, codes });
      }
    }
    await tx.insert(plans).values(planRows);

    // ---- inspections ----
    const visitDays = days.filter((d) => d < today);
    const prior = new Map<string, number>();
    const cases: Parameters<typeof bulkLoadCases>[3] = [];
    const rows: (typeof inspections.$inferInsert)[] = [];
    // Steps of one case on one day must keep their order: hours fixed, the flag a minute after registration.
    const at = (d: string, h: number, min = 0) => new Date(`${d}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:00+08:00`);
    for (let k = 0; k < s.DEMO_INSPECTIONS; k++) {
      const visitOn = visitDays[Math.floor((k * visitDays.length) / Math.max(1, s.DEMO_INSPECTIONS))] ?? today;
      const o = orgs[Math.floor(rand() * orgs.length)];
      const officers = await officersOn(o.id, visitOn);
      if (officers.length < 2) continue;
      const year = Number(visitOn.slice(0, 4));
      const plan = planOf.get(`${o.id}|${year}`)!;
      const planned = rand() < 0.7;
      // Skewed choice of firm: a few firms draw many visits (the high-frequency warnings 54号 is about).
      const drawn = plan.codes[Math.floor(rand() ** 2 * plan.codes.length)];
      const firm = planned ? firmByCode.get(drawn)! : firmList[Math.floor(rand() ** 2 * firmList.length)];
      const key = `${o.id}|${firm.code}|${year}`;
      const before = prior.get(key) ?? 0;
      const overCap = before >= plan.cap;
      const refused = overCap && rand() < 0.3;
      const cancelled = !overCap && rand() < 0.02;
      if (!refused && !cancelled) prior.set(key, before + 1);
      const two = [officers[k % officers.length], officers[(k + 1) % officers.length]];
      const id = randomUUID();
      const purpose = planned ? pick(PURPOSES) : `${pick(PURPOSES)}（事由：${pick(['12345热线投诉', '群众举报', '上级交办', '复查整改情况'])}）`;
      const recent = visitOn >= addDays(today, -2);
      const path: BulkStep[] = [];
      if (overCap) {
        path.push({ event: 'flagOverCap', at: at(visitOn, 8, 1) });
        path.push(refused
          ? { event: 'refuse', at: at(visitOn, 9), actor: { name: directorName(o.name) }, input: { reason: '本年度已达检查频次上限，改为书面核查' } }
          : { event: 'approve', at: at(visitOn, 9), actor: { name: directorName(o.name) }, input: { reason: '投诉涉及安全隐患，确需现场检查' } });
      }
      const outcome = rand() < 0.75 ? '未发现问题' : rand() < 0.85 ? '责令限期整改' : '移送立案查处';
      if (cancelled) path.push({ event: 'cancel', at: at(visitOn, 9), actor: { name: two[0].name }, input: { reason: '企业停业，检查取消' } });
      else if (!refused && !recent) path.push({ event: 'complete', at: at(visitOn, 16), actor: { name: two[0].name }, input: { outcome, findings: outcome === '未发现问题' ? '现场检查未发现违法违规行为' : '发现问题，已当场告知企业' } });
      const done = path.at(-1)?.event === 'complete';
      const rated = (done || (!refused && !cancelled)) && rand() < 0.4;
      cases.push({ id, title: `${firm.name}：${purpose}`.slice(0, 200), orgId: o.id, divisionCode: o.divisionCode, applicantName: firm.name, data: { firmCode: firm.code, visitOn, overCap }, createdAt: at(visitOn, 8), createdBy: { name: two[0].name }, path });
      rows.push({
        caseId: id, orgId: o.id, divisionCode: o.divisionCode, firmCode: firm.code, firmName: firm.name, kind: planned ? 'planned' : 'complaint', planId: planned ? plan.id : null,
        purpose, officers: two, visitOn, token: randomToken(18), cap: plan.cap, priorVisits: before, overCap,
        outcome: done ? outcome : null, findings: done ? (outcome === '未发现问题' ? '现场检查未发现违法违规行为' : '发现问题，已当场告知企业') : null, completedOn: done ? visitOn : null,
        rating: rated ? pick([5, 5, 5, 4, 4, 3, 2]) : null, ratingComment: null, ratedOn: rated ? visitOn : null, createdAt: at(visitOn, 8),
      });
    }
    await bulkLoadCases(tx, kernel, 'inspection', cases, { audit: false, scannedOn: today });
    for (let i = 0; i < rows.length; i += 500) await tx.insert(inspections).values(rows.slice(i, i + 500));

    // ---- penalties ----
    const pCases: Parameters<typeof bulkLoadCases>[3] = [];
    const pRows: (typeof penalties.$inferInsert)[] = [];
    const eRows: (typeof evidence.$inferInsert)[] = [];
    const pubRows: (typeof publications.$inferInsert)[] = [];
    const perOrgYear = new Map<string, number>();
    const fileDays = days.filter((d) => d < addDays(today, -1));
    for (let k = 0; k < s.DEMO_PENALTIES; k++) {
      const filedOn = fileDays[Math.floor((k * fileDays.length) / Math.max(1, s.DEMO_PENALTIES))] ?? today;
      const o = orgs[k % orgs.length];
      const ev = await officersOn(o.id, addDays(filedOn, 1) <= today ? addDays(filedOn, 1) : filedOn);
      if (ev.length < 2) continue;
      const person = rand() < 0.35;
      const firm = firmList[Math.floor(rand() * firmList.length)];
      const partyName = person ? `${pick(PERSONS)}${pick(['伟', '芳', '强', '敏', '军', '丽'])}${rand() < 0.5 ? pick(['华', '平', '杰']) : ''}` : firm.name;
      const [cause, basis] = CAUSES[k % CAUSES.length];
      const hearing = k % 10 === 3;
      const grounds = k % 7 === 2 ? [REVIEW_GROUNDS[0]] : k % 11 === 5 ? [REVIEW_GROUNDS[2]] : [];
      const review = hearing || grounds.length > 0;
      const failFirst = review && k % 13 === 0;
      const major = k % 17 === 4;
      const other = k % 12 === 7;
      const lateness = k % 23 === 9 ? 'late' : k % 97 === 50 ? 'never' : 'onTime';
      const revoke = k % 67 === 30;
      const allGrounds = hearing ? [...new Set([...grounds, REVIEW_GROUNDS[1]])] : grounds;
      const officer = { name: ev[0].name };
      const head = { name: directorName(o.name) };
      const reviewer = { name: '韩雪' };
      const id = randomUUID();
      const steps: { on: string; step: BulkStep }[] = [];
      const add = (on: string, event: string, input: Record<string, unknown> | undefined, actor: { name: string } | undefined = officer) => steps.push({ on, step: { event, at: new Date(new Date(`${on}T10:00:00+08:00`).getTime() + steps.length * 60_000), actor, input } });
      let d = cal.addWorkdays(filedOn, 2);
      add(d, 'recordEvidence', { takenOn: d, officerIds: [ev[0].holderId, ev[1].holderId], summary: '现场检查笔录、照片、询问笔录' });
      const evidenceDays = [d];
      d = cal.addWorkdays(d, 5);
      add(d, 'notify', { proposal: `拟依据${basis}给予行政处罚`, hearingEligible: hearing, reviewGround: grounds[0], major });
      if (hearing) {
        add(cal.addWorkdays(d, 2), 'requestHearing', { requestedOn: cal.addWorkdays(d, 2) });
        const notice = cal.addWorkdays(d, 3);
        const held = cal.addWorkdays(notice, 8);
        add(notice, 'scheduleHearing', { noticeOn: notice, hearingOn: held, host: '法制股负责人' });
        add(held, 'holdHearing', { record: '当事人进行了陈述申辩' });
        d = held;
      } else {
        d = cal.addWorkdays(d, 5);
        add(d, 'waiveHearing', { statement: '当事人未提出陈述申辩' });
      }
      let reviewedOn: string | null = null;
      if (review) {
        if (failFirst) {
          add(cal.addWorkdays(d, 1), 'submitReview', undefined);
          add(cal.addWorkdays(d, 3), 'failReview', { opinion: '证据不足，退回补充调查' }, reviewer);
          const more = cal.addWorkdays(d, 6);
          add(more, 'recordEvidence', { takenOn: more, officerIds: [ev[0].holderId, ev[1].holderId], summary: '补充调查取证' });
          evidenceDays.push(more);
          add(cal.addWorkdays(more, 2), 'notify', { proposal: `拟依据${basis}给予行政处罚`, hearingEligible: false, reviewGround: allGrounds[0], major });
          add(cal.addWorkdays(more, 8), 'waiveHearing', { statement: '当事人未再提出陈述申辩' });
          d = cal.addWorkdays(more, 8);
        }
        add(cal.addWorkdays(d, 1), 'submitReview', undefined);
        d = cal.addWorkdays(d, 3);
        add(d, 'passReview', { opinion: '事实清楚，证据确凿，程序合法，适用依据正确' }, reviewer);
        reviewedOn = d;
      }
      if (major) { d = cal.addWorkdays(d, 1); add(d, 'discuss', { heldOn: d, attendees: '局长、副局长', conclusion: '同意拟处罚意见' }, head); }
      const decidedOn = cal.addWorkdays(d, 2);
      const amount = other ? null : [200, 500, 2000, 5000, 10000, 30000, 50000][k % 7];
      const year = decidedOn.slice(0, 4);
      const seq = (perOrgYear.get(`${o.id}|${year}`) ?? 0) + 1;
      perOrgYear.set(`${o.id}|${year}`, seq);
      const decisionNo = `湖${(o.shortName ?? o.name).replace(/^区/, '').slice(0, 3)}罚〔${year}〕${seq}号`;
      const content = other ? '违法行为轻微并及时改正，没有造成危害后果，决定不予行政处罚（行政处罚法 第33条）' : `罚款人民币${amount}元`;
      add(decidedOn, other ? 'decideOther' : 'decide', other ? { kind: '不予行政处罚', decisionNo, basis, content } : { decisionNo, basis, content, amount }, head);
      const dueOn = cal.addWorkdays(decidedOn, other ? 20 : 7);
      const servedOn = cal.addWorkdays(decidedOn, 2);
      const publishedOn = lateness === 'never' ? null : cal.addWorkdays(decidedOn, lateness === 'late' ? (other ? 24 : 10) : 3);
      const order = [
        ...(publishedOn && publishedOn <= servedOn ? [{ on: publishedOn, ev: 'publish' }] : []),
        { on: servedOn, ev: 'serve' },
        ...(publishedOn && publishedOn > servedOn ? [{ on: publishedOn, ev: 'publishServed' }] : []),
      ];
      for (const x of order) add(x.on, x.ev, x.ev === 'serve' ? { servedOn: x.on, method: '直接送达' } : undefined);
      const closedOn = publishedOn ? cal.addWorkdays(publishedOn > servedOn ? publishedOn : servedOn, 10) : null;
      if (closedOn) add(closedOn, 'close', { execution: other ? '不予处罚，结案' : '罚款已缴清' });
      const revokedOn = revoke && closedOn ? cal.addWorkdays(closedOn, 15) : null;
      const withdrawnOn = revokedOn ? cal.addWorkdays(revokedOn, 2) : null;
      if (revokedOn) { add(revokedOn, 'revokePublished', { reason: '行政复议决定撤销' }, head); add(withdrawnOn!, 'withdraw', { explanation: '该决定已被行政复议机关撤销' }); }
      // Steps after today are not taken: the case stops where today finds it.
      const taken = steps.filter((x) => x.on <= today && x.on >= filedOn);
      const last = (ev: string) => taken.some((x) => x.step.event === ev);
      const decided = last('decide') || last('decideOther');
      const published = last('publish') || last('publishServed');
      pCases.push({
        id, title: `${partyName}${cause}案`, orgId: o.id, divisionCode: o.divisionCode, applicantName: partyName,
        data: { evidenceCount: taken.filter((x) => x.step.event === 'recordEvidence').length, hearingEligible: hearing, major, reviewRequired: review && taken.some((x) => x.step.event === 'notify'), reviewGrounds: allGrounds, reviewPassed: reviewedOn ? last('passReview') : undefined, discussed: last('discuss'), hearingOn: hearing ? steps.find((x) => x.step.event === 'scheduleHearing')?.step.input?.hearingOn : undefined, published, withdrawn: last('withdraw'), ...(decided ? { decisionKind: other ? '不予行政处罚' : '给予行政处罚', decisionNo } : {}) },
        createdAt: at(filedOn, 9), createdBy: officer, path: taken.map((x) => x.step),
      });
      pRows.push({
        caseId: id, orgId: o.id, divisionCode: o.divisionCode, partyKind: person ? 'person' : 'org', partyName, partyCode: person ? null : firm.code, cause, source: pick(['检查发现', '检查发现', '投诉举报', '上级交办', '移送']),
        facts: `经查，当事人存在${cause}的行为`, filedOn, hearingEligible: hearing && last('notify'), major: major && last('notify'), reviewGrounds: last('notify') ? allGrounds : [],
        reviewedOn: reviewedOn && reviewedOn <= today ? reviewedOn : failFirst && last('failReview') ? steps.find((x) => x.step.event === 'failReview')!.on : null,
        reviewerName: (reviewedOn && reviewedOn <= today) || last('failReview') ? reviewer.name : null, reviewPassed: reviewedOn && reviewedOn <= today ? true : last('failReview') ? false : null,
        decisionKind: decided ? (other ? '不予行政处罚' : '给予行政处罚') : null, decisionNo: decided ? decisionNo : null, basis: decided ? basis : null, content: decided ? content : null,
        amount: decided ? amount : null, decidedOn: decided ? decidedOn : null, servedOn: last('serve') ? servedOn : null, closedOn: last('close') ? closedOn : null, createdAt: at(filedOn, 9),
      });
      for (const on of evidenceDays.filter((x) => x <= today)) eRows.push({ id: randomUUID(), caseId: id, takenOn: on, officers: [ev[0], ev[1]], summary: '现场检查笔录、照片、询问笔录', orgId: o.id, divisionCode: o.divisionCode, createdAt: at(on, 11) });
      if (decided) {
        pubRows.push({
          caseId: id, kind: other ? 'other' : 'penalty', orgId: o.id, divisionCode: o.divisionCode, partyShown: anonymise(partyName, person ? 'person' : 'org'), partyKind: person ? 'person' : 'org',
          decisionNo, cause, basis, content: `${other ? '不予行政处罚' : '给予行政处罚'}：${content}`, decidedOn, dueOn, publishedOn: published ? publishedOn : null,
          revokedOn: last('revokePublished') ? revokedOn : null, withdrawDueOn: last('revokePublished') ? cal.addWorkdays(revokedOn!, 3) : null, withdrawnOn: last('withdraw') ? withdrawnOn : null,
          withdrawReason: last('revokePublished') ? '行政复议决定撤销' : null, createdAt: at(decidedOn, 15),
        });
      }
    }
    await bulkLoadCases(tx, kernel, 'penalty', pCases, { audit: false, scannedOn: today });
    for (const [t, r] of [[penalties, pRows], [evidence, eRows], [publications, pubRows]] as const) {
      for (let i = 0; i < r.length; i += 500) await tx.insert(t).values(r.slice(i, i + 500) as never);
    }
  });
}

/** The justice bureau's reviewers hold the 法律职业资格 (第58条): the demo's legal_sfj and reviewer_sfj. */
async function registerDemoReviewers(tx: Tx, kernel: Kernel) {
  for (const [username, cert] of [['legal_sfj', 'A20164112020031'], ['reviewer_sfj', 'A20184112020117']] as const) {
    const u = await tenancy.getUserByUsername(tx, username);
    if (!u) continue;
    const grants = await tenancy.grantsOf(tx, u.id);
    const org = grants[0]?.orgId ? await tenancy.getOrg(tx, grants[0].orgId) : null;
    if (!org || (await tx.select().from(legalReviewers).where(eq(legalReviewers.userId, u.id))).length) continue;
    await tx.insert(legalReviewers).values({ userId: u.id, name: u.displayName, certificateNo: cert, orgId: org.id, divisionCode: org.divisionCode, createdAt: kernel.now() });
  }
}
