import { defineDomain } from '../../../core/server';
import { bundlesSettings } from './bundles.config';
import { bundleMachine } from '../shared/bundle.machine';
import { bundlesRoutes } from './bundles.routes';
import { bundlesMetrics } from './bundles.metrics';
import { bundleChecks, bundleHandlers, onChildTransition, present } from './bundles.service';
import { seedBundlesDemo } from './bundles.seed';
import { bundleCases } from './bundles.tables';

export default defineDomain({
  name: 'bundles',
  tables: [bundleCases],
  config: bundlesSettings,
  permissions: { 'bundle.read': '查看“一件事”', 'bundle.file': '受理“一件事”（网上申请或窗口受理）', 'bundle.withdraw': '撤回“一件事”' },
  grants: {
    // The hall's 一件事 window and the township sites take bundles; the applicant files and follows online.
    clerk: ['bundle.read', 'bundle.file'],
    director: ['bundle.read'],
    leader: ['bundle.read'],
    applicant: ['bundle.read', 'bundle.file', 'bundle.withdraw'],
  },
  caseTypes: [{
    machine: bundleMachine, refPrefix: 'YJS',
    present: (tx, row, _actor, kernel) => present(tx, kernel, row),
    link: (row) => `/bundles/${row.id}`,
    on: bundleHandlers, checks: bundleChecks,
  }],
  // Any move of an application filed under a bundle re-derives the bundle (by case type: services
  // neither imports nor knows this domain).
  subscriptions: [{ caseType: 'application', handle: onChildTransition }],
  routes: bundlesRoutes,
  metrics: bundlesMetrics,
  seedDemo: seedBundlesDemo,
  seedAfter: ['catalog', 'applications'],
});
