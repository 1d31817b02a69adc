/** The hotline's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';

/** Places change with the division tree, rarely: an hour's cache spares the intake form a request per ticket. */
export const useHotlinePlaces = () => useQuery({ ...apiQuery('/api/public/hotline/places'), staleTime: 3600_000 });
/** Open tickets like the text being typed (repeat calls), once there is enough text to compare. */
export const useSimilarTickets = (text: string) => useQuery({ ...apiQuery('/api/tickets/similar', { query: { text } }), enabled: text.length >= 8 });
export const useDispatchCatalog = () => useQuery(apiQuery('/api/hotline/catalog'));
export const usePublishedLetters = () => useQuery(apiQuery('/api/public/letters', { query: { page: 1, pageSize: 20 } }));

export function useSaveCatalogRule(onSaved: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/hotline/catalog', 'put'>) => api.PUT('/api/hotline/catalog', { body }),
    onSuccess: (rows) => { qc.setQueryData(apiQuery('/api/hotline/catalog').queryKey, rows); onSaved(); },
  });
}

export const useFileTicket = () => useMutation({ mutationFn: (body: ApiBody<'/api/tickets'>) => api.POST('/api/tickets', { body }) });
/** 并单: the repeat just filed is merged into an open ticket the operator recognises. */
export const useMergeTicket = (id: () => string) =>
  useMutation({ mutationFn: (targetRefNo: string) => api.POST('/api/tickets/{id}/merge', { path: { id: id() }, body: { targetRefNo } }) });
export const useDispatchTicket = (id: () => string) => useMutation({ mutationFn: () => api.POST('/api/tickets/{id}/dispatch', { path: { id: id() }, body: {} }) });

export const useFilePublicTicket = () => useMutation({ mutationFn: (body: ApiBody<'/api/public/tickets'>) => api.POST('/api/public/tickets', { body }) });
export const useFileLetter = () => useMutation({ mutationFn: (body: ApiBody<'/api/public/letters'>) => api.POST('/api/public/letters', { body }) });

/** Progress by number and phone digits is a deliberate action (rate-limited), not a query kept fresh. */
export type TrackPath = '/api/public/tickets/track' | '/api/public/letters/track';
export const useTrack = (path: TrackPath) =>
  useMutation({ mutationFn: (query: ApiQuery<'/api/public/tickets/track'>) => api.GET(path, { query }) });
export const useTicketFeedback = (onDone: (t: ApiResponse<'/api/public/tickets/feedback', 'post'>) => void) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/public/tickets/feedback'>) => api.POST('/api/public/tickets/feedback', { body }), onSuccess: onDone });
