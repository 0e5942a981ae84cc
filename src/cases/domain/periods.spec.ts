import { WorkdayCalendar } from '../../workdays/domain/workday-calendar';
import { WorkdayLookup } from '../../workdays/domain/workday-lookup';
import {
  addWorkingDays,
  deadlinesOnAppointment,
  deadlinesOnReceipt,
  dueDate,
  hearingNoticeShort,
  isOverdue,
  latestDateBefore,
  nextWorkingDay,
  PERIOD_SPECS,
  PeriodKind,
} from './periods';

/** The official calendar (chinese-days data, read time-zone-safely), make-up workdays included. */
const calendar: WorkdayLookup = new WorkdayCalendar();
const TZ = 'Asia/Shanghai';

describe('the calendar data these tests rely on (chinese-days)', () => {
  it.each([
    ['2026-09-20', true], // Sunday make-up workday for National Day
    ['2026-09-25', false], // Mid-Autumn 09-25..27
    ['2026-09-28', true],
    ['2026-09-30', true],
    ...['01', '02', '03', '04', '05', '06', '07'].map((d): [string, boolean] => [`2026-10-${d}`, false]),
    ['2026-10-08', true], // Thursday after National Day
    ['2026-10-10', true], // Saturday make-up workday
    ['2026-10-11', false],
    ['2026-02-14', true], // Saturday make-up workday before Spring Festival
    ['2026-02-15', false], // Spring Festival 02-15..23
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true], // Saturday make-up workday after Spring Festival
    ['2026-03-07', false], // ordinary Saturday
  ])('%s working day = %p', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected);
  });
});

