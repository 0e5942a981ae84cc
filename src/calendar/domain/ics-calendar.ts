import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalCalendarMethod, ICalEvent, ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import type { FeedEvent } from './feed-events';

/** Subscribed clients poll about hourly (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const REFRESH_SECONDS = 3600;

export interface FeedHeader {
  name: string;
  description: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space) without splitting a
 * UTF-8 sequence. ical-generator folds too, but allocates a TextEncoder per character, which
 * was most of the build time of a year-long feed.
 */
export function foldLines(text: string): string {
  return text
    .split(CRLF)
    .map((line) => {
      if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
      let out = '';
      let octets = 0;
      for (const char of line) {
        const cp = char.codePointAt(0)!;
        const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (octets + size > MAX_OCTETS) {
          out += `${CRLF} `;
          octets = 1;
        }
        out += char;
        octets += size;
      }
      return out;
    })
    .join(CRLF);
}

/**
 * Writes events as RFC 5545 text with ical-generator: calendar properties, one VTIMEZONE per
 * zone used, then the events. Timed events carry the TZID of their station or court and are
 * built from zoned luxon DateTimes: a plain Date would be read in the server's own zone. The
 * calendar itself gets no zone name, because ical-generator then writes DTSTAMP and
 * LAST-MODIFIED in that zone without `Z`, and RFC 5545 requires UTC there.
 */
export function writeIcs(header: FeedHeader, events: FeedEvent[]): string {
  const cal = new ICalCalendar({
    prodId: { company: 'Legal Aid', product: 'Duty Lawyer', language: 'ZH' },
    name: header.name,
    description: header.description,
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  const [properties] = cal.toString().split(`END:VCALENDAR`);
  const zones = [...new Set(events.map((e) => e.when.timezone))].sort();
  const body = [...zones.map((tz) => getVtimezoneComponent(tz) ?? ''), ...events.map((e) => writeEvent(cal, e).toString())]
    .map((block) => block.replace(/\r?\n/g, CRLF).trim())
    .filter((block) => block !== '')
    .join(CRLF);
  // §3.1: every content line ends with CRLF, the last one included.
  return `${properties}${foldLines(body)}${CRLF}END:VCALENDAR${CRLF}`;
}

/** Stored instants are `toISOString()` output: Date.parse reads them far faster than luxon's ISO parser. */
const zoned = (instant: string, zone: string): DateTime => DateTime.fromMillis(Date.parse(instant), { zone });

function writeEvent(cal: ICalCalendar, e: FeedEvent): ICalEvent {
  const stamp = zoned(e.stamp, 'utc');
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
    return cal.createEvent({ ...common, allDay: true, start: day, end: day.plus({ days: 1 }) });
  }
  return cal.createEvent({
    ...common,
    start: zoned(e.when.start, e.when.timezone),
    end: zoned(e.when.end, e.when.timezone),
  });
}
