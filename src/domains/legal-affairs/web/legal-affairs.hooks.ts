/** Legal affairs' server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, post, type ApiBody, type ApiQuery } from '../../../core/web/api';

export const useCounselPool = (year: number) => useQuery(apiQuery('/api/legal-counsel/pool', { query: { year } }));
export const useCounselWork = (query: ApiQuery<'/api/legal-counsel/work'>) => useQuery(apiQuery('/api/legal-counsel/work', { query }));
export const useContractOpinion = (id: string) => useQuery(apiQuery('/api/contract-reviews/{id}/opinion', { path: { id } }));

export function useSubmitContract(on: { done: (r: { id: string }) => void; failed: (e: Error) => void }) {
  return useMutation({ mutationFn: (body: ApiBody<'/api/contract-reviews'>) => api.POST('/api/contract-reviews', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
}

/** The registry's four record kinds, each its own POST. */
const POOL_PATHS = { firm: '/api/legal-counsel/firms', lawyer: '/api/legal-counsel/lawyers', appointment: '/api/legal-counsel/appointments', work: '/api/legal-counsel/work' } as const;
export type PoolRecordKind = keyof typeof POOL_PATHS;

export function useSavePoolRecord(on: { done: () => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: PoolRecordKind; body: Record<string, unknown> }) => api.POST(POOL_PATHS[kind], { body: body as never }),
    onSuccess: () => { void invalidate(qc, '/api/legal-counsel/pool', '/api/legal-counsel/work'); on.done(); },
    onError: noWait(on.failed),
  });
}

/**
 * A machine event with a form of this domain's own (受理 with a reviewer, 出具审查意见 with comments): the
 * path is the action's, as the case detail offers it.
 */
export function useContractEvent(on: { done: () => void; failed: (e: Error) => void }) {
  return useMutation({ mutationFn: ({ path, body }: { path: string; body: unknown }) => post(path, body), onSuccess: noWait(on.done), onError: noWait(on.failed) });
}
