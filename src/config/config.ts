import { validateCronExpression } from 'cron';
import { IANAZone } from 'luxon';
import { defaults } from '../../config/default';

export interface AppConfig {
  port: number;
  databaseUrl: string;
  bootstrapAdminToken?: string;
  /** The first admin's password (login name `admin`), with or without BOOTSTRAP_ADMIN_TOKEN. */
  bootstrapAdminPassword?: string;
  auth: AuthConfig;
  /** The built console (web/dist): served at `/`; absent → the API alone. */
  consoleDir: string;
  courtTimezone: string;
  logLevel: string;
  publicBaseUrl: string;
  /** `email`: the center's own mailbox for events it must act on (LEGAL_AID_CENTER_EMAIL); unset → those events mail nobody. */
  legalAidCenter: { name: string; address: string; phone: string; email?: string };
  /** NODE_ENV=production: a deployment that serves real cases (the letter then refuses the shipped center details). */
  production: boolean;
  /** The LEGAL_AID_CENTER_* settings left unset, i.e. still the shipped placeholders. */
  centerPlaceholders: string[];
  /** 法律援助公函: number prefix (`溧援函` → 溧援函〔2026〕第12号) and the CJK font the PDF embeds. */
  letters: { numberPrefix: string; pdfFont: string };
  /**
   * defaultMode: what `POST /cases/:id/assign` does without `mode` — `direct` appoints (API v1),
   * `offer` asks the lawyer first; offerHours: the lawyer's answer window (never past Art 6);
   * offerExpiryCron: how often expired offers move on to the next lawyer (under the job lease).
   */
  assignment: { windowDays: number; avoidSameFirm: boolean; defaultMode: 'offer' | 'direct'; offerHours: number; offerExpiryCron: string };
  /** Duty ledger (Art 2): minutes after a shift's start before a check-in counts as late; how early one may check in. */
  ledger: { lateGraceMin: number; earlyCheckInMin: number };
  /** Built calendar feeds kept per instance, keyed by ETag (a pure cache). */
  calendar: { cacheMb: number };
  /** FAST_PATH: on-duty, the reception page and the feeds answered by a node:http listener in front of Express (same bytes). */
  fastPath: boolean;
  mail: MailConfig;
  database: DatabaseConfig;
  /** SIGTERM: how long requests and jobs may take to finish before the process exits anyway. */
  shutdownTimeoutMs: number;
  /**
   * CPL Art 105's holiday extension per forward day period (DESIGN rule 7): true = a period
   * ending on a rest day ends on the next working day; false = the stricter reading. Absent =
   * the period's own default (every one extends). Keys are the period names of periods.ts.
   */
  holidayExtension: Partial<Record<ExtendablePeriod, boolean>>;
  /** Tests only: drop every table before migrating (a fresh PostgreSQL schema per test app). */
  dropSchema?: boolean;
}

export interface AuthConfig {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** Sign-in attempts per minute from one address. */
  loginRateLimit: number;
}

export interface MailConfig {
  /** smtp(s)://user:pass@host:port; unset → .eml files in fileDir. */
  smtpUrl?: string;
  from: string;
  fileDir: string;
  retryBaseMs: number;
  maxAttempts: number;
  /** 0 = no background sender in this instance. */
  pollMs: number;
  batchSize: number;
  shiftReminderCron: string;
  deadlineReminderCron: string;
}

/** PostgreSQL: the pool and the bounds on every wait (0 = no timeout); both: start-up retries. */
export interface DatabaseConfig {
  poolSize: number;
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  connectRetries: number;
}

/** The forward day periods a center may set, and the variable of each. */
export const HOLIDAY_EXTENSION_VARIABLES = {
  appointBy: 'PERIOD_EXTEND_APPOINT_BY',
  contactJudgeBy: 'PERIOD_EXTEND_CONTACT_JUDGE_BY',
  fileReviewAndMeetingBy: 'PERIOD_EXTEND_FILE_REVIEW_BY',
  objectionBy: 'PERIOD_EXTEND_OBJECTION_BY',
  objectionReviewBy: 'PERIOD_EXTEND_OBJECTION_REVIEW_BY',
  retainCounselBy: 'PERIOD_EXTEND_RETAIN_COUNSEL_BY',
  renotifyBy: 'PERIOD_EXTEND_RENOTIFY_BY',
} as const;
export type ExtendablePeriod = keyof typeof HOLIDAY_EXTENSION_VARIABLES;

