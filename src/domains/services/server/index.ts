import { defineDomain } from '../../../core/server/kernel';
import { mergeCaseData } from '../../../core/server/cases/case.service';
import { applicationMachine } from '../shared/application.machine';
import { servicesRoutes } from './services.routes';
import { servicesMetrics } from './services.metrics';
import { present } from './services.service';
import { seedServicesDemo } from './services.seed';

export default defineDomain({
  name: 'services',
  permissions: {
    'application.read': '查看办件', 'application.file': '窗口收件', 'application.accept': '受理/不予受理/补正告知',
    'application.review': '审查决定', 'application.extend': '批准延长办理期限', 'application.deliver': '送达',
    'application.correct': '提交补正材料', 'application.withdraw': '撤回申请',
  },
  grants: {
    clerk: ['application.read', 'application.file', 'application.accept', 'application.deliver'],
    reviewer: ['application.read', 'application.review'],
    director: ['application.read', 'application.review', 'application.extend', 'metrics.read'],
    leader: ['application.read', 'application.extend', 'metrics.read'],
    applicant: ['application.read', 'application.file', 'application.correct', 'application.withdraw'],
  },
  caseTypes: [{
    machine: applicationMachine,
    refPrefix: 'BJ',
    present: (tx, row) => present(tx, row.id),
    onTransition: async (tx, ctx) => {
      if (ctx.event === 'extend') await mergeCaseData(tx, ctx.row.id, { extended: true });
    },
  }],
  routes: servicesRoutes,
  metrics: servicesMetrics,
  seedDemo: seedServicesDemo,
});
