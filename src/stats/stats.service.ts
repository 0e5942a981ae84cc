import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryNamed } from '../database/columns';
import { coverageReport, routeRates } from './domain/coverage';
import { art12Compliance, art6Compliance } from './domain/deadlines';
import { fairnessReport } from './domain/fairness';
import { gini, round4, topShare } from './domain/inequality';
import { byMonth, monthsOf } from './domain/months';
import { objectionReport } from './domain/objections';
import type { DeadlinesReport, FairnessReports, MonthlyCoverage, ObjectionsReport } from './domain/reports';
import { StatsPeriodDto } from './dto/period.dto';
import { CaseFactsQuery } from './queries/case-facts.query';
import { FairnessQuery } from './queries/fairness.query';
import { ObjectionsQuery } from './queries/objections.query';
import { StatsPeriods } from './queries/stats-period';

/** What the justice bureau watches: each report loads its facts through a query class and hands them to a rule. */
@Injectable()
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: StatsPeriods,
    private readonly cases: CaseFactsQuery,
    private readonly fairnessFacts: FairnessQuery,
    private readonly objectionFacts: ObjectionsQuery,
  ) {}

  /** Defendants received in the period, by route and outcome; the coverage rate; Art 6 deadline compliance. */
  async coverage(dto: StatsPeriodDto) {
    const p = this.periods.resolve(dto);
    const cases = await this.cases.received(p);
    return { from: p.from, to: p.to, ...coverageReport(cases) };
  }

  /** The coverage rate (辩护率) per month of receipt, overall and inside each route (Art 2). */
  async coverageByMonth(dto: StatsPeriodDto): Promise<MonthlyCoverage> {
    const p = this.periods.resolve(dto);
    const cases = await this.cases.received(p);
    const withRates = <T extends ReturnType<typeof coverageReport>>(r: T) => ({ ...r, routeRates: routeRates(r) });
    const months = [...byMonth(monthsOf(p.from, p.to), cases, (c) => c.receivedOn)].map(([month, rows]) => ({
      month,
      ...withRates(coverageReport(rows)),
    }));
    return { from: p.from, to: p.to, months, total: withRates(coverageReport(cases)) };
  }

  /** Art 6 (appointed within 3 days of receipt) by month of receipt; Art 12 (file reading within 7 days) by month of appointment. */
  async deadlines(dto: StatsPeriodDto): Promise<DeadlinesReport> {
    const p = this.periods.resolve(dto);
    const [cases, appointments] = await Promise.all([this.cases.received(p), this.cases.appointments(p)]);
    const months = monthsOf(p.from, p.to);
    const received = byMonth(months, cases, (c) => c.receivedOn);
    const appointed = byMonth(months, appointments, (a) => a.appointedOn);
    return {
      from: p.from,
      to: p.to,
      today: p.today,
      months: months.map((month) => ({
        month,
        art6: art6Compliance(received.get(month) ?? [], p.today),
        art12: art12Compliance(appointed.get(month) ?? [], p.today),
      })),
      total: { art6: art6Compliance(cases, p.today), art12: art12Compliance(appointments, p.today) },
    };
  }

  /** Rule 4 and rule 10: how evenly appointments and duty shifts spread over the lawyers. */
  async fairness(dto: StatsPeriodDto): Promise<FairnessReports> {
    const p = this.periods.resolve(dto);
    const [appointments, shifts] = await Promise.all([this.fairnessFacts.appointments(p), this.fairnessFacts.shifts(p)]);
    return { from: p.from, to: p.to, appointments: fairnessReport(appointments), shifts: fairnessReport(shifts) };
  }

  /** Art 18: objections filed in the period by month, with their outcomes and the 5-day review. */
  async objections(dto: StatsPeriodDto): Promise<ObjectionsReport> {
    const p = this.periods.resolve(dto);
    const filed = await this.objectionFacts.filed(p);
    const months = [...byMonth(monthsOf(p.from, p.to), filed, (o) => o.filedOn)].map(([month, rows]) => ({
      month,
      ...objectionReport(rows, p.today),
    }));
    return { from: p.from, to: p.to, today: p.today, months, total: objectionReport(filed, p.today) };
  }

  /** Appointments per lawyer in the period, with the top-10% share and Gini (rule 4 fairness). */
  async workload(dto: StatsPeriodDto) {
    const p = this.periods.resolve(dto);
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
}
