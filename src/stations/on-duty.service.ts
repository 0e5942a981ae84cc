import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { toZonedIso } from '../common/local-date';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Shift } from './shift.entity';
import { ShiftsQuery } from './shifts.query';
import { StationsService } from './stations.service';

export interface DutyHolder {
  lawyerId: string;
  name: string;
  phone: string;
  shiftStart: string;
  shiftEnd: string;
  shiftId: string;
  date: string;
  templateName: string;
}

export interface OnDuty {
  stationId: string;
  stationName: string;
  courtName: string;
  timezone: string;
  at: string;
  onDuty: DutyHolder | null;
  next: DutyHolder | null;
  fallbackPhone: string;
}

/**
 * Who is on duty at a station at an instant, and who is next. Two index lookups on
 * (station_id, status, starts_at); lunch gaps, weekends, holidays and make-up days need
 * no special case because only the shifts that exist (generated on working days) are read.
 */
@Injectable()
export class OnDutyService {
  constructor(
    @InjectRepository(Lawyer) private readonly lawyers: Repository<Lawyer>,
    private readonly shifts: ShiftsQuery,
    private readonly stations: StationsService,
    private readonly clock: Clock,
  ) {}

  async at(stationId: string, at?: string): Promise<OnDuty> {
    const station = await this.stations.require(stationId);
    const when = at ? new Date(at) : this.clock.now();
    const [current, next] = await Promise.all([this.shifts.shiftAt(stationId, when), this.shifts.nextFilledShift(stationId, when)]);
    const ids = [current?.lawyerId, next?.lawyerId].filter((x): x is string => !!x);
    const byId = new Map((ids.length ? await this.lawyers.findBy({ id: In(ids) }) : []).map((l) => [l.id, l]));
    const holder = (s: Shift | null): DutyHolder | null => {
      const lawyer = s?.lawyerId ? byId.get(s.lawyerId) : undefined;
      if (!s || !lawyer) return null;
      return {
        lawyerId: lawyer.id,
        name: lawyer.name,
        phone: lawyer.phone,
        shiftStart: toZonedIso(new Date(s.startsAt), station.timezone),
        shiftEnd: toZonedIso(new Date(s.endsAt), station.timezone),
        shiftId: s.id,
        date: s.date,
        templateName: s.templateName,
      };
    };
    return {
      stationId,
      stationName: station.name,
      courtName: station.courtName,
      timezone: station.timezone,
      at: toZonedIso(when, station.timezone),
      onDuty: holder(current),
      next: holder(next),
      fallbackPhone: station.fallbackPhone,
    };
  }
}
