import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { LicenceDetailPage, LicenceRegistryPage, LicenceTypesPage } from './licences.page';
import { MyLicencesPage, VerifyLicencePage } from './public-licences.page';

export const routes: WebRoute[] = [
  { path: '/licences', name: '电子证照', icon: <SafetyCertificateOutlined />, element: <LicenceRegistryPage />, permission: ['licence.read'], group: '政务服务' },
  // The system administrator maintains the types without reading the registry: the page has its own menu entry.
  { path: '/licences/types', name: '证照类型', element: <LicenceTypesPage />, permission: ['licence.read', 'licence.manage'], group: '政务服务' },
  { path: '/licences/:id', name: '证照详情', element: <LicenceDetailPage />, permission: ['licence.read'], hideInMenu: true },
  { path: '/public/licences', name: '我的证照', element: <MyLicencesPage />, public: true },
  { path: '/public/licences/verify/:token', name: '电子证照核验', element: <VerifyLicencePage />, public: true },
];
