import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { localDateOf, LocalDate } from '../../common/local-date';
import { queryNamed } from '../../database/columns';
import type { CoverageCase } from '../domain/coverage';
import type { Art12Appointment } from '../domain/deadlines';
import { Period, StatsPeriods } from './stats-period';

export type ReceivedCase = CoverageCase & { receivedOn: LocalDate };
export type DatedAppointment = Art12Appointment & { appointedOn: LocalDate };

/** Appointments that never became one: an offer still open, declined or left to expire. */
const NOT_APPOINTED = ['offered', 'declined', 'expired'];

/** Read-only: the defendants received in a period and the appointments made in it, as the rules see them. */
@Injectable()
export class CaseFactsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: StatsPeriods,
  ) {}

  private readonly localDate = (instant: unknown): LocalDate => localDateOf(new Date(String(instant)), this.periods.timezone);

  async received(p: Period): Promise<ReceivedCase[]> {
    const rows = await queryNamed(
      this.dataSource,
      `SELECT c.route, c.route_reason, c.status, c.appoint_by, c.received_at,
              (SELECT MIN(a.appointed_at) FROM assignments a WHERE a.case_id = c.id AND a.status NOT IN (:...notAppointed)) AS first_appointed_at,
              CASE WHEN EXISTS (SELECT 1 FROM help_records h WHERE h.case_id = c.id) THEN 1 ELSE 0 END AS help
         FROM cases c
        WHERE c.received_at >= :start AND c.received_at < :end`,
      { start: p.start, end: p.end, notAppointed: NOT_APPOINTED },
    );
    return rows.map((r) => ({
      route: r.route as CoverageCase['route'],
      routeReason: r.route_reason as CoverageCase['routeReason'],
      status: String(r.status),
      appointBy: String(r.appoint_by),
      firstAppointedOn: r.first_appointed_at ? this.localDate(r.first_appointed_at) : null,
      helpRecorded: Number(r.help) === 1,
      receivedOn: this.localDate(r.received_at),
    }));
  }

  /** Art 12: each appointment made in the period, with the lawyer's first file-reading request in the case. */
  async appointments(p: Period): Promise<DatedAppointment[]> {
    const rows = await queryNamed(
      this.dataSource,
      `SELECT a.appointed_at, a.file_review_by,
              (SELECT MIN(f.requested_at) FROM file_reading_requests f WHERE f.case_id = a.case_id AND f.lawyer_id = a.lawyer_id) AS first_request
         FROM assignments a
        WHERE a.appointed_at >= :start AND a.appointed_at < :end AND a.status NOT IN (:...notAppointed)`,
      { start: p.start, end: p.end, notAppointed: NOT_APPOINTED },
    );
    return rows.map((r) => ({
      appointedOn: this.localDate(r.appointed_at),
      fileReviewBy: String(r.file_review_by),
      fileReadingRequestedOn: r.first_request ? this.localDate(r.first_request) : null,
    }));
  }
}
