import { DateTime } from 'luxon';

/**
 * Local dates are plain `YYYY-MM-DD` strings in the court's time zone: they sort as text,
 * compare with `<`, and are stored as they are. Instants are `Date`s / ISO strings in UTC.
 */
export type LocalDate = string;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && LOCAL_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

function parse(date: LocalDate): DateTime {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  if (!dt.isValid || !LOCAL_DATE.test(date)) throw new RangeError(`not a local date: ${date}`);
  return dt;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return parse(date).plus({ days }).toISODate()!;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round(parse(b).diff(parse(a), 'days').days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: LocalDate): number {
  return parse(date).weekday;
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
