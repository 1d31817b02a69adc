/**
 * Which county this site serves (GET /api/public/site, from SITE_DIVISION_CODE on the server). Pages
 * read the division's name from here instead of writing it: one deployment, one answer.
 */
import { useQuery } from '@tanstack/react-query';
import type { PublicSite } from '../shared/schemas';
import { get } from './api';

export function usePublicSite() {
  // The answer changes only with a redeploy: fetch once per page load.
  const q = useQuery({ queryKey: ['public-site'], queryFn: () => get<PublicSite>('/api/public/site'), staleTime: Infinity });
  return q.data ?? null;
}

/** An org name without the site's division in front (湖滨区司法局 → 司法局), for compact lists. */
export const withoutDivision = (name: string, site: PublicSite | null) =>
  site && name.startsWith(site.divisionName) ? name.slice(site.divisionName.length) : name;
