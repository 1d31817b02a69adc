/** What other domains and the app may use from services. */
export { seedServicesDemo } from './server/services.seed';
export { applicationMachine } from './shared/application.machine';
export { indexText, queryTokens } from './server/services.search';
