import { describe, expect, it } from 'vitest';
import { clockTime, dateTime, dateWithWeekday, localDate, monthGrids, monthRange, weekdayOf, zoneOffset } from './calendar';

describe('roster calendar arithmetic (court-local dates)', () => {
  it('lays October 2026 out Monday to Sunday: the 1st is a Thursday', () => {
    const [oct] = monthGrids('2026-10-01', '2026-10-31');
    expect(oct.title).toBe('2026年10月');
    expect(oct.weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(oct.weeks.at(-1)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', null]);
  });

  it.each([
    ['a period inside one month', '2026-10-12', '2026-10-30', ['2026-10']],
    ['a period over the new year', '2026-12-15', '2027-01-10', ['2026-12', '2027-01']],
    ['February of a leap year', '2028-02-01', '2028-02-29', ['2028-02']],
  ])('months of %s', (_n, from, to, months) => {
    expect(monthGrids(from, to).map((g) => g.month)).toEqual(months);
  });

  it.each([
    ['2026-02', { from: '2026-02-01', to: '2026-02-28' }],
    ['2028-02', { from: '2028-02-01', to: '2028-02-29' }],
    ['2026-12', { from: '2026-12-01', to: '2026-12-31' }],
  ])('month range of %s', (month, range) => {
    expect(monthRange(month)).toEqual(range);
  });

  it('reads the court clock off an instant with its offset, whatever the browser zone', () => {
    expect(clockTime('2026-10-12T09:03:00+08:00')).toBe('09:03');
    expect(dateTime('2026-10-12T23:59:00+08:00')).toBe('2026-10-12 23:59');
    expect(clockTime(null)).toBe('—');
  });

  it('names weekdays in Chinese', () => {
    expect(weekdayOf('2026-10-12')).toBe(1);
    expect(weekdayOf('2026-10-18')).toBe(7);
    expect(dateWithWeekday('2026-10-10')).toBe('2026-10-10（周六）');
  });

  it('gives the court date of an instant', () => {
    expect(localDate(new Date('2026-10-11T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-10-12');
  });

  it.each([
    ['2026-10-12', 'Asia/Shanghai', '+08:00'],
    ['2026-07-01', 'America/New_York', '-04:00'],
    ['2026-12-01', 'America/New_York', '-05:00'],
  ])('knows the offset of %s in %s', (date, zone, offset) => {
    expect(zoneOffset(date, zone)).toBe(offset);
  });
});
