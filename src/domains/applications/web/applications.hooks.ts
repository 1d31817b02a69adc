/** The applications domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '../../../core/web/case.hooks';
import { noWait, api, apiQuery, apiUrl, invalidate, uploadFile, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';
import type { PublicGuide } from '../../catalog/public-shared';

export const useServiceItems = () => useQuery(apiQuery('/api/service-items'));
export const usePublicServiceItems = (q: string) => useQuery(apiQuery('/api/public/service-items', { query: { q } }));
export const useCounters = () => useQuery(apiQuery('/api/counters'));
export const useReusableMaterials = (itemId: string) => useQuery(apiQuery('/api/materials/reusable', { query: { itemId } }));
/** The item's guide lists the materials the counter ticks; the document loses a few of its nullable codes, so it is read as the shared type. */
export function useGuide(itemId: string | undefined) {
  const { queryKey } = apiQuery('/api/public/catalog/{id}', { path: { id: itemId ?? '' } });
  return useQuery({ queryKey, queryFn: () => api.GET('/api/public/catalog/{id}', { path: { id: itemId ?? '' } }) as Promise<PublicGuide>, enabled: !!itemId });
}

export type Filed = ApiResponse<'/api/applications', 'post'>;
export type Material = NonNullable<ApiBody<'/api/applications'>['materials']>[number];
export const useFileApplication = (on: { done?: (r: Filed) => void; failed?: (e: Error) => void } = {}) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/applications'>) => api.POST('/api/applications', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
/** Progress by number and id digits is a deliberate action, not a query kept fresh. */
export const useTrackApplication = () =>
  useMutation({ mutationFn: (query: ApiQuery<'/api/public/applications/track'>) => api.GET('/api/public/applications/track', { query }) });

/** One material's file goes up as the raw body; the server decides its type from the content. */
export const uploadMaterial = (file: File, materialName: string, idNumber?: string) =>
  uploadFile<ApiResponse<'/api/materials', 'post'>>(apiUrl('/api/materials', { query: { materialName, fileName: file.name, idNumber } }), file, 'application/octet-stream', '上传失败');

/** An application's materials as handed in, and its 补正 notice. */
export const useApplicationMaterials = (id: string) => useQuery(apiQuery('/api/applications/{id}/materials', { path: { id } }));
/** The applicant's answer to a 补正 notice: a file against each line. */
export function useSubmitCorrection(id: string, on: { done?: () => void; failed?: (e: Error) => void } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/applications/{id}/correct'>) => api.POST('/api/applications/{id}/correct', { path: { id }, body }),
    onSuccess: () => { invalidate(qc, '/api/applications/{id}/materials'); void qc.invalidateQueries({ queryKey: caseKey(id) }); on.done?.(); },
    onError: noWait(on.failed),
  });
}
