import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { badRequest, conflict, notFound } from '../../common/errors';
import { localDateOf } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { insertRows, iso, newId } from '../../database/columns';
import { caseFeedsChanged } from '../case-feeds';
import { Transactions } from '../../database/transactions';
import { Case } from '../case.entity';
import { CASE_EVENTS, CaseEvents } from '../case-events';
import { caseRef, lawyerRef } from '../case-notice';
import { nextState } from '../case-transition';
import { deadlinesOnAppointment, holidayExtensionSettings } from '../domain/periods';
import { DEFENCE_CHANGED_TWICE_WARNING, defenceChangedTwice } from '../domain/defence-restoration';
import type { NoticeWarning } from '../domain/notice.types';
import { WorkdaysService } from '../../workdays/workdays.service';
import type { Lawyer } from '../../lawyers/lawyer.entity';
import { claimLawyer, releaseLawyer } from '../../lawyers/lawyer-claims';
import { LawyersQuery } from '../../lawyers/lawyers.query';
import { Assignment, AssignmentStatus } from './assignment.entity';
import { offerRespondBy } from './domain/offer';
import { CandidatePool, HEAD_CANDIDATES, PoolCounts } from './candidate-pool';
import { PickWindow } from './pick-window';
import { CandidateLawyer, explainManualOverride, PICK_ALGORITHM_VERSION, PickExplanation, pickLawyer, PickRequest } from './domain/pick';
import type { StoredExplanation } from './domain/types';
import { AssignDto } from '../dto/case-actions.dto';

/**
 * A pick that lost its lawyer to a concurrent one is redone this many times before a 409.
 * Each lost round means another pick was appointed, but picks released together (after the
 * daily roll's lock) lose together: k of them need up to k rounds. 4 gave ASSIGNMENT_RACE_LOST
 * to a wave of 6 in pick-counter-races under load; one pool's connections (10) fit in 12.
 */
const MAX_ATTEMPTS = 12;

export function storable(e: PickExplanation, counts: PoolCounts, request: PickRequest): StoredExplanation {
  return {
    ...e,
    candidates: e.candidates.slice(0, HEAD_CANDIDATES),
    eligibleCount: counts.eligible,
    excludedCount: counts.excluded,
    excludedByReason: counts.excludedByReason,
    request,
    algorithmVersion: PICK_ALGORITHM_VERSION,
  };
}

export interface AssignResult {
  assignment: Assignment & { lawyerName: string };
  explanation: StoredExplanation;
  case: { id: string; status: Case['status']; deadlines: Case['deadlines'] };
  warnings: NoticeWarning[];
}

/** The appointment being made: read once, before the pick. */
interface AssignStep {
  c: Case;
  offer: boolean;
  replacing: boolean;
  status: Case['status'];
  now: Date;
  respondBy: Date | null;
}

interface Picked {
  chosen: CandidateLawyer;
  explanation: PickExplanation;
  stored: StoredExplanation;
}

interface ClaimedCase {
  periods: ReturnType<typeof deadlinesOnAppointment>;
  deadlines: Case['deadlines'];
  warnings: NoticeWarning[];
  /** The appointment this one replaced (set when it is ended). */
  previous: Assignment | null;
}

const withWarning = (list: NoticeWarning[], w: NoticeWarning) => [...list.filter((x) => x.code !== w.code), w];

