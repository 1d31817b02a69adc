/** What other domains' web pages may use from the catalog's web code (browser only). */
export { PublicGuidePage } from './web/public-catalog.page';
