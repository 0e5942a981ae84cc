/**
 * BENCH_EXPLAIN=1: every statement of one pick, each timed on its own (median of a few runs)
 * with its plan (PostgreSQL: EXPLAIN (ANALYZE, BUFFERS); SQLite: EXPLAIN QUERY PLAN), to find
 * the ones that grow with the pool.
 */
import { performance } from 'node:perf_hooks';
import type { DataSource, Logger } from 'typeorm';

const RUNS = 9;

/** A TypeORM logger that records the statements run while `on`. */
export class StatementLog implements Logger {
  on = false;
  readonly statements: { sql: string; params: unknown[] }[] = [];
  logQuery(sql: string | { text: string }, params?: unknown[]): void {
    // A statement PostgreSQL keeps planned comes as pg's QueryConfig (PoolQuery.run).
    if (this.on) this.statements.push({ sql: typeof sql === 'string' ? sql : sql.text, params: params ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** The statements `work` runs. */
export async function countStatements(log: StatementLog, work: () => Promise<unknown>): Promise<number> {
  log.statements.length = 0;
  log.on = true;
  try {
    await work();
  } finally {
    log.on = false;
  }
  return log.statements.length;
}

export async function explainOne(ds: DataSource, log: StatementLog, work: () => Promise<unknown>): Promise<string[]> {
  await countStatements(log, work);
  const pg = ds.options.type === 'postgres';
  const out = [`  explain   one pick: ${log.statements.length} statements`];
  for (const [i, { sql, params }] of log.statements.entries()) {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await ds.query(sql, params);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const plan: Record<string, string>[] = await ds.query(`${pg ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN QUERY PLAN'} ${sql}`, params);
    out.push(
      `  [${i + 1}] ${times[Math.floor(RUNS / 2)].toFixed(2)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 400)}`,
      ...plan.map((row) => `        ${pg ? row['QUERY PLAN'] : row.detail}`),
    );
  }
  return out;
}
