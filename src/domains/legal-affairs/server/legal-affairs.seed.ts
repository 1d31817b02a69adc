/**
 * The demo district's year of contract review and legal counsel work at the scale its annual report
 * gives (湖滨区 2025: 审查行政合同29份，提出法制修改意见163条; 律师提供合法性审查23次、出具法律意见104条、
 * 参与复议诉讼案件18起、咨询讲座等185次). Deterministic: the same rows every run.
 *
 * Reviews go through the real case path (submit, accept, issue opinion, close) on a kernel whose clock
 * is set to each step's historical date, so their clocks, timelines and audit records are what the
 * application itself would have written on those days.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, type Kernel, SYSTEM_ACTOR, tenancy, transition } from '../../../core/server';
import { addDays, diffDays, twelveMonthsBefore } from '../../../core/shared/calendar';
import { ensureDecisionStaff } from '../../major-decisions/public';
import type { ContractReviewInput, WorkKind } from '../shared/contract-review.machine';
import { addFirm, addLawyer, appoint, submit } from './legal-affairs.service';
import * as repo from './legal-affairs.repository';

const CONTRACTS: [string, ContractReviewInput['docKind'], string, number | undefined][] = [
  ['老旧小区改造项目施工合同', 'contract', '河南崤函建设工程有限公司', 12_860_000],
  ['城区道路保洁服务政府购买服务合同', 'contract', '三门峡洁城环境服务有限公司', 3_150_000],
  ['国有建设用地使用权出让合同', 'contract', '三门峡天鹅湖置业有限公司', 46_200_000],
  ['招商引资项目投资协议', 'agreement', '河南黄河新材料科技有限公司', undefined],
  ['养老服务设施委托运营协议', 'agreement', '三门峡康宁养老服务有限公司', 960_000],
  ['政务信息系统运维服务合同', 'contract', '河南政通信息技术有限公司', 780_000],
  ['公共资源交易平台技术服务合同', 'contract', '郑州中原智信科技有限公司', 1_200_000],
  ['农村饮水安全工程监理合同', 'contract', '河南水利工程监理咨询有限公司', 430_000],
  ['校园食堂食材集中配送协议', 'agreement', '三门峡鲜达农产品配送有限公司', 2_400_000],
  ['房屋征收补偿安置协议（示范文本）', 'agreement', '被征收人', undefined],
  ['城市停车场特许经营协议', 'agreement', '三门峡智泊停车管理有限公司', undefined],
  ['行政执法协作框架协议', 'other', '三门峡市陕州区城市管理局', undefined],
  ['社区卫生服务中心医疗设备采购合同', 'contract', '河南康源医疗器械有限公司', 1_680_000],
  ['廉租住房物业服务合同', 'contract', '三门峡安居物业服务有限公司', 520_000],
  ['就业见习基地共建协议', 'agreement', '三门峡市职业技术学院', undefined],
];
const COMMENT_BANK: [string, string, string][] = [
  ['第三条', '合同标的和服务范围表述不明确，履约标准无法量化', '逐项列明服务内容、数量和验收标准'],
  ['第五条', '价款支付未与财政预算安排和验收结果挂钩', '明确以验收合格为付款前提，并注明资金来源'],
  ['第七条', '违约责任仅约定甲方义务，权利义务不对等', '补充乙方逾期履行、质量不合格的违约责任'],
  ['第九条', '约定由甲方承担乙方经营风险，缺乏法律依据', '删除兜底承诺条款，风险按约定分担'],
  ['第十一条', '争议解决条款约定的仲裁机构名称不准确', '按仲裁委员会的规范名称重新表述'],
  ['第十二条', '未约定保密义务和数据安全责任', '增加数据安全、个人信息保护和保密条款'],
  ['第十四条', '合同解除条件不明确', '列明单方解除的情形、通知期限和后果'],
  ['附件', '附件清单与正文引用不一致', '核对附件名称和编号，作为合同组成部分'],
];
const WORK_SUBJECTS: Record<Exclude<WorkKind, 'review'>, string[]> = {
  opinion: ['就信访事项处理出具法律意见', '就招商引资协议履约争议出具法律意见', '就行政处罚决定合法性出具法律意见', '就政府信息公开申请答复出具法律意见', '就历史遗留土地问题处置出具法律意见'],
  case: ['代理行政诉讼案件出庭应诉', '参与行政复议案件答复', '代理国家赔偿案件'],
  consultation: ['解答机关工作人员法律咨询', '开展“法律进机关”专题讲座', '列席重大事项专题会议并提供法律咨询', '为行政执法人员讲授行政处罚法'],
};
const MANUAL_REVIEWS = ['参与重大行政决策合法性审查', '审查规范性文件草案', '审查招商引资政策措施'];
const FIRMS = ['河南崤函律师事务所', '河南天鹅城律师事务所', '河南中原正义律师事务所'];
const LAWYERS = ['王建民', '李晓燕', '张国华', '刘畅', '陈志刚', '杨丽', '赵宏伟', '孙婷', '周立新', '吴静', '郑凯', '冯雪', '黄涛', '何佳', '许文博', '马晓丽', '朱明'];

/** Opinion comment counts per issued review: 4 passed as they stood, the rest 7 or 6 comments (163 in all). */
const commentCounts = (n: number) => Array.from({ length: n }, (_, k) => ((k + 1) % 7 === 0 ? 0 : k < 15 ? 7 : 6));


