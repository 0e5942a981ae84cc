import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LocalDate } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Case } from '../case.entity';
import { sameDefendant } from '../domain/defendant-identity';
import { EligibilityContext, eligibilityContext, exclusionReasons } from './domain/eligibility';
import { CandidateLawyer, DateRange, PickRequest } from './domain/pick';
import { classOf, PoolCounts, poolCounts } from './domain/pool-counts';
import { LawyerRow, NamedLawyerRow, PoolQuery } from './pool.query';

/** Eligible lawyers the pick reads from the head of the ranking (and stores). */
export const HEAD_CANDIDATES = 40;
/** Excluded lawyers met on the way there that are kept: the nearest ones. */
export const NEAREST_EXCLUDED = 20;
/** Rows of the ranking read at a time: at least MIN_PAGE, at most MAX_PAGE (pageSize). */
const MIN_PAGE = 64;
const MAX_PAGE = 2048;

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
    const reach = await this.query.reach(m, c, appointmentDate);
    const same = new Set(reach.family.filter((f) => sameDefendant(f.defendant, c.defendant)).map((f) => f.id));
    same.add(c.id);
    // A justified refusal binds for the same defendant's later notices too (Art 5); every
    // lawyer appointed for another defendant of the family is a conflict.
    const named = reach.named.filter((n) => (n.kind === 'appointed' ? !same.has(n.caseId) : same.has(n.caseId)));
    const of = (kind: NamedLawyerRow['kind']) => named.filter((n) => n.kind === kind);
    const request: PickRequest = {
      appointmentDate,
      requiresJuvenileExperience: c.requiresJuvenileExperience,
      requiresSeniorLawyer: c.requiresSeniorLawyer,
      refusedLawyerIds: of('refused').map((r) => r.id),
      declinedLawyerIds: [...new Set(of('declined').map((r) => r.id))],
      coDefendantLawyerIds: [...new Set(of('appointed').map((r) => r.id))],
      coDefendantFirms: [...new Set(of('appointed').map((r) => r.firm))],
      avoidSameFirm,
      windowDays,
    };
    const ctx = eligibilityContext(request);
    const lawyers = new Map(named.map((n) => [n.id, toCandidate(n)]));
    const counts = await this.count(m, request, ctx, [...lawyers.values()]);
    return { candidates: await this.head(m, ctx, pageSize(counts), include), request, counts };
  }

  /**
   * Walks the ranking, `page` rows at a time, up to the lawyer that makes HEAD_CANDIDATES
   * eligible ones (and past `include`): what it keeps does not depend on the page size.
   */
  private async head(m: EntityManager, ctx: EligibilityContext, page: number, include?: string): Promise<CandidateLawyer[]> {
    const eligible: CandidateLawyer[] = [];
    const excluded: CandidateLawyer[] = [];
    let extra = include;
    const enough = () => eligible.length >= HEAD_CANDIDATES && extra === undefined;
    for (let offset = 0; !enough(); offset += page) {
      const rows = await this.query.rankedPage(m, ctx.appointmentDate, offset, page);
      for (const row of rows) {
        const l = toCandidate(row);
        if (l.id === extra) extra = undefined;
        if (exclusionReasons(l, ctx).length === 0) eligible.push(l);
        else if (excluded.length < NEAREST_EXCLUDED || l.id === include) excluded.push(l);
        if (enough()) break;
      }
      if (rows.length < page) break;
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
  private async count(m: EntityManager, request: PickRequest, ctx: EligibilityContext, named: CandidateLawyer[]): Promise<PoolCounts> {
    const ids = named.map((l) => l.id);
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

/**
 * The rows of the ranking to read at a time: enough for HEAD_CANDIDATES eligible lawyers, with
 * a quarter again to spare, if the appointable lawyers are eligible in the head of the ranking
 * as often as in the whole pool (`counts`), rounded up to a power of two: 64 rows for most
 * cases, 256 for a juvenile case in a pool where three in ten have juvenile experience. A page
 * that falls short is followed by another; on PostgreSQL one statement of 256 rows costs less
 * than two of 128.
 */
export function pageSize(counts: PoolCounts): number {
  const appointable = counts.eligible + counts.excluded - (counts.excludedByReason.INACTIVE ?? 0);
  const rows = Math.ceil((1.25 * HEAD_CANDIDATES * appointable) / Math.max(1, counts.eligible));
  // A power of two: a few page sizes, each a statement PostgreSQL keeps planned (PoolQuery.rankedPage).
  return Math.min(MAX_PAGE, Math.max(MIN_PAGE, 2 ** Math.ceil(Math.log2(rows))));
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
