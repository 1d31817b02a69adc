/** What other domains may use from legal-advisers: the seven work kinds and their metric keys. */
export { WORK_KINDS, WORK_KIND_KEYS, type WorkKind } from './shared/legal-advisers.labels';
