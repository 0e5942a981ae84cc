import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** A year's holiday arrangement entered by an admin (issue 12 item 12). Schema-builder API only. */
export class WorkdayArrangements1764381000000 implements MigrationInterface {
  name = 'WorkdayArrangements1764381000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'workday_arrangements',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          col.json('festivals'),
          col.json('workdays'),
          col.instant('created_at'),
          col.ref('created_by', true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('workday_arrangements');
  }
}
