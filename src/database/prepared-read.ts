import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** A row as the drivers answer it (SQLite gives 0/1 where PostgreSQL gives a boolean). */
export type ReadRow = Record<string, string | number | boolean | null>;
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: ReadRow[] }>;
}

/**
 * A read statement of a hot path (on-duty, the feeds' validity check), with `:named`
 * parameters. On PostgreSQL it runs as a named prepared statement straight on the pool, so
 * each connection parses and plans it once instead of on every request; better-sqlite3
 * already keeps TypeORM's statements prepared, so SQLite goes through TypeORM as before.
 */
export class PreparedRead {
  private readonly pool: PgPool | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly name: string,
    private readonly sql: string,
  ) {
    this.pool = dataSource.options.type === 'postgres' ? (dataSource.driver as unknown as { master: PgPool }).master : null;
  }

  async rows(params: Record<string, string>): Promise<ReadRow[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(this.sql, params);
    if (!this.pool) return (await this.dataSource.query(text, values)) as ReadRow[];
    return (await this.pool.query({ name: this.name, text, values: values as unknown[] })).rows;
  }
}

/**
 * A statement run through `m` (its transaction, when it has one). On PostgreSQL it is a named
 * prepared statement, parsed and planned once per connection: pg's client.query takes a
 * QueryConfig where TypeORM hands over the text, and the name is the text's hash, so the same
 * text finds its statement on any connection. Only for statements whose generic plan is as
 * good as a custom one, and whose texts are few.
 */
export function keptQuery<T>(m: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  if (m.connection.options.type !== 'postgres') return m.query(text, values);
  const name = `kept_${createHash('sha1').update(text).digest('base64url')}`;
  return m.query({ name, text } as unknown as string, values);
}
