import { checkAssignment, DateRange, HardViolation, SlotTime, SoftViolation } from './shift-rules';

/**
 * Who could take a shift instead of its holder (DESIGN rule 10), for the dispatcher's
 * "change this slot" list: every active member of the station, judged by the same rules an
 * override or a swap is judged by, eligible ones first.
 */

export interface CandidateInput {
  lawyerId: string;
  name: string;
  /** The lawyer's other shifts (any station) on the shift's day and the days around it. */
  otherShifts: readonly SlotTime[];
  unavailable: readonly DateRange[];
  /** ISO weekdays the lawyer never serves on (like leave). */
  blockedWeekdays?: readonly number[];
  /** Shifts the lawyer holds in this roster. */
  shiftsInRoster: number;
}

export interface ShiftCandidate {
  lawyerId: string;
  name: string;
  /** Holds the shift now. */
  current: boolean;
  /** No hard rule broken: an override or swap to this lawyer is accepted. */
  eligible: boolean;
  hard: HardViolation[];
  soft: SoftViolation[];
  shiftsInRoster: number;
}

/**
 * Order: eligible before refused, fewer soft-rule warnings first, then the fewest shifts in the
 * roster (keeping the balance), then the input order (the station's stable name order).
 * The current holder is listed last, marked, and not eligible (already holds it).
 */
export function shiftCandidates(shift: SlotTime, holderId: string | null, lawyers: readonly CandidateInput[]): ShiftCandidate[] {
  const judged = lawyers.map((l, index) => {
    const current = l.lawyerId === holderId;
    const verdict = checkAssignment(shift, { otherShifts: l.otherShifts, unavailable: l.unavailable, blockedWeekdays: l.blockedWeekdays });
    const candidate: ShiftCandidate = {
      lawyerId: l.lawyerId,
      name: l.name,
      current,
      eligible: !current && verdict.hard.length === 0,
      hard: current ? [] : verdict.hard,
      soft: current ? [] : verdict.soft,
      shiftsInRoster: l.shiftsInRoster,
    };
    return { candidate, index };
  });
  const rank = (c: ShiftCandidate) => (c.current ? 2 : c.eligible ? 0 : 1);
  judged.sort(
    (a, b) =>
      rank(a.candidate) - rank(b.candidate) ||
      a.candidate.soft.length - b.candidate.soft.length ||
      a.candidate.shiftsInRoster - b.candidate.shiftsInRoster ||
      a.index - b.index,
  );
  return judged.map((j) => j.candidate);
}
