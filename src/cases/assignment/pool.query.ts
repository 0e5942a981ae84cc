import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LocalDate } from '../../common/local-date';
import { Lawyer } from '../../lawyers/lawyer.entity';
import { Case } from '../case.entity';
import type { CaseGroup, PoolClass, PoolCountInput } from './domain/pool-counts';
import type { CandidateLawyer } from './domain/types';

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
  /** Leave covering the pick's date: "from~to" ranges, comma-separated; null when none. */
  leave: string | null;
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

/** A counted row (0/1 flags and counts as each driver hands them over). */
interface CountRow {
  kind: number | string;
  appointable: number | string;
  juvenile: number | string;
  junior: number | string;
  full: number | string;
  away: number | string;
  firm: number | string;
  n: number | string;
}

/** A class from a counted row. */
const toClass = (r: CountRow): PoolClass => ({
  appointable: Boolean(Number(r.appointable)),
  juvenileExperience: Boolean(Number(r.juvenile)),
  junior: Boolean(Number(r.junior)),
  atCapacity: Boolean(Number(r.full)),
  lawyers: Number(r.n),
});

/** Appointable: the condition of the partial indexes (idx_lawyers_pick_rank, _junior, _full), spelt as they are. */
const APPOINTABLE = 'l.active = true AND l.suspended = false';
const FULL = 'l.open_cases >= l.max_open_cases';
const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
/** The rows of the counts: 0 the maintained totals, 1 the marked (junior, full) appointable lawyers, 2 the case's groups. */
const TOTALS = 0;
const MARKED = 1;

/** A lawyer that a case names, and why (conflicts carry the firm). */
export interface NamedRow {
  kind: 'refused' | 'declined' | 'conflict';
  lawyerId: string;
  firm: string;
}

/**
 * The assignment's reads of the lawyers' tables (the lawyers module writes them) and of the
 * case's family: the ranked pool a page at a time with each lawyer's leave, the lawyers a case
 * names, and the counted classes and groups, each in one statement (a round trip costs more
 * than the work). Every method reads through the caller's EntityManager (its transaction).
 */
@Injectable()
export class PoolQuery {
  /**
   * A page of the pick order (idx_lawyers_pick_rank). PostgreSQL reads the index for tier and
   * score and sorts each run of equal scores by the rest (an incremental sort: the index's
   * last_appointed_at is NULLS LAST, the pick puts never-appointed lawyers first).
   */
  rankedPage(m: EntityManager, date: LocalDate, offset: number, limit: number): Promise<LawyerRow[]> {
    // ASC puts NULL (never appointed) first on SQLite; PostgreSQL needs it said.
    const nullsFirst = this.postgres(m) ? ' NULLS FIRST' : '';
    const order = (a: string) =>
      `${a}.tier_rank ASC, ${a}.rank_score ASC, ${a}.last_appointed_at ASC${nullsFirst}, ${a}.license_no ASC, ${a}.id`;
    // The page's ids from the index alone, then their rows and leave: PostgreSQL would otherwise
    // look up the leave of the skipped rows too.
    const page = `SELECT p.id FROM lawyers p WHERE ${APPOINTABLE.replace(/l\./g, 'p.')} ORDER BY ${order('p')} LIMIT ${limit} OFFSET ${offset}`;
    return this.lawyerRows(m, date).where(`l.id IN (${page})`).orderBy(order('l')).getRawMany<LawyerRow>();
  }

  /** Lawyers by id, with their leave covering `date`. */
  async lawyers(m: EntityManager, date: LocalDate, ids: readonly string[]): Promise<LawyerRow[]> {
    if (ids.length === 0) return [];
    return this.lawyerRows(m, date).where('l.id IN (:...ids)', { ids }).getRawMany<LawyerRow>();
  }

