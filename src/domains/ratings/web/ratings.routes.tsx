import { LikeOutlined, StarOutlined } from '@ant-design/icons';
import type { WebRoute } from '../../../core/web/web-route';
import { RatePage } from './rate.page';
import { RatingsPage } from './ratings.page';
import { EvaluatorPage } from './evaluator.page';
import { ComplaintFixPage } from './fix.page';

export const routes: WebRoute[] = [
  { path: '/ratings', name: '好差评', icon: <LikeOutlined />, element: <RatingsPage />, permission: 'ratings.read', group: '政务服务' },
  { path: '/ratings/evaluator', name: '窗口评价器', icon: <StarOutlined />, element: <EvaluatorPage />, permission: 'ratings.evaluate', group: '政务服务' },
  { path: '/ratings/fixes/:id', name: '差评整改', element: <ComplaintFixPage />, permission: 'complaintFix.read', hideInMenu: true },
  { path: '/public/rate/case/:token', name: '短信邀评', element: <RatePage />, public: true },
  { path: '/public/rate/:kind/:id', name: '扫码评价', element: <RatePage />, public: true },
  { path: '/public/rate/:counterId', name: '扫码评价', element: <RatePage />, public: true },
];
