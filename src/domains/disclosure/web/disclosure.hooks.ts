/** The disclosure domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery, invalidate, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';

export const usePublishedItems = (query: ApiQuery<'/api/public/disclosure/items'>) => useQuery(apiQuery('/api/public/disclosure/items', { query }));
export const useDisclosureOrgs = () => useQuery(apiQuery('/api/public/disclosure/orgs'));
export type DisclosureCategory = NonNullable<ApiQuery<'/api/public/disclosure/items'>['category']>;

/** The annual report's tables (政府信息公开工作年度报告格式). */
export const useDisclosureAnnual = (year: number) => useQuery(apiQuery('/api/disclosure/annual', { query: { year } }));

export function usePublishItem(onPublished: (r: ApiResponse<'/api/disclosure/items', 'post'>) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/disclosure/items'>) => api.POST('/api/disclosure/items', { body }),
    onSuccess: (r) => { void invalidate(qc, '/api/public/disclosure/items'); onPublished(r); },
  });
}

export const useFileDisclosureRequest = () =>
  useMutation({ mutationFn: (body: ApiBody<'/api/public/disclosure-requests'>) => api.POST('/api/public/disclosure-requests', { body }) });
/** Progress by number and phone digits is a deliberate action (rate-limited), not a query kept fresh. */
export const useTrackDisclosureRequest = () =>
  useMutation({ mutationFn: (query: ApiQuery<'/api/public/disclosure-requests/track'>) => api.GET('/api/public/disclosure-requests/track', { query }) });
export const useCorrectDisclosureRequest = (onDone: () => void) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/public/disclosure-requests/correct'>) => api.POST('/api/public/disclosure-requests/correct', { body }), onSuccess: onDone });
