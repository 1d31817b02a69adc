/** What other domains may use from the hotline (12345, 市长信箱). */
export { ensureHotlineSetup } from './server/hotline.seed';
export { callerPhoneEnc } from './server/hotline.repository';
