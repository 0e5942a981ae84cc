import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, assertSelfOrStaff } from '../common/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { shiftView, stationInfo } from '../stations/shift-view';
import { ShiftsQuery } from '../stations/shifts.query';
import type { Station } from '../stations/station.entity';
import { dutyActionAt, shiftSpan } from './domain/duty-rules';
import type { DutyRecordView } from './domain/ledger-views';
import { DateRangeDto } from './dto/ledger.dto';
import { LedgerAccess } from './ledger-access';
import { LedgerReader } from './ledger-reader';

/**
 * 我的值班: one lawyer's published shifts at every station, each with its check-in/out as the
 * ledger has it and the one thing the lawyer can record on it now (the phone's big button).
 */
@Injectable()
export class LawyerShiftsService {
  constructor(
    private readonly lawyers: LawyersQuery,
    private readonly ds: DataSource,
    private readonly shifts: ShiftsQuery,
    private readonly reader: LedgerReader,
    private readonly access: LedgerAccess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(lawyerId: string, q: DateRangeDto, actor: Actor) {
    assertSelfOrStaff(actor, lawyerId, 'read shifts');
    this.access.checkRange(q.from, q.to);
    if (!(await this.lawyers.exists(this.ds.manager, lawyerId))) throw notFound('Lawyer', lawyerId);
    const shifts = await this.shifts.shiftsOfLawyer(lawyerId, q.from, q.to);
    const now = this.clock.now();
    const rows = new Map<string, DutyRecordView>();
    const stations = new Map<string, Station>();
    for (const stationId of new Set(shifts.map((s) => s.stationId))) {
      const station = await this.access.station(stationId);
      stations.set(stationId, station);
      for await (const page of this.reader.dutyPages({ stationId, from: q.from, to: q.to, timezone: station.timezone, lawyerId }))
        for (const row of page) rows.set(row.shiftId, row);
    }
    return shifts.map((s) => {
      const station = stations.get(s.stationId)!;
      const row = rows.get(s.id)!;
      return {
        ...shiftView(s, station.timezone),
        station: stationInfo(station),
        checkedInAt: row.checkedInAt,
        checkedOutAt: row.checkedOutAt,
        attendance: row.attendance,
        lateByMinutes: row.lateByMinutes,
        signedOffAt: row.signedOffAt,
        action: dutyActionAt(shiftSpan(s), !!row.checkedInAt, !!row.checkedOutAt, now, this.config.ledger.earlyCheckInMin),
      };
    });
  }
}
