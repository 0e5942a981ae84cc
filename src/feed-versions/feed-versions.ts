import type { EntityManager } from 'typeorm';
import { chunks } from '../database/columns';
import { hotReadsChanged } from './hot-read-changes';

/** What a change alters, as the feeds see it. */
export interface FeedChange {
  /** Lawyers whose own feed shows it (their shifts, appointments, cases, hearings, name). */
  lawyers?: ReadonlyArray<string | null>;
  /** Stations whose feed shows it (their published shifts, the station itself). */
  stations?: ReadonlyArray<string | null>;
  /** A station's name, court or zone: shown in every lawyer feed with a shift there. */
  everyLawyer?: boolean;
  /** A lawyer's name or phone: shown in every station feed with a shift of theirs (and in on-duty). */
  everyStation?: boolean;
}

/** Counters read by the lawyer's feed besides its own: `stations` (everyLawyer). */
export const ALL_STATIONS = 'stations';
/** Counters read by a station's feed besides its own: `lawyers` (everyStation). */
export const ALL_LAWYERS = 'lawyers';

/**
 * The one writer of feed_versions: bumps the counters of what `change` alters, inside the
 * caller's transaction (its EntityManager), so the new ETag and the change commit together
 * and every instance sees both at once. One statement per 500 keys, in a fixed order, so two
 * transactions bumping several counters lock them in the same order. A change of a station's
 * shifts, of a station or of a lawyer's name or phone is also what on-duty and the reception
 * page show: their answers kept in memory go stale on commit, on every instance (hot-read-changes.ts).
 */
export async function feedsChanged(m: EntityManager, change: FeedChange): Promise<void> {
  if (change.everyStation || change.stations?.some(Boolean)) await hotReadsChanged(m);
  const keys = new Set<string>();
  for (const id of change.lawyers ?? []) if (id) keys.add(`lawyer\u0000${id}`);
  for (const id of change.stations ?? []) if (id) keys.add(`station\u0000${id}`);
  if (change.everyLawyer) keys.add(`${ALL_STATIONS}\u0000`);
  if (change.everyStation) keys.add(`${ALL_LAWYERS}\u0000`);
  if (!keys.size) return;
  // 500 keys a statement: within SQLite's and PostgreSQL's bound parameters (an import may touch thousands of lawyers).
  for (const part of chunks([...keys].sort())) {
    const params: Record<string, string> = {};
    const rows = part.map((key, i) => {
      [params[`s${i}`], params[`i${i}`]] = key.split('\u0000');
      return `(:s${i}, :i${i}, 1)`;
    });
    const sql = `INSERT INTO feed_versions (scope, id, version) VALUES ${rows.join(', ')}
      ON CONFLICT (scope, id) DO UPDATE SET version = feed_versions.version + 1`;
    const [query, values] = m.connection.driver.escapeQueryWithParameters(sql, params);
    await m.query(query, values);
  }
}
