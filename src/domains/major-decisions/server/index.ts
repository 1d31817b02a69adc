import { defineDomain } from '../../../core/server';
import { majorDecisionMachine } from '../shared/major-decision.machine';
import { majorDecisionRoutes } from './major-decisions.routes';
import { majorDecisionMetrics } from './major-decisions.metrics';
import { decisionChecks, decisionHandlers, presentDecision } from './major-decisions.service';
import { seedMajorDecisionsDemo } from './major-decisions.seed';
import { majorDecisions } from './major-decisions.tables';

export default defineDomain({
  name: 'major-decisions',
  tables: [majorDecisions],
  permissions: {
    'majorDecision.read': '查看重大行政决策', 'majorDecision.manage': '管理决策目录并记录决策程序',
    'majorDecision.review': '重大行政决策合法性审查', 'majorDecision.decide': '集体讨论决定、调整目录',
  },
  roles: [
    { key: 'decisionOfficer', name: '决策程序专员', scope: 'division', description: '政府办公室：编制决策目录、记录公众参与等程序、送审、公布和归档' },
    { key: 'legalReviewer', name: '合法性审查员', scope: 'division', description: '司法局：重大行政决策、规范性文件和合同的合法性审查' },
  ],
  grants: {
    decisionOfficer: ['majorDecision.read', 'majorDecision.manage'],
    legalReviewer: ['majorDecision.read', 'majorDecision.review'],
    leader: ['majorDecision.read', 'majorDecision.decide'],
  },
  caseTypes: [{ machine: majorDecisionMachine, refPrefix: 'JC', present: (tx, row) => presentDecision(tx, row.id, row.data), on: decisionHandlers, checks: decisionChecks }],
  routes: majorDecisionRoutes,
  metrics: majorDecisionMetrics,
  seedDemo: seedMajorDecisionsDemo,
});
