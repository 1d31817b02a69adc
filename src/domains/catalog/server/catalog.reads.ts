/**
 * Reads of the catalog's tables that other domains need — applications, appointments, bundles, ratings —
 * so no other domain's SQL names service_items or service_item_versions (DESIGN §4.9). Exported through
 * ../public.ts. The SQL fragments are for bulk statements (seeds, figures) and joins that would
 * otherwise become one query per row; each stays one statement.
 */
import { sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../core/server';
import { serviceItems, serviceItemVersions } from './catalog.tables';

const rows = <T>(r: unknown) => ((r as { rows?: T[] }).rows ?? (r as T[]));

/**
 * The catalog's items as a derived table the caller aliases (sql.raw text): id, code, name, type,
 * org_id, division_code, legal_limit, legal_limit_unit, legal_basis, promised_limit, visits, status.
 */
export const ITEM_FACTS_SQL = `(SELECT id, code, name, type, org_id, division_code, legal_limit, legal_limit_unit, legal_basis, promised_limit, visits, status FROM service_items)`;
/** The published guide version of each item, as a derived table: id, item_id. */
export const PUBLISHED_VERSIONS_SQL = `(SELECT id, item_id FROM service_item_versions WHERE status = 'published')`;

/** An item's columns other domains show beside their rows, as a subquery to join on its id. */
export const itemOf = () => new QueryBuilder()
  .select({ id: serviceItems.id, name: serviceItems.name, type: serviceItems.type, legalLimit: serviceItems.legalLimit, legalLimitUnit: serviceItems.legalLimitUnit, promisedLimit: serviceItems.promisedLimit, materials: serviceItems.materials })
  .from(serviceItems).as('item_of');
/** A guide version's number and publication, as a subquery to join on its id. */
export const versionOf = () => new QueryBuilder()
  .select({ id: serviceItemVersions.id, versionNo: serviceItemVersions.versionNo, publishedAt: serviceItemVersions.publishedAt })
  .from(serviceItemVersions).as('version_of');

/** A scalar subquery: the code of the catalog item with this id. */
export const itemCodeOf = (itemId: string | SQL) => sql`(SELECT code FROM service_items WHERE id = ${itemId})`;
/** A scalar subquery: the name of the catalog item whose id (as text) is `idText`. */
export const itemNameOf = (idText: string | SQL) => sql<string | null>`(SELECT i.name FROM service_items i WHERE i.id::text = ${idText})`;

/** The catalog item with this code in the division or the nearest division above it. */
export async function itemByCode(tx: Tx, divisionCode: string, code: string) {
  return rows<{ id: string; code: string; name: string; status: string; orgId: string }>(await tx.execute(sql`SELECT id, code, name, status, org_id AS "orgId" FROM service_items
    WHERE code = ${code} AND ${divisionCode} LIKE division_code || '%' ORDER BY length(division_code) DESC LIMIT 1`))[0] ?? null;
}
