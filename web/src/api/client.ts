import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import { describeError, type ErrorBody, type FieldError } from './errors';

/**
 * The one way the console talks to the server: same-origin `/api/v1`, the session cookie,
 * the CSRF header on every write, and errors in Chinese. A failed call shows a message
 * (ElMessage) unless the caller passes `{silent: true}` to show it in its form instead.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    /** Chinese reason per field, for el-form-item's `error`. */
    readonly fields: Record<string, string>,
    readonly details: FieldError[],
    readonly body: ErrorBody | null,
  ) {
    super(message);
  }
}

export interface CallOptions {
  /** Do not show the error as a message: the caller shows it (forms, expected 404s). */
  silent?: boolean;
  query?: Record<string, string | number | boolean | undefined>;
  /** Extra request headers (e.g. `Idempotency-Key` on a court notice). */
  headers?: Record<string, string>;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session store registers what to do when the server says the session is gone. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

function url(path: string, query?: CallOptions['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) qs.set(k, String(v));
  const s = qs.toString();
  return `/api/v1${path}${s ? `?${s}` : ''}`;
}

async function send(method: string, path: string, body: unknown, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch {
    throw fail(0, null, options);
  }
  if (res.ok) return res;
  const errorBody = (await res.json().catch(() => null)) as ErrorBody | null;
  // The sign-in calls answer 401 as an answer (nobody signed in, wrong password), not as an expiry.
  // An expiry is told once, by the login page's notice, not again as a toast.
  if (res.status === 401 && !path.startsWith('/auth/') && onUnauthorized) {
    onUnauthorized();
    throw fail(res.status, errorBody, { ...options, silent: true });
  }
  throw fail(res.status, errorBody, options);
}

function fail(status: number, body: ErrorBody | null, options: CallOptions): ApiError {
  const { message, fields } = describeError(status, body);
  if (!options.silent) ElMessage.error({ message, grouping: true });
  return new ApiError(status, body?.code, message, fields, body?.details ?? [], body);
}

/** JSON in, JSON out (undefined for 204). */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<T> {
  const res = await send(method, path, body, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file from the API (letters, CSV/XLSX exports) with the name the server gave it. */
export async function download(path: string, options: CallOptions = {}): Promise<{ blob: Blob; filename: string | null }> {
  const res = await send('GET', path, undefined, options);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob: await res.blob(), filename: star ? decodeURIComponent(star[1]) : (plain?.[1] ?? null) };
}

/** A page of a list endpoint: its items and the total before limit/offset (`X-Total-Count`). */
export async function page<T>(path: string, options: CallOptions = {}): Promise<{ items: T[]; total: number }> {
  const res = await send('GET', path, undefined, options);
  const items = (await res.json()) as T[];
  return { items, total: Number(res.headers.get('X-Total-Count') ?? items.length) };
}