export async function seedLegalAffairsDemo(kernel: Kernel) {
  await kernel.db.tx((tx) => ensureDecisionStaff(tx, kernel));
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM counsel_firms WHERE name = $1`, [FIRMS[0]]);
  if (Number(n) > 0) return;
  const today = kernel.today();
  const on = (iso: string): Kernel => ({ ...kernel, now: () => new Date(`${iso}T10:00:00+08:00`), today: () => iso });
  // The last twelve months, as every demo seed fills them: a January start still shows a full year's work
  // and the previous year's report has its figures.
  const start = twelveMonthsBefore(today);
  const firstYear = Number(start.slice(0, 4));
  // Day k of n spread over the twelve months (older first), never after today.
  const spread = (k: number, total: number, lag = 0) => addDays(start, Math.floor((k * Math.max(0, diffDays(start, today) - lag)) / total));

  const { agencies, lawyerIds, servedBy } = await kernel.db.tx(async (tx) => {
    const agencies = (await tenancy.listOrgs(tx, '411202')).map((o) => o.org).filter((o) => o.kind === 'government' || o.kind === 'department').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const keeper = poolKeeper(agencies[0].divisionCode);
    const firmIds: string[] = [];
    for (const name of FIRMS) firmIds.push((await addFirm(tx, kernel, keeper, { name })).id);
    const lawyerIds: string[] = [];
    const servedBy = new Map<string, string[]>();
    for (const [i, name] of LAWYERS.entries()) {
      const licenceNo = `141122${String(2010 + (i % 12))}${String(1000000 + i * 7919).slice(-7)}`;
      const { id } = await addLawyer(tx, kernel, keeper, { firmId: firmIds[i % FIRMS.length], name, licenceNo });
      lawyerIds.push(id);
      for (const org of new Set([agencies[i % agencies.length], agencies[(i + 5) % agencies.length]])) {
        await appoint(tx, kernel, keeper, { lawyerId: id, orgId: org.id, from: `${firstYear}-01-01`, to: `${firstYear + 2}-12-31` });
        servedBy.set(org.id, [...(servedBy.get(org.id) ?? []), id]);
      }
    }
    return { agencies, lawyerIds, servedBy };
  });

  // 29 reviews with an opinion in the twelve months; the odd ones up to the 23rd assigned to a counsel (12).
  const counts = commentCounts(29);
  const senders = agencies.filter((a) => a.kind === 'department');
  for (let g = 0; g < 32; g++) {
    const [title, docKind, counterparty, amountYuan] = CONTRACTS[g % CONTRACTS.length];
    const org = senders[g % senders.length];
    const issued = g < 29;
    const sent = issued ? spread(g, 29, 14) : addDays(today, -(g - 27)); // open ones: sent in the last days
    const counsel = g % 2 === 0 && g < 23 ? servedBy.get(org.id)?.[0] : undefined;
    await kernel.db.tx(async (tx) => {
      const sender: Actor = { ...SYSTEM_ACTOR, name: org.name };
      const bureau: Actor = { ...SYSTEM_ACTOR, name: '区司法局' };
      const { id } = await submit(tx, on(sent), sender, org.id, {
        title: `${org.name.replace(/^湖滨区/, '')}${title}`, docKind, counterparty, amountYuan,
        summary: `${org.name}拟与${counterparty}签订${title}，送请区司法局进行合法性审查。`,
      });
      const step = (day: string, event: string, input: Record<string, unknown> = {}) => transition(tx, on(day), ['resubmit', 'close'].includes(event) ? sender : bureau, id, event, input);
      if (g === 31) return; // just sent, waiting to be accepted
      await step(addDays(sent, 1), 'accept', counsel ? { counselId: counsel } : {});
      if (g === 29) return; // under review
      if (g === 30 || g % 9 === 4) {
        await step(addDays(sent, 2), 'requestMaterials', { reason: '请补充相对方资质证明和项目立项批复文件' });
        if (g === 30) return; // waiting for the materials
        await step(addDays(sent, 5), 'resubmit', { materials: '已补充相对方营业执照、资质证书和立项批复' });
      }
      const k = counts[g];
      const conclusion = k === 0 ? '通过' : g === 9 ? '不予通过' : '修改后通过';
      const comments = Array.from({ length: k }, (_, j) => { const [clause, problem, suggestion] = COMMENT_BANK[(g + j) % COMMENT_BANK.length]; return { clause, problem, suggestion }; });
      await step(addDays(sent, g % 9 === 4 ? 8 : 4), 'issueOpinion', { conclusion, summary: conclusion === '通过' ? '合同主体适格，内容不违反法律法规规定，同意签订' : conclusion === '不予通过' ? '合同约定由政府承担企业经营风险，违反有关规定，不同意签订' : `合同基本可行，提出修改意见${k}条，修改后可以签订`, comments });
      await step(addDays(sent, 10), 'close', { adoption: conclusion === '不予通过' ? '已终止签订' : '已按审查意见修改完善后签订' });
    });
  }

  // Entered work records: 11 more reviews (23 with the 12 above), 104 opinions, 18 cases, 185 consultations.
  const plan: [WorkKind, number, string[]][] = [['review', 11, MANUAL_REVIEWS], ['opinion', 104, WORK_SUBJECTS.opinion], ['case', 18, WORK_SUBJECTS.case], ['consultation', 185, WORK_SUBJECTS.consultation]];
  await kernel.db.tx(async (tx) => {
    const orgOf = new Map<string, string>();
    for (const [orgId, ids] of servedBy) for (const id of ids) if (!orgOf.has(id)) orgOf.set(id, orgId);
    const rows = plan.flatMap(([kind, total, subjects]) => Array.from({ length: total }, (_, k) => {
      const lawyerId = lawyerIds[(k * 5 + kind.length) % lawyerIds.length];
      return { id: randomUUID(), lawyerId, orgId: orgOf.get(lawyerId)!, kind, on: spread(k, total), subject: subjects[k % subjects.length], caseId: null, divisionCode: agencies[0].divisionCode, createdAt: kernel.now() };
    }));
    await repo.insertWorkRows(tx, rows);
  });
}

/** The seed keeps the pool as the justice bureau would: an actor holding legalCounsel.manage in the district. */
function poolKeeper(divisionCode: string): Actor {
  return { ...SYSTEM_ACTOR, name: '区司法局', grants: [{ role: 'system', roleName: '系统', scope: 'division' as const, orgId: null, orgName: null, divisionCode, permissions: new Set(['legalCounsel.manage', 'legalCounsel.read']) }] };
}
