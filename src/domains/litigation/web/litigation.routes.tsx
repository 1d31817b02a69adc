import { BankOutlined, BarChartOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { suitList } from './litigation.lists';
import { LitigationFiguresPage, RegisterSuitPage, SuitPage } from './litigation.page';

export const routes: WebRoute[] = [
  { path: '/litigation', name: '行政应诉', icon: <BankOutlined />, element: <CaseListPage list={suitList} />, permission: 'litigation.read', group: '法治政府' },
  { path: '/litigation/new', name: '登记应诉案件', element: <RegisterSuitPage />, permission: 'litigation.register', group: '法治政府' },
  { path: '/litigation/figures', name: '应诉统计', icon: <BarChartOutlined />, element: <LitigationFiguresPage />, permission: ['litigation.read'], group: '法治政府' },
  { path: '/litigation/:id', name: '应诉案件详情', element: <SuitPage />, permission: 'litigation.read', hideInMenu: true },
  { path: '/judicial-advice', name: '司法建议', element: <CaseListPage title="司法建议" endpoint="/api/judicial-advice" columns={{ refNo: '编号', title: '司法建议', applicant: '发出法院' }} />, permission: 'judicialAdvice.read', group: '法治政府' },
];
