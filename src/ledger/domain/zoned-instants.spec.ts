import { DateTime, IANAZone } from 'luxon';
import { offsetSteps, zonedIso } from './zoned-instants';

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
