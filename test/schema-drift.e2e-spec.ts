import { DataSource } from 'typeorm';
import { startApp, TestApp } from './helpers/app';

/**
 * Entities and migrations agree (issue 14): the schema the migrations built is compared with
 * what the entity metadata describes (tables, columns, types, nullability, defaults, indexes,
 * unique constraints, foreign keys) by TypeORM's own schema builder — the statements
 * `synchronize` would run. None may be left: a column added to an entity without a migration,
 * or a migration that types a column otherwise than its entity, fails here. Runs on SQLite and,
 * under scripts/with-postgres.sh, on PostgreSQL.
 */
describe('schema drift: migrations vs entities (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('the migrated schema is what the entities describe', async () => {
    const ds = t.app.get(DataSource);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
