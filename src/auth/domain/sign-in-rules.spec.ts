import { lockAfterFailure, lockedForSeconds, needsTouch, passwordProblem, sessionState, USERNAME_PATTERN } from './sign-in-rules';

const at = (s: string) => new Date(`2026-10-12T${s}Z`);
const policy = { idleMinutes: 30, maxHours: 12 };

describe('sessionState', () => {
  it.each([
    ['a fresh session is live', '08:00:00', '08:00:00', '08:10:00', 'live'],
    ['29 idle minutes still live', '08:00:00', '08:00:00', '08:29:59', 'live'],
    ['30 idle minutes end it (idle timeout)', '08:00:00', '08:00:00', '08:30:00', 'idle'],
    ['a busy session ends at its absolute lifetime', '08:00:00', '19:59:00', '20:00:00', 'expired'],
    ['absolute lifetime wins over idle', '08:00:00', '08:00:00', '21:00:00', 'expired'],
  ])('%s', (_name, created, seen, now, expected) => {
    expect(sessionState(at(created), at(seen), at(now), policy)).toBe(expected);
  });
});

describe('needsTouch', () => {
  it.each([
    ['not within the minute', '08:00:00', '08:00:59', false],
    ['after a minute', '08:00:00', '08:01:00', true],
  ])('%s', (_n, seen, now, expected) => expect(needsTouch(at(seen), at(now))).toBe(expected));
});

describe('lockout', () => {
  const lock = { maxFailures: 5, lockoutMinutes: 15 };
  it.each([
    ['4 failures do not lock', 4, null],
    ['the 5th failure locks for 15 minutes', 5, '2026-10-12T08:15:00.000Z'],
  ])('%s', (_n, failures, until) => {
    expect(lockAfterFailure(failures, at('08:00:00'), lock)?.toISOString() ?? null).toBe(until);
  });
  it.each([
    ['not locked', null, '08:00:00', 0],
    ['locked: seconds left, rounded up', '08:15:00', '08:10:00.5', 300],
    ['lock over', '08:15:00', '08:15:00', 0],
  ])('%s', (_n, until, now, seconds) => {
    expect(lockedForSeconds(until ? at(until as string) : null, at(now))).toBe(seconds);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['10 characters pass', 'abcdefghij', {}, null],
    ['9 characters fail', 'abcdefghi', {}, 'must be at least 10 characters'],
    ['Chinese characters count as characters', '我的密码是很长的一句话', {}, null],
    ['the same as the current fails', 'abcdefghij', { current: 'abcdefghij' }, 'must differ from the current password'],
  ])('%s', (_n, next, ctx, expected) => expect(passwordProblem(next, ctx)).toBe(expected));
});

describe('USERNAME_PATTERN', () => {
  it.each([
    ['admin', true],
    ['wang.li-2', true],
    ['a', false],
    ['王', false],
    ['has space', false],
  ])('%s → %s', (name, ok) => expect(USERNAME_PATTERN.test(name)).toBe(ok));
});
