import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors';
import { localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { insertRows, iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { Case } from '../cases/case.entity';
import { CASE_EVENTS, CaseEvents } from '../cases/case-events';
import { caseRef, lawyerRef } from '../cases/case-notice';
import { nextState } from '../cases/case-transition';
import { deadlinesOnAppointment, holidayExtensionSettings } from '../cases/domain/periods';
import { DEFENCE_CHANGED_TWICE_WARNING, defenceChangedTwice } from '../cases/domain/defence-restoration';
import type { NoticeWarning } from '../cases/domain/notice.types';
import { WorkdaysService } from '../workdays/workdays.service';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Assignment, AssignmentStatus } from './assignment.entity';
import { offerRespondBy } from './domain/offer';
import { CandidatePool, HEAD_CANDIDATES, PoolCounts } from './candidate-pool';
import { PickWindow } from './pick-window';
import { scoreSql } from '../lawyers/lawyer-rank';
import { explainManualOverride, PICK_ALGORITHM_VERSION, PickExplanation, pickLawyer, PickRequest } from './domain/pick';
import type { StoredExplanation } from './domain/types';
import { AssignDto } from '../cases/dto/case-actions.dto';

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
    const c = await m.findOneBy(Case, { id: caseId });
    if (!c) throw notFound('Case', caseId);
    if (c.route !== 'appointed_defence') {
      throw conflict('NOT_APPOINTED_DEFENCE', `case ${caseId} is routed ${c.route}: no lawyer is appointed (Art 2)`);
    }
    if (c.status === 'assigned' && !dto.reason) {
      throw conflict('CASE_ALREADY_ASSIGNED', 'the case already has a lawyer; give a reason to replace them');
    }
    const offer = (dto.mode ?? this.config.assignment.defaultMode) === 'offer';
    if (offer && c.status === 'assigned') throw badRequest('mode', 'an offer is for a case without a lawyer; replace the lawyer directly');
    const replacing = c.status === 'assigned' || c.status === 'refused' || c.status === 'awaiting_defender';
    const status = nextState(c.status, offer ? 'offer' : replacing ? 'reassign' : 'assign');
    const now = this.clock.now();
    const respondBy = offer ? offerRespondBy(now, this.config.assignment.offerHours, c.appointBy, this.config.courtTimezone) : null;
    if (offer && !respondBy)
      throw conflict('OFFER_TOO_LATE', `the Art 6 deadline (${c.appointBy}) leaves no time for an answer: appoint directly`);
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
    if (!(await this.takeLawyer(m, chosen.id, now, dto.lawyerId ? undefined : chosen.lastAppointedAt))) {
      if (dto.lawyerId) throw conflict('AT_CAPACITY', 'the lawyer reached maxOpenCases in a concurrent appointment');
      return null;
    }

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

    const previous = c.status === 'assigned' ? await this.endActive(m, c.id, 'replaced', dto.reason ?? null, now) : null;
    const stored = storable(explanation, counts, request);
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
      contactJudgeBy: periods.contactJudgeBy,
      fileReviewBy: periods.fileReviewAndMeetingBy,
      appointedBy: actor.id,
      endedAt: null,
      endReason: null,
    } satisfies Assignment);
    await insertRows(m, Assignment, assignment);
    await this.audit.record(m, actor, offer ? 'case.offer' : replacing ? 'case.reassign' : 'case.assign', 'case', c.id, {
      assignmentId: assignment.id,
      lawyerId: chosen.id,
      kind: assignment.kind,
      reason: assignment.reason,
      decidedBy: explanation.chosen!.decidedBy,
      previousLawyerId: previous?.lawyerId ?? c.currentLawyerId ?? null,
    });

    const lawyer = (await m.findOneBy(Lawyer, { id: chosen.id }))!;
    const updated = { ...c, status, currentLawyerId: chosen.id, deadlines };
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
      const ended = previous ?? (await this.lastRefused(m, c.id));
      const prevLawyer = ended ? await m.findOneBy(Lawyer, { id: ended.lawyerId }) : null;
      await this.events.reassigned(m, {
        ...event,
        previousLawyer: prevLawyer ? lawyerRef(prevLawyer) : null,
        previousEnd: previous ? 'replaced' : 'refused',
        reason: ended?.endReason ?? null,
      });
    } else {
      await this.events.assigned(m, event);
    }
    return {
      assignment: { ...assignment, lawyerName: lawyer.name },
      explanation: stored,
      case: { id: c.id, status, deadlines },
      warnings,
    };
  }

  /**
   * Takes one unit of the lawyer's capacity and counts the appointment in the rolling window
   * (the counter PickWindow rolls), in one conditional UPDATE. For an automatic pick also checks that nobody
   * appointed the lawyer since the pick read the row, so concurrent picks stay fair.
   */
  private async takeLawyer(m: EntityManager, lawyerId: string, now: Date, seenLastAppointedAt?: string | null): Promise<boolean> {
    const q = m
      .createQueryBuilder()
      .update(Lawyer)
      .set({
        openCases: () => 'open_cases + 1',
        windowCount: () => 'window_count + 1',
        rankScore: () => scoreSql(m, '(window_count + 1)'),
        lastAppointedAt: iso(now),
      })
      .where('id = :id AND open_cases < max_open_cases', { id: lawyerId });
    if (seenLastAppointedAt === null) q.andWhere('last_appointed_at IS NULL');
    else if (seenLastAppointedAt !== undefined) q.andWhere('last_appointed_at = :seen', { seen: seenLastAppointedAt });
    return (await q.execute()).affected === 1;
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
    await m
      .createQueryBuilder()
      .update(Lawyer)
      .set({ openCases: () => 'open_cases - 1' })
      .where('id = :id AND open_cases > 0', { id: active.lawyerId })
      .execute();
    return { ...active, status, endedAt: iso(now), endReason: reason };
  }

  private lastRefused(m: EntityManager, caseId: string): Promise<Assignment | null> {
    return m.findOne(Assignment, { where: { caseId, status: 'refused' }, order: { endedAt: 'DESC' } });
  }
}
