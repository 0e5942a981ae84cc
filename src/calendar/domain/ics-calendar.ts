import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import type { FeedEvent } from './feed-events';

/** Subscribed clients poll about hourly (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const REFRESH_SECONDS = 3600;

export interface FeedHeader {
  name: string;
  description: string;
}

/**
 * Writes events as RFC 5545 text. Timed events carry TZID of their station or court with a
 * VTIMEZONE block, built from zoned luxon DateTimes: a plain Date would be read in the
 * server's own zone. The calendar itself gets no zone name, because ical-generator then
 * writes DTSTAMP and LAST-MODIFIED in that zone without `Z`, and RFC 5545 requires UTC there.
 */
export function writeIcs(header: FeedHeader, events: FeedEvent[]): string {
  const cal = new ICalCalendar({
    prodId: { company: 'Legal Aid', product: 'Duty Lawyer', language: 'ZH' },
    name: header.name,
    description: header.description,
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const e of events) {
    const stamp = DateTime.fromISO(e.stamp, { zone: 'utc' });
    const common = {
      id: e.uid,
      sequence: e.sequence,
      stamp,
      lastModified: stamp,
      summary: e.summary,
      location: e.location,
      description: e.description,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: e.busy ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      busystatus: e.busy ? ICalEventBusyStatus.BUSY : ICalEventBusyStatus.FREE,
      timezone: e.when.timezone,
    };
    if (e.when.allDay) {
      const day = DateTime.fromISO(e.when.date, { zone: e.when.timezone });
      cal.createEvent({ ...common, allDay: true, start: day, end: day.plus({ days: 1 }) });
    } else {
      cal.createEvent({
        ...common,
        start: DateTime.fromISO(e.when.start, { zone: 'utc' }).setZone(e.when.timezone),
        end: DateTime.fromISO(e.when.end, { zone: 'utc' }).setZone(e.when.timezone),
      });
    }
  }
  return cal.toString();
}
