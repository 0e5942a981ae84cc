import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LocalDate } from '../../common/local-date';
import { Lawyer } from '../../lawyers/lawyer.entity';
import { Unavailability } from '../../lawyers/unavailability.entity';
import { Assignment } from './assignment.entity';
import type { CaseGroup, PoolClass, PoolCountInput } from './domain/pool-counts';
import type { CandidateLawyer, DateRange } from './domain/types';

/** A lawyer row as the pick reads it (booleans and numbers as each driver hands them over). */
export interface LawyerRow {
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

interface GroupRow {
  juvenile: boolean | number;
  junior: number | string;
  full: number | string;
  n: number | string;
}

/** An appointable class from a grouped row. */
const toClass = (r: GroupRow): PoolClass => ({
  appointable: true,
  juvenileExperience: Boolean(Number(r.juvenile)),
  junior: Boolean(Number(r.junior)),
  atCapacity: Boolean(Number(r.full)),
  lawyers: Number(r.n),
});

/** Appointable: the condition of the partial indexes (idx_lawyers_pick_rank, _junior, _full), spelt as they are. */
const APPOINTABLE = 'l.active = true AND l.suspended = false';

/**
 * The assignment's reads of the lawyers' tables (the lawyers module writes them): the ranked
 * pool a page at a time, leave, the lawyers a case names, and the counted classes and
 * groups. Every method reads through the caller's EntityManager (its transaction).
 */
@Injectable()
export class PoolQuery {
  rankedPage(m: EntityManager, offset: number, limit: number): Promise<LawyerRow[]> {
    // ASC puts NULL (never appointed) first on SQLite; PostgreSQL needs it said.
    const nullsFirst = m.connection.options.type === 'postgres' ? ' NULLS FIRST' : '';
    return m
      .createQueryBuilder(Lawyer, 'l')
      .select(COLUMNS)
      .where(APPOINTABLE)
      .orderBy(`l.tier_rank ASC, l.rank_score ASC, l.last_appointed_at ASC${nullsFirst}, l.license_no ASC, l.id`)
      .limit(limit)
      .offset(offset)
      .getRawMany<LawyerRow>();
  }

  /** Lawyers by id or by normalised firm (`firm_key`). */
  async lawyers(m: EntityManager, ids: readonly string[], firmKeys: readonly string[] = []): Promise<LawyerRow[]> {
    if (ids.length === 0 && firmKeys.length === 0) return [];
    const q = m.createQueryBuilder(Lawyer, 'l').select(COLUMNS);
    if (ids.length) q.orWhere('l.id IN (:...ids)', { ids });
    if (firmKeys.length) q.orWhere('l.firm_key IN (:...firmKeys)', { firmKeys });
    return q.getRawMany<LawyerRow>();
  }

  /** The leave covering `date` of these lawyers, by lawyer. */
  async leaveOf(m: EntityManager, ids: readonly string[], date: LocalDate): Promise<Map<string, DateRange[]>> {
    const leave = new Map<string, DateRange[]>();
    if (ids.length === 0) return leave;
    const rows = await m
      .createQueryBuilder(Unavailability, 'u')
      .select(['u.lawyer_id AS "lawyerId"', 'u.from_date AS "from"', 'u.to_date AS "to"'])
      .where('u.lawyer_id IN (:...ids) AND u.from_date <= :date AND u.to_date >= :date', { ids, date })
      .getRawMany<{ lawyerId: string } & DateRange>();
    for (const { lawyerId, from, to } of rows) leave.set(lawyerId, [...(leave.get(lawyerId) ?? []), { from, to }]);
    return leave;
  }

