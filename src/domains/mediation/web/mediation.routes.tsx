import { BarChartOutlined, FormOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { disputeList } from './mediation.lists';
import { DisputePage, MediationFiguresPage, NewDisputePage, ScreeningPage } from './mediation.page';

export const routes: WebRoute[] = [
  { path: '/mediation', name: '矛盾纠纷调解', icon: <SafetyCertificateOutlined />, element: <CaseListPage list={disputeList} />, permission: 'mediation.read', group: '法治政府' },
  { path: '/mediation/new', name: '登记矛盾纠纷', icon: <FormOutlined />, element: <NewDisputePage />, permission: 'mediation.register', group: '法治政府' },
  { path: '/mediation/screenings', name: '矛盾纠纷排查', icon: <SearchOutlined />, element: <ScreeningPage />, permission: 'mediation.handle', group: '法治政府' },
  { path: '/mediation/figures', name: '调解统计', icon: <BarChartOutlined />, element: <MediationFiguresPage />, permission: ['mediation.population', 'metrics.read'], group: '法治政府' },
  { path: '/mediation/:id', name: '纠纷详情', element: <DisputePage />, permission: 'mediation.read', hideInMenu: true },
];
