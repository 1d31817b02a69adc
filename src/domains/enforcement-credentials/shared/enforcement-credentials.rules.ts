/** Pure rules of the register, shared by the server and the pages (no node/DOM). */
import type { CardStatus } from './enforcement-credentials.labels';

export type CardDates = { issuedOn: string; validTo: string; cancelledOn: string | null; status: string };
export type SuspensionDates = { fromDate: string; toDate: string | null };

/**
 * A card's status on day `on` (YYYY-MM-DD): valid from the day of issue through `validTo` inclusive,
 * void from the day of 注销, and not usable on a day a suspension covers (`toDate` exclusive).
 */
export function statusOn(card: CardDates, suspensions: SuspensionDates[], on: string): CardStatus {
  if (on < card.issuedOn) return 'notYet';
  if (card.cancelledOn && on >= card.cancelledOn) return 'cancelled';
  if (on > card.validTo) return card.status === 'renewed' ? 'renewed' : 'expired';
  if (suspensions.some((s) => s.fromDate <= on && (s.toDate === null || on < s.toDate))) return 'suspended';
  return 'valid';
}

/** Why a card was not valid on a day, as the enforcement record states it. */
export function statusReason(number: string, s: CardStatus, on: string): string | null {
  switch (s) {
    case 'valid': return null;
    case 'notYet': return `执法证${number}于${on}尚未核发`;
    case 'cancelled': return `执法证${number}已于${on}前注销`;
    case 'expired': case 'renewed': return `执法证${number}于${on}已超过有效期`;
    case 'suspended': return `执法证${number}于${on}处于暂扣期间`;
  }
}
