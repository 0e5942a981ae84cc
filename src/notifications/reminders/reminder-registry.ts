import { Injectable } from '@nestjs/common';
import type { ReminderWindow } from '../domain/reminder-window';
import type { DeadlineReminderMail, FileReadingOverdueMail, ShiftReminderMail } from '../templates/mail-types';

/**
 * A module that owns shifts or lawyer deadlines tells the reminder jobs what is due:
 *
 *   @Injectable() class ShiftReminders implements ShiftReminderSource, OnModuleInit {
 *     readonly kind = 'shift';
 *     constructor(private readonly registry: ReminderRegistry) {}
 *     onModuleInit() { this.registry.register(this); }
 *     dueReminders(window) { …published shifts starting in [window.from, window.to)… }
 *   }
 *
 * A source returns everything in the window every time; the outbox's idempotency key
 * (reminder:shift:<shiftId>:<lawyerId>) makes sure each reminder goes out once.
 */
export interface ShiftReminderSource {
  readonly kind: 'shift';
  /** Shifts that start inside the window. */
  dueReminders(window: ReminderWindow): Promise<ShiftReminderMail[]>;
}

export interface DeadlineReminderSource {
  readonly kind: 'deadline';
  /** Open Art 12 duties whose due date (its local midnight) falls inside the window. */
  dueReminders(window: ReminderWindow): Promise<DeadlineReminderMail[]>;
}

/** For the center's mailbox: file readings past their Art 13 date and still not arranged (run with the deadline job). */
export interface FileReadingOverdueSource {
  readonly kind: 'file_reading_overdue';
  dueReminders(window: ReminderWindow): Promise<FileReadingOverdueMail[]>;
}

export type ReminderSource = ShiftReminderSource | DeadlineReminderSource | FileReadingOverdueSource;
export type ReminderKind = ReminderSource['kind'];

/** Every registered source; multi-registration without a Nest multi-provider, which Nest lacks. */
@Injectable()
export class ReminderRegistry {
  private readonly sources: ReminderSource[] = [];

  register(source: ReminderSource): void {
    this.sources.push(source);
  }

  of<K extends ReminderKind>(kind: K): Array<Extract<ReminderSource, { kind: K }>> {
    return this.sources.filter((s): s is Extract<ReminderSource, { kind: K }> => s.kind === kind);
  }
}
