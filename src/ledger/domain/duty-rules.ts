/** Check-in / check-out rules of the duty ledger (Art 2, DESIGN rule 11). Pure: `now` comes in. */

export type DutyLogKind = 'check_in' | 'check_out' | 'correction';

export interface ShiftSpan {
  startsAt: Date;
  endsAt: Date;
}

export interface Refusal {
  code: 'SHIFT_NOT_STARTED' | 'SHIFT_ENDED';
  message: string;
}

const MINUTE = 60_000;

/** A stored shift's span as dates. */
export const shiftSpan = (s: { startsAt: string; endsAt: string; lawyerId: string | null }) => ({
  startsAt: new Date(s.startsAt),
  endsAt: new Date(s.endsAt),
  lawyerId: s.lawyerId,
});

/** Why a check-in at `now` is refused, or null: not earlier than `earlyMin` before the start, not after the end. */
export function checkInRefusal(shift: ShiftSpan, now: Date, earlyMin: number): Refusal | null {
  if (now.getTime() < shift.startsAt.getTime() - earlyMin * MINUTE) {
    return { code: 'SHIFT_NOT_STARTED', message: `check-in opens ${earlyMin} minutes before the shift starts` };
  }
  if (now.getTime() >= shift.endsAt.getTime()) {
    return { code: 'SHIFT_ENDED', message: 'the shift has ended; ask the dispatcher to record a correction' };
  }
  return null;
}

export interface LogEntry {
  id: string;
  kind: DutyLogKind;
  at: string;
  correctsId: string | null;
}

export interface EffectiveTime {
  /** The original entry's id (what a correction must name first). */
  entryId: string;
  /** The time after every correction. */
  at: string;
  /** The time first recorded, when a correction changed it. */
  recordedAt: string;
  corrected: boolean;
}

/**
 * The check-in and check-out of one shift as corrected: each original entry followed along its
 * chain of corrections (one correction per entry, enforced by a unique index) to the last one.
 */
export function effectiveTimes(entries: LogEntry[]): { checkIn: EffectiveTime | null; checkOut: EffectiveTime | null } {
  const correctionOf = new Map<string, LogEntry>();
  for (const e of entries) if (e.kind === 'correction' && e.correctsId) correctionOf.set(e.correctsId, e);
  const resolve = (kind: 'check_in' | 'check_out'): EffectiveTime | null => {
    const original = entries.find((e) => e.kind === kind);
    if (!original) return null;
    let last = original;
    for (let next = correctionOf.get(last.id); next; next = correctionOf.get(last.id)) last = next;
    return { entryId: original.id, at: last.at, recordedAt: original.at, corrected: last !== original };
  };
  return { checkIn: resolve('check_in'), checkOut: resolve('check_out') };
}

/**
 * unfilled: nobody holds the shift; upcoming: not started; awaiting: started, no check-in, within
 * the grace; not_arrived: past the grace, still no check-in; missing: ended without a check-in;
 * on_time / late: checked in within / after the grace.
 */
export type AttendanceStatus = 'unfilled' | 'upcoming' | 'awaiting' | 'not_arrived' | 'missing' | 'on_time' | 'late';

export interface Attendance {
  status: AttendanceStatus;
  /** Whole minutes after the start (late, not_arrived, missing), else 0. */
  lateByMinutes: number;
}

export function attendanceOf(
  shift: ShiftSpan & { lawyerId: string | null },
  checkIn: Date | null,
  now: Date,
  graceMin: number,
): Attendance {
  const start = shift.startsAt.getTime();
  const minutesAfterStart = (t: number) => Math.max(0, Math.floor((t - start) / MINUTE));
  const deadline = start + graceMin * MINUTE;
  if (checkIn) {
    const late = checkIn.getTime() > deadline;
    return { status: late ? 'late' : 'on_time', lateByMinutes: late ? minutesAfterStart(checkIn.getTime()) : 0 };
  }
  if (!shift.lawyerId) return { status: 'unfilled', lateByMinutes: 0 };
  if (now.getTime() < start) return { status: 'upcoming', lateByMinutes: 0 };
  if (now.getTime() >= shift.endsAt.getTime()) return { status: 'missing', lateByMinutes: minutesAfterStart(shift.endsAt.getTime()) };
  if (now.getTime() <= deadline) return { status: 'awaiting', lateByMinutes: 0 };
  return { status: 'not_arrived', lateByMinutes: minutesAfterStart(now.getTime()) };
}

/** What the holder of a shift can record at `now`: the one button the phone shows, or none. */
export type DutyAction = 'check_in' | 'check_out' | null;

export function dutyActionAt(shift: ShiftSpan, checkedIn: boolean, checkedOut: boolean, now: Date, earlyMin: number): DutyAction {
  if (checkedOut) return null;
  // Checking out has no window: a lawyer who forgot still closes the shift after its end.
  if (checkedIn) return 'check_out';
  return checkInRefusal(shift, now, earlyMin) ? null : 'check_in';
}
