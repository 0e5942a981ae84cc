import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { conflict, FieldError, invalid, notFound } from '../common/errors';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso, newId } from '../database/columns';
import { caseFeedsChanged } from './case-feeds';
import { Transactions } from '../database/transactions';
import { ShiftsQuery } from '../stations/shifts.query';
import { WorkdaysService } from '../workdays/workdays.service';
import type { WorkdayLookup } from '../workdays/domain/workday-lookup';
import { Case, CaseLink } from './case.entity';
import { assertClerkCourt } from './clerk-scope';
import { noticeCourtProblem } from './domain/clerk-court';
import { canTransition, initialState, isTerminal, transition } from './domain/case-state';
import { missingFields, noticeWarnings, tenDayRuleApplies, trialDateOf } from './domain/notice-completeness';
import type { CourtNotice, NoticeWarning } from './domain/notice.types';
import { deadlinesOnReceipt, dueDate, holidayExtensionSettings } from './domain/periods';
import { conversionAllowed } from './domain/defence-restoration';
import { routeNotice } from './domain/routing';
import { noticeOf } from './case-notice';
import { CourtNoticeDto, NoticeSupplementDto } from './dto/court-notice.dto';
import { findForUpdate } from '../database/locking';

/** Only the supplied items of a supplement overwrite (absent ones are undefined after destructuring). */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface IntakeResult {
  caseId: string;
  route: Case['route'];
  routeReason: Case['routeReason'];
  status: Case['status'];
  juvenile: boolean;
  mandatoryGrounds: Case['mandatoryGrounds'];
  missingFields: string[];
  warnings: NoticeWarning[];
  deadlines: Case['deadlines'];
}

/** What a notice would become, without the case: the dry run's answer (no caseId, nothing written). */
export type IntakePreview = Omit<IntakeResult, 'caseId'>;

/** Intake of the court's defence notice (Art 4) and the court's later supplements (Art 7). */
@Injectable()
export class CourtNoticesService {
  constructor(
    private readonly tx: Transactions,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workdays: WorkdaysService,
    private readonly ds: DataSource,
    private readonly stations: ShiftsQuery,
  ) {}

  receive(dto: CourtNoticeDto, actor: Actor, idempotencyKey?: string): Promise<IntakeResult> {
    const now = this.clock.now();
    this.validate(dto, now, actor);
    return this.idempotency.run(`court-notice:${actor.id}`, idempotencyKey, dto, async (m) => {
      const c = await this.caseOf(m, dto, now);
      await m.insert(Case, c);
      const links = [...new Set(c.relatedCaseNos)].map((courtCaseNo) => ({ caseId: c.id, courtCaseNo }));
      if (links.length) await m.insert(CaseLink, links);
      await this.audit.record(m, actor, 'case.receive', 'case', c.id, { courtCaseNo: c.courtCaseNo, route: c.route, status: c.status });
      return this.result(c);
    });
  }

  /**
   * The dry run of `receive` (the clerk's form checks before sending): the same 400s, and the
   * route, status, missing fields, warnings and deadlines the notice would get. Writes nothing,
   * takes no Idempotency-Key.
   */
  async check(dto: CourtNoticeDto, actor: Actor): Promise<IntakePreview> {
    const now = this.clock.now();
    this.validate(dto, now, actor);
    const { caseId: _none, ...preview } = this.result(await this.caseOf(this.ds.manager, dto, now));
    return preview;
  }

  /** The case a notice makes (not yet stored); an unknown station is a 400. */
  private async caseOf(m: EntityManager, dto: CourtNoticeDto, now: Date): Promise<Case> {
    if (!(await this.stations.stationExists(m, dto.stationId)))
      throw invalid([{ field: 'stationId', reason: `no station ${dto.stationId}` }]);
    const notice: CourtNotice = { ...dto, judge: dto.judge ?? {}, relatedCaseNos: dto.relatedCaseNos ?? [] };
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
    return this.newCase(notice, receivedAt, now, await this.workdays.calendar(m));
  }

