import { Route } from './routing';
import { TERMINATION_GROUND_CODES, type TerminationGroundCode } from '../../shared/termination-grounds';

/**
 * The life of one defendant's case at the legal aid centre, as an explicit table.
 *
 *   received ──complete──▶ ready ◀──complete── incomplete ◀──flag_incomplete── received
 *   received / incomplete / ready ──assign──▶ assigned        (Art 6: appoint within 3 days;
 *        an incomplete notice does not hold the appointment up — Art 7 only asks the court
 *        to supply what is missing)
 *   assigned ──refuse_unjustified──▶ assigned     (Art 5: no good reason → the lawyer stays)
 *   assigned ──refuse_justified──▶ refused        (Art 5: court permits; defendant must retain)
 *   refused  ──reassign──▶ assigned               (Art 5: he retained nobody → another lawyer)
 *   refused  ──terminate──▶ terminated            (Art 5 / Art 17: aid ends, e.g. self_retained)
 *   assigned ──reassign──▶ assigned               (lawyer replaced; the pick runs again)
 *   any open state ──terminate──▶ terminated      (Art 17 grounds, see TERMINATION_GROUNDS)
 *   assigned / duty_help ──close──▶ closed         (case finished)
 *   open states ──end_at_request──▶ awaiting_defender (LAL Art 48, SPC Art 50: a mandatory
 *        defence ended at the defendant's justified request must be restored: he retains
 *        counsel within 5 days — then `terminate` self_retained — or the court re-notifies
 *        within 3 more and the centre re-appoints, `reassign`, Art 5)
 *   terminated / no_aid ──reopen──▶ ready           (Art 18, LAL Art 49: the bureau orders aid;
 *        appointment due 3 days from the decision, Art 6)
 *   received / incomplete / ready / refused / awaiting_defender ──offer──▶ offered   (the
 *        centre offers the case; the lawyer answers within the window, Art 6)
 *   offered ──accept_offer──▶ assigned; offered ──offer──▶ offered (declined or expired: the
 *        next lawyer); offered ──withdraw_offer──▶ ready (nobody left; appoint directly)
 *   duty_help ──convert──▶ ready                   (CPL Art 221, 226: converted to ordinary
 *        procedure; appointment due 3 days from the conversion)
 *
 * Two entry states besides `received` (see initialState):
 *   duty_help: route duty_lawyer_help — served by whoever is on shift at the station, no
 *     appointment of a named lawyer. `assign` from it covers a court switching the trial to
 *     ordinary procedure (CPL Art 221, 226), which makes it an appointed defence.
 *   no_aid: route none (retained counsel, or a non-mandatory refusal, Art 3). Terminal: a
 *     later change comes as a new court notice.
 * `received` is a recorded notice whose completeness has not been checked (e.g. an import);
 * notices through the API start in `incomplete` or `ready`.
 * terminated, closed and no_aid are terminal.
 */

