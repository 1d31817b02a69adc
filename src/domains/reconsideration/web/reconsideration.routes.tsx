import { AuditOutlined, FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { opinionList, reconsiderationList } from './reconsideration.lists';
import { ReconsiderationOpinionPage } from './reconsideration-opinion.page';
import { ReconsiderationCasePage, RegisterReconsiderationPage } from './reconsideration-case.page';
import { PublicReconsiderationPage } from './public-reconsideration.page';

export const routes: WebRoute[] = [
  { path: '/reconsideration/cases', name: '行政复议', icon: <AuditOutlined />, element: <CaseListPage list={reconsiderationList} />, permission: 'reconsideration.read', group: '法治政府' },
  { path: '/reconsideration/new', name: '登记复议申请', icon: <FormOutlined />, element: <RegisterReconsiderationPage />, permission: 'reconsideration.handle', group: '法治政府' },
  { path: '/reconsideration/cases/:id', name: '行政复议案件', element: <ReconsiderationCasePage />, permission: 'reconsideration.read', hideInMenu: true },
  { path: '/reconsideration/opinions', name: '复议意见书', icon: <FileSearchOutlined />, element: <CaseListPage list={opinionList} />, permission: 'reconsiderationOpinion.read', group: '法治政府' },
  { path: '/reconsideration/opinions/:id', name: '行政复议意见书', element: <ReconsiderationOpinionPage />, permission: 'reconsiderationOpinion.read', hideInMenu: true },
  { path: '/public/reconsideration', name: '行政复议', element: <PublicReconsiderationPage />, public: true },
];
