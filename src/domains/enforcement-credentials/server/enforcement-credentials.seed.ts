/**
 * The demo district's credential register at the scale the seed report gives ("申领《行政执法证》201个、
 * 《行政执法监督证》20个，注销《行政执法证》84个。截至12月份全区持有《行政执法证》574人、《行政执法监督证》
 * 38人", "全区执法人员完成60学时的培训"): DEMO_CREDENTIAL_HOLDERS people holding a card at the end, over
 * DEMO_CREDENTIAL_ORGS demo orgs, with the year's issues (application cases bulk-loaded along the
 * machine's path), cancellations on leaving, last year's and this year's 年审, exams and training hours.
 * Deterministic: the same register every run. Written set-based; history is not audited (the audit trail
 * records acts taken in this system).
 */
import { randomUUID } from 'node:crypto';
import { bulkLoadCases, domainConfig, siteDivisionCode, tenancy, type Kernel } from '../../../core/server';
import { addDays, diffDays, twelveMonthsBefore } from '../../../core/shared/calendar';
import { applicationMachine } from '../shared/enforcement-credentials.machine';
import type { CredentialKind, TrainingType } from '../shared/enforcement-credentials.labels';
import { credentialSettings } from './enforcement-credentials.config';
import * as repo from './enforcement-credentials.repository';
import { credentials, exams, holders, reviews, suspensions, trainings } from './enforcement-credentials.tables';
import { validToOf } from './enforcement-credentials.service';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志鹏辉斌宇浩凯健俊帆帅旭宁晨阳琳雪梅海波飞鑫彬亮冬';
/** Enforcement-heavy departments get more officers (weights), as a real register does. */
const WEIGHTS: [RegExp, number][] = [[/市场监督/, 9], [/城市管理/, 8], [/公安/, 8], [/自然资源/, 5], [/交通/, 5], [/卫生/, 4], [/人力资源/, 3], [/住房/, 4], [/医疗保障/, 2], [/教育/, 2], [/民政/, 2], [/司法/, 2]];
const SCOPES: [RegExp, string][] = [
  [/市场监督/, '食品安全、特种设备、产品质量、价格和市场秩序监督检查；行政处罚、行政强制'],
  [/城市管理/, '市容环境卫生、违法建设、户外广告监督检查；行政处罚'],
  [/公安/, '治安管理、道路交通安全管理；行政处罚、行政强制'],
  [/自然资源/, '土地、矿产资源违法行为查处；行政处罚'],
  [/交通/, '道路运输、公路路政监督检查；行政处罚'],
  [/卫生/, '公共场所卫生、医疗机构执业、传染病防治监督；行政处罚'],
  [/人力资源/, '劳动保障监察；行政处罚'],
  [/住房/, '建筑市场、房地产市场监督检查；行政处罚'],
  [/司法/, '行政执法监督；律师、公证、司法鉴定监督管理'],
];
const scopeOf = (orgName: string) => SCOPES.find(([r]) => r.test(orgName))?.[1] ?? '本单位权责清单所列行政检查、行政处罚事项';
const POSTS = ['科员', '一级科员', '四级主任科员', '三级主任科员', '副科长', '科长', '执法大队队员', '执法中队长'];
const SESSIONS: [TrainingType, string, number][] = [
  ['public', '习近平法治思想专题学习', 8], ['public', '行政处罚法、行政许可法、行政强制法专题培训', 12], ['public', '行政执法监督条例专题学习', 8],
  ['professional', '本系统专业法律法规培训', 16], ['professional', '行政处罚裁量基准培训', 8], ['skills', '执法文书制作和全过程记录实训', 8],
  ['skills', '执法案卷评查问题讲评', 4], ['trial', '旁听行政诉讼庭审', 4],
];

