import { arrangedDay, arrangementErrors, YearArrangement } from './arrangement';
import { WorkdayCalendar } from './workday-calendar';

/**
 * An arrangement shaped like the State Council's yearly notice (dates for 2027 are a
 * plausible example entered by an admin, not the published notice).
 */
const y2027: YearArrangement = {
  year: 2027,
  festivals: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  workdays: ['2027-02-14', '2027-09-26', '2027-10-09'],
};

describe('arrangementErrors (DESIGN rule 7, CPL Art 105: the State Council arrangement)', () => {
  it('accepts a well-formed year', () => {
    expect(arrangementErrors(y2027)).toEqual([]);
  });

  it.each<[string, Partial<YearArrangement>, { field: string; reason: RegExp }[]]>([
    [
      'Art 105 — a festival starting in another year',
      { festivals: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }] },
      [{ field: 'festivals.0.from', reason: /inside 2027/ }],
    ],
    [
      'Art 105 — a festival ending in another year',
      { festivals: [{ name: 'x', from: '2027-12-31', to: '2028-01-01' }] },
      [{ field: 'festivals.0.to', reason: /inside 2027/ }],
    ],
    [
      'Art 105 — a festival ending before it starts',
      { festivals: [{ name: 'x', from: '2027-05-05', to: '2027-05-01' }] },
      [{ field: 'festivals.0.to', reason: /before from/ }],
    ],
    [
      'Art 105 — a festival of more than a month',
      { festivals: [{ name: 'x', from: '2027-07-01', to: '2027-08-15' }] },
      [{ field: 'festivals.0.to', reason: /at most 31/ }],
    ],
    [
      'Art 105 — two festivals overlapping (named by the later one, in input order)',
      {
        festivals: [
          { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
          { name: '中秋', from: '2027-09-30', to: '2027-10-01' },
        ],
      },
      [{ field: 'festivals.0.from', reason: /overlaps 中秋/ }],
    ],
    ['Art 105 — a make-up workday in another year', { workdays: ['2028-01-08'] }, [{ field: 'workdays.0', reason: /inside 2027/ }]],
    ['Art 105 — a make-up workday on a weekday', { workdays: ['2027-02-15'] }, [{ field: 'workdays.0', reason: /weekday/ }]],
    ['Art 105 — a make-up workday inside a festival', { workdays: ['2027-02-07'] }, [{ field: 'workdays.0', reason: /inside 春节/ }]],
    ['Art 105 — a make-up workday twice', { workdays: ['2027-02-14', '2027-02-14'] }, [{ field: 'workdays.1', reason: /twice/ }]],
  ])('%s', (_label, change, expected) => {
    const errors = arrangementErrors({ ...y2027, ...change });
    expect(errors).toEqual(expected.map((e) => ({ field: e.field, reason: expect.stringMatching(e.reason) })));
  });
});

describe('arrangedDay and the calendar with an arrangement (Art 105 periods, rule 10 roster days)', () => {
  it.each<[string, string, boolean, string | undefined]>([
    ['festival first day', '2027-10-01', false, '国庆节'],
    ['festival weekday', '2027-10-05', false, '国庆节'],
    ['make-up Saturday named after the nearest festival', '2027-10-09', true, '国庆节'],
    ['make-up Sunday before National Day', '2027-09-26', true, '国庆节'],
    ['make-up Sunday after Spring Festival', '2027-02-14', true, '春节'],
    ['ordinary Saturday', '2027-03-06', false, undefined],
    ['ordinary Monday', '2027-03-08', true, undefined],
  ])('Art 105 — %s (%s)', (_label, date, workday, name) => {
    expect(arrangedDay(y2027, date)).toEqual(name ? { workday, name } : { workday });
    const d = new WorkdayCalendar([], [y2027]).describe(date);
    expect(d).toMatchObject({ date, workday, source: 'arrangement' });
    expect(d.name).toBe(name);
  });

  it('covers its year (no CALENDAR_DATA_MISSING) and leaves the other years alone', () => {
    const cal = new WorkdayCalendar([], [y2027]);
    expect(cal.coverage('2026-12-01', '2028-01-31')).toEqual({ uncoveredYears: [2028] });
    expect(cal.describe('2026-10-01')).toMatchObject({ source: 'data', workday: false });
  });

  it('takes precedence over the package for the whole year, and an override over both', () => {
    const moved: YearArrangement = { year: 2026, festivals: [{ name: '国庆节', from: '2026-10-02', to: '2026-10-08' }], workdays: [] };
    const cal = new WorkdayCalendar([{ date: '2026-10-05', workday: true, note: '值班' }], [moved]);
    expect(cal.describe('2026-10-01')).toMatchObject({ workday: true, source: 'arrangement' });
    expect(cal.describe('2026-10-08')).toMatchObject({ workday: false, source: 'arrangement', name: '国庆节' });
    expect(cal.describe('2026-10-10')).toMatchObject({ workday: false, source: 'arrangement' });
    expect(cal.describe('2026-10-05')).toMatchObject({ workday: true, source: 'override' });
  });

  it('moves a period ending in the festival to the next working day (Art 105)', () => {
    expect(new WorkdayCalendar([], [y2027]).nextWorkday('2027-09-30')).toBe('2027-10-08');
  });
});
