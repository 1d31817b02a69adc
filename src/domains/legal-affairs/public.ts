/**
 * What other domains may use from legal-affairs: the counsel pool, for a case that a counsel lawyer
 * handles for an agency (a suit's 代理律师). A counsel's case work is recorded here, so
 * `legalCounsel.cases` counts it with the entered records.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../core/server';
import * as repo from './server/legal-affairs.repository';

export type CounselOption = { id: string; name: string; firmName: string };

/** The active lawyers appointed on `on` to serve one of `orgIds` (the agency, or the justice bureau). */
export async function counselServing(tx: Tx, divisionCode: string, orgIds: string[], on: string): Promise<CounselOption[]> {
  const [lawyers, firms] = [await repo.lawyers(tx, divisionCode), await repo.firms(tx, divisionCode)];
  const out: CounselOption[] = [];
  for (const l of lawyers) {
    if (l.active && orgIds.length && (await repo.appointedFor(tx, l.id, orgIds, on))) out.push({ id: l.id, name: l.name, firmName: firms.find((f) => f.id === l.firmId)?.name ?? '' });
  }
  return out;
}

/** The lawyer if appointed on `on` to serve one of `orgIds`, else null. */
export async function counselIfServing(tx: Tx, lawyerId: string, orgIds: string[], on: string): Promise<CounselOption | null> {
  const l = await repo.getLawyer(tx, lawyerId);
  if (!l || !l.active || !(await repo.appointedFor(tx, l.id, orgIds, on))) return null;
  return { id: l.id, name: l.name, firmName: (await repo.getFirm(tx, l.firmId))?.name ?? '' };
}

/** The lawyer and their firm, whatever their appointments now (a case names who represented it then). */
export async function counselById(tx: Tx, lawyerId: string): Promise<CounselOption | null> {
  const l = await repo.getLawyer(tx, lawyerId);
  return l ? { id: l.id, name: l.name, firmName: (await repo.getFirm(tx, l.firmId))?.name ?? '' } : null;
}

/** Records that the lawyer represents an agency in a case (once per case). */
export async function recordCounselCase(tx: Tx, w: { lawyerId: string; orgId: string; on: string; subject: string; caseId: string; divisionCode: string; at: Date }) {
  await repo.insertWork(tx, { id: randomUUID(), lawyerId: w.lawyerId, orgId: w.orgId, kind: 'case', on: w.on, subject: w.subject, caseId: w.caseId, divisionCode: w.divisionCode, createdAt: w.at });
}
