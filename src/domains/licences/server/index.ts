import { remindJob } from './licences.jobs';
import { defineDomain } from '../../../core/server';
import { licencesRoutes } from './licences.routes';
import { licencesMetrics } from './licences.metrics';
import { licenceMaterials, onApplicationDelivered } from './licences.service';
import { registerMaterialProvider } from '../../applications/public';
import { seedLicencesDemo } from './licences.seed';
import { licenceTypes, licences, licenceReminders } from './licences.tables';

// Issued licences are offered as materials the applicant need not hand in again.
registerMaterialProvider(licenceMaterials);

export default defineDomain({
  name: 'licences',
  tables: [licenceTypes, licences, licenceReminders],
  permissions: { 'licence.read': '查看证照台账和到期提醒', 'licence.manage': '维护证照类型、执行到期提醒', 'licence.revoke': '注销证照' },
  grants: {
    clerk: ['licence.read'],
    reviewer: ['licence.read'],
    director: ['licence.read', 'licence.revoke'],
    leader: ['licence.read', 'licence.manage'],
    sysadmin: ['licence.manage'],
  },
  // Subscribed by case-type string: services neither imports nor knows this domain. 已办结 (delivered) is
  // the application's final state after 准予许可 and 送达; the licence is issued in that transaction.
  subscriptions: [{ caseType: 'application', toStates: ['delivered'], handle: onApplicationDelivered }],
  jobs: [remindJob()],
  routes: licencesRoutes,
  metrics: licencesMetrics,
  seedDemo: seedLicencesDemo,
  seedAfter: ['catalog', 'applications'],
});
