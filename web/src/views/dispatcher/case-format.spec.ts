import { describe, expect, it } from 'vitest';
import { countdown, dateOf, dateTimeOf, zonedInstant } from './case-format';

describe('case screen formats', () => {
  it.each([
    ['Shanghai has no daylight saving', '2026-10-30', '09:00', 'Asia/Shanghai', '2026-10-30T09:00:00+08:00'],
    ['New York in summer time', '2026-07-01', '09:30', 'America/New_York', '2026-07-01T09:30:00-04:00'],
    ['New York in winter time', '2026-12-01', '09:30', 'America/New_York', '2026-12-01T09:30:00-05:00'],
    ['the morning after the clocks go back', '2026-11-01', '08:00', 'America/New_York', '2026-11-01T08:00:00-05:00'],
    ['India, a half-hour offset', '2026-10-30', '14:00', 'Asia/Kolkata', '2026-10-30T14:00:00+05:30'],
  ])('types a hearing time in the station zone: %s', (_name, date, time, zone, expected) => {
    expect(zonedInstant(date, time, zone)).toBe(expected);
  });

  it.each([
    ['days remain (Art 6)', 3, '剩余 3 天'],
    ['due today', 0, '今天到期'],
    ['overdue', -4, '已超期 4 天'],
    ['appointed: no countdown', null, '—'],
  ])('counts down appointBy: %s', (_name, days, text) => expect(countdown(days)).toBe(text));

  it('shows the court-zone date and time as the API wrote them, whatever the browser zone', () => {
    expect(dateOf('2026-10-30T00:30:00+08:00')).toBe('2026-10-30');
    expect(dateTimeOf('2026-10-30T00:30:00+08:00')).toBe('2026-10-30 00:30');
    expect(dateTimeOf(null)).toBe('—');
  });
});
