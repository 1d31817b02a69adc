/**
 * The demo district's year of 人民调解 at the scale its report gives (湖滨区: "全区…共排查化解矛盾纠纷5299件"):
 * a 人民调解委员会 in every village and 社区 (orgs added through the kernel's tenancy functions),
 * DEMO_DISPUTES disputes over the last twelve months spread by each village's population, most settled by
 * agreement, some failed with a referral, a few withdrawn, the recent ones still being mediated; a few
 * agreements judicially confirmed; monthly 排查 rounds; a dated resident population for every village and
 * the county — and none for one township, whose 万人调解率 is therefore refused. Deterministic.
 *
 * Demo users: `tiaojie_hx` (会兴村调委会 人民调解员) and `jcgk_sfj` (区司法局 人民调解管理员).
 */
import { randomUUID } from 'node:crypto';
import { actorFor, bulkLoadCases, type BulkStep, createStaff, type Kernel, SYSTEM_ACTOR, tenancy, type Tx, siteDivisionCode } from '../../../core/server';
import { addDays, diffDays, twelveMonthsBefore } from '../../../core/shared/calendar';
import { DISPUTE_TYPES, REFERRALS } from '../shared/mediation.machine';
import { register, settingsOf } from './mediation.service';
import * as repo from './mediation.repository';
import type { Party } from './mediation.tables';

export const DEMO_MEDIATOR = 'tiaojie_hx';
export const DEMO_MEDIATION_ADMIN = 'jcgk_sfj';
/** The township left without a population, to show the refusal. */
const NO_POPULATION_TOWNSHIP = '411202007';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = ['建国', '秀英', '桂兰', '海燕', '志强', '丽娟', '明', '伟', '芳', '军', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '超', '红梅', '春生', '玉兰', '国庆', '小红'];
const person = (k: number): Party => ({ name: `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 7) % GIVEN.length]}`, phone: `139${String(10000000 + ((k * 7919) % 89999999)).padStart(8, '0')}` });
/** Weighted types: neighbours and families make up most village disputes. */
const TYPE_WEIGHTS: [typeof DISPUTE_TYPES[number], number][] = [['邻里纠纷', 30], ['婚姻家庭纠纷', 22], ['土地纠纷', 10], ['劳动纠纷', 8], ['物业纠纷', 8], ['损害赔偿纠纷', 10], ['合同纠纷', 6], ['征地拆迁纠纷', 2], ['其他纠纷', 4]];
const TYPE_CYCLE = TYPE_WEIGHTS.flatMap(([t, w]) => Array<string>(w).fill(t));
const SUMMARY: Record<string, string> = {
  邻里纠纷: '双方因宅基地边界排水、通行问题发生争执', 婚姻家庭纠纷: '双方因赡养老人费用分担发生矛盾', 土地纠纷: '双方因承包地边界发生争议',
  劳动纠纷: '申请人称被申请人拖欠务工工资', 物业纠纷: '业主与物业公司因物业费和维修问题发生争议', 损害赔偿纠纷: '因交通事故（或饲养动物致害）赔偿数额发生争议',
  合同纠纷: '双方因买卖合同货款结算发生争议', 征地拆迁纠纷: '双方因征地补偿款分配发生争议', 其他纠纷: '双方因其他民事事项发生争执',
};
const TERMS: Record<string, string> = {
  邻里纠纷: '一、被申请人于协议签订后十日内疏通排水沟，恢复原有通道；二、双方今后互谅互让，和睦相处。', 婚姻家庭纠纷: '一、赡养费由子女三人平均负担，每人每月300元；二、老人由长子照料，其他子女每月探望。',
  土地纠纷: '一、双方以村委会1998年确权图为准重新确定边界，埋设界桩；二、互不追究此前损失。', 劳动纠纷: '被申请人于协议签订后十五日内一次性支付申请人工资8600元。',
  物业纠纷: '一、物业公司于二十日内维修楼顶防水；二、业主于维修完成后补交物业费。', 损害赔偿纠纷: '被申请人一次性赔偿申请人医疗费、误工费等共计12000元，于协议签订时当场付清。',
  合同纠纷: '被申请人分两期支付货款共计23000元，每期于当月月底前付清。', 征地拆迁纠纷: '补偿款按村民会议决议分配，申请人应得部分由村委会于十日内发放。', 其他纠纷: '双方就争议事项达成一致，互不追究。',
};

