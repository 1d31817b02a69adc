import { defineDomain } from '../../../core/server';
import { rectificationMachine } from '../shared/rectification.machine';
import { caseFileReviewSettings } from './case-file-review.config';
import { caseFileReviewMetrics } from './case-file-review.metrics';
import { caseFileReviewRoutes } from './case-file-review.routes';
import { seedCaseFileReviewDemo } from './case-file-review.seed';
import { presentRectification, rectificationHandlers } from './case-file-review.service';
import { campaigns, files, measures, problems, rectifications, units } from './case-file-review.tables';

export default defineDomain({
  name: 'case-file-review',
  tables: [campaigns, units, files, problems, rectifications, measures],
  config: caseFileReviewSettings,
  permissions: {
    'caseReview.read': '查看案卷评查活动、案卷评分和整改情况',
    'caseReview.manage': '组织案卷评查：制定评查表、抽取案卷、评分、下发整改、记录约谈和追责（司法行政机关）',
    'rectification.handle': '办理本单位的评查整改（签收、报送整改情况）',
    'rectification.accept': '验收评查整改（司法行政机关）',
  },
  grants: {
    // The justice bureau runs campaigns over the departments of its division and accepts their rectification.
    legalReviewer: ['caseReview.read', 'caseReview.manage', 'rectification.accept', 'metrics.read'],
    // A department sees its own files' scores and rectifies its own problems (org scope).
    reviewer: ['caseReview.read', 'rectification.handle'],
    director: ['caseReview.read', 'rectification.handle'],
    leader: ['caseReview.read'],
  },
  caseTypes: [
    { machine: rectificationMachine, refPrefix: 'PZ', present: (tx, row) => presentRectification(tx, row), link: (row) => `/cases/${row.id}`, on: rectificationHandlers },
  ],
  routes: caseFileReviewRoutes,
  metrics: caseFileReviewMetrics,
  seedDemo: seedCaseFileReviewDemo,
  seedAfter: ['enforcement'],
});
