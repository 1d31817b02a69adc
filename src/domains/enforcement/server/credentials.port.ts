/**
 * What enforcement needs from the credential register (domain enforcement-credentials), through its
 * public.ts only: who held a valid 行政执法证 on a day, and an org's current holders (the officers a
 * record may name). Kept in one file so the rest of the domain does not know the register's shapes.
 */
import type { Tx } from '../../../core/server';
import { credentialsValidOn, currentHolders } from '../../enforcement-credentials/public';
import type { Officer } from './enforcement.tables';

export type OfficerCheck = { ref: string; valid: boolean; officer: Officer | null; orgId: string | null; reason: string | null };

/** Each reference (holder id, staff user id or card number) judged on `on`. */
export async function checkOfficers(tx: Tx, refs: string[], on: string): Promise<OfficerCheck[]> {
  const rows = await credentialsValidOn(tx, refs, on, 'enforcement');
  return rows.map((r) => ({
    ref: r.ref, valid: r.valid, orgId: r.orgId, reason: r.reason,
    officer: r.holderId && r.name && r.credentialNo ? { holderId: r.holderId, name: r.name, credentialNo: r.credentialNo } : null,
  }));
}

/** The org's officers holding a 行政执法证 valid on `on`. */
export async function officersOf(tx: Tx, orgId: string, on: string): Promise<(Officer & { staffUserId: string | null })[]> {
  return (await currentHolders(tx, orgId, on, 'enforcement')).map((h) => ({ holderId: h.holderId, name: h.name, credentialNo: h.credentialNo, staffUserId: h.staffUserId }));
}
