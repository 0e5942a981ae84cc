import { Injectable } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { conflict } from '../common/errors';
import { DatabaseHealth } from './database-health';
import { classifyDbError } from '../common/db-errors';

/** A transaction that deadlocked or failed serialization is run again this many times in all, then 409. */
const MAX_ATTEMPTS = 4;

export interface RunOptions {
  /**
   * A unique violation (a concurrent request inserted the same key first) runs the work
   * again, so its own checks answer with the domain code (ALREADY_CHECKED_IN…) or an upsert
   * updates the row the other inserted, instead of a generic CONSTRAINT_VIOLATION.
   */
  retryUniqueViolation?: boolean;
}

interface SqliteHandle {
  inTransaction: boolean;
  exec(sql: string): unknown;
  prepare(sql: string): { pluck(): { get(): unknown } };
}
interface SharedRunner {
  isTransactionActive: boolean;
  transactionDepth: number;
}

/**
 * Runs a unit of work in one database transaction: the one path by which the app writes.
 *
 * TypeORM reaches SQLite through one better-sqlite3 connection and one shared query
 * runner: two overlapping `dataSource.transaction()` calls would nest as savepoints of
 * one another and commit or roll back together. So on SQLite transactions queue behind
 * each other in this process (a promise chain); on PostgreSQL each gets its own pooled
 * connection and races are settled by conditional updates and unique keys; a deadlock or
 * serialization failure runs the work again (it only touches the database through its
 * manager), a bounded number of times, then answers 409.
 *
 * Storage faults: SQLite may roll a transaction back by itself on SQLITE_FULL or an I/O
 * error; TypeORM's ROLLBACK then fails and its shared runner stays "in a transaction", so
 * every later transaction became a SAVEPOINT of a dead one. After any failure the runner
 * is put back in step with the connection. A fault marks `DatabaseHealth` down until a
 * transaction that changed rows commits.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: DatabaseHealth = new DatabaseHealth(),
  ) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>, options: RunOptions = {}): Promise<T> {
    if (!this.isSqlite) return this.withRetries(work, options);
    const result = this.tail.then(() => this.sqliteOnce(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async withRetries<T>(work: (manager: EntityManager) => Promise<T>, options: RunOptions): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.dataSource.transaction(work);
        this.health.writeSucceeded();
        return result;
      } catch (err) {
        const failure = classifyDbError(err);
        if (failure?.kind === 'unavailable' && failure.io) this.health.writeFailed(failure.code);
        const again =
          failure?.kind === 'retry' ||
          (options.retryUniqueViolation === true && failure?.kind === 'constraint' && failure.code === '23505');
        if (!again) throw err;
        if (attempt >= MAX_ATTEMPTS) {
          if (failure.kind === 'constraint') throw err;
          throw conflict('TRANSACTION_CONFLICT', 'a concurrent request changed the same records; try again');
        }
        await delay(5 + Math.random() * 20 * attempt); // jitter, so the colliding transactions do not meet again
      }
    }
  }

  private async sqliteOnce<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const db = this.sqlite();
    const changesBefore = db ? Number(db.prepare('SELECT total_changes()').pluck().get()) : 0;
    try {
      const result = await this.dataSource.transaction(work);
      if (!db || Number(db.prepare('SELECT total_changes()').pluck().get()) > changesBefore) this.health.writeSucceeded();
      return result;
    } catch (err) {
      const failure = classifyDbError(err);
      if (failure?.kind === 'unavailable' && failure.io) this.health.writeFailed(failure.code);
      this.resyncSqlite(db);
      throw err;
    }
  }

  /** No transaction is left open on the connection, and TypeORM's runner knows it. */
  private resyncSqlite(db: SqliteHandle | null): void {
    if (!db) return;
    if (db.inTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // still open only if the file is gone; the next transaction fails and comes here again
      }
    }
    const runner = (this.dataSource.driver as unknown as { queryRunner?: SharedRunner }).queryRunner;
    if (runner && !db.inTransaction) {
      runner.isTransactionActive = false;
      runner.transactionDepth = 0;
    }
  }

  private sqlite(): SqliteHandle | null {
    const handle = (this.dataSource.driver as unknown as { databaseConnection?: SqliteHandle }).databaseConnection;
    return handle && typeof handle.prepare === 'function' ? handle : null;
  }
}