/**
 * 12345 tickets (titles of hotline's demo) that are disputes between people: the village mediator takes
 * such a ticket into 人民调解 by its number, as on the phone page — the dispute shows 来源12345工单 and the
 * ticket 转人民调解. Registered through the service, so the link is the one a mediator draws.
 */
const TICKET_DISPUTES: Record<string, { type: typeof DISPUTE_TYPES[number]; summary: string; respondent: string }> = {
  公司拖欠工资: { type: '劳动纠纷', summary: '来电人反映务工单位拖欠工资，经12345热线转村调委会调解', respondent: '三门峡宏达建筑劳务有限公司' },
  物业费收费不透明: { type: '物业纠纷', summary: '业主反映物业费收费不透明，与物业公司发生争议，经12345热线转村调委会调解', respondent: '三门峡安居物业服务有限公司' },
  小区电梯经常故障: { type: '物业纠纷', summary: '业主反映小区电梯经常故障、维修不及时，与物业公司发生争议，经12345热线转村调委会调解', respondent: '三门峡福瑞物业服务有限公司' },
  夜间施工噪音扰民: { type: '邻里纠纷', summary: '来电人反映邻居装修夜间施工噪音扰民，双方发生争执，经12345热线转村调委会调解', respondent: '邻居（装修户）' },
  房屋漏水维修: { type: '邻里纠纷', summary: '来电人反映楼上住户房屋漏水，维修费用分担发生争议，经12345热线转村调委会调解', respondent: '楼上住户' },
};
/** How many demo disputes come from tickets (taken from DEMO_DISPUTES, so the year's total stays the report's). */
const FROM_TICKETS = 8;

type Village = { code: string; name: string; townshipCode: string; population: number; orgId: string };

async function ensureCommittees(tx: Tx, kernel: Kernel): Promise<Village[]> {
  const county = siteDivisionCode(kernel);
  const all = await repo.divisionsUnder(tx, county);
  const orgs = new Map((await tenancy.listOrgs(tx, county)).map((o) => [o.org.name, o.org]));
  const out: Village[] = [];
  let k = 0;
  for (const v of all.filter((d) => d.level === 'village')) {
    const name = `${v.name}人民调解委员会`;
    let org = orgs.get(name) ?? null;
    if (!org) org = await tenancy.insertOrg(tx, { id: randomUUID(), name, shortName: `${v.name}调委会`, kind: 'mediationCommittee', divisionCode: v.code, sort: 900 + k });
    // Communities in town are larger than villages; deterministic figures around the district's 7万 residents.
    const urban = v.name.endsWith('社区');
    out.push({ code: v.code, name: v.name, townshipCode: v.code.slice(0, 9), population: (urban ? 4200 : 1600) + ((k * 977) % (urban ? 2600 : 1400)), orgId: org!.id });
    k++;
  }
  return out;
}

async function ensureUsers(tx: Tx, kernel: Kernel, villages: Village[]) {
  const huixing = villages.find((v) => v.name === '会兴村') ?? villages[0];
  if (huixing && !(await tenancy.getUserByUsername(tx, DEMO_MEDIATOR))) {
    await createStaff(tx, kernel, SYSTEM_ACTOR, { username: DEMO_MEDIATOR, displayName: '贾秀梅', password: 'Zt@2026demo', phone: '13903980371', roles: [{ role: 'peopleMediator', orgId: huixing.orgId }], mustChangePassword: false });
  }
  const sfj = await tenancy.getOrgByName(tx, '湖滨区司法局');
  if (sfj && !(await tenancy.getUserByUsername(tx, DEMO_MEDIATION_ADMIN))) {
    await createStaff(tx, kernel, SYSTEM_ACTOR, { username: DEMO_MEDIATION_ADMIN, displayName: '冯建伟', password: 'Zt@2026demo', phone: '13903980372', roles: [{ role: 'mediationAdmin', orgId: sfj.id }], mustChangePassword: false });
  }
}

