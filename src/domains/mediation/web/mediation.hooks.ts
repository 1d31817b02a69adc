/** The mediation domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, apiUrl, invalidate, uploadSheet, type SheetImportError, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

export const useVillages = () => useQuery(apiQuery('/api/mediation/villages'));
export const useDisputeFile = (id: string) => useQuery(apiQuery('/api/mediations/{id}/file', { path: { id } }));
export const agreementUrl = (id: string) => apiUrl('/api/mediations/{id}/agreement', { path: { id } });
export const useRates = (query: ApiQuery<'/api/mediation/rates'>) => useQuery(apiQuery('/api/mediation/rates', { query }));
export const usePopulations = (enabled: boolean) => useQuery({ ...apiQuery('/api/mediation/populations'), enabled });
export const useScreenings = (query: ApiQuery<'/api/mediation/screenings'>) => useQuery(apiQuery('/api/mediation/screenings', { query }));
/** The year's figures, one metric each, fetched together. */
export const useMediationFigures = (keys: string[], query: ApiQuery<'/api/metrics/{key}'>) =>
  useQuery({ queryKey: ['/api/metrics/{key}', { keys, query }], queryFn: () => Promise.all(keys.map((key) => api.GET('/api/metrics/{key}', { path: { key }, query }))) });

/** After a transition both the case and its file have moved on. */
export function useRefreshDispute(id: string) {
  const qc = useQueryClient();
  return () => { void qc.invalidateQueries({ queryKey: caseKey(id) }); void invalidate(qc, '/api/mediations/{id}/file'); };
}

export const useRegisterDispute = (on: { done: (r: ApiResponse<'/api/mediations', 'post'>) => void; failed: (e: Error) => void }) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/mediations'>) => api.POST('/api/mediations', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
export function useRecordScreening(on: { done: () => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/mediation/screenings'>) => api.POST('/api/mediation/screenings', { body }),
    onSuccess: () => { void invalidate(qc, '/api/mediation/screenings'); on.done(); }, onError: noWait(on.failed),
  });
}
export function useRecordPopulation(on: { done: () => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/mediation/populations'>) => api.POST('/api/mediation/populations', { body }),
    onSuccess: () => { void invalidate(qc, '/api/mediation/populations', '/api/mediation/rates'); on.done(); }, onError: noWait(on.failed),
  });
}
/** The population register from an xlsx file: all rows or none, the refused rows listed. */
export function useImportPopulations(on: { done: (n: number) => void; failed: (e: SheetImportError) => void }) {
  const qc = useQueryClient();
  return useMutation<{ imported: number }, SheetImportError, File>({
    mutationFn: (file) => uploadSheet('/api/mediation/populations/import', file),
    onSuccess: (r) => { void invalidate(qc, '/api/mediation/populations', '/api/mediation/rates'); on.done(r.imported); }, onError: noWait(on.failed),
  });
}
