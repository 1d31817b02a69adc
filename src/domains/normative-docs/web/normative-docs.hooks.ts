/** Normative documents' server state: every query and mutation their pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiResponse } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

type On<T = unknown> = { done: (r: T) => void; failed: (e: Error) => void };

export type DraftComment = ApiResponse<'/api/normative-docs/{id}/comments'>['items'][number];

export const useDraftComments = (id: string) => useQuery(apiQuery('/api/normative-docs/{id}/comments', { path: { id } }));
export const useEvaluations = (id: string) => useQuery(apiQuery('/api/normative-docs/{id}/evaluations', { path: { id } }));
export const usePublicDraft = (id: string) => useQuery(apiQuery('/api/public/normative-docs/{id}/draft', { path: { id } }));
export const usePublicNormativeDocs = () => useQuery(apiQuery('/api/public/normative-docs'));
export const usePublicConsultations = () => useQuery(apiQuery('/api/public/normative-docs/consultations'));

/** The consultation and the case page move together: publishing a draft or answers changes both. */
function useRefreshConsultation(id: string) {
  const qc = useQueryClient();
  return () => { void invalidate(qc, '/api/normative-docs/{id}/comments'); void qc.invalidateQueries({ queryKey: caseKey(id) }); };
}

export function useSetDraftText(id: string, on: On<ApiResponse<'/api/normative-docs/{id}/draft-text', 'put'>>) {
  const refresh = useRefreshConsultation(id);
  return useMutation({
    mutationFn: (body: ApiBody<'/api/normative-docs/{id}/draft-text', 'put'>) => api.PUT('/api/normative-docs/{id}/draft-text', { path: { id }, body }),
    onSuccess: (r) => { on.done(r); refresh(); }, onError: noWait(on.failed),
  });
}

export function useAnswerComment(id: string, on: On) {
  const refresh = useRefreshConsultation(id);
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: ApiBody<'/api/normative-docs/{id}/comments/{commentId}/response'> }) =>
      api.POST('/api/normative-docs/{id}/comments/{commentId}/response', { path: { id, commentId }, body }),
    onSuccess: (r) => { on.done(r); refresh(); }, onError: noWait(on.failed),
  });
}

export function usePublishAdoption(id: string, on: On) {
  const refresh = useRefreshConsultation(id);
  return useMutation({
    mutationFn: () => api.POST('/api/normative-docs/{id}/adoption/publish', { path: { id } }),
    onSuccess: (r) => { on.done(r); refresh(); }, onError: noWait(on.failed),
  });
}

export function useAddEvaluation(id: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/normative-docs/{id}/evaluations'>) => api.POST('/api/normative-docs/{id}/evaluations', { path: { id }, body }),
    onSuccess: (r) => { on.done(r); void invalidate(qc, '/api/normative-docs/{id}/evaluations'); }, onError: noWait(on.failed),
  });
}

export function useSendPublicComment(id: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/public/normative-docs/{id}/comments'>) => api.POST('/api/public/normative-docs/{id}/comments', { path: { id }, body }),
    onSuccess: (r) => { on.done(r); void invalidate(qc, '/api/public/normative-docs/{id}/draft'); }, onError: noWait(on.failed),
  });
}
