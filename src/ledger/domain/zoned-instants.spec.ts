import { DateTime, IANAZone } from 'luxon';
import { offsetSteps, zonedIso, zonedIsoFormatter } from './zoned-instants';

const luxonIso = (instant: string, zone: string) => DateTime.fromISO(instant, { zone }).toISO({ suppressMilliseconds: true });
const table = (zone: string, from: string, to: string) => {
  const z = IANAZone.create(zone);
  return offsetSteps((ms) => z.offset(ms), Date.parse(from), Date.parse(to));
};

describe('zonedIso: stored instants in the station’s wall clock, as luxon writes them (ledger export)', () => {
  const shanghai2026 = table('Asia/Shanghai', '2025-12-31T00:00:00Z', '2027-01-02T00:00:00Z');
  const shanghai1991 = table('Asia/Shanghai', '1991-01-01T00:00:00Z', '1991-12-31T00:00:00Z');
  const newYork2026 = table('America/New_York', '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z');

  it('Asia/Shanghai has one step, +08:00, since 1991', () =>
    expect(shanghai2026.steps).toEqual([{ at: shanghai2026.from, offset: 480, suffix: '+08:00' }]));
  it('China’s last DST (1991) and New York’s 2026 are two changes each, found to the millisecond', () => {
    expect(shanghai1991.steps.map((s) => [new Date(s.at).toISOString(), s.offset])).toEqual([
      ['1991-01-01T00:00:00.000Z', 480],
      ['1991-04-13T18:00:00.000Z', 540],
      ['1991-09-14T17:00:00.000Z', 480],
    ]);
    expect(newYork2026.steps.map((s) => [new Date(s.at).toISOString(), s.offset])).toEqual([
      ['2026-01-01T00:00:00.000Z', -300],
      ['2026-03-08T07:00:00.000Z', -240],
      ['2026-11-01T06:00:00.000Z', -300],
    ]);
  });

  it.each([
    ['Shanghai: local midnight', shanghai2026, 'Asia/Shanghai', '2026-10-11T16:00:00.000Z'],
    ['Shanghai: the last millisecond before midnight', shanghai2026, 'Asia/Shanghai', '2026-10-11T15:59:59.999Z'],
    ['Shanghai: New Year in Beijing, still the old year in UTC', shanghai2026, 'Asia/Shanghai', '2026-12-31T16:00:00.000Z'],
    ['Shanghai: milliseconds are kept', shanghai2026, 'Asia/Shanghai', '2026-10-12T01:03:00.123Z'],
    ['Shanghai 1991: the first DST hour', shanghai1991, 'Asia/Shanghai', '1991-04-13T18:00:00.000Z'],
    ['Shanghai 1991: the millisecond before DST', shanghai1991, 'Asia/Shanghai', '1991-04-13T17:59:59.999Z'],
    ['Shanghai 1991: back to standard time', shanghai1991, 'Asia/Shanghai', '1991-09-14T17:00:00.000Z'],
    ['New York: the millisecond before spring forward', newYork2026, 'America/New_York', '2026-03-08T06:59:59.999Z'],
    ['New York: spring forward', newYork2026, 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['New York: 01:30 EDT, the first of the two', newYork2026, 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['New York: 01:30 EST, the second of the two', newYork2026, 'America/New_York', '2026-11-01T06:30:00.500Z'],
    ['New York: local midnight in winter', newYork2026, 'America/New_York', '2026-12-01T05:00:00.000Z'],
  ])('%s', (_name, steps, zone, instant) => expect(zonedIso(instant, steps)).toBe(luxonIso(instant, zone)));

  it.each([
    ['before the span', '2025-12-30T23:59:59.999Z'],
    ['after the span', '2027-01-02T00:00:00.001Z'],
    ['not an instant', 'yesterday'],
  ])('%s: null, the caller asks the zone database', (_name, instant) => expect(zonedIso(instant, shanghai2026)).toBeNull());
});

describe('zonedIsoFormatter: zonedIso’s text by arithmetic on the stored form (ledger export)', () => {
  const year = (zone: string, y: number) => table(zone, `${y - 1}-12-31T00:00:00Z`, `${y + 1}-01-02T00:00:00Z`);
  const zones: [string, number][] = [
    ['Asia/Shanghai', 2026],
    ['Asia/Shanghai', 1991],
    ['America/New_York', 2026],
    ['Asia/Kathmandu', 2026], // +05:45
    ['America/St_Johns', 2026], // -03:30 / -02:30
    ['Australia/Lord_Howe', 2026], // +10:30 / +11:00, a half-hour DST change
    ['Pacific/Chatham', 2026], // +12:45 / +13:45
    ['Pacific/Kiritimati', 2026], // +14:00, every evening is tomorrow
    ['Pacific/Pago_Pago', 2026], // -11:00
    ['Europe/London', 2026], // +00:00 in winter
  ];

  it.each([
    ['Shanghai: the year ends in Beijing before UTC', 'Asia/Shanghai', 2026, '2026-12-31T16:00:00.000Z'],
    ['Shanghai: the last UTC minute of the year', 'Asia/Shanghai', 2026, '2026-12-31T23:59:59.999Z'],
    ['Shanghai: the first UTC instant of the span', 'Asia/Shanghai', 2026, '2025-12-31T00:00:00.000Z'],
    ['New York: New Year’s Eve in UTC is still the old year', 'America/New_York', 2026, '2027-01-01T04:59:59.999Z'],
    ['New York: 23:00 UTC is the same local date', 'America/New_York', 2026, '2026-06-30T23:00:00.000Z'],
    ['New York: 03:00 UTC is the day before', 'America/New_York', 2026, '2026-03-01T03:00:00.000Z'],
    ['New York: the UTC day of spring forward (exact path)', 'America/New_York', 2026, '2026-03-08T06:59:59.999Z'],
    ['Kathmandu: +05:45 carries into the next day', 'Asia/Kathmandu', 2026, '2026-02-28T18:15:00.000Z'],
    ['Kathmandu: milliseconds with a quarter-hour offset', 'Asia/Kathmandu', 2026, '2026-02-28T18:14:59.001Z'],
    ['St John’s: -02:30 reaches back a day', 'America/St_Johns', 2026, '2026-07-01T02:29:00.000Z'],
    ['Lord Howe: the half-hour DST change', 'Australia/Lord_Howe', 2026, '2026-04-04T15:00:00.000Z'],
    ['Kiritimati: 10:00 UTC is tomorrow', 'Pacific/Kiritimati', 2026, '2026-12-31T10:00:00.000Z'],
    ['Pago Pago: 10:59 UTC is yesterday', 'Pacific/Pago_Pago', 2026, '2026-01-01T10:59:00.000Z'],
    ['a leap day', 'Asia/Shanghai', 2028, '2028-02-28T16:00:00.000Z'],
  ])('%s', (_name, zone, y, instant) => expect(zonedIsoFormatter(year(zone, y))(instant)).toBe(luxonIso(instant, zone)));

  it.each(zones)(
    '%s %i: 3,000 instants across the year (every 2 h 55 min 1.5 s, some on whole seconds) as luxon writes them',
    (zone, y) => {
      const format = zonedIsoFormatter(year(zone, y));
      const start = Date.parse(`${y}-01-01T00:00:00Z`);
      const mismatches: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const instant = new Date(start + i * 10_501_500 + (i % 3 ? 0 : 500)).toISOString();
        if (format(instant) !== luxonIso(instant, zone)) mismatches.push(instant);
      }
      expect(mismatches).toEqual([]);
    },
  );

  it.each([
    ['outside the span', '2027-01-02T00:00:00.001Z', null],
    ['not an instant', 'yesterday', null],
    ['not in the stored form (no milliseconds): Date.parse’s way', '2026-10-12T01:03:00Z', '2026-10-12T09:03:00+08:00'],
    [
      'a date that does not exist: Date.parse’s way',
      '2026-02-30T01:03:00.000Z',
      zonedIso('2026-02-30T01:03:00.000Z', year('Asia/Shanghai', 2026)),
    ],
  ])('%s: as zonedIso', (_name, instant, text) => expect(zonedIsoFormatter(year('Asia/Shanghai', 2026))(instant)).toBe(text));
});
