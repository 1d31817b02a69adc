/** Major decisions' server state, typed from the API document. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiQuery, type ApiBody } from '../../../core/web/api';

export const useDecisionCatalog = (year: number) => useQuery(apiQuery('/api/public/major-decisions', { query: { year } }));
/** The drafting offices to choose from: the public disclosure list names every office of the county. */
export const useDraftingOrgs = () => useQuery(apiQuery('/api/public/disclosure/orgs'));

export function useAddDecision(onAdded: (r: { id: string }) => void) {
  return useMutation({ mutationFn: (body: ApiBody<'/api/major-decisions'>) => api.POST('/api/major-decisions', { body }), onSuccess: onAdded });
}
