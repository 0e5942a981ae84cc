import { DataSource, Table, TableIndex } from 'typeorm';
import type { EntityMetadata } from 'typeorm';
import type { IndexMetadata } from 'typeorm/metadata/IndexMetadata';
import { startApp, TestApp } from './helpers/app';

/** An index by what it does, not its name: unique or not, its columns in order, its condition. */
function indexKey(unique: boolean, columns: readonly string[], where: string | undefined): string {
  const condition = (where ?? '').replace(/["`\s()]/g, '').toLowerCase();
  return `${unique ? 'unique ' : ''}(${columns.join(', ')})${condition ? ` where ${condition}` : ''}`;
}

/** A default as the database applies it: `(false)`, `'false'` and `false` are one, and so are a boolean's 0 and false. */
function sameDefault(value: unknown, type: string): string {
  if (value === undefined || value === null) return '';
  const text = String(value)
    .replace(/^[('"\s]+|[)'"\s]+$/g, '')
    .toLowerCase();
  return type === 'boolean' ? ({ '0': 'false', '1': 'true' }[text] ?? text) : text;
}

const entityIndexes = (em: EntityMetadata) =>
  em.indices.map((i: IndexMetadata) =>
    indexKey(
      i.isUnique,
      i.columns.map((c) => c.databaseName),
      i.where,
    ),
  );

const tableIndexes = (table: Table) => [
  ...table.indices.map((i: TableIndex) => indexKey(!!i.isUnique, i.columnNames, i.where)),
  ...table.uniques.map((u) => indexKey(true, u.columnNames, undefined)),
];

/**
 * Entities and migrations agree (issue 14): the schema the migrations built (read back from the
 * database) is compared with the entity metadata — every table, every column with its type,
 * length, nullability and default, no column the entity does not know, and indexes only on
 * the entity's columns. Runs on SQLite and, under
 * scripts/with-postgres.sh, on PostgreSQL. Foreign keys live in the migrations only (the
 * entities declare no relations), so they are not compared.
 */
describe('schema drift: migrations vs entities (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const each = async (check: (em: EntityMetadata, table: Table) => unknown) => {
    const qr = ds.createQueryRunner();
    try {
      const out: Record<string, unknown> = {};
      for (const em of ds.entityMetadatas) {
        const table = await qr.getTable(em.tablePath);
        if (!table) out[em.tableName] = 'no such table';
        else {
          const found = check(em, table);
          if (Array.isArray(found) ? found.length : found) out[em.tableName] = found;
        }
      }
      return out;
    } finally {
      await qr.release();
    }
  };

  it('has entities to compare', () => {
    expect(ds.entityMetadatas.length).toBeGreaterThan(20);
  });

  it('every column has the type, length, nullability and default its entity says', async () => {
    const found = await each((em, table) =>
      em.columns.flatMap((c) => {
        const db = table.findColumnByName(c.databaseName);
        if (!db) return [];
        const entity = {
          type: ds.driver.normalizeType(c).toLowerCase(),
          length: String(ds.driver.getColumnLength(c) || ''),
          nullable: c.isNullable,
          default: sameDefault(ds.driver.normalizeDefault(c), ds.driver.normalizeType(c).toLowerCase()),
        };
        const database = {
          type: db.type.toLowerCase(),
          length: String(db.length || ''),
          nullable: db.isNullable,
          default: sameDefault(db.default, db.type.toLowerCase()),
        };
        return JSON.stringify(entity) === JSON.stringify(database) ? [] : [{ column: c.databaseName, entity, database }];
      }),
    );
    expect(found).toEqual({});
  });

  it('no column the entity lacks, none missing', async () => {
    const found = await each((em, table) => {
      const known = new Set(em.columns.map((c) => c.databaseName));
      const columns = new Set(table.columns.map((c) => c.name));
      return [
        ...table.columns.filter((c) => !known.has(c.name)).map((c) => `extra ${c.name}`),
        ...[...known].filter((c) => !columns.has(c)).map((c) => `missing ${c}`),
      ];
    });
    expect(found).toEqual({});
  });

  // The migrations are where indexes are declared (the entities declare none: synchronize is
  // off), so an index is checked against the entity's columns, and an index an entity does
  // declare must exist.
  it('every index is on columns the entity has; every index an entity declares exists', async () => {
    const found = await each((em, table) => {
      const known = new Set(em.columns.map((c) => c.databaseName));
      const inTable = new Set(tableIndexes(table));
      return [
        ...[...table.indices, ...table.uniques]
          .filter((i) => i.columnNames.some((c) => !known.has(c)))
          .map((i) => `on a column the entity lacks: ${i.name} (${i.columnNames.join(', ')})`),
        ...entityIndexes(em)
          .filter((i) => !inTable.has(i))
          .map((i) => `declared by the entity, not in the database: ${i}`),
      ];
    });
    expect(found).toEqual({});
  });
});
