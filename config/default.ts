/**
 * Defaults for every setting. Environment variables override them (see src/config/config.ts
 * for the variable names); the README's configuration table lists both.
 */
export const defaults = {
  port: 3000,
  databaseUrl: 'sqlite:data/duty.sqlite',
  bootstrapAdminToken: undefined as string | undefined,
  /** Relative to the working directory, like the database file. */
  consoleDir: 'web/dist',
  auth: {
    /** A console session ends after 30 minutes without a request… */
    sessionIdleMinutes: 30,
    /** …and 12 hours after sign-in at the latest (a working day). */
    sessionMaxHours: 12,
    /** Five wrong passwords in a row lock the account for 15 minutes. */
    loginMaxFailures: 5,
    loginLockoutMinutes: 15,
    /** Sign-in attempts per minute from one address, whatever the account. */
    loginRateLimit: 20,
  },
  courtTimezone: 'Asia/Shanghai',
  logLevel: 'info',
  publicBaseUrl: 'http://localhost:3000',
  legalAidCenter: {
    name: '溧阳市法律援助中心',
    address: '江苏省溧阳市',
    phone: '12348',
  },
  letters: {
    /** 法律援助公函 numbers read `<prefix>〔<year>〕第<serial>号`, the serial counting from 1 each year. */
    numberPrefix: '援函',
    /** A TrueType/OpenType font (or collection) with the CJK glyphs, embedded (subset) in the PDF letter: Debian's fonts-arphic-uming. */
    pdfFont: '/usr/share/fonts/truetype/arphic/uming.ttc',
  },
  assignment: {
    /** Rolling window for the fair rotation (DESIGN rule 4). */
    windowDays: 365,
    /** Bar criminal-case rules 2017 Art 13: no second lawyer of one firm for co-defendants. */
    avoidSameFirm: true,
    /** `direct` keeps API v1's meaning of assign (court systems, existing integrations). */
    defaultMode: 'direct' as 'offer' | 'direct',
    offerHours: 24,
    offerExpiryCron: '*/5 * * * *',
  },
  ledger: {
    /** A check-in later than shift start + this many minutes is 'late'. */
    lateGraceMin: 15,
    /** A lawyer may check in this many minutes before the shift starts, not earlier. */
    earlyCheckInMin: 60,
  },
  calendar: {
    /** Memory for built feed bodies per instance; 0 turns it off (304s stay cheap, each 200 rebuilds). */
    cacheMb: 32,
  },
  mail: {
    /** Unset: mails are written as .eml files under fileDir, so the quick start works offline. */
    smtpUrl: undefined as string | undefined,
    from: '"溧阳市法律援助中心" <duty-lawyer@localhost>',
    fileDir: 'data/outbox',
    /** First retry after 30 s, then doubling: 8 attempts span about an hour of SMTP outage. */
    retryBaseMs: 30_000,
    maxAttempts: 8,
    /** 0 turns the background sender off (an instance that only serves HTTP). */
    pollMs: 5_000,
    batchSize: 100,
    /** Evening before each shift, in the court's time zone. */
    shiftReminderCron: '0 18 * * *',
    /** Morning of the day before each lawyer deadline (Art 12). */
    deadlineReminderCron: '0 9 * * *',
  },
  database: {
    /** PostgreSQL connections per instance. */
    poolSize: 10,
    /** Waiting for a free pooled connection longer than this answers 503. */
    acquireTimeoutMs: 5_000,
    /** One statement; the slowest legitimate ones (a 5,000-lawyer import, a year's roster) take well under this. */
    statementTimeoutMs: 30_000,
    /** Waiting for a row lock held by another transaction. */
    lockTimeoutMs: 10_000,
    /** A transaction that sits idle this long is ended by PostgreSQL (its locks released). */
    idleInTransactionTimeoutMs: 60_000,
    /**
     * Both databases: at start-up, failed attempts to open the database and migrate are retried
     * this often, 3 s apart, before the process exits (status 1).
     */
    connectRetries: 9,
  },
  /** The hot GET paths (on-duty, reception page, feeds) answered in front of Express (src/http/fast-path.ts). */
  fastPath: true,
  /** SIGTERM: in-flight requests get this long; then the process exits anyway. */
  shutdownTimeoutMs: 10_000,
};
