import { defineDomain } from '../../../core/server';
import { rectificationMachine } from '../shared/rectification.machine';
import { supervisionMachine } from '../shared/supervision.machine';
import { caseFileReviewSettings } from './case-file-review.config';
import { caseFileReviewMetrics } from './case-file-review.metrics';
import { caseFileReviewRoutes } from './case-file-review.routes';
import { seedCaseFileReviewDemo, seedSupervisionDemo } from './case-file-review.seed';
import { presentRectification, rectificationHandlers } from './case-file-review.service';
import { campaigns, files, jointMeetings, measures, problems, rectifications, supervisions, units } from './case-file-review.tables';
import { LINK_TICKET, presentSupervision, supervisionHandlers } from './supervision.service';

export default defineDomain({
  name: 'case-file-review',
  tables: [campaigns, units, files, problems, rectifications, measures, supervisions, jointMeetings],
  config: caseFileReviewSettings,
  permissions: {
    'caseReview.read': '查看案卷评查活动、案卷评分和整改情况',
    'caseReview.manage': '组织案卷评查：制定评查表、抽取案卷、评分、下发整改、记录约谈和追责（司法行政机关）',
    'rectification.handle': '办理本单位的评查整改（签收、报送整改情况）',
    'rectification.accept': '验收评查整改（司法行政机关）',
    'supervision.read': '查看行政执法监督事项和联席会议记录',
    'supervision.manage': '开展行政执法监督：受理投诉（含12345转入）、制发监督意见书、审查整改答复、记录联席会议（司法行政机关）',
    'supervision.handle': '办理本单位收到的行政执法监督意见书（签收、书面答复整改情况）',
  },
  grants: {
    // The justice bureau runs campaigns over the departments of its division and accepts their rectification.
    legalReviewer: ['caseReview.read', 'caseReview.manage', 'rectification.accept', 'metrics.read', 'supervision.read', 'supervision.manage'],
    // A department sees its own files' scores and rectifies its own problems (org scope).
    reviewer: ['caseReview.read', 'rectification.handle', 'supervision.handle'],
    director: ['caseReview.read', 'rectification.handle', 'supervision.handle'],
    leader: ['caseReview.read', 'supervision.read'],
  },
  caseTypes: [
    { machine: rectificationMachine, refPrefix: 'PZ', present: (tx, row) => presentRectification(tx, row), link: (row) => `/cases/${row.id}`, on: rectificationHandlers },
    { machine: supervisionMachine, refPrefix: 'JD', present: (tx, row) => presentSupervision(tx, row), link: (row) => `/cases/${row.id}`, on: supervisionHandlers },
  ],
  // A complaint about enforcement that came in by 12345: the matter and its ticket show each other.
  caseLinks: [{ kind: LINK_TICKET, label: '来源12345工单', inverseLabel: '转行政执法监督' }],
  routes: caseFileReviewRoutes,
  metrics: caseFileReviewMetrics,
  seedDemo: async (kernel) => { await seedCaseFileReviewDemo(kernel); await seedSupervisionDemo(kernel); },
  seedAfter: ['enforcement', 'hotline'],
});
