import { describe, expect, it } from 'vitest';
import { addDays, countdownOf, dayLabel, minutesBefore, sameDayAt, timeOf } from './lawyer-format';

describe('lawyer-format', () => {
  it.each([
    ['the same day', '2026-10-12', '2026-10-12', '今天 周一'],
    ['the next day', '2026-10-13', '2026-10-12', '明天 周二'],
    ['a later day with its weekday', '2026-10-17', '2026-10-12', '2026-10-17 周六'],
    ['across a month end', '2026-11-01', '2026-10-31', '明天 周日'],
  ])('dayLabel: %s', (_name, date, today, label) => expect(dayLabel(date, today)).toBe(label));

  it.each([
    ['Art 12: three days left', 3, '剩余 3 天', 'success'],
    ['Art 12: two days left is a warning', 2, '剩余 2 天', 'warning'],
    ['Art 12: due tomorrow', 1, '剩余 1 天', 'warning'],
    ['Art 12: due today', 0, '今天到期', 'danger'],
    ['Art 12: overdue', -2, '已超期 2 天', 'danger'],
    ['no running deadline', null, '—', 'info'],
  ] as const)('countdownOf: %s', (_name, days, text, tone) => expect(countdownOf(days)).toEqual({ text, tone }));

  it('keeps the server’s wall time and offset, whatever the phone’s zone', () => {
    expect(timeOf('2026-10-12T09:00:00+08:00')).toBe('09:00');
    expect(sameDayAt('2026-10-12T09:00:00+08:00', '10:30')).toBe('2026-10-12T10:30:00+08:00');
    expect(sameDayAt('2026-03-08T09:00:00-04:00', '10:30')).toBe('2026-03-08T10:30:00-04:00');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it.each([
    ['thirty minutes before', '10:40', 30, '09:00', '10:10'],
    ['never before the shift starts', '09:10', 30, '09:00', '09:00'],
  ])('minutesBefore: %s', (_name, t, m, floor, out) => expect(minutesBefore(t, m, floor)).toBe(out));
});
