import { IsIn } from 'class-validator';
import { STATS_REPORTS, type StatsReportName } from '../domain/reports';
import { StatsPeriodDto } from './period.dto';

/** One dashboard table as a file: the same rows the screen shows. */
export class StatsExportDto extends StatsPeriodDto {
  /** `coverage`, `deadlines`, `appointments` (fairness), `shifts` (fairness) or `objections`. */
  @IsIn(STATS_REPORTS) report: StatsReportName;
  @IsIn(['csv', 'xlsx']) format: 'csv' | 'xlsx';
}
