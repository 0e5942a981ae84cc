import { addDays, eachDate, LocalDate } from '../../common/local-date';
import { WorkdayCalendar } from '../../workdays/domain/workday-calendar';
import { BusySlot, checkAssignment, dutyDates, generateRoster, RosterInput, ShiftTemplateInput } from './roster-generator';
import { AFTERNOON, assigned, codes, days, expectHardRulesKept, FULL_DAY, MORNING, team, TWO_SLOTS } from './roster.fixtures';

describe('generateRoster: balance (max − min ≤ 1, history counted)', () => {
  const year = days('2026-01-01', '2026-12-31');
  it.each<[string, RosterInput]>([
    ['40 lawyers × 2 slots over a year', { dates: year, templates: TWO_SLOTS, lawyers: team(40) }],
    [
      '40 lawyers × 2 slots over a year with staggered one-week leaves',
      {
        dates: year,
        templates: TWO_SLOTS,
        lawyers: team(40, (i) => [{ from: addDays('2026-01-05', i * 7), to: addDays('2026-01-11', i * 7) }]),
      },
    ],
    [
      '7 lawyers × 3 slots, two overlapping, over a quarter',
      { dates: days('2026-01-01', '2026-03-31'), templates: [MORNING, AFTERNOON, FULL_DAY], lawyers: team(7) },
    ],
    ['3 lawyers × 1 slot every calendar day', { dates: eachDate('2026-01-01', '2026-03-31'), templates: [FULL_DAY], lawyers: team(3) }],
  ])('%s', (_label, input) => {
    const plan = generateRoster(input);
    expectHardRulesKept(plan, input);
    expect(plan.fairness.max - plan.fairness.min).toBeLessThanOrEqual(1);
    const period = Object.values(plan.fairness.perLawyer);
    expect(Math.max(...period) - Math.min(...period)).toBeLessThanOrEqual(1);
    expect(plan.shifts.every((s) => s.lawyerId)).toBe(true);
    expect(codes(plan)).not.toContain('UNBALANCED');
  });

  it('with 40 lawyers and 2 slots needs neither a second shift a day nor consecutive days', () => {
    const plan = generateRoster({ dates: year, templates: TWO_SLOTS, lawyers: team(40) });
    expect(plan.warnings).toEqual([]);
  });
});

describe('generateRoster: cumulative fairness with an uneven history', () => {
  const lawyers = team(4); // L01..L04
  const history = { L01: 10, L02: 6, L03: 6, L04: 0, former: 50 };

  it.each<[string, number, number]>([
    ['too short to even out: the gap shrinks from 10 to 3 and is reported', 10, 3],
    ['long enough: evened out to max − min ≤ 1', 40, 1],
  ])('%s', (_label, n, maxGap) => {
    const dates = eachDate('2026-03-02', addDays('2026-03-02', n - 1));
    const plan = generateRoster({ dates, templates: [FULL_DAY], lawyers, history });
    expect(plan.fairness.max - plan.fairness.min).toBe(maxGap);
    expect(plan.fairness.cumulative.L04).toBe(plan.fairness.perLawyer.L04);
    expect(plan.fairness.perLawyer.L04).toBeGreaterThan(plan.fairness.perLawyer.L02);
    expect(Object.keys(plan.fairness.cumulative)).toEqual(['L01', 'L02', 'L03', 'L04']); // former members ignored
    expect(codes(plan).includes('UNBALANCED')).toBe(maxGap > 1);
  });

  it('fills the lowest first: the newcomer takes the first shifts, the highest waits', () => {
    const dates = eachDate('2026-03-02', '2026-03-11');
    const plan = generateRoster({ dates, templates: [FULL_DAY], lawyers, history });
    expect(plan.shifts.slice(0, 6).map((s) => s.lawyerId)).toEqual(Array(6).fill('L04'));
    expect(plan.fairness.perLawyer.L01).toBe(0);
    expect(plan.fairness).toMatchObject({ min: 7, max: 10 });
  });
});

