import { Inject, Injectable } from '@nestjs/common';
import { Between, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError, notFound } from '../common/errors';
import { iso } from '../database/columns';
import { feedsChanged } from '../feed-versions/feed-versions';
import { Transactions } from '../database/transactions';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { PeriodDto } from '../workdays/dto/workday.dto';
import { checkAssignment, HardViolation } from './domain/roster-generator';
import { OverrideShiftDto } from './dto/roster.dto';
import { ROSTER_EVENTS, RosterEvents, ShiftChanged } from './roster-events';
import { Roster, StoredWarning } from './roster.entity';
import { Shift } from './shift.entity';
import { checkPeriod, lawyerContact, shiftInfo, shiftView, ShiftView, stationInfo } from './shift-view';
import { neighbourShifts } from './neighbour-shifts';
import { StationMembersQuery } from './station-members.query';
import { Station } from './station.entity';
import { StationsService } from './stations.service';
import { SwapRequest } from './swap-request.entity';

export type AssignedShift = ShiftView & { warnings: StoredWarning[] };

const HARD_RULE_MESSAGES: Record<HardViolation, string> = {
  UNAVAILABLE: 'the lawyer is on leave that day or never serves on this weekday (rule 10: unavailability respected)',
  OVERLAPPING_SHIFT: 'the lawyer holds an overlapping shift (rule 10: no lawyer in two overlapping shifts)',
};

const SOFT_RULE_MESSAGES: Record<string, string> = {
  SECOND_SHIFT_SAME_DAY: '同日第二个班次 / the lawyer already has a shift that day',
  CONSECUTIVE_DAYS: '连续值班 / the lawyer is on duty the day before or after',
};

const shiftChanged = () => conflict('SHIFT_CHANGED', 'the shift changed meanwhile; reload and try again');

