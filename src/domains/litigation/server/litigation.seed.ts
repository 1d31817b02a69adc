/**
 * The demo district's year of 行政应诉 at the scale its report gives (湖滨区 2025: 参加行政应诉案件33件，
 * 结案26件，正在审理案件7件): DEMO_LITIGATIONS suits over the last twelve months, with realistic
 * outcomes (most claims dismissed; a few 撤销, 确认违法 and 履行; withdrawals after the agency
 * corrected itself; one mediation), appeals by either side, a few hearings where the head did not appear,
 * and two 司法建议. Deterministic: the same suits every run.
 *
 * Every suit goes through the real case path (register, answer, hearings, decision, appeal, 生效) on a
 * kernel whose clock is set to each step's date, so clocks, timelines and audit records are what the
 * application would have written on those days. A step whose date is after today is not taken: the
 * recent suits are still being heard.
 */
import { type Actor, type Kernel, SYSTEM_ACTOR, tenancy, transition } from '../../../core/server';
import { addDays, diffDays, twelveMonthsBefore } from '../../../core/shared/calendar';
import type { HearingInput } from '../shared/litigation.machine';
import { receiveAdvice, register, settingsOf } from './litigation.service';

/** Defendant, 案由, challenged act, plaintiff's claim. */
const MATTERS: [string, string, string, string][] = [
  ['湖滨区人民政府', '房屋征收补偿', '湖政征补〔{y}〕{n}号房屋征收补偿决定', '请求撤销房屋征收补偿决定'],
  ['湖滨区市场监督管理局', '行政处罚', '湖市监罚〔{y}〕{n}号行政处罚决定书', '请求撤销行政处罚决定'],
  ['湖滨区人力资源和社会保障局', '工伤认定', '湖人社工认〔{y}〕{n}号不予认定工伤决定书', '请求撤销不予认定工伤决定并责令重新作出'],
  ['湖滨区人民政府', '政府信息公开', '政府信息公开申请答复书（湖政公开〔{y}〕{n}号）', '请求确认答复违法并责令公开'],
  ['湖滨区自然资源局', '行政处罚', '湖自然资罚〔{y}〕{n}号责令退还非法占用土地决定', '请求撤销行政处罚决定'],
  ['三门峡市公安局湖滨分局', '治安管理处罚', '湖公（治）行罚决字〔{y}〕{n}号行政处罚决定书', '请求撤销行政拘留决定'],
  ['湖滨区城市管理局', '行政强制', '限期拆除违法建设决定书（湖城管拆字〔{y}〕{n}号）', '请求确认强制拆除行为违法'],
  ['湖滨区住房和城乡建设局', '行政协议', '国有土地上房屋征收补偿协议', '请求判令被告履行补偿安置协议'],
  ['湖滨区不动产登记中心', '不动产登记', '不动产权证书登记行为', '请求撤销不动产登记'],
  ['湖滨区人民政府', '不履行法定职责', '对举报违法建设未予处理', '请求判令被告履行查处职责'],
  ['湖滨区民政局', '行政登记', '婚姻登记行为', '请求撤销婚姻登记'],
];
const PLAINTIFFS = ['张某某', '三门峡鑫源商贸有限公司', '李某', '王某某', '河南黄河农业开发有限公司', '赵某', '刘某某', '三门峡市湖滨区宏达建材经营部', '陈某', '杨某某', '周某', '三门峡天鹅湖置业有限公司', '孙某', '吴某某'];
const HEADS: Record<string, [string, string]> = {
  湖滨区人民政府: ['郑志强（区长）', '刘建华（副区长）'],
  湖滨区市场监督管理局: ['陈刚（局长）', '李明（副局长）'],
};
const headOf = (orgName: string, deputy: boolean) => (HEADS[orgName] ?? [`${orgName.replace(/^湖滨区|^三门峡市/, '')}局长`, `${orgName.replace(/^湖滨区|^三门峡市/, '')}副局长`])[deputy ? 1 : 0];