describe('generateRoster: hard rules', () => {
  it('respects unavailability (leave)', () => {
    const dates = days('2026-03-02', '2026-03-13');
    const lawyers = team(3, (i) => (i === 0 ? [{ from: '2026-03-02', to: '2026-03-06' }] : []));
    const plan = generateRoster({ dates, templates: [FULL_DAY], lawyers });
    expect(assigned(plan, 'L01').every((s) => s.date >= '2026-03-09')).toBe(true);
    expect(assigned(plan, 'L01').length).toBeGreaterThan(0);
    expectHardRulesKept(plan, { dates, templates: [FULL_DAY], lawyers });
  });

  it.each<[string, ShiftTemplateInput[], number]>([
    ['overlapping templates, enough lawyers', [FULL_DAY, MORNING, AFTERNOON], 3],
    ['overlapping templates, two lawyers', [FULL_DAY, MORNING, AFTERNOON], 2],
    ['touching templates 09–12 / 12–15, one lawyer', [MORNING, { name: '午后', start: '12:00', end: '15:00' }], 1],
  ])('never puts a lawyer in two overlapping shifts: %s', (_label, templates, n) => {
    const input = { dates: days('2026-03-02', '2026-03-27'), templates, lawyers: team(n) };
    expectHardRulesKept(generateRoster(input), input);
  });

  it('never overlaps a shift the lawyer holds at another station', () => {
    const existingBusy: BusySlot[] = days('2026-03-02', '2026-03-13').map((date) => ({
      lawyerId: 'L01',
      date,
      start: '08:30',
      end: '10:00',
    }));
    const input: RosterInput = { dates: days('2026-03-02', '2026-03-13'), templates: TWO_SLOTS, lawyers: team(2), existingBusy };
    const plan = generateRoster(input);
    expectHardRulesKept(plan, input);
    expect(assigned(plan, 'L01').every((s) => s.templateName === '下午')).toBe(true);
  });
});

