import { IdcardOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { applicationList } from './enforcement-credentials.lists';
import { HolderPage, RegisterHolderPage, RegistryPage, TrainingPage } from './enforcement-credentials.page';
import { VerifyCredentialPage } from './verify-credential.page';

export const routes: WebRoute[] = [
  { path: '/credentials', name: '执法证件台账', icon: <IdcardOutlined />, element: <RegistryPage />, permission: 'credential.read', group: '法治政府' },
  { path: '/credentials/new', name: '登记执法人员', element: <RegisterHolderPage />, permission: 'credential.register', group: '法治政府' },
  { path: '/credentials/holders/:id', name: '执法人员', element: <HolderPage />, permission: 'credential.read', hideInMenu: true },
  { path: '/credential-applications', name: '执法证件申领', element: <CaseListPage list={applicationList} />, permission: 'credentialApplication.read', group: '法治政府' },
  { path: '/credentials/training', name: '执法人员培训学时', element: <TrainingPage />, permission: 'credential.register', group: '法治政府' },
  { path: '/public/credentials/verify/:token', name: '行政执法证件核验', element: <VerifyCredentialPage />, public: true },
];
