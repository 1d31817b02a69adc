/**
 * The one HTTP client of the web app: same-origin cookies, the CSRF header on every write, and errors
 * surfaced as ApiError carrying the server's Chinese message and field messages.
 *
 * `api.GET('/api/callbacks/{id}', { path: { id } })` is typed from `paths` (api.schema.ts, generated from
 * the server's OpenAPI document by `npm run api:types`): the path must exist for that method, its path
 * and query parameters and body are the route's schemas, and the result is its 200/201 body. The types
 * are erased at build time; what runs is `request` below. `post` remains for the one kind of URL the
 * document does not describe: a path the server names at run time, such as a case action's.
 */
import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { paths } from './api.schema';
import type { ImportRowError } from '../shared/import-errors';

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public fields: { path: string; message: string }[] = []) {
    super(message);
  }
}

const csrf = () => document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))?.slice('zt_csrf='.length) ?? '';

let onUnauthenticated: (message: string) => void = () => {};
export const setUnauthenticatedHandler = (f: (message: string) => void) => { onUnauthenticated = f; };

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
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

export const qs = (o: Record<string, string | number | boolean | undefined | null>) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString();

// ---- typed from the OpenAPI document ----------------------------------------------------------------

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';
/** The paths that answer a method. */
export type PathsOf<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];
type Op<P extends keyof paths, M extends Method> = paths[P][M] extends infer O ? (O extends { responses: unknown } ? O : never) : never;
// A route that declares no response schema answers `unknown`: its hook states the shape.
type Json<C> = C extends { content: { 'application/json': infer B } } ? B : C extends { content: { 'application/json'?: infer B } } ? B : unknown;
type Success<R> = R extends { 200: infer X } ? Json<X> : R extends { 201: infer X } ? Json<X> : R extends { 204: unknown } ? null : unknown;

/** The body a path answers with on success. */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = Success<Op<P, M>['responses']>;
/** The JSON body a path accepts. */
export type ApiBody<P extends keyof paths, M extends Method = 'post'> = Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** The query parameters of a path. */
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> = NonNullable<Op<P, M>['parameters']['query']>;

type Defined<T> = [T] extends [never] ? false : [T] extends [undefined] ? false : true;
type PathPart<O> = O extends { parameters: { path: infer X } } ? (Defined<X> extends true ? { path: X } : { path?: never }) : { path?: never };
type QueryPart<O> = O extends { parameters: { query?: infer X } } ? (Defined<X> extends true ? { query?: X } : { query?: never }) : { query?: never };
type BodyPart<O> = O extends { requestBody: infer B } ? { body: Json<B> } : O extends { requestBody?: infer B } ? (Defined<B> extends true ? { body?: Json<NonNullable<B>> } : { body?: never }) : { body?: never };
/** What a call passes: path parameters (required when the path has any), query, body. */
export type ApiInit<P extends keyof paths, M extends Method> = PathPart<Op<P, M>> & QueryPart<Op<P, M>> & BodyPart<Op<P, M>>;
type InitArgs<P extends keyof paths, M extends Method> = {} extends ApiInit<P, M> ? [init?: ApiInit<P, M>] : [init: ApiInit<P, M>];

/** The URL of a path with its parameters filled in and its query appended. */
export function apiUrl(path: string, init: { path?: object; query?: object } = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String((init.path as Record<string, unknown> | undefined)?.[k] ?? '')));
  const q = init.query ? qs(init.query as Record<string, string | number | boolean | undefined | null>) : '';
  return q ? `${filled}?${q}` : filled;
}

function call(method: string) {
  return (path: string, init: { path?: object; query?: object; body?: unknown } = {}) =>
    request(method, apiUrl(path, init), method === 'GET' || method === 'DELETE' ? init.body : (init.body ?? {}));
}

export const api = {
  GET: call('GET') as <P extends PathsOf<'get'>>(path: P, ...init: InitArgs<P, 'get'>) => Promise<ApiResponse<P, 'get'>>,
  POST: call('POST') as <P extends PathsOf<'post'>>(path: P, ...init: InitArgs<P, 'post'>) => Promise<ApiResponse<P, 'post'>>,
  PUT: call('PUT') as <P extends PathsOf<'put'>>(path: P, ...init: InitArgs<P, 'put'>) => Promise<ApiResponse<P, 'put'>>,
  PATCH: call('PATCH') as <P extends PathsOf<'patch'>>(path: P, ...init: InitArgs<P, 'patch'>) => Promise<ApiResponse<P, 'patch'>>,
  DELETE: call('DELETE') as <P extends PathsOf<'delete'>>(path: P, ...init: InitArgs<P, 'delete'>) => Promise<ApiResponse<P, 'delete'>>,
};

/**
 * A react-query query for a GET: its key is the path then its parameters, so every domain's keys follow
 * one rule and `invalidate(qc, path)` refreshes every query on that path whatever its parameters.
 */
export function apiQuery<P extends PathsOf<'get'>>(path: P, ...init: InitArgs<P, 'get'>) {
  return queryOptions({ queryKey: [path, init[0] ?? {}] as const, queryFn: () => api.GET(path, ...init) as Promise<ApiResponse<P, 'get'>> });
}

/** Refreshes every query on these paths (any parameters). */
export function invalidate(qc: QueryClient, ...paths: PathsOf<'get'>[]) {
  return Promise.all(paths.map((p) => qc.invalidateQueries({ queryKey: [p] })));
}

// ---- untyped, for URLs outside the document ---------------------------------------------------------

/**
 * A file goes up as the raw request body, not JSON (the catalog's .xlsx 台账, an application's material).
 * A refusal is an ApiError carrying the server's `details`, for callers that show them (bad rows).
 */
export async function uploadFile<T>(url: string, file: Blob, contentType: string, failed: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': contentType, 'x-csrf-token': decodeURIComponent(csrf()) }, body: file });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new ApiError(res.status, body.code ?? 'INTERNAL', body.message ?? `${failed}（${res.status}）`), { details: body.details as unknown });
  return body as T;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An error of an all-or-nothing import, carrying the refused rows the server listed. */
export type SheetImportError = Error & { rows?: ImportRowError[] };
/** An xlsx exchange file up as the raw body; a refused file throws with its bad rows in `rows`. */
export async function uploadSheet<T>(url: string, file: Blob): Promise<T> {
  try {
    return await uploadFile<T>(url, file, XLSX, '导入失败');
  } catch (e) {
    throw Object.assign(e as Error, { rows: (e as { details?: { rows?: ImportRowError[] } }).details?.rows });
  }
}

/** A POST to a path the server names at run time (a case action's `path`), so not in the document. */
export const post = <T,>(url: string, body: unknown = {}) => request<T>('POST', url, body);

/**
 * A mutation callback that is called, not awaited. react-query awaits whatever onSuccess/onError return,
 * and antd's `message.error(...)` returns a promise that settles only when the toast closes: a hook
 * wired `onError: noWait(on.failed)` with `failed: (e) => message.error(e.message)` kept its button spinning
 * (and deaf to clicks) for three seconds after every refusal, so a clerk who fixed the field and clicked
 * again at once was ignored.
 */
export const noWait = <A extends unknown[]>(f: ((...args: A) => unknown) | undefined) => (...args: A): void => { f?.(...args); };

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2, refetchOnWindowFocus: false } },
});
