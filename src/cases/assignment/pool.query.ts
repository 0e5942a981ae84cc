import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LocalDate } from '../../common/local-date';
import { keptQuery } from '../../database/prepared-read';
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

/** The lawyer `l`'s leave covering :date ($concat: the dialect's string aggregate). */
const LEAVE = `(SELECT $concat(u.from_date || '~' || u.to_date, ',') FROM lawyer_unavailability u
  WHERE u.lawyer_id = l.id AND u.from_date <= :date AND u.to_date >= :date) AS "leave"`;

/**
 * How a statement is planned: for each run, or once per connection and kept (keptQuery): the
 * case's reach and the first ranked page (planning the reach took longer than running it), not
 * the counts (their generic plan reads the junior range without the cutoff's value).
 */
type Plan = 'each' | 'kept';

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

/** A lawyer the case names, and why: a justified refusal, a declined or expired offer, an appointment in the family. */
export interface NamedLawyerRow extends LawyerRow {
  kind: 'refused' | 'declined' | 'appointed';
  /** The case of the refusal, offer or appointment. */
  caseId: string;
}

/** What a case reaches (PoolQuery.reach). */
export interface CaseReach {
  /** The other cases of the family, with their defendants. */
  family: { id: string; defendant: Case['defendant'] }[];
  /** The lawyers named in the case or its family, each row with the lawyer's columns and leave. */
  named: NamedLawyerRow[];
}

type ReachRow = (NamedLawyerRow | (Record<keyof LawyerRow, null> & { kind: 'family'; caseId: string })) & { defendant: string | null };

/**
 * The assignment's reads of the lawyers' tables (the lawyers module writes them) and of the
 * case's family: the ranked pool a page at a time with each lawyer's leave, the lawyers a case
 * names, and the counted classes and groups, each in one statement (a round trip costs more
 * than the work). Every method reads through the caller's EntityManager (its transaction).
 */
@Injectable()
export class PoolQuery {
  /**
   * A page of the pick order (idx_lawyers_pick_rank), each row with its leave. PostgreSQL reads
   * the index for tier and score and sorts each run of equal scores by the rest (an incremental
   * sort: the index's last_appointed_at is NULLS LAST, the pick puts never-appointed lawyers
   * first); the leave is looked up after the sort, for the rows the page keeps and those
   * it skips (`offset`: CandidatePool sizes the first page to need no second one).
   */
  rankedPage(m: EntityManager, date: LocalDate, offset: number, limit: number): Promise<LawyerRow[]> {
    // ASC puts NULL (never appointed) first on SQLite; PostgreSQL needs it said.
    const nullsFirst = this.postgres(m) ? ' NULLS FIRST' : '';
    const [query, values] = this.lawyerRows(m, date)
      .where(APPOINTABLE)
      .orderBy(`l.tier_rank ASC, l.rank_score ASC, l.last_appointed_at ASC${nullsFirst}, l.license_no ASC, l.id`)
      .limit(limit)
      .offset(offset)
      .getQueryAndParameters();
    // The first page's statement is kept (CandidatePool's page sizes are few); later pages are rare.
    return this.run(m, query, values, offset === 0 ? 'kept' : 'each');
  }

  /** Lawyers by id, with their leave covering `date`. */
  async lawyers(m: EntityManager, date: LocalDate, ids: readonly string[]): Promise<LawyerRow[]> {
    if (ids.length === 0) return [];
    return this.lawyerRows(m, date).where('l.id IN (:...ids)', { ids }).getRawMany<LawyerRow>();
  }

  /** The lawyer columns and, in the same row, the lawyer's leave covering `date` ("from~to", comma-separated; null when none). */
  private lawyerRows(m: EntityManager, date: LocalDate) {
    return m
      .createQueryBuilder(Lawyer, 'l')
      .select([...COLUMNS, this.leave(m)])
      .setParameters({ date });
  }

  /** The lawyer `l`'s leave covering :date, as the `leave` column. */
  private leave(m: EntityManager): string {
    return LEAVE.replace('$concat', this.postgres(m) ? 'string_agg' : 'group_concat');
  }

  /**
   * What the case reaches, in one statement: its family (the other cases with its court case
   * number or a related one, and those that link to its number, SPC CPL interpretation 2021
   * Art 43) with their defendants, and the lawyers it names with their rows and leave on
   * `date`: the justified refusals in the case and its family (Art 5 binds a refusal for the
   * same defendant's later notices: the caller keeps those), the case's declined or expired
   * offers, and every lawyer ever appointed in the family (conflicts, for the other
   * defendants' cases). The family's ids come from two indexed lookups (an OR of both over
   * cases would make PostgreSQL scan every case).
   */
  async reach(m: EntityManager, c: Case, date: LocalDate): Promise<CaseReach> {
    const none = [...COLUMNS, LEAVE].map((column) => `NULL${column.slice(column.lastIndexOf(' AS '))}`);
    const rows = await this.raw<ReachRow>(
      m,
      `WITH family AS (SELECT f.id, f.defendant FROM cases f WHERE f.id IN (
          SELECT x.id FROM cases x WHERE x.court_case_no IN (:...numbers)
          UNION SELECT k.case_id FROM case_links k WHERE k.court_case_no = :number) AND f.id <> :self),
        named AS (SELECT 'refused' AS kind, r.case_id, r.lawyer_id FROM refusals r
            WHERE (r.case_id = :self OR r.case_id IN (SELECT id FROM family)) AND r.justified = true AND r.lawyer_id IS NOT NULL
          UNION ALL SELECT 'declined', a.case_id, a.lawyer_id FROM assignments a WHERE a.case_id = :self AND a.status IN ('declined', 'expired')
          UNION ALL SELECT 'appointed', a.case_id, a.lawyer_id FROM assignments a WHERE a.case_id IN (SELECT id FROM family))
        SELECT 'family' AS "kind", f.id AS "caseId", f.defendant AS "defendant", ${none.join(', ')} FROM family f
        UNION ALL SELECT n.kind, n.case_id, NULL, ${[...COLUMNS, this.leave(m)].join(', ')}
          FROM named n INNER JOIN lawyers l ON l.id = n.lawyer_id`,
      { numbers: [c.courtCaseNo, ...c.relatedCaseNos], number: c.courtCaseNo, self: c.id, date },
      'kept',
    );
    const family: CaseReach['family'] = [];
    const named: NamedLawyerRow[] = [];
    for (const { defendant, ...row } of rows) {
      if (row.kind === 'family') family.push({ id: row.caseId, defendant: JSON.parse(defendant!) as Case['defendant'] });
      else named.push(row as NamedLawyerRow);
    }
    return { family, named };
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

  private raw<T>(m: EntityManager, sql: string, params: Record<string, unknown>, plan: Plan = 'each'): Promise<T[]> {
    const [query, values] = m.connection.driver.escapeQueryWithParameters(sql, params);
    return this.run(m, query, values, plan);
  }

  private run<T>(m: EntityManager, query: string, values: unknown[], plan: Plan): Promise<T[]> {
    return plan === 'kept' ? keptQuery(m, query, values) : m.query(query, values);
  }
}
