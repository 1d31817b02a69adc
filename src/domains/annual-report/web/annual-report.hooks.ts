/** The annual report's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

type On<T = unknown> = { done: (r: T) => void; failed: (e: Error) => void };

export type ReportRow = ApiResponse<'/api/annual-reports'>[number];

export const useAnnualReports = () => useQuery(apiQuery('/api/annual-reports'));
/** The report (its paragraphs carry the metric references the editor traces). */
export const useAnnualReport = (id: string) =>
  useQuery({ queryKey: apiQuery('/api/annual-reports/{id}', { path: { id } }).queryKey, queryFn: () => api.GET('/api/annual-reports/{id}', { path: { id } }) });
export const usePublicReports = () => useQuery(apiQuery('/api/public/annual-reports'));
export const usePublicReport = (id: string) =>
  useQuery({ queryKey: apiQuery('/api/public/annual-reports/{id}', { path: { id } }).queryKey, queryFn: () => api.GET('/api/public/annual-reports/{id}', { path: { id } }) });
/** A figure's live value, asked of the metrics registry where its records are. */
export const useMetric = (key: string | undefined, query: ApiQuery<'/api/metrics/{key}'> | undefined) =>
  useQuery({ ...apiQuery('/api/metrics/{key}', { path: { key: key ?? '' }, query }), enabled: !!key && !!query });

export function useCreateReport(on: On<ApiResponse<'/api/annual-reports', 'post'>>) {
  return useMutation({ mutationFn: (body: ApiBody<'/api/annual-reports'>) => api.POST('/api/annual-reports', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
}

/** Regenerating or editing changes both the report and its case page (version, timeline). */
export function useRefreshReport(id: string) {
  const qc = useQueryClient();
  return () => { void invalidate(qc, '/api/annual-reports/{id}'); void qc.invalidateQueries({ queryKey: caseKey(id) }); };
}

export function useRegenerateReport(id: string, on: On) {
  const refresh = useRefreshReport(id);
  return useMutation({ mutationFn: () => api.POST('/api/annual-reports/{id}/regenerate', { path: { id } }), onSuccess: (r) => { on.done(r); refresh(); }, onError: noWait(on.failed) });
}

export function useSaveParagraph(id: string, on: On) {
  const refresh = useRefreshReport(id);
  return useMutation({
    mutationFn: ({ paragraphId, body }: { paragraphId: string; body: ApiBody<'/api/annual-reports/{id}/paragraphs/{paragraphId}', 'put'> }) =>
      api.PUT('/api/annual-reports/{id}/paragraphs/{paragraphId}', { path: { id, paragraphId }, body }),
    onSuccess: (r) => { on.done(r); refresh(); }, onError: noWait(on.failed),
  });
}

export function useReportCheck(failed: (e: Error) => void) {
  return useMutation({ mutationFn: (body: ApiBody<'/api/public/report-check'>) => api.POST('/api/public/report-check', { body }), onError: noWait(failed) });
}

export function useMarkPreliminary(id: string, on: On) {
  const refresh = useRefreshReport(id);
  return useMutation({
    mutationFn: (preliminary: boolean) => api.PUT('/api/annual-reports/{id}/preliminary', { path: { id }, body: { preliminary } }),
    onSuccess: (r) => { on.done(r); refresh(); }, onError: noWait(on.failed),
  });
}
