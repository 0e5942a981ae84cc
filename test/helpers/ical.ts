/**
 * Parses a feed the way a calendar client does, with ical.js (1.5, CommonJS, untyped):
 * timed events resolve their TZID only against the feed's own VTIMEZONE blocks, so a
 * missing or wrong VTIMEZONE shows up as a wrong instant rather than the test machine's zone.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

export interface ParsedEvent {
  uid: string;
  summary: string;
  location: string | null;
  description: string;
  sequence: number;
  status: string | null;
  allDay: boolean;
  /** Timed: the instant as UTC ISO; all-day: YYYY-MM-DD. */
  start: string;
  end: string;
  /** The raw DTSTART line's TZID parameter, if any. */
  tzid: string | null;
  dtstamp: string;
}

export interface ParsedFeed {
  name: string;
  refreshInterval: string | null;
  publishedTtl: string | null;
  timezones: string[];
  events: ParsedEvent[];
}

interface IcalTime {
  isDate: boolean;
  toJSDate(): Date;
  toString(): string;
}

const when = (t: IcalTime): string => (t.isDate ? t.toString() : t.toJSDate().toISOString());

/**
 * RFC 5545 §3.1 on the raw text: every content line ends with CRLF, the last one included; no
 * bare LF or CR. ical.js reads sloppy line ends without complaint, so this is checked first.
 */
export function assertCrlfLines(text: string): void {
  if (!text.endsWith('\r\n')) throw new Error(`the last line does not end with CRLF: ${JSON.stringify(text.slice(-20))}`);
  const bare = /\r(?!\n)|(?<!\r)\n/.exec(text);
  if (bare)
    throw new Error(`bare line break at offset ${bare.index}: ${JSON.stringify(text.slice(Math.max(0, bare.index - 20), bare.index + 2))}`);
}

export function parseFeed(text: string): ParsedFeed {
  assertCrlfLines(text);
  const cal = new ICAL.Component(ICAL.parse(text));
  const timezones: string[] = [];
  for (const vtz of cal.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtz);
    timezones.push(vtz.getFirstPropertyValue('tzid'));
  }
  try {
    const events = cal
      .getAllSubcomponents('vevent')
      .map(
        (v: {
          getFirstProperty(n: string): { getParameter(p: string): string | undefined; toICALString(): string } | null;
          getFirstPropertyValue(n: string): unknown;
        }) => {
          const e = new ICAL.Event(v);
          const tzid = v.getFirstProperty('dtstart')?.getParameter('tzid') ?? null;
          if (tzid && !timezones.includes(tzid)) throw new Error(`TZID ${tzid} has no VTIMEZONE in the feed`);
          const stampLine = v.getFirstProperty('dtstamp')!.toICALString();
          return {
            uid: e.uid,
            summary: e.summary,
            location: e.location ?? null,
            description: e.description,
            sequence: e.sequence,
            status: (v.getFirstPropertyValue('status') as string | null) ?? null,
            allDay: e.startDate.isDate,
            start: when(e.startDate),
            end: when(e.endDate),
            tzid,
            dtstamp: stampLine.slice('DTSTAMP:'.length),
          } satisfies ParsedEvent;
        },
      );
    return {
      name: cal.getFirstPropertyValue('x-wr-calname'),
      refreshInterval: cal.getFirstProperty('refresh-interval')?.getFirstValue()?.toString() ?? null,
      publishedTtl: cal.getFirstPropertyValue('x-published-ttl'),
      timezones,
      events,
    };
  } finally {
    for (const tz of timezones) ICAL.TimezoneService.remove(tz);
  }
}
