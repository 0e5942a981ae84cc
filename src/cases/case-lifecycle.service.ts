import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import { localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { WorkdaysService } from '../workdays/workdays.service';
import { iso, newId } from '../database/columns';
import { caseFeedsChanged } from './case-feeds';
import { Transactions } from '../database/transactions';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { Assignment } from './assignment/assignment.entity';
import { AssignmentService } from './assignment/assignment.service';
import { Case } from './case.entity';
import { CASE_EVENTS, CaseEvents, TerminatedEvent } from './case-events';
import { caseRef, lawyerRef } from './case-notice';
import { nextState } from './case-transition';
import { CaseEvent, terminationGround } from './domain/case-state';
import { restorationDeadlines, terminationEvent } from './domain/defence-restoration';
import { holidayExtensionSettings } from './domain/periods';
import { CloseDto, RefusalDto, TerminateDto } from './dto/case-actions.dto';
import { Refusal } from './refusal.entity';

/** Refusal (Art 5, 16), termination (Art 17) and closing: each ends or keeps the appointment. */
@Injectable()
export class CaseLifecycleService {
  constructor(
    private readonly tx: Transactions,
    private readonly assignments: AssignmentService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(CASE_EVENTS) private readonly events: CaseEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workdays: WorkdaysService,
    private readonly lawyers: LawyersQuery,
  ) {}

  /**
   * Justified: the court permitted the refusal, the lawyer's part ends, the lawyer is never
   * picked again for this defendant and a new pick waits for the dispatcher's request.
   * Unjustified: recorded; the appointment stands. A lawyer may record the refusal on their own case (Art 16).
   */
  refuse(caseId: string, dto: RefusalDto, actor: Actor) {
    return this.tx.run(async (m) => {
      const c = await this.load(m, caseId);
      if (actor.role === 'lawyer' && (!actor.lawyerId || actor.lawyerId !== c.currentLawyerId))
        throw forbidden('only the appointed lawyer may record a refusal');
      const status = nextState(c.status, dto.justified ? 'refuse_justified' : 'refuse_unjustified');
      const active = await m.findOneBy(Assignment, { caseId, status: 'active' });
      if (!active) throw conflict('NO_ACTIVE_ASSIGNMENT', 'the case has no appointed lawyer to refuse');
      const now = this.clock.now();
      const refusal: Refusal = {
        id: newId(),
        caseId,
        assignmentId: active.id,
        lawyerId: active.lawyerId,
        justified: dto.justified,
        reason: dto.reason,
        recordedBy: actor.id,
        recordedAt: iso(now),
      };
      await m.insert(Refusal, refusal);
      if (dto.justified) {
        await this.assignments.endActive(m, caseId, 'refused', dto.reason, now);
        // Art 5: the defendant must retain counsel, else the court re-notifies (SPC Art 50).
        const deadlines = c.mandatoryGrounds.length ? { ...c.deadlines, ...(await this.restoration(now, m)) } : c.deadlines;
        await this.move(m, c, status, now, { currentLawyerId: null, deadlines });
        await this.tellLawyer(m, { ...c, status, currentLawyerId: null }, active, 'refused', dto.reason);
      }
      await this.audit.record(m, actor, 'case.refusal', 'case', caseId, { ...dto, lawyerId: active.lawyerId, status });
      return { refusal, case: { id: caseId, status, currentLawyerId: dto.justified ? null : c.currentLawyerId } };
    });
  }

  /**
   * Art 17: the aid ends on one of the six grounds; the lawyer's capacity is freed. In a
   * mandatory case the defendant's own request needs a justified reason and only ends this
   * lawyer's part: the case waits for a retained or re-appointed defender (LAL Art 48, SPC Art 50).
   */
  async terminate(caseId: string, dto: TerminateDto, actor: Actor) {
    const mandatory = await this.tx.run(async (m) => (await this.load(m, caseId)).mandatoryGrounds.length > 0);
    const decision = terminationEvent(dto.ground, mandatory, dto.note);
    if ('error' in decision) throw invalid([decision.error]);
    const restoring = decision.event === 'end_at_request';
    const restoration = restoring ? await this.restoration(this.clock.now()) : null;
    return this.end(caseId, decision.event, actor, async (m, c, now) => {
      const ended = await this.assignments.endActive(m, caseId, 'terminated', terminationGround(dto.ground).label, now);
      const status = await this.move(m, c, restoring ? 'awaiting_defender' : 'terminated', now, {
        currentLawyerId: null,
        terminationGround: dto.ground,
        terminationNote: dto.note ?? null,
        endedAt: restoring ? null : iso(now),
        ...(restoration ? { deadlines: { ...c.deadlines, ...restoration } } : {}),
      });
      if (ended) await this.tellLawyer(m, { ...c, status }, ended, dto.ground, dto.note ?? null);
      return {
        status,
        ground: terminationGround(dto.ground),
        lawyerId: ended?.lawyerId ?? null,
        ...(restoration ? { deadlines: restoration } : {}),
      };
    });
  }

  /** Inside a transaction pass its manager (a global read there can wait for a pooled connection forever). */
  private async restoration(now: Date, m?: EntityManager) {
    const today = localDateOf(now, this.config.courtTimezone);
    return restorationDeadlines(today, await this.workdays.calendar(m), holidayExtensionSettings(this.config.holidayExtension));
  }

  /** The case is over (verdict, or the duty lawyer's help is done): the appointment ends normally. */
  close(caseId: string, dto: CloseDto, actor: Actor) {
    return this.end(caseId, 'close', actor, async (m, c, now) => {
      const ended = await this.assignments.endActive(m, caseId, 'closed', dto.note ?? null, now);
      const status = await this.move(m, c, 'closed', now, { currentLawyerId: null, terminationNote: dto.note ?? null, endedAt: iso(now) });
      return { status, lawyerId: ended?.lawyerId ?? null };
    });
  }

  private end<T extends object>(
    caseId: string,
    event: CaseEvent,
    actor: Actor,
    work: (m: EntityManager, c: Case, now: Date) => Promise<T>,
  ) {
    return this.tx.run(async (m) => {
      const c = await this.load(m, caseId);
      nextState(c.status, event);
      const result = await work(m, c, this.clock.now());
      await this.audit.record(m, actor, `case.${event}`, 'case', caseId, { ...result, from: c.status });
      return { caseId, ...result };
    });
  }

  private async load(m: EntityManager, caseId: string): Promise<Case> {
    const c = await m.findOneBy(Case, { id: caseId });
    if (!c) throw notFound('Case', caseId);
    return c;
  }

  /** Conditional on the status read, so two concurrent changes cannot both apply. */
  private async move(m: EntityManager, c: Case, status: Case['status'], now: Date, fields: Partial<Case>): Promise<Case['status']> {
    const res = await m
      .createQueryBuilder()
      .update(Case)
      .set({ ...fields, status, updatedAt: iso(now) })
      .where('id = :id AND status = :was', { id: c.id, was: c.status })
      .execute();
    if (res.affected !== 1) throw conflict('CASE_CHANGED', 'the case was changed by a concurrent request; reload it');
    await caseFeedsChanged(m, c.id);
    return status;
  }

  private async tellLawyer(
    m: EntityManager,
    c: Case,
    ended: Assignment,
    ground: TerminatedEvent['ground'],
    note: string | null,
  ): Promise<void> {
    const lawyer = await this.lawyers.byId(m, ended.lawyerId);
    if (lawyer) await this.events.terminated(m, { lawyer: lawyerRef(lawyer), case: caseRef(c), assignmentId: ended.id, ground, note });
  }
}
