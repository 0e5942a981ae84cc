import { LocalDate } from '../../common/local-date';
import { ExclusionReason } from './exclusion-reasons';

/**
 * The pick's inputs and output. Plain data only: the assignment service loads lawyers,
 * counts their appointments in the rolling window and maps rows onto these shapes, so the
 * rules below never touch the database or the clock.
 */
export type PoolTier = 'core' | 'reserve' | 'none';

export interface DateRange {
  /** Inclusive local dates, as stored for 请假/不可用. */
  from: LocalDate;
  to: LocalDate;
}

export interface CandidateLawyer {
  id: string;
  name: string;
  firm: string;
  active: boolean;
  suspended?: boolean;
  juvenileExperience: boolean;
  criminalPracticeSince: LocalDate;
  poolTier: PoolTier;
  /** > 0; a lawyer of weight 2 is meant to take twice the share of weight 1. */
  weight: number;
  maxOpenCases: number;
  openCases: number;
  /** Appointments inside the rolling window (see `rollingWindow`), counted by the service. */
  recentAppointments: number;
  /** ISO instant (any offset) of the last appointment, null if never appointed. */
  lastAppointedAt: string | null;
  unavailable: DateRange[];
  /** Unique and stable (e.g. licenseNo 执业证号): the last tie-break, so picks are reproducible. */
  stableKey: string;
}

export interface PickRequest {
  appointmentDate: LocalDate;
  /** Defendant under 18 at the offence (seed Art 8). */
  requiresJuvenileExperience: boolean;
  /** Possible life imprisonment or death: ≥ 3 full years of criminal practice (Legal Aid Law 2021 Art 26). */
  requiresSeniorLawyer: boolean;
  /** Lawyers this defendant refused with a reason the court accepted (seed Art 5). */
  refusedLawyerIds: string[];
  /** Lawyers who declined this case's offer or let it expire (issue 12 item 10). */
  declinedLawyerIds?: string[];
  /** Lawyers defending a co-defendant (same courtCaseNo) or a defendant of a related case (SPC CPL interpretation 2021 Art 43). */
  coDefendantLawyerIds: string[];
  /** Firms of those lawyers. */
  coDefendantFirms: string[];
  /** Default true: bar criminal-case rules 2017 Art 13 need each client's consent, which an appointment cannot get. */
  avoidSameFirm?: boolean;
  /** Length of the rolling window `recentAppointments` was counted over; default 365 (DESIGN rule 4). Only reported. */
  windowDays?: number;
}

/** Why the winner beat the runner-up; `manual_override` when a dispatcher chose. */
export type DecidedBy = 'only_eligible' | 'tier' | 'score' | 'last_appointed' | 'stable_key' | 'manual_override';

export interface RankedCandidate {
  lawyerId: string;
  name: string;
  /** The last tie-break (licence number), kept so a replay can rank the snapshot again. */
  stableKey: string;
  /** 1-based, global order: tier first, then score, then the tie-breaks. */
  rank: number;
  poolTier: PoolTier;
  recentAppointments: number;
  weight: number;
  /** recentAppointments / weight: lower is picked first. */
  score: number;
  lastAppointedAt: string | null;
}

export interface ExcludedCandidate {
  lawyerId: string;
  name: string;
  /** The first of `reasons` in REASON_PRIORITY order. */
  reason: ExclusionReason;
  reasons: ExclusionReason[];
}

export interface ChosenLawyer {
  lawyerId: string;
  /** Rank among eligible lawyers; null for an override of a lawyer excluded by a soft rule. */
  rank: number | null;
  poolTier: PoolTier;
  score: number;
  decidedBy: DecidedBy;
  /** One plain sentence, Chinese then English. */
  why: string;
}

export interface PickPolicy {
  windowDays: number;
  tierOrder: readonly PoolTier[];
  score: string;
  tieBreaks: readonly string[];
  avoidSameFirm: boolean;
  minSeniorYears: number;
  reasonPriority: readonly ExclusionReason[];
}

export interface PickExplanation {
  chosen: ChosenLawyer | null;
  /** Every eligible lawyer in pick order. */
  candidates: RankedCandidate[];
  /** Every other lawyer, ordered by stableKey so the stored explanation does not depend on row order. */
  excluded: ExcludedCandidate[];
  policy: PickPolicy;
}

/**
 * The explanation as stored with the assignment and answered by assign: the head of the
 * ranking (every eligible lawyer up to HEAD_CANDIDATES, the nearest excluded ones), the
 * whole pool in counts, the request, and the algorithm version: the snapshot a replay
 * (GET /api/v1/assignments/:id/replay) ranks again. A few KiB whatever the pool's size.
 */
export type StoredExplanation = PickExplanation & PoolSnapshot;

/** What the stored explanation holds beyond the pick's own fields (older rows lack it). */
export interface PoolSnapshot {
  eligibleCount: number;
  excludedCount: number;
  excludedByReason: Partial<Record<ExclusionReason, number>>;
  request: PickRequest;
  algorithmVersion: number;
}
