/**
 * The one HTTP client of the web app: same-origin cookies, the CSRF header on every write, and errors
 * surfaced as ApiError carrying the server's Chinese message and field messages.
 */
import { QueryClient } from '@tanstack/react-query';

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public fields: { path: string; message: string }[] = []) {
    super(message);
  }
}

const csrf = () => document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))?.slice('zt_csrf='.length) ?? '';

let onUnauthenticated: (message: string) => void = () => {};
export const setUnauthenticatedHandler = (f: (message: string) => void) => { onUnauthenticated = f; };

export async function api<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' ? { 'x-csrf-token': decodeURIComponent(csrf()) } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: { fields?: { path: string; message: string }[] } };
    const err = new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? `请求失败（${res.status}）`, e.details?.fields ?? []);
    if (res.status === 401 && !url.endsWith('/api/auth/login')) onUnauthenticated(err.message);
    throw err;
  }
  return data as T;
}

function safeJson(t: string): unknown { try { return JSON.parse(t); } catch { return t; } }

export const get = <T,>(url: string) => api<T>('GET', url);
export const post = <T,>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const put = <T,>(url: string, body: unknown = {}) => api<T>('PUT', url, body);
export const del = <T,>(url: string) => api<T>('DELETE', url);

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2, refetchOnWindowFocus: false } },
});

export const qs = (o: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString();