  /** The lawyer columns and, in the same row, the lawyer's leave covering `date` ("from~to", comma-separated; null when none). */
  private lawyerRows(m: EntityManager, date: LocalDate) {
    const concat = this.postgres(m) ? 'string_agg' : 'group_concat';
    const leave = `(SELECT ${concat}(u.from_date || '~' || u.to_date, ',') FROM lawyer_unavailability u
      WHERE u.lawyer_id = l.id AND u.from_date <= :date AND u.to_date >= :date) AS "leave"`;
    return m
      .createQueryBuilder(Lawyer, 'l')
      .select([...COLUMNS, leave])
      .setParameters({ date });
  }

  /**
   * The case's family: the other cases with its court case number or a related one, and those
   * that link to its number (SPC CPL interpretation 2021 Art 43), with their defendants. The
   * ids come from two indexed lookups in a subquery (an OR of both over cases would make
   * PostgreSQL scan every case).
   */
  async family(m: EntityManager, c: Case): Promise<{ id: string; defendant: Case['defendant'] }[]> {
    const rows = await this.raw<{ id: string; defendant: string }>(
      m,
      `SELECT c.id AS "id", c.defendant AS "defendant" FROM cases c WHERE c.id IN (
          SELECT x.id FROM cases x WHERE x.court_case_no IN (:...numbers)
          UNION SELECT k.case_id FROM case_links k WHERE k.court_case_no = :number) AND c.id <> :self`,
      { numbers: [c.courtCaseNo, ...c.relatedCaseNos], number: c.courtCaseNo, self: c.id },
    );
    return rows.map((r) => ({ id: r.id, defendant: JSON.parse(r.defendant) as Case['defendant'] }));
  }

  /**
   * The lawyers a case names, in one statement: justified refusals in `refusedIn` (the case and
   * the same defendant's other notices, Art 5), the declined or expired offers of `caseId`, and
   * every lawyer ever appointed in `conflictIn` (the other defendants' cases) with their firm.
   */
  named(m: EntityManager, caseId: string, refusedIn: readonly string[], conflictIn: readonly string[]): Promise<NamedRow[]> {
    const conflicts = conflictIn.length
      ? ` UNION ALL SELECT 'conflict', a.lawyer_id, l.firm FROM assignments a INNER JOIN lawyers l ON l.id = a.lawyer_id
          WHERE a.case_id IN (:...conflictIn)`
      : '';
    return this.raw<NamedRow>(
      m,
      `SELECT 'refused' AS "kind", r.lawyer_id AS "lawyerId", '' AS "firm" FROM refusals r
          WHERE r.case_id IN (:...refusedIn) AND r.justified = true AND r.lawyer_id IS NOT NULL
        UNION ALL SELECT 'declined', a.lawyer_id, '' FROM assignments a WHERE a.case_id = :caseId AND a.status IN ('declined', 'expired')` +
        conflicts,
      { caseId, refusedIn, conflictIn },
    );
  }

