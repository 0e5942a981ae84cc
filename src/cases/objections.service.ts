import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors';
import { localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso, newId } from '../database/columns';
import { caseFeedsChanged } from './case-feeds';
import { Transactions } from '../database/transactions';
import { Case } from './case.entity';
import { dueDate, holidayExtensionSettings, isOverdue } from './domain/periods';
import { transition } from './domain/case-state';
import { missingFields } from './domain/notice-completeness';
import { caseRef, noticeOf } from './case-notice';
import { CASE_EVENTS, CaseEvents } from './case-events';
import { nextState } from './case-transition';
import type { WorkdayLookup } from '../workdays/domain/workday-lookup';
import { ObjectionDecisionDto, ObjectionDto, ObjectionQueryDto } from './dto/case-actions.dto';
import { Objection } from './objection.entity';
import { WorkdaysService } from '../workdays/workdays.service';

/** Decisions a defendant may object to (Art 18): no aid given, or aid ended. */
const OBJECTABLE: readonly Case['status'][] = ['no_aid', 'terminated'];

/** 异议 (Art 18): filed within 15 days of receiving the decision, reviewed within 5 days. */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workdays: WorkdaysService,
    @Inject(CASE_EVENTS) private readonly events: CaseEvents,
  ) {}

  async file(caseId: string, dto: ObjectionDto, actor: Actor) {
    const now = this.clock.now();
    const filedAt = dto.filedAt ? new Date(dto.filedAt) : now;
    const filedOn = localDateOf(filedAt, this.config.courtTimezone);
    if (filedAt > now) throw badRequest('filedAt', 'must not be in the future');
    if (dto.decisionReceivedOn > filedOn) throw badRequest('decisionReceivedOn', 'must not be after the objection was filed');
    const calendar = await this.workdays.calendar();
    return this.tx.run(async (m) => {
      const c = await m.findOneBy(Case, { id: caseId });
      if (!c) throw notFound('Case', caseId);
      if (!OBJECTABLE.includes(c.status)) {
        throw conflict('NO_DECISION_TO_OBJECT', `case ${caseId} is ${c.status}: only a refusal or termination of aid can be objected to`);
      }
      const settings = holidayExtensionSettings(this.config.holidayExtension);
      const fileBy = dueDate('objectionBy', dto.decisionReceivedOn, calendar, settings.objectionBy);
      const o: Objection = {
        id: newId(),
        caseId,
        decisionReceivedOn: dto.decisionReceivedOn,
        fileBy,
        filedAt: iso(filedAt),
        filedOn,
        late: filedOn > fileBy,
        grounds: dto.grounds,
        reviewBy: dueDate('objectionReviewBy', filedOn, calendar, settings.objectionReviewBy),
        status: 'pending',
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
        createdAt: iso(now),
      };
      await m.insert(Objection, o);
      await this.audit.record(m, actor, 'objection.file', 'case', caseId, { objectionId: o.id, late: o.late, reviewBy: o.reviewBy });
      return o;
    });
  }

  /**
   * The justice bureau's decision: keep the refusal (`upheld`) or order aid (`aid_ordered`,
   * Art 18, LAL Art 49), which reopens the case for appointment within 3 days of the decision (Art 6).
   */
  async decide(objectionId: string, dto: ObjectionDecisionDto, actor: Actor) {
    const calendar = dto.outcome === 'aid_ordered' ? await this.workdays.calendar() : null;
    return this.tx.run(async (m) => {
      const o = await m.findOneBy(Objection, { id: objectionId });
      if (!o) throw notFound('Objection', objectionId);
      const now = this.clock.now();
      const res = await m.update(
        Objection,
        { id: objectionId, status: 'pending' },
        {
          status: dto.outcome,
          decisionNote: dto.note,
          decidedBy: actor.id,
          decidedAt: iso(now),
        },
      );
      if (res.affected !== 1) throw conflict('OBJECTION_DECIDED', `objection ${objectionId} was already decided (${o.status})`);
      const today = localDateOf(now, this.config.courtTimezone);
      const reviewedLate = isOverdue(o.reviewBy, today);
      const reopened = calendar ? await this.reopen(m, o.caseId, today, calendar, now) : null;
      await this.audit.record(m, actor, 'objection.decide', 'case', o.caseId, { objectionId, ...dto, reviewedLate });
      if (reopened) {
        await this.audit.record(m, actor, 'case.reopen', 'case', o.caseId, { objectionId, ...reopened.view });
        await this.events.aidOrdered(m, { objectionId, case: caseRef(reopened.case), note: dto.note });
      }
      return {
        ...o,
        status: dto.outcome,
        decisionNote: dto.note,
        decidedBy: actor.id,
        decidedAt: iso(now),
        reviewedLate,
        ...(reopened ? { case: reopened.view } : {}),
      };
    });
  }

  /** The ordered aid: the case becomes an appointed defence waiting for its lawyer, due 3 days from the decision (Art 6). */
  private async reopen(m: EntityManager, caseId: string, decidedOn: string, calendar: WorkdayLookup, now: Date) {
    const c = await m.findOneBy(Case, { id: caseId });
    if (!c) throw notFound('Case', caseId);
    const status = nextState(c.status, 'reopen');
    const missing = missingFields(noticeOf(c));
    const appointBy = dueDate('appointBy', decidedOn, calendar, holidayExtensionSettings(this.config.holidayExtension).appointBy);
    const changes = {
      status: missing.length ? transition(status, 'flag_incomplete') : status,
      route: 'appointed_defence' as const,
      routeReason: 'aid_ordered' as const,
      missingFields: missing,
      deadlines: { ...c.deadlines, appointBy },
      appointBy,
      terminationGround: null,
      endedAt: null,
      updatedAt: iso(now),
    };
    const res = await m.update(Case, { id: caseId, status: c.status }, changes);
    if (res.affected !== 1) throw conflict('CASE_CHANGED', 'the case was changed by a concurrent request; reload it');
    await caseFeedsChanged(m, caseId);
    return {
      case: { ...c, ...changes },
      view: { id: caseId, status: changes.status, route: changes.route, deadlines: changes.deadlines },
    };
  }

  list(q: ObjectionQueryDto): Promise<Objection[]> {
    const qb = this.tx.run(async (m) => {
      const b = m.createQueryBuilder(Objection, 'o');
      if (q.status) b.andWhere('o.status = :status', { status: q.status });
      if (q.overdue) {
        b.andWhere("o.status = 'pending' AND o.review_by < :today", { today: localDateOf(this.clock.now(), this.config.courtTimezone) });
      }
      return b.orderBy('o.review_by', 'ASC').addOrderBy('o.id', 'ASC').getMany();
    });
    return qb;
  }

  forCase(caseId: string): Promise<Objection[]> {
    return this.tx.run((m) => m.find(Objection, { where: { caseId }, order: { filedAt: 'ASC' } }));
  }
}
