import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Lawyer } from '../lawyers/lawyer.entity';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { StationMember } from './station.entity';

/** Who may serve at a station: its members (station_members, the stations' table) joined with the lawyers' standing. */
@Injectable()
export class StationMembersQuery {
  constructor(private readonly lawyers: LawyersQuery) {}

  /** The station's members who can serve: active and not suspended, in a stable order (name, id). */
  active(m: EntityManager, stationId: string): Promise<Lawyer[]> {
    return m
      .createQueryBuilder(Lawyer, 'l')
      .innerJoin(StationMember, 'sm', 'sm.lawyer_id = l.id AND sm.station_id = :stationId', { stationId })
      .where('l.active = :yes AND l.suspended = :no', { yes: true, no: false })
      .orderBy('l.name', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
  }

  /** Why a lawyer cannot hold a station's shift regardless of the date: null when they can. */
  async membershipProblem(m: EntityManager, stationId: string, lawyerId: string): Promise<string | null> {
    const lawyer = await this.lawyers.byId(m, lawyerId);
    if (!lawyer) return 'no such lawyer';
    if (!lawyer.active || lawyer.suspended) return 'the lawyer is inactive or suspended';
    if (!(await m.existsBy(StationMember, { stationId, lawyerId }))) return 'the lawyer is not a member of this station (dutyStationIds)';
    return null;
  }
}
