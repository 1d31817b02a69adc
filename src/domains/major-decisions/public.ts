/**
 * What other domains may use from major-decisions: the demo staff, and the decisions a person reviewed or
 * decided in a period (the law-study 述法 draft reads it; keyed on a staff account).
 */
export { ensureDecisionStaff } from './server/major-decisions.seed';
export { decisionStepsBy, REVIEW_EVENTS, type DecisionStep } from './server/major-decisions.service';
