import { defineDomain } from '../../../core/server';
import { normativeDocsSettings } from './normative-docs.config';
import { normativeDocMachine } from '../shared/normative-doc.machine';
import { normativeDocRoutes } from './normative-docs.routes';
import { normativeDocMetrics } from './normative-docs.metrics';
import { docChecks, docHandlers, presentDoc } from './normative-docs.service';
import { seedNormativeDocsDemo } from './normative-docs.seed';
import { normativeDocs, normativeCleanups, normativePassages, normativeComments, normativeEvaluations } from './normative-docs.tables';

export default defineDomain({
  name: 'normative-docs',
  tables: [normativeDocs, normativeCleanups, normativePassages, normativeComments, normativeEvaluations],
  config: normativeDocsSettings,
  permissions: {
    'normativeDoc.read': '查看规范性文件', 'normativeDoc.draft': '起草规范性文件并初审、征求意见、公平竞争审查',
    'normativeDoc.officeReview': '规范性文件复审（区政府办）', 'normativeDoc.review': '规范性文件合法性审核（司法局终审）',
    'normativeDoc.decide': '集体审议规范性文件', 'normativeDoc.register': '统一编号公布、报备和清理规范性文件',
    'normativeDoc.evaluate': '组织规范性文件后评估',
  },
  grants: {
    // 谁起草、谁负责: the drafting unit; 政府办 复审 and registers; 司法局 终审; the government decides.
    director: ['normativeDoc.read', 'normativeDoc.draft'],
    clerk: ['normativeDoc.read'],
    decisionOfficer: ['normativeDoc.read', 'normativeDoc.officeReview', 'normativeDoc.register', 'normativeDoc.evaluate'],
    legalReviewer: ['normativeDoc.read', 'normativeDoc.review', 'normativeDoc.evaluate'],
    leader: ['normativeDoc.read', 'normativeDoc.decide'],
  },
  caseTypes: [{ machine: normativeDocMachine, refPrefix: 'GF', present: (tx, row) => presentDoc(tx, row.id, row.data), link: (row) => `/normative-docs/${row.id}`, on: docHandlers, checks: docChecks }],
  routes: normativeDocRoutes,
  metrics: normativeDocMetrics,
  seedDemo: seedNormativeDocsDemo,
  seedAfter: ['major-decisions'],
});
