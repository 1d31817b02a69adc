import { defineDomain } from '../../../core/server';
import { servicesSettings } from './services.config';
import { applicationMachine } from '../shared/application.machine';
import { servicesRoutes } from './services.routes';
import { catalogRoutes } from './catalog.routes';
import { appointmentRoutes } from './appointments.routes';
import { servicesMetrics } from './services.metrics';
import { present } from './services.service';
import { seedServicesDemo } from './services.seed';
import { serviceItems, applications, serviceItemVersions, serviceItemSites, applicationFiles, appointmentSlots, appointments } from './services.tables';

export default defineDomain({
  name: 'services',
  tables: [serviceItems, applications, serviceItemVersions, serviceItemSites, applicationFiles, appointmentSlots, appointments],
  config: servicesSettings,
  permissions: {
    'application.read': '查看办件', 'application.file': '窗口收件', 'application.accept': '受理/不予受理/补正告知',
    'application.review': '审查决定', 'application.extend': '批准延长办理期限', 'application.deliver': '送达',
    'application.correct': '提交补正材料', 'application.withdraw': '撤回申请',
    'catalog.read': '查看事项目录（含草稿）', 'catalog.manage': '维护事项和办事指南草稿、下沉站点、导入台账', 'catalog.publish': '发布和撤销事项',
    'appointment.manage': '管理预约时段、查看和登记预约到场',
  },
  // The 区政数局 keeps the whole county's catalog, but its 局长 and 窗口 roles are org-scoped: the catalog
  // needs a division-scoped role of its own (事项目录管理员).
  roles: [{ key: 'catalogAdmin', name: '事项目录管理员', scope: 'division', description: '区政数局：维护、审核和发布本区划全部政务服务事项及办事指南' }],
  grants: {
    // A department's window staff draft its guides; its head signs them off for publication.
    clerk: ['application.read', 'application.file', 'application.accept', 'application.deliver', 'catalog.read', 'catalog.manage', 'appointment.manage'],
    reviewer: ['application.read', 'application.review', 'catalog.read'],
    director: ['application.read', 'application.review', 'application.extend', 'metrics.read', 'catalog.read', 'catalog.manage', 'catalog.publish', 'appointment.manage'],
    leader: ['application.read', 'application.extend', 'metrics.read', 'catalog.read'],
    catalogAdmin: ['catalog.read', 'catalog.manage', 'catalog.publish', 'metrics.read', 'calendar.read'],
    applicant: ['application.read', 'application.file', 'application.correct', 'application.withdraw'],
  },
  caseTypes: [{
    machine: applicationMachine,
    refPrefix: 'BJ',
    present: (tx, row, _actor, kernel) => present(tx, kernel, row.id),
  }],
  routes: async (app, kernel) => { await servicesRoutes(app, kernel); await catalogRoutes(app, kernel); await appointmentRoutes(app, kernel); },
  metrics: servicesMetrics,
  seedDemo: seedServicesDemo,
});
