/** The reconsideration domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiQuery, type ApiResponse } from '../../../core/web/api';
import { caseKey } from '../../../core/web/case.hooks';

export type Filed = ApiResponse<'/api/reconsiderations', 'post'>;

export const useRespondents = () => useQuery(apiQuery('/api/public/reconsideration/respondents'));

/** The substance of a case: application, challenged act, answer, outcome, the documents. */
export const useSubstance = (id: string) => useQuery(apiQuery('/api/reconsiderations/{id}/substance', { path: { id } }));
/** After a transition both the case and its substance have moved on. */
export function useRefreshReconsideration(id: string) {
  const qc = useQueryClient();
  return () => { void qc.invalidateQueries({ queryKey: caseKey(id) }); void invalidate(qc, '/api/reconsiderations/{id}/substance'); void invalidate(qc, '/api/reconsiderations/{id}/opinions'); };
}

export const useFileReconsideration = (onFiled: (f: Filed) => void, onError: (e: Error) => void) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/reconsiderations'>) => api.POST('/api/reconsiderations', { body }), onSuccess: onFiled, onError });

/** Progress by number and phone digits is a deliberate action (rate-limited), not a query kept fresh. */
export const useTrackReconsideration = () =>
  useMutation({ mutationFn: (query: ApiQuery<'/api/public/reconsiderations/track'>) => api.GET('/api/public/reconsiderations/track', { query }) });
export const useSupplyReconsideration = (onDone: () => void) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/public/reconsiderations/supply'>) => api.POST('/api/public/reconsiderations/supply', { body }), onSuccess: onDone });

/** The 意见书 / 建议书 issued on a case (第76条), and issuing one. */
export const useOpinions = (id: string) => useQuery(apiQuery('/api/reconsiderations/{id}/opinions', { path: { id } }));
export const useIssueOpinion = (id: string, on: { done: () => void; failed: (e: Error) => void }) =>
  useMutation({
    mutationFn: (body: ApiBody<'/api/reconsiderations/{id}/opinions'>) => api.POST('/api/reconsiderations/{id}/opinions', { path: { id }, body }),
    onSuccess: noWait(on.done), onError: noWait(on.failed),
  });

/** One 意见书 on its own page: the letter, the addressee's report and the 复议 case it came from. */
export const useOpinionSubstance = (id: string) => useQuery(apiQuery('/api/reconsideration-opinions/{id}/substance', { path: { id } }));
/** The addressee's report of its correction (第76条): the machine's `reply` event. */
export function useReplyOpinion(id: string, on: { done: () => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/reconsideration-opinions/{id}/reply'>) => api.POST('/api/reconsideration-opinions/{id}/reply', { path: { id }, body }),
    onSuccess: noWait(on.done), onError: noWait(on.failed),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: caseKey(id) }); void qc.invalidateQueries({ queryKey: ['workbench'] });
      void invalidate(qc, '/api/reconsideration-opinions/{id}/substance', '/api/reconsiderations/{id}/opinions');
    },
  });
}
