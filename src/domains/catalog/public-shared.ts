/**
 * What other domains' shared and web code may use from the catalog: isomorphic schemas only (public.ts
 * carries server code and must not reach the browser bundle).
 */
export { ServiceItem } from './shared/catalog.schema';
export type { PublicGuide } from './shared/catalog.schema';
export { ITEM_TYPES } from './shared/catalog.labels';
