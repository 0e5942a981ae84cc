/**
 * Issue 12 item 11: "why this lawyer" answered from what was stored with the pick. The
 * stored explanation is the input snapshot: the head of the ranking with each candidate's
 * tier, window count, weight, last appointment and licence number, the nearest excluded
 * lawyers with their reasons, and the whole pool in counts. A replay ranks that snapshot
 * again with today's rules and says whether the answer is the same.
 */
import { LocalDate } from '../../../common/local-date';
import { ExclusionReason } from './exclusion-reasons';
import { DEFAULT_WINDOW_DAYS } from './explanation';
import { pickLawyer } from './pick';
import { decidedBy, rankKey } from './ranking';
import { CandidateLawyer, DecidedBy, ExcludedCandidate, PickExplanation, PickRequest, RankedCandidate } from './types';

/** What a replay reads: the stored explanation (older ones lack the newer fields). */
export type StoredSnapshot = PickExplanation & {
  request?: PickRequest;
  algorithmVersion?: number;
  eligibleCount?: number;
  excludedCount?: number;
};

export interface ReplayOutcome {
  chosen: { lawyerId: string; decidedBy: DecidedBy } | null;
  /** Eligible lawyers of the snapshot in pick order. */
  ranking: string[];
}

export type WhyNot =
  | { lawyerId: string; status: 'chosen' }
  | { lawyerId: string; name: string; status: 'ranked_lower'; rank: number; score: number; beatenOn: DecidedBy }
  | { lawyerId: string; name: string; status: 'excluded'; reason: ExclusionReason; reasons: ExclusionReason[] }
  | { lawyerId: string; status: 'not_in_snapshot'; note: string };

export interface Replay {
  same: boolean;
  original: ReplayOutcome;
  recomputed: ReplayOutcome;
  algorithmVersion: number;
  lawyer?: WhyNot;
}

/** An eligible lawyer of the snapshot: only the rank inputs matter, the facts that made them eligible are settled. */
function asCandidate(c: RankedCandidate): CandidateLawyer {
  return {
    id: c.lawyerId,
    name: c.name ?? c.lawyerId,
    firm: '',
    active: true,
    juvenileExperience: true,
    criminalPracticeSince: '1900-01-01',
    poolTier: c.poolTier,
    weight: c.weight,
    maxOpenCases: Number.MAX_SAFE_INTEGER,
    openCases: 0,
    recentAppointments: c.recentAppointments,
    lastAppointedAt: c.lastAppointedAt,
    unavailable: [],
    stableKey: c.stableKey ?? '',
  };
}

function neutralRequest(date: LocalDate, windowDays: number): PickRequest {
  return {
    appointmentDate: date,
    requiresJuvenileExperience: false,
    requiresSeniorLawyer: false,
    refusedLawyerIds: [],
    coDefendantLawyerIds: [],
    coDefendantFirms: [],
    windowDays,
  };
}

function whyNot(lawyerId: string, stored: StoredSnapshot, chosenId: string | null): WhyNot {
  if (lawyerId === chosenId) return { lawyerId, status: 'chosen' };
  const ranked = stored.candidates.find((c) => c.lawyerId === lawyerId);
  const winner = stored.candidates.find((c) => c.lawyerId === chosenId);
  if (ranked) {
    const beatenOn = winner ? decidedBy(rankKey(asCandidate(winner)), rankKey(asCandidate(ranked))) : 'manual_override';
    return { lawyerId, name: ranked.name, status: 'ranked_lower', rank: ranked.rank, score: ranked.score, beatenOn };
  }
  const excluded: ExcludedCandidate | undefined = stored.excluded.find((x) => x.lawyerId === lawyerId);
  if (excluded) return { lawyerId, name: excluded.name, status: 'excluded', reason: excluded.reason, reasons: excluded.reasons };
  const last = stored.candidates.at(-1);
  return {
    lawyerId,
    status: 'not_in_snapshot',
    note:
      `不在所存的前${stored.candidates.length}名合格律师及最近的被排除律师之中：排名在第${last?.rank ?? 0}名之后，或已被排除（排除人数见 excludedCount）。 ` +
      `Not among the ${stored.candidates.length} best-ranked eligible lawyers nor the nearest excluded ones: ranked after rank ${last?.rank ?? 0}, or excluded (see excludedCount).`,
  };
}

export function replayPick(stored: StoredSnapshot, kind: 'pick' | 'manual', lawyerId?: string): Replay {
  const windowDays = stored.policy?.windowDays ?? DEFAULT_WINDOW_DAYS;
  const again = pickLawyer(stored.candidates.map(asCandidate), neutralRequest(stored.request?.appointmentDate ?? '2000-01-01', windowDays));
  const originalRanking = [...stored.candidates].sort((a, b) => a.rank - b.rank).map((c) => c.lawyerId);
  const recomputedRanking = again.candidates.map((c) => c.lawyerId);
  const original: ReplayOutcome = {
    chosen: stored.chosen && { lawyerId: stored.chosen.lawyerId, decidedBy: stored.chosen.decidedBy },
    ranking: originalRanking,
  };
  // A manual override stays the dispatcher's choice; the replay checks the ranking it was made against.
  const recomputedChosen =
    kind === 'manual' ? original.chosen : again.chosen && { lawyerId: again.chosen.lawyerId, decidedBy: again.chosen.decidedBy };
  const recomputed: ReplayOutcome = { chosen: recomputedChosen, ranking: recomputedRanking };
  const sameRanking = originalRanking.length === recomputedRanking.length && originalRanking.every((id, i) => id === recomputedRanking[i]);
  const sameChoice = JSON.stringify(original.chosen) === JSON.stringify(recomputed.chosen);
  return {
    same: sameRanking && sameChoice,
    original,
    recomputed,
    algorithmVersion: stored.algorithmVersion ?? 1,
    ...(lawyerId ? { lawyer: whyNot(lawyerId, stored, stored.chosen?.lawyerId ?? null) } : {}),
  };
}
