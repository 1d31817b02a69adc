import { CheckSquareOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { AdvisersPage, ConfirmLogsPage, WorkLogPage } from './legal-advisers.page';

export const routes: WebRoute[] = [
  { path: '/legal-advisers', name: '村（居）法律顾问', icon: <TeamOutlined />, element: <AdvisersPage />, permission: 'legalAdvisers.read', group: '法治政府' },
  { path: '/legal-advisers/log', name: '法律顾问工作记录', icon: <EditOutlined />, element: <WorkLogPage />, permission: 'legalAdvisers.log', group: '法治政府' },
  { path: '/legal-advisers/confirm', name: '确认法律顾问工作', icon: <CheckSquareOutlined />, element: <ConfirmLogsPage />, permission: 'legalAdvisers.confirm', group: '法治政府' },
];
