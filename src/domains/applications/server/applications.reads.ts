/**
 * Reads (and the one bulk write) of applications' tables that other domains need — licences, bundles,
 * callbacks, ratings — so no other domain's SQL names applications (DESIGN §4.9).
 * Exported through ../public.ts. The SQL fragments are for bulk statements (seeds, figures) that would
 * otherwise become one query per row; each stays one statement.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../core/server';
import { applications } from './applications.tables';
import { ITEM_FACTS_SQL } from '../../catalog/public';

/**
 * One row per application with its item's code, as a derived table the caller aliases:
 * case_id, item_id, item_code, org_id, division_code, channel, counter_id, applicant_kind,
 * applicant_id_last4, is_demo. A string, for callers that build their statement with sql.raw.
 */
export const APPLICATION_FACTS_SQL = `(SELECT a.case_id, a.item_id, s.code AS item_code, a.org_id, a.division_code, a.channel, a.counter_id,
  a.applicant_kind, a.applicant_id_last4, a.is_demo FROM applications a LEFT JOIN ${ITEM_FACTS_SQL} s ON s.id = a.item_id)`;
/** The same derived table as a drizzle fragment: sql`… FROM ${applicationFacts()} a …`. */
export const applicationFacts = () => sql.raw(APPLICATION_FACTS_SQL);

/** The application columns other domains show beside a case, as a subquery to left-join on case_id. */
export const applicationOfCase = () => new QueryBuilder()
  .select({ caseId: applications.caseId, itemId: applications.itemId, channel: applications.channel, counterId: applications.counterId })
  .from(applications).as('application_of_case');

/** Who filed an application: kind, SM4-encrypted id number and its last four characters. */
export async function applicantOf(tx: Tx, caseId: string) {
  return (await tx.select({ kind: applications.applicantKind, idEnc: applications.applicantIdEnc, last4: applications.applicantIdLast4 })
    .from(applications).where(eq(applications.caseId, caseId)))[0] ?? null;
}

/**
 * Sets the clear id tail of applications from `source`, a statement yielding (case_id, last4) — e.g.
 * the children of demo bundles take the tail the bundle was filed with. One statement.
 */
export async function setApplicantIdLast4(tx: Tx, source: SQL) {
  await tx.execute(sql`UPDATE applications a SET applicant_id_last4 = v.last4 FROM (${source}) AS v(case_id, last4) WHERE a.case_id = v.case_id`);
}

