/** The callbacks domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery, invalidate, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';

export type CallbackItem = ApiResponse<'/api/callbacks'>['items'][number];
export type CallbackDetail = ApiResponse<'/api/callbacks/{id}'>;
export type CallbackSetting = ApiResponse<'/api/callbacks/settings'>[number];

export const useCallbackQueue = (query: ApiQuery<'/api/callbacks'>) => useQuery(apiQuery('/api/callbacks', { query }));
export const useCallback = (id: string) => useQuery(apiQuery('/api/callbacks/{id}', { path: { id } }));
export const useCallbackSettings = () => useQuery(apiQuery('/api/callbacks/settings'));

/** Reading the phone number is audited, so it is an explicit action rather than a query. */
export const useCallbackContact = (id: string) => useMutation({ mutationFn: () => api.GET('/api/callbacks/{id}/contact', { path: { id } }) });

export function useSaveCallbackSetting(onSaved: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/callbacks/settings', 'put'>) => api.PUT('/api/callbacks/settings', { body }),
    onSuccess: (rows) => { qc.setQueryData(apiQuery('/api/callbacks/settings').queryKey, rows); onSaved(); },
  });
}

export function useRecordAttempt(id: string, onSaved: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/callbacks/{id}/attempts'>) => api.POST('/api/callbacks/{id}/attempts', { path: { id }, body }),
    onSuccess: (r) => { qc.setQueryData(apiQuery('/api/callbacks/{id}', { path: { id } }).queryKey, r); void invalidate(qc, '/api/callbacks'); onSaved(); },
  });
}
