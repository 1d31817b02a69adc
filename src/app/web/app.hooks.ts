/**
 * The app shell's server state: every query and mutation of its own pages (系统管理, the inbox and the
 * password in the header, 工作台, 我的办件), typed from the API document. Who is signed in, the site and
 * figures are the kernel's (core/web/kernel.hooks.ts); a case is core/web/case.hooks.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noWait, api, apiQuery, invalidate, type ApiBody, type ApiQuery } from '../../core/web/api';
import { meKey } from '../../core/web/kernel.hooks';

type Failed = (e: Error) => void;

// ---- 系统管理 -------------------------------------------------------------------------------------------

export const useDivisions = () => useQuery(apiQuery('/api/admin/divisions'));
export function useAddDivision(on: { done: () => void; failed: Failed }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/admin/divisions'>) => api.POST('/api/admin/divisions', { body }),
    onSuccess: () => { on.done(); void invalidate(qc, '/api/admin/divisions'); }, onError: noWait(on.failed),
  });
}

export const useOrgs = (enabled = true) => useQuery({ ...apiQuery('/api/admin/orgs'), enabled });
/** A new org (no id) or an edit. */
export function useSaveOrg(on: { done: () => void; failed: Failed }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ApiBody<'/api/admin/orgs'> }) =>
      (id ? api.PUT('/api/admin/orgs/{id}', { path: { id }, body }) : api.POST('/api/admin/orgs', { body })),
    onSuccess: () => { on.done(); void invalidate(qc, '/api/admin/orgs'); }, onError: noWait(on.failed),
  });
}

export const useRoles = () => useQuery(apiQuery('/api/admin/roles'));

/** A page of users (for a ProTable's request). */
export const listUsers = (query: ApiQuery<'/api/admin/users'>) => api.GET('/api/admin/users', { query });
/** A new user with their roles, or an existing user's roles. */
export const useSaveUser = (on: { done: () => void; failed: Failed }) =>
  useMutation({
    mutationFn: async (v: { user: ApiBody<'/api/admin/users'> } | { id: string; roles: ApiBody<'/api/admin/users/{id}/roles', 'put'>['roles'] }) => {
      if ('user' in v) await api.POST('/api/admin/users', { body: v.user });
      else await api.PUT('/api/admin/users/{id}/roles', { path: { id: v.id }, body: { roles: v.roles } });
    },
    onSuccess: noWait(on.done), onError: noWait(on.failed),
  });
export const useUserAction = (on: { done: () => void; failed: Failed }) =>
  useMutation({
    mutationFn: ({ id, what }: { id: string; what: 'unlock' | 'disable' }) =>
      (what === 'unlock' ? api.POST('/api/admin/users/{id}/unlock', { path: { id } }) : api.POST('/api/admin/users/{id}/disable', { path: { id } })),
    onSuccess: noWait(on.done), onError: noWait(on.failed),
  });

/** A page of the audit log (for a ProTable's request). */
export const listAudit = (query: ApiQuery<'/api/admin/audit'>) => api.GET('/api/admin/audit', { query });

export const useCalendarYear = (year: number) => useQuery(apiQuery('/api/calendar/years/{year}', { path: { year } }));
/** The calendar's writes: a day set or removed, a year opened as a draft, a year published. Each refreshes the year shown. */
export function useCalendarEdits(year: number, on: { saved: () => void; removed: () => void; opened: () => void; published: () => void; failed: Failed }) {
  const qc = useQueryClient();
  const refresh = () => invalidate(qc, '/api/calendar/years/{year}');
  const after = (f: () => void) => () => { f(); void refresh(); };
  return {
    setDay: useMutation({
      mutationFn: ({ date, ...body }: { date: string } & ApiBody<'/api/admin/calendar/days/{date}', 'put'>) => api.PUT('/api/admin/calendar/days/{date}', { path: { date }, body }),
      onSuccess: after(on.saved), onError: noWait(on.failed),
    }),
    removeDay: useMutation({ mutationFn: (date: string) => api.DELETE('/api/admin/calendar/days/{date}', { path: { date } }), onSuccess: after(on.removed), onError: noWait(on.failed) }),
    open: useMutation({ mutationFn: (body: ApiBody<'/api/admin/calendar/years/{year}'>) => api.POST('/api/admin/calendar/years/{year}', { path: { year }, body }), onSuccess: after(on.opened), onError: noWait(on.failed) }),
    publish: useMutation({ mutationFn: () => api.POST('/api/admin/calendar/years/{year}/publish', { path: { year } }), onSuccess: after(on.published), onError: noWait(on.failed) }),
  };
}

// ---- the header: inbox, password, sign out -------------------------------------------------------------

export const useInbox = () => useQuery({ ...apiQuery('/api/inbox'), refetchInterval: 60_000 });
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.POST('/api/inbox/{id}/read', { path: { id } }), onSuccess: () => invalidate(qc, '/api/inbox') });
}

export function useChangePassword(on: { done: () => void; failed: Failed }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/password'>) => api.POST('/api/auth/password', { body }),
    onSuccess: () => { on.done(); void qc.invalidateQueries({ queryKey: meKey }); }, onError: noWait(on.failed),
  });
}

/** Signing out, whatever the answer, ends the session here: every cached answer is dropped. */
export function useLogout(then: () => void) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.POST('/api/auth/logout'), onSettled: () => { qc.clear(); then(); } });
}

// ---- 工作台 and 我的办件 -----------------------------------------------------------------------------------

/** A page of my to-do cases (for a ProTable's request). */
export const listWorkbench = (query: ApiQuery<'/api/workbench'>) => api.GET('/api/workbench', { query });

/** The citizen's own cases, newest first (the portal shows the first 50). */
export const useMyCases = (enabled: boolean) => useQuery({ ...apiQuery('/api/my/cases', { query: { pageSize: 50 } }), enabled });
export const useRateCase = (onDone: () => void) =>
  useMutation({ mutationFn: (body: ApiBody<'/api/ratings'>) => api.POST('/api/ratings', { body }), onSuccess: onDone });
