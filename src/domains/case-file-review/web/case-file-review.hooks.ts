/** Case-file review's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiResponse } from '../../../core/web/api';

type On<T = unknown> = { done: (r: T) => void; failed: (e: Error) => void };

export const useCampaigns = () => useQuery(apiQuery('/api/case-file-review/campaigns'));
export const useUnitOptions = () => useQuery(apiQuery('/api/case-file-review/orgs'));
export const useCampaign = (id: string) => useQuery(apiQuery('/api/case-file-review/campaigns/{id}', { path: { id } }));
export const useReviewFile = (id: string) => useQuery(apiQuery('/api/case-file-review/files/{id}', { path: { id } }));
export type ReviewFile = ApiResponse<'/api/case-file-review/files/{id}', 'get'>;

export const useCreateCampaign = (on: On<{ id: string }>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/case-file-review/campaigns'>) => api.POST('/api/case-file-review/campaigns', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });

/** Every campaign mutation refreshes the campaign (its files, scores, rectifications) and the list. */
function useCampaignMutation<B>(fn: (body: B) => Promise<unknown>, on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      void invalidate(qc, '/api/case-file-review/campaigns/{id}');
      void invalidate(qc, '/api/case-file-review/campaigns');
      void invalidate(qc, '/api/case-file-review/files/{id}');
      on.done(r);
    },
    onError: noWait(on.failed),
  });
}
export const useSample = (id: string, on: On) =>
  useCampaignMutation((body: ApiBody<'/api/case-file-review/campaigns/{id}/sample'>) => api.POST('/api/case-file-review/campaigns/{id}/sample', { path: { id }, body }), on);
export const useAddFile = (id: string, on: On) =>
  useCampaignMutation((body: ApiBody<'/api/case-file-review/campaigns/{id}/files'>) => api.POST('/api/case-file-review/campaigns/{id}/files', { path: { id }, body }), on);
export const useIssueRectification = (id: string, on: On) =>
  useCampaignMutation((body: ApiBody<'/api/case-file-review/campaigns/{id}/rectifications'>) => api.POST('/api/case-file-review/campaigns/{id}/rectifications', { path: { id }, body }), on);
export const useAddMeasure = (id: string, on: On) =>
  useCampaignMutation((body: ApiBody<'/api/case-file-review/campaigns/{id}/measures'>) => api.POST('/api/case-file-review/campaigns/{id}/measures', { path: { id }, body }), on);
export const useScoreFile = (id: string, on: On) =>
  useCampaignMutation((body: ApiBody<'/api/case-file-review/files/{id}/score'>) => api.POST('/api/case-file-review/files/{id}/score', { path: { id }, body }), on);
export const useRescoreFile = (id: string, on: On) =>
  useCampaignMutation((body: ApiBody<'/api/case-file-review/files/{id}/rescore'>) => api.POST('/api/case-file-review/files/{id}/rescore', { path: { id }, body }), on);

// ---- 执法监督 ----
export const useSupervisionUnits = () => useQuery(apiQuery('/api/supervision/orgs'));
export const useJointMeetings = () => useQuery(apiQuery('/api/supervision/joint-meetings'));
export const useOpenSupervision = (on: On<{ id: string; refNo: string }>) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/supervision/matters'>) => api.POST('/api/supervision/matters', { body }), onSuccess: noWait(on.done), onError: noWait(on.failed) });
export function useRecordJointMeeting(on: On) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/supervision/joint-meetings'>) => api.POST('/api/supervision/joint-meetings', { body }),
    onSuccess: (r) => { void invalidate(qc, '/api/supervision/joint-meetings'); on.done(r); },
    onError: noWait(on.failed),
  });
}
