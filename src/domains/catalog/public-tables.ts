/**
 * What other domains' table definitions may reference: the catalog item's id, for the foreign keys of
 * 办件 and 预约 (decision 005). Kept apart from public.ts so a tables file loads no catalog service code.
 */
import { serviceItems } from './server/catalog.tables';

export const serviceItemId = () => serviceItems.id;
