import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/**
 * The pick's count without visiting every lawyer (issue 16): `lawyer_pool_classes` holds
 * how many lawyers there are by status and juvenile-case experience (four rows, kept by the
 * lawyers' writers); the two partial indexes reach the few appointable lawyers that the
 * seniority rule (practice started after the cutoff) or capacity set apart, and the
 * firm-key index the lawyers of a co-defendant's firm. See src/cases/assignment/candidate-pool.ts.
 */
const INDEXES = [
  new TableIndex({
    name: 'idx_lawyers_pick_junior',
    columnNames: ['criminal_practice_since', 'juvenile_experience', 'open_cases', 'max_open_cases'],
    where: 'active = true AND suspended = false',
  }),
  new TableIndex({
    name: 'idx_lawyers_pick_full',
    columnNames: ['juvenile_experience', 'criminal_practice_since'],
    where: 'active = true AND suspended = false AND open_cases >= max_open_cases',
  }),
  new TableIndex({ name: 'idx_lawyers_firm_key', columnNames: ['firm_key'] }),
];

export class PickPoolClasses1764399000000 implements MigrationInterface {
  name = 'PickPoolClasses1764399000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'lawyer_pool_classes',
        columns: [
          { ...col.bool('appointable'), isPrimary: true },
          { ...col.bool('juvenile_experience'), isPrimary: true },
          col.int('lawyers', 0),
        ],
      }),
    );
    for (const appointable of [false, true])
      for (const juvenile of [false, true])
        await q.query(
          `INSERT INTO lawyer_pool_classes (appointable, juvenile_experience, lawyers) SELECT ${appointable}, ${juvenile}, COUNT(*) FROM lawyers
            WHERE (active = true AND suspended = false) = ${appointable} AND juvenile_experience = ${juvenile}`,
        );
    for (const index of INDEXES) await q.createIndex('lawyers', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('lawyers', index.name!);
    await q.dropTable('lawyer_pool_classes');
  }
}
