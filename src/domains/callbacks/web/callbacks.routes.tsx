import { PhoneOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { CallbackPage, CallbackQueuePage } from './callbacks.page';

export const routes: WebRoute[] = [
  { path: '/callbacks', name: '回访', icon: <PhoneOutlined />, element: <CallbackQueuePage />, permission: ['callback.read', 'callback.perform'], group: '政务服务' },
  { path: '/callbacks/:id', name: '回访记录', element: <CallbackPage />, permission: ['callback.read', 'callback.perform'], hideInMenu: true },
];
