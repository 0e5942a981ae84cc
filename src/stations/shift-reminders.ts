import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { iso } from '../database/columns';
import { LawyersQuery } from '../lawyers/lawyers.query';
import type { ReminderWindow } from '../notifications/domain/reminder-window';
import { ReminderRegistry, ShiftReminderSource } from '../notifications/reminders/reminder-registry';
import type { ShiftReminderMail } from '../notifications/templates/mail-types';
import { Shift } from './shift.entity';
import { Station } from './station.entity';

interface DueRow {
  shiftId: string;
  date: string;
  start: string;
  end: string;
  stationId: string;
  stationName: string;
  courtName: string;
  timezone: string;
  lawyerId: string;
}

/**
 * The stations' shift reminders: every published, filled shift starting inside the job's
 * window (now → end of tomorrow in the court's zone) reminds its current holder. Run each
 * evening, that is tomorrow's shifts; the outbox key (shift + lawyer) sends each one once,
 * and a shift that changed hands since reminds its new holder.
 */
@Injectable()
export class ShiftReminders implements ShiftReminderSource, OnModuleInit {
  readonly kind = 'shift' as const;

  constructor(
    private readonly registry: ReminderRegistry,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    private readonly lawyers: LawyersQuery,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async dueReminders(window: ReminderWindow): Promise<ShiftReminderMail[]> {
    const rows = await this.dueQuery(window).getRawMany<DueRow>();
    // The holders' contacts in a second read: the lawyers' table is theirs (LawyersQuery).
    const holders = new Map(
      (
        await this.lawyers.byIds(
          this.shifts.manager,
          rows.map((r) => r.lawyerId),
        )
      ).map((l) => [l.id, l]),
    );
    return rows.flatMap((r) => {
      const holder = holders.get(r.lawyerId);
      if (!holder) return [];
      return [
        {
          lawyer: { id: holder.id, name: holder.name, email: holder.email },
          station: { id: r.stationId, name: r.stationName, courtName: r.courtName },
          shift: { id: r.shiftId, date: r.date, start: r.start, end: r.end },
          timezone: r.timezone,
        },
      ];
    });
  }

  /**
   * One range scan of the (station_id, status, starts_at) index per station, so the cost
   * follows the shifts due, not the years of roster history. The `station_id IN (…)` repeats
   * the join on purpose: without table statistics SQLite would otherwise put shifts in the
   * outer loop and scan every published shift. Public so the e2e test can EXPLAIN this query.
   */
  dueQuery(window: ReminderWindow): SelectQueryBuilder<Shift> {
    return this.shifts
      .createQueryBuilder('s')
      .innerJoin(Station, 'st', 'st.id = s.stationId')
      .select('s.id', 'shiftId')
      .addSelect('s.date', 'date')
      .addSelect('s.startTime', 'start')
      .addSelect('s.endTime', 'end')
      .addSelect('st.id', 'stationId')
      .addSelect('st.name', 'stationName')
      .addSelect('st.courtName', 'courtName')
      .addSelect('st.timezone', 'timezone')
      .addSelect('s.lawyerId', 'lawyerId')
      .where('s.stationId IN (SELECT id FROM stations)')
      .andWhere("s.status = 'published' AND s.lawyerId IS NOT NULL AND s.startsAt >= :from AND s.startsAt < :to", {
        from: iso(window.from),
        to: iso(window.to),
      })
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC');
  }
}
