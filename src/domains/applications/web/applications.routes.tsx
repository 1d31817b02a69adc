import { FormOutlined, SearchOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CounterIntakePage } from './counter-intake.page';
import { ApplicationsPage } from './applications.page';
import { PublicServicesPage } from './public-services.page';
import { OnlineApply } from './online-apply';
import { MyApplicationPage } from './my-application.page';
import { PublicGuidePage } from '../../catalog/public-web';

export const routes: WebRoute[] = [
  { path: '/services/intake', name: '窗口收件', icon: <FormOutlined />, element: <CounterIntakePage />, permission: 'application.file', group: '政务服务' },
  { path: '/services/applications', name: '办件查询', icon: <SearchOutlined />, element: <ApplicationsPage />, permission: 'application.read', group: '政务服务' },
  { path: '/public/my/applications/:id', name: '我的办件', element: <MyApplicationPage />, public: true, hideInMenu: true },
  { path: '/public/services', name: '办事指南', element: <PublicServicesPage />, public: true },
  // The catalog's guide page, with the 网上申请 form under a guide that can be handled online.
  { path: '/public/catalog/:id', name: '办事指南', element: <PublicGuidePage apply={(itemId) => <OnlineApply itemId={itemId} />} />, public: true },
];