/**
 * How each suit ends, cycling: claims dismissed (some appealed by the plaintiff and upheld), a ruling
 * dismissing the suit, withdrawals, a mediation, and losses (撤销, 确认违法, 履行), one of them appealed
 * by the agency and revised on appeal.
 */
type Plan = { end: 'judgment' | 'ruling' | 'withdraw' | 'mediate'; outcome: string; appeal?: 'agency' | 'opponent'; second?: string; revised?: string };
const PLANS: Plan[] = [
  { end: 'judgment', outcome: '驳回诉讼请求', appeal: 'opponent', second: '驳回上诉，维持原判' },
  { end: 'judgment', outcome: '驳回诉讼请求' },
  { end: 'withdraw', outcome: '撤诉' },
  { end: 'judgment', outcome: '驳回诉讼请求' },
  { end: 'judgment', outcome: '确认违法' },
  { end: 'ruling', outcome: '驳回起诉' },
  { end: 'judgment', outcome: '驳回诉讼请求', appeal: 'opponent', second: '驳回上诉，维持原判' },
  { end: 'judgment', outcome: '撤销', appeal: 'agency', second: '改判', revised: '驳回诉讼请求' },
  { end: 'judgment', outcome: '驳回诉讼请求' },
  { end: 'mediate', outcome: '调解' },
  { end: 'judgment', outcome: '履行' },
];
/** Hearings where the head did not appear (第3条: staff sent, with the reason). */
const ABSENT = new Set([4, 14, 25]);

