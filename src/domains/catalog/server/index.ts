import { defineDomain } from '../../../core/server';
import { catalogRoutes } from './catalog.routes';
import { catalogMetrics } from './catalog.metrics';
import { seedCatalogDemo } from './catalog.seed';
import { serviceItems, serviceItemVersions, serviceItemSites } from './catalog.tables';

export default defineDomain({
  name: 'catalog',
  tables: [serviceItems, serviceItemVersions, serviceItemSites],
  permissions: {
    'catalog.read': '查看事项目录（含草稿）', 'catalog.manage': '维护事项和办事指南草稿、下沉站点、导入台账', 'catalog.publish': '发布和撤销事项',
  },
  // The 区政数局 keeps the whole county's catalog, but its 局长 and 窗口 roles are org-scoped: the catalog
  // needs a division-scoped role of its own (事项目录管理员).
  roles: [{ key: 'catalogAdmin', name: '事项目录管理员', scope: 'division', description: '区政数局：维护、审核和发布本区划全部政务服务事项及办事指南' }],
  grants: {
    // A department's window staff draft its guides; its head signs them off for publication.
    clerk: ['catalog.read', 'catalog.manage'],
    reviewer: ['catalog.read'],
    director: ['metrics.read', 'catalog.read', 'catalog.manage', 'catalog.publish'],
    leader: ['metrics.read', 'catalog.read'],
    catalogAdmin: ['catalog.read', 'catalog.manage', 'catalog.publish', 'metrics.read', 'calendar.read'],
  },
  routes: catalogRoutes,
  metrics: catalogMetrics,
  seedDemo: seedCatalogDemo,
});
