import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, forbidden, notFound } from '../common/errors';
import { iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import type { Lawyer } from '../lawyers/lawyer.entity';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { SwapQueryDto, SwapRequestDto } from './dto/roster.dto';
import { ROSTER_EVENTS, RosterEvents, type ShiftInfo } from './roster-events';
import { StoredWarning } from './roster.entity';
import { Shift } from './shift.entity';
import { lawyerContact, shiftInfo, stationInfo } from './shift-view';
import { AssignedShift, ShiftsService } from './shifts.service';
import { Station } from './station.entity';
import { SwapRequest, type SwapStatus } from './swap-request.entity';

export type SwapView = SwapRequest & {
  fromLawyerName: string | null;
  toLawyerName: string | null;
  shift: ShiftInfo;
  station: { id: string; name: string; courtName: string };
};

/** Lawyers act for themselves; admins and dispatchers for anyone. */
const actsForAnyone = (actor: Actor) => actor.role === 'admin' || actor.role === 'dispatcher';

/**
 * Shift swaps: the holder offers a published shift to another member of the station, who
 * accepts; the dispatcher (or the offering lawyer) can cancel while it is pending. Accepting
 * re-checks the hard rules, since leave or other shifts may have changed meanwhile.
 */
@Injectable()
export class SwapsService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly shifts: ShiftsService,
    @Inject(ROSTER_EVENTS) private readonly events: RosterEvents,
    private readonly lawyersQuery: LawyersQuery,
  ) {}

  async request(shiftId: string, dto: SwapRequestDto, actor: Actor): Promise<SwapRequest & { warnings: StoredWarning[] }> {
    return this.tx.run(async (m) => {
      const shift = await this.shifts.publishedShift(m, shiftId);
      if (!shift.lawyerId) throw conflict('SHIFT_UNFILLED', 'an unfilled shift is assigned by the dispatcher, not swapped');
      if (!actsForAnyone(actor) && actor.lawyerId !== shift.lawyerId) throw forbidden('only the lawyer holding the shift can offer it');
      if (shift.startsAt <= iso(this.clock.now())) throw conflict('SHIFT_STARTED', 'the shift has already started');
      if (dto.toLawyerId === shift.lawyerId) throw badRequest('toLawyerId', 'must be another lawyer');
      const warnings = await this.shifts.hardCheck(m, shift, dto.toLawyerId, 'toLawyerId');
      if (await m.existsBy(SwapRequest, { shiftId, status: 'pending' })) {
        throw conflict('SWAP_PENDING', 'this shift already has a pending swap request');
      }
      const swap: SwapRequest = Object.assign(new SwapRequest(), {
        id: newId(),
        shiftId,
        fromLawyerId: shift.lawyerId,
        toLawyerId: dto.toLawyerId,
        status: 'pending' as const,
        createdAt: iso(this.clock.now()),
        decidedAt: null,
      });
      await m.insert(SwapRequest, swap);
      const station = await m.findOneByOrFail(Station, { id: shift.stationId });
      const [from, to] = await this.lawyers(m, swap);
      await this.events.swapRequested(m, {
        swapRequestId: swap.id,
        station: stationInfo(station),
        shift: shiftInfo(shift, station.timezone),
        from: lawyerContact(from),
        to: lawyerContact(to),
      });
      await this.audit.record(m, actor, 'swap.request', 'shift', shiftId, {
        swapRequestId: swap.id,
        fromLawyerId: swap.fromLawyerId,
        toLawyerId: swap.toLawyerId,
      });
      return { ...swap, warnings };
    });
  }

  async accept(id: string, actor: Actor): Promise<{ swapRequest: SwapRequest; shift: AssignedShift }> {
    return this.tx.run(async (m) => {
      const swap = await this.pending(
        m,
        id,
        (x) => actor.role === 'admin' || actor.lawyerId === x.toLawyerId,
        'only the lawyer the shift is offered to can accept',
      );
      const shift = await this.shifts.publishedShift(m, swap.shiftId);
      if (shift.lawyerId !== swap.fromLawyerId) throw conflict('SWAP_STALE', 'the shift changed hands since the offer');
      if (shift.startsAt <= iso(this.clock.now())) throw conflict('SHIFT_STARTED', 'the shift has already started');
      await this.decide(m, swap, 'accepted');
      const moved = await this.shifts.reassign(m, shift, swap.toLawyerId, { kind: 'swap', reason: null, actor, field: 'toLawyerId' });
      return { swapRequest: swap, shift: moved };
    });
  }

  async cancel(id: string, actor: Actor): Promise<SwapRequest> {
    return this.tx.run(async (m) => {
      const swap = await this.pending(
        m,
        id,
        (x) => actsForAnyone(actor) || actor.lawyerId === x.fromLawyerId,
        'only the dispatcher or the offering lawyer can cancel',
      );
      await this.decide(m, swap, 'cancelled');
      await this.audit.record(m, actor, 'swap.cancel', 'shift', swap.shiftId, { swapRequestId: id });
      return swap;
    });
  }

  /** The lawyer offered the shift turns it down; the shift stays with its holder, who may offer it to someone else. */
  async decline(id: string, actor: Actor): Promise<SwapRequest> {
    return this.tx.run(async (m) => {
      const swap = await this.pending(
        m,
        id,
        (x) => actor.role === 'admin' || actor.lawyerId === x.toLawyerId,
        'only the lawyer the shift is offered to can decline',
      );
      await this.decide(m, swap, 'declined');
      await this.audit.record(m, actor, 'swap.decline', 'shift', swap.shiftId, { swapRequestId: id });
      return swap;
    });
  }

  /**
   * A lawyer sees the requests they made or received; dispatchers see all (filter by lawyerId).
   * Each with its shift, station and both lawyers' names, so a phone can show it as it is.
   */
  async list(q: SwapQueryDto, actor: Actor): Promise<SwapView[]> {
    const lawyerId = actsForAnyone(actor) || actor.role === 'supervisor' ? q.lawyerId : (actor.lawyerId ?? '');
    const where = lawyerId
      ? [
          { fromLawyerId: lawyerId, ...(q.status ? { status: q.status } : {}) },
          { toLawyerId: lawyerId, ...(q.status ? { status: q.status } : {}) },
        ]
      : { ...(q.status ? { status: q.status } : {}) };
    return this.tx.run(async (m) =>
      this.views(m, await m.find(SwapRequest, { where, order: { createdAt: 'DESC', id: 'ASC' }, take: 1000 })),
    );
  }

  private async views(m: EntityManager, swaps: SwapRequest[]): Promise<SwapView[]> {
    if (!swaps.length) return [];
    const shifts = await m.findBy(Shift, { id: In([...new Set(swaps.map((x) => x.shiftId))]) });
    const stations = await m.findBy(Station, { id: In([...new Set(shifts.map((x) => x.stationId))]) });
    const names = await this.lawyersQuery.names(
      m,
      swaps.flatMap((x) => [x.fromLawyerId, x.toLawyerId]),
    );
    const name = (id: string) => names.get(id) ?? null;
    return swaps.map((swap) => {
      const shift = shifts.find((x) => x.id === swap.shiftId)!;
      const station = stations.find((x) => x.id === shift.stationId)!;
      return {
        ...swap,
        fromLawyerName: name(swap.fromLawyerId),
        toLawyerName: name(swap.toLawyerId),
        shift: shiftInfo(shift, station.timezone),
        station: { id: station.id, name: station.name, courtName: station.courtName },
      };
    });
  }

  /** Who may act is checked before the state: an uninvolved lawyer learns nothing about the request. */
  private async pending(m: EntityManager, id: string, allowed: (swap: SwapRequest) => boolean, denial: string): Promise<SwapRequest> {
    const swap = await m.findOneBy(SwapRequest, { id });
    if (!swap) throw notFound('SwapRequest', id);
    if (!allowed(swap)) throw forbidden(denial);
    if (swap.status !== 'pending') throw conflict('SWAP_NOT_PENDING', `the swap request is ${swap.status}`);
    return swap;
  }

  /** Conditional on still pending: an accept racing a cancel → one of them gets 409. */
  private async decide(m: EntityManager, swap: SwapRequest, status: Exclude<SwapStatus, 'pending'>): Promise<void> {
    const decidedAt = iso(this.clock.now());
    const done = await m.update(SwapRequest, { id: swap.id, status: 'pending' }, { status, decidedAt });
    if (!done.affected) throw conflict('SWAP_NOT_PENDING', 'the swap request was decided meanwhile');
    Object.assign(swap, { status, decidedAt });
  }

  private async lawyers(m: EntityManager, swap: SwapRequest): Promise<[Lawyer, Lawyer]> {
    const rows = await this.lawyersQuery.byIds(m, [swap.fromLawyerId, swap.toLawyerId]);
    return [rows.find((l) => l.id === swap.fromLawyerId)!, rows.find((l) => l.id === swap.toLawyerId)!];
  }
}
