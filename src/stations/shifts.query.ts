import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, In, IsNull, LessThanOrEqual, MoreThan, Not, Repository } from 'typeorm';
import { iso } from '../database/columns';
import type { LocalDate } from '../common/local-date';
import { Shift } from './shift.entity';
import { Station } from './station.entity';

/**
 * Read access to stations and published shifts for other modules (ledger, calendar feeds,
 * cases routing to the duty lawyer). Drafts are never visible outside the stations module.
 */
@Injectable()
export class ShiftsQuery {
  constructor(
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(Station) private readonly stations: Repository<Station>,
  ) {}

  /** A published shift, or null (drafts and unknown ids alike). */
  findShift(id: string): Promise<Shift | null> {
    return this.shifts.findOneBy({ id, status: 'published' });
  }

  findStation(id: string): Promise<Station | null> {
    return this.stations.findOneBy({ id });
  }

  /** The stations with these ids (unknown ids are skipped), in no particular order. */
  findStations(ids: readonly string[]): Promise<Station[]> {
    return ids.length ? this.stations.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** Whether the station exists, read in the caller's transaction. */
  stationExists(m: EntityManager, id: string): Promise<boolean> {
    return m.existsBy(Station, { id });
  }

  /** The lawyer's published shifts on local dates `fromDate`..`toDate` (inclusive), at every station, in time order. */
  shiftsOfLawyer(lawyerId: string, fromDate: LocalDate, toDate: LocalDate): Promise<Shift[]> {
    return this.shifts.find({
      where: { lawyerId, status: 'published', date: Between(fromDate, toDate) },
      order: { startsAt: 'ASC' },
    });
  }

  /** The station's published shifts on local dates `from`..`to` (inclusive), filled or not, in time order. */
  publishedShiftsOfStation(stationId: string, from: LocalDate, to: LocalDate): Promise<Shift[]> {
    return this.shifts.find({
      where: { stationId, status: 'published', date: Between(from, to) },
      order: { startsAt: 'ASC', templateName: 'ASC' },
    });
  }

  /**
   * The published shift running at `at` (start inclusive, end exclusive), filled or not:
   * the latest shift starting at or before `at`, read off the (station_id, status, starts_at) index.
   */
  async shiftAt(stationId: string, at: Date): Promise<Shift | null> {
    const latest = await this.shifts.findOne({
      where: { stationId, status: 'published', startsAt: LessThanOrEqual(iso(at)) },
      order: { startsAt: 'DESC' },
    });
    return latest && latest.endsAt > iso(at) ? latest : null;
  }

  /** The first filled published shift starting after `at`. */
  nextFilledShift(stationId: string, at: Date): Promise<Shift | null> {
    return this.shifts.findOne({
      where: { stationId, status: 'published', startsAt: MoreThan(iso(at)), lawyerId: Not(IsNull()) },
      order: { startsAt: 'ASC' },
    });
  }
}
