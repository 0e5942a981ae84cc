import type { DataSource } from 'typeorm';

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
