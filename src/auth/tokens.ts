import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: bearer tokens and calendar-feed secrets. */
export function newToken(prefix = 'dl'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are random and long, so one fast hash is enough to keep them out of the database. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
