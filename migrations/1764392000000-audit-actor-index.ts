import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The audit trail searched by actor (console /audit) and read newest first without a filter. */
export class AuditActorIndex1764392000000 implements MigrationInterface {
  name = 'AuditActorIndex1764392000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_actor_at', columnNames: ['actor_id', 'at'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_at', columnNames: ['at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_log', 'idx_audit_log_at');
    await q.dropIndex('audit_log', 'idx_audit_log_actor_at');
  }
}
