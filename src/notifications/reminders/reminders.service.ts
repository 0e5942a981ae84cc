import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Transactions } from '../../database/transactions';
import { JobLeaseService } from '../../jobs/job-lease.service';
import { ReminderWindow, reminderWindow } from '../domain/reminder-window';
import { NotificationsService } from '../notifications.service';
import { ReminderKind, ReminderRegistry } from './reminder-registry';

/** Longer than a reminder run takes; only matters when an instance dies mid-run. */
const RUN_LEASE_MS = 10 * 60_000;

export interface ReminderRun {
  /** False when another run of this job (on any instance) held the lease. */
  ran: boolean;
  reminders: number;
}

/**
 * The reminder jobs: shifts the evening before (SHIFT_REMINDER_CRON), Art 12 deadlines
 * the day before and overdue Art 13 file readings to the center (DEADLINE_REMINDER_CRON), in the court's time zone. Every instance
 * schedules them; the job lease lets one run at a time and the outbox keys drop repeats.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly registry: ReminderRegistry,
    private readonly notifications: NotificationsService,
    private readonly leases: JobLeaseService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const schedules: Array<[ReminderKind, string]> = [
      ['shift', this.config.mail.shiftReminderCron],
      ['deadline', this.config.mail.deadlineReminderCron],
      ['file_reading_overdue', this.config.mail.deadlineReminderCron],
    ];
    for (const [kind, cronTime] of schedules) {
      const job = CronJob.from({
        cronTime,
        timeZone: this.config.courtTimezone,
        onTick: async () => {
          await this.run(kind).catch((err: unknown) => this.logger.error({ err }, `${kind} reminders failed`));
        },
      });
      // ScheduleModule stops the jobs it has registered when the application shuts down.
      this.scheduler.addCronJob(`reminders:${kind}`, job);
      job.start();
    }
  }

  /** Queues every reminder the sources of `kind` report for now … end of tomorrow. */
  async run(kind: ReminderKind): Promise<ReminderRun> {
    const outcome = await this.leases.runExclusive(`reminders:${kind}`, RUN_LEASE_MS, () => this.queue(kind));
    return outcome.ran ? { ran: true, reminders: outcome.result } : { ran: false, reminders: 0 };
  }

  private queue(kind: ReminderKind): Promise<number> {
    const window = reminderWindow(this.clock.now(), this.config.courtTimezone);
    switch (kind) {
      case 'shift':
        return this.collect(this.registry.of('shift'), window, (m, r) => this.notifications.shiftReminder(m, r));
      case 'deadline':
        return this.collect(this.registry.of('deadline'), window, (m, r) => this.notifications.deadlineReminder(m, r));
      case 'file_reading_overdue':
        return this.collect(this.registry.of('file_reading_overdue'), window, (m, r) => this.notifications.fileReadingOverdue(m, r));
    }
  }

  private async collect<R>(
    sources: Array<{ dueReminders(window: ReminderWindow): Promise<R[]> }>,
    window: ReminderWindow,
    queue: (m: EntityManager, reminder: R) => Promise<void>,
  ): Promise<number> {
    const due = (await Promise.all(sources.map((s) => s.dueReminders(window)))).flat();
    await this.tx.run(async (m) => {
      for (const reminder of due) await queue(m, reminder);
    });
    return due.length;
  }
}
