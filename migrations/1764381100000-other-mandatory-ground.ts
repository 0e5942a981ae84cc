import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** LAL 2021 Art 25(7): a mandatory ground another law provides, recorded on the case. */
export class OtherMandatoryGround1764381100000 implements MigrationInterface {
  name = 'OtherMandatoryGround1764381100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('cases', new TableColumn(col.str('other_mandatory_ground', 500, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('cases', 'other_mandatory_ground');
  }
}
