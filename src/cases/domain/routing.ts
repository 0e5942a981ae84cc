import { LocalDate } from '../../common/local-date';
import { isJuvenile, mandatoryGround, MandatoryGroundCode, mandatoryGrounds, MandatoryGroundsOptions } from './mandatory-grounds';
import { CourtNotice, NoticeWarning } from './notice.types';

/**
 * 分流 (Art 2, DESIGN rule 1): which kind of lawyer a court notice gets.
 *   retained counsel                      → none               (Art 2: "没有委托辩护人的")
 *   a mandatory ground (LAL Art 25)       → appointed_defence  whatever the procedure
 *   explicit refusal, no mandatory ground → none, refusal recorded (Art 3)
 *   ordinary / trial_supervision          → appointed_defence  (Art 2 para 1)
 *   simplified / fast_track               → duty_lawyer_help   (Art 2 para 2)
 */

export type Route = 'appointed_defence' | 'duty_lawyer_help' | 'none';

/** Why the route was taken: stored with the case so the decision explains itself. */
export type RouteReason = 'retained_counsel' | 'mandatory_ground' | 'refused_aid' | 'procedure' | 'aid_ordered';

/**
 * - `none`: no refusal.
 * - `recorded`: a non-mandatory defendant refused; the court may stop notifying (Art 3).
 * - `needs_reason`: a mandatory defendant refused; a refusal alone does not stop the appointment:
 *   the court must find out why and, if the reason is good, permit it (Art 5).
 */
export type RefusalStatus = 'none' | 'recorded' | 'needs_reason';

export interface RoutingResult {
  route: Route;
  reason: RouteReason;
  /** Under 18 on the offence date (Art 8). */
  juvenile: boolean;
  mandatoryGrounds: MandatoryGroundCode[];
  refusal: RefusalStatus;
  warnings: NoticeWarning[];
  /**
   * Lawyer requirements if a lawyer is appointed; describe the case, so they are set whatever
   * the route. Senior: ≥ 3 years' criminal practice for possible life/death and death-penalty
   * review (Legal Aid Law 2021 Art 26).
   */
  requiresSeniorLawyer: boolean;
  /** Juvenile case → a lawyer with juvenile-case experience (Art 8). */
  requiresJuvenileExperience: boolean;
}

export const WARNING_PROCEDURE_NOT_ALLOWED = 'PROCEDURE_NOT_ALLOWED';
export const WARNING_REFUSAL_NEEDS_REASON = 'REFUSAL_NEEDS_REASON';

const PROCEDURE_LABEL = { simplified: '简易程序', fast_track: '速裁程序' } as const;
const PROCEDURE_BASIS = { simplified: '刑事诉讼法第215条', fast_track: '刑事诉讼法第223条' } as const;

/**
 * Procedure check: the grounds whose table row bars the notice's procedure (simplified: CPL Art
 * 215 — blind/deaf/mute/mental; fast track: CPL Art 223 — those and minors; both: life/death).
 */
export function procedureBars(grounds: readonly MandatoryGroundCode[], procedure: CourtNotice['procedure']): MandatoryGroundCode[] {
  if (procedure !== 'simplified' && procedure !== 'fast_track') return [];
  return grounds.filter((code) => mandatoryGround(code).bars[procedure]);
}

export function routeNotice(notice: CourtNotice, noticeDate: LocalDate, options: MandatoryGroundsOptions = {}): RoutingResult {
  const grounds = mandatoryGrounds(notice, noticeDate, options);
  const juvenile = isJuvenile(notice.defendant.birthDate, notice.offenceDate, options.ageReckoning);
  const warnings: NoticeWarning[] = [];

  // The procedure warning goes to the court whatever the route: it is the court's trial
  // that is irregular, not the legal aid.
  const barred = procedureBars(grounds, notice.procedure);
  if (barred.length > 0 && (notice.procedure === 'simplified' || notice.procedure === 'fast_track')) {
    const who = barred.map((c) => mandatoryGround(c).label).join('、');
    warnings.push({
      code: WARNING_PROCEDURE_NOT_ALLOWED,
      message: `被告人为${who}，依法不适用${PROCEDURE_LABEL[notice.procedure]}（${PROCEDURE_BASIS[notice.procedure]}），请人民法院转为普通程序审理；本案按指派辩护处理。`,
    });
  }

  const base = {
    juvenile,
    mandatoryGrounds: grounds,
    warnings,
    requiresSeniorLawyer: grounds.includes('life_or_death_sentence') || grounds.includes('death_penalty_review'),
    // A minor at notice time was a minor at the offence too; the OR guards a notice whose
    // offence date is wrong rather than silently dropping Art 8.
    requiresJuvenileExperience: juvenile || grounds.includes('minor'),
  };
  const refused = notice.defendant.refusedAid === true;

  if (notice.defendant.hasRetainedCounsel === true) {
    return { ...base, route: 'none', reason: 'retained_counsel', refusal: refused ? 'recorded' : 'none' };
  }
  if (grounds.length > 0) {
    if (refused) {
      warnings.push({
        code: WARNING_REFUSAL_NEEDS_REASON,
        message: '被告人属于应当通知辩护的情形，其拒绝指派律师辩护须查明原因；无正当理由的，继续指派（实施意见第五条）。',
      });
    }
    return { ...base, route: 'appointed_defence', reason: 'mandatory_ground', refusal: refused ? 'needs_reason' : 'none' };
  }
  if (refused) {
    return { ...base, route: 'none', reason: 'refused_aid', refusal: 'recorded' };
  }
  const route: Route = notice.procedure === 'simplified' || notice.procedure === 'fast_track' ? 'duty_lawyer_help' : 'appointed_defence';
  return { ...base, route, reason: 'procedure', refusal: 'none' };
}
