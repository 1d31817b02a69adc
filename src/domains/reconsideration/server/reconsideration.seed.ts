/**
 * The demo district's year of 行政复议 at the scale its reports give (湖滨区: 接收68件、结案56件; a district
 * office: 受理29件、直接纠错17件、纠错率58.6%): DEMO_RECONSIDERATIONS cases over the last twelve months,
 * every one through the real path (file, 补正, accept or 视为受理, copy, answer, 听证, 中止, extension,
 * decision, 调解, 撤回) on a kernel whose clock is set to each step's day, so clocks, timelines and audit
 * records are what the application would have written. A few challenge a disclosure reply of the
 * disclosure demo (linked). Deterministic: the same cases every run.
 */
import { type Actor, type Kernel, SYSTEM_ACTOR, domainConfig, tenancy, transition, type Tx } from '../../../core/server';
import { addDays, diffDays, twelveMonthsBefore } from '../../../core/shared/calendar';
import { ensureDecisionStaff } from '../../major-decisions/public';
import { decisionOption, type ActKind, type DecisionType } from '../shared/reconsideration.labels';
import { correctiveSet, reconsiderationSettings } from './reconsideration.config';
import { file, issueOpinion } from './reconsideration.service';
import * as repo from './reconsideration.repository';

/**
 * The justice bureau's people: legal_sfj (legalReviewer, from major-decisions) works the cases;
 * reviewer_sfj is also the 复议机构负责人 who approves extensions (第62条).
 */
export async function ensureReconsiderationStaff(tx: Tx, kernel: Kernel) {
  await ensureDecisionStaff(tx, kernel);
  const head = await tenancy.getUserByUsername(tx, 'reviewer_sfj');
  if (!head) return;
  const grants = await tenancy.grantsOf(tx, head.id);
  if (grants.some((g) => g.role === 'reconsiderationHead') || !grants[0]) return;
  await tenancy.setUserRoles(tx, head.id, [...grants.map((g) => ({ role: g.role, orgId: g.orgId, divisionCode: g.divisionCode })), { role: 'reconsiderationHead', orgId: grants[0].orgId, divisionCode: grants[0].divisionCode }]);
}

type Plan = { outcome: DecisionType | 'mediation' | 'settlement' | 'withdrawal' | 'refused' | 'abandoned'; correction?: boolean; hearing?: boolean; extend?: boolean; suspend?: boolean; deemed?: boolean };
// Twelve outcomes in the proportions of the reports: 7 of 12 closed cases 直接纠错 (58.3%).
const CYCLE: Plan[] = [
  { outcome: 'revoke', correction: true }, { outcome: 'uphold' }, { outcome: 'confirmIllegal', hearing: true }, { outcome: 'change' },
  { outcome: 'dismissClaim', deemed: true }, { outcome: 'orderPerform', extend: true }, { outcome: 'mediation', suspend: true }, { outcome: 'revoke' },
  { outcome: 'uphold', correction: true }, { outcome: 'confirmVoid', hearing: true, extend: true }, { outcome: 'settlement' }, { outcome: 'revoke' },
];
const ACTS: [ActKind, string, number | undefined][] = [
  ['penalty', '作出的罚款五千元的行政处罚决定', 5000], ['licence', '作出的不予行政许可决定', undefined], ['disclosure', '作出的政府信息公开申请答复', undefined],
  ['smallFine', '作出的罚款二千元的行政处罚决定', 2000], ['inaction', '未履行法定职责（未对举报作出处理）', undefined], ['warning', '作出的警告处罚决定', undefined],
  ['other', '作出的责令限期拆除决定', undefined], ['penalty', '作出的没收违法所得并处罚款的决定', 20000],
];
const NAMES = ['王建国', '李秀兰', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '三门峡市宏达商贸有限公司', '周涛', '吴敏', '湖滨区鑫源餐饮店', '徐强', '孙芳', '马超', '朱琳'];

