/**
 * What other domains may use from the credential register (enforcement cases check that their officers
 * held a valid 行政执法证 on the day: 行政处罚法 第42条 — "由具有行政执法资格的执法人员实施…不得少于两人").
 * Reads only; every argument is plain data, every answer is Chinese where a person reads it.
 */
import type { Tx } from '../../core/server';
import * as repo from './server/enforcement-credentials.repository';
import { statusOn, statusReason } from './shared/enforcement-credentials.rules';
import { KIND_LABELS, STATUS_LABELS, type CardStatus, type CredentialKind } from './shared/enforcement-credentials.labels';

export { KIND_LABELS, STATUS_LABELS, type CardStatus, type CredentialKind };

export type CredentialOnDay = {
  /** The reference asked about, as given (a holder id, a staff user id or a card number). */
  ref: string;
  holderId: string | null;
  name: string | null;
  orgId: string | null;
  /** The card that was valid that day, else the holder's most recent card of the kind, else null. */
  credentialNo: string | null;
  status: CardStatus | 'none';
  valid: boolean;
  /** Why not valid (Chinese), null when valid. */
  reason: string | null;
};

/**
 * For each reference — a holder id, a staff user id linked to a holder, or a card number — whether that
 * person held a valid card of `kind` (default 行政执法证) on day `on` (YYYY-MM-DD): issued on or before
 * the day, not past its validity, not cancelled and not suspended on that day. A card number answers for
 * that card only; a person answers with any of their cards. One entry per distinct reference, in order.
 */
export async function credentialsValidOn(tx: Tx, refs: string[], on: string, kind: CredentialKind = 'enforcement'): Promise<CredentialOnDay[]> {
  const uniq = [...new Set(refs.map((r) => r.trim()).filter(Boolean))];
  const ids = uniq.filter(repo.isUuid);
  const byId = await repo.holdersByIds(tx, ids);
  const byStaff = await repo.holdersOfStaff(tx, ids.filter((i) => !byId.some((h) => h.id === i)));
  const byNumber = await repo.credentialsByNumbers(tx, uniq.filter((r) => !repo.isUuid(r)));
  const holderIds = [...new Set([...byId, ...byStaff].map((h) => h.id).concat(byNumber.map((c) => c.holderId)))];
  const holders = new Map((await repo.holdersByIds(tx, holderIds)).map((h) => [h.id, h]));
  const cards = (await repo.credentialsOfHolders(tx, holderIds)).filter((c) => c.kind === kind);
  const susp = await repo.suspensionsOf(tx, cards.map((c) => c.id));
  const judge = (c: repo.CredentialRow) => statusOn(c, susp.filter((s) => s.credentialId === c.id), on);
  return uniq.map((ref): CredentialOnDay => {
    const numbered = byNumber.find((c) => c.number === ref);
    const holder = numbered ? holders.get(numbered.holderId) : byId.find((h) => h.id === ref) ?? byStaff.find((h) => h.staffUserId === ref);
    if (!holder) return { ref, holderId: null, name: null, orgId: null, credentialNo: null, status: 'none', valid: false, reason: `未找到${ref}的执法证件登记` };
    const mine = numbered ? (numbered.kind === kind ? [numbered] : []) : cards.filter((c) => c.holderId === holder.id);
    const good = mine.find((c) => judge(c) === 'valid');
    const shown = good ?? mine.find((c) => c.issuedOn <= on) ?? mine[0] ?? null;
    const status = shown ? judge(shown) : 'none';
    const base = { ref, holderId: holder.id, name: holder.name, orgId: holder.orgId, credentialNo: shown?.number ?? null };
    if (good) return { ...base, status: 'valid', valid: true, reason: null };
    return { ...base, status, valid: false, reason: shown ? statusReason(shown.number, status as CardStatus, on) : `${holder.name}未持有${KIND_LABELS[kind]}` };
  });
}

export type CurrentHolder = { holderId: string; staffUserId: string | null; name: string; credentialNo: string; kind: CredentialKind; scope: string; validTo: string };

/**
 * The org's people who hold a card of `kind` valid on `on` (default: every kind), one entry per card,
 * sorted by name: the officers an enforcement case may name.
 */
export async function currentHolders(tx: Tx, orgId: string, on: string, kind?: CredentialKind): Promise<CurrentHolder[]> {
  const rows = (await repo.cardsOfOrg(tx, orgId)).filter((r) => !kind || r.c.kind === kind);
  const susp = await repo.suspensionsOf(tx, rows.map((r) => r.c.id));
  return rows.filter((r) => statusOn(r.c, susp.filter((s) => s.credentialId === r.c.id), on) === 'valid')
    .map((r) => ({ holderId: r.h.id, staffUserId: r.h.staffUserId, name: r.h.name, credentialNo: r.c.number, kind: r.c.kind as CredentialKind, scope: r.c.scope, validTo: r.c.validTo }));
}
