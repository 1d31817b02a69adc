/** The credential register's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, uploadSheet, type SheetImportError, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';

type On<T = unknown> = { done: (r: T) => void; failed: (e: Error) => void };

/** Every org of the division (the justice bureau registers for any; an org picks its own). */
export const useOrgs = () => useQuery(apiQuery('/api/public/disclosure/orgs'));
export const useHolders = (query: ApiQuery<'/api/credential-holders'>) => useQuery(apiQuery('/api/credential-holders', { query }));
export const useHolder = (id: string) => useQuery(apiQuery('/api/credential-holders/{id}', { path: { id } }));
export const useVerifyCredential = (token: string) => useQuery({ ...apiQuery('/api/public/credentials/verify/{token}', { path: { token } }), retry: false });

function useRefresh() {
  const qc = useQueryClient();
  return () => { void invalidate(qc, '/api/credential-holders/{id}'); void invalidate(qc, '/api/credential-holders'); };
}

export const useRegisterHolder = (on: On<ApiResponse<'/api/credential-holders', 'post'>>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/credential-holders'>) => api.POST('/api/credential-holders', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
export function useRecordExam(id: string, on: On) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ApiBody<'/api/credential-holders/{id}/exams'>) => api.POST('/api/credential-holders/{id}/exams', { path: { id }, body }), onSuccess: (r) => { refresh(); on.done(r); }, onError: noWait(on.failed) });
}
export function useLeave(id: string, on: On) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ApiBody<'/api/credential-holders/{id}/leave'>) => api.POST('/api/credential-holders/{id}/leave', { path: { id }, body }), onSuccess: (r) => { refresh(); on.done(r); }, onError: noWait(on.failed) });
}
export const useApply = (on: On<ApiResponse<'/api/credential-applications', 'post'>>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/credential-applications'>) => api.POST('/api/credential-applications', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });

type CardAct = 'suspend' | 'reinstate' | 'cancel';
export function useCardAction(on: On) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, act, reason }: { id: string; act: CardAct; reason: string }) =>
      act === 'suspend' ? api.POST('/api/credentials/{id}/suspend', { path: { id }, body: { reason } })
        : act === 'reinstate' ? api.POST('/api/credentials/{id}/reinstate', { path: { id }, body: { reason } })
          : api.POST('/api/credentials/{id}/cancel', { path: { id }, body: { reason } }),
    onSuccess: (r) => { refresh(); on.done(r); }, onError: noWait(on.failed),
  });
}
export function useReview(on: On<ApiResponse<'/api/credentials/{id}/review', 'post'>>) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, year }: { id: string; year: number }) => api.POST('/api/credentials/{id}/review', { path: { id }, body: { year } }), onSuccess: (r) => { refresh(); on.done(r); }, onError: noWait(on.failed) });
}
export const useRecordSession = (on: On<ApiResponse<'/api/credential-trainings', 'post'>>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/credential-trainings'>) => api.POST('/api/credential-trainings', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });

export type ImportReport = ApiResponse<'/api/credential-trainings/import', 'post'>;
/** The sheet goes up as the raw .xlsx body; a bad file comes back as 400 with one entry per bad row. */
export const importTrainings = (file: File) => uploadSheet<ImportReport>('/api/credential-trainings/import', file);