  /**
   * The court supplies missing Art 4 items: completeness, warnings and materialsDueBy are redone.
   * A new `procedure` is a conversion (CPL Art 221, 226): a duty-help case that becomes an
   * ordinary trial re-routes to appointed defence, due 3 days from the conversion (Art 6);
   * its duty-help records stay with the case.
   */
  async supplement(caseId: string, dto: NoticeSupplementDto, actor: Actor): Promise<IntakeResult> {
    const calendar = await this.workdays.calendar();
    return this.tx.run(async (m) => {
      const c = await findForUpdate(m, Case, { id: caseId });
      if (!c) throw notFound('Case', caseId);
      assertClerkCourt(actor, c);
      if (isTerminal(c.status)) throw conflict('CASE_ENDED', `case ${caseId} is ${c.status}`);
      const { detentionPlace, address, phone, judge, trialAt, procedure, ...rest } = dto;
      Object.assign(c, defined(rest));
      if (trialAt) c.trialAt = iso(new Date(trialAt));
      if (judge) c.judge = { ...c.judge, ...defined(judge) };
      c.defendant = { ...c.defendant, ...defined({ detentionPlace, address, phone }) };
      const now = this.clock.now();
      const conversion = procedure && procedure !== c.procedure ? this.convert(c, procedure, now, calendar) : null;
      if (c.route === 'appointed_defence') this.assess(c, now, calendar);
      c.updatedAt = iso(now);
      await m.save(Case, c);
      await caseFeedsChanged(m, c.id);
      await this.audit.record(m, actor, 'case.supplement', 'case', c.id, { ...dto, missingFields: c.missingFields });
      if (conversion)
        await this.audit.record(m, actor, 'case.convert', 'case', c.id, {
          ...conversion,
          route: c.route,
          status: c.status,
          appointBy: c.appointBy,
        });
      return this.result(c);
    });
  }

  /** CPL Art 221, 226 on the loaded case (saved by the caller). */
  private convert(c: Case, procedure: Case['procedure'], now: Date, calendar: WorkdayLookup) {
    if (!conversionAllowed(c.procedure, procedure)) {
      throw conflict('PROCEDURE_CONVERSION_NOT_ALLOWED', `a ${c.procedure} trial is not converted to ${procedure} (CPL Art 221, 226)`);
    }
    const from = c.procedure;
    c.procedure = procedure;
    const routing = routeNotice(noticeOf(c), localDateOf(new Date(c.receivedAt), this.config.courtTimezone));
    c.warnings = routing.warnings;
    if (c.status === 'duty_help' && routing.route === 'appointed_defence') {
      c.route = routing.route;
      c.routeReason = routing.reason;
      c.status = transition(c.status, 'convert');
      const today = localDateOf(now, this.config.courtTimezone);
      const appointBy = dueDate('appointBy', today, calendar, holidayExtensionSettings(this.config.holidayExtension).appointBy);
      c.deadlines = { ...c.deadlines, appointBy };
      c.appointBy = appointBy;
    }
    return { from, to: procedure };
  }

  private validate(dto: CourtNoticeDto, now: Date, actor: Actor): void {
    const tz = this.config.courtTimezone;
    const today = localDateOf(now, tz);
    const errors: FieldError[] = [];
    const court = noticeCourtProblem(actor, dto.courtName);
    if (court) errors.push({ field: 'courtName', reason: court });
    if (dto.offenceDate > today) errors.push({ field: 'offenceDate', reason: 'must not be in the future' });
    if (dto.defendant.birthDate >= dto.offenceDate) errors.push({ field: 'defendant.birthDate', reason: 'must be before offenceDate' });
    if (dto.receivedAt && new Date(dto.receivedAt) > now) errors.push({ field: 'receivedAt', reason: 'must not be in the future' });
    if (dto.trialAt && localDateOf(new Date(dto.trialAt), tz) < dto.offenceDate) {
      errors.push({ field: 'trialAt', reason: 'must not be before offenceDate' });
    }
    if (dto.relatedCaseNos?.includes(dto.courtCaseNo))
      errors.push({ field: 'relatedCaseNos', reason: 'must not list the notice’s own courtCaseNo' });
    if (errors.length) throw invalid(errors);
  }