export async function seedReconsiderationDemo(kernel: Kernel) {
  await kernel.db.tx((tx) => ensureReconsiderationStaff(tx, kernel));
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reconsiderations WHERE is_demo`);
  if (Number(n) === 0) await seedCases(kernel);
  await seedOpinionLetters(kernel);
}

async function seedCases(kernel: Kernel) {
  const total = domainConfig(kernel, reconsiderationSettings).DEMO_RECONSIDERATIONS;
  const today = kernel.today();
  const start = twelveMonthsBefore(today);
  const on = (iso: string): Kernel => ({ ...kernel, now: () => new Date(`${iso}T10:00:00+08:00`), today: () => iso });
  const span = diffDays(start, today);
  const respondents = await kernel.db.tx(async (tx) => (await tenancy.listOrgs(tx, '411202')).map((o) => o.org)
    .filter((o) => (o.kind === 'department' && !/司法局|政务服务中心|政数局|政府办公室/.test(o.name)) || o.kind === 'township').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
  // Disclosure replies of the demo year that a 复议 challenges (第53条: a disclosure case goes 简易).
  const replies = await kernel.db.query<{ ref_no: string; org_id: string }>(`SELECT ref_no, org_id FROM cases WHERE type = 'disclosureRequest' AND state = 'replied' ORDER BY ref_no LIMIT 6`);
  const bureau: Actor = { ...SYSTEM_ACTOR, name: '区司法局' };
  for (let g = 0; g < total; g++) {
    const plan = CYCLE[g % CYCLE.length];
    // Refusals and one abandonment among the year's applications.
    const outcome: Plan['outcome'] = g % 23 === 5 ? 'refused' : g % 31 === 13 ? 'abandoned' : g % 29 === 17 ? 'withdrawal' : plan.outcome;
    const filed = addDays(start, Math.floor((g * Math.max(1, span - 3)) / Math.max(1, total)));
    const [actKind, act, amountYuan] = ACTS[g % ACTS.length];
    const reply = actKind === 'disclosure' ? replies[(g >> 3) % Math.max(1, replies.length)] : undefined;
    const respondent = reply ? respondents.find((o) => o.id === reply.org_id) ?? respondents[g % respondents.length] : respondents[(g * 7) % respondents.length];
    const name = NAMES[g % NAMES.length];
    await kernel.db.tx(async (tx) => {
      const { id } = await file(tx, on(filed), bureau, {
        applicantKind: /公司|店/.test(name) ? 'firm' : 'person', applicantName: name, phone: `1390398${String(5000 + g).padStart(4, '0')}`,
        channel: g % 3 === 0 ? 'online' : g % 3 === 1 ? 'counter' : 'letter', receivedOn: filed, respondentOrgId: respondent.id,
        actRefNo: reply?.ref_no, actDescription: `${respondent.name}${act}`, actKind, amountYuan,
        knewOn: addDays(filed, -(10 + (g % 40))), request: outcome === 'orderPerform' ? '请求责令被申请人依法履行职责' : '请求撤销该行政行为',
        factsAndReasons: '申请人认为被申请人作出的行政行为认定事实不清、证据不足，适用依据错误，程序违法，侵犯了申请人的合法权益。',
      });
      await repo.update(tx, id, { isDemo: true });
      let day = filed;
      const step = async (after: number, event: string, input: Record<string, unknown> = {}, who: Actor = bureau) => {
        const next = addDays(day, after);
        if (next > today) return false;
        day = next;
        await transition(tx, on(day), who, id, event, input);
        return true;
      };
      if (outcome === 'refused') { await step(3, 'refuse', { reason: '申请人与被申请行政复议的行政行为没有利害关系（第30条第一款第二项）' }); return; }
      if (plan.correction || outcome === 'abandoned') {
        if (!(await step(2, 'requestCorrection', { missing: '请补充提交被申请的行政行为的决定书复印件和申请人身份证明' }))) return;
        if (outcome === 'abandoned') { await step(16, 'abandon'); return; }
        if (!(await step(5, 'supply', { content: '已补充提交行政处罚决定书复印件和身份证复印件' }))) return;
      }
      if (plan.deemed) { if (!(await step(8, 'deemAccept'))) return; } else if (!(await step(3, 'accept'))) return;
      if (!(await step(2, 'sendCopy'))) return;
      if (!(await step(7, 'answer', { answer: '被申请人作出的行政行为认定事实清楚，证据确凿，适用依据正确，程序合法，请求予以维持。', evidence: '现场检查笔录、询问笔录、行政处罚决定书及送达回证' }, { ...SYSTEM_ACTOR, name: respondent.name }))) return;
      if (!(await step(3, 'hearParties', { method: g % 2 ? '当面' : '电话', summary: '听取了申请人、被申请人的意见，制作了笔录。' }))) return;
      if (plan.hearing) {
        if (!(await step(1, 'scheduleHearing', { hearingOn: addDays(day, 14), place: '区司法局行政复议听证室', basis: '重大、疑难、复杂案件，应当组织听证' }))) return;
        const absent = g % 24 === 9;
        if (!(await step(14, 'recordHearing', { heldOn: addDays(day, 14), headAttended: !absent, absenceReason: absent ? '负责人参加市政府专题会议，委托法制股股长参加' : undefined, summary: '双方围绕事实认定和法律适用进行了质证和辩论。' }))) return;
      }
      if (plan.suspend) {
        if (!(await step(2, 'suspend', { ground: '依照本法规定进行调解、和解，申请人和被申请人同意中止', notice: '经双方同意，本案中止审理，进行调解。' }))) return;
        if (!(await step(10, 'mediate', { proposedBy: '行政复议机构', consent: '申请人、被申请人于调解会上书面同意调解', terms: '被申请人重新核定罚款数额，申请人撤回其他请求。' }))) return;
        return;
      }
      const ordinary = (await repo.get(tx, id))!.procedure === 'ordinary';
      if (plan.extend && ordinary) {
        if (!(await step(20, 'extend', { days: 30, reason: '案情复杂，需要调取补充证据' }, { ...bureau, name: '黄晓东' }))) return;
      }
      const last = outcome === 'withdrawal' ? 'withdraw' : outcome === 'settlement' ? 'settle' : outcome === 'mediation' ? 'mediate' : 'decide';
      const wait = plan.extend && ordinary ? 40 : ordinary ? 15 : 5;
      if (last === 'withdraw') { await step(wait, 'withdraw', { reason: '被申请人已自行纠正，申请人自愿撤回申请' }); return; }
      if (last === 'settle') { await step(wait, 'settle', { terms: '双方达成和解，被申请人退还部分罚款，申请人撤回行政复议申请。' }); return; }
      if (last === 'mediate') { await step(wait, 'mediate', { proposedBy: '申请人', consent: '双方当场书面同意调解', terms: '被申请人重新作出处理决定。' }); return; }
      await step(wait, 'decide', {
        decision: decisionOption(outcome as DecisionType), facts: '经审理查明，被申请人作出行政行为前未依法履行告知程序，主要证据为现场检查笔录。',
        reasoning: outcome === 'uphold' || outcome === 'dismissClaim' ? '被申请人作出的行政行为认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。' : '被申请人作出的行政行为认定事实不清，主要证据不足，违反法定程序。',
        approval: '经区人民政府负责人同意', performWithinDays: outcome === 'orderPerform' ? 30 : undefined,
      });
    });
  }
}

/** Kernel whose clock reads `iso` (10:00 in China), so a step is dated and timed as on that day. */
const onDay = (kernel: Kernel, iso: string): Kernel => ({ ...kernel, now: () => new Date(`${iso}T10:00:00+08:00`), today: () => iso });

const LETTERS: { problems: string; suggestions: string; rectification: string; measures: string }[] = [
  { problems: '作出行政处罚决定前未依法告知当事人陈述、申辩的权利，违反法定程序', suggestions: '规范处罚告知程序，对本年度同类处罚案件开展自查', rectification: '已撤销原处罚决定并重新履行告知程序，自查同类案件23件，纠正2件', measures: '修订行政处罚告知书范本，组织执法人员专题培训' },
  { problems: '对举报事项未在法定期限内作出处理，存在行政不作为', suggestions: '建立举报受理台账，明确办理时限和责任人', rectification: '已对举报事项作出书面处理决定并送达', measures: '建立举报受理、分办、反馈台账，实行专人负责和超期预警' },
  { problems: '行政许可审查中对申请材料的认定标准不统一，作出不予许可决定未说明理由', suggestions: '统一审查标准，不予许可的书面说明理由并告知救济途径', rectification: '已重新审查并作出准予许可决定', measures: '制定许可审查标准清单，不予许可决定书增加理由和救济途径说明' },
  { problems: '罚款数额明显超出裁量基准，未说明从重处罚的理由', suggestions: '严格执行行政裁量权基准，重大案件经法制审核', rectification: '已变更罚款数额并退还多收款项', measures: '修订裁量基准，罚款超过基准中间值的须经法制审核' },
];

/**
 * 第76条 letters of the demo year: about one in three 纠错 decisions is followed by a 意见书 (one a 建议书)
 * to the respondent, issued on the decision day; most are answered within the 60 days, one is left
 * unanswered past them (overdue on its director's 工作台), and those of the last weeks are still open.
 * Issued and answered through the service and the machine on the day's clock; once only.
 */
async function seedOpinionLetters(kernel: Kernel) {
  if ((await kernel.db.tx((tx) => repo.demoOpinionCount(tx))) > 0) return;
  const today = kernel.today();
  const corrective = correctiveSet(domainConfig(kernel, reconsiderationSettings).RECONSIDERATION_CORRECTIVE);
  const cases = (await kernel.db.tx((tx) => repo.demoCorrected(tx, corrective))).filter((_, i) => i % 3 === 0);
  const bureau: Actor = { ...SYSTEM_ACTOR, name: '区司法局' };
  for (const [i, c] of cases.entries()) {
    if (!c.closedOn || c.closedOn > today) continue;
    const text = LETTERS[i % LETTERS.length];
    await kernel.db.tx(async (tx) => {
      const { id } = await issueOpinion(tx, onDay(kernel, c.closedOn!), bureau, c.caseId, { kind: i === 2 ? '建议书' : '意见书', problems: text.problems, suggestions: text.suggestions });
      await repo.updateOpinion(tx, id, { isDemo: true });
      // The second letter of the year goes unanswered: overdue once its 60 days have passed.
      if (i === 1) return;
      const repliedOn = addDays(c.closedOn!, 20 + ((i * 11) % 35));
      if (repliedOn > today) return;
      const org = await tenancy.getOrg(tx, c.orgId);
      await transition(tx, onDay(kernel, repliedOn), { ...SYSTEM_ACTOR, name: org?.name ?? '主送机关' }, id, 'reply', { rectification: text.rectification, measures: text.measures });
    });
  }
}
