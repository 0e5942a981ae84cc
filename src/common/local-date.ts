import { DateTime } from 'luxon';

/**
 * Local dates are plain `YYYY-MM-DD` strings in the court's time zone: they sort as text,
 * compare with `<`, and are stored as they are. Instants are `Date`s / ISO strings in UTC.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Midnight UTC of a valid `YYYY-MM-DD`, or null (rejects 2026-02-30). Plain UTC `Date`
 * arithmetic rather than Luxon: roster generation and the calendar step through every day
 * of a year per station, and a Luxon parse costs ~100× more.
 */
function utc(date: unknown): Date | null {
  const m = typeof date === 'string' ? LOCAL_DATE.exec(date) : null;
  if (!m) return null;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // not Date.UTC: years < 100 stay as given
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

function parse(date: LocalDate): Date {
  const d = utc(date);
  if (!d) throw new RangeError(`not a local date (YYYY-MM-DD): ${String(date)}`);
  return d;
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isLocalDate(value: unknown): value is LocalDate {
  return utc(value) !== null;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: LocalDate): number {
  return parse(date).getUTCDay() || 7;
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The local date of an instant in a time zone. */
export function localDateOf(instant: Date, timezone: string): LocalDate {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISODate()!;
}

/** The instant of a local wall-clock time (`HH:mm`) on a local date in a time zone. */
export function instantAt(date: LocalDate, time: string, timezone: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timezone });
  if (!dt.isValid) throw new RangeError(`not a local time: ${date} ${time}`);
  return dt.toJSDate();
}

/** ISO 8601 with the zone's offset, e.g. 2026-10-10T09:00:00+08:00: what the API returns. */
export function toZonedIso(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISO({ suppressMilliseconds: true })!;
}
