import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { Recipient, ShiftSlot, StationRef } from '../notifications/templates/mail-types';
import type { LawyerContact, RosterEvents, RosterPublished, ShiftChanged, ShiftInfo, StationInfo, SwapRequested } from './roster-events';

export const recipient = (l: LawyerContact): Recipient => ({ id: l.id, name: l.name, email: l.email });
export const stationRef = (s: StationInfo): StationRef => ({ id: s.id, name: s.name, courtName: s.courtName });
export const shiftSlot = (s: Pick<ShiftInfo, 'id' | 'date' | 'start' | 'end'>): ShiftSlot => ({
  id: s.id,
  date: s.date,
  start: s.start,
  end: s.end,
});

/**
 * ROSTER_EVENTS as mail (rule 10: publishing notifies each lawyer; overrides and swaps tell
 * both lawyers). It lives on the stations side: stations depends on the global notifications
 * module, never the reverse, so notifications stays free of roster types.
 * Mails are queued in the caller's transaction; the facade's keys make each one once.
 */
@Injectable()
export class RosterMailEvents implements RosterEvents {
  constructor(private readonly notifications: NotificationsService) {}

  /** One mail per lawyer with all their shifts; key roster+lawyer, so a retried publish queues nothing new. */
  async rosterPublished(m: EntityManager, e: RosterPublished): Promise<void> {
    for (const { lawyer, shifts } of e.shiftsByLawyer) {
      await this.notifications.rosterPublished(m, {
        rosterId: e.roster.id,
        lawyer: recipient(lawyer),
        station: stationRef(e.station),
        shifts: shifts.map(shiftSlot),
        timezone: e.station.timezone,
      });
    }
  }

  /**
   * The shift's sequence after the change identifies the change: the move is a conditional
   * update on the previous sequence, so no two changes of one shift share it.
   */
  async shiftChanged(m: EntityManager, e: ShiftChanged): Promise<void> {
    await this.notifications.shiftChanged(m, {
      changeId: `v${e.shift.sequence}`,
      change: e.kind,
      shift: shiftSlot(e.shift),
      station: stationRef(e.station),
      previous: e.from ? recipient(e.from) : null,
      lawyer: recipient(e.to),
      reason: e.reason ?? undefined,
      timezone: e.station.timezone,
    });
  }

  async swapRequested(m: EntityManager, e: SwapRequested): Promise<void> {
    await this.notifications.swapRequested(m, {
      swapRequestId: e.swapRequestId,
      lawyer: recipient(e.to),
      from: recipient(e.from),
      shift: shiftSlot(e.shift),
      station: stationRef(e.station),
      timezone: e.station.timezone,
    });
  }
}
