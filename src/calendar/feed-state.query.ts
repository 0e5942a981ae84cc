import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FeedWindow } from './domain/feed-events';

/** "count/latest update/sequence sum" of a row set, as one portable SQL string expression. */
const fingerprint = (maxCol: string, sumCol: string | null, from: string): string =>
  `(SELECT COUNT(*) || '/' || COALESCE(MAX(${maxCol}), '')${sumCol ? ` || '/' || COALESCE(SUM(${sumCol}), 0)` : ''} ${from})`;

const SHIFTS_OF_LAWYER = `FROM shifts s WHERE s.lawyer_id = t.lawyer_id AND s.status = 'published' AND s.date BETWEEN :from AND :to`;
const ACTIVE_ASSIGNMENTS = `FROM assignments a WHERE a.lawyer_id = t.lawyer_id AND a.status = 'active'`;
const CASES_OF_LAWYER = `FROM cases c JOIN assignments a ON a.case_id = c.id WHERE a.lawyer_id = t.lawyer_id AND a.status = 'active'`;
const HEARINGS_OF_LAWYER = `FROM hearings h JOIN assignments a ON a.case_id = h.case_id WHERE a.lawyer_id = t.lawyer_id AND a.status = 'active'`;
const SHIFTS_OF_STATION = `FROM shifts s WHERE s.station_id = st.id AND s.status = 'published' AND s.date BETWEEN :from AND :to`;

/**
 * One statement with scalar subqueries: the token check and the aggregates of everything the
 * feed shows. Hearings and cases are fingerprinted over all open cases (a superset of the
 * window, so any change counts); stations as a whole (a handful of rows).
 */
const LAWYER_STATE = `
SELECT t.id AS token_id, l.id AS lawyer_id, l.name AS lawyer_name, l.updated_at AS lawyer_updated,
  ${fingerprint('s.updated_at', 's.sequence', SHIFTS_OF_LAWYER)} AS shifts,
  ${fingerprint('a.appointed_at', null, ACTIVE_ASSIGNMENTS)} AS assignments,
  ${fingerprint('c.updated_at', null, CASES_OF_LAWYER)} AS cases,
  ${fingerprint('h.updated_at', 'h.sequence', HEARINGS_OF_LAWYER)} AS hearings,
  (SELECT COALESCE(MAX(x.updated_at), '') FROM stations x) AS stations
FROM calendar_tokens t JOIN lawyers l ON l.id = t.lawyer_id
WHERE t.token_hash = :hash AND t.revoked_at IS NULL`;

const STATION_STATE = `
SELECT st.id AS station_id, st.updated_at AS station_updated,
  ${fingerprint('s.updated_at', 's.sequence', SHIFTS_OF_STATION)} AS shifts,
  ${fingerprint('l.updated_at', null, `FROM lawyers l WHERE l.id IN (SELECT s.lawyer_id ${SHIFTS_OF_STATION})`)} AS lawyers
FROM stations st WHERE st.id = :stationId`;

export interface LawyerFeedState {
  tokenId: string;
  lawyerId: string;
  lawyerName: string;
  /** Everything the ETag is computed from, in a fixed order. */
  parts: string[];
}

export interface StationFeedState {
  stationId: string;
  parts: string[];
}

type Row = Record<string, string | number | null>;
const text = (v: string | number | null): string => (v === null ? '' : String(v));

/** The cheap per-request reads that decide whether a feed changed (and so its ETag). */
@Injectable()
export class FeedStateQuery {
  constructor(private readonly dataSource: DataSource) {}

  async lawyer(tokenHash: string, window: FeedWindow): Promise<LawyerFeedState | null> {
    const row = await this.one(LAWYER_STATE, { hash: tokenHash, from: window.from, to: window.to });
    if (!row) return null;
    return {
      tokenId: text(row.token_id),
      lawyerId: text(row.lawyer_id),
      lawyerName: text(row.lawyer_name),
      parts: [
        'lawyer',
        row.lawyer_id,
        row.token_id,
        row.lawyer_updated,
        window.from,
        row.shifts,
        row.assignments,
        row.cases,
        row.hearings,
        row.stations,
      ].map(text),
    };
  }

  async station(stationId: string, window: FeedWindow): Promise<StationFeedState | null> {
    const row = await this.one(STATION_STATE, { stationId, from: window.from, to: window.to });
    if (!row) return null;
    return { stationId, parts: ['station', row.station_id, row.station_updated, window.from, row.shifts, row.lawyers].map(text) };
  }

  private async one(sql: string, params: Record<string, string>): Promise<Row | undefined> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows = (await this.dataSource.query(query, values)) as Row[];
    return rows[0];
  }
}