const at = (iso: string, hour: number) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export async function seedMediationDemo(kernel: Kernel) {
  const villages = await kernel.db.tx(async (tx) => {
    const vs = await ensureCommittees(tx, kernel);
    await ensureUsers(tx, kernel, vs);
    return vs;
  });
  if (!villages.length) return;
  if (await kernel.db.tx((tx) => repo.hasDemo(tx))) return;
  const cfg = settingsOf(kernel);
  const today = kernel.today();
  const start = twelveMonthsBefore(today);
  const span = Math.max(1, diffDays(start, today));
  const county = siteDivisionCode(kernel);
  // Disputes per village in proportion to its population.
  const totalPop = villages.reduce((s, v) => s + v.population, 0);
  const weights = villages.flatMap((v, i) => Array<number>(Math.max(1, Math.round((v.population / totalPop) * 200))).fill(i));
  // Tickets of 会兴村's township the demo mediator takes into mediation (none when the hotline has no demo).
  const huixing = villages.find((v) => v.name === '会兴村') ?? null;
  const tickets = huixing ? await kernel.db.tx((tx) => repo.ticketsLike(tx, huixing.townshipCode, Object.keys(TICKET_DISPUTES), Math.min(FROM_TICKETS, cfg.DEMO_DISPUTES))) : [];

  await kernel.db.tx(async (tx) => {
    // Population: every village, the county as a whole (统计公报), none for one township's villages.
    const asOf = `${Number(today.slice(0, 4)) - 1}-12-31`;
    await repo.insertPopulations(tx, [
      ...villages.filter((v) => v.townshipCode !== NO_POPULATION_TOWNSHIP).map((v) => ({ id: randomUUID(), divisionCode: v.code, asOf, population: v.population, source: '乡镇（街道）年报', createdBy: null, createdAt: kernel.now() })),
      { id: randomUUID(), divisionCode: county, asOf, population: Math.round(totalPop * 1.04), source: '区统计局国民经济和社会发展统计公报', createdBy: null, createdAt: kernel.now() },
    ]);

    const total = cfg.DEMO_DISPUTES - tickets.length;
    const cases = [];
    const rows = [];
    const sessionRows = [];
    for (let k = 0; k < total; k++) {
      const v = villages[weights[(k * 37) % weights.length]];
      const received = addDays(start, Math.floor((k * span) / Math.max(1, total)));
      const type = TYPE_CYCLE[(k * 13) % TYPE_CYCLE.length];
      const a = person(k * 2 + 1);
      const b = type === '物业纠纷' ? { name: `三门峡${['安居', '福瑞', '嘉和'][k % 3]}物业服务有限公司` } : person(k * 2 + 2);
      const mediators = `${SURNAMES[(k + 5) % SURNAMES.length]}${GIVEN[(k + 3) % GIVEN.length]}、${SURNAMES[(k + 11) % SURNAMES.length]}${GIVEN[(k + 9) % GIVEN.length]}`;
      const fate = k % 100; // 0–84 agreed, 85–94 failed, 95–97 withdrawn, the rest fall as the dates allow
      const days = 1 + ((k * 7) % 18);
      const path: BulkStep[] = [];
      const actor = { name: mediators.split('、')[0] };
      const sessionOn = addDays(received, Math.min(days, 1 + (k % 3)));
      const endOn = addDays(received, days);
      let outcome: string | null = null; let endedOn: string | null = null; let referral: string | null = null;
      let confirm: { appliedOn: string; decidedOn: string } | null = null; let visitedOn: string | null = null;
      if (sessionOn < today) {
        path.push({ event: 'session', at: at(sessionOn, 10), actor, input: { heldOn: sessionOn, mediators, notes: '召集双方当事人，听取陈述，释法说理' } });
        sessionRows.push({ id: randomUUID(), caseId: '', heldOn: sessionOn, mediators, place: `${v.name}调解室`, notes: '召集双方当事人，听取陈述，释法说理', divisionCode: v.code, createdAt: at(sessionOn, 10) });
        if (endOn < today && fate < 97) {
          if (fate < 85) {
            path.push({ event: 'agree', at: at(endOn, 15), actor, input: { signedOn: endOn } });
            outcome = 'agreed'; endedOn = endOn;
            if (k % 12 === 0 && addDays(endOn, 20) < today) {
              confirm = { appliedOn: addDays(endOn, 6), decidedOn: addDays(endOn, 18) };
              path.push({ event: 'applyConfirm', at: at(confirm.appliedOn, 9), actor, input: { court: '三门峡市湖滨区人民法院', appliedOn: confirm.appliedOn } });
              path.push({ event: 'courtAnswer', at: at(confirm.decidedOn, 16), actor, input: { answer: '确认有效', decidedOn: confirm.decidedOn } });
            }
            const visit = addDays(endOn, 24);
            if (visit < today) { path.push({ event: 'followUp', at: at(visit, 11), actor, input: { visitedOn: visit, performance: k % 20 === 3 ? '部分履行' : '已履行' } }); visitedOn = visit; }
          } else if (fate < 95) {
            referral = REFERRALS[k % 3];
            path.push({ event: 'fail', at: at(endOn, 15), actor, input: { referral, reason: '双方分歧较大，经多次调解未能达成协议' } });
            outcome = 'failed'; endedOn = endOn;
          } else {
            path.push({ event: 'withdraw', at: at(endOn, 15), actor, input: { reason: '申请人表示双方已自行和解，撤回调解申请' } });
            outcome = 'withdrawn'; endedOn = endOn;
          }
        }
      }
      const id = randomUUID();
      for (const s of sessionRows.slice(-1)) if (s.caseId === '') s.caseId = id;
      cases.push({
        id, title: `${a.name}与${b.name}${type}`, orgId: v.orgId, divisionCode: v.code, applicantName: a.name,
        data: { limitDays: cfg.MEDIATION_DAYS, disputeType: type, village: v.name, ...(confirm ? { confirmApplied: true } : {}) },
        createdAt: at(received, 9), createdBy: { name: actor.name }, path,
      });
      rows.push({
        caseId: id, orgId: v.orgId, divisionCode: v.code, type, source: k % 25 === 0 ? '司法局' : k % 9 === 0 ? '乡镇（街道）调委会' : '村（居）调委会',
        summary: SUMMARY[type], applicants: [a], respondents: [b], mediators, courtStage: null, receivedOn: received,
        outcome, endedOn, referral, endReason: outcome === 'failed' ? '双方分歧较大，经多次调解未能达成协议' : outcome === 'withdrawn' ? '申请人表示双方已自行和解，撤回调解申请' : null,
        agreementFacts: outcome === 'agreed' ? SUMMARY[type] : null, agreementTerms: outcome === 'agreed' ? TERMS[type] : null, agreementPerformance: outcome === 'agreed' ? '按协议约定的期限履行' : null,
        confirmRemindedAt: outcome === 'agreed' ? at(endedOn!, 15) : null, confirmRemindedTo: outcome === 'agreed' ? (b.phone ? 2 : 1) : null,
        confirmCourt: confirm ? '三门峡市湖滨区人民法院' : null, confirmAppliedOn: confirm?.appliedOn ?? null, confirmAnswer: confirm ? '确认有效' : null, confirmDecidedOn: confirm?.decidedOn ?? null, confirmRulingNo: null,
        visitedOn, performance: visitedOn ? (k % 20 === 3 ? '部分履行' : '已履行') : null, isDemo: true, createdAt: at(received, 9),
      });
    }
    await bulkLoadCases(tx, kernel, 'mediation', cases, { audit: false, scannedOn: today });
    await repo.insertDisputes(tx, rows);
    await repo.insertSessions(tx, sessionRows.filter((s) => s.caseId));

    // 排查: monthly rounds per village, the most recent DEMO_SCREENINGS_PER_VILLAGE months.
    const rounds = [];
    for (const [i, v] of villages.entries()) {
      for (let m = 0; m < cfg.DEMO_SCREENINGS_PER_VILLAGE; m++) {
        const heldOn = addDays(today, -(m * 30 + 3 + (i % 5)));
        if (heldOn < start) break;
        const found = 2 + ((i * 5 + m * 3) % 7);
        rounds.push({ id: randomUUID(), divisionCode: v.code, orgId: v.orgId, heldOn, found, resolved: found - ((i + m) % 3 === 0 ? 1 : 0), notes: '入户走访、网格排查', createdBy: null, createdAt: at(heldOn, 17) });
      }
    }
    await repo.insertScreenings(tx, rounds);
  });

  // Disputes from 12345 tickets, registered by the village mediator through the service (case link drawn
  // there), received today and waiting for their first session.
  if (!huixing || tickets.length === 0) return;
  await kernel.db.tx(async (tx) => {
    const user = await tenancy.getUserByUsername(tx, DEMO_MEDIATOR);
    if (!user) return;
    const mediator = await actorFor(tx, user);
    for (const [i, tk] of tickets.entries()) {
      const d = TICKET_DISPUTES[tk.title];
      const caller = tk.applicantName ?? person(90001 + i * 2).name; // the caller as the ticket holds them (often 王先生)
      const { id } = await register(tx, kernel, mediator, {
        villageCode: huixing.code, type: d.type, source: '12345热线', ticketRef: tk.refNo, summary: d.summary,
        applicants: [{ name: caller, phone: person(90001 + i * 2).phone }], respondents: [{ name: d.respondent }], mediators: `${user.displayName}、${person(90002 + i * 2).name}`,
      });
      await repo.updateDispute(tx, id, { isDemo: true });
    }
  });
}
