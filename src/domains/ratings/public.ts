/** What other domains (and their tests) may use from ratings. */
export { seedRatingsDemo } from './server/ratings.seed';
/** A 不满意 heard on a callback opens the same 差评整改 case a bad rating does. */
export { openFollowUpFix } from './server/ratings.service';
