/** The bundles domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { noWait, api, apiQuery, type ApiBody, type ApiResponse } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

export const useBundleDefinitions = () => useQuery(apiQuery('/api/public/bundle-definitions'));
export const useBundleDefinition = (code: string) => useQuery(apiQuery('/api/public/bundle-definitions/{code}', { path: { code } }));
export const useCounters = () => useQuery(apiQuery('/api/counters'));

/** Under the case's key, so ActionButtons refreshes the children's progress with the case. */
export const useBundleProgress = (id: string) =>
  useQuery({ queryKey: [...caseKey(id), 'progress'], queryFn: () => api.GET('/api/bundles/{id}/progress', { path: { id } }) });

export type FiledBundle = ApiResponse<'/api/bundles', 'post'>;
export function useFileBundle(on: { done?: (r: FiledBundle) => void; failed?: (e: Error) => void } = {}) {
  return useMutation({ mutationFn: (body: ApiBody<'/api/bundles'>) => api.POST('/api/bundles', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
}
