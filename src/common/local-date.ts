import { DateTime, IANAZone } from 'luxon';

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
  // Counted, not compared: the day after 9999-12-31 is "+010000-01-01", which sorts before it.
  return Array.from({ length: Math.max(0, daysBetween(from, to) + 1) }, (_, i) => addDays(from, i));
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

/** Zone offsets change on whole quarter hours since 1970, so one lookup serves a 15-minute bucket. */
const BUCKET_MS = 15 * 60_000;
/** Buckets kept per zone before the cache starts over (about five years of quarter hours). */
const MAX_BUCKETS = 200_000;
const offsets = new Map<string, { zone: IANAZone; byBucket: Map<number, number> }>();

/** The zone's offset at `ms` in minutes; null for a zone luxon does not know. */
function offsetMinutes(timezone: string, ms: number): number | null {
  let entry = offsets.get(timezone);
  if (!entry) offsets.set(timezone, (entry = { zone: IANAZone.create(timezone), byBucket: new Map() }));
  if (!entry.zone.isValid) return null;
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = entry.byBucket.get(bucket);
  if (offset === undefined) {
    if (entry.byBucket.size >= MAX_BUCKETS) entry.byBucket.clear();
    offset = entry.zone.offset(bucket * BUCKET_MS);
    entry.byBucket.set(bucket, offset);
  }
  return offset;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * ISO 8601 with the zone's offset, e.g. 2026-10-10T09:00:00+08:00: what the API returns
 * (luxon's `toISO({ suppressMilliseconds: true })`, byte for byte). Exports format four
 * instants a row; a luxon DateTime per instant was most of a year's ledger export, so the
 * offset comes from a per-zone cache and the text from Date arithmetic. Before 1970 (offsets
 * in seconds), `UTC` (written `Z`) and unknown zones go through luxon.
 */
export function toZonedIso(instant: Date, timezone: string): string {
  const ms = instant.getTime();
  const offset = ms >= 0 && timezone !== 'UTC' ? offsetMinutes(timezone, ms) : null;
  if (offset === null) return DateTime.fromJSDate(instant, { zone: timezone }).toISO({ suppressMilliseconds: true })!;
  const local = new Date(ms + offset * 60_000).toISOString();
  const abs = Math.abs(offset);
  return `${local.slice(0, ms % 1000 === 0 ? 19 : 23)}${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
