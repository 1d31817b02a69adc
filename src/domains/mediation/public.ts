/** What other domains may use from mediation: the dispute vocabulary (no other domain needs its tables yet). */
export { DISPUTE_TYPES, REFERRALS, SOURCES } from './shared/mediation.machine';
