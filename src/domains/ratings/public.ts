/** What other domains (and their tests) may use from ratings. */
export { seedRatingsDemo } from './server/ratings.seed';
