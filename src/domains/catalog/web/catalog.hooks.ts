/** The catalog domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { noWait, api, apiQuery, invalidate, uploadSheet, type ApiBody, type ApiQuery } from '../../../core/web/api';
import type { ImportResult, ItemDetail, PublicGuide } from '../shared/catalog.schema';

export type { ImportRowError } from '../../../core/shared/import-errors';

// The document loses a few nullable codes of the guide (they come out `unknown`), so the item and the
// public guide are read as the shared schema's types, which the routes answer with.
const itemQuery = (id: string) => {
  const { queryKey } = apiQuery('/api/catalog/items/{id}', { path: { id } });
  return { queryKey, queryFn: () => api.GET('/api/catalog/items/{id}', { path: { id } }) as Promise<ItemDetail> };
};
export const useItem = (id: string | undefined) => useQuery({ ...itemQuery(id ?? ''), enabled: !!id });
export const useOptions = () => useQuery({ ...apiQuery('/api/catalog/options'), staleTime: 300_000 });
export const useSummary = () => useQuery(apiQuery('/api/catalog/summary'));
/** The list is a ProTable, which pages by itself: a call, not a query. */
export const listItems = (query: ApiQuery<'/api/catalog/items'>) => api.GET('/api/catalog/items', { query });

export const usePublicSearch = (query: ApiQuery<'/api/public/catalog'>) => useQuery(apiQuery('/api/public/catalog', { query }));
export function usePublicGuide(id: string | undefined) {
  const { queryKey } = apiQuery('/api/public/catalog/{id}', { path: { id: id ?? '' } });
  return useQuery({ queryKey, queryFn: () => api.GET('/api/public/catalog/{id}', { path: { id: id ?? '' } }) as Promise<PublicGuide>, enabled: !!id, retry: false });
}
export const usePublicSites = () => useQuery({ ...apiQuery('/api/public/catalog/sites'), staleTime: 300_000 });

/** Every change answers the item as it now is: that answer replaces the cached item, and the list's figures move. */
function useItemChanged(id: string) {
  const qc = useQueryClient();
  return (r?: ItemDetail) => { if (r) qc.setQueryData(itemQuery(id).queryKey, r); void invalidate(qc, '/api/catalog/items', '/api/catalog/summary'); };
}
type On<R> = { done: (r: R) => void; failed: (e: Error) => void };
function useItemMutation<A>(id: string, call: (a: A) => Promise<unknown>, on: On<ItemDetail>) {
  const changed = useItemChanged(id);
  return useMutation({ mutationFn: (a: A) => call(a) as Promise<ItemDetail>, onSuccess: (r) => { on.done(r); changed(r); }, onError: noWait(on.failed) });
}
export const useSaveDraft = (id: string, on: On<ItemDetail>) =>
  useItemMutation(id, (body: ApiBody<'/api/catalog/items/{id}/draft', 'put'>) => api.PUT('/api/catalog/items/{id}/draft', { path: { id }, body }), on);
export const usePublishItem = (id: string, on: On<ItemDetail>) =>
  useItemMutation(id, (rev: number) => api.POST('/api/catalog/items/{id}/publish', { path: { id }, body: { rev } }), on);
export const useCreateDraft = (id: string, on: On<ItemDetail>) =>
  useItemMutation(id, () => api.POST('/api/catalog/items/{id}/draft', { path: { id } }), on);
export function useDiscardDraft(id: string, on: On<{ itemDeleted: boolean }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.DELETE('/api/catalog/items/{id}/draft', { path: { id } }) as Promise<{ itemDeleted: boolean }>,
    onSuccess: (r) => { on.done(r); if (!r.itemDeleted) void qc.invalidateQueries({ queryKey: itemQuery(id).queryKey }); },
    onError: noWait(on.failed),
  });
}
export const useWithdrawItem = (id: string, on: On<ItemDetail>) =>
  useItemMutation(id, (reason: string) => api.POST('/api/catalog/items/{id}/withdraw', { path: { id }, body: { reason } }), on);
export const useSetSites = (id: string, on: On<ItemDetail>) =>
  useItemMutation(id, (siteOrgIds: string[]) => api.PUT('/api/catalog/items/{id}/sites', { path: { id }, body: { siteOrgIds } }), on);
export const useCreateItem = (on: On<ItemDetail>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/catalog/items'>) => api.POST('/api/catalog/items', { body }) as Promise<ItemDetail>, onSuccess: noWait(on.done), onError: noWait(on.failed) });

/** The 台账 goes up as the raw .xlsx body; a bad file comes back as 400 with one entry per bad row (and sheet). */
export const importWorkbook = (file: File) => uploadSheet<z.infer<typeof ImportResult>>('/api/catalog/import', file);
