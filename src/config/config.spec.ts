import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: 'sqlite:data/duty.sqlite', courtTimezone: 'Asia/Shanghai' });
    expect(c.ledger).toEqual({ lateGraceMin: 15, earlyCheckInMin: 60 });
  });

  it('lets the environment override', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', COURT_TIMEZONE: 'Asia/Urumqi' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h/db', courtTimezone: 'Asia/Urumqi' });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: .*mysql:\/\/x/],
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ COURT_TIMEZONE: 'Mars/Olympus' }, /^COURT_TIMEZONE: /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ BOOTSTRAP_ADMIN_TOKEN: 'short' }, /^BOOTSTRAP_ADMIN_TOKEN: /],
    [{ ASSIGNMENT_AVOID_SAME_FIRM: 'maybe' }, /^ASSIGNMENT_AVOID_SAME_FIRM: /],
    [{ LEDGER_LATE_GRACE_MIN: '-5' }, /^LEDGER_LATE_GRACE_MIN: /],
    [{ LEDGER_EARLY_CHECKIN_MIN: '1.5' }, /^LEDGER_EARLY_CHECKIN_MIN: /],
  ])('rejects %p with a line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