describe('generateRoster: at most one shift a day while enough lawyers can serve', () => {
  it.each<[string, RosterInput]>([
    ['two lawyers, two slots', { dates: days('2026-03-02', '2026-03-27'), templates: TWO_SLOTS, lawyers: team(2) }],
    [
      'even when history would favour one of them',
      { dates: days('2026-03-02', '2026-03-27'), templates: TWO_SLOTS, lawyers: team(2), history: { L01: 0, L02: 30 } },
    ],
    [
      'with overlapping templates',
      { dates: days('2026-03-02', '2026-03-27'), templates: [MORNING, AFTERNOON, FULL_DAY], lawyers: team(3) },
    ],
  ])('%s', (_label, input) => {
    const plan = generateRoster(input);
    for (const date of input.dates) {
      const ids = plan.shifts.filter((s) => s.date === date).map((s) => s.lawyerId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(codes(plan)).not.toContain('SECOND_SHIFT_SAME_DAY');
  });

  it("counts a shift at another station as that day's shift", () => {
    const existingBusy: BusySlot[] = [{ lawyerId: 'L01', date: '2026-03-02', start: '18:00', end: '20:00' }];
    const plan = generateRoster({
      dates: ['2026-03-02'],
      templates: TWO_SLOTS,
      lawyers: team(3),
      history: { L02: 4, L03: 4 },
      existingBusy,
    });
    expect(plan.shifts.map((s) => s.lawyerId)).toEqual(['L02', 'L03']);
  });

  it('allows a second, non-overlapping shift when too few lawyers are free, and says so', () => {
    const plan = generateRoster({
      dates: ['2026-03-02', '2026-03-03'],
      templates: TWO_SLOTS,
      lawyers: team(2, (i) => (i === 1 ? [{ from: '2026-03-02', to: '2026-03-02' }] : [])),
    });
    // 03-03: L02 (fewest) takes the morning; one-a-day then ranks above balance for the afternoon.
    expect(plan.shifts.map((s) => s.lawyerId)).toEqual(['L01', 'L01', 'L02', 'L01']);
    expect(plan.warnings.filter((w) => w.code === 'SECOND_SHIFT_SAME_DAY').map((w) => [w.date, w.lawyerId])).toEqual([
      ['2026-03-02', 'L01'],
    ]);
  });

  it('orders slots so that two lawyers cover morning, afternoon and an overlapping full day', () => {
    const plan = generateRoster({ dates: ['2026-03-02'], templates: [MORNING, AFTERNOON, FULL_DAY], lawyers: team(2) });
    expect(plan.shifts.map((s) => s.lawyerId)).toEqual(['L01', 'L01', 'L02']);
    expect(codes(plan)).toEqual(['SECOND_SHIFT_SAME_DAY']);
  });
});

describe('generateRoster: consecutive days avoided where possible', () => {
  it.each<[string, number, Partial<RosterInput>, (string | null)[]]>([
    ['two lawyers alternate', 2, {}, ['L01', 'L02', 'L01', 'L02']],
    ['across roster boundaries (lastDutyDate)', 2, { lastDutyDate: { L01: '2026-03-01' } }, ['L02', 'L01', 'L02', 'L01']],
    [
      'equal counts: the one not on duty yesterday',
      3,
      { history: { L03: 1 }, lastDutyDate: { L01: '2026-02-27', L02: '2026-03-01' } },
      ['L01', 'L02', 'L03', 'L01'],
    ],
    [
      'around a shift at another station the next day',
      3,
      { existingBusy: [{ lawyerId: 'L01', date: '2026-03-03', start: '18:00', end: '20:00' }] },
      ['L02', 'L03', 'L01', 'L02'],
    ],
  ])('%s', (_label, n, extra, expected) => {
    const plan = generateRoster({ dates: eachDate('2026-03-02', '2026-03-05'), templates: [FULL_DAY], lawyers: team(n), ...extra });
    expect(plan.shifts.map((s) => s.lawyerId)).toEqual(expected);
  });

  it('gives way to balance, and warns, when only one lawyer can serve', () => {
    const plan = generateRoster({ dates: eachDate('2026-03-02', '2026-03-04'), templates: [FULL_DAY], lawyers: team(1) });
    expect(plan.shifts.map((s) => s.lawyerId)).toEqual(['L01', 'L01', 'L01']);
    expect(plan.warnings.map((w) => [w.code, w.date])).toEqual([
      ['CONSECUTIVE_DAYS', '2026-03-03'],
      ['CONSECUTIVE_DAYS', '2026-03-04'],
    ]);
  });
});

describe('generateRoster: slots nobody can take', () => {
  it.each<[string, RosterInput, string]>([
    [
      'everyone on leave',
      { dates: ['2026-03-02'], templates: [FULL_DAY], lawyers: team(2, () => [{ from: '2026-03-01', to: '2026-03-31' }]) },
      'NO_ELIGIBLE_LAWYER',
    ],
    [
      'overlapping templates, one lawyer',
      { dates: ['2026-03-02'], templates: [MORNING, FULL_DAY], lawyers: team(1) },
      'NO_ELIGIBLE_LAWYER',
    ],
    ['no members at all', { dates: ['2026-03-02'], templates: [FULL_DAY], lawyers: [] }, 'NO_LAWYERS'],
  ])('%s → lawyerId null with a reason', (_label, input, reason) => {
    const plan = generateRoster(input);
    const empty = plan.shifts.filter((s) => s.lawyerId === null);
    expect(empty).toHaveLength(1);
    expect(empty[0].reason).toBe(reason);
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: 'UNFILLED_SHIFT', date: '2026-03-02' }));
  });
});

