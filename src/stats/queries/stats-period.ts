import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { invalid } from '../../common/errors';
import { addDays, daysBetween, instantAt, localDateOf, LocalDate } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { StatsPeriodDto } from '../dto/period.dto';

/** A statistics period in court-local dates, with the UTC instants bounding it: [start, end). */
export interface Period {
  from: LocalDate;
  to: LocalDate;
  start: string;
  end: string;
  /** Today in the court's zone: what "overdue" is judged on. */
  today: LocalDate;
}

const MAX_DAYS = 3660;

/** Turns the query's dates into a period; the default is the last 365 days up to today. */
@Injectable()
export class StatsPeriods {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get timezone(): string {
    return this.config.courtTimezone;
  }

  resolve(dto: StatsPeriodDto): Period {
    const tz = this.config.courtTimezone;
    const today = localDateOf(this.clock.now(), tz);
    const to = dto.to ?? today;
    const from = dto.from ?? addDays(to, -364);
    if (to < from) throw invalid([{ field: 'to', reason: 'must not be before from' }]);
    if (daysBetween(from, to) > MAX_DAYS) throw invalid([{ field: 'from', reason: `period longer than ${MAX_DAYS} days` }]);
    return {
      from,
      to,
      today,
      start: instantAt(from, '00:00', tz).toISOString(),
      end: instantAt(addDays(to, 1), '00:00', tz).toISOString(),
    };
  }
}
