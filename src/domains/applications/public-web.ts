/** What other domains' web pages may use from applications' web code (browser only). */
export { uploadMaterial } from './web/applications.hooks';
