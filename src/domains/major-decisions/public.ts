/** What other domains may use from major-decisions. */
export { ensureDecisionStaff } from './server/major-decisions.seed';
