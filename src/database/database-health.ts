import { Injectable } from '@nestjs/common';

/**
 * Whether the last write reached the database. After a storage fault (disk full, I/O error,
 * read-only file) health stays down until a real write commits again: a probe such as
 * `SELECT 1`, or a one-row write, can pass while a 40-row import still fails.
 */
@Injectable()
export class DatabaseHealth {
  private fault: { code: string; since: Date } | null = null;

  get lastFault(): { code: string; since: Date } | null {
    return this.fault;
  }

  writeFailed(code: string): void {
    this.fault ??= { code, since: new Date() };
  }

  writeSucceeded(): void {
    this.fault = null;
  }
}
