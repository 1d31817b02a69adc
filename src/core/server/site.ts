/**
 * The public site's jurisdiction. One deployment's public pages serve one division, set once
 * (SITE_DIVISION_CODE); public routes that need "which county" ask here instead of guessing from the
 * data (the first hotline centre, the first county-level division, a code in the route).
 */
import type { Tx } from './db/db';
import type { Kernel } from './kernel';
import type { PublicSite } from '../shared/schemas';
import * as tenancy from './tenancy.repository';

/** The division code public routes scope to. */
export const siteDivisionCode = (kernel: Kernel): string => kernel.config.SITE_DIVISION_CODE;

/** Code, name and title of the public site. The name comes from the divisions table so it is spelled
 *  as the tenancy admin keeps it; before the division exists (a fresh PostgreSQL) the code stands in. */
export async function publicSite(tx: Tx, kernel: Kernel): Promise<PublicSite> {
  const code = siteDivisionCode(kernel);
  const divisionName = (await tenancy.getDivision(tx, code))?.name ?? code;
  return { divisionCode: code, divisionName, siteName: kernel.config.SITE_NAME ?? `${divisionName}政务服务网`, timeZone: kernel.tz };
}
