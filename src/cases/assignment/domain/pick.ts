import { addDays, LocalDate } from '../../../common/local-date';
import { chooseAutomatically, DEFAULT_WINDOW_DAYS, evaluate, toRanked } from './explanation';
import { CandidateLawyer, DateRange, PickExplanation, PickRequest } from './types';

export { DEFAULT_WINDOW_DAYS };

/**
 * Stored with each pick (issue 12 item 11). 1: the whole pool listed (before v1.1);
 * 2: the head of the ranking, the nearest excluded lawyers and counts per reason, with names.
 */
export const PICK_ALGORITHM_VERSION = 2;

/**
 * The local dates (inclusive) whose appointments make up `recentAppointments`: the
 * `windowDays` days ending on the appointment date. The service counts with this, so the
 * number in the explanation and the one the pick used are the same.
 */
export function rollingWindow(appointmentDate: LocalDate, windowDays = DEFAULT_WINDOW_DAYS): DateRange {
  return { from: addDays(appointmentDate, -(windowDays - 1)), to: appointmentDate };
}

/**
 * The automatic pick (DESIGN rules 4–6). `chosen` is null when nobody is eligible; the
 * service answers 409 NO_ELIGIBLE_LAWYER with this explanation, every lawyer in `excluded`.
 */
export function pickLawyer(candidates: readonly CandidateLawyer[], request: PickRequest): PickExplanation {
  const ev = evaluate(candidates, request);
  return { chosen: chooseAutomatically(ev), candidates: ev.ranked.map(toRanked), excluded: ev.excluded, policy: ev.policy };
}

// The module's whole public surface from one file, for the assignment service.
export type {
  CandidateLawyer,
  ChosenLawyer,
  DateRange,
  DecidedBy,
  ExcludedCandidate,
  PickExplanation,
  PickPolicy,
  PickRequest,
  PoolTier,
  RankedCandidate,
} from './types';
export type { ExclusionReason, ExclusionReasonInfo } from './exclusion-reasons';
export { EXCLUSION_REASONS, EXCLUSION_REASON_INFO, HARD_REASONS, REASON_PRIORITY, isHardReason } from './exclusion-reasons';
export { MIN_SENIOR_YEARS, seniorityYears } from './seniority';
export { TIER_ORDER, scoreOf } from './ranking';
export { explainManualOverride } from './manual-override';
export type { ManualOverrideResult } from './manual-override';
