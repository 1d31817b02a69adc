import { defineDomain } from '../../../core/server';
import { legalAffairsSettings } from './legal-affairs.config';
import { contractReviewMachine } from '../shared/contract-review.machine';
import { legalAffairsRoutes } from './legal-affairs.routes';
import { legalAffairsMetrics } from './legal-affairs.metrics';
import { reviewChecks, reviewHandlers, presentReview } from './legal-affairs.service';
import { seedLegalAffairsDemo } from './legal-affairs.seed';
import { contractReviews, contractReviewComments, counselFirms, counselLawyers, counselAppointments, counselWork } from './legal-affairs.tables';

export default defineDomain({
  name: 'legal-affairs',
  tables: [contractReviews, contractReviewComments, counselFirms, counselLawyers, counselAppointments, counselWork],
  config: legalAffairsSettings,
  permissions: {
    'contractReview.read': '查看合同合法性审查', 'contractReview.submit': '送审合同等文件、补充材料、反馈采纳情况',
    'contractReview.review': '合同合法性审查（受理、指派法律顾问、出具审查意见）',
    'legalCounsel.read': '查看法律顾问及其工作记录', 'legalCounsel.manage': '管理法律顾问库、聘任和工作记录',
  },
  // The same role major-decisions declares (the first declaration wins; both say the same): this folder
  // sorts before major-decisions, and a grant to a role nobody has declared yet is refused at boot.
  roles: [
    { key: 'legalReviewer', name: '合法性审查员', scope: 'division', description: '司法局：重大行政决策、规范性文件和合同的合法性审查' },
  ],
  grants: {
    // The sending agency's head sends and closes; the justice bureau's legality reviewer reviews and keeps the pool.
    director: ['contractReview.read', 'contractReview.submit'],
    legalReviewer: ['contractReview.read', 'contractReview.review', 'legalCounsel.read', 'legalCounsel.manage'],
    leader: ['contractReview.read', 'legalCounsel.read'],
  },
  caseTypes: [{
    machine: contractReviewMachine, refPrefix: 'HT',
    present: (tx, row) => presentReview(tx, row.id),
    link: (row) => `/legal-affairs/contract-reviews/${row.id}`,
    on: reviewHandlers,
    checks: reviewChecks,
  }],
  routes: legalAffairsRoutes,
  metrics: legalAffairsMetrics,
  seedDemo: seedLegalAffairsDemo,
  seedAfter: ['major-decisions'],
});
