import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MailAttachment } from '../outbox-mail.entity';
import { isOvernight } from './format';
import type { ShiftSlot } from './mail-types';

export interface CalendarEvent {
  /** Stable per shift / hearing, so a calendar updates the event instead of adding another. */
  uid: string;
  start: DateTime;
  end?: DateTime;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  /** Bumped on every change (RFC 5545 SEQUENCE), so the calendar takes the newer version. */
  sequence?: number;
  /** STATUS:CANCELLED: the calendar strikes the event it already has. */
  cancelled?: boolean;
}

/** A shift's start and end as zoned times (luxon, so ical-generator never falls back to the server's zone). */
export function shiftTimes(slot: ShiftSlot, timezone: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromISO(`${slot.date}T${slot.start}`, { zone: timezone });
  const endDay = DateTime.fromISO(`${slot.date}T${slot.end}`, { zone: timezone });
  return { start, end: isOvernight(slot) ? endDay.plus({ days: 1 }) : endDay };
}

/**
 * An .ics attachment: events in the court's zone with its VTIMEZONE, so calendars show the
 * court's wall-clock time wherever the reader is. The calendar itself is given no zone name
 * on purpose: ical-generator would then also write DTSTAMP as local time, which must be UTC.
 */
export function calendarAttachment(filename: string, events: CalendarEvent[], timezone: string, now: Date): MailAttachment {
  const cal = ical({ prodId: { company: 'duty-lawyer', product: 'notifications', language: 'ZH' }, method: ICalCalendarMethod.PUBLISH });
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      start: e.start.setZone(timezone),
      end: e.end?.setZone(timezone),
      timezone,
      stamp: now,
      summary: e.summary,
      location: e.location,
      description: e.description,
      url: e.url,
      sequence: e.sequence,
      status: e.cancelled ? ICalEventStatus.CANCELLED : undefined,
    });
  }
  return { filename, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: `${cal.toString()}\r\n` }; // RFC 5545 §3.1: the last line ends with CRLF too
}
