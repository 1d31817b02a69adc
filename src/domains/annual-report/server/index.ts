import { createStaff, defineDomain, listCaseEvents, SYSTEM_ACTOR, tenancy, type TransitionCheck } from '../../../core/server';
import { annualReportMachine } from '../shared/annual-report.machine';
import { annualReportRoutes } from './annual-report.routes';
import * as repo from './annual-report.repository';
import { manualCount } from './annual-report.service';

/**
 * Separation of duties: the drafter (who created or submitted the report), the internal reviewer, the
 * approving leader and the secrecy reviewer are four different people in each round, so no one both
 * writes and clears a figure. Earlier steps of the current round are read from the case's events.
 */
const separate = (step: string, earlier: Record<string, string>): TransitionCheck => async (tx, ctx) => {
  if (!ctx.actor.id) return null; // the command line and seeds act as the system
  const events = await listCaseEvents(tx, ctx.row.id);
  const roundStart = events.map((e) => e.event).lastIndexOf('submit');
  for (const [event, role] of Object.entries(earlier)) {
    const acted = event === 'submit' || event === 'create'
      ? events.filter((e) => e.event === event) // every drafter of the report
      : events.slice(roundStart).filter((e) => e.event === event);
    if (acted.some((e) => e.actorId === ctx.actor.id)) return `您已作为${role}处理本报告，不能再${step}（起草、审核、审批、保密审查须由不同人员办理）`;
  }
  return null;
};

const checks: Record<string, TransitionCheck> = {
  approveInternal: separate('审核', { create: '起草人', submit: '起草人' }),
  approveLeader: async (tx, ctx) => {
    const r = await repo.get(tx, ctx.row.id);
    const n = r ? manualCount(r.content) : 0;
    // A hand-typed figure has no record behind it: the approver says they checked it (issue 15 §4).
    if (n > 0 && ctx.input.acknowledgeManual !== true) return `报告含${n}处人工填报数据，请逐项核对后勾选“已逐项核对报告中的人工填报数据”再审批`;
    return separate('审批', { create: '起草人', submit: '起草人', approveInternal: '审核人' })(tx, ctx);
  },
  passConfidentiality: async (tx, ctx) => {
    const { year, preliminary } = ctx.row.data as { year: number; preliminary?: boolean };
    // A full-year report covers the whole year: published before 31 December only as a 阶段性报告.
    if (ctx.today <= `${year}-12-31` && !preliminary) return `${year}年度尚未结束，全年报告不能公开；如确需年内公开，请退回起草人标注为阶段性报告`;
    return separate('保密审查', { create: '起草人', submit: '起草人', approveInternal: '审核人', approveLeader: '审批人' })(tx, ctx);
  },
};
import { annualReports, annualReportVersions } from './annual-report.tables';

/** A 保密审查员 for the demo district, so the report can be taken all the way to publication. */
async function seedDemo(kernel: import('../../../core/server').Kernel) {
  await kernel.db.tx(async (tx) => {
    if (await tenancy.getUserByUsername(tx, 'secrecy')) return;
    const office = await tenancy.getOrgByName(tx, '湖滨区人民政府办公室');
    if (!office) return;
    await createStaff(tx, kernel, SYSTEM_ACTOR, { username: 'secrecy', displayName: '何静', password: 'Zt@2026demo', phone: '13903980099', roles: [{ role: 'secrecyReviewer', orgId: office.id }], mustChangePassword: false });
  });
}

export default defineDomain({
  name: 'annual-report',
  tables: [annualReports, annualReportVersions],
  permissions: {
    'annualReport.read': '查看年度报告',
    'annualReport.create': '起草年度报告',
    'annualReport.edit': '修改年度报告',
    'annualReport.review': '审核年度报告（含退回）',
    'annualReport.approve': '领导审批年度报告',
    'annualReport.confidentiality': '年度报告保密审查',
  },
  roles: [{ key: 'secrecyReviewer', name: '保密审查员', scope: 'division', description: '信息公开前的保密审查（政府信息公开条例 第17条）' }],
  grants: {
    // Drafting sits with the body's legal staff (the justice bureau's 法治办 for the government's report).
    reviewer: ['annualReport.read', 'annualReport.create', 'annualReport.edit', 'metrics.read'],
    director: ['annualReport.read', 'annualReport.create', 'annualReport.edit', 'annualReport.review'],
    leader: ['annualReport.read', 'annualReport.review', 'annualReport.approve'],
    secrecyReviewer: ['annualReport.read', 'annualReport.review', 'annualReport.confidentiality'],
  },
  caseTypes: [{
    machine: annualReportMachine,
    refPrefix: 'BG',
    checks,
    list: false, // its own list is one row per report year with its workflow (annual-report.routes.ts)
    link: (row) => `/annual-reports/${row.id}`,
    present: async (tx, row) => {
      const r = await repo.get(tx, row.id);
      return r ? [{ label: '报告主体', value: r.subjectName }, { label: '年度', value: `${r.year}年` }, { label: '内容版本', value: `第${r.contentVersion}版` }] : [];
    },
  }],
  routes: annualReportRoutes,
  seedDemo,
});
