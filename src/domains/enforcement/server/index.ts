import { defineDomain } from '../../../core/server';
import { inspectionMachine } from '../shared/inspection.machine';
import { penaltyMachine } from '../shared/penalty.machine';
import { enforcementSettings } from './enforcement.config';
import { enforcementRoutes } from './enforcement.routes';
import { enforcementMetrics } from './enforcement.metrics';
import { inspectionChecks, inspectionHandlers, presentInspection } from './inspection.service';
import { penaltyChecks, penaltyHandlers, presentPenalty } from './penalty.service';
import { seedEnforcementDemo } from './enforcement.seed';
import { attachments, evidence, firms, inspections, legalReviewers, penalties, plans, publications } from './enforcement.tables';

const READ = ['inspection.read', 'penalty.read'];
const OFFICER = [...READ, 'inspection.register', 'penalty.handle'];

export default defineDomain({
  name: 'enforcement',
  tables: [firms, plans, inspections, penalties, evidence, publications, legalReviewers, attachments],
  config: enforcementSettings,
  permissions: {
    'inspection.read': '查看涉企行政检查', 'inspection.register': '登记涉企行政检查（扫码入企）和检查结果',
    'inspection.plan': '公布检查计划和年度检查频次上限', 'inspection.approve': '批准超过频次上限的检查（机关负责人）',
    'penalty.read': '查看行政处罚案件', 'penalty.handle': '办理行政处罚（立案、调查取证、告知、听证、送达、执行、公示）',
    'penalty.review': '法制审核（须取得法律职业资格）', 'penalty.decide': '作出行政处罚决定、集体讨论、撤销决定（机关负责人）',
    'penalty.extend': '批准延长办案期限', 'penalty.reviewers': '登记法制审核人员的法律职业资格',
  },
  roles: [
    { key: 'enforcementReviewer', name: '法制审核人员', scope: 'org', description: '执法机关法制机构：对重大执法决定进行法制审核（行政处罚法 第58条）' },
  ],
  grants: {
    // Departments record their own cases (org scope): officers handle, the head decides and approves.
    reviewer: OFFICER,
    director: [...OFFICER, 'inspection.plan', 'inspection.approve', 'penalty.decide', 'penalty.extend'],
    enforcementReviewer: [...READ, 'penalty.review'],
    // The justice bureau supervises enforcement: it sees every department's cases (division scope), keeps the
    // register of legal reviewers and may review where a department has no qualified reviewer of its own.
    legalReviewer: [...READ, 'penalty.review', 'penalty.reviewers', 'metrics.read'],
    leader: READ,
  },
  caseTypes: [
    { machine: inspectionMachine, refPrefix: 'QJ', present: (tx, row) => presentInspection(tx, row), link: (row) => `/enforcement/inspections/${row.id}`, on: inspectionHandlers, checks: inspectionChecks },
    { machine: penaltyMachine, refPrefix: 'CF', present: (tx, row) => presentPenalty(tx, row), link: (row) => `/enforcement/penalties/${row.id}`, on: penaltyHandlers, checks: penaltyChecks },
  ],
  caseLinks: [{ kind: 'foundInInspection', label: '来源行政检查', inverseLabel: '检查发现立案' }],
  routes: enforcementRoutes,
  metrics: enforcementMetrics,
  seedDemo: seedEnforcementDemo,
  seedAfter: ['enforcement-credentials', 'litigation'],
});