  private newCase(notice: CourtNotice, receivedAt: Date, now: Date, calendar: WorkdayLookup): Case {
    const receivedLocal = localDateOf(receivedAt, this.config.courtTimezone);
    const routing = routeNotice(notice, receivedLocal);
    const c = Object.assign(new Case(), {
      id: newId(),
      courtCaseNo: notice.courtCaseNo,
      courtName: notice.courtName,
      stationId: notice.stationId,
      procedure: notice.procedure,
      charges: notice.charges,
      possibleSentence: notice.possibleSentence ?? null,
      offenceDate: notice.offenceDate,
      defendant: notice.defendant,
      defendantName: notice.defendant.name,
      juvenile: routing.juvenile,
      trialInAbsentia: notice.trialInAbsentia ?? false,
      deathPenaltyReview: notice.deathPenaltyReview ?? false,
      otherMandatoryGround: notice.otherMandatoryGround ?? null,
      route: routing.route,
      routeReason: routing.reason,
      requiresJuvenileExperience: routing.requiresJuvenileExperience,
      requiresSeniorLawyer: routing.requiresSeniorLawyer,
      mandatoryGrounds: routing.mandatoryGrounds,
      warnings: routing.warnings,
      judge: notice.judge ?? {},
      trialAt: notice.trialAt ? iso(new Date(notice.trialAt)) : null,
      trialPlace: notice.trialPlace ?? null,
      indictmentAttached: notice.indictmentAttached ?? false,
      receivedAt: iso(receivedAt),
      relatedCaseNos: notice.relatedCaseNos ?? [],
      missingFields: [],
      currentLawyerId: null,
      terminationGround: null,
      terminationNote: null,
      endedAt: null,
      createdAt: iso(now),
      updatedAt: iso(now),
    });
    if (c.route === 'appointed_defence') this.assess(c, now, calendar);
    else c.deadlines = deadlinesOnReceipt(receivedLocal, undefined, calendar, holidayExtensionSettings(this.config.holidayExtension));
    c.appointBy = c.deadlines.appointBy;
    c.status = initialState(c.route, c.missingFields);
    return c;
  }

  /**
   * Art 4/7 for an appointed defence: missing items, the timing warnings and the deadlines.
   * Routing warnings (procedure, refusal) are kept; the timing ones are recomputed.
   */
  private assess(c: Case, now: Date, calendar: WorkdayLookup): void {
    const tz = this.config.courtTimezone;
    const notice = noticeOf(c);
    const missing = missingFields(notice);
    const timing = new Set(['NOTICE_LATE', 'POSTPONEMENT_ADVISED']);
    c.warnings = [
      ...(c.warnings ?? []).filter((w) => !timing.has(w.code)),
      ...noticeWarnings(notice, c.mandatoryGrounds, c.receivedAt, now, tz),
    ];
    const trialDate = tenDayRuleApplies(notice, c.mandatoryGrounds) ? trialDateOf(notice, tz) : undefined;
    const receipt = deadlinesOnReceipt(
      localDateOf(new Date(c.receivedAt), tz),
      trialDate,
      calendar,
      holidayExtensionSettings(this.config.holidayExtension),
    );
    // appointBy, once set, stays: it runs from the receipt, or from a conversion or a bureau's order.
    const { materialsDueBy: _old, ...kept } = c.deadlines ?? {};
    c.deadlines = { ...receipt, ...kept };
    // Completeness moves a case only before appointment (case-state: assigned ignores it).
    const event = missing.length ? 'flag_incomplete' : 'complete';
    if (c.status && canTransition(c.status, event)) c.status = transition(c.status, event);
    c.missingFields = missing;
  }

  private result(c: Case): IntakeResult {
    return {
      caseId: c.id,
      route: c.route,
      routeReason: c.routeReason,
      status: c.status,
      juvenile: c.juvenile,
      mandatoryGrounds: c.mandatoryGrounds,
      missingFields: c.missingFields,
      warnings: c.warnings,
      deadlines: c.deadlines,
    };
  }
}
