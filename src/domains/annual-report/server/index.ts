import { createStaff, defineDomain, SYSTEM_ACTOR, tenancy } from '../../../core/server';
import { annualReportMachine } from '../shared/annual-report.machine';
import { annualReportRoutes } from './annual-report.routes';
import * as repo from './annual-report.repository';
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
