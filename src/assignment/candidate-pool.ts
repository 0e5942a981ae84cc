import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { addDays, instantAt, LocalDate } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso } from '../database/columns';
import { Case, CaseLink } from '../cases/case.entity';
import { sameDefendant } from '../cases/domain/defendant-identity';
import { Refusal } from '../cases/refusal.entity';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Unavailability } from '../lawyers/unavailability.entity';
import { Assignment } from './assignment.entity';
import { CandidateLawyer, DateRange, PickRequest, rollingWindow } from './domain/pick';

interface LawyerRow {
  id: string;
  name: string;
  firm: string;
  licenseNo: string;
  active: boolean | number;
  suspended: boolean | number;
  juvenileExperience: boolean | number;
  criminalPracticeSince: string;
  poolTier: CandidateLawyer['poolTier'];
  weight: number | string;
  maxOpenCases: number | string;
  openCases: number | string;
  lastAppointedAt: string | null;
}

export interface Pool {
  candidates: CandidateLawyer[];
  request: PickRequest;
}

/**
 * Loads what the pick needs for one case, in a handful of indexed queries whatever the size
 * of the history: the lawyer rows (capacity is the maintained `open_cases` counter), leave
 * on the appointment date, one GROUP BY over the window's slice of the (appointed_at,
 * lawyer_id) index for the rotation counts, and the co-defendant and refusal bars.
 */
@Injectable()
export class CandidatePool {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async load(m: EntityManager, c: Case, appointmentDate: LocalDate): Promise<Pool> {
    const { windowDays, avoidSameFirm } = this.config.assignment;
    // One after another: inside a transaction they share one connection (pg queues, and warns).
    const rows = await this.lawyers(m);
    const counts = await this.recentCounts(m, rollingWindow(appointmentDate, windowDays));
    const leave = await this.leaveOn(m, appointmentDate);
    const { others, sameDefendant } = await this.caseFamily(m, c);
    // A justified refusal binds for the same defendant's later notices too (Art 5).
    const refused = await m.findBy(Refusal, { caseId: In([c.id, ...sameDefendant]), justified: true });
    const conflicts = await this.lawyersOf(m, others);
    const candidates = rows.map(
      (r): CandidateLawyer => ({
        id: r.id,
        name: r.name,
        firm: r.firm,
        active: Boolean(r.active),
        suspended: Boolean(r.suspended),
        juvenileExperience: Boolean(r.juvenileExperience),
        criminalPracticeSince: r.criminalPracticeSince,
        poolTier: r.poolTier,
        weight: Number(r.weight),
        maxOpenCases: Number(r.maxOpenCases),
        openCases: Number(r.openCases),
        recentAppointments: counts.get(r.id) ?? 0,
        lastAppointedAt: r.lastAppointedAt,
        unavailable: leave.get(r.id) ?? [],
        stableKey: r.licenseNo,
      }),
    );
    return {
      candidates,
      request: {
        appointmentDate,
        requiresJuvenileExperience: c.requiresJuvenileExperience,
        requiresSeniorLawyer: c.requiresSeniorLawyer,
        refusedLawyerIds: refused.flatMap((r) => (r.lawyerId ? [r.lawyerId] : [])),
        coDefendantLawyerIds: [...new Set(conflicts.map((x) => x.lawyerId))],
        coDefendantFirms: [...new Set(conflicts.map((x) => x.firm))],
        avoidSameFirm,
        windowDays,
      },
    };
  }

  private lawyers(m: EntityManager): Promise<LawyerRow[]> {
    return m
      .createQueryBuilder(Lawyer, 'l')
      .select(['l.id AS "id"', 'l.name AS "name"', 'l.firm AS "firm"', 'l.license_no AS "licenseNo"'])
      .addSelect(['l.active AS "active"', 'l.suspended AS "suspended"', 'l.juvenile_experience AS "juvenileExperience"'])
      .addSelect(['l.criminal_practice_since AS "criminalPracticeSince"', 'l.pool_tier AS "poolTier"', 'l.weight AS "weight"'])
      .addSelect(['l.max_open_cases AS "maxOpenCases"', 'l.open_cases AS "openCases"', 'l.last_appointed_at AS "lastAppointedAt"'])
      .getRawMany<LawyerRow>();
  }

  /** Appointments per lawyer whose instant falls on a local date of the window (court time zone). */
  async recentCounts(m: EntityManager, window: DateRange): Promise<Map<string, number>> {
    const tz = this.config.courtTimezone;
    const from = iso(instantAt(window.from, '00:00', tz));
    const to = iso(instantAt(addDays(window.to, 1), '00:00', tz));
    const rows = await m
      .createQueryBuilder(Assignment, 'a')
      .select('a.lawyer_id', 'lawyerId')
      .addSelect('COUNT(*)', 'n')
      .where('a.appointed_at >= :from AND a.appointed_at < :to', { from, to })
      .groupBy('a.lawyer_id')
      .getRawMany<{ lawyerId: string; n: number | string }>();
    return new Map(rows.map((r) => [r.lawyerId, Number(r.n)]));
  }

  private async leaveOn(m: EntityManager, date: LocalDate): Promise<Map<string, DateRange[]>> {
    const rows = await m
      .createQueryBuilder(Unavailability, 'u')
      .where('u.from_date <= :date AND u.to_date >= :date', { date })
      .getMany();
    const out = new Map<string, DateRange[]>();
    for (const u of rows) out.set(u.lawyerId, [...(out.get(u.lawyerId) ?? []), { from: u.from, to: u.to }]);
    return out;
  }

  /**
   * The case's family: co-defendants (same court case number) and defendants of related cases,
   * in either direction of the link (SPC CPL interpretation 2021 Art 43), split into other
   * defendants and earlier notices for this same defendant (matched by identity).
   */
  private async caseFamily(m: EntityManager, c: Case): Promise<{ others: string[]; sameDefendant: string[] }> {
    // Two indexed lookups for the family of cases, then the defendants by id: an OR across
    // both in one query would make PostgreSQL scan every case.
    const sameOrRelated = await m
      .createQueryBuilder(Case, 'c')
      .select('c.id', 'id')
      .where('c.court_case_no IN (:...numbers)', { numbers: [c.courtCaseNo, ...c.relatedCaseNos] })
      .getRawMany<{ id: string }>();
    const linking = await m.findBy(CaseLink, { courtCaseNo: c.courtCaseNo });
    const ids = [...new Set([...sameOrRelated.map((r) => r.id), ...linking.map((l) => l.caseId)])].filter((id) => id !== c.id);
    if (ids.length === 0) return { others: [], sameDefendant: [] };
    const family = await m.find(Case, { select: { id: true, defendant: true }, where: { id: In(ids) } });
    const same = family.filter((f) => sameDefendant(f.defendant, c.defendant)).map((f) => f.id);
    return { others: ids.filter((id) => !same.includes(id)), sameDefendant: same };
  }

  /** Lawyers ever appointed in these cases: ended appointments count too, what a lawyer learnt from one defendant stays. */
  private lawyersOf(m: EntityManager, caseIds: string[]): Promise<{ lawyerId: string; firm: string }[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return m
      .createQueryBuilder(Assignment, 'a')
      .innerJoin(Lawyer, 'l', 'l.id = a.lawyer_id')
      .select('a.lawyer_id', 'lawyerId')
      .addSelect('l.firm', 'firm')
      .where('a.case_id IN (:...caseIds)', { caseIds })
      .getRawMany();
  }
}
