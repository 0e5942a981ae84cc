import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { LocalDate } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Case, CaseLink } from '../case.entity';
import { sameDefendant } from '../domain/defendant-identity';
import { Refusal } from '../refusal.entity';
import { Lawyer } from '../../lawyers/lawyer.entity';
import { Unavailability } from '../../lawyers/unavailability.entity';
import { Assignment } from './assignment.entity';
import { eligibilityContext, exclusionReasons, firmKey } from './domain/eligibility';
import { CandidateLawyer, DateRange, ExclusionReason, PickRequest, REASON_PRIORITY } from './domain/pick';
import { seniorityCutoff, MIN_SENIOR_YEARS } from './domain/seniority';

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
  windowCount: number | string;
  lastAppointedAt: string | null;
}

/** Eligible lawyers the pick reads from the head of the ranking (and stores). */
export const HEAD_CANDIDATES = 40;
/** Excluded lawyers met on the way there that are kept: the nearest ones. */
export const NEAREST_EXCLUDED = 20;
const PAGE = 128;

/** The whole pool in numbers: eligible lawyers and the excluded ones by headline reason. */
export interface PoolCounts {
  eligible: number;
  excluded: number;
  excludedByReason: Partial<Record<ExclusionReason, number>>;
}

export interface Pool {
  /** The head of the ranking: the first HEAD_CANDIDATES eligible lawyers, the nearest excluded ones (and `include`). */
  candidates: CandidateLawyer[];
  request: PickRequest;
  counts: PoolCounts;
}

const COLUMNS = [
  'l.id AS "id"',
  'l.name AS "name"',
  'l.firm AS "firm"',
  'l.license_no AS "licenseNo"',
  'l.active AS "active"',
  'l.suspended AS "suspended"',
  'l.juvenile_experience AS "juvenileExperience"',
  'l.criminal_practice_since AS "criminalPracticeSince"',
  'l.pool_tier AS "poolTier"',
  'l.weight AS "weight"',
  'l.max_open_cases AS "maxOpenCases"',
  'l.open_cases AS "openCases"',
  'l.window_count AS "windowCount"',
  'l.last_appointed_at AS "lastAppointedAt"',
];

/**
 * What the pick needs for one case, at a cost that does not grow with the history: the
 * rotation count is the maintained `window_count` (src/assignment/pick-window.ts), and the
 * lawyers come in pick order from idx_lawyers_pick_rank (tier, score, last appointment,
 * licence, id over active lawyers), a page at a time, until HEAD_CANDIDATES of them pass
 * the eligibility rules (the pure ones, in JS). One aggregate counts the whole pool by
 * exclusion reason (the same rules in SQL, checked against the JS ones by
 * test/pick-counter.e2e-spec.ts); leave, co-defendant and refusal bars are indexed lookups.
 */
@Injectable()
export class CandidatePool {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async load(m: EntityManager, c: Case, appointmentDate: LocalDate, include?: string): Promise<Pool> {
    const { windowDays, avoidSameFirm } = this.config.assignment;
    // One after another: inside a transaction they share one connection (pg queues, and warns).
    const leave = await this.leaveOn(m, appointmentDate);
    const { others, sameDefendant } = await this.caseFamily(m, c);
    // A justified refusal binds for the same defendant's later notices too (Art 5).
    const refused = await m.findBy(Refusal, { caseId: In([c.id, ...sameDefendant]), justified: true });
    const conflicts = await this.lawyersOf(m, others);
    const declined = await m.findBy(Assignment, { caseId: c.id, status: In(['declined', 'expired']) });
    const request: PickRequest = {
      appointmentDate,
      requiresJuvenileExperience: c.requiresJuvenileExperience,
      requiresSeniorLawyer: c.requiresSeniorLawyer,
      refusedLawyerIds: refused.flatMap((r) => (r.lawyerId ? [r.lawyerId] : [])),
      declinedLawyerIds: [...new Set(declined.map((a) => a.lawyerId))],
      coDefendantLawyerIds: [...new Set(conflicts.map((x) => x.lawyerId))],
      coDefendantFirms: [...new Set(conflicts.map((x) => x.firm))],
      avoidSameFirm,
      windowDays,
    };
    const candidates = await this.head(m, request, leave, include);
    return { candidates, request, counts: await this.count(m, request, [...leave.keys()]) };
  }

  /** Pages through the ranking until enough eligible lawyers (and `include`) are found. */
  private async head(
    m: EntityManager,
    request: PickRequest,
    leave: Map<string, DateRange[]>,
    include?: string,
  ): Promise<CandidateLawyer[]> {
    const ctx = eligibilityContext(request);
    const eligible: CandidateLawyer[] = [];
    const excluded: CandidateLawyer[] = [];
    let extra = include;
    for (let offset = 0; ; offset += PAGE) {
      const rows = await this.rankedPage(m, offset);
      for (const row of rows) {
        const l = toCandidate(row, leave);
        if (l.id === extra) extra = undefined;
        if (exclusionReasons(l, ctx).length === 0) eligible.push(l);
        else if (excluded.length < NEAREST_EXCLUDED || l.id === include) excluded.push(l);
      }
      if (rows.length < PAGE || (eligible.length >= HEAD_CANDIDATES && extra === undefined)) break;
    }
    if (extra !== undefined) {
      // Not appointable at all (inactive or suspended): not in the index, loaded by id.
      const row = await m.createQueryBuilder(Lawyer, 'l').select(COLUMNS).where('l.id = :id', { id: extra }).getRawOne<LawyerRow>();
      if (row) excluded.push(toCandidate(row, leave));
    }
    return [...eligible, ...excluded];
  }

