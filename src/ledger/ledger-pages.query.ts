import { Injectable } from '@nestjs/common';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Shift } from '../stations/shift.entity';
import { HelpRecord } from './ledger.entities';

/** A ledger read: one station over local dates, optionally one lawyer's entries only. */
export interface LedgerScope {
  stationId: string;
  from: string;
  to: string;
  timezone: string;
  lawyerId?: string;
}

/** Rows per query while streaming: bounded memory whatever the period, few round trips for a year. */
const PAGE = 2000;

/** A help record as stored, with its lawyer's name and the record correcting it (if any), joined. */
export type HelpRow = HelpRecord & { lawyerName: string | null; correctedById: string | null };

/** A published shift's ledger columns, with its lawyer's name and firm, joined. */
export type ShiftRow = Pick<Shift, 'id' | 'date' | 'templateName' | 'startTime' | 'endTime' | 'lawyerId' | 'startsAt' | 'endsAt'> & {
  lawyerName: string | null;
  firm: string | null;
};

/** help_records columns by property, read raw: entity hydration was the export's largest cost per row. */
const HELP_FIELDS: Record<keyof HelpRecord, string> = {
  id: 'id',
  shiftId: 'shift_id',
  stationId: 'station_id',
  lawyerId: 'lawyer_id',
  date: 'date',
  caseId: 'case_id',
  courtCaseNo: 'court_case_no',
  defendantName: 'defendant_name',
  helpType: 'help_type',
  summary: 'summary',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  correctsId: 'corrects_id',
  correctionReason: 'correction_reason',
  afterSignOff: 'after_sign_off',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const SHIFT_FIELDS: Record<Exclude<keyof ShiftRow, 'lawyerName' | 'firm'>, string> = {
  id: 'id',
  date: 'date',
  templateName: 'template_name',
  startTime: 'start_time',
  endTime: 'end_time',
  lawyerId: 'lawyer_id',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
};

const columns = (alias: string, fields: Record<string, string>): string[] =>
  Object.entries(fields).map(([prop, column]) => `${alias}.${column} AS "${prop}"`);

/** The scope's rows of a table carrying station_id, date and lawyer_id. */
function inScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: LedgerScope): SelectQueryBuilder<T> {
  qb.where(`${alias}.station_id = :sid AND ${alias}.date >= :from AND ${alias}.date <= :to`, {
    sid: scope.stationId,
    from: scope.from,
    to: scope.to,
  });
  return scope.lawyerId ? qb.andWhere(`${alias}.lawyer_id = :lid`, { lid: scope.lawyerId }) : qb;
}

/**
 * Raw pages of a query in (key, id) order, each query starting after the last row of the one
 * before (keyset paging: no OFFSET, so the 100th page costs what the first does).
 */
async function* keysetPages<R extends { id: string }>(
  query: () => SelectQueryBuilder<ObjectLiteral>,
  alias: string,
  keyColumn: string,
  keyOf: (row: R) => string,
): AsyncGenerator<R[]> {
  const key = `${alias}.${keyColumn}`;
  let after: { k: string; id: string } | null = null;
  for (;;) {
    const qb = query();
    if (after) qb.andWhere(`(${key} > :k OR (${key} = :k AND ${alias}.id > :id))`, after);
    const page = await qb.orderBy(key, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(PAGE).getRawMany<R>();
    if (!page.length) return;
    yield page;
    const last = page[page.length - 1];
    after = { k: keyOf(last), id: last.id };
  }
}

/**
 * Pages of one query on PostgreSQL: a cursor declared in a read-only transaction, `PAGE` rows
 * per FETCH. One plan and one pass over the index where keyset pages start ten queries, each
 * re-reading the period's index entries up to its page (a year of help records read 35 % faster).
 * The connection is held while the export streams and given back when it ends or the client
 * goes away (the writers stop on 'close').
 */
async function* cursorPages<R>(ds: DataSource, qb: SelectQueryBuilder<ObjectLiteral>): AsyncGenerator<R[]> {
  const [sql, parameters] = qb.getQueryAndParameters();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('START TRANSACTION READ ONLY');
    await runner.query(`DECLARE ledger_pages NO SCROLL CURSOR FOR ${sql}`, parameters);
    for (;;) {
      const page = (await runner.query(`FETCH ${PAGE} FROM ledger_pages`)) as R[];
      if (!page.length) break;
      yield page;
    }
  } finally {
    await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}

/**
 * The ledger export's read side: each page joins the ledger's rows to the lawyers (and a help
 * record to the one correcting it). Shifts (a few hundred a year) are keyset-paged on the
 * (station_id, status, starts_at) index; help records on SQLite on (station_id, date), on
 * PostgreSQL read through a cursor.
 */
@Injectable()
export class LedgerPagesQuery {
  constructor(private readonly ds: DataSource) {}

  /** Every help record of the scope in (date, recording) order, corrected ones included. */
  helpPages(scope: LedgerScope): AsyncGenerator<HelpRow[]> {
    const query = () =>
      inScope(this.ds.createQueryBuilder(HelpRecord, 'h'), 'h', scope)
        .leftJoin(Lawyer, 'l', 'l.id = h.lawyer_id')
        .leftJoin(HelpRecord, 'c', 'c.corrects_id = h.id')
        .select([...columns('h', HELP_FIELDS), 'l.name AS "lawyerName"', 'c.id AS "correctedById"']);
    if (this.ds.options.type === 'postgres')
      return cursorPages<HelpRow>(this.ds, query().orderBy('h.date', 'ASC').addOrderBy('h.id', 'ASC'));
    return keysetPages<HelpRow>(query, 'h', 'date', (h) => h.date);
  }

  /** Every published shift of the scope in time order. */
  shiftPages(scope: LedgerScope): AsyncGenerator<ShiftRow[]> {
    const query = () =>
      inScope(this.ds.createQueryBuilder(Shift, 's'), 's', scope)
        .andWhere("s.status = 'published'")
        .leftJoin(Lawyer, 'l', 'l.id = s.lawyer_id')
        .select([...columns('s', SHIFT_FIELDS), 'l.name AS "lawyerName"', 'l.firm AS "firm"']);
    return keysetPages<ShiftRow>(query, 's', 'starts_at', (s) => s.startsAt);
  }
}
