import { Between, EntityManager, In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { addDays, LocalDate } from '../common/local-date';
import { chunks } from '../database/columns';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Unavailability } from '../lawyers/unavailability.entity';
import { Shift } from './shift.entity';
import { StationMember } from './station.entity';

/** The station's members who can serve: active and not suspended, in a stable order (name, id). */
export async function activeMembers(m: EntityManager, stationId: string): Promise<Lawyer[]> {
  return m
    .createQueryBuilder(Lawyer, 'l')
    .innerJoin(StationMember, 'sm', 'sm.lawyer_id = l.id AND sm.station_id = :stationId', { stationId })
    .where('l.active = :yes AND l.suspended = :no', { yes: true, no: false })
    .orderBy('l.name', 'ASC')
    .addOrderBy('l.id', 'ASC')
    .getMany();
}

/** Why a lawyer cannot hold a station's shift regardless of the date: null when they can. */
export async function membershipProblem(m: EntityManager, stationId: string, lawyerId: string): Promise<string | null> {
  const lawyer = await m.findOneBy(Lawyer, { id: lawyerId });
  if (!lawyer) return 'no such lawyer';
  if (!lawyer.active || lawyer.suspended) return 'the lawyer is inactive or suspended';
  if (!(await m.existsBy(StationMember, { stationId, lawyerId }))) return 'the lawyer is not a member of this station (dutyStationIds)';
  return null;
}

/** Leave of the lawyers that touches [from, to]. */
export async function leaveOf(m: EntityManager, lawyerIds: readonly string[], from: LocalDate, to: LocalDate): Promise<Unavailability[]> {
  const out: Unavailability[] = [];
  for (const part of chunks(lawyerIds)) {
    out.push(...(await m.findBy(Unavailability, { lawyerId: In(part), from: LessThanOrEqual(to), to: MoreThanOrEqual(from) })));
  }
  return out;
}

/**
 * The lawyers' other shifts on the shift's day and the days around it, at every station: the
 * published ones, and the other slots of the shift's own roster while it is a draft.
 */
export async function neighbourShifts(m: EntityManager, lawyerIds: readonly string[], shift: Shift): Promise<Shift[]> {
  const out: Shift[] = [];
  for (const part of chunks(lawyerIds)) {
    const base = { lawyerId: In(part), id: Not(shift.id), date: Between(addDays(shift.date, -1), addDays(shift.date, 1)) };
    out.push(
      ...(await m.find(Shift, {
        where: [
          { ...base, status: 'published' as const },
          { ...base, rosterId: shift.rosterId },
        ],
      })),
    );
  }
  return out;
}
