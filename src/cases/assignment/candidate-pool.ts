import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { LocalDate } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Case, CaseLink } from '../case.entity';
import { sameDefendant } from '../domain/defendant-identity';
import { Refusal } from '../refusal.entity';
import { Assignment } from './assignment.entity';
import { EligibilityContext, eligibilityContext, exclusionReasons } from './domain/eligibility';
import { CandidateLawyer, DateRange, PickRequest } from './domain/pick';
import { classOf, PoolCounts, poolCounts } from './domain/pool-counts';
import { LawyerRow, PoolQuery } from './pool.query';

/** Eligible lawyers the pick reads from the head of the ranking (and stores). */
export const HEAD_CANDIDATES = 40;
/** Excluded lawyers met on the way there that are kept: the nearest ones. */
export const NEAREST_EXCLUDED = 20;
const PAGE = 128;

export type { PoolCounts };

export interface Pool {
  /** The head of the ranking: the first HEAD_CANDIDATES eligible lawyers, the nearest excluded ones (and `include`). */
  candidates: CandidateLawyer[];
  request: PickRequest;
  counts: PoolCounts;
}

/**
 * What the pick needs for one case, at a cost that does not grow with the history: the
 * rotation count is the maintained `window_count` (src/cases/assignment/pick-window.ts), and the
 * lawyers come in pick order from idx_lawyers_pick_rank (tier, score, last appointment,
 * licence, id over active lawyers), a page at a time, until HEAD_CANDIDATES of them pass
 * the eligibility rules (the pure ones, in JS). The whole pool is counted without visiting
 * every lawyer (domain/pool-counts.ts): the maintained class totals, the indexed groups of
 * junior and full lawyers, the lawyers on leave and of a co-defendant's firm grouped by class,
 * and the few lawyers the case names (conflicts, refusals, declines) classified by the JS rules; test/pick-counter.e2e-spec.ts
 * checks it against counting every lawyer.
 */
@Injectable()
export class CandidatePool {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly query: PoolQuery,
  ) {}

  async load(m: EntityManager, c: Case, appointmentDate: LocalDate, include?: string): Promise<Pool> {
    const { windowDays, avoidSameFirm } = this.config.assignment;
    // One after another: inside a transaction they share one connection (pg queues, and warns).
    const { others, sameDefendant } = await this.caseFamily(m, c);
    // A justified refusal binds for the same defendant's later notices too (Art 5).
    const refused = await m.findBy(Refusal, { caseId: In([c.id, ...sameDefendant]), justified: true });
    const conflicts = await this.query.lawyersOf(m, others);
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
    const ctx = eligibilityContext(request);
    const candidates = await this.head(m, ctx, include);
    return { candidates, request, counts: await this.count(m, request, ctx) };
  }

  /** Pages through the ranking until enough eligible lawyers (and `include`) are found. */
  private async head(m: EntityManager, ctx: EligibilityContext, include?: string): Promise<CandidateLawyer[]> {
    const eligible: CandidateLawyer[] = [];
    const excluded: CandidateLawyer[] = [];
    let extra = include;
    for (let offset = 0; ; offset += PAGE) {
      const rows = await this.query.rankedPage(m, offset, PAGE);
      const leave = await this.query.leaveOf(
        m,
        rows.map((r) => r.id),
        ctx.appointmentDate,
      );
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
      const [row] = await this.query.lawyers(m, [extra]);
      if (row) excluded.push(toCandidate(row, await this.query.leaveOf(m, [extra], ctx.appointmentDate)));
    }
    return [...eligible, ...excluded];
  }

  /**
   * The whole pool by headline reason (REASON_PRIORITY): the classes by the lawyer's own
   * columns; the lawyers on leave and of a co-defendant's firm by class; the few lawyers the
   * case names (conflicts, refusals, declines) loaded and classified by the JS rules.
   */
  private async count(m: EntityManager, request: PickRequest, ctx: EligibilityContext): Promise<PoolCounts> {
    const ids = [...new Set([...request.coDefendantLawyerIds, ...request.refusedLawyerIds, ...(request.declinedLawyerIds ?? [])])];
    const leave = await this.query.leaveOf(m, ids, ctx.appointmentDate);
    const named = (await this.query.lawyers(m, ids)).map((r) => toCandidate(r, leave));
    const groups = await this.query.caseGroups(m, ctx.appointmentDate, ctx.seniorCutoff, ids, [...ctx.avoidedFirms]);
    const classes = await this.query.classes(m, ctx.seniorCutoff);
    return poolCounts(
      {
        ...classes,
        groups,
        named: named.map((l) => ({ class: classOf(l, ctx.seniorCutoff), reason: exclusionReasons(l, ctx)[0] ?? '' })),
      },
      request,
    );
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