export async function seedLitigationDemo(kernel: Kernel) {
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM litigation_suits WHERE plaintiff = $1 AND cause = $2`, [PLAINTIFFS[0], MATTERS[0][1]]);
  if (Number(n) > 0) return;
  const total = settingsOf(kernel).DEMO_LITIGATIONS;
  const today = kernel.today();
  const on = (iso: string): Kernel => ({ ...kernel, now: () => new Date(`${iso}T10:00:00+08:00`), today: () => iso });
  const start = twelveMonthsBefore(today);
  // Suit k of n served on a day spread over the twelve months (older first), the last a few days ago.
  const servedOf = (k: number) => addDays(start, Math.floor((k * Math.max(0, diffDays(start, today) - 4)) / total));
  const orgs = await kernel.db.tx(async (tx) => new Map((await tenancy.listOrgs(tx, '411202')).map((o) => [o.org.name, o.org])));
  const perYear = new Map<string, number>();
  let adviceDone = 0;

  for (let k = 0; k < total; k++) {
    const [orgName, cause, act, claims] = MATTERS[k % MATTERS.length];
    const org = orgs.get(orgName);
    if (!org) continue;
    const served = servedOf(k);
    const year = served.slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    const no = 30 + (perYear.get(year) ?? 0) * 3;
    const plan = PLANS[k % PLANS.length];
    const agency: Actor = { ...SYSTEM_ACTOR, name: orgName === '湖滨区人民政府' ? '区司法局（代区政府应诉）' : orgName };
    await kernel.db.tx(async (tx) => {
      const { id } = await register(tx, on(served), agency, {
        orgId: org.id, court: k % 7 === 3 ? '三门峡市陕州区人民法院' : '三门峡市湖滨区人民法院', courtCaseNo: `（${year}）豫${k % 7 === 3 ? '1203' : '1202'}行初${no}号`,
        plaintiff: PLAINTIFFS[k % PLAINTIFFS.length], cause, claims, servedOn: served,
        challengedAct: act.replace('{y}', year).replace('{n}', String(10 + k)), reconsidered: k % 4 === 1,
      });
      // Each step on its day; a step after today is not taken yet (the suit is still being heard).
      const step = async (day: string, event: string, input: Record<string, unknown> = {}, actor: Actor = agency) => {
        if (day > today) return false;
        await transition(tx, on(day), actor, id, event, input);
        return true;
      };
      const answered = addDays(served, 6 + (k % 7));
      if (!(await step(answered, 'answer', { evidence: `${act.replace('{y}', year).replace('{n}', String(10 + k))}、调查笔录、送达回证及所依据的法律规范`, defence: '被诉行政行为认定事实清楚，证据确凿，适用法律正确，程序合法', agents: '法制机构工作人员' }))) return;
      if (plan.end === 'withdraw') {
        const day = addDays(answered, 20);
        await step(day, 'withdraw', { decidedOn: day, summary: '被告自行纠正后，原告申请撤诉，法院裁定准予撤诉' });
        return;
      }
      const heard = addDays(served, 35 + (k % 11));
      if (!(await step(heard, 'hearFirst', hearing(heard, orgName, k)))) return;
      if (k % 5 === 0 && !(await step(addDays(heard, 14), 'hearFirst', hearing(addDays(heard, 14), orgName, k + 1)))) return;
      const decided = addDays(heard, k % 5 === 0 ? 35 : 20);
      if (plan.end === 'mediate') { await step(decided, 'mediate', { decidedOn: decided, summary: '双方就补偿数额达成协议，法院出具行政调解书' }); return; }
      if (!(await step(decided, plan.end, { outcome: plan.outcome, decidedOn: decided }))) return;
      // A head absent without leave, or a loss, brings a 司法建议 (法释〔2020〕3号 第12条; 行政诉讼法 第96条).
      if ((ABSENT.has(k) || plan.outcome === '确认违法') && adviceDone < 2) {
        adviceDone++;
        const adv = await receiveAdvice(tx, on(addDays(decided, 3)), agency, id, {
          court: '三门峡市湖滨区人民法院', adviceNo: `（${year}）豫1202司建${adviceDone}号`, receivedOn: addDays(decided, 3),
          content: ABSENT.has(k) ? '行政机关负责人未出庭应诉，建议落实负责人出庭应诉制度' : '建议规范行政执法程序，加强执法人员培训',
        });
        const replyOn = addDays(decided, 40);
        if (replyOn <= today) await transition(tx, on(replyOn), agency, adv.id, 'reply', { reply: '已收悉，逐项研究落实', measures: '修订应诉工作规则，明确负责人出庭要求，开展专题培训' });
      }
      const window = plan.end === 'ruling' ? 10 : 15;
      if (plan.appeal) {
        const day = addDays(decided, 8);
        const ok = plan.appeal === 'agency'
          ? await step(day, 'appeal', { reason: '一审认定事实不清，适用法律错误' })
          : await step(day, 'opponentAppeal', { appellant: PLAINTIFFS[k % PLAINTIFFS.length], reason: '请求撤销一审判决' });
        if (!ok) return;
        const heard2 = addDays(day, 45);
        if (!(await step(heard2, 'hearSecond', hearing(heard2, orgName, k + 2)))) return;
        const decided2 = addDays(heard2, 30);
        await step(decided2, 'secondJudgment', { outcome: plan.second, revisedOutcome: plan.revised, decidedOn: decided2 });
        return;
      }
      if (plan.outcome !== '驳回诉讼请求' && plan.outcome !== '驳回起诉') await step(addDays(decided, 5), 'acceptJudgment', { reason: '经研究，服从判决，依法纠正' });
      // No appeal within the window: the decision takes effect (the scanner's onOverdue, on its day).
      await step(addDays(decided, window + 1), 'lapse', {}, SYSTEM_ACTOR);
    });
  }
}

function hearing(heldOn: string, orgName: string, k: number): HearingInput {
  if (ABSENT.has(k)) return { heldOn, appearance: '仅工作人员', staffNames: '法制股负责人', absenceReason: '负责人参加上级召开的紧急会议，已提交加盖印章的书面说明' };
  const deputy = k % 4 === 1 || k % 4 === 3;
  return { heldOn, appearance: deputy ? '副职负责人' : '主要负责人', headName: headOf(orgName, deputy), staffNames: '法制机构工作人员', spoke: k % 6 !== 5 };
}
