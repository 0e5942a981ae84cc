import { isLocalDate, LocalDate } from '../../../common/local-date';
import { firmKey } from '../../../lawyers/domain/firm-key';
import { ExclusionReason, REASON_PRIORITY } from './exclusion-reasons';
import { MIN_SENIOR_YEARS, seniorityCutoff } from './seniority';
import { CandidateLawyer, PickRequest } from './types';

/**
 * The request turned into sets and thresholds once per pick, so checking each of 10,000
 * lawyers is O(1) per rule instead of scanning the id lists or parsing dates per lawyer.
 */
export interface EligibilityContext {
  appointmentDate: LocalDate;
  requiresJuvenileExperience: boolean;
  /** Latest criminalPracticeSince with ≥ 3 full years on the appointment date; null when not required. */
  seniorCutoff: LocalDate | null;
  refused: ReadonlySet<string>;
  declined: ReadonlySet<string>;
  conflicting: ReadonlySet<string>;
  /** Normalised firm names (see `firmKey`); empty when the same-firm rule is off. */
  avoidedFirms: ReadonlySet<string>;
  avoidSameFirm: boolean;
  /** firm → firmKey: thousands of lawyers share a few hundred firms, normalise each once. */
  firmKeys: Map<string, string>;
}

export { firmKey };

export function eligibilityContext(request: PickRequest): EligibilityContext {
  if (!isLocalDate(request.appointmentDate)) throw new RangeError(`appointmentDate is not a local date: ${request.appointmentDate}`);
  const avoidSameFirm = request.avoidSameFirm ?? true;
  const avoidedFirms = new Set(avoidSameFirm ? request.coDefendantFirms.map(firmKey).filter((f) => f !== '') : []);
  return {
    appointmentDate: request.appointmentDate,
    requiresJuvenileExperience: request.requiresJuvenileExperience,
    seniorCutoff: request.requiresSeniorLawyer ? seniorityCutoff(request.appointmentDate, MIN_SENIOR_YEARS) : null,
    refused: new Set(request.refusedLawyerIds),
    declined: new Set(request.declinedLawyerIds ?? []),
    conflicting: new Set(request.coDefendantLawyerIds),
    avoidedFirms,
    avoidSameFirm,
    firmKeys: new Map(),
  };
}

function sameFirm(lawyer: CandidateLawyer, ctx: EligibilityContext): boolean {
  if (ctx.avoidedFirms.size === 0) return false;
  // The co-defendant's own lawyer matches their own firm trivially; the conflict already says it all.
  if (ctx.conflicting.has(lawyer.id)) return false;
  let key = ctx.firmKeys.get(lawyer.firm);
  if (key === undefined) ctx.firmKeys.set(lawyer.firm, (key = firmKey(lawyer.firm)));
  return ctx.avoidedFirms.has(key);
}

function tooJunior(lawyer: CandidateLawyer, cutoff: LocalDate | null): boolean {
  if (cutoff === null) return false;
  // Text comparison is only sound on well-formed dates: a malformed one must not pass silently.
  if (lawyer.criminalPracticeSince.length !== 10) throw new RangeError(`lawyer ${lawyer.id}: bad criminalPracticeSince`);
  return lawyer.criminalPracticeSince > cutoff;
}

/** One predicate per code (true = excluded). LocalDates compare as text; leave is inclusive. */
const RULES: Readonly<Record<ExclusionReason, (lawyer: CandidateLawyer, ctx: EligibilityContext) => boolean>> = {
  INACTIVE: (l) => !l.active || l.suspended === true,
  UNAVAILABLE: (l, ctx) => l.unavailable.some((u) => u.from <= ctx.appointmentDate && ctx.appointmentDate <= u.to),
  NO_JUVENILE_EXPERIENCE: (l, ctx) => ctx.requiresJuvenileExperience && !l.juvenileExperience,
  INSUFFICIENT_EXPERIENCE: (l, ctx) => tooJunior(l, ctx.seniorCutoff),
  AT_CAPACITY: (l) => l.openCases >= l.maxOpenCases,
  CONFLICT_CO_DEFENDANT: (l, ctx) => ctx.conflicting.has(l.id),
  SAME_FIRM_AS_CO_DEFENDANT: sameFirm,
  REFUSED_BY_DEFENDANT: (l, ctx) => ctx.refused.has(l.id),
  DECLINED_OFFER: (l, ctx) => ctx.declined.has(l.id),
};

/**
 * Every rule the lawyer fails, in REASON_PRIORITY order; empty means eligible. All rules
 * are checked (no early return) so the stored explanation shows the whole picture.
 */
export function exclusionReasons(lawyer: CandidateLawyer, ctx: EligibilityContext): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  for (const code of REASON_PRIORITY) if (RULES[code](lawyer, ctx)) reasons.push(code);
  return reasons;
}
