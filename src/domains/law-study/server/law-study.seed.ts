/**
 * The demo district's year of 学法用法 at the seeds' scale: a register of DEMO_LAW_STUDY_OFFICIALS
 * officials (every staff account plus officials without one), DEMO_LAW_STUDY_SESSIONS_PER_ORG sessions
 * for every org, the government's quarterly 常务会议学法, two 旁听庭审 of 行政诉讼案件, a bank of
 * DEMO_LAW_EXAM_QUESTIONS questions, one annual exam sat by nearly all officials (and a make-up exam open
 * now, so a demo user can sit it), DEMO_SHUFA 述法 and DEMO_LAW_STUDY_MEETINGS meetings. Deterministic:
 * a seeded PRNG, the same year every run for the same today.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createStaff, siteDivisionCode, SYSTEM_ACTOR, tenancy, type Kernel, type Tx } from '../../../core/server';
import { addDays } from '../../../core/shared/calendar';
import * as repo from './law-study.repository';
import { drawPaper } from './exams.service';
import { settingsOf, syncRegister } from './law-study.service';
import type { AttemptRow, BlueprintLine, QuestionRow } from './law-study.tables';

function prng(seed: number) {
  let a = seed;
  return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export async function ensureLawStudyStaff(tx: Tx, kernel: Kernel) {
  if (await tenancy.getUserByUsername(tx, 'lawstudy_sfj')) return;
  const org = await tenancy.getOrgByName(tx, '湖滨区司法局');
  if (org) await createStaff(tx, kernel, SYSTEM_ACTOR, { username: 'lawstudy_sfj', displayName: '冯晓燕', password: 'Zt@2026demo', phone: '13903980431', roles: [{ role: 'lawStudyAdmin', orgId: org.id }], mustChangePassword: false });
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['建国', '海燕', '志刚', '丽娟', '晓东', '玉兰', '国强', '红梅', '伟', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '平', '刚', '桂英', '文博', '子涵', '思远', '雨萱', '浩然', '欣怡'];
const POSTS = ['局长', '副局长', '主任', '副主任', '科长', '副科长', '一级科员', '二级主任科员', '四级调研员', '党组书记'];
const LAWS: [string, string[]][] = [
  ['中华人民共和国宪法', ['国家机构', '公民基本权利和义务', '宪法宣誓']],
  ['中华人民共和国行政处罚法', ['处罚种类和设定', '处罚程序', '听证程序', '法制审核']],
  ['中华人民共和国行政许可法', ['许可的设定', '许可的实施程序', '许可期限']],
  ['中华人民共和国行政复议法', ['复议范围', '申请期限', '复议决定']],
  ['中华人民共和国行政诉讼法', ['受案范围', '负责人出庭应诉', '起诉期限']],
  ['中华人民共和国政府信息公开条例', ['主动公开', '依申请公开', '答复期限']],
  ['中华人民共和国法治宣传教育法', ['国家工作人员学法', '普法责任制']],
  ['重大行政决策程序暂行条例', ['决策程序', '合法性审查']],
];
/** A few real questions (with the article behind each); the rest are numbered drill items per topic. */
const REAL: Omit<QuestionRow, 'id' | 'orgId' | 'divisionCode' | 'createdAt' | 'active'>[] = [
  { law: '中华人民共和国行政处罚法', topic: '听证程序', type: 'single', stem: '行政机关拟作出较大数额罚款的行政处罚决定，应当告知当事人有要求听证的权利，当事人要求听证的，应当在行政机关告知后几日内提出？', options: ['三日', '五日', '七日', '十五日'], answer: 'B', explanation: '行政处罚法第64条第1项' },
  { law: '中华人民共和国行政复议法', topic: '申请期限', type: 'judge', stem: '公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请。', options: [], answer: 'T', explanation: '行政复议法第20条第1款' },
  { law: '中华人民共和国政府信息公开条例', topic: '答复期限', type: 'single', stem: '行政机关不能当场答复政府信息公开申请的，应当自收到申请之日起多少个工作日内予以答复？', options: ['十个', '十五个', '二十个', '三十个'], answer: 'C', explanation: '政府信息公开条例第33条第2款' },
  { law: '中华人民共和国行政诉讼法', topic: '负责人出庭应诉', type: 'judge', stem: '被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托行政机关相应的工作人员出庭。', options: [], answer: 'T', explanation: '行政诉讼法第3条第3款' },
  { law: '中华人民共和国行政处罚法', topic: '处罚种类和设定', type: 'multiple', stem: '下列属于行政处罚种类的有？', options: ['警告、通报批评', '罚款、没收违法所得', '暂扣许可证件、降低资质等级', '行政拘留'], answer: 'ABCD', explanation: '行政处罚法第9条' },
  { law: '中华人民共和国行政许可法', topic: '许可期限', type: 'single', stem: '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起多少日内作出行政许可决定？', options: ['十日', '十五日', '二十日', '三十日'], answer: 'C', explanation: '行政许可法第42条第1款' },
  { law: '中华人民共和国行政诉讼法', topic: '起诉期限', type: 'single', stem: '公民直接向人民法院提起行政诉讼的，应当自知道或者应当知道作出行政行为之日起多长时间内提出？', options: ['三个月', '六个月', '一年', '两年'], answer: 'B', explanation: '行政诉讼法第46条第1款' },
  { law: '重大行政决策程序暂行条例', topic: '决策程序', type: 'multiple', stem: '重大行政决策的法定程序包括？', options: ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定'], answer: 'ABCDE', explanation: '重大行政决策程序暂行条例第3条' },
];

export async function seedLawStudyDemo(kernel: Kernel) {
  const s = settingsOf(kernel);
  const division = siteDivisionCode(kernel);
  await kernel.db.tx((tx) => ensureLawStudyStaff(tx, kernel));
  const [{ n: done }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM law_exams`);
  if (Number(done) > 0) return;
  const rnd = prng(20261207);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const today = kernel.today();
  const start = addDays(today, -330);
  const dayIn = (from: string, to: string) => addDays(from, Math.floor(rnd() * (Math.max(0, (Date.parse(to) - Date.parse(from)) / 86400_000) + 1)));
  const at = (d: string, hh = 9) => new Date(`${d}T${String(hh).padStart(2, '0')}:00:00+08:00`);

  await kernel.db.tx(async (tx) => {
    await syncRegister(tx, kernel, division);
    const orgRows = (await tenancy.listOrgs(tx, division.slice(0, 6))).map((r) => r.org);
    const gov = orgRows.find((o) => o.name.endsWith('人民政府')) ?? orgRows[0];
    const sfj = orgRows.find((o) => o.name.endsWith('司法局')) ?? orgRows[0];
    // ---- register: officials without accounts up to the demo size, spread over the orgs ----
    const existing = await repo.listOfficials(tx, sql`true`);
    const extra = Math.max(0, s.DEMO_LAW_STUDY_OFFICIALS - existing.length);
    await repo.insertOfficials(tx, Array.from({ length: extra }, (_, i) => {
      const org = orgRows[i % orgRows.length];
      const post = i < orgRows.length * 2 ? POSTS[i < orgRows.length ? 0 : 1] : pick(POSTS.slice(4));
      return { id: randomUUID(), name: pick([...SURNAMES]) + pick(GIVEN), post, leader: i < orgRows.length * 2, userId: null, active: true, orgId: org.id, divisionCode: org.divisionCode, createdAt: kernel.now() };
    }));
    const all = await repo.listOfficials(tx, sql`true`);
    const byOrg = new Map<string, typeof all>();
    for (const o of all) byOrg.set(o.orgId, [...(byOrg.get(o.orgId) ?? []), o]);
    const leaders = all.filter((o) => o.leader);

    // ---- sessions ----
    const session = async (org: typeof orgRows[number], kind: string, topic: string, laws: string, heldOn: string, attendees: typeof all, extra: Partial<{ court: string; courtCaseNo: string; speakers: string; otherAttendees: number; minutes: number }> = {}) => {
      await repo.insertSession(tx, {
        id: randomUUID(), kind, topic, laws, speakers: extra.speakers ?? null, heldOn, minutes: extra.minutes ?? 90, otherAttendees: extra.otherAttendees ?? 0,
        court: extra.court ?? null, courtCaseNo: extra.courtCaseNo ?? null, materials: null, orgId: org.id, divisionCode: org.divisionCode, createdBy: null, createdAt: at(heldOn, 18),
      }, [...new Map(attendees.map((o) => [o.id, o])).values()].map((o) => ({ officialId: o.id, orgId: o.orgId, divisionCode: o.divisionCode })));
    };
    const kinds = ['lecture', 'caseExplain', 'partyLesson', 'training', 'centralGroup'];
    for (const org of orgRows) {
      const staff = byOrg.get(org.id) ?? [];
      for (let i = 0; i < s.DEMO_LAW_STUDY_SESSIONS_PER_ORG; i++) {
        const [law, topics] = pick(LAWS);
        const kind = kinds[i % kinds.length];
        await session(org, kind, `学习《${law.replace('中华人民共和国', '')}》${pick(topics)}`, law, dayIn(start, today), staff.filter(() => rnd() < 0.85), { speakers: kind === 'lecture' ? '区司法局法律顾问' : null as never, otherAttendees: Math.floor(rnd() * 6) });
      }
    }
    // 区政府常务会坚持季度学法: one per quarter that has begun (leaders of the government attend).
    const govLeaders = leaders.filter((o) => o.orgId === gov.id).concat(leaders.slice(0, 6));
    for (let q = 1; q <= 4; q++) {
      const d = `${today.slice(0, 4)}-${String(q * 3 - 1).padStart(2, '0')}-15`;
      if (d <= today) await session(gov, 'govExecutive', `区政府常务会议会前学法（第${q}季度）`, pick(LAWS)[0], d, govLeaders, { speakers: '区司法局局长', minutes: 30 });
    }
    // 行政诉讼案件旁听庭审活动2次
    for (const [i, caseNo] of ['（2026）豫1202行初12号', '（2026）豫1202行初27号'].entries()) {
      await session(sfj, 'courtVisit', '组织领导干部旁听行政诉讼案件庭审', '中华人民共和国行政诉讼法', addDays(start, 120 + i * 120), leaders.filter(() => rnd() < 0.3), { court: '三门峡市湖滨区人民法院', courtCaseNo: caseNo, minutes: 150 });
    }

    // ---- bank ----
    const bank: QuestionRow[] = REAL.map((q) => ({ ...q, id: randomUUID(), active: true, orgId: sfj.id, divisionCode: sfj.divisionCode, createdAt: kernel.now() }));
    for (let i = bank.length; i < s.DEMO_LAW_EXAM_QUESTIONS; i++) {
      const [law, topics] = LAWS[i % LAWS.length];
      const topic = topics[Math.floor(i / LAWS.length) % topics.length];
      const type = (['single', 'single', 'multiple', 'judge', 'judge'] as const)[i % 5];
      const short = law.replace('中华人民共和国', '');
      bank.push({
        id: randomUUID(), law, topic, type, active: true, orgId: sfj.id, divisionCode: sfj.divisionCode, createdAt: kernel.now(), explanation: `《${short}》${topic}相关条款`,
        stem: type === 'judge' ? `（练习${i + 1}）《${short}》关于${topic}的规定适用于本区全部行政机关。` : `（练习${i + 1}）根据《${short}》，关于${topic}，下列说法${type === 'multiple' ? '正确的有' : '正确的是'}？`,
        options: type === 'judge' ? [] : ['说法一', '说法二', '说法三', '说法四'],
        answer: type === 'judge' ? (i % 2 ? 'T' : 'F') : type === 'multiple' ? ['AB', 'ACD', 'BC', 'ABD'][i % 4] : 'ABCD'[i % 4],
      });
    }
    if (bank.length) await repo.insertQuestions(tx, bank);

    // ---- the annual exam (closed) and a make-up exam open now ----
    const counts = { single: bank.filter((q) => q.type === 'single').length, multiple: bank.filter((q) => q.type === 'multiple').length, judge: bank.filter((q) => q.type === 'judge').length };
    const blueprint: BlueprintLine[] = [
      { type: 'single', topic: null, count: Math.min(20, counts.single), points: 2 },
      { type: 'multiple', topic: null, count: Math.min(10, counts.multiple), points: 3 },
      { type: 'judge', topic: null, count: Math.min(30, counts.judge), points: 1 },
    ].filter((l) => l.count > 0) as BlueprintLine[];
    if (!blueprint.length) return;
    const total = blueprint.reduce((n, l) => n + l.count * l.points, 0);
    const opened = addDays(today, -30);
    const annual = { id: randomUUID(), title: `${today.slice(0, 4)}年度全区党政干部学法考试`, opensAt: at(opened), closesAt: at(addDays(opened, 5), 18), limitSeconds: 3600, maxAttempts: s.LAW_EXAM_MAX_ATTEMPTS, passMark: s.LAW_EXAM_PASS_MARK, totalPoints: total, blueprint, orgId: sfj.id, divisionCode: sfj.divisionCode, createdBy: null, createdAt: at(addDays(opened, -7)) };
    await repo.insertExam(tx, annual);
    await repo.insertExam(tx, { ...annual, id: randomUUID(), title: `${today.slice(0, 4)}年度学法考试（补考）`, opensAt: at(addDays(today, -1)), closesAt: at(addDays(today, 14), 18), maxAttempts: 1, createdAt: kernel.now() });
    const index = bank.filter((q) => q.active).map((q) => ({ id: q.id, type: q.type, topic: q.topic }));
    const keys = new Map(bank.map((q) => [q.id, q]));
    const points = blueprint.flatMap((l) => Array.from({ length: l.count }, () => l.points));
    const rows: AttemptRow[] = [];
    // 学法考试合格率100% is what the seeds report; a few officials here still fail their first attempt.
    for (const o of all.filter((x) => x.userId === null)) {
      if (rnd() < 0.03) continue; // did not sit
      const ability = 0.55 + rnd() * 0.45;
      let tries = 1 + (rnd() < 0.25 ? 1 : 0);
      for (let n = 1; n <= tries; n++) {
        const ids = drawPaper(index, blueprint);
        const answers: Record<string, string> = {};
        const correct: Record<string, boolean> = {};
        let score = 0;
        ids.forEach((id, i) => {
          const q = keys.get(id)!;
          const right = rnd() < ability + (n - 1) * 0.1;
          answers[id] = right ? q.answer : q.type === 'judge' ? (q.answer === 'T' ? 'F' : 'T') : q.answer === 'A' ? 'B' : 'A';
          correct[id] = right;
          if (right) score += points[i];
        });
        const begun = new Date(annual.opensAt.getTime() + Math.floor(rnd() * 4 * 86400_000));
        rows.push({ id: randomUUID(), examId: annual.id, officialId: o.id, attemptNo: n, startedAt: begun, deadline: new Date(begun.getTime() + 3600_000), submittedAt: new Date(begun.getTime() + (30 + Math.floor(rnd() * 29)) * 60_000), questionIds: ids, answers, correct, score, orgId: o.orgId, divisionCode: o.divisionCode });
        if (score * 100 >= annual.passMark * total) tries = n;
      }
    }
    await repo.insertAttempts(tx, rows);

    // ---- meetings ----
    const meetingPlan: [string, string, string, string][] = [
      ['partyCommittee', '区委常委会会议', '传达学习中央全面依法治国工作会议精神，研究部署本区法治建设重点任务', '印发年度法治建设工作要点'],
      ['govExecutive', '区政府常务会议', '听取法治政府建设情况汇报，审议法治政府建设年度报告', '报告经会议审议通过后按期公开'],
      ['partyCommittee', '区委常委会会议', '专题研究党政主要负责人述法工作', '组织全区党政干部开展述法履职'],
      ['govExecutive', '区政府常务会议', '研究行政复议、行政应诉工作和败诉案件整改', '责成有关单位限期整改'],
      ['committee', '区委全面依法治区委员会会议', '审议年度依法治区工作要点和考核办法', '印发依法治区工作要点'],
      ['committee', '区委全面依法治区委员会办公室会议', '督办法治督察发现问题整改', '建立问题整改台账'],
      ['shufaMeeting', '党政主要负责人述法会', '乡镇（街道）和部门主要负责人现场述法、接受点评', '述法结果纳入年度考核'],
      ['firstResponsibleAct', '区长带头讲法治课', '区政府主要负责人讲授法治专题党课', null as never],
      ['firstResponsibleAct', '区委书记批示督办', '对行政诉讼败诉案件作出批示，要求举一反三', '相关单位完成整改'],
      ['firstResponsibleAct', '主要负责人出庭应诉', '区政府主要负责人出庭应诉并发表意见', null as never],
      ['govExecutive', '区政府常务会议', '审议重大行政决策事项合法性审查意见', '决策事项依法提请审议'],
      ['partyCommittee', '区委常委会会议', '听取法治建设第一责任人职责落实情况', '纳入年度考核'],
    ];
    const meetingRows = meetingPlan.slice(0, s.DEMO_LAW_STUDY_MEETINGS).map(([kind, title, topics, decisions], i) => ({
      id: randomUUID(), kind, title: kind === 'partyCommittee' || kind === 'govExecutive' ? `${title}（第${i + 3}次）` : title, heldOn: addDays(start, 20 + i * 25 > 320 ? 320 : 20 + i * 25),
      chair: kind === 'govExecutive' ? '区长' : kind === 'partyCommittee' ? '区委书记' : '区委书记、区长', topics, decisions: decisions ?? null, orgId: gov.id, divisionCode: gov.divisionCode, createdBy: null, createdAt: kernel.now(),
    }));
    for (const m of meetingRows) await repo.insertMeeting(tx, m);
    const shufaMeeting = meetingRows.find((m) => m.kind === 'shufaMeeting');

    // ---- 述法: leaders first, then others, DEMO_SHUFA of them ----
    const year = Number(today.slice(0, 4));
    const people = [...leaders, ...all.filter((o) => !o.leader)].slice(0, s.DEMO_SHUFA);
    await repo.insertShufaMany(tx, people.map((o, i) => {
      const onsite = !!shufaMeeting && i < 30;
      return {
        id: randomUUID(), officialId: o.id, year, form: onsite ? 'onsite' : 'written', meetingId: onsite ? shufaMeeting!.id : null, reportedOn: onsite ? shufaMeeting!.heldOn : dayIn(addDays(today, -60), today),
        content: `${o.orgName}${o.post ?? ''}${o.name}${year}年度述法报告：带头学法${1 + (i % 5)}次，依法决策、依法履职情况良好。`,
        rating: i % 9 === 0 ? null : pick(['好', '好', '较好', '一般']), comments: onsite ? '述法内容具体，建议进一步加强行政执法监督。' : null, ratedBy: null,
        orgId: o.orgId, divisionCode: o.divisionCode, createdBy: null, createdAt: kernel.now(),
      };
    }));
  });
}
