/**
 * Defaults for every setting. Environment variables override them (see src/config/config.ts
 * for the variable names); the README's configuration table lists both.
 */
export const defaults = {
  port: 3000,
  databaseUrl: 'sqlite:data/duty.sqlite',
  bootstrapAdminToken: undefined as string | undefined,
  courtTimezone: 'Asia/Shanghai',
  logLevel: 'info',
  publicBaseUrl: 'http://localhost:3000',
  legalAidCenter: {
    name: '溧阳市法律援助中心',
    address: '江苏省溧阳市',
    phone: '12348',
  },
  assignment: {
    /** Rolling window for the fair rotation (DESIGN rule 4). */
    windowDays: 365,
    /** Bar criminal-case rules 2017 Art 13: no second lawyer of one firm for co-defendants. */
    avoidSameFirm: true,
  },
  ledger: {
    /** A check-in later than shift start + this many minutes is 'late'. */
    lateGraceMin: 15,
    /** A lawyer may check in this many minutes before the shift starts, not earlier. */
    earlyCheckInMin: 60,
  },
};