  /**
   * The counts, in one statement: the four maintained totals; the appointable lawyers that are
   * junior (practice since after `seniorCutoff`; null: nobody is) or at capacity, grouped, each
   * lawyer once (ranges of a partial index over the few lawyers they cover; SQLite is told which
   * index: with statistics it took the (active, pool_tier) one and read every active lawyer);
   * and the lawyers the date or the case reaches, other than `named`, counted by class instead
   * of loaded: those on leave on `date` (UNAVAILABLE), and those of the `firmKeys`
   * (SAME_FIRM_AS_CO_DEFENDANT, and UNAVAILABLE when on leave too).
   */
  async counts(
    m: EntityManager,
    date: LocalDate,
    seniorCutoff: LocalDate | null,
    named: readonly string[],
    firmKeys: readonly string[],
  ): Promise<Pick<PoolCountInput, 'totals' | 'marked' | 'groups'>> {
    const juvenile = flag('l.juvenile_experience');
    const juniors =
      seniorCutoff === null
        ? ''
        : ` UNION ALL SELECT ${MARKED}, 1, ${juvenile}, 1, ${flag(FULL)}, 0, 0, COUNT(*)
            FROM lawyers l${this.indexed(m, 'idx_lawyers_pick_junior')}
            WHERE ${APPOINTABLE} AND l.criminal_practice_since > :cutoff GROUP BY 3, 5`;
    const seniors = seniorCutoff === null ? '' : ' AND l.criminal_practice_since <= :cutoff';
    const onLeave = 'SELECT DISTINCT u.lawyer_id FROM lawyer_unavailability u WHERE u.from_date <= :date AND u.to_date >= :date';
    const junior = seniorCutoff === null ? '0' : flag('l.criminal_practice_since > :cutoff');
    const notNamed = named.length ? ' AND l.id NOT IN (:...named)' : '';
    const firms = firmKeys.length
      ? ` UNION ALL SELECT 2, ${flag(APPOINTABLE)}, ${juvenile}, ${junior}, ${flag(FULL)}, ${flag(`l.id IN (${onLeave})`)}, 1, COUNT(*)
          FROM lawyers l WHERE l.firm_key IN (:...firmKeys)${notNamed} GROUP BY 2, 3, 4, 5, 6`
      : '';
    // The lawyers on leave, each looked up by id and its class packed into one number (a
    // subquery per lawyer: joined, PostgreSQL scans every lawyer to hash-join a few hundred;
    // materialized, so it computes each number once).
    const code = `8 * ${flag(APPOINTABLE)} + 4 * ${juvenile} + 2 * ${junior} + ${flag(FULL)}`;
    const away = `SELECT (SELECT ${code} FROM lawyers l WHERE l.id = a.lawyer_id${notNamed}${firmKeys.length ? ' AND l.firm_key NOT IN (:...firmKeys)' : ''}) AS code
      FROM (${onLeave}) a`;
    const rows = await this.raw<CountRow>(
      m,
      `WITH away AS MATERIALIZED (${away})
        SELECT ${TOTALS} AS "kind", ${flag('c.appointable')} AS "appointable", ${flag('c.juvenile_experience')} AS "juvenile",
          0 AS "junior", 0 AS "full", 0 AS "away", 0 AS "firm", c.lawyers AS "n"
        FROM lawyer_pool_classes c
        UNION ALL SELECT ${MARKED}, 1, ${juvenile}, 0, 1, 0, 0, COUNT(*) FROM lawyers l${this.indexed(m, 'idx_lawyers_pick_full')}
          WHERE ${APPOINTABLE} AND ${FULL}${seniors} GROUP BY 3${juniors}
        UNION ALL SELECT 2, v.code / 8, v.code / 4 % 2, v.code / 2 % 2, v.code % 2, 1, 0, COUNT(*) FROM away v
          WHERE v.code IS NOT NULL GROUP BY v.code${firms}`,
      { date, cutoff: seniorCutoff, named, firmKeys },
    );
    const of = (kind: number) => rows.filter((r) => Number(r.kind) === kind);
    return {
      totals: of(TOTALS).map((r) => ({
        appointable: Boolean(Number(r.appointable)),
        juvenileExperience: Boolean(Number(r.juvenile)),
        lawyers: Number(r.n),
      })),
      marked: of(MARKED).map(toClass),
      groups: rows
        .filter((r) => Number(r.kind) > MARKED)
        .map((r): CaseGroup => {
          const away: CaseGroup['also'] = Number(r.away) ? ['UNAVAILABLE'] : [];
          return { ...toClass(r), also: Number(r.firm) ? [...away, 'SAME_FIRM_AS_CO_DEFENDANT'] : away };
        }),
    };
  }

  private postgres(m: EntityManager): boolean {
    return m.connection.options.type === 'postgres';
  }

  private indexed(m: EntityManager, index: string): string {
    return m.connection.options.type === 'better-sqlite3' ? ` INDEXED BY ${index}` : '';
  }

  private raw<T>(m: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [query, values] = m.connection.driver.escapeQueryWithParameters(sql, params);
    return m.query(query, values);
  }
}
