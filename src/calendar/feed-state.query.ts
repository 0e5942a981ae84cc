import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedRead, ReadRow } from '../database/prepared-read';
import { ALL_LAWYERS, ALL_STATIONS } from '../feed-versions/feed-versions';
import type { FeedWindow } from './domain/feed-events';

const version = (alias: string, scope: string, id: string) =>
  `LEFT JOIN feed_versions ${alias} ON ${alias}.scope = '${scope}' AND ${alias}.id = ${id}`;

/**
 * One statement by primary keys: the token check (refused while the lawyer's console accounts
 * are all deactivated: a deactivated lawyer's feed stops at once, as their tokens and sessions
 * do), the lawyer, and the counters their feed is
 * built from (theirs and every station's: feed_versions, bumped by the writers in the
 * transaction of each change the feed shows, src/feed-versions/feed-versions.ts).
 */
const LAWYER_STATE = `
SELECT t.id AS token_id, l.id AS lawyer_id, l.name AS lawyer_name, v.version AS own, g.version AS every
FROM calendar_tokens t JOIN lawyers l ON l.id = t.lawyer_id
${version('v', 'lawyer', 'l.id')}
${version('g', ALL_STATIONS, "''")}
WHERE t.token_hash = :hash AND t.revoked_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.lawyer_id = l.id AND u.active = FALSE
    AND NOT EXISTS (SELECT 1 FROM users a WHERE a.lawyer_id = l.id AND a.active = TRUE))`;

const STATION_STATE = `
SELECT st.id AS station_id, v.version AS own, g.version AS every
FROM stations st
${version('v', 'station', 'st.id')}
${version('g', ALL_LAWYERS, "''")}
WHERE st.id = :stationId`;

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

const text = (v: ReadRow[string]): string => (v === null ? '' : String(v));
/** A missing counter row is version 0. */
const count = (v: ReadRow[string]): string => (v === null ? '0' : String(v));

/** The cheap per-request read that decides whether a feed changed (and so its ETag): one statement by primary keys. */
@Injectable()
export class FeedStateQuery {
  private readonly lawyerState: PreparedRead;
  private readonly stationState: PreparedRead;

  constructor(dataSource: DataSource) {
    this.lawyerState = new PreparedRead(dataSource, 'feed-lawyer-state', LAWYER_STATE);
    this.stationState = new PreparedRead(dataSource, 'feed-station-state', STATION_STATE);
  }

  async lawyer(tokenHash: string, window: FeedWindow): Promise<LawyerFeedState | null> {
    const [row] = await this.lawyerState.rows({ hash: tokenHash });
    if (!row) return null;
    return {
      tokenId: text(row.token_id),
      lawyerId: text(row.lawyer_id),
      lawyerName: text(row.lawyer_name),
      parts: ['lawyer', text(row.lawyer_id), text(row.token_id), window.from, count(row.own), count(row.every)],
    };
  }

  async station(stationId: string, window: FeedWindow): Promise<StationFeedState | null> {
    const [row] = await this.stationState.rows({ stationId });
    if (!row) return null;
    return { stationId, parts: ['station', text(row.station_id), window.from, count(row.own), count(row.every)] };
  }
}
