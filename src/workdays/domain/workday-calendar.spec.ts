import { isWorkday as packageIsWorkday } from 'chinese-days';
import { eachDate } from '../../common/local-date';
import { calendarDataWarning, DATA_YEARS, WorkdayCalendar, WorkdaySource } from './workday-calendar';

const official = new WorkdayCalendar();

describe('the official data (chinese-days)', () => {
  it('covers 2004–2026 (bump the 2027 cases below when upgrading the package)', () => {
    expect(DATA_YEARS).toEqual({ first: 2004, last: 2026 });
  });

  // The package's own functions shift by a day west of UTC (see workday-calendar.ts), so compare only where they are right.
  const eastOfUtc = new Date(2026, 0, 1).getTimezoneOffset() <= 0;
  (eastOfUtc ? it : it.skip)('agrees with the package functions on every date it covers', () => {
    const disagreements = eachDate(`${DATA_YEARS.first}-01-01`, `${DATA_YEARS.last}-12-31`).filter(
      (d) => official.isWorkday(d) !== packageIsWorkday(d),
    );
    expect(disagreements).toEqual([]);
  });
});

describe('WorkdayCalendar.describe / isWorkday without overrides', () => {
  // The State Council's 2026 arrangement (gov.cn content_7047091), as the package holds it.
  it.each<[string, string, boolean, WorkdaySource, string | undefined]>([
    ['National Day: first day', '2026-10-01', false, 'data', '国庆节'],
    ['National Day: Saturday inside the holiday', '2026-10-03', false, 'data', '国庆节'],
    ['National Day: Wednesday inside the holiday (in lieu)', '2026-10-06', false, 'data', '国庆节'],
    ['National Day: last day', '2026-10-07', false, 'data', '国庆节'],
    ['Thursday after National Day', '2026-10-08', true, 'data', undefined],
    ['make-up Saturday 调休 after National Day', '2026-10-10', true, 'data', '国庆节'],
    ['Sunday after the make-up Saturday', '2026-10-11', false, 'data', undefined],
    ['make-up Sunday 调休 before National Day', '2026-09-20', true, 'data', '国庆节'],
    ['Mid-Autumn Friday', '2026-09-25', false, 'data', '中秋'],
    ['Monday after Mid-Autumn', '2026-09-28', true, 'data', undefined],
    ['make-up Saturday before Spring Festival', '2026-02-14', true, 'data', '春节'],
    ['Spring Festival first day (Sunday)', '2026-02-15', false, 'data', '春节'],
    ['Spring Festival weekday', '2026-02-18', false, 'data', '春节'],
    ['Spring Festival last day (Monday)', '2026-02-23', false, 'data', '春节'],
    ['Tuesday after Spring Festival', '2026-02-24', true, 'data', undefined],
    ['make-up Saturday after Spring Festival', '2026-02-28', true, 'data', '春节'],
    ['make-up Sunday after New Year', '2026-01-04', true, 'data', '元旦'],
    ['make-up Saturday after Labour Day', '2026-05-09', true, 'data', '劳动节'],
    ['ordinary Saturday', '2026-03-07', false, 'data', undefined],
    ['ordinary Sunday', '2026-03-08', false, 'data', undefined],
    ['ordinary Tuesday', '2026-03-10', true, 'data', undefined],
    ['uncovered year: Friday falls back to working', '2027-01-01', true, 'weekend-fallback', undefined],
    ['uncovered year: Saturday falls back to rest', '2027-01-02', false, 'weekend-fallback', undefined],
    ['uncovered year before the data: Wednesday', '2003-01-01', true, 'weekend-fallback', undefined],
  ])('%s (%s)', (_label, date, workday, source, name) => {
    const d = official.describe(date);
    expect(d).toMatchObject({ date, workday, source });
    expect(d.name).toBe(name);
    expect(official.isWorkday(date)).toBe(workday);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const cal = new WorkdayCalendar();
      expect([cal.isWorkday('2026-10-10'), cal.isWorkday('2026-10-11'), cal.isWorkday('2026-10-08')]).toEqual([true, false, true]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('gives the English festival name too', () => {
    expect(official.describe('2026-10-10')).toMatchObject({ name: '国庆节', nameEn: 'National Day' });
  });

  it('memoises per date (same answer object the second time)', () => {
    const cal = new WorkdayCalendar();
    expect(cal.describe('2026-10-01')).toBe(cal.describe('2026-10-01'));
  });

  it.each(['2026-02-30', '2026-1-5', '', '20261001'])('rejects %p', (bad) => {
    expect(() => official.isWorkday(bad)).toThrow(RangeError);
  });
});

describe('admin overrides always win', () => {
  const cal = new WorkdayCalendar([
    { date: '2026-03-10', workday: false, note: '法院停电闭院' },
    { date: '2026-03-07', workday: true, note: 'weekend hearing day' },
    { date: '2026-10-01', workday: true },
    { date: '2026-10-10', workday: false },
  ]);

  it.each<[string, string, boolean]>([
    ['ordinary weekday made a rest day', '2026-03-10', false],
    ['ordinary Saturday made a working day', '2026-03-07', true],
    ['statutory holiday made a working day', '2026-10-01', true],
    ['make-up Saturday made a rest day', '2026-10-10', false],
  ])('%s (%s)', (_label, date, workday) => {
    expect(cal.describe(date)).toMatchObject({ date, workday, source: 'override' });
    expect(cal.isWorkday(date)).toBe(workday);
  });

  it('keeps the note', () => {
    expect(cal.describe('2026-03-10').note).toBe('法院停电闭院');
  });

  it('lets a later entry for the same date win', () => {
    const twice = new WorkdayCalendar([
      { date: '2026-03-10', workday: false },
      { date: '2026-03-10', workday: true },
    ]);
    expect(twice.isWorkday('2026-03-10')).toBe(true);
  });

  it('rejects an override with a bad date', () => {
    expect(() => new WorkdayCalendar([{ date: '2026-13-01', workday: true }])).toThrow(RangeError);
  });
});

describe('coverage and the CALENDAR_DATA_MISSING warning', () => {
  it.each<[string, string, string, number[]]>([
    ['a range inside the data', '2026-01-01', '2026-12-31', []],
    ['a range reaching into 2027', '2026-12-01', '2027-01-31', [2027]],
    ['a range over two uncovered years', '2027-06-01', '2028-02-01', [2027, 2028]],
    ['a range before the data', '2003-12-01', '2004-01-31', [2003]],
  ])('%s', (_label, from, to, years) => {
    expect(official.coverage(from, to)).toEqual({ uncoveredYears: years });
    const warning = official.coverageWarning(from, to);
    if (years.length === 0) expect(warning).toBeNull();
    else expect(warning).toMatchObject({ code: 'CALENDAR_DATA_MISSING', years });
  });

  it('names the years in Chinese and English', () => {
    const w = calendarDataWarning([2028, 2027])!;
    expect(w.years).toEqual([2027, 2028]);
    expect(w.message).toContain('2027, 2028');
    expect(w.message).toContain('节假日');
    expect(w.message).toContain('Monday–Friday');
  });

  it('counts a year as covered once an admin entered an override in it', () => {
    const cal = new WorkdayCalendar([{ date: '2027-01-01', workday: false, note: '元旦 2027' }]);
    expect(cal.coverage('2026-12-01', '2027-03-31')).toEqual({ uncoveredYears: [] });
    expect(cal.coverageWarning('2026-12-01', '2027-03-31')).toBeNull();
    expect(cal.describe('2027-01-01')).toMatchObject({ workday: false, source: 'override' });
    // Dates without an override in that year still use (and say) the fallback.
    expect(cal.describe('2027-01-04')).toMatchObject({ workday: true, source: 'weekend-fallback' });
    expect(cal.coverage('2027-06-01', '2028-01-31')).toEqual({ uncoveredYears: [2028] });
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => official.coverage('2026-02-01', '2026-01-01')).toThrow(RangeError);
  });
});

describe('nextWorkday (strictly after) and workdaysBetween', () => {
  it.each<[string, string, string]>([
    ['eve of National Day → Thursday after', '2026-09-30', '2026-10-08'],
    ['inside National Day → Thursday after', '2026-10-03', '2026-10-08'],
    ['Friday before a make-up Saturday → that Saturday', '2026-10-09', '2026-10-10'],
    ['make-up Saturday → Monday', '2026-10-10', '2026-10-12'],
    ['Friday before Spring Festival → make-up Saturday', '2026-02-13', '2026-02-14'],
    ['make-up Saturday → after Spring Festival', '2026-02-14', '2026-02-24'],
    ['ordinary Friday → Monday', '2026-03-06', '2026-03-09'],
    ['ordinary Tuesday → Wednesday (never the same day)', '2026-03-10', '2026-03-11'],
    ['across into the uncovered year → fallback Friday', '2026-12-31', '2027-01-01'],
  ])('%s', (_label, date, expected) => {
    expect(official.nextWorkday(date)).toBe(expected);
  });

  it('honours overrides', () => {
    const cal = new WorkdayCalendar([{ date: '2026-10-08', workday: false }]);
    expect(cal.nextWorkday('2026-09-30')).toBe('2026-10-09');
  });

  it('lists the working days of a range, both ends included', () => {
    expect(official.workdaysBetween('2026-10-01', '2026-10-11')).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
    expect(official.workdaysBetween('2026-02-13', '2026-02-24')).toEqual(['2026-02-13', '2026-02-14', '2026-02-24']);
  });

  it('counts 2026 working days as the State Council arrangement gives them', () => {
    // 365 days − 104 weekend days − 19 holidays falling on weekdays (元旦 2, 春节 6, 清明 1,
    // 劳动节 3, 端午 1, 中秋 1, 国庆 5) + 6 make-up days (01-04, 02-14, 02-28, 05-09, 09-20, 10-10).
    expect(official.workdaysBetween('2026-01-01', '2026-12-31').length).toBe(365 - 104 - 19 + 6);
  });
});
