import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LocalDate } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Case } from '../case.entity';
import { sameDefendant } from '../domain/defendant-identity';
import { EligibilityContext, eligibilityContext, exclusionReasons } from './domain/eligibility';
import { CandidateLawyer, DateRange, PickRequest } from './domain/pick';
import { classOf, PoolCounts, poolCounts } from './domain/pool-counts';
import { LawyerRow, NamedRow, PoolQuery } from './pool.query';

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
    const family = await this.query.family(m, c);
    const same = new Set(family.filter((f) => sameDefendant(f.defendant, c.defendant)).map((f) => f.id));
    // A justified refusal binds for the same defendant's later notices too (Art 5).
    const named = await this.query.named(
      m,
      c.id,
      [c.id, ...same],
      family.filter((f) => !same.has(f.id)).map((f) => f.id),
    );
    const of = (kind: NamedRow['kind']) => named.filter((n) => n.kind === kind);
    const request: PickRequest = {
      appointmentDate,
      requiresJuvenileExperience: c.requiresJuvenileExperience,
      requiresSeniorLawyer: c.requiresSeniorLawyer,
      refusedLawyerIds: of('refused').map((r) => r.lawyerId),
      declinedLawyerIds: [...new Set(of('declined').map((a) => a.lawyerId))],
      coDefendantLawyerIds: [...new Set(of('conflict').map((x) => x.lawyerId))],
      coDefendantFirms: [...new Set(of('conflict').map((x) => x.firm))],
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
      const rows = await this.query.rankedPage(m, ctx.appointmentDate, offset, PAGE);
      for (const row of rows) {
        const l = toCandidate(row);
        if (l.id === extra) extra = undefined;
        if (exclusionReasons(l, ctx).length === 0) eligible.push(l);
        else if (excluded.length < NEAREST_EXCLUDED || l.id === include) excluded.push(l);
      }
      if (rows.length < PAGE || (eligible.length >= HEAD_CANDIDATES && extra === undefined)) break;
    }
    if (extra !== undefined) {
      // Not appointable at all (inactive or suspended): not in the index, loaded by id.
      const [row] = await this.query.lawyers(m, ctx.appointmentDate, [extra]);
      if (row) excluded.push(toCandidate(row));
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
    const named = (await this.query.lawyers(m, ctx.appointmentDate, ids)).map(toCandidate);
    const counted = await this.query.counts(m, ctx.appointmentDate, ctx.seniorCutoff, ids, [...ctx.avoidedFirms]);
    return poolCounts(
      {
        ...counted,
        named: named.map((l) => ({ class: classOf(l, ctx.seniorCutoff), reason: exclusionReasons(l, ctx)[0] ?? '' })),
      },
      request,
    );
  }
}

/** "from~to" ranges, comma-separated (PoolQuery's leave column). */
function leaveOf(r: LawyerRow): DateRange[] {
  return (r.leave ?? '')
    .split(',')
    .filter(Boolean)
    .map((range) => {
      const [from, to] = range.split('~');
      return { from, to };
    });
}

function toCandidate(r: LawyerRow): CandidateLawyer {
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
    unavailable: leaveOf(r),
    stableKey: r.licenseNo,
  };
}
