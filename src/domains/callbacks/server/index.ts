import { defineDomain } from '../../../core/server';
import { CALLBACK_KINDS, type CallbackKind } from '../shared/callbacks.schema';
import { callbacksRoutes } from './callbacks.routes';
import { callbacksMetrics } from './callbacks.metrics';
import { onCaseDone } from './callbacks.service';
import { seedCallbacksDemo } from './callbacks.seed';
import { callbacks, callbackAttempts, callbackSettings } from './callbacks.tables';

export default defineDomain({
  name: 'callbacks',
  tables: [callbacks, callbackAttempts, callbackSettings],
  permissions: { 'callback.read': '查看回访记录', 'callback.perform': '电话回访并记录结果', 'callback.manage': '设置回访抽样比例和话术' },
  roles: [{ key: 'callbackAgent', name: '回访员', scope: 'division', description: '对办结的办件和12345工单抽样电话回访，记录是否联系上、是否解决和满意度' }],
  grants: {
    callbackAgent: ['callback.read', 'callback.perform', 'metrics.read'],
    director: ['callback.read'],
    leader: ['callback.read', 'callback.manage'],
    sysadmin: ['callback.manage'],
  },
  // Subscribed by case-type string: the followed domains neither import nor know this one.
  subscriptions: (Object.keys(CALLBACK_KINDS) as CallbackKind[]).map((kind) => ({
    caseType: kind, toStates: [...CALLBACK_KINDS[kind].toStates], handle: (tx, ctx) => onCaseDone(tx, ctx, kind),
  })),
  routes: callbacksRoutes,
  metrics: callbacksMetrics,
  seedDemo: seedCallbacksDemo,
  seedAfter: ['catalog', 'applications', 'hotline'],
});
