import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../common/local-date';

/** A published shift that falls in a lawyer's new leave (named in the answer's warning). */
export interface ShiftInLeave {
  id: string;
  rosterId: string;
  stationId: string;
  date: LocalDate;
  start: string;
  end: string;
}

/**
 * What the lawyer record needs of the stations. A lawyer's duty stations (`dutyStationIds`) are
 * written with the lawyer, in its transaction, but the stations feature owns `stations`,
 * `station_members` and `shifts`: it implements this (`StationDutyStations`) and the lawyers
 * folder imports nothing of it.
 */
export abstract class DutyStations {
  /** The ids among these that name no station. */
  abstract unknown(m: EntityManager, stationIds: readonly string[]): Promise<string[]>;
  /** Each lawyer's duty stations. */
  abstract of(m: EntityManager, lawyerIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Sets a lawyer's duty stations to exactly these (known) stations. */
  abstract replace(m: EntityManager, lawyerId: string, stationIds: readonly string[]): Promise<void>;
  /** Adds memberships of new lawyers (an import). */
  abstract add(m: EntityManager, memberships: readonly { stationId: string; lawyerId: string }[]): Promise<void>;
  /** The lawyer's published shifts on the local dates from..to, earliest first. */
  abstract publishedShiftsDuring(m: EntityManager, lawyerId: string, from: LocalDate, to: LocalDate): Promise<ShiftInLeave[]>;
}
