import type { LocalDate } from '../../common/local-date';
import type { LawyerSpread, SpreadCheck } from './roster-spread';

/** What a generated roster is made of: its shifts, the fairness figures and the warnings (rules 9–10). */
export type UnfilledReason = 'NO_LAWYERS' | 'NO_ELIGIBLE_LAWYER';

export interface PlannedShift {
  date: LocalDate;
  templateName: string;
  start: string;
  end: string;
  lawyerId: string | null;
  reason?: UnfilledReason;
}

export type RosterWarningCode = 'UNFILLED_SHIFT' | 'SECOND_SHIFT_SAME_DAY' | 'CONSECUTIVE_DAYS' | 'UNBALANCED' | 'UNEVEN_SPREAD';

export interface RosterWarning {
  code: RosterWarningCode;
  date?: LocalDate;
  lawyerId?: string;
  message: string;
}

export interface RosterFairness {
  /** Lowest / highest of `cumulative`: the figures rule 10's max − min ≤ 1 is about. */
  min: number;
  max: number;
  /** Shifts in this roster only. */
  perLawyer: Record<string, number>;
  /** History + this roster. */
  cumulative: Record<string, number>;
  /** This roster's shifts of each lawyer by weekday and half-day, with the spread rule's verdict
   * (rosters generated before it have none). */
  spread?: Record<string, LawyerSpread & SpreadCheck>;
}
