import { AppstoreAddOutlined, PartitionOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { BundleDetailPage, BundleIntakePage, BundleListPage } from './bundles.pages';
import { PublicBundlePage, PublicBundlesPage, PublicMyBundlePage } from './public-bundles.page';

export const routes: WebRoute[] = [
  { path: '/bundles/intake', name: '“一件事”受理', icon: <AppstoreAddOutlined />, element: <BundleIntakePage />, permission: 'bundle.file', group: '政务服务' },
  { path: '/bundles', name: '“一件事”办件', icon: <PartitionOutlined />, element: <BundleListPage />, permission: 'bundle.read', group: '政务服务' },
  { path: '/bundles/:id', name: '“一件事”详情', element: <BundleDetailPage />, permission: 'bundle.read', hideInMenu: true },
  { path: '/public/bundles', name: '高效办成一件事', element: <PublicBundlesPage />, public: true },
  { path: '/public/bundles/:code', name: '“一件事”申请', element: <PublicBundlePage />, public: true },
  { path: '/public/my/bundles/:id', name: '“一件事”办理进度', element: <PublicMyBundlePage />, public: true },
];
