import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors';
import { toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso, newId } from '../database/columns';
import { caseFeedsChanged } from './case-feeds';
import { Transactions } from '../database/transactions';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { Case } from './case.entity';
import { assertClerkCourt } from './clerk-scope';
import { CASE_EVENTS, CaseEvents } from './case-events';
import { caseRef, lawyerRef } from './case-notice';
import { isTerminal } from './domain/case-state';
import { hearingNoticeShort } from './domain/periods';
import { HearingDto, HearingUpdateDto } from './dto/case-actions.dto';
import { Hearing, HearingKind } from './hearing.entity';
import { findForUpdate } from '../database/locking';

const NEEDS_TIME: readonly HearingKind[] = ['pretrial_meeting', 'trial', 'verdict'];
/** A postponement or suspension calls off what was scheduled and has not happened yet. */
const CALLS_OFF: readonly HearingKind[] = ['postponed', 'suspended'];

export const WARNING_SHORT_NOTICE = 'SHORT_NOTICE';

/** Hearings and the court's major procedural decisions (Art 11), each told to the lawyer. */
@Injectable()
export class HearingsService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CASE_EVENTS) private readonly events: CaseEvents,
    private readonly lawyers: LawyersQuery,
  ) {}

  add(caseId: string, dto: HearingDto, actor: Actor) {
    if (NEEDS_TIME.includes(dto.kind) && !dto.at) throw badRequest('at', `is required for a ${dto.kind}`);
    const now = this.clock.now();
    const toldAt = dto.toldAt ? new Date(dto.toldAt) : now;
    if (toldAt > now) throw badRequest('toldAt', 'must not be in the future');
    if (dto.at && new Date(dto.at) < toldAt) throw badRequest('at', 'must not be before toldAt');
    return this.tx.run(async (m) => {
      const c = await this.openCase(m, caseId, actor);
      if (CALLS_OFF.includes(dto.kind)) await this.callOff(m, c, now);
      const h: Hearing = {
        id: newId(),
        caseId,
        kind: dto.kind,
        at: dto.at ? iso(new Date(dto.at)) : null,
        place: dto.place ?? null,
        toldAt: iso(toldAt),
        shortNotice: dto.at ? hearingNoticeShort(toldAt, dto.at, this.config.courtTimezone) : false,
        sequence: 0,
        cancelled: false,
        createdAt: iso(now),
        updatedAt: iso(now),
      };
      await m.insert(Hearing, h);
      // A trial date (or a postponement's new date) is the case's trial date from now on.
      if (h.at && (h.kind === 'trial' || h.kind === 'postponed')) {
        c.trialAt = h.at;
        c.trialPlace = h.place ?? c.trialPlace;
        await m.update(Case, { id: c.id }, { trialAt: c.trialAt, trialPlace: c.trialPlace, updatedAt: iso(now) });
      }
      await caseFeedsChanged(m, caseId);
      await this.audit.record(m, actor, 'hearing.add', 'case', caseId, { hearingId: h.id, ...dto, shortNotice: h.shortNotice });
      await this.tell(m, c, h);
      return this.view(h);
    });
  }

  update(hearingId: string, dto: HearingUpdateDto, actor: Actor) {
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const h = await findForUpdate(m, Hearing, { id: hearingId });
      if (!h) throw notFound('Hearing', hearingId);
      const c = await this.openCase(m, h.caseId, actor);
      if (dto.at) h.at = iso(new Date(dto.at));
      if (dto.place !== undefined) h.place = dto.place;
      if (dto.cancelled !== undefined) h.cancelled = dto.cancelled;
      if (dto.at || dto.toldAt) h.toldAt = iso(dto.toldAt ? new Date(dto.toldAt) : now);
      h.shortNotice = h.at ? hearingNoticeShort(h.toldAt, h.at, this.config.courtTimezone) : false;
      h.sequence += 1;
      h.updatedAt = iso(now);
      await m.save(Hearing, h);
      await caseFeedsChanged(m, h.caseId);
      await this.audit.record(m, actor, 'hearing.update', 'case', h.caseId, { hearingId, ...dto, sequence: h.sequence });
      await this.tell(m, c, h);
      return this.view(h);
    });
  }

  view(h: Hearing) {
    const tz = this.config.courtTimezone;
    return {
      ...h,
      at: h.at ? toZonedIso(new Date(h.at), tz) : null,
      toldAt: toZonedIso(new Date(h.toldAt), tz),
      warnings:
        h.shortNotice && !h.cancelled
          ? [{ code: WARNING_SHORT_NOTICE, message: '庭前会议、庭审及宣判的时间、地点应至少提前三日通知辩护律师（实施意见第十一条）。' }]
          : [],
    };
  }

  private async openCase(m: EntityManager, caseId: string, actor: Actor): Promise<Case> {
    const c = await m.findOneBy(Case, { id: caseId });
    if (!c) throw notFound('Case', caseId);
    assertClerkCourt(actor, c);
    if (isTerminal(c.status)) throw conflict('CASE_ENDED', `case ${caseId} is ${c.status}`);
    return c;
  }

  /**
   * Cancels every upcoming hearing, each with one conditional UPDATE of the columns it changes
   * (a whole-entity save wrote back the place and time a concurrent PATCH had just committed),
   * then tells the lawyer what the row now says.
   */
  private async callOff(m: EntityManager, c: Case, now: Date): Promise<void> {
    const upcoming = 'case_id = :caseId AND cancelled = :no AND at >= :now';
    const params = { caseId: c.id, no: false, now: iso(now) };
    for (const { id } of await m.createQueryBuilder(Hearing, 'h').where(upcoming, params).getMany()) {
      const res = await m
        .createQueryBuilder()
        .update(Hearing)
        .set({ cancelled: true, sequence: () => 'sequence + 1', updatedAt: iso(now) })
        .where(`id = :id AND ${upcoming}`, { ...params, id })
        .execute();
      if (res.affected !== 1) continue; // cancelled or moved into the past meanwhile: not this call-off's to tell
      await this.tell(m, c, (await m.findOneBy(Hearing, { id }))!);
    }
    await caseFeedsChanged(m, c.id);
  }

  private async tell(m: EntityManager, c: Case, h: Hearing): Promise<void> {
    if (!c.currentLawyerId) return;
    const lawyer = await this.lawyers.byId(m, c.currentLawyerId);
    if (!lawyer) return;
    const { createdAt: _c, updatedAt: _u, caseId: _id, ...hearing } = h;
    await this.events.hearingScheduled(m, { lawyer: lawyerRef(lawyer), case: caseRef(c), hearing });
  }
}
