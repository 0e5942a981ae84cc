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

  it('reads the mail settings, sending to files when no SMTP server is set', () => {
    expect(loadConfig({}).mail).toMatchObject({
      smtpUrl: undefined,
      fileDir: 'data/outbox',
      retryBaseMs: 30000,
      maxAttempts: 8,
      pollMs: 5000,
    });
    const c = loadConfig({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'aid@example.org',
      MAIL_POLL_MS: '0',
      SHIFT_REMINDER_CRON: '30 17 * * 1-5',
    });
    expect(c.mail).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      from: 'aid@example.org',
      pollMs: 0,
      shiftReminderCron: '30 17 * * 1-5',
    });
  });

  it('reads the center mailbox, absent by default', () => {
    expect(loadConfig({}).legalAidCenter.email).toBeUndefined();
    expect(loadConfig({ LEGAL_AID_CENTER_EMAIL: 'aid@lyfy.example.org' }).legalAidCenter.email).toBe('aid@lyfy.example.org');
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
    [{ SMTP_URL: 'http://mail.example.org' }, /^SMTP_URL: /],
    [{ MAIL_FROM: 'nobody' }, /^MAIL_FROM: /],
    [{ LEGAL_AID_CENTER_EMAIL: 'aid-center' }, /^LEGAL_AID_CENTER_EMAIL: /],
    [{ LEGAL_AID_CENTER_EMAIL: 'a@example.org, b@example.org' }, /^LEGAL_AID_CENTER_EMAIL: /],
    [{ MAIL_MAX_ATTEMPTS: '0' }, /^MAIL_MAX_ATTEMPTS: /],
    [{ MAIL_RETRY_BASE_MS: '-5' }, /^MAIL_RETRY_BASE_MS: /],
    [{ MAIL_POLL_MS: 'often' }, /^MAIL_POLL_MS: /],
    [{ SHIFT_REMINDER_CRON: 'every evening' }, /^SHIFT_REMINDER_CRON: /],
    [{ DEADLINE_REMINDER_CRON: '0 25 * * *' }, /^DEADLINE_REMINDER_CRON: /],
  ])('rejects %p with a line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
