/** Query keys and calls of the catalog pages, typed from the shared schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, get, qs } from '../../../core/web/api';
import type { CatalogOptions, CatalogSummary, ImportResult, ItemDetail, ItemSummary, PublicGuide, PublicItem } from '../shared/catalog.schema';

export type Paged<T> = { items: T[]; total: number };
export type ImportRowError = { sheet: string; row: number; messages: string[] };

export const useItem = (id: string | undefined) => useQuery({ queryKey: ['catalog-item', id], queryFn: () => get<ItemDetail>(`/api/catalog/items/${id}`), enabled: !!id });
export const useOptions = () => useQuery({ queryKey: ['catalog-options'], queryFn: () => get<z.infer<typeof CatalogOptions>>('/api/catalog/options'), staleTime: 300_000 });
export const useSummary = () => useQuery({ queryKey: ['catalog-summary'], queryFn: () => get<CatalogSummary>('/api/catalog/summary') });
export const listItems = (params: Record<string, string | number | undefined>) => get<Paged<ItemSummary>>(`/api/catalog/items?${qs(params)}`);

export const usePublicSearch = (params: Record<string, string | number | undefined>) =>
  useQuery({ queryKey: ['public-catalog', params], queryFn: () => get<Paged<PublicItem>>(`/api/public/catalog?${qs(params)}`) });
export const usePublicGuide = (id: string | undefined) => useQuery({ queryKey: ['public-guide', id], queryFn: () => get<PublicGuide>(`/api/public/catalog/${id}`), enabled: !!id, retry: false });
export const usePublicSites = () => useQuery({ queryKey: ['public-catalog-sites'], queryFn: () => get<{ orgId: string; orgName: string; divisionName: string }[]>('/api/public/catalog/sites'), staleTime: 300_000 });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const csrf = () => decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))?.slice('zt_csrf='.length) ?? '');

/** The 台账 goes up as the raw .xlsx body; a bad file comes back as 400 with one entry per bad row. */
export async function importWorkbook(file: File): Promise<z.infer<typeof ImportResult>> {
  const res = await fetch('/api/catalog/import', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': XLSX, 'x-csrf-token': csrf() }, body: file });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = new ApiError(res.status, body.code ?? 'INTERNAL', body.message ?? `导入失败（${res.status}）`);
    (e as ApiError & { rows?: ImportRowError[] }).rows = body.details?.rows;
    throw e;
  }
  return body;
}
