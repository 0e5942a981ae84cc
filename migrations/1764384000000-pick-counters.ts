import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';
import { firmKey } from '../src/lawyers/domain/firm-key';

/**
 * The pick without a GROUP BY over the history (issue 16): each lawyer carries its count of
 * appointments in the rolling window (`window_count`, kept by the claim and the daily roll,
 * see src/assignment/pick-window.ts), the rank columns the pick orders by (`tier_rank`,
 * `rank_score` = window_count / weight) and the normalised firm for the same-firm rule;
 * a partial index over appointable lawyers gives the pick order, so the pick reads the
 * head of the index with LIMIT. `pick_window` records the first local date the counters
 * count from; null until the first pick (or the daily job) builds them.
 */
const RANK_INDEX = new TableIndex({
  name: 'idx_lawyers_pick_rank',
  columnNames: ['tier_rank', 'rank_score', 'last_appointed_at', 'license_no', 'id'],
  where: 'active = true AND suspended = false',
});

export class PickCounters1764384000000 implements MigrationInterface {
  name = 'PickCounters1764384000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('lawyers', [
      new TableColumn(col.int('window_count', 0)),
      new TableColumn(col.int('tier_rank', 2)),
      new TableColumn({ name: 'rank_score', type: 'double precision', default: 0 }),
      new TableColumn({ ...col.str('firm_key', 200), default: "''" }),
    ]);
    await q.query("UPDATE lawyers SET tier_rank = CASE pool_tier WHEN 'core' THEN 0 WHEN 'reserve' THEN 1 ELSE 2 END");
    const firms: { firm: string }[] = await q.query('SELECT DISTINCT firm FROM lawyers');
    const param = (i: number) => (q.connection.options.type === 'postgres' ? `$${i}` : '?');
    for (const { firm } of firms)
      await q.query(`UPDATE lawyers SET firm_key = ${param(1)} WHERE firm = ${param(2)}`, [firmKey(firm), firm]);
    await q.createIndex('lawyers', RANK_INDEX);
    await q.createTable(
      new Table({
        name: 'pick_window',
        columns: [col.str('name', 40), col.date('counts_from', true)].map((c, i) => (i === 0 ? { ...c, isPrimary: true } : c)),
      }),
    );
    await q.query("INSERT INTO pick_window (name, counts_from) VALUES ('rolling', NULL)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('pick_window');
    await q.dropIndex('lawyers', RANK_INDEX.name!);
    for (const c of ['firm_key', 'rank_score', 'tier_rank', 'window_count']) await q.dropColumn('lawyers', c);
  }
}
