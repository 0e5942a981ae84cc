import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** Users, audit trail, idempotency keys, the lawyer pool, stations and their members. */
export class Foundation1764374400000 implements MigrationInterface {
  name = 'Foundation1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.str('name', 200),
          col.str('role', 20),
          col.ref('lawyer_id', true),
          col.str('token_hash', 64),
          col.bool('active', true),
          col.instant('created_at'),
        ],
        indices: [new TableIndex({ columnNames: ['token_hash'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.instant('at'),
          col.ref('actor_id', true),
          col.str('actor_role', 20, true),
          col.str('action', 60),
          col.str('entity', 40),
          col.str('entity_id', 36),
          col.json('summary', true),
        ],
        indices: [new TableIndex({ columnNames: ['entity', 'entity_id', 'at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'scope', type: 'varchar', length: '60', isPrimary: true },
          col.str('request_hash', 64),
          col.int('status_code'),
          col.json('response'),
          col.instant('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lawyers',
        columns: [
          col.id(),
          col.str('name', 100),
          col.str('license_no', 17),
          col.str('firm', 200),
          col.str('phone', 40),
          col.str('email', 200),
          col.bool('juvenile_experience', false),
          col.date('criminal_practice_since'),
          col.str('pool_tier', 10),
          col.real('weight', 1),
          col.int('max_open_cases', 10),
          col.int('open_cases', 0),
          col.bool('active', true),
          col.bool('suspended', false),
          col.str('suspension_reason', 500, true),
          col.instant('last_appointed_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ columnNames: ['license_no'], isUnique: true }),
          new TableIndex({ columnNames: ['active', 'pool_tier'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lawyer_unavailability',
        columns: [
          col.id(),
          col.ref('lawyer_id'),
          col.date('from_date'),
          col.date('to_date'),
          col.str('reason', 500),
          col.instant('created_at'),
        ],
        indices: [new TableIndex({ columnNames: ['lawyer_id', 'from_date'] })],
        foreignKeys: [{ columnNames: ['lawyer_id'], referencedTableName: 'lawyers', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'stations',
        columns: [
          col.id(),
          col.str('name', 200),
          col.str('court_name', 200),
          col.str('timezone', 60),
          col.json('shift_templates'),
          col.bool('workdays_only', true),
          col.str('fallback_phone', 40),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'station_members',
        columns: [
          { name: 'station_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'lawyer_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [new TableIndex({ columnNames: ['lawyer_id'] })],
        foreignKeys: [
          { columnNames: ['station_id'], referencedTableName: 'stations', referencedColumnNames: ['id'] },
          { columnNames: ['lawyer_id'], referencedTableName: 'lawyers', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['station_members', 'stations', 'lawyer_unavailability', 'lawyers', 'idempotency_keys', 'audit_log', 'users']) {
      await q.dropTable(t);
    }
  }
}
