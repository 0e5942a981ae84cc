import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** Art 13 file-reading requests; the overdue list reads the open ones by due date. */
export class FileReadingRequests1764381200000 implements MigrationInterface {
  name = 'FileReadingRequests1764381200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'file_reading_requests',
        columns: [
          col.id(),
          col.ref('case_id'),
          col.ref('lawyer_id'),
          col.instant('requested_at'),
          col.instant('obstacle_cleared_at', true),
          col.date('arrange_by'),
          col.instant('arranged_at', true),
          col.ref('created_by', true),
          col.instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'idx_file_reading_case', columnNames: ['case_id'] }),
          new TableIndex({ name: 'idx_file_reading_open_due', columnNames: ['arrange_by'], where: 'arranged_at IS NULL' }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('file_reading_requests');
  }
}
