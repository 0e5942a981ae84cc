import { afterFailure } from './retry';

const now = new Date('2026-10-12T02:00:00Z');
const policy = { maxAttempts: 4, retryBaseMs: 30_000 };

describe('afterFailure', () => {
  it.each([
    ['first failure waits the base delay', 1, 30_000],
    ['second failure doubles it', 2, 60_000],
    ['third failure doubles again', 3, 120_000],
  ])('%s', (_name, attempts, delay) => {
    expect(afterFailure(attempts, policy, now)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + delay) });
  });

  it.each([
    ['the last allowed attempt', 4],
    ['attempts beyond the limit (a reclaimed lease)', 5],
  ])('gives up after %s', (_name, attempts) => {
    expect(afterFailure(attempts, policy, now)).toEqual({ status: 'failed' });
  });
});
