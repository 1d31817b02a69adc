import type { WebRoute } from '../../../core/web/web-route';
import { RatePage } from './rate.page';

export const routes: WebRoute[] = [
  { path: '/public/rate/:counterId', name: '扫码评价', element: <RatePage />, public: true },
];
