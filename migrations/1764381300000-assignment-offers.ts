import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** Offers (issue 12 item 10): the answer time; the expiry job reads pending offers by it. */
const PENDING = new TableIndex({ name: 'idx_assignments_offered_respond_by', columnNames: ['respond_by'], where: "status = 'offered'" });

export class AssignmentOffers1764381300000 implements MigrationInterface {
  name = 'AssignmentOffers1764381300000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('assignments', new TableColumn(col.instant('respond_by', true)));
    await q.createIndex('assignments', PENDING);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('assignments', PENDING.name!);
    await q.dropColumn('assignments', 'respond_by');
  }
}
