/**
 * What other domains and the app may use from services. An application stores the guide version it
 * was filed under (`FilingItem.versionId`); bundles and licences read items through these calls.
 */
export { seedServicesDemo } from './server/services.seed';
export { applicationMachine } from './shared/application.machine';
export { indexText, queryTokens } from './server/services.search';
export { getItemForFiling, getFilingVersion, isSunkToSite, listItems as listPublishedItems } from './server/catalog.filing';
export type { FilingItem, FilingLimit, FilingMaterial, ListedItem } from './server/catalog.filing';
export { assessGuide } from './shared/catalog.completeness';
export type { GuideElements, Completeness } from './shared/catalog.schema';
/** Licences (and other sources) offer an applicant's existing records as reusable materials. */
export { registerMaterialProvider } from './server/materials.service';
export type { MaterialProvider, MaterialHit } from './server/materials.service';
/** Bundles file one child application per component item, under the parent case, with its mapped fields. */
export { fileApplication } from './server/services.service';
export { materialKey } from './server/materials.service';
/** Reads of applications and catalog items for other domains: no other domain's SQL names services' tables. */
export { APPLICATION_FACTS_SQL, applicationFacts, applicationOfCase, itemCodeOf, itemNameOf, itemByCode, applicantOf, setApplicantIdLast4 } from './server/services.reads';
