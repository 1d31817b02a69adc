import { CalendarOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { AppointmentBookingPage, AppointmentDayPage } from './appointments.page';

export const routes: WebRoute[] = [
  { path: '/services/appointments', name: '预约接待', icon: <CalendarOutlined />, element: <AppointmentDayPage />, permission: 'appointment.manage', group: '政务服务' },
  { path: '/public/appointments', name: '预约办事', element: <AppointmentBookingPage />, public: true },
];
