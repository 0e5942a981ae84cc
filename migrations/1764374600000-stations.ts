import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** Workday overrides, rosters, shifts and swap requests of the duty stations (DESIGN rule 10). */
export class Stations1764374600000 implements MigrationInterface {
  name = 'Stations1764374600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'workday_overrides',
        columns: [
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'workday', type: 'boolean' },
          col.str('note', 500),
          col.instant('created_at'),
          col.ref('created_by', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rosters',
        columns: [
          col.id(),
          col.ref('station_id'),
          col.date('from_date'),
          col.date('to_date'),
          col.str('status', 10),
          col.json('fairness'),
          col.json('warnings'),
          col.instant('created_at'),
          col.instant('published_at', true),
        ],
        indices: [new TableIndex({ columnNames: ['station_id', 'status', 'from_date'] })],
        foreignKeys: [{ columnNames: ['station_id'], referencedTableName: 'stations', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shifts',
        columns: [
          col.id(),
          col.ref('roster_id'),
          col.ref('station_id'),
          col.date('date'),
          col.str('template_name', 100),
          col.str('start_time', 5),
          col.str('end_time', 5),
          col.instant('starts_at'),
          col.instant('ends_at'),
          col.ref('lawyer_id', true),
          col.str('status', 10),
          col.int('sequence', 0),
          col.instant('updated_at'),
          col.str('unfilled_reason', 500, true),
        ],
        indices: [
          // On duty now / next: an index range scan, never a scan of all shifts.
          new TableIndex({ columnNames: ['station_id', 'status', 'starts_at'] }),
          new TableIndex({ columnNames: ['lawyer_id', 'starts_at'] }),
          new TableIndex({ columnNames: ['roster_id'] }),
          // Two publishes of overlapping periods racing each other: the second one fails here.
          new TableIndex({
            name: 'UQ_shifts_published_slot',
            columnNames: ['station_id', 'date', 'template_name'],
            isUnique: true,
            where: "status = 'published'",
          }),
        ],
        foreignKeys: [
          { columnNames: ['roster_id'], referencedTableName: 'rosters', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['station_id'], referencedTableName: 'stations', referencedColumnNames: ['id'] },
          { columnNames: ['lawyer_id'], referencedTableName: 'lawyers', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'swap_requests',
        columns: [
          col.id(),
          col.ref('shift_id'),
          col.ref('from_lawyer_id'),
          col.ref('to_lawyer_id'),
          col.str('status', 10),
          col.instant('created_at'),
          col.instant('decided_at', true),
        ],
        indices: [new TableIndex({ columnNames: ['shift_id', 'status'] }), new TableIndex({ columnNames: ['to_lawyer_id', 'status'] })],
        foreignKeys: [
          { columnNames: ['shift_id'], referencedTableName: 'shifts', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['from_lawyer_id'], referencedTableName: 'lawyers', referencedColumnNames: ['id'] },
          { columnNames: ['to_lawyer_id'], referencedTableName: 'lawyers', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['swap_requests', 'shifts', 'rosters', 'workday_overrides']) await q.dropTable(t);
  }
}
