/**
 * The kernel's server state outside a case (the case is case.hooks.ts): who is signed in, signing in and
 * registering, the site, and a figure with the records behind it. Typed from the API document.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery, type ApiBody, type ApiQuery, type ApiResponse } from './api';

export type Me = ApiResponse<'/api/auth/me'>;

/** The staff session. `['me']`: the login page seeds it, the shell drops it on a 401 and refreshes it after a password change. */
export const meKey = ['me'] as const;
export const useMeQuery = () => useQuery({ queryKey: meKey, queryFn: () => api.GET('/api/auth/me'), retry: false, staleTime: 60_000 });

/**
 * The citizen's session on public pages, asked without the app-wide 401 handler: a visitor on a public
 * page is simply not signed in (null), not sent to the staff login.
 */
export const publicMeKey = ['public-me'] as const;
async function whoAmI(): Promise<Me | null> {
  const r = await fetch('/api/auth/me', { credentials: 'same-origin' });
  return r.ok ? ((await r.json()) as Me) : null;
}
export const usePublicMeQuery = () => useQuery({ queryKey: publicMeKey, queryFn: whoAmI, retry: false });

/** Which county this site serves. main.tsx seeds this query at start; the answer changes only with a redeploy. */
export const publicSiteQuery = () => ({ ...apiQuery('/api/public/site'), staleTime: Infinity });
export const usePublicSiteQuery = () => useQuery(publicSiteQuery());

export const useLogin = (onDone: (me: ApiResponse<'/api/auth/login', 'post'>) => void) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/auth/login'>) => api.POST('/api/auth/login', { body }), onSuccess: onDone });

/** A citizen signing in on a public page: their session query refreshes. */
export function usePublicLogin() {
  const qc = useQueryClient();
  return useLogin(() => { void qc.invalidateQueries({ queryKey: publicMeKey }); });
}

/** 注册 then sign in with the new account (the username is the upper-cased ID number). */
export function useRegister(onError: (e: Error) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApiBody<'/api/auth/register'>) => {
      await api.POST('/api/auth/register', { body });
      return api.POST('/api/auth/login', { body: { username: body.idNumber.toUpperCase(), password: body.password } });
    },
    onSuccess: () => { void qc.invalidateQueries({ queryKey: publicMeKey }); },
    onError,
  });
}

export type MetricQuery = ApiQuery<'/api/metrics/{key}'>;
type Which = 'numerator' | 'denominator';
/**
 * One figure. A figure's page passes the query of its URL as it stands (the server refuses one
 * without from and to, and the page shows that refusal).
 */
export const useMetric = (key: string, query: Partial<MetricQuery>, enabled = true) =>
  useQuery({ ...apiQuery('/api/metrics/{key}', { path: { key }, query: query as MetricQuery }), enabled });
/** A page of the cases behind a figure (for a ProTable's request). */
export const metricRecords = (key: string, query: Partial<MetricQuery> & { which: Which; page?: number; pageSize?: number }) =>
  api.GET('/api/metrics/{key}/records', { path: { key }, query: query as MetricQuery & typeof query });
/** A page of the registry rows behind a figure that is not about cases. */
export const useMetricRows = (key: string, query: Partial<MetricQuery> & { which: Which; page: number; pageSize: number }) =>
  useQuery(apiQuery('/api/metrics/{key}/rows', { path: { key }, query: query as MetricQuery & typeof query }));
