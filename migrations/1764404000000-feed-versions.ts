import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from '../src/database/migration-columns';

/**
 * The calendar feeds' change counters (issue 16): a feed's ETag comes from its lawyer's or
 * station's counter, read by primary key, instead of five aggregates over its year. Rows
 * appear on the first change; a missing row counts as 0 (src/feed-versions/feed-version.entity.ts).
 */
export class FeedVersions1764404000000 implements MigrationInterface {
  name = 'FeedVersions1764404000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'feed_versions',
        columns: [{ ...col.str('scope', 16), isPrimary: true }, col.id('id'), col.int('version', 0)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('feed_versions');
  }
}
