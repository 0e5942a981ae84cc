import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { EntityManager } from 'typeorm';
import { type Actor, SYSTEM_ACTOR } from '../../common/actor';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { conflict, DomainError, notFound } from '../../common/errors';
import { localDateOf } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { iso } from '../../database/columns';
import { caseFeedsChanged } from '../case-feeds';
import { Transactions } from '../../database/transactions';
import { JobLeaseService } from '../../jobs/job-lease.service';
import { Case } from '../case.entity';
import { CASE_EVENTS, CaseEvents } from '../case-events';
import { caseRef, lawyerRef } from '../case-notice';
import { nextState } from '../case-transition';
import { deadlinesOnAppointment, holidayExtensionSettings } from '../domain/periods';
import { releaseLawyer } from '../../lawyers/lawyer-claims';
import { LawyersQuery } from '../../lawyers/lawyers.query';
import { WorkdaysService } from '../../workdays/workdays.service';
import { Assignment } from './assignment.entity';
import { AssignmentService } from './assignment.service';
import { offerExpired, shownStatus } from './domain/offer';

/** Longer than an expiry run takes; only matters when an instance dies mid-run. */
const RUN_LEASE_MS = 5 * 60_000;
/** Offers expired per run; the next run takes the rest. */
const BATCH = 100;
/** The pick found nobody, or no time is left before Art 6: the dispatcher takes over. */
const STOPS = new Set(['NO_ELIGIBLE_LAWYER', 'OFFER_TOO_LATE']);

/**
 * The lawyer's answer to an offer (issue 12 item 10): accept → the appointment is made (Art 12
 * periods from the acceptance, the appointment mail, the letter); decline or silence past
 * respondBy → the offer ends, the lawyer's capacity is released, and the case is offered to
 * the next eligible lawyer in the same transaction (or returns to `ready` when nobody is left).
 * Expiry runs under the job lease; each offer ends with one conditional UPDATE, so across
 * instances it ends, and the next offer is made, exactly once.
 */
