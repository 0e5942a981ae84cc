import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction.
 *
 * TypeORM reaches SQLite through one better-sqlite3 connection and one shared query
 * runner: two overlapping `dataSource.transaction()` calls would nest as savepoints of
 * one another and commit or roll back together. So on SQLite transactions queue behind
 * each other in this process (a promise chain); on PostgreSQL each gets its own pooled
 * connection and races are settled by conditional updates and unique keys.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