describe('dueDate (CPL Art 105: start day not counted; last day on a holiday → next working day)', () => {
  const rows: [string, PeriodKind, string, string, { extendOverHolidays?: boolean }?][] = [
    // Art 6: appoint within 3 days of receipt
    ['Art 6: received Mon 2026-03-02 → Thu 03-05 (no holiday)', 'appointBy', '2026-03-02', '2026-03-05'],
    ['Art 6: received Wed 2026-03-04 → Sat 03-07 → Mon 03-09 (weekend extension)', 'appointBy', '2026-03-04', '2026-03-09'],
    ['Art 6: received Thu 2026-03-05 → Sun 03-08 → Mon 03-09', 'appointBy', '2026-03-05', '2026-03-09'],
    ['Art 6: received 2026-09-28 → 10-01 (National Day) → 10-08', 'appointBy', '2026-09-28', '2026-10-08'],
    ['Art 6: received 2026-09-30 → 10-03 (National Day) → 10-08', 'appointBy', '2026-09-30', '2026-10-08'],
    ['Art 6: received on holiday 2026-10-02 → 10-05 → 10-08', 'appointBy', '2026-10-02', '2026-10-08'],
    ['Art 6: received 2026-10-05 → 10-08 (a working day, no extension)', 'appointBy', '2026-10-05', '2026-10-08'],
    ['Art 6: received 2026-10-07 → Sat 10-10 make-up workday, no extension', 'appointBy', '2026-10-07', '2026-10-10'],
    ['Art 6: received 2026-10-08 → Sun 10-11 → Mon 10-12', 'appointBy', '2026-10-08', '2026-10-12'],
    ['Art 6: received on Mid-Autumn Sun 2026-09-27 → Wed 09-30 (start day not counted)', 'appointBy', '2026-09-27', '2026-09-30'],
    ['Art 6: received 2026-09-22 → Fri 09-25 (Mid-Autumn) → Mon 09-28', 'appointBy', '2026-09-22', '2026-09-28'],
    ['Art 6: received 2026-02-11 → Sat 02-14 make-up workday (Spring Festival)', 'appointBy', '2026-02-11', '2026-02-14'],
    ['Art 6: received 2026-02-13 → 02-16 (Spring Festival) → 02-24', 'appointBy', '2026-02-13', '2026-02-24'],
    ['Art 6: received 2026-02-20 → 02-23 (last Spring Festival day) → 02-24', 'appointBy', '2026-02-20', '2026-02-24'],
    ['Art 6: received 2026-02-25 → Sat 02-28 make-up workday', 'appointBy', '2026-02-25', '2026-02-28'],
    ['Art 6: received 2026-04-02 → Sun 04-05 (Qingming) → Tue 04-07', 'appointBy', '2026-04-02', '2026-04-07'],
    ['Art 6: received 2026-12-30 → 2027-01-02 crosses the year → Mon 2027-01-04', 'appointBy', '2026-12-30', '2027-01-04'],
    // stricter reading chosen by a centre
    [
      'Art 6, extendOverHolidays=false: 2026-09-28 → 10-01 even though a holiday',
      'appointBy',
      '2026-09-28',
      '2026-10-01',
      { extendOverHolidays: false },
    ],
    ['Art 6, extendOverHolidays=false: 2026-03-04 → Sat 03-07', 'appointBy', '2026-03-04', '2026-03-07', { extendOverHolidays: false }],
    [
      'Art 6, extendOverHolidays=true on a working day changes nothing',
      'appointBy',
      '2026-03-02',
      '2026-03-05',
      { extendOverHolidays: true },
    ],
    // Art 12
    ['Art 12: contact judge 3 days after appointment 2026-09-29 → 10-02 → 10-08', 'contactJudgeBy', '2026-09-29', '2026-10-08'],
    ['Art 12: contact judge 2026-03-02 → 03-05', 'contactJudgeBy', '2026-03-02', '2026-03-05'],
    ['Art 12: file review + meeting 7 days after 2026-09-28 → 10-05 → 10-08', 'fileReviewAndMeetingBy', '2026-09-28', '2026-10-08'],
    [
      'Art 12: file review + meeting 7 days after 2026-10-03 → Sat 10-10 make-up workday',
      'fileReviewAndMeetingBy',
      '2026-10-03',
      '2026-10-10',
    ],
    [
      'Art 12: file review + meeting 7 days after 2026-02-09 → 02-16 → 02-24 (Spring Festival)',
      'fileReviewAndMeetingBy',
      '2026-02-09',
      '2026-02-24',
    ],
    [
      'Art 12, extendOverHolidays=false: 7 days after 2026-02-09 → 02-16',
      'fileReviewAndMeetingBy',
      '2026-02-09',
      '2026-02-16',
      { extendOverHolidays: false },
    ],
    // Art 13: working days counted after the start day
    ['Art 13: 3 working days after Thu 2026-02-12 → Fri 13, Sat 14 (make-up), Tue 24', 'fileReadingBy', '2026-02-12', '2026-02-24'],
    ['Art 13: 3 working days after Wed 2026-09-30 → 10-08, 10-09, Sat 10-10 (make-up)', 'fileReadingBy', '2026-09-30', '2026-10-10'],
    ['Art 13: 3 working days after Fri 2026-03-06 → Mon 09, Tue 10, Wed 11', 'fileReadingBy', '2026-03-06', '2026-03-11'],
    ['Art 13: 3 working days after Sat 2026-03-07 (non-working start) → 09, 10, 11', 'fileReadingBy', '2026-03-07', '2026-03-11'],
    [
      'Art 13: extendOverHolidays is irrelevant to working-day periods',
      'fileReadingBy',
      '2026-02-12',
      '2026-02-24',
      { extendOverHolidays: false },
    ],
    // Art 18
    ['Art 18: objection 15 days after 2026-09-16 → 10-01 → 10-08', 'objectionBy', '2026-09-16', '2026-10-08'],
    ['Art 18: objection 15 days after 2026-03-02 → Tue 03-17', 'objectionBy', '2026-03-02', '2026-03-17'],
    ['Art 18: objection 15 days after 2026-02-01 → 02-16 → 02-24', 'objectionBy', '2026-02-01', '2026-02-24'],
    ['Art 18: review 5 days after objection 2026-09-30 → 10-05 → 10-08', 'objectionReviewBy', '2026-09-30', '2026-10-08'],
    ['Art 18: review 5 days after objection 2026-03-02 → Sat 03-07 → Mon 03-09', 'objectionReviewBy', '2026-03-02', '2026-03-09'],
    [
      'Art 18, extendOverHolidays=false: review 5 days after 2026-03-02 → 03-07',
      'objectionReviewBy',
      '2026-03-02',
      '2026-03-07',
      { extendOverHolidays: false },
    ],
    // Backward periods never move for holidays
    [
      'Art 4: materials due 10 days before a trial on 2026-10-12 → 10-02 (holiday, not moved)',
      'materialsDueBy',
      '2026-10-12',
      '2026-10-02',
    ],
    ['Art 4: materials due 10 days before trial 2026-03-20 → 03-10', 'materialsDueBy', '2026-03-20', '2026-03-10'],
    [
      'Art 4: extendOverHolidays=true is ignored for a backward period',
      'materialsDueBy',
      '2026-10-12',
      '2026-10-02',
      { extendOverHolidays: true },
    ],
    ['Art 11: hearing on 2026-10-10 → lawyer told by 10-07 (holiday, not moved)', 'hearingNoticeMinDays', '2026-10-10', '2026-10-07'],
  ];
  it.each(rows)('%s', (_name, kind, start, expected, options = {}) => {
    expect(dueDate(kind, start, calendar, options)).toBe(expected);
  });

  it('every period has a spec with its article', () => {
    for (const [kind, spec] of Object.entries(PERIOD_SPECS)) {
      expect(spec.kind).toBe(kind);
      expect(spec.basis).toMatch(/第.+条/);
    }
  });
});

