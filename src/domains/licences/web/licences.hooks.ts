/** The licences domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';

export const useLicenceTypes = () => useQuery(apiQuery('/api/licences/types'));
export const useLicences = (query: ApiQuery<'/api/licences'>) => useQuery(apiQuery('/api/licences', { query }));
export const useLicence = (id: string) => useQuery(apiQuery('/api/licences/{id}', { path: { id } }));
/** Keyed by the signed-in citizen as well, so a second citizen on the same browser never sees the first's. */
export const useMyLicences = (userId: string | undefined) =>
  useQuery({ queryKey: ['/api/licences/mine', { user: userId }], queryFn: () => api.GET('/api/licences/mine'), enabled: !!userId });
/** A verification link is answered once: a refused token is not retried. */
export const useVerifyLicence = (token: string) => useQuery({ ...apiQuery('/api/public/licences/verify/{token}', { path: { token } }), retry: false });
/** The public lookup is a deliberate action (it is rate-limited), not a query kept fresh. */
export const useLookupLicence = () => useMutation({ mutationFn: (query: ApiQuery<'/api/public/licences/lookup'>) => api.GET('/api/public/licences/lookup', { query }) });

export function useRunReminders(on: { done: (r: ApiResponse<'/api/licences/reminders/run', 'post'>) => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.POST('/api/licences/reminders/run'),
    onSuccess: (r) => { void invalidate(qc, '/api/licences', '/api/licences/{id}'); on.done(r); },
    onError: noWait(on.failed),
  });
}

export function useRevokeLicence(id: string, onDone: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/licences/{id}/revoke'>) => api.POST('/api/licences/{id}/revoke', { path: { id }, body }),
    onSuccess: (r) => { qc.setQueryData(apiQuery('/api/licences/{id}', { path: { id } }).queryKey, r); onDone(); },
  });
}

export function useSaveLicenceType(onDone: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApiBody<'/api/licences/types/{id}', 'put'> }) => api.PUT('/api/licences/types/{id}', { path: { id }, body }),
    onSuccess: () => { void invalidate(qc, '/api/licences/types'); onDone(); },
  });
}
