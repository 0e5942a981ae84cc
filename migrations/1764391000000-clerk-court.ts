import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** A court clerk's court: the console's clerk reads only that court's cases (issue 11). */
export class ClerkCourt1764391000000 implements MigrationInterface {
  name = 'ClerkCourt1764391000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn(col.str('court_name', 200, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('users', 'court_name');
  }
}
