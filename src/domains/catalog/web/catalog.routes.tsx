import { UnorderedListOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CatalogListPage } from './catalog-list.page';
import { CatalogEditorPage, CatalogNewPage } from './catalog-editor.page';
import { PublicCatalogPage } from './public-catalog.page';

// The public guide page (/public/catalog/:id) is declared by applications, which adds its 网上申请 form.
export const routes: WebRoute[] = [
  { path: '/catalog', name: '事项目录', icon: <UnorderedListOutlined />, element: <CatalogListPage />, permission: ['catalog.read', 'catalog.manage'], group: '政务服务' },
  { path: '/catalog/new', name: '新增事项', element: <CatalogNewPage />, permission: 'catalog.manage', hideInMenu: true },
  { path: '/catalog/items/:id', name: '办事指南', element: <CatalogEditorPage />, permission: ['catalog.read', 'catalog.manage'], hideInMenu: true },
  { path: '/public/catalog', name: '办事指南查询', element: <PublicCatalogPage />, public: true },
];
