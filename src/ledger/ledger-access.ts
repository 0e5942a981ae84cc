import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type Actor, ownLawyerId } from '../common/actor';
import { badRequest, forbidden, invalid, notFound } from '../common/errors';
import { daysBetween } from '../common/local-date';
import type { Shift } from '../stations/shift.entity';
import type { Station } from '../stations/station.entity';
import { ShiftsQuery } from '../stations/shifts.query';
import { LedgerSignOff } from './ledger.entities';

/** A ledger read or export covers at most a year and a day (a year of a station at once). */
const MAX_RANGE_DAYS = 366;

/** Who may touch which part of the ledger: the lawyer holding a shift writes; staff read all, a lawyer only their own. */
@Injectable()
export class LedgerAccess {
  constructor(private readonly shifts: ShiftsQuery) {}

  async station(stationId: string): Promise<Station> {
    const station = await this.shifts.findStation(stationId);
    if (!station) throw notFound('Station', stationId);
    return station;
  }

  /**
   * The published shift and its station, when the actor is the lawyer holding it. `field` set:
   * the id came in a body, so an unknown shift is a 400 naming it; else (a path) a 404.
   */
  async ownShift(shiftId: string, actor: Actor, field?: string): Promise<{ shift: Shift; station: Station }> {
    const found = await this.publishedShift(shiftId, field);
    if (!actor.lawyerId || found.shift.lawyerId !== actor.lawyerId) {
      throw forbidden('only the lawyer holding this shift may record on it', 'NOT_SHIFT_HOLDER');
    }
    return found;
  }

  /** The published shift and its station, whoever asks (staff work on any shift). */
  async publishedShift(shiftId: string, field?: string): Promise<{ shift: Shift; station: Station }> {
    const shift = await this.shifts.findShift(shiftId);
    if (!shift) throw field ? badRequest(field, 'no published shift with this id') : notFound('Shift', shiftId);
    return { shift, station: await this.station(shift.stationId) };
  }

  /** The lawyer a read is limited to: their own for a lawyer, none (the whole station) for staff. */
  readerLawyerId(actor: Actor): string | undefined {
    return actor.role === 'lawyer' ? ownLawyerId(actor) : undefined;
  }

  /** The lawyer on shift at the station now, or staff. */
  async assertOnShiftOrStaff(actor: Actor, stationId: string, now: Date): Promise<void> {
    if (actor.role !== 'lawyer') return;
    const current = await this.shifts.shiftAt(stationId, now);
    if (!actor.lawyerId || current?.lawyerId !== actor.lawyerId) {
      throw forbidden('only the lawyer on shift at this station sees its pending help', 'NOT_ON_SHIFT');
    }
  }

  isSignedOff(m: EntityManager, lawyerId: string, stationId: string, date: string): Promise<boolean> {
    return m.existsBy(LedgerSignOff, { lawyerId, stationId, date });
  }

  checkRange(from: string, to: string): void {
    const days = daysBetween(from, to);
    if (days < 0) throw invalid([{ field: 'to', reason: 'must not be before from' }]);
    if (days >= MAX_RANGE_DAYS) throw invalid([{ field: 'to', reason: `at most ${MAX_RANGE_DAYS} days from from` }]);
  }
}