function holidayExtension(env: Env): AppConfig['holidayExtension'] {
  const out: AppConfig['holidayExtension'] = {};
  for (const [period, name] of Object.entries(HOLIDAY_EXTENSION_VARIABLES) as [ExtendablePeriod, string][]) {
    if (env[name] !== undefined && env[name] !== '') out[period] = bool(env, name, true);
  }
  return out;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** A bad setting: main prints `message` as one line and exits. */
export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name}: must be true or false (got "${raw}")`);
}

function str(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

function cron(env: Env, name: string, fallback: string): string {
  const value = str(env, name, fallback);
  const check = validateCronExpression(value);
  if (!check.valid) throw new ConfigError(`${name}: not a cron expression (got "${value}")`);
  return value;
}

function mail(env: Env): MailConfig {
  const d = defaults.mail;
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL: must be smtp://host:port or smtps://user:pass@host:port');
  }
  const from = str(env, 'MAIL_FROM', d.from);
  if (!/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(from)) {
    throw new ConfigError(`MAIL_FROM: must be an address, e.g. "Center" <noreply@example.org> (got "${from}")`);
  }
  return {
    smtpUrl,
    from,
    fileDir: str(env, 'MAIL_FILE_DIR', d.fileDir),
    retryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', d.retryBaseMs, 1, 86_400_000),
    maxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', d.maxAttempts, 1, 50),
    pollMs: int(env, 'MAIL_POLL_MS', d.pollMs, 0, 3_600_000),
    batchSize: int(env, 'MAIL_BATCH_SIZE', d.batchSize, 1, 1000),
    shiftReminderCron: cron(env, 'SHIFT_REMINDER_CRON', d.shiftReminderCron),
    deadlineReminderCron: cron(env, 'DEADLINE_REMINDER_CRON', d.deadlineReminderCron),
  };
}

function centerEmail(env: Env): string | undefined {
  const email = env.LEGAL_AID_CENTER_EMAIL || undefined;
  if (email !== undefined && !/^[^@\s<>",;]+@[^@\s<>",;]+\.[^@\s<>",;]+$/.test(email)) {
    throw new ConfigError(`LEGAL_AID_CENTER_EMAIL: must be one address, e.g. aid@example.org (got "${email}")`);
  }
  return email;
}

function database(env: Env): DatabaseConfig {
  const d = defaults.database;
  return {
    poolSize: int(env, 'DB_POOL_SIZE', d.poolSize, 1, 1000),
    acquireTimeoutMs: int(env, 'DB_ACQUIRE_TIMEOUT_MS', d.acquireTimeoutMs, 0, 600_000),
    statementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', d.statementTimeoutMs, 0, 3_600_000),
    lockTimeoutMs: int(env, 'DB_LOCK_TIMEOUT_MS', d.lockTimeoutMs, 0, 3_600_000),
    idleInTransactionTimeoutMs: int(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', d.idleInTransactionTimeoutMs, 0, 3_600_000),
    connectRetries: int(env, 'DB_CONNECT_RETRIES', d.connectRetries, 0, 1000),
  };
}

function auth(env: Env): AuthConfig {
  const d = defaults.auth;
  return {
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', d.sessionIdleMinutes, 1, 7 * 24 * 60),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', d.sessionMaxHours, 1, 24 * 90),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', d.loginMaxFailures, 1, 100),
    loginLockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', d.loginLockoutMinutes, 1, 24 * 60),
    loginRateLimit: int(env, 'LOGIN_RATE_LIMIT', d.loginRateLimit, 1, 100_000),
  };
}

function assignMode(env: Env): 'offer' | 'direct' {
  const value = str(env, 'ASSIGNMENT_DEFAULT_MODE', defaults.assignment.defaultMode);
  if (value !== 'offer' && value !== 'direct') throw new ConfigError(`ASSIGNMENT_DEFAULT_MODE: must be offer or direct (got "${value}")`);
  return value;
}

export function isSqliteUrl(url: string): boolean {
  return url.startsWith('sqlite:');
}

const CENTER_SETTINGS = ['LEGAL_AID_CENTER_NAME', 'LEGAL_AID_CENTER_ADDRESS', 'LEGAL_AID_CENTER_PHONE'];

/** Defaults from config/default.ts, overridden by the environment, validated. */
export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = str(env, 'DATABASE_URL', defaults.databaseUrl);
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL: must be sqlite:<file>, sqlite::memory: or postgres://… (got "${databaseUrl}")`);
  }
  const courtTimezone = str(env, 'COURT_TIMEZONE', defaults.courtTimezone);
  if (!IANAZone.isValidZone(courtTimezone)) {
    throw new ConfigError(`COURT_TIMEZONE: not an IANA time zone (got "${courtTimezone}")`);
  }
  const logLevel = str(env, 'LOG_LEVEL', defaults.logLevel);
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const bootstrapAdminToken = env.BOOTSTRAP_ADMIN_TOKEN || undefined;
  if (bootstrapAdminToken !== undefined && bootstrapAdminToken.length < 16) {
    throw new ConfigError('BOOTSTRAP_ADMIN_TOKEN: must be at least 16 characters');
  }
  const bootstrapAdminPassword = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  if (bootstrapAdminPassword !== undefined && bootstrapAdminPassword.length < 10) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD: must be at least 10 characters');
  }
  const publicBaseUrl = str(env, 'PUBLIC_BASE_URL', defaults.publicBaseUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicBaseUrl)) {
    throw new ConfigError(`PUBLIC_BASE_URL: must be an http(s) URL (got "${publicBaseUrl}")`);
  }
  return {
    port: int(env, 'PORT', defaults.port, 0, 65535),
    databaseUrl,
    bootstrapAdminToken,
    bootstrapAdminPassword,
    auth: auth(env),
    consoleDir: str(env, 'CONSOLE_DIR', defaults.consoleDir),
    courtTimezone,
    logLevel,
    publicBaseUrl,
    legalAidCenter: {
      name: str(env, 'LEGAL_AID_CENTER_NAME', defaults.legalAidCenter.name),
      address: str(env, 'LEGAL_AID_CENTER_ADDRESS', defaults.legalAidCenter.address),
      phone: str(env, 'LEGAL_AID_CENTER_PHONE', defaults.legalAidCenter.phone),
      email: centerEmail(env),
    },
    production: env.NODE_ENV === 'production',
    centerPlaceholders: CENTER_SETTINGS.filter((name) => !env[name]),
    letters: {
      numberPrefix: str(env, 'LETTER_NUMBER_PREFIX', defaults.letters.numberPrefix),
      pdfFont: str(env, 'LETTER_PDF_FONT', defaults.letters.pdfFont),
    },
    assignment: {
      windowDays: int(env, 'ASSIGNMENT_WINDOW_DAYS', defaults.assignment.windowDays, 1, 3660),
      avoidSameFirm: bool(env, 'ASSIGNMENT_AVOID_SAME_FIRM', defaults.assignment.avoidSameFirm),
      defaultMode: assignMode(env),
      offerHours: int(env, 'OFFER_RESPONSE_HOURS', defaults.assignment.offerHours, 1, 720),
      offerExpiryCron: cron(env, 'OFFER_EXPIRY_CRON', defaults.assignment.offerExpiryCron),
    },
    ledger: {
      lateGraceMin: int(env, 'LEDGER_LATE_GRACE_MIN', defaults.ledger.lateGraceMin, 0, 240),
      earlyCheckInMin: int(env, 'LEDGER_EARLY_CHECKIN_MIN', defaults.ledger.earlyCheckInMin, 0, 720),
    },
    calendar: {
      cacheMb: int(env, 'CALENDAR_CACHE_MB', defaults.calendar.cacheMb, 0, 4096),
    },
    fastPath: bool(env, 'FAST_PATH', defaults.fastPath),
    mail: mail(env),
    database: database(env),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', defaults.shutdownTimeoutMs, 100, 600_000),
    holidayExtension: holidayExtension(env),
  };
}
