/**
 * Shared by the automatic pick and the manual override: one evaluation of the pool (who
 * is eligible, in what order, who is excluded and why) and the sentences that explain it.
 */
import { eligibilityContext, exclusionReasons } from './eligibility';
import { ExclusionReason, REASON_PRIORITY } from './exclusion-reasons';
import { decidedBy, RankKey, rankEligible, TIER_ORDER } from './ranking';
import { MIN_SENIOR_YEARS } from './seniority';
import { CandidateLawyer, ChosenLawyer, DecidedBy, ExcludedCandidate, PickPolicy, PickRequest, PoolTier, RankedCandidate } from './types';

export const DEFAULT_WINDOW_DAYS = 365;

const TIER_ZH: Record<PoolTier, string> = { core: '核心库', reserve: '后备库', none: '库外' };

export interface Evaluation {
  ranked: RankKey[];
  excluded: ExcludedCandidate[];
  reasonsById: Map<string, ExclusionReason[]>;
  policy: PickPolicy;
}

/** Code-unit order (not localeCompare) so the stored explanation never depends on the server's ICU. */
function byStableKey(a: CandidateLawyer, b: CandidateLawyer): number {
  if (a.stableKey !== b.stableKey) return a.stableKey < b.stableKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One pass over the pool plus two sorts: O(n log n) for 10,000 lawyers. */
export function evaluate(candidates: readonly CandidateLawyer[], request: PickRequest): Evaluation {
  const ctx = eligibilityContext(request);
  const windowDays = request.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive integer`);
  const eligible: CandidateLawyer[] = [];
  const excludedLawyers: CandidateLawyer[] = [];
  const reasonsById = new Map<string, ExclusionReason[]>();
  for (const lawyer of candidates) {
    // A lawyer listed twice would be counted twice in the explanation: a loader bug, not data to rank.
    if (reasonsById.has(lawyer.id)) throw new RangeError(`lawyer ${lawyer.id} listed twice`);
    const reasons = exclusionReasons(lawyer, ctx);
    reasonsById.set(lawyer.id, reasons);
    (reasons.length === 0 ? eligible : excludedLawyers).push(lawyer);
  }
  const excluded = excludedLawyers.sort(byStableKey).map((l) => {
    const reasons = reasonsById.get(l.id)!;
    return { lawyerId: l.id, name: l.name, reason: reasons[0], reasons };
  });
  const policy: PickPolicy = {
    windowDays,
    tierOrder: [...TIER_ORDER],
    score: 'recentAppointments / weight',
    tieBreaks: ['lastAppointedAt (never appointed first, then oldest)', 'stableKey ascending'],
    avoidSameFirm: ctx.avoidSameFirm,
    minSeniorYears: MIN_SENIOR_YEARS,
    reasonPriority: [...REASON_PRIORITY],
  };
  return { ranked: rankEligible(eligible), excluded, reasonsById, policy };
}

export function toRanked(key: RankKey, index: number): RankedCandidate {
  const l = key.lawyer;
  return {
    lawyerId: l.id,
    name: l.name,
    stableKey: l.stableKey,
    rank: index + 1,
    poolTier: l.poolTier,
    recentAppointments: l.recentAppointments,
    weight: l.weight,
    score: key.score,
    lastAppointedAt: l.lastAppointedAt,
  };
}

const fmt = (n: number): string => String(Number(n.toFixed(4)));

export function scoreText(key: RankKey, windowDays: number): [string, string] {
  const l = key.lawyer;
  return [
    `${TIER_ZH[l.poolTier]}，近${windowDays}天指派${l.recentAppointments}次 ÷ 权重${fmt(l.weight)} = 得分${fmt(key.score)}`,
    `${l.poolTier} pool, ${l.recentAppointments} appointment${l.recentAppointments === 1 ? '' : 's'} in ${windowDays} days ÷ weight ${fmt(l.weight)} = score ${fmt(key.score)}`,
  ];
}

const DECIDED_BY_TEXT: Record<Exclude<DecidedBy, 'manual_override'>, [string, string]> = {
  only_eligible: ['唯一符合条件的律师', 'the only eligible lawyer'],
  tier: ['所在层级高于其余合格律师（律师库优先，实施意见第九条）', 'higher pool tier than every other eligible lawyer (seed Art 9)'],
  score: ['同层级中得分最低（公平轮换）', 'lowest score in its tier (fair rotation, DESIGN rule 4)'],
  last_appointed: [
    '与他人同分，距上次指派最久（从未指派视为最久）',
    'tied on score; longest since last appointment (never appointed counts as longest)',
  ],
  stable_key: [
    '与他人同分且上次指派时间相同，按稳定键（执业证号）顺序',
    'tied on score and last appointment; first by stable key (licence number)',
  ],
};

export function chooseAutomatically(ev: Evaluation): ChosenLawyer | null {
  const [winner, runnerUp] = ev.ranked;
  if (!winner) return null;
  const by = decidedBy(winner, runnerUp);
  const [zh, en] = scoreText(winner, ev.policy.windowDays);
  const [whyZh, whyEn] = DECIDED_BY_TEXT[by as Exclude<DecidedBy, 'manual_override'>];
  const name = winner.lawyer.name;
  return {
    lawyerId: winner.lawyer.id,
    rank: 1,
    poolTier: winner.lawyer.poolTier,
    score: winner.score,
    decidedBy: by,
    why: `选定${name}（${zh}）：${whyZh}。 Chose ${name} (${en}): ${whyEn}.`,
  };
}
