import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** The mail outbox (claimed by the senders of every instance) and the leases that keep a cron job on one instance. */
export class Notifications1764374500000 implements MigrationInterface {
  name = 'Notifications1764374500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          col.id(),
          col.str('idempotency_key', 200),
          col.str('event', 40),
          col.str('recipient_email', 200),
          col.str('recipient_name', 100),
          col.ref('lawyer_id', true),
          col.str('subject', 300),
          col.text('text'),
          col.text('html'),
          col.json('attachments'),
          col.str('status', 10),
          col.int('attempts', 0),
          col.instant('next_attempt_at'),
          col.str('claimed_by', 36, true),
          col.instant('claimed_until', true),
          col.str('last_error', 1000, true),
          col.instant('sent_at', true),
          col.instant('created_at'),
        ],
        indices: [
          new TableIndex({ columnNames: ['idempotency_key'], isUnique: true }),
          // The claim query: due pending rows, and sending rows whose lease ran out.
          new TableIndex({ columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ columnNames: ['status', 'claimed_until'] }),
          new TableIndex({ columnNames: ['claimed_by'] }),
          new TableIndex({ columnNames: ['created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          col.str('holder', 36, true),
          col.instant('lease_until'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('job_leases');
    await q.dropTable('outbox');
  }
}
