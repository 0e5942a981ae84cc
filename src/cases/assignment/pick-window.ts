import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { instantAt, LocalDate, localDateOf } from '../../common/local-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { iso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { JobLeaseService } from '../../jobs/job-lease.service';
import { recountWindow, shiftWindow } from '../../lawyers/lawyer-claims';
import { DateRange, rollingWindow } from './domain/pick';
import { PickWindowState } from './pick-window.entity';

const STATE = 'rolling';
/** Just after midnight in the court's zone, when a day of history leaves the window. */
const ROLL_CRON = '0 1 0 * * *';
const ROLL_LEASE_MS = 10 * 60_000;

/**
 * The per-lawyer window counter (`lawyers.window_count`): the number of the lawyer's
 * assignments (every status: ended ones still count, as the rotation always did) appointed
 * on or after `pick_window.counts_from`, the first local date of the rolling window.
 * +1 comes with the claim (claimLawyer in src/lawyers/lawyer-claims.ts); what leaves the window is taken
 * off by `ensure`, which the daily job runs under the job lease and every pick runs first
 * (a no-op read when the job already rolled), so a late or missed job never skews a pick.
 * Rolling moves `counts_from` with a conditional UPDATE first: that row lock orders
 * concurrent rolls (the loser re-reads), and no transaction takes it after a lawyer row.
 */
@Injectable()
export class PickWindow implements OnApplicationBootstrap {
  private readonly logger = new Logger(PickWindow.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tx: Transactions,
    private readonly leases: JobLeaseService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: ROLL_CRON,
      timeZone: this.config.courtTimezone,
      onTick: async () => {
        await this.roll().catch((err: unknown) => this.logger.error({ err }, 'pick window roll failed'));
      },
    });
    this.scheduler.addCronJob('pick-window:roll', job);
    job.start();
  }

  /** The window of a pick made at `now`. */
  windowAt(now: Date): DateRange {
    return rollingWindow(localDateOf(now, this.config.courtTimezone), this.config.assignment.windowDays);
  }

  /** The daily job: false when another instance held the lease. */
  async roll(): Promise<boolean> {
    const run = await this.leases.runExclusive('pick-window:roll', ROLL_LEASE_MS, () =>
      this.tx.run((m) => this.ensure(m, this.windowAt(this.clock.now()).from)),
    );
    return run.ran;
  }

  /** Makes the counters count from `from` (inside the caller's transaction). */
  async ensure(m: EntityManager, from: LocalDate): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const state = await m.findOneByOrFail(PickWindowState, { name: STATE });
      if (state.countsFrom === from) return;
      const claim = m.createQueryBuilder().update(PickWindowState).set({ countsFrom: from }).where('name = :name', { name: STATE });
      if (state.countsFrom === null) claim.andWhere('counts_from IS NULL');
      else claim.andWhere('counts_from = :was', { was: state.countsFrom });
      if ((await claim.execute()).affected !== 1) continue; // a concurrent roll moved it: look again
      if (state.countsFrom === null) await this.rebuild(m, from);
      else if (state.countsFrom < from) await this.shift(m, state.countsFrom, from, -1);
      else await this.shift(m, from, state.countsFrom, +1);
      return;
    }
    throw new Error('pick window: could not settle counts_from');
  }

  private instant(date: LocalDate): string {
    return iso(instantAt(date, '00:00', this.config.courtTimezone));
  }

  /** Every counter from the history (first use, after the migration). */
  private rebuild(m: EntityManager, from: LocalDate): Promise<void> {
    return recountWindow(m, this.instant(from));
  }

  /** Adds (`sign` +1) or takes off (−1) the appointments of the local dates [lo, hi). */
  private shift(m: EntityManager, lo: LocalDate, hi: LocalDate, sign: 1 | -1): Promise<void> {
    return shiftWindow(m, this.instant(lo), this.instant(hi), sign);
  }
}
