import { defineDomain } from '../../../core/server';
import { legalAdvisersSettings } from './legal-advisers.config';
import { legalAdvisersRoutes } from './legal-advisers.routes';
import { legalAdvisersMetrics } from './legal-advisers.metrics';
import { seedLegalAdvisersDemo } from './legal-advisers.seed';
import { advisers, appointments, workLogs } from './legal-advisers.tables';

export default defineDomain({
  name: 'legal-advisers',
  tables: [advisers, appointments, workLogs],
  config: legalAdvisersSettings,
  permissions: {
    'legalAdvisers.read': '查看村（居）法律顾问及其工作记录', 'legalAdvisers.manage': '管理村（居）法律顾问名册和聘任',
    'legalAdvisers.log': '登记本人的法律顾问工作记录', 'legalAdvisers.confirm': '确认本村（社区）法律顾问的工作记录',
  },
  // An adviser sees and logs only their own entries ('self': the log's owner column).
  roles: [{ key: 'villageAdviser', name: '村（居）法律顾问', scope: 'self', description: '受聘于村（社区）的律师、基层法律服务工作者：在手机上登记本人工作记录' }],
  grants: {
    villageAdviser: ['legalAdvisers.log'],
    // peopleMediator and mediationAdmin are declared by the mediation domain (roles resolve before grants).
    peopleMediator: ['legalAdvisers.read', 'legalAdvisers.confirm'],
    mediationAdmin: ['legalAdvisers.read', 'legalAdvisers.manage'],
    leader: ['legalAdvisers.read'],
  },
  routes: legalAdvisersRoutes,
  metrics: legalAdvisersMetrics,
  seedDemo: seedLegalAdvisersDemo,
  seedAfter: ['mediation'],
});