describe('addWorkingDays / nextWorkingDay (Art 13)', () => {
  it.each([
    ['Art 13: 0 working days → the start date itself', '2026-10-01', 0, '2026-10-01'],
    ['Art 13: 1 working day after 2026-09-30 → 10-08', '2026-09-30', 1, '2026-10-08'],
    ['Art 13: 1 working day after Fri 2026-10-09 → Sat 10-10 (make-up)', '2026-10-09', 1, '2026-10-10'],
    ['Art 13: 2 working days after Fri 2026-10-09 → Mon 10-12', '2026-10-09', 2, '2026-10-12'],
    ['Art 13: 5 working days after 2026-09-18 → Sun 09-20 (make-up) counts', '2026-09-18', 5, '2026-09-24'],
    ['Art 13: 1 working day after 2026-09-24 skips Mid-Autumn → 09-28', '2026-09-24', 1, '2026-09-28'],
  ])('%s', (_name, start, n, expected) => {
    expect(addWorkingDays(start, n, calendar)).toBe(expected);
  });

  it('Art 13: rejects a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-02', -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, calendar)).toThrow(RangeError);
  });

  it.each([
    ['CPL Art 105: a working day is its own next working day', '2026-10-08', '2026-10-08'],
    ['CPL Art 105: 2026-10-01 → 10-08', '2026-10-01', '2026-10-08'],
  ])('nextWorkingDay: %s', (_name, date, expected) => {
    expect(nextWorkingDay(date, calendar)).toBe(expected);
  });

  it('CPL Art 105: a calendar without working days fails loudly instead of looping', () => {
    expect(() => nextWorkingDay('2026-01-01', { isWorkday: () => false })).toThrow(RangeError);
  });
});

