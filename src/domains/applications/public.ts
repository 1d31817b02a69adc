/**
 * What other domains and the app may use from applications (办件). Catalog items and guide versions
 * are the catalog's: read them through ../catalog/public.ts.
 */
export { seedApplicationsDemo } from './server/applications.seed';
export { applicationMachine } from './shared/application.machine';
/** Licences (and other sources) offer an applicant's existing records as reusable materials. */
export { registerMaterialProvider } from './server/materials.service';
export type { MaterialProvider, MaterialHit } from './server/materials.service';
/** Bundles file one child application per component item, under the parent case, with its mapped fields. */
export { fileApplication } from './server/applications.service';
export { materialKey } from './server/materials.service';
/** Reads of applications for other domains: no other domain's SQL names applications' tables. */
export { APPLICATION_FACTS_SQL, applicationFacts, applicationOfCase, applicantOf, setApplicantIdLast4 } from './server/applications.reads';
/** The open 补正 notice of an application in words (the lines ticked and the free text), or null. */
export { correctionNotice } from './server/corrections.service';