/**
 * The pick (rules 2–6) and the lawyer's capacity. Race safety (several instances on one
 * PostgreSQL): the lawyer is taken with a conditional UPDATE (`open_cases < max_open_cases`
 * and, for an automatic pick, the last appointment the pick saw), the case with another
 * (`status` and current lawyer as read); a partial unique index allows one active
 * assignment per case. Losing the lawyer redoes the pick; losing the case is a 409.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly tx: Transactions,
    private readonly pool: CandidatePool,
    private readonly window: PickWindow,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workdays: WorkdaysService,
    @Inject(CASE_EVENTS) private readonly events: CaseEvents,
    private readonly lawyers: LawyersQuery,
  ) {}

  assign(caseId: string, dto: AssignDto, actor: Actor): Promise<AssignResult> {
    if (dto.lawyerId && !dto.reason) throw badRequest('reason', 'is required for a manual override');
    return this.tx.run((m) => this.assignIn(m, caseId, dto, actor));
  }

  /** The pick inside the caller's transaction (an offer moving on after a decline or expiry, too). */
  async assignIn(m: EntityManager, caseId: string, dto: AssignDto, actor: Actor): Promise<AssignResult> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.tryAssign(m, caseId, dto, actor);
      if (result) return result;
      if (attempt >= MAX_ATTEMPTS) throw conflict('ASSIGNMENT_RACE_LOST', 'the lawyer was taken by a concurrent appointment; try again');
    }
  }

  /** Null when the chosen lawyer was taken meanwhile (the caller picks again). */
  private async tryAssign(m: EntityManager, caseId: string, dto: AssignDto, actor: Actor): Promise<AssignResult | null> {
    const step = this.start(await this.caseToAssign(m, caseId, dto), dto);
    const picked = await this.pick(m, step, dto);
    if (!(await this.claimLawyer(m, step, picked, dto))) return null;
    const claimed = await this.claimCase(m, step, picked);
    const assignment = await this.record(m, step, picked, claimed, dto, actor);
    const lawyer = await this.event(m, step, claimed, assignment);
    return this.reply(step, picked, claimed, assignment, lawyer);
  }

  /** The case, if a lawyer may be appointed to it now. */
  private async caseToAssign(m: EntityManager, caseId: string, dto: AssignDto): Promise<Case> {
    const c = await m.findOneBy(Case, { id: caseId });
    if (!c) throw notFound('Case', caseId);
    if (c.route !== 'appointed_defence') {
      throw conflict('NOT_APPOINTED_DEFENCE', `case ${caseId} is routed ${c.route}: no lawyer is appointed (Art 2)`);
    }
    if (c.status === 'assigned' && !dto.reason) {
      throw conflict('CASE_ALREADY_ASSIGNED', 'the case already has a lawyer; give a reason to replace them');
    }
    return c;
  }

  /** What kind of appointment this is (offer, replacement or first), the case's next status, and the offer's deadline. */
  private start(c: Case, dto: AssignDto): AssignStep {
    const offer = (dto.mode ?? this.config.assignment.defaultMode) === 'offer';
    if (offer && c.status === 'assigned') throw badRequest('mode', 'an offer is for a case without a lawyer; replace the lawyer directly');
    const replacing = c.status === 'assigned' || c.status === 'refused' || c.status === 'awaiting_defender';
    const status = nextState(c.status, offer ? 'offer' : replacing ? 'reassign' : 'assign');
    const now = this.clock.now();
    const respondBy = offer ? offerRespondBy(now, this.config.assignment.offerHours, c.appointBy, this.config.courtTimezone) : null;
    if (offer && !respondBy)
      throw conflict('OFFER_TOO_LATE', `the Art 6 deadline (${c.appointBy}) leaves no time for an answer: appoint directly`);
    return { c, offer, replacing, status, now, respondBy };
  }

  /** The pick (rules 2–6), or the dispatcher's override checked against the hard rules; 409 when nobody can be appointed. */
  private async pick(m: EntityManager, { c, now }: AssignStep, dto: AssignDto): Promise<Picked> {
    const window = this.window.windowAt(now);
    await this.window.ensure(m, window.from);
    const { candidates, request, counts } = await this.pool.load(m, c, window.to, dto.lawyerId);
    let explanation: PickExplanation;
    if (dto.lawyerId) {
      if (!candidates.some((l) => l.id === dto.lawyerId)) throw badRequest('lawyerId', `no lawyer ${dto.lawyerId}`);
      const r = explainManualOverride(candidates, request, dto.lawyerId, dto.reason);
      if (!r.allowed)
        throw conflict(r.code, r.message, { reason: r.reason, reasons: r.reasons, explanation: storable(r.explanation, counts, request) });
      explanation = r.explanation;
    } else {
      explanation = pickLawyer(candidates, request);
      if (!explanation.chosen) {
        throw conflict('NO_ELIGIBLE_LAWYER', 'no lawyer in the pool can be appointed to this case', {
          explanation: storable(explanation, counts, request),
        });
      }
    }
    const chosen = candidates.find((l) => l.id === explanation.chosen!.lawyerId)!;
    return { chosen, explanation, stored: storable(explanation, counts, request) };
  }

  /** The first claim: the lawyer's capacity. False when a concurrent automatic pick took the lawyer (pick again). */
  private async claimLawyer(m: EntityManager, { now }: AssignStep, { chosen }: Picked, dto: AssignDto): Promise<boolean> {
    if (await claimLawyer(m, chosen.id, now, dto.lawyerId ? undefined : chosen.lastAppointedAt)) return true;
    if (dto.lawyerId) throw conflict('AT_CAPACITY', 'the lawyer reached maxOpenCases in a concurrent appointment');
    return false;
  }

  /** The second claim: the case, as it was read (status and current lawyer), with the deadlines that run from today. */
  private async claimCase(m: EntityManager, { c, offer, status, now }: AssignStep, { chosen }: Picked): Promise<ClaimedCase> {
    // SPC Art 311: a third change of defender is warned (the case keeps the warning).
    const changedTwice =
      !offer && defenceChangedTwice(await m.countBy(Assignment, { caseId: c.id, status: Not(In(['offered', 'declined', 'expired'])) }));
    const warnings = changedTwice ? [DEFENCE_CHANGED_TWICE_WARNING] : [];
    const appointedLocal = localDateOf(now, this.config.courtTimezone);
    const periods = deadlinesOnAppointment(
      appointedLocal,
      await this.workdays.calendar(m),
      holidayExtensionSettings(this.config.holidayExtension),
    );
    const deadlines = { ...c.deadlines, ...periods };
    const claim = m
      .createQueryBuilder()
      .update(Case)
      .set({
        status,
        currentLawyerId: offer ? null : chosen.id,
        deadlines,
        updatedAt: iso(now),
        ...(changedTwice ? { warnings: withWarning(c.warnings, DEFENCE_CHANGED_TWICE_WARNING) } : {}),
      })
      .where('id = :id AND status = :was', { id: c.id, was: c.status });
    if (c.currentLawyerId) claim.andWhere('current_lawyer_id = :prev', { prev: c.currentLawyerId });
    else claim.andWhere('current_lawyer_id IS NULL');
    if ((await claim.execute()).affected !== 1) throw conflict('CASE_ALREADY_ASSIGNED', 'the case was assigned by a concurrent request');
    return { periods, deadlines, warnings, previous: null };
  }

  /** Ends the replaced appointment, stores the new one with its explanation, and audits it. */
  private async record(
    m: EntityManager,
    { c, offer, replacing, now, respondBy }: AssignStep,
    { chosen, explanation, stored }: Picked,
    claimed: ClaimedCase,
    dto: AssignDto,
    actor: Actor,
  ): Promise<Assignment> {
    claimed.previous = c.status === 'assigned' ? await this.endActive(m, c.id, 'replaced', dto.reason ?? null, now) : null;
    const assignment = Object.assign(new Assignment(), {
      id: newId(),
      caseId: c.id,
      lawyerId: chosen.id,
      kind: dto.lawyerId ? 'manual' : 'pick',
      reason: dto.reason ?? null,
      explanation: stored,
      status: offer ? 'offered' : 'active',
      respondBy: respondBy ? iso(respondBy) : null,
      appointedAt: iso(now),
      contactJudgeBy: claimed.periods.contactJudgeBy,
      fileReviewBy: claimed.periods.fileReviewAndMeetingBy,
      appointedBy: actor.id,
      endedAt: null,
      endReason: null,
    } satisfies Assignment);
    await insertRows(m, Assignment, assignment);
    await caseFeedsChanged(m, c.id);
    await this.audit.record(m, actor, offer ? 'case.offer' : replacing ? 'case.reassign' : 'case.assign', 'case', c.id, {
      assignmentId: assignment.id,
      lawyerId: chosen.id,
      kind: assignment.kind,
      reason: assignment.reason,
      decidedBy: explanation.chosen!.decidedBy,
      previousLawyerId: claimed.previous?.lawyerId ?? c.currentLawyerId ?? null,
    });
    return assignment;
  }

  /** The event (offered, reassigned or assigned) in the same transaction; returns the appointed lawyer. */
  private async event(
    m: EntityManager,
    { c, offer, replacing, status }: AssignStep,
    claimed: ClaimedCase,
    assignment: Assignment,
  ): Promise<Lawyer> {
    const lawyer = (await this.lawyers.byId(m, assignment.lawyerId))!;
    const updated = { ...c, status, currentLawyerId: assignment.lawyerId, deadlines: claimed.deadlines };
    const event = {
      lawyer: lawyerRef(lawyer),
      case: caseRef(updated),
      assignmentId: assignment.id,
      appointedAt: assignment.appointedAt,
      kind: assignment.kind,
    };
    if (offer) {
      await this.events.offered(m, { ...event, respondBy: assignment.respondBy! });
    } else if (replacing) {
      const { previous } = claimed;
      const ended = previous ?? (await this.lastRefused(m, c.id));
      const prevLawyer = ended ? await this.lawyers.byId(m, ended.lawyerId) : null;
      await this.events.reassigned(m, {
        ...event,
        previousLawyer: prevLawyer ? lawyerRef(prevLawyer) : null,
        previousEnd: previous ? 'replaced' : 'refused',
        reason: ended?.endReason ?? null,
      });
    } else {
      await this.events.assigned(m, event);
    }
    return lawyer;
  }

  /** The answer: the assignment with the lawyer's name, the stored explanation, the case's new state and its warnings. */
  private reply({ c, status }: AssignStep, { stored }: Picked, claimed: ClaimedCase, assignment: Assignment, lawyer: Lawyer): AssignResult {
    return {
      assignment: { ...assignment, lawyerName: lawyer.name },
      explanation: stored,
      case: { id: c.id, status, deadlines: claimed.deadlines },
      warnings: claimed.warnings,
    };
  }

  /**
   * Ends the case's active assignment (refusal, termination, closing, replacement) and gives
   * the lawyer's capacity back. Null when there is none.
   */
  async endActive(
    m: EntityManager,
    caseId: string,
    status: Exclude<AssignmentStatus, 'active'>,
    reason: string | null,
    now: Date,
  ): Promise<Assignment | null> {
    const active = await m.findOneBy(Assignment, { caseId, status: 'active' });
    if (!active) return null;
    const ended = await m
      .createQueryBuilder()
      .update(Assignment)
      .set({ status, endedAt: iso(now), endReason: reason })
      .where("id = :id AND status = 'active'", { id: active.id })
      .execute();
    if (ended.affected !== 1) throw conflict('ASSIGNMENT_ALREADY_ENDED', 'the assignment was ended by a concurrent request');
    await releaseLawyer(m, active.lawyerId);
    await caseFeedsChanged(m, caseId);
    return { ...active, status, endedAt: iso(now), endReason: reason };
  }

  private lastRefused(m: EntityManager, caseId: string): Promise<Assignment | null> {
    return m.findOne(Assignment, { where: { caseId, status: 'refused' }, order: { endedAt: 'DESC' } });
  }
}
