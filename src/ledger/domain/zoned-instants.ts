/**
 * A zone's UTC offsets over a span of instants, as steps: from `steps[i].at` (ms since 1970) on,
 * the offset is `steps[i].offset` minutes, until the next step. Built once per export, it turns
 * the four instants a ledger row carries into the station's wall clock by arithmetic, with no
 * zone lookup per instant (Asia/Shanghai, with no DST since 1991, is a single step of +480).
 */
export interface OffsetSteps {
  from: number;
  to: number;
  steps: { at: number; offset: number; suffix: string }[];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `+08:00`, `-04:00`: an offset in minutes as ISO 8601 writes it. */
const offsetSuffix = (offset: number): string => {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
};

/** Zones change their offset at most once a day (in practice twice a year): one sample a day finds every change. */
const DAY_MS = 86_400_000;

/**
 * The offset steps between `from` and `to` (ms, `from` ≥ 0), given the zone's offset at any instant:
 * sampled once a day, each change found to the millisecond by bisection.
 */
export function offsetSteps(offsetAt: (ms: number) => number, from: number, to: number): OffsetSteps {
  const first = offsetAt(from);
  const steps = [{ at: from, offset: first, suffix: offsetSuffix(first) }];
  for (let t = from; t < to;) {
    const next = Math.min(t + DAY_MS, to);
    const before = steps[steps.length - 1].offset;
    const offset = offsetAt(next);
    if (offset !== before) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      steps.push({ at: hi, offset, suffix: offsetSuffix(offset) });
    }
    t = next;
  }
  return { from, to, steps };
}

/** The step in force at `ms` (within the span). */
function stepAt(table: OffsetSteps, ms: number): number {
  let i = table.steps.length - 1;
  while (table.steps[i].at > ms) i--;
  return i;
}

/**
 * A stored instant (`2026-10-12T01:03:00.000Z`) as ISO 8601 with the zone's offset
 * (`2026-10-12T09:03:00+08:00`, milliseconds only when there are any), as the API writes it;
 * null when the instant lies outside the steps' span (the caller asks the zone database then).
 */
export function zonedIso(instant: string, table: OffsetSteps): string | null {
  const ms = Date.parse(instant);
  if (!(ms >= table.from && ms <= table.to)) return null;
  const { offset, suffix } = table.steps[stepAt(table, ms)];
  return new Date(ms + offset * 60_000).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23) + suffix;
}

/** A UTC day the whole of which lies in one step: its wall-clock dates (the day before, itself, the day after) and offset. */
interface SteadyDay {
  dates: [string, string, string];
  offset: number;
  suffix: string;
}

/** What `iso()` stores: `2026-10-12T01:03:00.000Z`. */
const STORED = /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => pad2(i));
const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The UTC day `date` if it is a real date, lies in the span and in one step; null otherwise (zonedIso handles it). */
function steadyDay(table: OffsetSteps, date: string): SteadyDay | null {
  const start = Date.parse(`${date}T00:00:00.000Z`);
  const end = start + DAY_MS - 1;
  if (!(start >= table.from && end <= table.to) || isoDate(start) !== date) return null;
  const i = stepAt(table, start);
  if (stepAt(table, end) !== i || !Number.isInteger(table.steps[i].offset)) return null;
  const { offset, suffix } = table.steps[i];
  return { dates: [isoDate(start - DAY_MS), date, isoDate(start + DAY_MS)], offset, suffix };
}

/**
 * zonedIso, the same text, without a Date per instant: a stored instant's hour and minute are
 * moved by the offset of its UTC day (looked up once per day of the span, so at most a few
 * hundred entries), its seconds and milliseconds copied. Days with an offset change, and
 * anything not in the stored form, take zonedIso's way.
 */
export function zonedIsoFormatter(table: OffsetSteps): (instant: string) => string | null {
  const days = new Map<string, SteadyDay | null>();
  return (instant) => {
    if (!STORED.test(instant)) return zonedIso(instant, table);
    const date = instant.slice(0, 10);
    let day = days.get(date);
    if (day === undefined) {
      day = steadyDay(table, date);
      if (day || days.size < 1000) days.set(date, day);
    }
    if (!day) return zonedIso(instant, table);
    let minutes = (digit(instant, 11) * 10 + digit(instant, 12)) * 60 + digit(instant, 14) * 10 + digit(instant, 15) + day.offset;
    let which = 1;
    if (minutes < 0) {
      minutes += 1440;
      which = 0;
    } else if (minutes >= 1440) {
      minutes -= 1440;
      which = 2;
    }
    const rest = instant.endsWith('.000Z') ? instant.slice(16, 19) : instant.slice(16, 23);
    return `${day.dates[which]}T${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}${rest}${day.suffix}`;
  };
}
