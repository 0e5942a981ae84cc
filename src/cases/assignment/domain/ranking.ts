import { CandidateLawyer, DecidedBy, PoolTier } from './types';

/** Seed Art 9: pool lawyers (刑事法律援助律师库) are appointed first; core before reserve. */
export const TIER_ORDER: readonly PoolTier[] = ['core', 'reserve', 'none'];
const TIER_INDEX = new Map<string, number>(TIER_ORDER.map((t, i) => [t, i]));

/** An instant with an explicit offset: a bare date or local time would shift with the server's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Everything the order needs, computed once per lawyer before sorting: the comparator then
 * does no parsing, which keeps a 10,000-lawyer sort at O(n log n) cheap comparisons.
 */
export interface RankKey {
  lawyer: CandidateLawyer;
  tier: number;
  score: number;
  /** Epoch ms of the last appointment; -Infinity when never appointed (= longest ago). */
  lastMs: number;
}

/**
 * DESIGN rule 4: appointments in the rolling window divided by weight. IEEE division is
 * correctly rounded, so equal ratios (1/2 and 2/4) give equal doubles and tie as they should.
 */
export function scoreOf(lawyer: Pick<CandidateLawyer, 'recentAppointments' | 'weight'>): number {
  return lawyer.recentAppointments / lawyer.weight;
}

/** Bad rows fail loudly: a NaN score would silently sort anywhere and break fairness. */
export function rankKey(lawyer: CandidateLawyer): RankKey {
  const tier = TIER_INDEX.get(lawyer.poolTier);
  if (tier === undefined) throw new RangeError(`lawyer ${lawyer.id}: unknown poolTier ${String(lawyer.poolTier)}`);
  if (!(lawyer.weight > 0) || !Number.isFinite(lawyer.weight)) throw new RangeError(`lawyer ${lawyer.id}: weight must be > 0`);
  if (!(lawyer.recentAppointments >= 0) || !Number.isFinite(lawyer.recentAppointments)) {
    throw new RangeError(`lawyer ${lawyer.id}: recentAppointments must be ≥ 0`);
  }
  let lastMs = -Infinity;
  if (lawyer.lastAppointedAt !== null) {
    lastMs = ISO_INSTANT.test(lawyer.lastAppointedAt) ? Date.parse(lawyer.lastAppointedAt) : NaN;
    if (Number.isNaN(lastMs)) throw new RangeError(`lawyer ${lawyer.id}: lastAppointedAt is not an ISO instant`);
  }
  return { lawyer, tier, score: scoreOf(lawyer), lastMs };
}

/** Plain code-unit order, not localeCompare: the result must not depend on the server's ICU data. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Seed Art 9 then DESIGN rule 4: tier, score, longest since last appointment, stableKey.
 * The id is a last resort so even duplicate stableKeys (bad data) give one total order.
 */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  return (
    a.tier - b.tier ||
    a.score - b.score ||
    (a.lastMs === b.lastMs ? 0 : a.lastMs < b.lastMs ? -1 : 1) ||
    compareText(a.lawyer.stableKey, b.lawyer.stableKey) ||
    compareText(a.lawyer.id, b.lawyer.id)
  );
}

/** Eligible lawyers in pick order. */
export function rankEligible(lawyers: readonly CandidateLawyer[]): RankKey[] {
  return lawyers.map(rankKey).sort(compareRankKeys);
}

/** The first criterion on which the winner beat the runner-up: what the explanation names. */
export function decidedBy(winner: RankKey, runnerUp: RankKey | undefined): DecidedBy {
  if (!runnerUp) return 'only_eligible';
  if (winner.tier !== runnerUp.tier) return 'tier';
  if (winner.score !== runnerUp.score) return 'score';
  if (winner.lastMs !== runnerUp.lastMs) return 'last_appointed';
  return 'stable_key';
}
