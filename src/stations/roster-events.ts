import type { EntityManager } from 'typeorm';

/**
 * What the stations module tells the outside world (the mail outbox) about rosters.
 * Handlers run inside the transaction of the change, so a mail is queued if and only if
 * the change commits. The data is complete enough to write the mail without reading back.
 */
export interface LawyerContact {
  id: string;
  name: string;
  email: string;
  phone: string;
}

export interface StationInfo {
  id: string;
  name: string;
  courtName: string;
  timezone: string;
  fallbackPhone: string;
}

export interface ShiftInfo {
  id: string;
  date: string;
  templateName: string;
  /** Local `HH:mm` in the station's zone. */
  start: string;
  end: string;
  /** ISO 8601 with the station's offset. */
  startsAt: string;
  endsAt: string;
  /** iCal SEQUENCE after the change. */
  sequence: number;
}

export interface RosterPublished {
  roster: { id: string; from: string; to: string; publishedAt: string };
  station: StationInfo;
  /** Every lawyer holding at least one shift of the roster, with those shifts in time order. */
  shiftsByLawyer: { lawyer: LawyerContact; shifts: ShiftInfo[] }[];
}

export interface ShiftChanged {
  kind: 'override' | 'swap';
  station: StationInfo;
  shift: ShiftInfo;
  /** The lawyer who loses the shift (null when the slot was unfilled). */
  from: LawyerContact | null;
  to: LawyerContact;
  reason: string | null;
  by: { id: string; name: string; role: string };
}

export interface SwapRequested {
  swapRequestId: string;
  station: StationInfo;
  shift: ShiftInfo;
  from: LawyerContact;
  to: LawyerContact;
}

export interface RosterEvents {
  rosterPublished(manager: EntityManager, event: RosterPublished): Promise<void>;
  shiftChanged(manager: EntityManager, event: ShiftChanged): Promise<void>;
  swapRequested(manager: EntityManager, event: SwapRequested): Promise<void>;
}

export const ROSTER_EVENTS = Symbol('ROSTER_EVENTS');
