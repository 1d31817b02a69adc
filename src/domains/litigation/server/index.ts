import { defineDomain } from '../../../core/server';
import { litigationMachine } from '../shared/litigation.machine';
import { judicialAdviceMachine } from '../shared/judicial-advice.machine';
import { litigationSettings } from './litigation.config';
import { litigationRoutes } from './litigation.routes';
import { litigationMetrics } from './litigation.metrics';
import { adviceHandlers, presentAdvice, presentSuit, suitChecks, suitHandlers } from './litigation.service';
import { seedLitigationDemo } from './litigation.seed';
import { advice, hearings, judgments, suits } from './litigation.tables';

const READ = ['litigation.read', 'judicialAdvice.read'];
const RUN = [...READ, 'litigation.register', 'litigation.handle', 'judicialAdvice.handle'];

export default defineDomain({
  name: 'litigation',
  tables: [suits, hearings, judgments, advice],
  config: litigationSettings,
  permissions: {
    'litigation.read': '查看行政应诉案件', 'litigation.register': '登记行政应诉案件', 'litigation.handle': '办理应诉（答辩、开庭、裁判登记）',
    'litigation.appeal': '决定上诉或服判', 'judicialAdvice.read': '查看司法建议', 'judicialAdvice.handle': '登记和回复司法建议',
  },
  // legalReviewer (司法局) and decisionOfficer (政府办公室) are declared by major-decisions and legal-affairs;
  // the kernel resolves every domain's roles before any grant, so granting to them here needs no copy.
  grants: {
    // The defendant agency runs its own suits (org scope); its head decides whether to appeal.
    reviewer: RUN,
    director: [...RUN, 'litigation.appeal'],
    // The justice bureau handles the government's own suits and oversees every agency's (division scope).
    // Both offices compile the division's 法治政府 figures (应诉统计, the annual report): they read figures.
    legalReviewer: [...RUN, 'litigation.appeal', 'metrics.read'],
    decisionOfficer: [...READ, 'metrics.read'],
    leader: READ,
  },
  caseTypes: [
    { machine: litigationMachine, refPrefix: 'YS', present: (tx, row) => presentSuit(tx, row), link: (row) => `/litigation/${row.id}`, on: suitHandlers, checks: suitChecks },
    { machine: judicialAdviceMachine, refPrefix: 'SJ', present: (tx, row) => presentAdvice(tx, row), on: adviceHandlers },
  ],
  caseLinks: [
    { kind: 'suesOver', label: '被诉行政行为', inverseLabel: '被提起行政诉讼' },
    { kind: 'afterReconsideration', label: '诉前行政复议', inverseLabel: '复议后提起行政诉讼' },
    { kind: 'adviceOnSuit', label: '所涉应诉案件', inverseLabel: '司法建议' },
  ],
  routes: litigationRoutes,
  metrics: litigationMetrics,
  seedDemo: seedLitigationDemo,
  seedAfter: ['legal-affairs', 'major-decisions'],
});
