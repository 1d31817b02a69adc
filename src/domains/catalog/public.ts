/**
 * What other domains and the app may use from the catalog (decision 005): applications and appointments
 * read items and guide versions here, and the catalog imports neither of them. An application stores
 * the guide version it was filed under (`FilingItem.versionId`); bundles and licences read items
 * through these calls.
 */
export { seedCatalogDemo } from './server/catalog.seed';
export { indexText, queryTokens } from './server/catalog.search';
export { getItemForFiling, getFilingVersion, isSunkToSite, listItems as listPublishedItems } from './server/catalog.filing';
export type { FilingItem, FilingLimit, FilingMaterial, ListedItem } from './server/catalog.filing';
export { assessGuide } from './shared/catalog.completeness';
export type { GuideElements, Completeness } from './shared/catalog.schema';
/** The item row and its published version, for filing and booking against an item. */
export { getItem, publishedVersionOf } from './server/catalog.repository';
export type { ItemRow } from './server/catalog.repository';
/** Reads of items and versions for other domains: no other domain's SQL names the catalog's tables. */
export { ITEM_FACTS_SQL, PUBLISHED_VERSIONS_SQL, itemOf, versionOf, itemCodeOf, itemNameOf, itemByCode } from './server/catalog.reads';
