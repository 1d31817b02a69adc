/** What other domains' web pages may use from services' web code (browser only). */
export { uploadMaterial } from './web/catalog.api';
