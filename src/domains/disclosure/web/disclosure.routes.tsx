import { FileSearchOutlined, NotificationOutlined, TableOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { disclosureRequestList } from './disclosure.lists';
import { DisclosureAnnualPage, DisclosureItemsPage } from './disclosure-admin.page';
import { PublicDisclosurePage } from './public-disclosure.page';

export const routes: WebRoute[] = [
  { path: '/disclosure/requests', name: '依申请公开', icon: <FileSearchOutlined />, element: <CaseListPage list={disclosureRequestList} />, permission: 'disclosureRequest.read', group: '政务公开' },
  { path: '/disclosure/items', name: '主动公开', icon: <NotificationOutlined />, element: <DisclosureItemsPage />, permission: 'disclosure.publish', group: '政务公开' },
  { path: '/disclosure/annual', name: '公开年报统计表', icon: <TableOutlined />, element: <DisclosureAnnualPage />, permission: 'disclosure.report', group: '政务公开' },
  { path: '/public/disclosure', name: '政府信息公开', element: <PublicDisclosurePage />, public: true },
];
