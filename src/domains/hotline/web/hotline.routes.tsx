import { ApartmentOutlined, MailOutlined, PhoneOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CaseListPage } from '../../../core/web/case-list';
import { letterList, ticketList } from './hotline.lists';
import { TicketIntakePage } from './intake.page';
import { DispatchCatalogPage } from './catalog.page';
import { PublicHotlinePage } from './public-hotline.page';
import { PublicMailboxPage } from './public-mailbox.page';

export const routes: WebRoute[] = [
  { path: '/hotline/intake', name: '热线登记', icon: <PhoneOutlined />, element: <TicketIntakePage />, permission: 'ticket.file', group: '12345热线' },
  { path: '/hotline/tickets', name: '工单查询', icon: <UnorderedListOutlined />, element: <CaseListPage list={ticketList} />, permission: 'ticket.read', group: '12345热线' },
  { path: '/hotline/letters', name: '市长信箱', icon: <MailOutlined />, element: <CaseListPage list={letterList} />, permission: 'letter.read', group: '12345热线' },
  { path: '/hotline/catalog', name: '派单目录', icon: <ApartmentOutlined />, element: <DispatchCatalogPage />, permission: ['ticket.dispatch', 'ticket.handle'], group: '12345热线' },
  { path: '/public/12345', name: '12345热线', element: <PublicHotlinePage />, public: true },
  { path: '/public/mailbox', name: '区长信箱', element: <PublicMailboxPage />, public: true },
];
