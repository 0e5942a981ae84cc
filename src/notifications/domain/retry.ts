/** What happens to a mail after a failed attempt. */
export type FailureOutcome = { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date };

/**
 * Exponential backoff: after attempt n the next one waits base·2^(n−1), so an SMTP outage
 * is not hammered; after `maxAttempts` the mail is parked as failed for an admin to resend.
 */
export function afterFailure(attempts: number, policy: { maxAttempts: number; retryBaseMs: number }, now: Date): FailureOutcome {
  if (attempts >= policy.maxAttempts) return { status: 'failed' };
  const delay = policy.retryBaseMs * 2 ** Math.max(0, attempts - 1);
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay) };
}
