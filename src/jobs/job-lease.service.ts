import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { JobLease } from './job-lease.entity';

export type ExclusiveRun<T> = { ran: true; result: T } | { ran: false };

/**
 * Keeps a scheduled job on one instance at a time. Every instance's cron fires; each run
 * tries to take the job's row in `job_leases` with one conditional UPDATE (the row is
 * created first with INSERT … ON CONFLICT DO NOTHING / INSERT OR IGNORE, which both
 * databases accept), and only the run whose UPDATE changed the row goes ahead. The lease
 * ends when the run finishes, or after `ttlMs` if its instance died mid-run.
 */
@Injectable()
export class JobLeaseService {
  constructor(
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  async runExclusive<T>(name: string, ttlMs: number, fn: () => Promise<T>): Promise<ExclusiveRun<T>> {
    const holder = newId();
    if (!(await this.acquire(name, holder, ttlMs))) return { ran: false };
    try {
      return { ran: true, result: await fn() };
    } finally {
      await this.release(name, holder);
    }
  }

  private acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(JobLease)
        .values({ name, holder: null, leaseUntil: iso(new Date(0)) })
        .orIgnore()
        .execute();
      const taken = await m
        .createQueryBuilder()
        .update(JobLease)
        .set({ holder, leaseUntil: iso(new Date(now.getTime() + ttlMs)) })
        .where('name = :name AND lease_until <= :now', { name, now: iso(now) })
        .execute();
      return taken.affected === 1;
    });
  }

  private async release(name: string, holder: string): Promise<void> {
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(JobLease)
        .set({ holder: null, leaseUntil: iso(this.clock.now()) })
        .where('name = :name AND holder = :holder', { name, holder })
        .execute(),
    );
  }
}
