/**
 * The leaders' 驾驶舱 reads figures only through the metrics registry, so every chart agrees with the
 * annual report and drills down to the same records.
 */
import { type Actor, computeBreakdown, computeMetric, figureScope, type Kernel, listOrgs, type MetricScope, type Tx } from '../../../core/server';
import { divisionPrefix } from '../../../core/shared/division';

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 法治政府 figures on the 驾驶舱, in the order the annual report states them; those not registered are left out. */
export const RULE_OF_LAW_FIGURES: [key: string, title: string][] = [
  // Every figure issue 11 names for 复议 and 应诉 (the report's and the 司法部 statistics' own).
  ['reconsideration.received', '行政复议申请'], ['reconsideration.accepted', '复议受理'], ['reconsideration.closed', '复议审结'],
  ['reconsideration.closedRate', '复议审结率'], ['reconsideration.correctionRate', '复议纠错率'], ['reconsideration.mediatedRate', '复议调撤率'],
  ['reconsideration.simpleProcedureShare', '简易程序占比'],
  ['litigation.received', '行政应诉案件'], ['litigation.closed', '应诉结案'], ['litigation.pending', '在审应诉案件'], ['litigation.headAppearanceRate', '负责人出庭应诉率'],
  ['litigation.lossRate', '行政诉讼败诉率'], ['disclosure.replyRate', '依申请公开答复率'], ['contractReview.reviewed', '合同合法性审查'],
  ['mediation.received', '排查化解矛盾纠纷'], ['mediation.perTenThousand', '万人调解率'], ['mediation.successRate', '调解成功率'], ['mediation.judiciallyConfirmed', '调解协议司法确认'],
  ['legalAdvisers.count', '村（居）法律顾问'],
  ['lawStudy.sessions', '集中学法'], ['lawStudy.personTimes', '学法人次'], ['lawStudy.courtVisits', '旁听庭审'], ['lawStudy.coverageRate', '学法覆盖率'],
  ['exams.takers', '学法考试参考人数'], ['exams.passRate', '学法考试合格率'], ['shufa.officials', '述法干部'], ['ruleOfLawMeetings.count', '党委政府研究法治建设'],
  ['enforcement.penalties', '行政处罚案件'], ['enforcement.inspections', '涉企行政检查'], ['enforcement.publishedOnTimeRate', '执法决定按时公示率'],
];

/**
 * 惠企政策免申即享 figures, in the order the report's sentence states them (梳理政策N件，兑现资金M万元，
 * 惠及企业K家 …), then the ones the department acts on (异议, 应享未享); those not registered are left out.
 */
export const BENEFIT_FIGURES: [key: string, title: string][] = [
  ['benefits.policies', '惠企政策兑现事项'], ['benefits.policiesNoApplication', '免申即享占比'], ['benefits.firmsBenefited', '惠及企业'],
  ['benefits.peopleBenefited', '惠及群众'], ['benefits.amountPaid', '兑现资金（元）'], ['benefits.objections', '兑现结果异议'], ['benefits.unclaimed', '应享未享'],
];

export async function dashboard(tx: Tx, kernel: Kernel, actor: Actor, q: { year: number; caseType: string; divisionCode?: string }) {
  // A leader reads their county; a department's reader, their own org (the kernel's one rule).
  const { divisionCode, orgId } = figureScope(actor, q);
  const year = q.year;
  const today = kernel.today();
  const to = `${year}-12-31` < today ? `${year}-12-31` : today;
  const base: MetricScope = { divisionCode, orgId, from: `${year}-01-01`, to, caseType: q.caseType };
  const get = async (key: string, s: MetricScope) => (kernel.metrics.has(key) ? computeMetric(tx, kernel, key, s) : null);
  const lastMonth = Number(to.slice(5, 7));
  const monthKeys = Array.from({ length: lastMonth }, (_, k) => {
    const mm = String(k + 1).padStart(2, '0');
    const scope = { ...base, from: `${year}-${mm}-01`, to: `${year}-${mm}-${lastDay(year, k + 1)}` };
    return { key: `${year}-${mm}`, scope };
  });
  // One grouped query per metric (the registry's breakdown), not one query per month or org.
  const byMonth = async (key: string) => computeBreakdown(tx, kernel, key, base, 'month', monthKeys);
  const [mReceived, mCompleted, mOnTime] = [await byMonth('cases.received'), await byMonth('cases.completed'), await byMonth('cases.onTimeRate')];
  const months = monthKeys.map(({ key, scope }) => ({
    month: key, from: scope.from, to: scope.to,
    received: mReceived?.get(key)?.numerator ?? 0, completed: mCompleted?.get(key)?.numerator ?? 0, onTimeRate: mOnTime?.get(key)?.value ?? null,
  }));
  const orgRows = (await listOrgs(tx, divisionPrefix(divisionCode))).map((r) => r.org).filter((o) => !orgId || o.id === orgId);
  const orgKeys = orgRows.map((o) => ({ key: o.id, scope: { ...base, orgId: o.id } }));
  const byOrg = async (key: string) => computeBreakdown(tx, kernel, key, base, 'org', orgKeys);
  const [oReceived, oOnTime, oOverdue] = [await byOrg('cases.received'), await byOrg('cases.onTimeRate'), await byOrg('cases.overdue')];
  const orgs = orgRows.map((org) => {
    const on = oOnTime?.get(org.id);
    return { orgId: org.id, orgName: org.name, received: oReceived?.get(org.id)?.numerator ?? 0, onTimeRate: on?.value ?? null, onTimeNumerator: on?.numerator ?? 0, onTimeDenominator: on?.denominator ?? 0, overdue: oOverdue?.get(org.id)?.numerator ?? 0 };
  }).filter((o) => o.received > 0);
  orgs.sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.received - a.received);
  const totals: Record<string, Awaited<ReturnType<typeof get>>> = {};
  for (const k of ['cases.received', 'cases.completed', 'cases.onTimeRate', 'cases.overdue', 'cases.inProgress', 'applications.online', 'catalog.zeroVisitShare', 'ratings.total', 'ratings.satisfactionRate']) totals[k] = await get(k, base);
  // 差评 awaiting remediation, whenever raised: the open 差评整改 cases.
  totals['ratings.openFixes'] = await get('cases.inProgress', { ...base, from: '2019-01-01', caseType: 'complaintFix' });
  // The rule-of-law figures count their own records (复议, 诉讼, 公开申请 …), not applications.
  const ruleOfLaw = [];
  for (const [key, title] of RULE_OF_LAW_FIGURES) {
    const m = await get(key, { ...base, caseType: undefined });
    if (m) ruleOfLaw.push({ title, ...m });
  }
  // 免申即享 counts policies, ledger rows and results, not applications: no case-type filter either.
  const benefits = [];
  for (const [key, title] of BENEFIT_FIGURES) {
    const m = await get(key, { ...base, caseType: undefined });
    if (m) benefits.push({ title, ...m });
  }
  // A department's reader sees their own org only: say so on the page, so no one takes it for the county.
  const orgName = orgId ? orgRows.find((o) => o.id === orgId)?.name ?? null : null;
  return { year, divisionCode, orgId: orgId ?? null, orgName, from: base.from, to, caseType: q.caseType, totals, months, orgs, ruleOfLaw, benefits };
}
