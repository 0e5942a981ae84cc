/**
 * The sign-in rules as pure functions: the services load the user or session, ask these,
 * and write what they answer. Times are instants passed in (the one Clock), never read here.
 */

export interface SessionPolicy {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
  /** Hours after sign-in after which a session ends, however busy. */
  maxHours: number;
}

export type SessionState = 'live' | 'idle' | 'expired';

const MINUTE = 60_000;

export function sessionState(createdAt: Date, lastSeenAt: Date, now: Date, policy: SessionPolicy): SessionState {
  if (now.getTime() >= createdAt.getTime() + policy.maxHours * 60 * MINUTE) return 'expired';
  if (now.getTime() >= lastSeenAt.getTime() + policy.idleMinutes * MINUTE) return 'idle';
  return 'live';
}

/** A session's last-seen time is written at most once a minute: a write per request would be a write per read. */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= MINUTE;
}

export interface LockoutPolicy {
  /** Failed sign-ins in a row that lock the account. */
  maxFailures: number;
  lockoutMinutes: number;
}

/** Seconds until a locked account may try again; 0 when it is not locked. */
export function lockedForSeconds(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}

/** After a failure that made `failures` in a row: lock until when, or not yet. */
export function lockAfterFailure(failures: number, now: Date, policy: LockoutPolicy): Date | null {
  return failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockoutMinutes * MINUTE) : null;
}

export const MIN_PASSWORD_LENGTH = 10;

/** The reason a new password is refused, or null. Length over rules: long passphrases beat symbol quotas. */
export function passwordProblem(next: string, context: { current?: string } = {}): string | null {
  if ([...next].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (next.length > 200) return 'must be at most 200 characters';
  if (context.current !== undefined && next === context.current) return 'must differ from the current password';
  return null;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/;
