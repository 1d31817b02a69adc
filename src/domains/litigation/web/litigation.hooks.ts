/** The litigation domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseAction } from '../../../core/shared/schemas';
import { noWait, api, apiQuery, invalidate, post, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

/** The justice bureau picks the defendant among every agency; the disclosure directory lists them. */
export const useDefendantOrgs = () => useQuery(apiQuery('/api/public/disclosure/orgs'));
export const useSuitFile = (id: string) => useQuery(apiQuery('/api/litigations/{id}/file', { path: { id } }));
export const useCounselOptions = (id: string) => useQuery(apiQuery('/api/litigations/{id}/counsel-options', { path: { id } }));
/** The year's figures, one metric each, fetched together so the page shows them at once. */
export const useLitigationFigures = (keys: string[], query: ApiQuery<'/api/metrics/{key}'>) =>
  useQuery({ queryKey: ['/api/metrics/{key}', { keys, query }], queryFn: () => Promise.all(keys.map((key) => api.GET('/api/metrics/{key}', { path: { key }, query }))) });

/** After a transition both the case and its file have moved on. */
export function useRefreshSuit(id: string) {
  const qc = useQueryClient();
  return () => { void qc.invalidateQueries({ queryKey: caseKey(id) }); void invalidate(qc, '/api/litigations/{id}/file'); };
}

export const useRegisterSuit = (on: { done: (r: ApiResponse<'/api/litigations', 'post'>) => void; failed: (e: Error) => void }) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/litigations'>) => api.POST('/api/litigations', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
export const useReceiveAdvice = (id: string, on: { done: () => void; failed: (e: Error) => void }) =>
  useMutation({
    mutationFn: (body: ApiBody<'/api/litigations/{id}/judicial-advice'>) => api.POST('/api/litigations/{id}/judicial-advice', { path: { id }, body }),
    onSuccess: noWait(on.done), onError: noWait(on.failed),
  });
/** A transition with its own form (answer, hearing): the server names its path in the case's actions, so it is not typed here. */
export const useActionForm = (action: CaseAction, on: { done: () => void; failed: (e: Error) => void }) =>
  useMutation({ mutationFn: (body: Record<string, unknown>) => post(action.path, body), onSuccess: noWait(on.done), onError: noWait(on.failed) });
