import { defineDomain } from '../../../core/server/kernel';
import { complaintFixMachine } from '../shared/ratings.machine';
import { ratingsRoutes } from './ratings.routes';
import { ratingsMetrics } from './ratings.metrics';
import { onFixTransition } from './ratings.service';
import { seedRatingsDemo } from './ratings.seed';

export default defineDomain({
  name: 'ratings',
  permissions: { 'complaintFix.read': '查看差评整改', 'complaintFix.handle': '差评核实、整改和反馈', 'complaintFix.review': '差评申诉复核' },
  grants: {
    // 谁办理、谁负责: the rated org's counter staff and head handle it; the district's leaders re-check appeals.
    clerk: ['complaintFix.read', 'complaintFix.handle'],
    director: ['complaintFix.read', 'complaintFix.handle'],
    leader: ['complaintFix.read', 'complaintFix.review'],
  },
  caseTypes: [{ machine: complaintFixMachine, refPrefix: 'CP', onTransition: onFixTransition }],
  routes: ratingsRoutes,
  metrics: ratingsMetrics,
  seedDemo: seedRatingsDemo,
  seedAfter: ['services'],
});
