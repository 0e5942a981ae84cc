import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The one place that reads who a request claims to be: a bearer token (integrations,
 * scripts, court systems) or the console's session cookie. A bearer header wins, so a
 * script that happens to carry a cookie works exactly as before.
 */
export type Credentials = { kind: 'bearer'; token: string } | { kind: 'session'; secret: string };

export const SESSION_COOKIE = 'dl_session';
export const CSRF_HEADER = 'x-csrf-token';

export function bearerOf(header: string | undefined): string | undefined {
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

export function credentialsOf(headers: IncomingHttpHeaders): Credentials | null {
  const token = bearerOf(headers.authorization);
  if (token) return { kind: 'bearer', token };
  const secret = cookieOf(headers.cookie, SESSION_COOKIE);
  return secret ? { kind: 'session', secret } : null;
}

/**
 * The CSRF token is derived from the session secret: a page of another origin can make
 * the browser send the cookie but cannot read it, so it cannot compute this header.
 */
export function csrfTokenFor(secret: string): string {
  return createHash('sha256').update(`csrf:${secret}`, 'utf8').digest('base64url');
}

export function csrfMatches(secret: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Reads need no CSRF token; everything else sent with a cookie does. */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

export function sessionCookie(secret: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${secret}`,
    'Path=/',
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
