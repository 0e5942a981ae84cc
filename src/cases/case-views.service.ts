import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { type Actor, ownLawyerId } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { addDays, daysBetween, instantAt, localDateOf, toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso } from '../database/columns';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { Assignment } from './assignment/assignment.entity';
import { shownStatus } from './assignment/domain/offer';
import { Case } from './case.entity';
import { assertClerkCourt, clerkCourtForReads } from './clerk-scope';
import { noticeOf } from './case-notice';
import { noticeWarnings } from './domain/notice-completeness';
import { isOverdue } from './domain/periods';
import { CaseQueryDto } from './dto/case-actions.dto';
import { Hearing } from './hearing.entity';
import { HearingsService } from './hearings.service';
import { FileReadingService } from './file-reading.service';
import { ObjectionsService } from './objections.service';
import { Refusal } from './refusal.entity';

/** Not yet appointed: the states in which appointBy (Art 6) is running. */
export const AWAITING_APPOINTMENT: readonly Case['status'][] = ['received', 'incomplete', 'ready', 'refused', 'offered'];

const TIMING = new Set(['NOTICE_LATE', 'POSTPONEMENT_ADVISED']);

/** What dispatchers (and other modules) read: lists with filters, one case in full. */
@Injectable()
export class CaseViewsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly hearings: HearingsService,
    private readonly objections: ObjectionsService,
    private readonly fileReading: FileReadingService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lawyers: LawyersQuery,
  ) {}

  async list(query: CaseQueryDto, actor: Actor) {
    // A lawyer's list is their own cases, whatever lawyerId they ask for.
    const q = actor.role === 'lawyer' ? { ...query, lawyerId: ownLawyerId(actor) } : query;
    const tz = this.config.courtTimezone;
    const qb = this.ds.createQueryBuilder(Case, 'c');
    // A court clerk's list is their court's cases.
    if (actor.role === 'court_clerk') qb.andWhere('c.court_name = :court', { court: clerkCourtForReads(actor) });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.route) qb.andWhere('c.route = :route', { route: q.route });
    if (q.stationId) qb.andWhere('c.station_id = :sid', { sid: q.stationId });
    if (q.courtCaseNo) qb.andWhere('c.court_case_no = :no', { no: q.courtCaseNo });
    if (q.from) qb.andWhere('c.received_at >= :from', { from: iso(instantAt(q.from, '00:00', tz)) });
    if (q.to) qb.andWhere('c.received_at < :to', { to: iso(instantAt(addDays(q.to, 1), '00:00', tz)) });
    if (q.lawyerId) {
      // Every case the lawyer was ever appointed to, not only the current ones.
      qb.andWhere(
        new Brackets((w) =>
          w.where('c.current_lawyer_id = :lid').orWhere('c.id IN (SELECT a.case_id FROM assignments a WHERE a.lawyer_id = :lid)'),
        ),
        { lid: q.lawyerId },
      );
    }
    const awaiting = "c.route = 'appointed_defence' AND c.status IN (:...waiting)";
    if (q.overdue !== undefined) {
      const cond = `${awaiting} AND c.appoint_by < :today`;
      qb.andWhere(q.overdue ? cond : `NOT (${cond})`, { waiting: AWAITING_APPOINTMENT, today: this.today() });
    }
    if (q.awaiting !== undefined) qb.andWhere(q.awaiting ? awaiting : `NOT (${awaiting})`, { waiting: AWAITING_APPOINTMENT });
    if (q.sort === 'appointBy') qb.orderBy('c.appoint_by', 'ASC').addOrderBy('c.received_at', 'ASC');
    else qb.orderBy('c.received_at', 'DESC');
    const [rows, total] = await qb.addOrderBy('c.id', 'ASC').take(q.limit).skip(q.offset).getManyAndCount();
    return { items: rows.map((c) => this.summary(c)), total };
  }

  async get(id: string, actor: Actor) {
    const c = await this.ds.manager.findOneBy(Case, { id });
    const forLawyer = actor.role === 'lawyer';
    if (actor.role === 'court_clerk') clerkCourtForReads(actor);
    if (!c || (forLawyer && !(await this.isLawyersCase(id, actor)))) throw notFound('Case', id);
    assertClerkCourt(actor, c);
    // The audit trail and the pick's explanation rank and name colleagues: the centre's staff read them, not a lawyer or the court.
    const outside = forLawyer || actor.role === 'court_clerk';
    const [assignments, hearings, refusals, objections, fileReadingRequests, audit] = await Promise.all([
      this.ds.manager.find(Assignment, { where: { caseId: id }, order: { appointedAt: 'ASC' } }),
      this.ds.manager.find(Hearing, { where: { caseId: id }, order: { createdAt: 'ASC' } }),
      this.ds.manager.find(Refusal, { where: { caseId: id }, order: { recordedAt: 'ASC' } }),
      this.objections.forCase(id),
      this.fileReading.forCase(id),
      outside ? [] : this.audit.list({ entity: 'case', id, limit: 1000, offset: 0 }),
    ]);
    const lawyers = await this.lawyers.byIds(
      this.ds.manager,
      assignments.map((a) => a.lawyerId),
    );
    const byId = new Map(lawyers.map((l) => [l.id, l]));
    const contact = (lid: string | null) => {
      const l = lid ? byId.get(lid) : undefined;
      return l ? { id: l.id, name: l.name, firm: l.firm, phone: l.phone, email: l.email } : null;
    };
    return {
      ...this.summary(c),
      notice: noticeOf(c),
      currentLawyer: contact(c.currentLawyerId),
      assignments: assignments.map((a) => ({
        ...this.assignmentView(a),
        ...(outside ? { explanation: null } : {}),
        lawyer: contact(a.lawyerId),
      })),
      hearings: hearings.map((h) => this.hearings.view(h)),
      refusals: refusals.map((r) => ({ ...r, recordedAt: this.zoned(r.recordedAt) })),
      objections,
      fileReadingRequests,
      audit: audit.map((e) => ({ ...e, at: this.zoned(e.at) })),
    };
  }

  /** Every case the lawyer was ever appointed to is theirs to read (the list's rule, by id). */
  private isLawyersCase(caseId: string, actor: Actor): Promise<boolean> {
    return this.ds.manager.existsBy(Assignment, { caseId, lawyerId: ownLawyerId(actor) });
  }

  /**
   * Fast-track and simplified cases routed to a station's duty desk that are still open: the
   * lawyer on shift sees them as pending help (for the duty ledger, Art 2 para 2).
   */
  async pendingHelpForStation(stationId: string) {
    const rows = await this.ds.manager.find(Case, {
      where: { stationId, route: 'duty_lawyer_help', status: 'duty_help' },
      order: { receivedAt: 'ASC' },
    });
    return rows.map((c) => this.summary(c));
  }

  /** A lawyer's current cases with their deadlines and upcoming hearings (calendar feed, reminders). */
  async openCasesForLawyer(lawyerId: string) {
    const rows = await this.ds.manager.find(Case, {
      where: { currentLawyerId: lawyerId, status: 'assigned' },
      order: { receivedAt: 'ASC' },
    });
    const hearings = rows.length
      ? await this.ds.manager.find(Hearing, { where: { caseId: In(rows.map((c) => c.id)) }, order: { at: 'ASC' } })
      : [];
    return rows.map((c) => ({ ...this.summary(c), hearings: hearings.filter((h) => h.caseId === c.id).map((h) => this.hearings.view(h)) }));
  }

  summary(c: Case) {
    const today = this.today();
    const awaiting = c.route === 'appointed_defence' && AWAITING_APPOINTMENT.includes(c.status);
    const appointed = c.status === 'assigned';
    // The Art 7 postponement advice depends on today: recomputed on every read.
    const warnings =
      c.route === 'appointed_defence'
        ? [
            ...c.warnings.filter((w) => !TIMING.has(w.code)),
            ...noticeWarnings(noticeOf(c), c.mandatoryGrounds, c.receivedAt, this.clock.now(), this.config.courtTimezone),
          ]
        : c.warnings;
    return {
      id: c.id,
      caseId: c.id,
      courtCaseNo: c.courtCaseNo,
      courtName: c.courtName,
      stationId: c.stationId,
      procedure: c.procedure,
      charges: c.charges,
      possibleSentence: c.possibleSentence,
      defendantName: c.defendantName,
      juvenile: c.juvenile,
      route: c.route,
      routeReason: c.routeReason,
      status: c.status,
      mandatoryGrounds: c.mandatoryGrounds,
      otherMandatoryGround: c.otherMandatoryGround,
      requiresJuvenileExperience: c.requiresJuvenileExperience,
      requiresSeniorLawyer: c.requiresSeniorLawyer,
      missingFields: c.missingFields,
      warnings,
      judge: c.judge,
      trialAt: c.trialAt ? this.zoned(c.trialAt) : null,
      trialPlace: c.trialPlace,
      receivedAt: this.zoned(c.receivedAt),
      relatedCaseNos: c.relatedCaseNos,
      deadlines: c.deadlines,
      overdue: {
        appointBy: awaiting && isOverdue(c.appointBy, today),
        // SPC Art 50: nobody retained and the court has not re-notified in time — the centre follows up.
        renotifyBy: c.status === 'awaiting_defender' && !!c.deadlines.renotifyBy && isOverdue(c.deadlines.renotifyBy, today),
      },
      /** Calendar days from the court's today to appointBy (negative when overdue); null once appointed. */
      daysLeft: {
        appointBy: awaiting ? daysBetween(today, c.appointBy) : null,
        // Art 12, the appointed lawyer's duties: counted while the appointment lasts.
        contactJudgeBy: appointed && c.deadlines.contactJudgeBy ? daysBetween(today, c.deadlines.contactJudgeBy) : null,
        fileReviewAndMeetingBy:
          appointed && c.deadlines.fileReviewAndMeetingBy ? daysBetween(today, c.deadlines.fileReviewAndMeetingBy) : null,
      },
      currentLawyerId: c.currentLawyerId,
      terminationGround: c.terminationGround,
      endedAt: c.endedAt ? this.zoned(c.endedAt) : null,
    };
  }

  assignmentView(a: Assignment) {
    return {
      ...a,
      status: shownStatus(a),
      appointedAt: this.zoned(a.appointedAt),
      endedAt: a.endedAt ? this.zoned(a.endedAt) : null,
      respondBy: a.respondBy ? this.zoned(a.respondBy) : null,
    };
  }

  private zoned(instant: string): string {
    return toZonedIso(new Date(instant), this.config.courtTimezone);
  }

  private today(): string {
    return localDateOf(this.clock.now(), this.config.courtTimezone);
  }
}