describe('generateRoster: determinism and input checks', () => {
  const input: RosterInput = {
    dates: days('2026-01-01', '2026-06-30'),
    templates: TWO_SLOTS,
    lawyers: team(9, (i) => (i % 3 === 0 ? [{ from: addDays('2026-02-01', i * 5), to: addDays('2026-02-10', i * 5) }] : [])),
    history: { L02: 3, L05: 1 },
    lastDutyDate: { L02: '2025-12-31' },
  };

  it('returns the same plan for the same input', () => {
    expect(generateRoster(input)).toEqual(generateRoster(structuredClone(input)));
  });

  it('breaks full ties by input order', () => {
    const plan = generateRoster({ dates: ['2026-03-02'], templates: [FULL_DAY], lawyers: team(3).reverse() });
    expect(plan.shifts[0].lawyerId).toBe('L03');
  });

  it('lists shifts by date, then template order', () => {
    const plan = generateRoster(input);
    expect(plan.shifts.slice(0, 4).map((s) => [s.date, s.templateName])).toEqual([
      ['2026-01-01', '上午'],
      ['2026-01-01', '下午'],
      ['2026-01-02', '上午'],
      ['2026-01-02', '下午'],
    ]);
  });

  it.each<[string, Partial<RosterInput>]>([
    ['a bad time', { templates: [{ name: 'x', start: '9:00', end: '12:00' }] }],
    ['a slot ending before it starts', { templates: [{ name: 'x', start: '18:00', end: '08:00' }] }],
    ['duplicate template names', { templates: [MORNING, { ...AFTERNOON, name: MORNING.name }] }],
    ['dates out of order', { dates: ['2026-03-03', '2026-03-02'] }],
    ['a bad date', { dates: ['2026-02-30'] }],
    ['duplicate lawyers', { lawyers: [...team(2), ...team(1)] }],
    ['a negative history', { history: { L01: -1 } }],
  ])('rejects %s', (_label, bad) => {
    expect(() => generateRoster({ ...input, ...bad })).toThrow(RangeError);
  });
});

describe('dutyDates', () => {
  const calendar = new WorkdayCalendar();
  it.each<[boolean, LocalDate[]]>([
    [true, ['2026-10-08', '2026-10-09', '2026-10-10']],
    [false, eachDate('2026-10-05', '2026-10-11')],
  ])('workdaysOnly=%p', (workdaysOnly, expected) => {
    expect(dutyDates('2026-10-05', '2026-10-11', workdaysOnly, calendar)).toEqual(expected);
  });
});

describe('checkAssignment', () => {
  const shift = { date: '2026-03-10', start: '09:00', end: '12:00' };
  it.each<[string, Parameters<typeof checkAssignment>[1], string[], string[]]>([
    ['free lawyer', { otherShifts: [], unavailable: [] }, [], []],
    ['on leave that day', { otherShifts: [], unavailable: [{ from: '2026-03-09', to: '2026-03-10' }] }, ['UNAVAILABLE'], []],
    ['leave ended the day before', { otherShifts: [], unavailable: [{ from: '2026-03-01', to: '2026-03-09' }] }, [], []],
    [
      'overlapping shift elsewhere',
      { otherShifts: [{ date: '2026-03-10', start: '11:00', end: '14:00' }], unavailable: [] },
      ['OVERLAPPING_SHIFT'],
      ['SECOND_SHIFT_SAME_DAY'],
    ],
    [
      'touching shift the same day',
      { otherShifts: [{ date: '2026-03-10', start: '12:00', end: '15:00' }], unavailable: [] },
      [],
      ['SECOND_SHIFT_SAME_DAY'],
    ],
    [
      'shift the day before',
      { otherShifts: [{ date: '2026-03-09', start: '09:00', end: '12:00' }], unavailable: [] },
      [],
      ['CONSECUTIVE_DAYS'],
    ],
    [
      'shift the day after',
      { otherShifts: [{ date: '2026-03-11', start: '13:30', end: '17:00' }], unavailable: [] },
      [],
      ['CONSECUTIVE_DAYS'],
    ],
    ['shift two days away', { otherShifts: [{ date: '2026-03-12', start: '09:00', end: '12:00' }], unavailable: [] }, [], []],
    [
      'everything at once',
      {
        otherShifts: [
          { date: '2026-03-10', start: '08:00', end: '10:00' },
          { date: '2026-03-09', start: '09:00', end: '12:00' },
        ],
        unavailable: [{ from: '2026-03-10', to: '2026-03-10' }],
      },
      ['UNAVAILABLE', 'OVERLAPPING_SHIFT'],
      ['SECOND_SHIFT_SAME_DAY', 'CONSECUTIVE_DAYS'],
    ],
  ])('%s', (_label, candidate, hard, soft) => {
    expect(checkAssignment(shift, candidate)).toEqual({ hard, soft });
  });

  it('rejects a malformed shift', () => {
    expect(() => checkAssignment({ ...shift, end: '08:00' }, { otherShifts: [], unavailable: [] })).toThrow(RangeError);
  });
});