export const CASE_STATES = [
  'received',
  'incomplete',
  'ready',
  'assigned',
  'refused',
  'awaiting_defender',
  'offered',
  'duty_help',
  'terminated',
  'closed',
  'no_aid',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_EVENTS = [
  'complete',
  'flag_incomplete',
  'assign',
  'refuse_justified',
  'refuse_unjustified',
  'reassign',
  'terminate',
  'close',
  'end_at_request',
  'reopen',
  'convert',
  'offer',
  'accept_offer',
  'withdraw_offer',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

const TRANSITIONS: Readonly<Record<CaseState, Partial<Record<CaseEvent, CaseState>>>> = {
  received: {
    complete: 'ready',
    flag_incomplete: 'incomplete',
    assign: 'assigned',
    terminate: 'terminated',
    end_at_request: 'awaiting_defender',
    offer: 'offered',
  },
  incomplete: {
    complete: 'ready',
    flag_incomplete: 'incomplete',
    assign: 'assigned',
    terminate: 'terminated',
    end_at_request: 'awaiting_defender',
    offer: 'offered',
  },
  ready: {
    flag_incomplete: 'incomplete',
    assign: 'assigned',
    terminate: 'terminated',
    end_at_request: 'awaiting_defender',
    offer: 'offered',
  },
  // Completeness still changes after appointment (the court sends the missing papers); it is
  // tracked in missingFields and does not move the case.
  assigned: {
    complete: 'assigned',
    flag_incomplete: 'assigned',
    refuse_justified: 'refused',
    refuse_unjustified: 'assigned',
    reassign: 'assigned',
    terminate: 'terminated',
    close: 'closed',
    end_at_request: 'awaiting_defender',
  },
  refused: { reassign: 'assigned', terminate: 'terminated', offer: 'offered' },
  awaiting_defender: { reassign: 'assigned', terminate: 'terminated', offer: 'offered' },
  // Completeness is tracked in missingFields while an offer runs, as after appointment.
  offered: {
    complete: 'offered',
    flag_incomplete: 'offered',
    offer: 'offered',
    accept_offer: 'assigned',
    withdraw_offer: 'ready',
    terminate: 'terminated',
  },
  duty_help: { assign: 'assigned', close: 'closed', convert: 'ready' },
  // Only the justice bureau's order (Art 18) leads out of these two.
  terminated: { reopen: 'ready' },
  closed: {},
  no_aid: { reopen: 'ready' },
};

export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;
  constructor(
    readonly from: CaseState,
    readonly event: CaseEvent,
  ) {
    super(`cannot ${event} a case that is ${from}`);
    this.name = 'InvalidTransitionError';
  }
}

export function canTransition(state: CaseState, event: CaseEvent): boolean {
  return TRANSITIONS[state]?.[event] !== undefined;
}

/** The state after `event`; throws InvalidTransitionError (code INVALID_TRANSITION) otherwise. */
export function transition(state: CaseState, event: CaseEvent): CaseState {
  const next = TRANSITIONS[state]?.[event];
  if (next === undefined) throw new InvalidTransitionError(state, event);
  return next;
}

export function allowedEvents(state: CaseState): CaseEvent[] {
  return CASE_EVENTS.filter((e) => canTransition(state, e));
}

/** Over for the centre: nothing but a bureau's order (Art 18) can change it. */
export function isTerminal(state: CaseState): boolean {
  return allowedEvents(state).every((e) => e === 'reopen');
}

/** Where a routed notice starts (the service calls this right after routeNotice + missingFields). */
export function initialState(route: Route, missing: readonly string[]): CaseState {
  if (route === 'none') return 'no_aid';
  if (route === 'duty_lawyer_help') return 'duty_help';
  return missing.length > 0 ? 'incomplete' : 'ready';
}

export { TERMINATION_GROUND_CODES, type TerminationGroundCode };

export interface TerminationGround {
  code: TerminationGroundCode;
  /** Item number of Art 17 para 1 (（一）…（六）). */
  item: number;
  label: string;
  basis: string;
}

/** Art 17 para 1: the centre SHALL terminate aid in these cases. Art 5 refusals end via these too. */
export const TERMINATION_GROUNDS: readonly TerminationGround[] = [
  { code: 'self_retained', item: 1, label: '被告人自行委托其他辩护人', basis: '实施意见第十七条第一款第（一）项' },
  { code: 'defendant_request', item: 2, label: '被告人要求终止法律援助', basis: '实施意见第十七条第一款第（二）项' },
  { code: 'case_closed', item: 3, label: '案件依法应当终止办理或被撤销起诉', basis: '实施意见第十七条第一款第（三）项' },
  { code: 'concealment', item: 4, label: '被告人故意隐瞒与案件有关的重要事实或者提供虚假证据', basis: '实施意见第十七条第一款第（四）项' },
  { code: 'illegal_use', item: 5, label: '被告人利用法律援助从事违法活动', basis: '实施意见第十七条第一款第（五）项' },
  { code: 'other_law', item: 6, label: '法律、法规规定应当终止的其他情形', basis: '实施意见第十七条第一款第（六）项' },
];

export function isTerminationGround(value: unknown): value is TerminationGroundCode {
  return typeof value === 'string' && (TERMINATION_GROUND_CODES as readonly string[]).includes(value);
}

export function terminationGround(code: TerminationGroundCode): TerminationGround {
  return TERMINATION_GROUNDS.find((g) => g.code === code)!;
}
