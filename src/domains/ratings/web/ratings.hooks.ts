/** The ratings domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery, type ApiBody, type ApiQuery } from '../../../core/web/api';

export const useRatingBreakdown = (query: ApiQuery<'/api/ratings/breakdown'>) => useQuery(apiQuery('/api/ratings/breakdown', { query }));
export const useRatingSites = () => useQuery(apiQuery('/api/ratings/sites'));
export const useCounters = () => useQuery(apiQuery('/api/counters'));

export function useEvaluatorRating() {
  return useMutation({ mutationFn: (body: ApiBody<'/api/ratings/evaluator'>) => api.POST('/api/ratings/evaluator', { body }) });
}

/** Reading the rater's phone is audited, so it is an explicit action rather than a query. */
export const useRaterContact = (id: string) => useMutation({ mutationFn: () => api.GET('/api/complaint-fixes/{id}/rater', { path: { id } }) });

/** What a public rating page rates: an invitation SMS's token, or a QR code's site, counter or staff member. */
export type RatingTarget = { token: string } | { kind: 'site' | 'counter' | 'staff'; id: string };
export type RatingForm = { heading: string; indicators: { key: string; label: string }[]; askPhone: boolean; rated?: boolean };

/** The heading and sub-indicators of the thing being rated. */
export function useRatingForm(t: RatingTarget) {
  return useQuery({
    queryKey: 'token' in t ? apiQuery('/api/public/rating-invitations/{token}', { path: t }).queryKey : apiQuery('/api/public/rating-targets/{kind}/{id}', { path: t }).queryKey,
    queryFn: async (): Promise<RatingForm> => {
      if ('token' in t) {
        const r = await api.GET('/api/public/rating-invitations/{token}', { path: t });
        return { heading: `${r.orgName} · ${r.title}`, indicators: r.indicators, askPhone: false, rated: r.rated };
      }
      const r = await api.GET('/api/public/rating-targets/{kind}/{id}', { path: t });
      return { heading: t.kind === 'site' ? r.name : `${r.orgName} · ${r.name}`, indicators: r.indicators, askPhone: true };
    },
  });
}

export function useSendRating(t: RatingTarget) {
  return useMutation({
    mutationFn: (body: ApiBody<'/api/public/rating-targets/{kind}/{id}'>) => ('token' in t
      ? api.POST('/api/public/rating-invitations/{token}', { path: t, body })
      : api.POST('/api/public/rating-targets/{kind}/{id}', { path: t, body })),
  });
}
