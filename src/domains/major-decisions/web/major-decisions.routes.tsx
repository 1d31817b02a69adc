import { AuditOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { DecisionCatalogPage, PublicDecisionCatalogPage } from './decisions.page';

export const routes: WebRoute[] = [
  { path: '/decisions', name: '重大行政决策', icon: <AuditOutlined />, element: <DecisionCatalogPage />, permission: 'majorDecision.read', group: '法治政府' },
  { path: '/public/decisions', name: '重大行政决策目录', element: <PublicDecisionCatalogPage />, public: true },
];
