import type { ReminderWindow } from '../../src/notifications/domain/reminder-window';
import type { DeadlineReminderSource, ShiftReminderSource } from '../../src/notifications/reminders/reminder-registry';
import type { DeadlineReminderMail, ShiftReminderMail } from '../../src/notifications/templates/mail-types';

/**
 * Reminder sources over a fixed list, registered through ReminderRegistry.register exactly
 * as the stations and cases modules register theirs. `gate` holds a run open, to test
 * that a second run meanwhile is turned away by the job lease.
 */
abstract class ListSource<R> {
  readonly windows: ReminderWindow[] = [];
  gate: Promise<void> = Promise.resolve();

  constructor(private readonly items: Array<{ at: Date; reminder: R }>) {}

  async dueReminders(window: ReminderWindow): Promise<R[]> {
    this.windows.push(window);
    await this.gate;
    return this.items.filter((i) => i.at >= window.from && i.at < window.to).map((i) => i.reminder);
  }
}

export class ListShiftSource extends ListSource<ShiftReminderMail> implements ShiftReminderSource {
  readonly kind = 'shift' as const;
}

export class ListDeadlineSource extends ListSource<DeadlineReminderMail> implements DeadlineReminderSource {
  readonly kind = 'deadline' as const;
}
