/**
 * The shell's routes: its own pages plus every domain's `web/*.routes.tsx`, collected at build time, so
 * adding a domain never edits the shell.
 */
import { AuditOutlined, CalendarOutlined, ClusterOutlined, DesktopOutlined, TeamOutlined, SafetyOutlined, ApartmentOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../core/web/web-route';
import { WorkbenchPage } from './pages/workbench.page';
import { CaseDetailPage } from './pages/case-detail.page';
import { DivisionsPage } from './admin/divisions.page';
import { OrgsPage } from './admin/orgs.page';
import { UsersPage } from './admin/users.page';
import { RolesPage } from './admin/roles.page';
import { CalendarPage } from './admin/calendar.page';
import { AuditPage } from './admin/audit.page';
import { MetricRecordsPage } from './pages/metric-records.page';
import { MyCasesPage } from './pages/my-cases.page';

const domainModules = import.meta.glob<{ routes: WebRoute[] }>('../../domains/*/web/*.routes.tsx', { eager: true });
export const domainRoutes: WebRoute[] = Object.values(domainModules).flatMap((m) => m.routes ?? []);

export const kernelRoutes: WebRoute[] = [
  { path: '/workbench', name: '工作台', icon: <DesktopOutlined />, element: <WorkbenchPage /> },
  { path: '/cases/:id', name: '案件详情', element: <CaseDetailPage />, hideInMenu: true },
  { path: '/public/my', name: '我的办件', element: <MyCasesPage />, public: true },
  { path: '/metrics/:key/records', name: '指标明细', element: <MetricRecordsPage />, hideInMenu: true, permission: 'metrics.read' },
  { path: '/admin/divisions', name: '行政区划', icon: <ClusterOutlined />, element: <DivisionsPage />, permission: 'tenancy.read', group: '系统管理' },
  { path: '/admin/orgs', name: '机构', icon: <ApartmentOutlined />, element: <OrgsPage />, permission: 'tenancy.read', group: '系统管理' },
  { path: '/admin/users', name: '用户', icon: <TeamOutlined />, element: <UsersPage />, permission: 'user.read', group: '系统管理' },
  { path: '/admin/roles', name: '角色与权限', icon: <SafetyOutlined />, element: <RolesPage />, permission: 'user.read', group: '系统管理' },
  { path: '/admin/calendar', name: '节假日安排', icon: <CalendarOutlined />, element: <CalendarPage />, permission: 'calendar.manage', group: '系统管理' },
  { path: '/admin/audit', name: '审计日志', icon: <AuditOutlined />, element: <AuditPage />, permission: 'audit.read', group: '系统管理' },
];
