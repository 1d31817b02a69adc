/** What other domains may use from reconsideration (the litigation domain links a suit to the 复议 it follows). */
export { file as fileReconsideration, LINK_CHALLENGES } from './server/reconsideration.service';
