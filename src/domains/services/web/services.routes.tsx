import { CalendarOutlined, FormOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CounterIntakePage } from './counter-intake.page';
import { ApplicationsPage } from './applications.page';
import { PublicServicesPage } from './public-services.page';
import { CatalogListPage } from './catalog-list.page';
import { CatalogEditorPage, CatalogNewPage } from './catalog-editor.page';
import { PublicCatalogPage, PublicGuidePage } from './public-catalog.page';
import { AppointmentBookingPage, AppointmentDayPage } from './appointments.page';

export const routes: WebRoute[] = [
  { path: '/services/intake', name: '窗口收件', icon: <FormOutlined />, element: <CounterIntakePage />, permission: 'application.file', group: '政务服务' },
  { path: '/services/applications', name: '办件查询', icon: <SearchOutlined />, element: <ApplicationsPage />, permission: 'application.read', group: '政务服务' },
  { path: '/services/appointments', name: '预约接待', icon: <CalendarOutlined />, element: <AppointmentDayPage />, permission: 'appointment.manage', group: '政务服务' },
  { path: '/catalog', name: '事项目录', icon: <UnorderedListOutlined />, element: <CatalogListPage />, permission: ['catalog.read', 'catalog.manage'], group: '政务服务' },
  { path: '/catalog/new', name: '新增事项', element: <CatalogNewPage />, permission: 'catalog.manage', hideInMenu: true },
  { path: '/catalog/items/:id', name: '办事指南', element: <CatalogEditorPage />, permission: ['catalog.read', 'catalog.manage'], hideInMenu: true },
  { path: '/public/services', name: '办事指南', element: <PublicServicesPage />, public: true },
  { path: '/public/catalog', name: '办事指南查询', element: <PublicCatalogPage />, public: true },
  { path: '/public/catalog/:id', name: '办事指南', element: <PublicGuidePage />, public: true },
  { path: '/public/appointments', name: '预约办事', element: <AppointmentBookingPage />, public: true },
];