@Injectable()
export class ShiftsService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly stations: StationsService,
    @Inject(ROSTER_EVENTS) private readonly events: RosterEvents,
    private readonly lawyers: LawyersQuery,
    private readonly members: StationMembersQuery,
  ) {}

  /** The station's published shifts in the period, with the holder's name. */
  async published(stationId: string, q: PeriodDto): Promise<(ShiftView & { lawyerName: string | null })[]> {
    checkPeriod(q.from, q.to);
    const station = await this.stations.require(stationId);
    return this.tx.run(async (m) => {
      const shifts = await m.find(Shift, {
        where: { stationId, status: 'published', date: Between(q.from, q.to) },
        order: { startsAt: 'ASC', templateName: 'ASC' },
      });
      const names = await this.lawyers.names(
        m,
        shifts.map((s) => s.lawyerId),
      );
      return shifts.map((s) => ({ ...shiftView(s, station.timezone), lawyerName: s.lawyerId ? (names.get(s.lawyerId) ?? null) : null }));
    });
  }

  /**
   * Dispatcher's change of a slot. A published shift needs a reason; both lawyers are in the
   * audit entry and told. A draft's slot changes quietly (nobody has been told of it yet).
   */
  async override(id: string, dto: OverrideShiftDto, actor: Actor): Promise<AssignedShift> {
    return this.tx.run(async (m) => {
      const shift = await m.findOneBy(Shift, { id });
      if (!shift) throw notFound('Shift', id);
      if (shift.status === 'published' && !dto.reason)
        throw badRequest('reason', 'a published shift changes only with a reason (audited, told to both lawyers)');
      if (dto.sequence !== undefined && dto.sequence !== shift.sequence) throw shiftChanged();
      return this.reassign(m, shift, dto.lawyerId, { kind: 'override', reason: dto.reason ?? null, actor });
    });
  }

  async publishedShift(m: EntityManager, id: string): Promise<Shift> {
    const shift = await m.findOneBy(Shift, { id });
    if (!shift) throw notFound('Shift', id);
    if (shift.status !== 'published')
      throw conflict('SHIFT_NOT_PUBLISHED', 'only published shifts change one by one; regenerate the draft instead');
    return shift;
  }

  /**
   * Hard rules only for a lawyer taking `shift`: active station member (400), not on leave
   * and no overlapping shift (409). Returns the soft-rule warnings.
   */
  async hardCheck(m: EntityManager, shift: Shift, lawyerId: string, field: string): Promise<StoredWarning[]> {
    const problem = await this.members.membershipProblem(m, shift.stationId, lawyerId);
    if (problem) throw badRequest(field, problem, 'NOT_ELIGIBLE_FOR_STATION');
    const leave = await this.lawyers.leaveOf(m, [lawyerId], shift.date, shift.date);
    const { blockedWeekdays } = (await this.lawyers.byId(m, lawyerId))!; // membershipProblem found them
    const around = await neighbourShifts(m, [lawyerId], shift);
    const verdict = checkAssignment(
      { date: shift.date, start: shift.startTime, end: shift.endTime },
      { otherShifts: around.map((s) => ({ date: s.date, start: s.startTime, end: s.endTime })), unavailable: leave, blockedWeekdays },
    );
    if (verdict.hard.length) {
      const rule = verdict.hard[0];
      throw new DomainError('conflict', rule, HARD_RULE_MESSAGES[rule], [{ field, reason: HARD_RULE_MESSAGES[rule] }], {
        rules: verdict.hard,
      });
    }
    return verdict.soft.map((code) => ({ code, lawyerId, date: shift.date, message: SOFT_RULE_MESSAGES[code] }));
  }

  /**
   * Moves a shift to another lawyer: hard rules checked, sequence bumped, audited; for a published
   * shift the event is raised. A concurrent change or a publish in between → 409 SHIFT_CHANGED.
   */
  async reassign(
    m: EntityManager,
    shift: Shift,
    toLawyerId: string,
    how: { kind: ShiftChanged['kind']; reason: string | null; actor: Actor; field?: string },
  ): Promise<AssignedShift> {
    const field = how.field ?? 'lawyerId';
    if (shift.lawyerId === toLawyerId) throw badRequest(field, 'already holds this shift');
    const warnings = await this.hardCheck(m, shift, toLawyerId, field);
    const now = iso(this.clock.now());
    const moved = await m.update(
      Shift,
      { id: shift.id, sequence: shift.sequence, status: shift.status },
      { lawyerId: toLawyerId, sequence: shift.sequence + 1, updatedAt: now, unfilledReason: null },
    );
    if (!moved.affected) throw shiftChanged();
    if (shift.status === 'published') await feedsChanged(m, { lawyers: [shift.lawyerId, toLawyerId], stations: [shift.stationId] });
    // Offers made by the previous holder no longer stand (a draft has none).
    if (shift.status === 'published')
      await m.update(SwapRequest, { shiftId: shift.id, status: 'pending' }, { status: 'cancelled', decidedAt: now });
    warnings.push(...(await this.balanceWarnings(m, shift)));
    const after = await m.findOneByOrFail(Shift, { id: shift.id });
    const station = await m.findOneByOrFail(Station, { id: shift.stationId });
    const people = await this.lawyers.byIds(m, [toLawyerId, shift.lawyerId]);
    const from = people.find((l) => l.id === shift.lawyerId);
    const to = people.find((l) => l.id === toLawyerId)!;
    await this.audit.record(m, how.actor, `shift.${how.kind}`, 'shift', shift.id, {
      fromLawyerId: shift.lawyerId,
      fromLawyerName: from?.name ?? null,
      toLawyerId,
      toLawyerName: to.name,
      reason: how.reason,
      date: shift.date,
      templateName: shift.templateName,
      status: shift.status,
      warnings: warnings.map((w) => w.code),
    });
    if (shift.status !== 'published') return { ...shiftView(after, station.timezone), warnings };
    await this.events.shiftChanged(m, {
      kind: how.kind,
      station: stationInfo(station),
      shift: shiftInfo(after, station.timezone),
      from: from ? lawyerContact(from) : null,
      to: lawyerContact(to),
      reason: how.reason,
      by: { id: how.actor.id, name: how.actor.name, role: how.actor.role },
    });
    return { ...shiftView(after, station.timezone), warnings };
  }

  /** Soft balance rule after a change: the roster's counts per active member may drift past max − min ≤ 1. */
  private async balanceWarnings(m: EntityManager, shift: Shift): Promise<StoredWarning[]> {
    const roster = await m.findOneByOrFail(Roster, { id: shift.rosterId });
    const members = await this.members.active(m, shift.stationId);
    const shifts = await m.findBy(Shift, { rosterId: roster.id });
    const counts = members.map((l) => shifts.filter((s) => s.lawyerId === l.id).length);
    if (!counts.length) return [];
    const min = Math.min(...counts);
    const max = Math.max(...counts);
    if (max - min <= 1) return [];
    return [
      {
        code: 'UNBALANCED',
        message: `班次不均：本排班表中最少 ${min} 次、最多 ${max} 次 / unbalanced: ${min}..${max} shifts per lawyer in roster ${roster.from}..${roster.to}`,
      },
    ];
  }
}
