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
  });

  it('converts between instants and court-local time whatever the server zone', () => {
    const nine = instantAt('2026-10-10', '09:00', 'Asia/Shanghai');
    expect(nine.toISOString()).toBe('2026-10-10T01:00:00.000Z');
    expect(localDateOf(new Date('2026-10-09T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-10-10');
    expect(toZonedIso(nine, 'Asia/Shanghai')).toBe('2026-10-10T09:00:00+08:00');
  });
});
