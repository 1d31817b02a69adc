/** The legal-advisers domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiQuery } from '../../../core/web/api';

export const useMyAdviser = () => useQuery(apiQuery('/api/legal-advisers/me'));
export const useRoster = () => useQuery(apiQuery('/api/legal-advisers'));
export const useWorkLogs = (query: ApiQuery<'/api/legal-advisers/logs'>) => useQuery(apiQuery('/api/legal-advisers/logs', { query }));
export const useAdviserFigures = (keys: string[], query: ApiQuery<'/api/metrics/{key}'>, enabled = true) =>
  useQuery({ enabled, queryKey: ['/api/metrics/{key}', { keys, query }], queryFn: () => Promise.all(keys.map((key) => api.GET('/api/metrics/{key}', { path: { key }, query }))) });

export function useLogWork(on: { done: () => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/legal-advisers/logs'>) => api.POST('/api/legal-advisers/logs', { body }),
    onSuccess: () => { void invalidate(qc, '/api/legal-advisers/logs'); on.done(); }, onError: noWait(on.failed),
  });
}
export function useConfirmLog(on: { done: () => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.POST('/api/legal-advisers/logs/{id}/confirm', { path: { id } }),
    onSuccess: () => { void invalidate(qc, '/api/legal-advisers/logs'); on.done(); }, onError: noWait(on.failed),
  });
}
