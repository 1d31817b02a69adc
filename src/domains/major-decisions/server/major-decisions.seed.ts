/**
 * The demo district's 2026 decision catalog as the seed reports describe it: four decisions through
 * public participation, expert review, risk assessment, legality review and the executive meeting, and
 * a fifth still waiting for its risk assessment (so the guard has something to refuse).
 */
import { actorFor, type Actor, createStaff, type Kernel, SYSTEM_ACTOR, tenancy, transition, type Tx } from '../../../core/server';
import { addToCatalog } from './major-decisions.service';
import { demoYear } from '../../../core/shared/calendar';

/** The government office that runs the procedure and the justice bureau's legality reviewer. */
export async function ensureDecisionStaff(tx: Tx, kernel: Kernel) {
  const staff: [string, string, string, string, string][] = [
    ['office_zfb', '高远', '湖滨区人民政府办公室', 'decisionOfficer', '13903980401'],
    ['legal_sfj', '韩雪', '湖滨区司法局', 'legalReviewer', '13903980402'],
  ];
  for (const [username, name, orgName, role, phone] of staff) {
    if (await tenancy.getUserByUsername(tx, username)) continue;
    const org = await tenancy.getOrgByName(tx, orgName);
    if (org) await createStaff(tx, kernel, SYSTEM_ACTOR, { username, displayName: name, password: 'Zt@2026demo', phone, roles: [{ role, orgId: org.id }], mustChangePassword: false });
  }
}

const DECISIONS: [string, string, boolean, boolean][] = [
  ['湖滨区老旧小区改造三年行动方案（2026—2028年）', '湖滨区住房和城乡建设局', true, true],
  ['湖滨区城区公交线网优化调整方案', '湖滨区交通运输局', true, true],
  ['湖滨区中小学校布局专项规划（2026—2035年）', '湖滨区教育局', true, false],
  ['湖滨区养老服务设施建设三年计划', '湖滨区民政局', false, true],
  ['湖滨区城市生活垃圾分类实施方案', '湖滨区城市管理局', true, true],
];

export async function seedMajorDecisionsDemo(kernel: Kernel) {
  await kernel.db.tx((tx) => ensureDecisionStaff(tx, kernel));
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE type = 'majorDecision' AND title = $1`, [DECISIONS[0][0]]);
  if (Number(n) > 0) return;
  // The catalogue year whose February and March milestones have passed (demoYear): 2026 on 2027-01-05.
  const year = demoYear(kernel.today());
  // The review and the decision are taken by people (the justice bureau's reviewer, the district leader), so
  // their 述法 drafts can list them; the office's procedure steps stay the system's.
  const personal = async (tx: Tx, username: string): Promise<Actor> => {
    const u = await tenancy.getUserByUsername(tx, username);
    return u ? actorFor(tx, u) : SYSTEM_ACTOR;
  };
  for (const [i, [title, orgName, needsExpert, needsRisk]] of DECISIONS.entries()) {
    await kernel.db.tx(async (tx) => {
      const org = await tenancy.getOrgByName(tx, orgName);
      if (!org) return;
      const { id } = await addToCatalog(tx, kernel, SYSTEM_ACTOR, { title, year, draftingOrgId: org.id, needsExpert, needsRisk, partyApprovedOn: `${year}-02-20` });
      const step = (event: string, input: Record<string, unknown> = {}, actor: Actor = SYSTEM_ACTOR) => transition(tx, kernel, actor, id, event, input);
      await step('recordParticipation', { from: `${year}-03-01`, to: `${year}-03-31`, channels: '区政府门户网站公开征求意见，召开座谈会2场', comments: 40 + i * 13, adoption: '采纳意见12条，部分采纳5条，未采纳的已说明理由' });
      if (needsExpert) await step('recordExpertReview', { experts: '规划、法律、财政等领域专家5名', opinion: '方案总体可行，建议细化资金保障和进度安排，已采纳' });
      if (i === DECISIONS.length - 1) return; // still waiting for its risk assessment
      if (needsRisk) await step('recordRiskAssessment', { level: '低风险', measures: '建立舆情监测和矛盾调处机制，分片包干落实' });
      await step('submitLegality');
      await step('passLegality', { opinion: '决策主体适格，程序合法，内容不违反法律法规，建议提交区政府常务会议研究' }, await personal(tx, 'legal_sfj'));
      await step('decide', { meeting: `区政府第${20 + i}次常务会议`, result: '通过', dissent: i === 1 ? '一名与会人员建议延后实施，已记录' : undefined }, await personal(tx, 'leader'));
      await step('publish', { where: '区政府门户网站、政府公报' });
      if (i < 2) await step('archive');
    });
  }
}