  private rankedPage(m: EntityManager, offset: number): Promise<LawyerRow[]> {
    // ASC puts NULL (never appointed) first on SQLite; PostgreSQL needs it said.
    const nullsFirst = m.connection.options.type === 'postgres' ? ' NULLS FIRST' : '';
    return m
      .createQueryBuilder(Lawyer, 'l')
      .select(COLUMNS)
      .where('l.active = true AND l.suspended = false')
      .orderBy(`l.tier_rank ASC, l.rank_score ASC, l.last_appointed_at ASC${nullsFirst}, l.license_no ASC, l.id`)
      .limit(PAGE)
      .offset(offset)
      .getRawMany<LawyerRow>();
  }

  /**
   * Every lawyer by the first reason (REASON_PRIORITY order) that excludes them, '' when
   * eligible: the rules of domain/eligibility.ts, in SQL, over the whole table at once.
   */
  private async count(m: EntityManager, request: PickRequest, onLeave: string[]): Promise<PoolCounts> {
    const params: Record<string, unknown> = { onLeave };
    const rule: Record<ExclusionReason, string | null> = {
      INACTIVE: 'l.active = false OR l.suspended = true',
      CONFLICT_CO_DEFENDANT: request.coDefendantLawyerIds.length ? 'l.id IN (:...conflicting)' : null,
      REFUSED_BY_DEFENDANT: request.refusedLawyerIds.length ? 'l.id IN (:...refused)' : null,
      NO_JUVENILE_EXPERIENCE: request.requiresJuvenileExperience ? 'l.juvenile_experience = false' : null,
      INSUFFICIENT_EXPERIENCE: request.requiresSeniorLawyer ? 'l.criminal_practice_since > :cutoff' : null,
      // The ids leaveOn read (a subquery here was run again for every lawyer on SQLite).
      UNAVAILABLE: onLeave.length ? 'l.id IN (:...onLeave)' : null,
      AT_CAPACITY: 'l.open_cases >= l.max_open_cases',
      SAME_FIRM_AS_CO_DEFENDANT: null,
      DECLINED_OFFER: request.declinedLawyerIds?.length ? 'l.id IN (:...declined)' : null,
    };
    params.conflicting = request.coDefendantLawyerIds;
    params.refused = request.refusedLawyerIds;
    params.declined = request.declinedLawyerIds ?? [];
    params.cutoff = seniorityCutoff(request.appointmentDate, MIN_SENIOR_YEARS);
    const firms = [...new Set(request.coDefendantFirms.map(firmKey).filter((f) => f !== ''))];
    if (request.avoidSameFirm !== false && firms.length) {
      rule.SAME_FIRM_AS_CO_DEFENDANT = `l.firm_key IN (:...firms)${request.coDefendantLawyerIds.length ? ' AND l.id NOT IN (:...conflicting)' : ''}`;
      params.firms = firms;
    }
    const whens = REASON_PRIORITY.flatMap((r) => (rule[r] ? [`WHEN ${rule[r]} THEN '${r}'`] : [])).join(' ');
    const rows = await m
      .createQueryBuilder(Lawyer, 'l')
      .select(`CASE ${whens} ELSE '' END`, 'reason')
      .addSelect('COUNT(*)', 'n')
      .groupBy('1')
      .setParameters(params)
      .getRawMany<{ reason: ExclusionReason | ''; n: number | string }>();
    const counts: PoolCounts = { eligible: 0, excluded: 0, excludedByReason: {} };
    for (const r of rows) {
      if (r.reason === '') counts.eligible = Number(r.n);
      else {
        counts.excludedByReason[r.reason] = Number(r.n);
        counts.excluded += Number(r.n);
      }
    }
    return counts;
  }

  private async leaveOn(m: EntityManager, date: LocalDate): Promise<Map<string, DateRange[]>> {
    const rows = await m
      .createQueryBuilder(Unavailability, 'u')
      .select(['u.lawyer_id AS "lawyerId"', 'u.from_date AS "from"', 'u.to_date AS "to"'])
      .where('u.from_date <= :date AND u.to_date >= :date', { date })
      .getRawMany<{ lawyerId: string } & DateRange>();
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

function toCandidate(r: LawyerRow, leave: Map<string, DateRange[]>): CandidateLawyer {
  return {
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
    recentAppointments: Number(r.windowCount),
    lastAppointedAt: r.lastAppointedAt,
    unavailable: leave.get(r.id) ?? [],
    stableKey: r.licenseNo,
  };
}