describe('deadlinesOnReceipt / deadlinesOnAppointment', () => {
  it.each([
    [
      'Art 6 + Art 4: received 2026-09-28, trial 2026-10-20',
      '2026-09-28',
      '2026-10-20',
      { appointBy: '2026-10-08', materialsDueBy: '2026-10-10' },
    ],
    ['Art 6: received 2026-09-30, trial unknown', '2026-09-30', undefined, { appointBy: '2026-10-08' }],
    [
      'Art 6 + Art 4: received 2026-02-13, trial 2026-03-05',
      '2026-02-13',
      '2026-03-05',
      { appointBy: '2026-02-24', materialsDueBy: '2026-02-23' },
    ],
  ])('%s', (_name, received, trial, expected) => {
    expect(deadlinesOnReceipt(received, trial, calendar)).toEqual(expected);
  });

  it('Art 6: a centre setting turns the holiday extension off for appointBy only', () => {
    expect(deadlinesOnReceipt('2026-09-28', undefined, calendar, { appointBy: { extendOverHolidays: false } })).toEqual({
      appointBy: '2026-10-01',
    });
  });

  it.each([
    ['Art 12: appointed 2026-09-29', '2026-09-29', { contactJudgeBy: '2026-10-08', fileReviewAndMeetingBy: '2026-10-08' }],
    ['Art 12: appointed 2026-10-08', '2026-10-08', { contactJudgeBy: '2026-10-12', fileReviewAndMeetingBy: '2026-10-15' }],
    ['Art 12: appointed 2026-02-12', '2026-02-12', { contactJudgeBy: '2026-02-24', fileReviewAndMeetingBy: '2026-02-24' }],
    ['Art 12: appointed 2026-03-02', '2026-03-02', { contactJudgeBy: '2026-03-05', fileReviewAndMeetingBy: '2026-03-09' }],
  ])('%s', (_name, appointed, expected) => {
    expect(deadlinesOnAppointment(appointed, calendar)).toEqual(expected);
  });

  it('Art 12: per-period settings are independent', () => {
    expect(deadlinesOnAppointment('2026-02-12', calendar, { contactJudgeBy: { extendOverHolidays: false } })).toEqual({
      contactJudgeBy: '2026-02-15',
      fileReviewAndMeetingBy: '2026-02-24',
    });
  });
});

describe('isOverdue', () => {
  it.each([
    ['Art 6: the due day itself is in time', '2026-10-08', '2026-10-08', false],
    ['Art 6: the day before is in time', '2026-10-08', '2026-10-07', false],
    ['Art 6: the day after is overdue', '2026-10-08', '2026-10-09', true],
  ])('%s', (_name, due, today, expected) => {
    expect(isOverdue(due, today)).toBe(expected);
  });
});

describe('hearingNoticeShort (Art 11: at least 3 days, counted in court-local dates)', () => {
  it.each([
    ['Art 11: told 3 days before (local dates) → fine', '2026-10-12T09:00:00+08:00', '2026-10-15T09:00:00+08:00', false],
    [
      'Art 11: told late on day −3, hearing early → still fine (dates, not hours)',
      '2026-10-12T18:00:00+08:00',
      '2026-10-15T08:30:00+08:00',
      false,
    ],
    ['Art 11: told 2 days before → short', '2026-10-12T09:00:00+08:00', '2026-10-14T17:00:00+08:00', true],
    ['Art 11: told the same day → short', '2026-10-12T08:00:00+08:00', '2026-10-12T14:00:00+08:00', true],
    ['Art 11: told a week before → fine', '2026-10-05T09:00:00+08:00', '2026-10-12T09:00:00+08:00', false],
    ['Art 11: told after the hearing → short', '2026-10-13T09:00:00+08:00', '2026-10-12T09:00:00+08:00', true],
    // 2026-10-11T17:00Z is 10-12 01:00 in Shanghai: the court's zone decides the date
    ['Art 11: UTC instants are read in the court zone (told 10-12 local) → short', '2026-10-11T17:00:00Z', '2026-10-14T01:00:00Z', true],
    ['Art 11: UTC instants, told 10-11 local → fine', '2026-10-11T15:00:00Z', '2026-10-14T01:00:00Z', false],
  ])('%s', (_name, told, hearing, expected) => {
    expect(hearingNoticeShort(told, hearing, TZ)).toBe(expected);
    expect(hearingNoticeShort(new Date(told), new Date(hearing), TZ)).toBe(expected);
  });

  it('Art 11: agrees with the backward period latestDateBefore', () => {
    expect(latestDateBefore('hearingNoticeMinDays', '2026-10-15')).toBe('2026-10-12');
  });
});
