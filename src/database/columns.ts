import { randomUUID } from 'node:crypto';
import { Column, ColumnOptions, DataSource, EntityManager, EntityTarget, InsertResult, ObjectLiteral, PrimaryColumn } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Portable column shapes, so that one set of migrations serves SQLite and PostgreSQL:
 * ids are UUID strings made by the app (no AUTOINCREMENT vs SERIAL), instants are
 * ISO-8601 UTC strings with milliseconds (`2026-10-10T01:00:00.000Z`, which sort as text),
 * local dates are `YYYY-MM-DD`, JSON is text.
 */
export const newId = (): string => randomUUID();

export const IdColumn = (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 });

export const RefColumn = (options: ColumnOptions = {}): PropertyDecorator => Column({ type: 'varchar', length: 36, ...options });

export const InstantColumn = (options: ColumnOptions = {}): PropertyDecorator => Column({ type: 'varchar', length: 30, ...options });

export const LocalDateColumn = (options: ColumnOptions = {}): PropertyDecorator => Column({ type: 'varchar', length: 10, ...options });

export const JsonColumn = (options: ColumnOptions = {}): PropertyDecorator => Column({ type: 'simple-json', ...options });

/** Instants as stored: always `toISOString()` so text order is time order. */
export const iso = (d: Date): string => d.toISOString();

/**
 * Inserts one or more complete rows. TypeORM's insert() types JSON columns as deep partials,
 * which `unknown`/Record-typed JSON does not satisfy; the entity type is the real check here.
 * No read-back into the objects: complete rows need none, and on SQLite TypeORM re-selects a
 * multi-row insert without ORDER BY and merges the rows back by position, which handed the
 * shifts of a generated roster each other's ids.
 */
export function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: T | T[]): Promise<InsertResult> {
  return manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(rows as QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[])
    .updateEntity(false)
    .execute();
}

let lastMs = 0;
let counter = 0;

/**
 * A UUID-shaped id that sorts in creation order within this process, even when the
 * injected clock stands still: 48-bit time, 32-bit counter, 48 random bits.
 * For append-only logs read back in order (audit trail, ledger entries).
 */
export function sortableId(now: Date): string {
  const ms = Math.max(now.getTime(), lastMs);
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  const hex = ms.toString(16).padStart(12, '0') + counter.toString(16).padStart(8, '0') + randomUUID().replace(/-/g, '').slice(0, 12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A hand-written SQL query with `:named` parameters, translated into each driver's
 * placeholders (`?` for SQLite, `$1` for PostgreSQL) so one text serves both databases.
 */
export function queryNamed<T = Record<string, unknown>>(
  dataSource: DataSource,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<T[]> {
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  return dataSource.query(query, values);
}

/** SQLite and PostgreSQL both take far more bound parameters; IN lists and bulk inserts stay well below. */
export const chunks = <T>(items: readonly T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