  /**
   * The lawyers the date or the case reaches, other than `named`, counted by class in the
   * database instead of loaded: those on leave on `date` (UNAVAILABLE), and those of the
   * `firmKeys` (SAME_FIRM_AS_CO_DEFENDANT, and UNAVAILABLE when on leave too).
   */
  async caseGroups(
    m: EntityManager,
    date: LocalDate,
    seniorCutoff: LocalDate | null,
    named: readonly string[],
    firmKeys: readonly string[],
  ): Promise<CaseGroup[]> {
    const onLeave = 'SELECT u.lawyer_id FROM lawyer_unavailability u WHERE u.from_date <= :date AND u.to_date >= :date';
    const junior = seniorCutoff === null ? '0' : 'CASE WHEN l.criminal_practice_since > :cutoff THEN 1 ELSE 0 END';
    const columns = `CASE WHEN ${APPOINTABLE} THEN 1 ELSE 0 END AS "appointable", l.juvenile_experience AS "juvenile", ${junior} AS "junior",
      CASE WHEN l.open_cases >= l.max_open_cases THEN 1 ELSE 0 END AS "full"`;
    const notNamed = named.length ? ' AND l.id NOT IN (:...named)' : '';
    const params = { date, cutoff: seniorCutoff, named, firmKeys };
    const firms = firmKeys.length
      ? ` UNION ALL SELECT ${columns}, CASE WHEN l.id IN (${onLeave}) THEN 1 ELSE 0 END, 1, COUNT(*)
          FROM lawyers l WHERE l.firm_key IN (:...firmKeys)${notNamed} GROUP BY 1, 2, 3, 4, 5`
      : '';
    // One statement (a round trip costs more than the work): those on leave, then the firms' lawyers.
    const rows = await this.raw<GroupRow & { appointable: number | string; away: number | string; firm: number | string }>(
      m,
      `SELECT ${columns}, 1 AS "away", 0 AS "firm", COUNT(*) AS "n" FROM lawyers l WHERE l.id IN (${onLeave})${notNamed}` +
        `${firmKeys.length ? ' AND l.firm_key NOT IN (:...firmKeys)' : ''} GROUP BY 1, 2, 3, 4${firms}`,
      params,
    );
    const groups = rows.map((r): CaseGroup => {
      const away: CaseGroup['also'] = Number(r.away) ? ['UNAVAILABLE'] : [];
      return {
        ...toClass(r),
        appointable: Boolean(Number(r.appointable)),
        also: Number(r.firm) ? [...away, 'SAME_FIRM_AS_CO_DEFENDANT'] : away,
      };
    });
    return groups;
  }

  /**
   * The counted classes: the four maintained totals, and the appointable lawyers that are
   * junior (practice since after `seniorCutoff`; null: nobody is) or at capacity, grouped,
   * each lawyer once. Both groups are ranges of a partial index over the few lawyers they
   * cover; SQLite is told which index (with statistics it took the (active, pool_tier) one
   * and read every active lawyer).
   */
  async classes(m: EntityManager, seniorCutoff: LocalDate | null): Promise<Pick<PoolCountInput, 'totals' | 'marked'>> {
    const full = 'l.open_cases >= l.max_open_cases';
    const juvenile = 'CASE WHEN l.juvenile_experience THEN 1 ELSE 0 END';
    const juniors =
      seniorCutoff === null
        ? ''
        : ` UNION ALL SELECT 1, 1, ${juvenile}, 1, CASE WHEN ${full} THEN 1 ELSE 0 END, COUNT(*)
            FROM lawyers l${this.indexed(m, 'idx_lawyers_pick_junior')}
            WHERE ${APPOINTABLE} AND l.criminal_practice_since > :cutoff GROUP BY l.juvenile_experience, 5`;
    const seniors = seniorCutoff === null ? '' : ' AND l.criminal_practice_since <= :cutoff';
    // One statement (a round trip costs more than the work): the totals, then the marked groups.
    const rows = await this.raw<GroupRow & { marked: number | string; appointable: number | string }>(
      m,
      `SELECT 0 AS "marked", CASE WHEN c.appointable THEN 1 ELSE 0 END AS "appointable",
          CASE WHEN c.juvenile_experience THEN 1 ELSE 0 END AS "juvenile", 0 AS "junior", 0 AS "full", c.lawyers AS "n"
        FROM lawyer_pool_classes c
        UNION ALL SELECT 1, 1, ${juvenile}, 0, 1, COUNT(*) FROM lawyers l${this.indexed(m, 'idx_lawyers_pick_full')}
          WHERE ${APPOINTABLE} AND ${full}${seniors} GROUP BY l.juvenile_experience${juniors}`,
      { cutoff: seniorCutoff },
    );
    const totals = rows
      .filter((r) => Number(r.marked) === 0)
      .map((r) => ({ appointable: Boolean(Number(r.appointable)), juvenileExperience: Boolean(Number(r.juvenile)), lawyers: Number(r.n) }));
    return { totals, marked: rows.filter((r) => Number(r.marked) === 1).map(toClass) };
  }

  private indexed(m: EntityManager, index: string): string {
    return m.connection.options.type === 'better-sqlite3' ? ` INDEXED BY ${index}` : '';
  }

  private raw<T>(m: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [query, values] = m.connection.driver.escapeQueryWithParameters(sql, params);
    return m.query(query, values);
  }

  /** Lawyers ever appointed in these cases, with their firm. */
  lawyersOf(m: EntityManager, caseIds: string[]): Promise<{ lawyerId: string; firm: string }[]> {
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
