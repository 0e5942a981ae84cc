import { EXCLUSION_REASON_INFO, ExclusionReason, isHardReason } from './exclusion-reasons';
import { chooseAutomatically, evaluate, scoreText, toRanked } from './explanation';
import { rankKey } from './ranking';
import { CandidateLawyer, ChosenLawyer, PickExplanation, PickRequest } from './types';

export type ManualOverrideResult =
  | {
      allowed: true;
      explanation: PickExplanation;
      /** Soft reasons the dispatcher overrode (only SAME_FIRM_AS_CO_DEFENDANT): store and show them. */
      warnings: ExclusionReason[];
    }
  | {
      allowed: false;
      /** Stable error code for the service's 409. */
      code: 'OVERRIDE_NOT_ALLOWED';
      lawyerId: string;
      /** The first hard reason in REASON_PRIORITY order: the one the 409 names. */
      reason: ExclusionReason;
      reasons: ExclusionReason[];
      message: string;
      /** The automatic pick, so the 409 can show who is eligible instead. */
      explanation: PickExplanation;
    };

/**
 * A dispatcher's override (DESIGN rule 6). Hard reasons (every code but
 * SAME_FIRM_AS_CO_DEFENDANT, see EXCLUSION_REASON_INFO) refuse it; the soft one becomes a
 * warning. The service must pass the overridden lawyer among `candidates` even when it
 * would not load them for an automatic pick (e.g. inactive), so the refusal names the
 * real reason; an id missing from `candidates` is a caller bug and throws.
 */
export function explainManualOverride(
  candidates: readonly CandidateLawyer[],
  request: PickRequest,
  lawyerId: string,
  overrideReason?: string,
): ManualOverrideResult {
  const ev = evaluate(candidates, request);
  const lawyer = candidates.find((l) => l.id === lawyerId);
  if (!lawyer) throw new RangeError(`lawyer ${lawyerId} is not among the candidates`);
  const reasons = ev.reasonsById.get(lawyerId)!;
  const hard = reasons.filter(isHardReason);
  const ranked = ev.ranked.map(toRanked);
  if (hard.length > 0) {
    const info = EXCLUSION_REASON_INFO[hard[0]];
    return {
      allowed: false,
      code: 'OVERRIDE_NOT_ALLOWED',
      lawyerId,
      reason: hard[0],
      reasons,
      message: `不能指派${lawyer.name}：${info.label}（${info.basis}）。 Lawyer ${lawyer.name} cannot be appointed: ${info.description} (${hard[0]}, ${info.basis}).`,
      explanation: { chosen: chooseAutomatically(ev), candidates: ranked, excluded: ev.excluded, policy: ev.policy },
    };
  }
  const key = rankKey(lawyer);
  const rank = ranked.find((r) => r.lawyerId === lawyerId)?.rank ?? null;
  const auto = ev.ranked[0]?.lawyer;
  const [zh, en] = scoreText(key, ev.policy.windowDays);
  const placeZh = rank === null ? '不在自动候选之列' : `系统排序第${rank}位`;
  const placeEn = rank === null ? 'not an automatic candidate' : `system rank ${rank}`;
  const autoZh = auto ? `，自动选择为${auto.name}` : '，无自动候选';
  const autoEn = auto ? `, automatic pick ${auto.name}` : ', no automatic candidate';
  const warnZh = reasons.map((r) => `；注意：${EXCLUSION_REASON_INFO[r].label}`).join('');
  const warnEn = reasons.map((r) => `; warning: ${EXCLUSION_REASON_INFO[r].description}`).join('');
  const noteZh = overrideReason ? `；理由：${overrideReason}` : '';
  const noteEn = overrideReason ? `; reason: ${overrideReason}` : '';
  const chosen: ChosenLawyer = {
    lawyerId,
    rank,
    poolTier: lawyer.poolTier,
    score: key.score,
    decidedBy: 'manual_override',
    why:
      `调度员手动指定${lawyer.name}（${zh}；${placeZh}${autoZh}）${noteZh}${warnZh}。 ` +
      `Manual override by the dispatcher: ${lawyer.name} (${en}; ${placeEn}${autoEn})${noteEn}${warnEn}.`,
  };
  return { allowed: true, explanation: { chosen, candidates: ranked, excluded: ev.excluded, policy: ev.policy }, warnings: reasons };
}
