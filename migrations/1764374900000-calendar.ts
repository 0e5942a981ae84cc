import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** Secret calendar-feed tokens of lawyers, stored as hashes; revoked rows are kept for the record. */
export class Calendar1764374900000 implements MigrationInterface {
  name = 'Calendar1764374900000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'calendar_tokens',
        columns: [
          col.id(),
          col.ref('lawyer_id'),
          col.str('token_hash', 64),
          col.instant('created_at'),
          col.ref('created_by', true),
          col.instant('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_calendar_tokens_hash', columnNames: ['token_hash'], isUnique: true }),
          // One live token per lawyer: two requests racing to replace it cannot both win.
          new TableIndex({
            name: 'UQ_calendar_tokens_live',
            columnNames: ['lawyer_id'],
            isUnique: true,
            where: 'revoked_at IS NULL',
          }),
        ],
        foreignKeys: [{ columnNames: ['lawyer_id'], referencedTableName: 'lawyers', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('calendar_tokens');
  }
}
