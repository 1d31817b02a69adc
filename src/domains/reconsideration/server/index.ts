import { defineDomain } from '../../../core/server';
import { reconsiderationSettings } from './reconsideration.config';
import { reconsiderationMachine } from '../shared/reconsideration.machine';
import { reconsiderationRoutes } from './reconsideration.routes';
import { reconsiderationMetrics } from './reconsideration.metrics';
import { LINK_CHALLENGES, LINK_OPINION, opinionHandlers, present, presentOpinion, reconsiderationChecks, reconsiderationHandlers } from './reconsideration.service';
import { reconsiderationOpinionMachine } from '../shared/opinion.machine';
import { seedReconsiderationDemo } from './reconsideration.seed';
import { reconsiderationOpinions, reconsiderations } from './reconsideration.tables';

const OPINION_OFFICE = ['reconsiderationOpinion.read', 'reconsiderationOpinion.issue'];

export default defineDomain({
  name: 'reconsideration',
  tables: [reconsiderations, reconsiderationOpinions],
  config: reconsiderationSettings,
  permissions: {
    'reconsideration.read': '查看行政复议案件',
    'reconsideration.handle': '办理行政复议（登记、审查受理、补正、审理、听证、中止、调解、决定）',
    'reconsideration.extend': '批准延长行政复议审理期限（行政复议机构负责人，第62条）',
    'reconsideration.answer': '作为被申请人提交书面答复和证据（第48条）',
    'reconsideration.correct': '提交行政复议补正材料',
    'reconsideration.withdraw': '撤回行政复议申请',
    'reconsiderationOpinion.read': '查看行政复议意见书',
    'reconsiderationOpinion.issue': '制发行政复议意见书、建议书（第76条）',
    'reconsiderationOpinion.reply': '作为主送机关报送纠正情况（第76条）',
  },
  roles: [
    { key: 'reconsiderationOfficer', name: '行政复议人员', scope: 'division', description: '司法局（行政复议机构）：登记、审查、审理行政复议案件' },
    { key: 'reconsiderationHead', name: '行政复议机构负责人', scope: 'division', description: '司法局负责人：批准延长审理期限等（第62条）' },
  ],
  grants: {
    // The 复议机构 handles cases against every agency of the county (第24条), so its roles are division
    // scoped and read the county's 复议 figures too: without 'metrics.read' on these grants, a bureau
    // member whose only figure grant is an org one (the demo's reviewer_sfj: 审核人员) read the figures of
    // the justice bureau itself, against which no 复议 is brought (all zeros).
    reconsiderationOfficer: ['reconsideration.read', 'reconsideration.handle', 'reconsideration.correct', 'reconsideration.withdraw', 'metrics.read', ...OPINION_OFFICE],
    reconsiderationHead: ['reconsideration.read', 'reconsideration.handle', 'reconsideration.correct', 'reconsideration.withdraw', 'reconsideration.extend', 'metrics.read', ...OPINION_OFFICE],
    // The justice bureau's legality reviewer works the county's cases too.
    legalReviewer: ['reconsideration.read', 'reconsideration.handle', 'reconsideration.correct', 'reconsideration.withdraw', ...OPINION_OFFICE],
    // The respondent agency's head answers for it and sees its own cases only (org scope); a 意见书 sent
    // to the agency is answered by it too.
    director: ['reconsideration.read', 'reconsideration.answer', 'reconsiderationOpinion.read', 'reconsiderationOpinion.reply'],
    leader: ['reconsideration.read', 'reconsiderationOpinion.read'],
    applicant: ['reconsideration.read', 'reconsideration.correct', 'reconsideration.withdraw'],
  },
  caseTypes: [{
    machine: reconsiderationMachine, refPrefix: 'FY',
    present: (tx, row, _a, kernel) => present(tx, kernel, row.id),
    link: (row) => `/reconsideration/cases/${row.id}`,
    on: reconsiderationHandlers,
    checks: reconsiderationChecks,
    // The case's org is the respondent agency (scope: it sees its own cases), but the periods of 审查,
    // 补正, 审理 and sending the copy are the 复议机构's (第30、31、48、62条): its staff are told. The
    // answer period is the respondent's own duty (第48条): the respondent is told, and the bureau too.
    clockNotices: Object.fromEntries(Object.keys(reconsiderationMachine.clocks).map((name) => [name, { permission: 'reconsideration.handle', alsoOrg: name === 'answer' }])),
  }, {
    machine: reconsiderationOpinionMachine, refPrefix: 'FYJ',
    present: (tx, row) => presentOpinion(tx, row),
    // Its own page (the letter, the clock, the link back, the .docx and the reply form), from the
    // 工作台, the list, the figure's records and the 复议 case page alike.
    link: (row) => `/reconsideration/opinions/${row.id}`,
    on: opinionHandlers,
  }],
  caseLinks: [
    { kind: LINK_CHALLENGES, label: '被申请复议的行政行为', inverseLabel: '被申请行政复议' },
    { kind: LINK_OPINION, label: '所涉行政复议案件', inverseLabel: '行政复议意见书' },
  ],
  routes: reconsiderationRoutes,
  metrics: reconsiderationMetrics,
  seedDemo: seedReconsiderationDemo,
  seedAfter: ['services', 'disclosure', 'major-decisions'],
});
