import { DateTime } from 'luxon';

export interface ReminderWindow {
  from: Date;
  to: Date;
}

/**
 * The events a reminder run covers: from now to the end of tomorrow in the court's time
 * zone. Run in the evening that is "tomorrow's shifts"; the overlap with the previous run
 * also catches up a run an outage missed, and the outbox's idempotency key (one key per
 * shift / deadline and lawyer) keeps a reminder from going out twice.
 */
export function reminderWindow(now: Date, timezone: string): ReminderWindow {
  const to = DateTime.fromJSDate(now, { zone: timezone }).startOf('day').plus({ days: 2 });
  return { from: now, to: to.toJSDate() };
}
