/** law-study's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, apiUrl, invalidate, uploadFile, uploadSheet, type SheetImportError, type ApiBody } from '../../../core/web/api';

type On = { done?: () => void; failed?: (e: Error) => void };

export const useOfficials = () => useQuery(apiQuery('/api/law-study/officials'));
export const useSessions = (year: number, page: number) => useQuery(apiQuery('/api/law-study/sessions', { query: { year, page, pageSize: 20 } }));
export const useQuarterlyCheck = (year: number) => useQuery(apiQuery('/api/law-study/quarterly-check', { query: { year } }));
export function useRecordSession(on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/law-study/sessions'>) => api.POST('/api/law-study/sessions', { body }),
    onSuccess: () => { void invalidate(qc, '/api/law-study/sessions', '/api/law-study/quarterly-check'); on.done?.(); }, onError: noWait(on.failed),
  });
}
export function useSyncOfficials() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.POST('/api/law-study/officials/sync'), onSuccess: () => { void invalidate(qc, '/api/law-study/officials'); } });
}

export const useExams = () => useQuery(apiQuery('/api/law-exams'));
export function useCreateExam(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApiBody<'/api/law-exams'>) => api.POST('/api/law-exams', { body }), onSuccess: () => { void invalidate(qc, '/api/law-exams'); on.done?.(); }, onError: noWait(on.failed) });
}
export const useStartExam = (on: { done: (attemptId: string) => void; failed: (e: Error) => void }) =>
  useMutation({ mutationFn: (id: string) => api.POST('/api/law-exams/{id}/start', { path: { id } }), onSuccess: (r) => on.done(r.attemptId), onError: noWait(on.failed) });
export const usePaper = (id: string) => useQuery({ ...apiQuery('/api/law-exams/attempts/{id}', { path: { id } }), refetchOnWindowFocus: false });
export const useSaveAnswers = (id: string) =>
  useMutation({ mutationFn: (answers: Record<string, string>) => api.PUT('/api/law-exams/attempts/{id}/answers', { path: { id }, body: { answers } }) });
export function useSubmitExam(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, string>) => api.POST('/api/law-exams/attempts/{id}/submit', { path: { id }, body: { answers } }),
    onSuccess: () => { void invalidate(qc, '/api/law-exams/attempts/{id}', '/api/law-exams'); },
  });
}
export const useUnitRates = (id: string | undefined) => useQuery({ ...apiQuery('/api/law-exams/{id}/units', { path: { id: id ?? '' } }), enabled: !!id });
export const useItemStats = (id: string | undefined) => useQuery({ ...apiQuery('/api/law-exams/{id}/items', { path: { id: id ?? '' } }), enabled: !!id });
export const useBank = () => useQuery(apiQuery('/api/law-exams/questions'));
export function useImportBank(on: { done: (n: number) => void; failed: (e: SheetImportError) => void }) {
  const qc = useQueryClient();
  return useMutation<{ imported: number }, SheetImportError, File>({
    mutationFn: (file) => uploadSheet('/api/law-exams/questions/import', file),
    onSuccess: (r) => { void invalidate(qc, '/api/law-exams/questions'); on.done(r.imported); }, onError: noWait(on.failed),
  });
}

export const useMeetings = (year: number) => useQuery(apiQuery('/api/law-study/meetings', { query: { year } }));
export function useRecordMeeting(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApiBody<'/api/law-study/meetings'>) => api.POST('/api/law-study/meetings', { body }), onSuccess: () => { void invalidate(qc, '/api/law-study/meetings'); on.done?.(); }, onError: noWait(on.failed) });
}
export const useShufa = (year: number) => useQuery(apiQuery('/api/law-study/shufa', { query: { year } }));
export const useShufaDraft = () => useMutation({ mutationFn: (v: { id: string; year: number }) => api.GET('/api/law-study/shufa/draft/{id}', { path: { id: v.id }, query: { year: v.year } }) });
export function useRecordShufa(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApiBody<'/api/law-study/shufa'>) => api.POST('/api/law-study/shufa', { body }), onSuccess: () => { void invalidate(qc, '/api/law-study/shufa'); on.done?.(); }, onError: noWait(on.failed) });
}
export function useRateShufa(on: On) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: string; body: ApiBody<'/api/law-study/shufa/{id}/rate'> }) => api.POST('/api/law-study/shufa/{id}/rate', { path: { id: v.id }, body: v.body }), onSuccess: () => { void invalidate(qc, '/api/law-study/shufa'); on.done?.(); }, onError: noWait(on.failed) });
}

// ---- session materials ----
export const useMaterials = (sessionId: string) => useQuery(apiQuery('/api/law-study/sessions/{id}/materials', { path: { id: sessionId } }));
export const materialUrl = (sessionId: string, materialId: string) => apiUrl('/api/law-study/sessions/{id}/materials/{materialId}', { path: { id: sessionId, materialId } });
export function useAttachMaterial(sessionId: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile(`/api/law-study/sessions/${sessionId}/materials?fileName=${encodeURIComponent(file.name)}`, file, file.type || 'application/octet-stream', '上传失败'),
    onSuccess: () => { void invalidate(qc, '/api/law-study/sessions/{id}/materials'); on.done?.(); }, onError: noWait(on.failed),
  });
}
export function useDeleteMaterial(sessionId: string, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (materialId: string) => api.DELETE('/api/law-study/sessions/{id}/materials/{materialId}', { path: { id: sessionId, materialId } }),
    onSuccess: () => { void invalidate(qc, '/api/law-study/sessions/{id}/materials'); on.done?.(); }, onError: noWait(on.failed),
  });
}
