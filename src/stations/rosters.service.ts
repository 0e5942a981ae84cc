import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors';
import { addDays, instantAt, LocalDate } from '../common/local-date';
import { chunks, insertRows, iso, newId } from '../database/columns';
import { feedsChanged } from '../feed-versions/feed-versions';
import { Transactions } from '../database/transactions';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { PeriodDto } from '../workdays/dto/workday.dto';
import { WorkdaysService } from '../workdays/workdays.service';
import { BusySlot, dutyDates, generateRoster, PlannedShift } from './domain/roster-generator';
import { ROSTER_EVENTS, RosterEvents } from './roster-events';
import { Roster, StoredWarning } from './roster.entity';
import { Shift } from './shift.entity';
import { checkPeriod, lawyerContact, shiftInfo, shiftView, ShiftView, stationInfo } from './shift-view';
import { StationMembersQuery } from './station-members.query';
import { Station } from './station.entity';
import { StationsService } from './stations.service';

export type RosterView = Omit<Roster, never> & { shifts?: ShiftView[] };

/** Rows per INSERT: 14 columns each keeps a statement far below any parameter limit. */
const INSERT_ROWS = 200;

@Injectable()
export class RostersService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly workdays: WorkdaysService,
    private readonly stations: StationsService,
    @Inject(ROSTER_EVENTS) private readonly events: RosterEvents,
    private readonly lawyers: LawyersQuery,
    private readonly members: StationMembersQuery,
  ) {}

  /**
   * A draft roster for the period (rule 10). Generating again replaces the station's drafts
   * that overlap the period; published rosters are never touched.
   */
  async generate(stationId: string, dto: PeriodDto, actor: Actor): Promise<RosterView> {
    checkPeriod(dto.from, dto.to);
    const station = await this.stations.require(stationId);
    const calendar = await this.workdays.calendar();
    return this.tx.run(async (m) => {
      const lawyers = await this.members.active(m, stationId);
      const ids = lawyers.map((l) => l.id);
      const leave = await this.lawyers.leaveOf(m, ids, dto.from, dto.to);
      const { history, lastDutyDate } = await this.history(m, stationId, ids, dto.from);
      const plan = generateRoster({
        dates: dutyDates(dto.from, dto.to, station.workdaysOnly, calendar),
        templates: station.shiftTemplates,
        lawyers: lawyers.map((l) => ({
          id: l.id,
          unavailable: leave.filter((u) => u.lawyerId === l.id),
          blockedWeekdays: l.blockedWeekdays,
          preferredWeekdays: l.preferredWeekdays,
        })),
        history,
        lastDutyDate,
        existingBusy: await this.busy(m, ids, addDays(dto.from, -1), addDays(dto.to, 1)),
      });
      const coverage = station.workdaysOnly ? calendar.coverageWarning(dto.from, dto.to) : null;
      const warnings: StoredWarning[] = [...(coverage ? [coverage] : []), ...plan.warnings];
      await this.dropOverlappingDrafts(m, stationId, dto.from, dto.to);
      const now = iso(this.clock.now());
      const roster: Roster = Object.assign(new Roster(), {
        id: newId(),
        stationId,
        from: dto.from,
        to: dto.to,
        status: 'draft' as const,
        fairness: plan.fairness,
        warnings,
        createdAt: now,
        publishedAt: null,
      });
      await insertRows(m, Roster, roster);
      const shifts = plan.shifts.map((p) => this.newShift(p, roster, station, now));
      for (const part of chunks(shifts, INSERT_ROWS)) await insertRows(m, Shift, part);
      await this.audit.record(m, actor, 'roster.generate', 'roster', roster.id, {
        stationId,
        from: dto.from,
        to: dto.to,
        shifts: shifts.length,
        unfilled: shifts.filter((s) => !s.lawyerId).length,
        fairness: { min: plan.fairness.min, max: plan.fairness.max },
      });
      return { ...roster, shifts: shifts.map((s) => shiftView(s, station.timezone)) };
    });
  }

  async list(stationId: string): Promise<Roster[]> {
    await this.stations.require(stationId);
    return this.tx.run((m) => m.find(Roster, { where: { stationId }, order: { from: 'DESC', createdAt: 'DESC' } }));
  }

  /** Discards a draft; a published roster stays (change it shift by shift). */
  async discard(id: string, actor: Actor): Promise<void> {
    await this.tx.run(async (m) => {
      const roster = await m.findOneBy(Roster, { id });
      if (!roster) throw notFound('Roster', id);
      if (roster.status !== 'draft')
        throw conflict('ROSTER_PUBLISHED', 'a published roster cannot be discarded; override its shifts instead');
      await m.delete(Shift, { rosterId: id });
      await m.delete(Roster, { id });
      await this.audit.record(m, actor, 'roster.discard', 'roster', id, { stationId: roster.stationId, from: roster.from, to: roster.to });
    });
  }

  /**
   * Publishes a draft and tells each lawyer (ROSTER_EVENTS, same transaction). A period
   * overlapping a published roster of the station → 409. Touching the station row first makes
   * PostgreSQL queue two publishes of one station, so the overlap check cannot be raced past;
   * the unique index on published slots is the last line.
   */
  async publish(id: string, actor: Actor) {
    return this.tx.run(async (m) => {
      const roster = await m.findOneBy(Roster, { id });
      if (!roster) throw notFound('Roster', id);
      if (roster.status !== 'draft') throw conflict('ROSTER_ALREADY_PUBLISHED', `roster ${id} is already published`);
      const now = iso(this.clock.now());
      await m.update(Station, { id: roster.stationId }, { updatedAt: now });
      const station = await m.findOneByOrFail(Station, { id: roster.stationId });
      const clash = await m.findOneBy(Roster, {
        stationId: roster.stationId,
        status: 'published',
        from: LessThanOrEqual(roster.to),
        to: MoreThanOrEqual(roster.from),
      });
      if (clash) {
        throw conflict('ROSTER_OVERLAPS_PUBLISHED', `the period overlaps the published roster ${clash.from}..${clash.to}`, {
          publishedRosterId: clash.id,
        });
      }
      const done = await m.update(Roster, { id, status: 'draft' }, { status: 'published', publishedAt: now });
      if (!done.affected) throw conflict('ROSTER_ALREADY_PUBLISHED', `roster ${id} is already published`);
      await m.update(Shift, { rosterId: id }, { status: 'published', updatedAt: now });
      // The station's updatedAt is in every lawyer feed with a shift there.
      await feedsChanged(m, { stations: [roster.stationId], everyLawyer: true });
      const shifts = await m.find(Shift, { where: { rosterId: id }, order: { startsAt: 'ASC', templateName: 'ASC' } });
      const holders = [...new Set(shifts.map((s) => s.lawyerId).filter((x): x is string => !!x))];
      const lawyers = await this.lawyers.byIds(m, holders);
      await this.events.rosterPublished(m, {
        roster: { id, from: roster.from, to: roster.to, publishedAt: now },
        station: stationInfo(station),
        shiftsByLawyer: lawyers.map((l) => ({
          lawyer: lawyerContact(l),
          shifts: shifts.filter((s) => s.lawyerId === l.id).map((s) => shiftInfo(s, station.timezone)),
        })),
      });
      await this.audit.record(m, actor, 'roster.publish', 'roster', id, {
        stationId: station.id,
        from: roster.from,
        to: roster.to,
        lawyers: holders.length,
      });
      return {
        id,
        stationId: station.id,
        from: roster.from,
        to: roster.to,
        status: 'published' as const,
        publishedAt: now,
        notifiedLawyers: holders.length,
      };
    });
  }

  /** Cumulative fairness: each member's published shifts at this station before the period, and their last duty date. */
  private async history(m: EntityManager, stationId: string, ids: string[], from: LocalDate) {
    const history: Record<string, number> = {};
    const lastDutyDate: Record<string, LocalDate> = {};
    if (!ids.length) return { history, lastDutyDate };
    const rows = await m
      .createQueryBuilder(Shift, 's')
      .select('s.lawyer_id', 'lawyerId')
      .addSelect('COUNT(*)', 'n')
      .addSelect('MAX(s.date)', 'last')
      .where("s.station_id = :stationId AND s.status = 'published' AND s.date < :from AND s.lawyer_id IS NOT NULL", { stationId, from })
      .groupBy('s.lawyer_id')
      .getRawMany<{ lawyerId: string; n: string | number; last: string }>();
    const members = new Set(ids);
    for (const r of rows) {
      if (!members.has(r.lawyerId)) continue;
      history[r.lawyerId] = Number(r.n);
      lastDutyDate[r.lawyerId] = r.last;
    }
    return { history, lastDutyDate };
  }

  /** The members' published shifts at any station around the period: no overlapping slots across stations. */
  private async busy(m: EntityManager, ids: string[], from: LocalDate, to: LocalDate): Promise<BusySlot[]> {
    const out: BusySlot[] = [];
    for (const part of chunks(ids)) {
      const rows = await m
        .createQueryBuilder(Shift, 's')
        .where("s.lawyer_id IN (:...part) AND s.status = 'published' AND s.date BETWEEN :from AND :to", { part, from, to })
        .getMany();
      out.push(...rows.map((s) => ({ lawyerId: s.lawyerId!, date: s.date, start: s.startTime, end: s.endTime })));
    }
    return out;
  }

  private async dropOverlappingDrafts(m: EntityManager, stationId: string, from: LocalDate, to: LocalDate): Promise<void> {
    const stale = await m.findBy(Roster, { stationId, status: 'draft', from: LessThanOrEqual(to), to: MoreThanOrEqual(from) });
    for (const part of chunks(stale.map((r) => r.id))) {
      await m.delete(Shift, { rosterId: In(part) });
      await m.delete(Roster, { id: In(part) });
    }
  }

  private newShift(p: PlannedShift, roster: Roster, station: Station, now: string): Shift {
    return Object.assign(new Shift(), {
      id: newId(),
      rosterId: roster.id,
      stationId: station.id,
      date: p.date,
      templateName: p.templateName,
      startTime: p.start,
      endTime: p.end,
      startsAt: iso(instantAt(p.date, p.start, station.timezone)),
      endsAt: iso(instantAt(p.date, p.end, station.timezone)),
      lawyerId: p.lawyerId,
      status: 'draft' as const,
      sequence: 0,
      updatedAt: now,
      unfilledReason: p.reason ?? null,
    });
  }
}
