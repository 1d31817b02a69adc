/**
 * Which county this site serves (GET /api/public/site, from SITE_DIVISION_CODE on the server). Pages
 * read the division's name from here instead of writing it: one deployment, one answer.
 */
import type { PublicSite } from '../shared/schemas';
import { usePublicSiteQuery } from './kernel.hooks';

export function usePublicSite() {
  return usePublicSiteQuery().data ?? null;
}

/** An org name without the site's division in front (湖滨区司法局 → 司法局), for compact lists. */
export const withoutDivision = (name: string, site: PublicSite | null) =>
  site && name.startsWith(site.divisionName) ? name.slice(site.divisionName.length) : name;