function rng(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export async function seedCredentialsDemo(kernel: Kernel) {
  const division = siteDivisionCode(kernel);
  const s = domainConfig(kernel, credentialSettings);
  const N = s.DEMO_CREDENTIAL_HOLDERS;
  if (N === 0) return;
  await kernel.db.tx(async (tx) => {
    if (await repo.anyHolderIn(tx, division)) return;
    const r = rng(20261207);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const today = kernel.today();
    const start = twelveMonthsBefore(today);
    const year = Number(today.slice(0, 4));
    const at = (d: string, h = 10) => new Date(`${d}T${String(h).padStart(2, '0')}:00:00+08:00`);
    const inYear = (k: number, n: number) => addDays(start, Math.floor(((k + r()) * Math.max(1, diffDays(start, today) - 3)) / Math.max(1, n)));
    const all = (await tenancy.listOrgs(tx, division)).map((o) => o.org).filter((o) => o.kind === 'department' || o.kind === 'township');
    const orgList = [...all.filter((o) => o.kind === 'department'), ...all.filter((o) => o.kind === 'township')].slice(0, s.DEMO_CREDENTIAL_ORGS);
    const sfj = orgList.find((o) => /司法局/.test(o.name)) ?? orgList[0];
    if (!orgList.length) return;
    const weights = orgList.map((o) => WEIGHTS.find(([re]) => re.test(o.name))?.[1] ?? 1);
    const wsum = weights.reduce((a, b) => a + b, 0);
    const orgOf = () => { let x = r() * wsum; for (let i = 0; i < orgList.length; i++) { x -= weights[i]; if (x < 0) return orgList[i]; } return orgList.at(-1)!; };

    // The report's proportions, scaled to N holders at the end of the year.
    const scale = (v: number) => Math.round((v * N) / 574);
    const cancelled = scale(84), issuedNew = scale(201), supNew = scale(20), supOld = scale(18);
    type P = { id: string; org: typeof orgList[number]; kind: CredentialKind; plan: 'old' | 'new' | 'left'; issuedOn: string; leftOn: string | null };
    const people: P[] = [];
    const oldIssued = () => addDays(start, -Math.floor(30 + r() * (365 * 4 - 60))); // within the 5-year validity
    for (let i = 0; i < N + cancelled + supNew + supOld; i++) {
      const sup = i >= N + cancelled;
      const plan: P['plan'] = sup ? (i - N - cancelled < supNew ? 'new' : 'old') : i < cancelled ? 'left' : i < cancelled + issuedNew ? 'new' : 'old';
      const org = sup ? sfj : orgOf();
      const issuedOn = plan === 'new' ? inYear(i % Math.max(1, issuedNew), Math.max(1, issuedNew)) : oldIssued();
      people.push({ id: randomUUID(), org, kind: sup ? 'supervision' : 'enforcement', plan, issuedOn, leftOn: plan === 'left' ? inYear(i, Math.max(1, cancelled)) : null });
    }
    // Holders, their qualifying exams (before the card), and this year's exam for the annual review.
    const hRows: (typeof holders.$inferInsert)[] = [];
    const eRows: (typeof exams.$inferInsert)[] = [];
    for (const p of people) {
      const name = pick([...SURNAMES]) + pick([...GIVEN]) + (r() < 0.6 ? pick([...GIVEN]) : '');
      hRows.push({
        id: p.id, name, gender: r() < 0.7 ? '男' : '女', orgId: p.org.id, divisionCode: p.org.divisionCode, post: pick(POSTS), employment: 'establishment',
        scope: p.kind === 'supervision' ? '行政执法监督' : scopeOf(p.org.name), status: p.plan === 'left' ? 'left' : 'active', leftOn: p.leftOn,
        leftReason: p.plan === 'left' ? pick(['调离执法岗位', '退休', '调出本区', '辞职']) : null, idTail: String(1000 + Math.floor(r() * 9000)), createdAt: at(addDays(p.issuedOn, -20)),
      });
      for (const subject of ['public', 'professional']) {
        eRows.push({ id: randomUUID(), holderId: p.id, subject, score: 62 + Math.floor(r() * 36), passed: true, takenOn: addDays(p.issuedOn, -10), orgId: p.org.id, divisionCode: p.org.divisionCode, createdAt: at(addDays(p.issuedOn, -10)) });
      }
    }
    // The year's applications, bulk-loaded along the machine's path (申领 → 审核通过并发证).
    const fresh = people.filter((p) => p.plan === 'new');
    const loaded = await bulkLoadCases(tx, kernel, applicationMachine.type, fresh.map((p) => {
      const h = hRows.find((x) => x.id === p.id)!;
      const filed = addDays(p.issuedOn, -(3 + Math.floor(r() * 10)));
      return {
        id: randomUUID(), title: `${h.name}申领${p.kind === 'supervision' ? '行政执法监督证' : '行政执法证'}`, orgId: p.org.id, divisionCode: p.org.divisionCode, applicantName: h.name,
        data: { holderId: p.id, holderName: h.name, kind: p.kind, scope: h.scope, renews: null }, createdAt: at(filed), createdBy: { name: p.org.name },
        path: [{ event: 'issue', at: at(p.issuedOn, 15), actor: { name: '韩雪' } }],
      };
    }), { audit: false, scannedOn: today });
    // Numbers: one block per kind from the same sequences the issue step uses.
    const cRows: (typeof credentials.$inferInsert)[] = [];
    for (const kind of ['enforcement', 'supervision'] as const) {
      const mine = people.filter((p) => p.kind === kind).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
      if (!mine.length) continue;
      const last = await repo.reserveSequence(tx, `credential:${division.slice(0, 6)}:${kind}`, mine.length);
      mine.forEach((p, k) => {
        const caseId = p.plan === 'new' ? loaded[fresh.indexOf(p)].id : null;
        cRows.push({
          id: randomUUID(), holderId: p.id, caseId, kind, number: `${division.slice(0, 6)}${kind === 'enforcement' ? '1' : '2'}${String(last - mine.length + 1 + k).padStart(5, '0')}`,
          verifyToken: randomUUID().replace(/-/g, ''), scope: hRows.find((h) => h.id === p.id)!.scope, issuedOn: p.issuedOn, validTo: validToOf(p.issuedOn, s.CREDENTIAL_VALIDITY_YEARS),
          status: p.plan === 'left' ? 'cancelled' : 'valid', statusReason: p.plan === 'left' ? `离岗注销：${hRows.find((h) => h.id === p.id)!.leftReason}` : null,
          cancelledOn: p.leftOn, orgId: p.org.id, divisionCode: p.org.divisionCode, createdAt: at(p.issuedOn, 15),
        });
      });
    }
    // Training hours of the year: most reach the required hours, a few fall short.
    const tRows: (typeof trainings.$inferInsert)[] = [];
    const hoursOf = new Map<string, number>();
    for (const p of people) {
      if (p.plan === 'left') continue;
      const short = r() < 0.06;
      let total = 0;
      SESSIONS.forEach(([type, title, hours], k) => {
        if (short && k % 2 === 1) return;
        const heldOn = addDays(`${year}-01-01`, Math.floor(((k + r()) * Math.max(1, diffDays(`${year}-01-01`, today) - 2)) / SESSIONS.length));
        if (heldOn > today) return;
        tRows.push({ id: randomUUID(), holderId: p.id, type, title, heldOn, hours, source: 'demo', orgId: p.org.id, divisionCode: p.org.divisionCode, createdAt: at(heldOn, 17) });
        if (type !== 'trial' || s.CREDENTIAL_TRIAL_COUNTS) total += hours;
      });
      hoursOf.set(p.id, total);
    }
    // 年审: last year's for cards then held (passed), this year's in November for cards issued before the year.
    const rRows: (typeof reviews.$inferInsert)[] = [];
    const sRows: (typeof suspensions.$inferInsert)[] = [];
    for (const c of cRows) {
      const p = people.find((x) => x.id === c.holderId)!;
      if (c.issuedOn! < `${year - 1}-01-01` && (!p.leftOn || p.leftOn > `${year - 1}-12-31`)) {
        rRows.push({ id: randomUUID(), credentialId: c.id!, holderId: p.id, year: year - 1, hours: 60 + Math.floor(r() * 16), requiredHours: s.CREDENTIAL_TRAINING_HOURS, examPassed: true, passed: true, reason: null, reviewedOn: `${year - 1}-12-1${Math.floor(r() * 9)}`, reviewerName: '韩雪', orgId: p.org.id, divisionCode: p.org.divisionCode, createdAt: at(`${year - 1}-12-10`) });
      }
      const reviewOn = `${year}-11-${String(10 + Math.floor(r() * 15)).padStart(2, '0')}`;
      if (p.plan === 'left' || c.issuedOn! >= `${year}-01-01` || reviewOn > today) continue;
      const hours = hoursOf.get(p.id) ?? 0;
      const passed = hours >= s.CREDENTIAL_TRAINING_HOURS;
      eRows.push({ id: randomUUID(), holderId: p.id, subject: 'professional', score: 65 + Math.floor(r() * 30), passed: true, takenOn: `${year}-09-20`, orgId: p.org.id, divisionCode: p.org.divisionCode, createdAt: at(`${year}-09-20`) });
      const reason = passed ? null : `年审未通过：${year}年度培训${hours}学时，不足规定的${s.CREDENTIAL_TRAINING_HOURS}学时（差${s.CREDENTIAL_TRAINING_HOURS - hours}学时）`;
      rRows.push({ id: randomUUID(), credentialId: c.id!, holderId: p.id, year, hours, requiredHours: s.CREDENTIAL_TRAINING_HOURS, examPassed: true, passed, reason, reviewedOn: reviewOn, reviewerName: '韩雪', orgId: p.org.id, divisionCode: p.org.divisionCode, createdAt: at(reviewOn) });
      if (!passed) {
        c.status = 'suspended';
        c.statusReason = reason;
        sRows.push({ id: randomUUID(), credentialId: c.id!, fromDate: reviewOn, reason: reason!, divisionCode: p.org.divisionCode, createdAt: at(reviewOn) });
      }
    }
    await repo.insertMany(tx, holders, hRows);
    await repo.insertMany(tx, exams, eRows);
    await repo.insertMany(tx, credentials, cRows);
    await repo.insertMany(tx, suspensions, sRows);
    await repo.insertMany(tx, reviews, rRows);
    await repo.insertMany(tx, trainings, tRows);
  });
}
