/**
 * What other domains may use from benefits: nothing yet. The annual report reads its figures through
 * the metrics registry (benefits.* keys), not through this module.
 */
export type { PolicySpec } from './shared/benefits.policies';
