import { DashboardOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { DashboardPage } from './dashboard.page';

export const routes: WebRoute[] = [
  { path: '/dashboard', name: '驾驶舱', icon: <DashboardOutlined />, element: <DashboardPage />, permission: 'metrics.read' },
];
