import { defineDomain } from '../../../core/server';
import { applicationsSettings } from './applications.config';
import { applicationMachine } from '../shared/application.machine';
import { applicationsRoutes } from './applications.routes';
import { applicationsMetrics } from './applications.metrics';
import { present } from './applications.service';
import * as corrections from './corrections.service';
import { seedApplicationsDemo } from './applications.seed';
import { applications, applicationFiles } from './applications.tables';

export default defineDomain({
  name: 'applications',
  tables: [applications, applicationFiles],
  config: applicationsSettings,
  permissions: {
    'application.read': '查看办件', 'application.file': '窗口收件', 'application.accept': '受理/不予受理/补正告知',
    'application.review': '审查决定', 'application.extend': '批准延长办理期限', 'application.deliver': '送达',
    'application.correct': '提交补正材料', 'application.withdraw': '撤回申请',
  },
  grants: {
    // a walk-in's 补正 papers are recorded by the counter clerk
    clerk: ['application.read', 'application.file', 'application.accept', 'application.deliver', 'application.correct'],
    reviewer: ['application.read', 'application.review'],
    director: ['application.read', 'application.review', 'application.extend', 'metrics.read'],
    leader: ['application.read', 'application.extend', 'metrics.read'],
    applicant: ['application.read', 'application.file', 'application.correct', 'application.withdraw'],
  },
  caseTypes: [{
    machine: applicationMachine,
    refPrefix: 'BJ',
    present: (tx, row, _actor, kernel) => present(tx, kernel, row),
    on: corrections.handlers,
    checks: corrections.checks,
    formChoices: (tx, row) => corrections.formChoices(tx, row),
  }],
  routes: applicationsRoutes,
  metrics: applicationsMetrics,
  seedDemo: seedApplicationsDemo,
  // Applications are filed on published catalog items.
  seedAfter: ['catalog'],
});
