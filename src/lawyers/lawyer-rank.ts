import { EntityManager, In } from 'typeorm';
import { chunks } from '../database/columns';
import { firmKey } from './domain/firm-key';
import { Lawyer, POOL_TIERS, PoolTier } from './lawyer.entity';

/**
 * The rank columns the pick orders by (idx_lawyers_pick_rank): set with every write of the
 * fields they derive from. `tier_rank` and `firm_key` come from the row itself;
 * `rank_score` also from the window counter, so it is computed in SQL (`scoreSql`).
 */
export function rankFields(l: { poolTier: PoolTier; firm: string }): Pick<Lawyer, 'tierRank' | 'firmKey'> {
  return { tierRank: POOL_TIERS.indexOf(l.poolTier), firmKey: firmKey(l.firm) };
}

/**
 * `count / weight` in SQL giving the very double the pick's JS computes (`scoreOf`): SQLite
 * stores weight as a double; PostgreSQL's `real` is a float4 that the driver hands to JS as
 * its shortest decimal text, so the same text is parsed as a double here.
 */
export function scoreSql(m: EntityManager, count: string): string {
  return m.connection.options.type === 'postgres'
    ? `CAST(${count} AS double precision) / CAST(CAST(weight AS text) AS double precision)`
    : `${count} * 1.0 / weight`;
}

/** After a write of one lawyer's tier, firm or weight (create, update). */
export async function syncRanks(m: EntityManager, l: { id: string; poolTier: PoolTier; firm: string }): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Lawyer)
    .set({ ...rankFields(l), rankScore: () => scoreSql(m, 'window_count') })
    .where({ id: l.id })
    .execute();
}

/** After a change of weight: the score follows. */
export async function refreshScores(m: EntityManager, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) {
    await m
      .createQueryBuilder()
      .update(Lawyer)
      .set({ rankScore: () => scoreSql(m, 'window_count') })
      .where({ id: In(part) })
      .execute();
  }
}