@Injectable()
export class OffersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OffersService.name);

  constructor(
    private readonly tx: Transactions,
    private readonly assignments: AssignmentService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly leases: JobLeaseService,
    private readonly scheduler: SchedulerRegistry,
    private readonly workdays: WorkdaysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CASE_EVENTS) private readonly events: CaseEvents,
    private readonly lawyers: LawyersQuery,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.assignment.offerExpiryCron,
      timeZone: this.config.courtTimezone,
      onTick: async () => {
        await this.expireDue().catch((err: unknown) => this.logger.error({ err }, 'offer expiry failed'));
      },
    });
    this.scheduler.addCronJob('offers:expire', job);
    job.start();
  }

  async accept(id: string, actor: Actor) {
    const calendar = await this.workdays.calendar();
    return this.tx.run(async (m) => {
      const a = await this.pending(m, id, actor);
      const now = this.clock.now();
      if (offerExpired(a.respondBy!, now)) throw conflict('OFFER_EXPIRED', `the answer was due by ${a.respondBy}`);
      const c = (await m.findOneBy(Case, { id: a.caseId }))!;
      const status = nextState(c.status, 'accept_offer');
      const periods = deadlinesOnAppointment(
        localDateOf(now, this.config.courtTimezone),
        calendar,
        holidayExtensionSettings(this.config.holidayExtension),
      );
      const deadlines = { ...c.deadlines, ...periods };
      await this.end(m, a, 'active', null, {
        appointedAt: iso(now),
        contactJudgeBy: periods.contactJudgeBy,
        fileReviewBy: periods.fileReviewAndMeetingBy,
      });
      const moved = await m.update(
        Case,
        { id: c.id, status: c.status },
        { status, currentLawyerId: a.lawyerId, deadlines, updatedAt: iso(now) },
      );
      if (moved.affected !== 1) throw conflict('CASE_CHANGED', 'the case was changed by a concurrent request; reload it');
      await caseFeedsChanged(m, c.id);
      await this.audit.record(m, actor, 'case.offer.accept', 'case', c.id, { assignmentId: id, lawyerId: a.lawyerId });
      const lawyer = (await this.lawyers.byId(m, a.lawyerId))!;
      await this.events.assigned(m, {
        lawyer: lawyerRef(lawyer),
        case: caseRef({ ...c, status, currentLawyerId: a.lawyerId, deadlines }),
        assignmentId: id,
        appointedAt: iso(now),
        kind: a.kind,
      });
      const accepted = {
        ...a,
        status: 'active' as const,
        appointedAt: iso(now),
        contactJudgeBy: periods.contactJudgeBy,
        fileReviewBy: periods.fileReviewAndMeetingBy,
      };
      return { assignment: { ...accepted, status: shownStatus(accepted) }, case: { id: c.id, status, deadlines } };
    });
  }

  decline(id: string, reason: string, actor: Actor) {
    return this.tx.run(async (m) => {
      const a = await this.pending(m, id, actor);
      await this.end(m, a, 'declined', reason);
      await this.audit.record(m, actor, 'case.offer.decline', 'case', a.caseId, { assignmentId: id, lawyerId: a.lawyerId, reason });
      return { assignment: { ...a, status: 'declined', endReason: reason }, next: await this.moveOn(m, a, 'declined', reason) };
    });
  }

  /** Ends every offer past its respondBy and offers each case to the next lawyer. One instance at a time. */
  async expireDue(): Promise<{ ran: boolean; expired: number }> {
    const run = await this.leases.runExclusive('offers:expire', RUN_LEASE_MS, async () => {
      const now = this.clock.now();
      const due = await this.tx.run((m) =>
        m
          .createQueryBuilder(Assignment, 'a')
          .where("a.status = 'offered' AND a.respond_by < :now", { now: iso(now) })
          .orderBy('a.respond_by', 'ASC')
          .take(BATCH)
          .getMany(),
      );
      let expired = 0;
      for (const a of due) {
        const done = await this.tx.run(async (m) => {
          if (!(await this.end(m, a, 'expired', '未在答复期限内答复', {}, false))) return false;
          await this.audit.record(m, SYSTEM_ACTOR, 'case.offer.expire', 'case', a.caseId, {
            assignmentId: a.id,
            lawyerId: a.lawyerId,
            respondBy: a.respondBy,
          });
          await this.moveOn(m, a, 'expired', null);
          return true;
        });
        if (done) expired++;
      }
      return expired;
    });
    return run.ran ? { ran: true, expired: run.result } : { ran: false, expired: 0 };
  }

  /** The offer of this lawyer (another lawyer's → 404), still pending (else 409). */
  private async pending(m: EntityManager, id: string, actor: Actor): Promise<Assignment> {
    const a = await m.findOneBy(Assignment, { id });
    if (!a || (actor.role === 'lawyer' && actor.lawyerId !== a.lawyerId)) throw notFound('Assignment', id);
    if (a.status !== 'offered') throw conflict('OFFER_NOT_PENDING', `the offer is ${shownStatus(a)}`);
    return a;
  }

  /**
   * Ends a pending offer with one conditional UPDATE; a declined or expired one gives the
   * lawyer's capacity back. False (or 409 when `strict`) when a concurrent answer came first.
   */
  private async end(
    m: EntityManager,
    a: Assignment,
    status: 'active' | 'declined' | 'expired',
    reason: string | null,
    extra: Partial<Assignment> = {},
    strict = true,
  ): Promise<boolean> {
    const now = iso(this.clock.now());
    const ends = status === 'active' ? {} : { endedAt: now, endReason: reason };
    const res = await m
      .createQueryBuilder()
      .update(Assignment)
      .set({ status, ...ends, ...extra })
      .where("id = :id AND status = 'offered'", { id: a.id })
      .execute();
    if (res.affected !== 1) {
      if (strict) throw conflict('OFFER_NOT_PENDING', 'the offer was answered or expired meanwhile');
      return false;
    }
    if (status !== 'active') {
      await releaseLawyer(m, a.lawyerId);
    }
    return true;
  }

  /**
   * After the offer `ended`, the next eligible lawyer is offered the case; nobody (or no time)
   * left → back to `ready` for the dispatcher, and the center's mailbox is told.
   */
  private async moveOn(m: EntityManager, ended: Assignment, end: 'declined' | 'expired', reason: string | null) {
    const { caseId } = ended;
    try {
      const next = await this.assignments.assignIn(m, caseId, { mode: 'offer' }, SYSTEM_ACTOR);
      return { assignment: next.assignment, explanation: next.explanation };
    } catch (err) {
      if (!(err instanceof DomainError) || !STOPS.has(err.code)) throw err;
      const c = (await m.findOneBy(Case, { id: caseId }))!;
      const status = nextState(c.status, 'withdraw_offer');
      await m.update(Case, { id: caseId, status: c.status }, { status, updatedAt: iso(this.clock.now()) });
      await caseFeedsChanged(m, caseId);
      await this.audit.record(m, SYSTEM_ACTOR, 'case.offer.withdraw', 'case', caseId, { code: err.code });
      const lawyer = (await this.lawyers.byId(m, ended.lawyerId))!;
      const stop = err.code as 'NO_ELIGIBLE_LAWYER' | 'OFFER_TOO_LATE';
      await this.events.offerStalled(m, {
        assignmentId: ended.id,
        case: caseRef({ ...c, status }),
        lawyer: lawyerRef(lawyer),
        end,
        reason,
        stop,
      });
      return null;
    }
  }
}
