import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { invalid } from '../common/errors';
import { addDays, daysBetween, instantAt, localDateOf, LocalDate } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { queryNamed } from '../database/columns';
import { CoverageCase, coverageReport } from './domain/coverage';
import { gini, round4, topShare } from './domain/inequality';
import { StatsPeriodDto } from './dto/period.dto';

interface Period {
  from: LocalDate;
  to: LocalDate;
  /** UTC instants bounding the period: [start, end). */
  start: string;
  end: string;
}

const MAX_DAYS = 3660;

@Injectable()
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Defendants received in the period, by route and outcome; the coverage rate; Art 6 deadline compliance. */
  async coverage(dto: StatsPeriodDto) {
    const p = this.period(dto);
    const rows = await queryNamed(
      this.dataSource,
      `SELECT c.route, c.route_reason, c.status, c.appoint_by,
              (SELECT MIN(a.appointed_at) FROM assignments a WHERE a.case_id = c.id) AS first_appointed_at,
              CASE WHEN EXISTS (SELECT 1 FROM help_records h WHERE h.case_id = c.id) THEN 1 ELSE 0 END AS help
         FROM cases c
        WHERE c.received_at >= :start AND c.received_at < :end`,
      { start: p.start, end: p.end },
    );
    const tz = this.config.courtTimezone;
    const cases = rows.map((r): CoverageCase => ({
      route: r.route as CoverageCase['route'],
      routeReason: r.route_reason as CoverageCase['routeReason'],
      status: String(r.status),
      appointBy: String(r.appoint_by),
      firstAppointedOn: r.first_appointed_at ? localDateOf(new Date(String(r.first_appointed_at)), tz) : null,
      helpRecorded: Number(r.help) === 1,
    }));
    return { from: p.from, to: p.to, ...coverageReport(cases) };
  }

  /** Appointments per lawyer in the period, with the top-10% share and Gini (rule 4 fairness). */
  async workload(dto: StatsPeriodDto) {
    const p = this.period(dto);
    // Every active lawyer counts, with zero if never appointed: leaving them out would hide unfairness.
    const rows = await queryNamed(
      this.dataSource,
      `SELECT l.id, l.name, l.pool_tier, l.weight, COUNT(a.id) AS n
         FROM lawyers l
         LEFT JOIN assignments a ON a.lawyer_id = l.id AND a.appointed_at >= :start AND a.appointed_at < :end
        WHERE l.active = :active OR a.id IS NOT NULL
        GROUP BY l.id, l.name, l.pool_tier, l.weight`,
      { start: p.start, end: p.end, active: true },
    );
    const lawyers = rows
      .map((r) => ({
        lawyerId: String(r.id),
        name: String(r.name),
        poolTier: String(r.pool_tier),
        weight: Number(r.weight),
        appointments: Number(r.n),
      }))
      .sort((a, b) => b.appointments - a.appointments || a.name.localeCompare(b.name, 'zh'));
    const counts = lawyers.map((l) => l.appointments);
    return {
      from: p.from,
      to: p.to,
      totalAppointments: counts.reduce((s, n) => s + n, 0),
      lawyers,
      top10Share: round4(topShare(counts, 0.1)),
      gini: round4(gini(counts)),
      /** Appointments divided by weight: 0 when the weighted rotation was followed exactly. */
      weightedGini: round4(gini(lawyers.map((l) => l.appointments / l.weight))),
    };
  }

  private period(dto: StatsPeriodDto): Period {
    const tz = this.config.courtTimezone;
    const to = dto.to ?? localDateOf(this.clock.now(), tz);
    const from = dto.from ?? addDays(to, -364);
    if (to < from) throw invalid([{ field: 'to', reason: 'must not be before from' }]);
    if (daysBetween(from, to) > MAX_DAYS) throw invalid([{ field: 'from', reason: `period longer than ${MAX_DAYS} days` }]);
    return {
      from,
      to,
      start: instantAt(from, '00:00', tz).toISOString(),
      end: instantAt(addDays(to, 1), '00:00', tz).toISOString(),
    };
  }
}
