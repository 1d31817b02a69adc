/** The benefits domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiQuery } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

type On<T = unknown> = { done?: (r: T) => void; failed?: (e: Error) => void };

export const usePolicyDetail = (id: string) => useQuery({ ...apiQuery('/api/benefit-policies/{id}/detail', { path: { id } }), enabled: !!id });
export const useCreatePolicy = (on: On<{ id: string; refNo: string }>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/benefit-policies'>) => api.POST('/api/benefit-policies', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
export function useSaveDraft(id: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/benefit-policies/{id}/draft', 'put'>) => api.PUT('/api/benefit-policies/{id}/draft', { path: { id }, body }),
    onSuccess: (r) => { void invalidate(qc, '/api/benefit-policies/{id}/detail'); void qc.invalidateQueries({ queryKey: caseKey(id) }); on.done?.(r); }, onError: noWait(on.failed),
  });
}
export function useSandbox(id: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (snapshot: string) => api.POST('/api/benefit-policies/{id}/sandbox', { path: { id }, body: { snapshot } }),
    onSuccess: (r) => { void invalidate(qc, '/api/benefit-policies/{id}/detail'); on.done?.(r); }, onError: noWait(on.failed),
  });
}

export const useScans = () => useQuery({ ...apiQuery('/api/benefits/scans'), refetchInterval: (q) => (q.state.data?.some((s) => s.state === 'queued' || s.state === 'running') ? 1000 : false) });
export function useStartScan(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (snapshot: string) => api.POST('/api/benefits/scans', { body: { snapshot } }), onSuccess: (r) => { void invalidate(qc, '/api/benefits/scans'); on.done?.(r); }, onError: noWait(on.failed) });
}
export const useResults = (query: ApiQuery<'/api/benefits/results'>) => useQuery(apiQuery('/api/benefits/results', { query }));
export const useUnclaimed = () => useQuery(apiQuery('/api/benefits/unclaimed'));

export const useBatches = () => useQuery(apiQuery('/api/benefits/imports'));
export function useImport(on: On<{ rows: number; facts: number }>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApiBody<'/api/benefits/imports'>) => api.POST('/api/benefits/imports', { body }), onSuccess: (r) => { void invalidate(qc, '/api/benefits/imports'); on.done?.(r); }, onError: noWait(on.failed) });
}
export function usePlatformPull(on: On<{ rows: number; facts: number; adapter: string | null }>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApiBody<'/api/benefits/imports/platform'>) => api.POST('/api/benefits/imports/platform', { body }), onSuccess: (r) => { void invalidate(qc, '/api/benefits/imports'); on.done?.(r); }, onError: noWait(on.failed) });
}

export const usePayouts = () => useQuery(apiQuery('/api/benefits/payouts'));
export const usePayout = (id: string | null) => useQuery({ ...apiQuery('/api/benefits/payouts/{id}', { path: { id: id ?? '' } }), enabled: !!id });
export function useCreatePayout(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApiBody<'/api/benefits/payouts'>) => api.POST('/api/benefits/payouts', { body }), onSuccess: (r) => { void invalidate(qc, '/api/benefits/payouts', '/api/benefits/results', '/api/benefits/unclaimed'); on.done?.(r); }, onError: noWait(on.failed) });
}
export function useReconcile(id: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/benefits/payouts/{id}/reconcile'>) => api.POST('/api/benefits/payouts/{id}/reconcile', { path: { id }, body }),
    onSuccess: (r) => { void invalidate(qc, '/api/benefits/payouts', '/api/benefits/payouts/{id}'); on.done?.(r); }, onError: noWait(on.failed),
  });
}

// ---- the public side ----
export const usePublicity = () => useQuery(apiQuery('/api/public/benefits/publicity'));
export const useMyBenefits = (enabled: boolean) => useQuery({ ...apiQuery('/api/public/benefits/mine'), enabled });
export function useConfirmAccount(on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApiBody<'/api/public/benefits/results/{id}/confirm'> }) => api.POST('/api/public/benefits/results/{id}/confirm', { path: { id }, body }),
    onSuccess: (r) => { void invalidate(qc, '/api/public/benefits/mine'); on.done?.(r); }, onError: noWait(on.failed),
  });
}
export function useObject(on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApiBody<'/api/public/benefits/results/{id}/object'> }) => api.POST('/api/public/benefits/results/{id}/object', { path: { id }, body }),
    onSuccess: (r) => { void invalidate(qc, '/api/public/benefits/mine'); on.done?.(r); }, onError: noWait(on.failed),
  });
}
export function useDecline(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.POST('/api/public/benefits/results/{id}/decline', { path: { id } }), onSuccess: (r) => { void invalidate(qc, '/api/public/benefits/mine'); on.done?.(r); }, onError: noWait(on.failed) });
}
/** 快申快享: the firm submits the application pre-filled from the register. */
export function useSubmitApplication(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.POST('/api/public/benefits/results/{id}/apply', { path: { id } }), onSuccess: (r) => { void invalidate(qc, '/api/public/benefits/mine'); on.done?.(r); }, onError: noWait(on.failed) });
}
