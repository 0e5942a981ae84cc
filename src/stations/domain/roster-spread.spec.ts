import { checkSpread, halfOf, halvesComparable, LawyerSpread } from './roster-spread';

const spread = (byWeekday: number[], morning: number, afternoon: number): LawyerSpread => ({ byWeekday, morning, afternoon });

describe('the spread rule (issue 15: no lawyer stuck with the same afternoon every week)', () => {
  it.each<[string, LawyerSpread, boolean, { weekdayLimit: number; weekdayOk: boolean; halvesOk: boolean | null }]>([
    [
      '4 shifts, one a week on four weekdays, two mornings',
      spread([1, 1, 1, 1, 0, 0, 0], 2, 2),
      true,
      { weekdayLimit: 2, weekdayOk: true, halvesOk: true },
    ],
    [
      'every Tuesday afternoon (4 of 4 on one weekday) breaks both rules',
      spread([0, 4, 0, 0, 0, 0, 0], 0, 4),
      true,
      { weekdayLimit: 2, weekdayOk: false, halvesOk: false },
    ],
    [
      '⌈n/5⌉ + 1 on one weekday is still within the rule (n = 6 → 3)',
      spread([3, 1, 1, 1, 0, 0, 0], 3, 3),
      true,
      { weekdayLimit: 3, weekdayOk: true, halvesOk: true },
    ],
    [
      'one over ⌈n/5⌉ + 1 is not (n = 6, 4 Mondays)',
      spread([4, 1, 1, 0, 0, 0, 0], 3, 3),
      true,
      { weekdayLimit: 3, weekdayOk: false, halvesOk: true },
    ],
    [
      'mornings within one of n/2 (5 shifts: 3 mornings, 2 afternoons)',
      spread([1, 1, 1, 1, 1, 0, 0], 3, 2),
      true,
      { weekdayLimit: 2, weekdayOk: true, halvesOk: true },
    ],
    [
      'mornings two over n/2 are not (6 shifts: 5 mornings)',
      spread([2, 1, 1, 1, 1, 0, 0], 5, 1),
      true,
      { weekdayLimit: 3, weekdayOk: true, halvesOk: false },
    ],
    [
      'a station with one full-day template: the half-day rule is moot',
      spread([1, 1, 1, 1, 0, 0, 0], 4, 0),
      false,
      { weekdayLimit: 2, weekdayOk: true, halvesOk: null },
    ],
    ['no shifts at all', spread([0, 0, 0, 0, 0, 0, 0], 0, 0), true, { weekdayLimit: 1, weekdayOk: true, halvesOk: true }],
  ])('%s', (_name, s, halves, expected) => expect(checkSpread(s, halves)).toEqual(expected));

  it.each([
    ['09:00', 'morning'],
    ['11:59', 'morning'],
    ['12:00', 'afternoon'],
    ['13:30', 'afternoon'],
  ])('a slot starting %s is a %s slot', (start, half) => expect(halfOf(start)).toBe(half));

  it.each([
    ['one morning and one afternoon template', ['09:00', '13:30'], true],
    ['a single full-day template', ['09:00'], false],
    ['two mornings and one afternoon', ['08:00', '09:00', '13:30'], false],
    ['afternoons only', ['13:30', '18:00'], false],
  ])('halves are compared with %s: %s', (_name, starts, expected) => expect(halvesComparable(starts)).toBe(expected));
});
