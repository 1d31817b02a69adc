import { defineDomain } from '../../../core/server';
import { reconsiderationSettings } from './reconsideration.config';
import { reconsiderationMachine } from '../shared/reconsideration.machine';
import { reconsiderationRoutes } from './reconsideration.routes';
import { reconsiderationMetrics } from './reconsideration.metrics';
import { LINK_CHALLENGES, onTransition, present } from './reconsideration.service';
import { seedReconsiderationDemo } from './reconsideration.seed';
import { reconsiderations } from './reconsideration.tables';

export default defineDomain({
  name: 'reconsideration',
  tables: [reconsiderations],
  config: reconsiderationSettings,
  permissions: {
    'reconsideration.read': '查看行政复议案件',
    'reconsideration.handle': '办理行政复议（登记、审查受理、补正、审理、听证、中止、调解、决定）',
    'reconsideration.extend': '批准延长行政复议审理期限（行政复议机构负责人，第62条）',
    'reconsideration.answer': '作为被申请人提交书面答复和证据（第48条）',
    'reconsideration.correct': '提交行政复议补正材料',
    'reconsideration.withdraw': '撤回行政复议申请',
  },
  roles: [
    { key: 'reconsiderationOfficer', name: '行政复议人员', scope: 'division', description: '司法局（行政复议机构）：登记、审查、审理行政复议案件' },
    { key: 'reconsiderationHead', name: '行政复议机构负责人', scope: 'division', description: '司法局负责人：批准延长审理期限等（第62条）' },
  ],
  grants: {
    reconsiderationOfficer: ['reconsideration.read', 'reconsideration.handle', 'reconsideration.correct', 'reconsideration.withdraw'],
    reconsiderationHead: ['reconsideration.read', 'reconsideration.handle', 'reconsideration.correct', 'reconsideration.withdraw', 'reconsideration.extend'],
    // The justice bureau's legality reviewer works the county's cases too.
    legalReviewer: ['reconsideration.read', 'reconsideration.handle', 'reconsideration.correct', 'reconsideration.withdraw'],
    // The respondent agency's head answers for it and sees its own cases only (org scope).
    director: ['reconsideration.read', 'reconsideration.answer'],
    leader: ['reconsideration.read'],
    applicant: ['reconsideration.read', 'reconsideration.correct', 'reconsideration.withdraw'],
  },
  caseTypes: [{
    machine: reconsiderationMachine, refPrefix: 'FY',
    present: (tx, row, _a, kernel) => present(tx, kernel, row.id),
    link: (row) => `/reconsideration/cases/${row.id}`,
    onTransition,
  }],
  caseLinks: [{ kind: LINK_CHALLENGES, label: '被申请复议的行政行为', inverseLabel: '被申请行政复议' }],
  routes: reconsiderationRoutes,
  metrics: reconsiderationMetrics,
  seedDemo: seedReconsiderationDemo,
  seedAfter: ['services', 'disclosure', 'major-decisions'],
});
