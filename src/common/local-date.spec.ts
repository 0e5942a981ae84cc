import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, daysBetween, eachDate, instantAt, isLocalDate, localDateOf, toZonedIso, weekday } from './local-date';

describe('local dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['20260101', false],
    [42, false],
  ])('isLocalDate(%p) = %p', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-09-30', '2026-10-08')).toBe(8);
  });

  it('knows the weekday and lists a period inclusively', () => {
    expect(weekday('2026-10-10')).toBe(6);
    expect(eachDate('2026-09-30', '2026-10-02')).toEqual(['2026-09-30', '2026-10-01', '2026-10-02']);
    expect(eachDate('2026-10-02', '2026-09-30')).toEqual([]);
  });

  it('lists up to the last four-digit date (the day after it would sort before it)', () => {
    expect(eachDate('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
  });

  it('converts between instants and court-local time whatever the server zone', () => {
    const nine = instantAt('2026-10-10', '09:00', 'Asia/Shanghai');
    expect(nine.toISOString()).toBe('2026-10-10T01:00:00.000Z');
    expect(localDateOf(new Date('2026-10-09T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-10-10');
    expect(toZonedIso(nine, 'Asia/Shanghai')).toBe('2026-10-10T09:00:00+08:00');
  });
});

describe('toZonedIso is luxon’s toISO, byte for byte (the cached-offset fast path)', () => {
  const luxonIso = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
  const zones = [
    'Asia/Shanghai',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'UTC',
    'Etc/UTC',
    'Not/AZone',
  ];

  it.each([
    ['New York spring forward, one ms before', 'America/New_York', Date.parse('2026-03-08T06:59:59.999Z')],
    ['New York spring forward', 'America/New_York', Date.parse('2026-03-08T07:00:00Z')],
    ['New York fall back', 'America/New_York', Date.parse('2026-11-01T06:00:00Z')],
    ['Lord Howe’s half-hour shift', 'Australia/Lord_Howe', Date.parse('2026-04-04T15:00:00Z')],
    ['before 1970 (luxon path)', 'Asia/Shanghai', Date.parse('1900-01-01T00:00:00Z')],
  ])('%s', (_name, zone, ms) => expect(toZonedIso(new Date(ms), zone)).toBe(luxonIso(ms, zone)));

  it('agrees on random instants 1970–2100 in zones with and without DST (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.parse('2100-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (ms, zone, whole) => {
          const at = whole ? ms - (ms % 1000) : ms;
          expect(toZonedIso(new Date(at), zone)).toBe(luxonIso(at, zone));
        },
      ),
      { seed: 15, numRuns: 2000 },
    );
  });
});
