import { defineDomain, defineJob } from '../../../core/server';
import { ratingsSettings } from './ratings.config';
import { complaintFixMachine } from '../shared/ratings.machine';
import { ratingsRoutes } from './ratings.routes';
import { ratingsMetrics } from './ratings.metrics';
import { fixHandlers, presentFix, sendInvitations } from './ratings.service';
import { seedRatingsDemo } from './ratings.seed';
import { ratings, ratingInvitations } from './ratings.tables';

export default defineDomain({
  name: 'ratings',
  tables: [ratings, ratingInvitations],
  config: ratingsSettings,
  permissions: {
    'complaintFix.read': '查看差评整改', 'complaintFix.handle': '差评核实、整改和反馈', 'complaintFix.review': '差评申诉复核',
    'ratings.read': '查看好差评统计和评价二维码', 'ratings.evaluate': '窗口评价器（一次一评）', 'ratings.record': '代录热线评价',
  },
  grants: {
    // 谁办理、谁负责: the rated org's counter staff and head handle it; the district's leaders re-check appeals.
    clerk: ['complaintFix.read', 'complaintFix.handle', 'ratings.evaluate', 'ratings.read'],
    director: ['complaintFix.read', 'complaintFix.handle', 'ratings.read'],
    leader: ['complaintFix.read', 'complaintFix.review', 'ratings.read'],
    // 回访员 (callbacks domain, loaded before this one) also take ratings on the phone: the 12345 channel.
    callbackAgent: ['ratings.record', 'ratings.read'],
  },
  caseTypes: [{ machine: complaintFixMachine, refPrefix: 'CP', on: fixHandlers, present: (tx, row) => presentFix(tx, row), link: (row) => `/ratings/fixes/${row.id}` }],
  jobs: [defineJob({ name: 'ratings.invite', everySeconds: 900, maxAttempts: 3, handler: async (kernel) => { await sendInvitations(kernel); } })],
  routes: ratingsRoutes,
  metrics: ratingsMetrics,
  seedDemo: seedRatingsDemo,
  seedAfter: ['catalog', 'applications'],
});
