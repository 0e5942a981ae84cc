import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In } from 'typeorm';
import type { LocalDate } from '../common/local-date';
import { chunks, insertRows } from '../database/columns';
import { DutyStations, ShiftInLeave } from '../lawyers/duty-stations';
import { Shift } from './shift.entity';
import { Station, StationMember } from './station.entity';

/** The one writer of station_members: the lawyer record's duty stations (see DutyStations). */
@Injectable()
export class StationDutyStations extends DutyStations {
  async unknown(m: EntityManager, stationIds: readonly string[]): Promise<string[]> {
    const unique = [...new Set(stationIds)];
    const known = new Set<string>();
    for (const part of chunks(unique)) (await m.findBy(Station, { id: In(part) })).forEach((s) => known.add(s.id));
    return unique.filter((id) => !known.has(id));
  }

  async of(m: EntityManager, lawyerIds: readonly string[]): Promise<Map<string, string[]>> {
    const byLawyer = new Map<string, string[]>();
    for (const part of chunks(lawyerIds)) {
      for (const sm of await m.findBy(StationMember, { lawyerId: In(part) })) {
        byLawyer.set(sm.lawyerId, [...(byLawyer.get(sm.lawyerId) ?? []), sm.stationId]);
      }
    }
    return byLawyer;
  }

  async replace(m: EntityManager, lawyerId: string, stationIds: readonly string[]): Promise<void> {
    await m.delete(StationMember, { lawyerId });
    await this.add(
      m,
      [...new Set(stationIds)].map((stationId) => ({ stationId, lawyerId })),
    );
  }

  async add(m: EntityManager, memberships: readonly { stationId: string; lawyerId: string }[]): Promise<void> {
    for (const part of chunks(memberships)) await insertRows(m, StationMember, part);
  }

  async publishedShiftsDuring(m: EntityManager, lawyerId: string, from: LocalDate, to: LocalDate): Promise<ShiftInLeave[]> {
    const covered = await m.find(Shift, { where: { lawyerId, status: 'published', date: Between(from, to) }, order: { startsAt: 'ASC' } });
    return covered.map((sh) => ({
      id: sh.id,
      rosterId: sh.rosterId,
      stationId: sh.stationId,
      date: sh.date,
      start: sh.startTime,
      end: sh.endTime,
    }));
  }
}
