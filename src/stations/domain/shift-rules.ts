import { addDays, isLocalDate, LocalDate, weekday } from '../../common/local-date';

/**
 * The per-shift rules of the duty roster (DESIGN rule 10), shared by the roster generator
 * and by manual overrides / swaps, so both judge a placement the same way.
 * Hard: unavailability (leave), two overlapping shifts. Soft: a second shift the same day,
 * shifts on consecutive days.
 */

/** A shift's place in time: a local date and local wall-clock `HH:mm` times, end after start (no overnight slots). */
export interface SlotTime {
  date: LocalDate;
  start: string;
  end: string;
}

/** An inclusive range of local dates, e.g. a lawyer's leave. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

export type HardViolation = 'UNAVAILABLE' | 'OVERLAPPING_SHIFT';
export type SoftViolation = 'SECOND_SHIFT_SAME_DAY' | 'CONSECUTIVE_DAYS';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an `HH:mm` time; RangeError otherwise. */
export function minutesOf(time: string): number {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(`not a time (HH:mm): ${String(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Validates a slot's times (start before end on the same date) and returns them in minutes. */
export function slotMinutes(start: string, end: string): { start: number; end: number } {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (e <= s) throw new RangeError(`a shift must end after it starts on the same day: ${start}–${end}`);
  return { start: s, end: e };
}

/** Half-open intervals: 09:00–12:00 and 12:00–17:00 touch but do not overlap. */
export function overlaps(a: SlotTime, b: SlotTime): boolean {
  if (a.date !== b.date) return false;
  const x = slotMinutes(a.start, a.end);
  const y = slotMinutes(b.start, b.end);
  return x.start < y.end && y.start < x.end;
}

export function isUnavailableOn(date: LocalDate, ranges: readonly DateRange[]): boolean {
  for (const r of ranges) if (r.from <= date && date <= r.to) return true;
  return false;
}

export interface AssignmentCheck {
  hard: HardViolation[];
  soft: SoftViolation[];
}

/**
 * Judges putting a lawyer on `shift` (a manual override or a swap). `otherShifts` are the
 * lawyer's other shifts at any station — at least those of the same and adjacent days;
 * leave the shift being assigned out (an identical slot counts as overlapping).
 * Membership and active status are the caller's checks.
 */
export function checkAssignment(
  shift: SlotTime,
  candidate: { otherShifts: readonly SlotTime[]; unavailable: readonly DateRange[]; blockedWeekdays?: readonly number[] },
): AssignmentCheck {
  if (!isLocalDate(shift.date)) throw new RangeError(`not a local date: ${String(shift.date)}`);
  slotMinutes(shift.start, shift.end);
  const hard: HardViolation[] = [];
  const soft: SoftViolation[] = [];
  // A blocked weekday (recurring unavailability) counts as leave.
  if (isUnavailableOn(shift.date, candidate.unavailable) || candidate.blockedWeekdays?.includes(weekday(shift.date)))
    hard.push('UNAVAILABLE');
  const sameDay = candidate.otherShifts.filter((o) => o.date === shift.date);
  if (sameDay.some((o) => overlaps(shift, o))) hard.push('OVERLAPPING_SHIFT');
  // Reported independently of the hard list: an overlapping shift is also a second one that day.
  if (sameDay.length > 0) soft.push('SECOND_SHIFT_SAME_DAY');
  const before = addDays(shift.date, -1);
  const after = addDays(shift.date, 1);
  if (candidate.otherShifts.some((o) => o.date === before || o.date === after)) soft.push('CONSECUTIVE_DAYS');
  return { hard, soft };
}
