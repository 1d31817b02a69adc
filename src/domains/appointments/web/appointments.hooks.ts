/** The appointments domain's server state: every query and mutation its pages use, typed from the API document. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiResponse } from '../../../core/web/api';

export type Slot = ApiResponse<'/api/public/appointment-slots'>['slots'][number];
export type DayAppointment = ApiResponse<'/api/appointments'>[number];

export const useAppointmentSites = () => useQuery(apiQuery('/api/public/appointment-sites'));
/** The days a site has slots on (no day asked), then one day's slots. */
export const useSlotDays = (orgId: string | undefined) => useQuery({ ...apiQuery('/api/public/appointment-slots', { query: { orgId: orgId ?? '' } }), enabled: !!orgId });
export const useSlots = (orgId: string | undefined, day: string | undefined) =>
  useQuery({ ...apiQuery('/api/public/appointment-slots', { query: { orgId: orgId ?? '', day } }), enabled: !!orgId && !!day });
export const useDayAppointments = (day: string) => useQuery(apiQuery('/api/appointments', { query: { day } }));

export const useBookAppointment = (onFailed: () => void) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/public/appointments'>) => api.POST('/api/public/appointments', { body }), onError: onFailed });
export function useArrive(on: { done: () => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.POST('/api/appointments/{id}/arrive', { path: { id } }),
    onSuccess: () => { on.done(); void invalidate(qc, '/api/appointments'); },
    onError: noWait(on.failed),
  });
}
