/** The enforcement domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseAction } from '../../../core/shared/schemas';
import { noWait, api, apiQuery, invalidate, post, uploadFile, type ApiBody, type ApiResponse } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

export type Registered = ApiResponse<'/api/inspections', 'post'>;
type On<T = unknown> = { done: (r: T) => void; failed: (e: Error) => void };

export const useOfficers = (on: string | undefined) => useQuery({ ...apiQuery('/api/enforcement/officers', { query: { on } }), enabled: !!on });
export const usePlans = (year: number) => useQuery(apiQuery('/api/enforcement/plans', { query: { year } }));
export const useInspectionFile = (id: string) => useQuery(apiQuery('/api/inspections/{id}/file', { path: { id } }));
/** The QR image is served by the API as a PNG for an <img>: its address lives here, not in a page. */
export const inspectionQrSrc = (id: string) => `/api/inspections/${encodeURIComponent(id)}/qr.png`;
export const useRegisterInspection = (on: On<Registered>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/inspections'>) => api.POST('/api/inspections', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });

export const useFirmVisit = (token: string) => useQuery({ ...apiQuery('/api/public/inspections/{token}', { path: { token } }), retry: false });
export function useRateVisit(token: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/public/inspections/{token}/rating'>) => api.POST('/api/public/inspections/{token}/rating', { path: { token }, body }),
    onSuccess: (r) => { void invalidate(qc, '/api/public/inspections/{token}'); on.done(r); }, onError: noWait(on.failed),
  });
}

export const usePenaltyFile = (id: string) => useQuery(apiQuery('/api/penalties/{id}/file', { path: { id } }));
export const useFilePenalty = (on: On<ApiResponse<'/api/penalties', 'post'>>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/penalties'>) => api.POST('/api/penalties', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
/** After a transition or an upload both the case and its file have moved on. */
export function useRefreshCase(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: caseKey(id) });
    void invalidate(qc, '/api/penalties/{id}/file');
    void invalidate(qc, '/api/inspections/{id}/file');
  };
}
/** A transition with its own form (the evidence record with its officers): the server names its path. */
export const useActionForm = (action: CaseAction, on: On) =>
  useMutation({ mutationFn: (body: Record<string, unknown>) => post(action.path, body), onSuccess: noWait(on.done), onError: noWait(on.failed) });
/** 全过程记录: the file goes up as the raw request body. */
export const useAttach = (id: string, on: On) =>
  useMutation({
    mutationFn: (file: File) => uploadFile(`/api/penalties/${encodeURIComponent(id)}/attachments?fileName=${encodeURIComponent(file.name)}`, file, 'application/octet-stream', '上传失败'),
    onSuccess: noWait(on.done), onError: noWait(on.failed),
  });
export const attachmentHref = (id: string, attachmentId: string) => `/api/penalties/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;

export const usePublicDecisions = (q: { q?: string; page: number; pageSize: number }) => useQuery(apiQuery('/api/public/enforcement/decisions', { query: q }));
export const usePublicCaps = (year: number) => useQuery(apiQuery('/api/public/enforcement/caps', { query: { year } }));
