import fc from 'fast-check';
import { addDays, eachDate, weekday } from '../../common/local-date';
import { dutyDates, generateRoster, RosterInput, RosterLawyer } from './roster-generator';
import {
  AFTERNOON,
  assigned,
  codes,
  days,
  expectHardRulesKept,
  FULL_DAY,
  MORNING,
  mondayToFriday,
  team,
  TWO_SLOTS,
} from './roster.fixtures';

/** Every lawyer's spread verdict in the plan's fairness. */
const spreadOk = (input: RosterInput) => {
  const plan = generateRoster(input);
  return { plan, bad: Object.entries(plan.fairness.spread!).filter(([, s]) => !s.weekdayOk || s.halvesOk === false) };
};

describe('generateRoster: shifts spread across weekdays and half-days (issue 15)', () => {
  it.each<[string, RosterInput]>([
    // 10 lawyers × 2 slots × 5 workdays is one round a week: the old order gave each lawyer the same slot every week.
    [
      '10 lawyers × 2 slots, Monday–Friday, October 2026',
      { dates: days('2026-10-01', '2026-10-31'), templates: TWO_SLOTS, lawyers: team(10) },
    ],
    ['5 lawyers × 2 slots, Monday–Friday, a quarter', { dates: days('2026-01-01', '2026-03-31'), templates: TWO_SLOTS, lawyers: team(5) }],
    [
      '7 lawyers × 1 slot every calendar day (a 7-day cycle)',
      { dates: eachDate('2026-10-01', '2026-10-31'), templates: [FULL_DAY], lawyers: team(7) },
    ],
    ['14 lawyers × 2 slots every calendar day', { dates: eachDate('2026-10-01', '2026-10-31'), templates: TWO_SLOTS, lawyers: team(14) }],
    ['3 lawyers × 2 slots, Monday–Friday', { dates: days('2026-10-01', '2026-10-31'), templates: TWO_SLOTS, lawyers: team(3) }],
  ])('%s: no weekday above ⌈n/5⌉ + 1, mornings and afternoons within one of n/2, max − min ≤ 1', (_name, input) => {
    const { plan, bad } = spreadOk(input);
    expectHardRulesKept(plan, input);
    expect(bad).toEqual([]);
    expect(codes(plan)).not.toContain('UNEVEN_SPREAD');
    expect(plan.fairness.max - plan.fairness.min).toBeLessThanOrEqual(1);
  });

  it('no longer gives a lawyer the same weekday and half-day all month (the Tuesday-afternoon roster)', () => {
    const plan = generateRoster({ dates: days('2026-10-01', '2026-10-31'), templates: TWO_SLOTS, lawyers: team(10) });
    for (const id of Object.keys(plan.fairness.perLawyer)) {
      const same = new Map<string, number>();
      for (const s of assigned(plan, id))
        same.set(`${weekday(s.date)} ${s.templateName}`, (same.get(`${weekday(s.date)} ${s.templateName}`) ?? 0) + 1);
      expect(Math.max(...same.values())).toBeLessThanOrEqual(2); // was 4 or 5 of 4–5 shifts
    }
  });

  it('shows each lawyer’s spread in the roster’s fairness', () => {
    const plan = generateRoster({ dates: days('2026-10-05', '2026-10-09'), templates: [MORNING, AFTERNOON], lawyers: team(2) });
    expect(plan.fairness.spread!.L01).toEqual({
      byWeekday: [1, 1, 1, 1, 1, 0, 0],
      morning: expect.any(Number),
      afternoon: expect.any(Number),
      weekdayLimit: 2,
      weekdayOk: true,
      halvesOk: true,
    });
  });
});

describe('generateRoster: recurring weekdays (a standing court date elsewhere)', () => {
  const october = days('2026-10-01', '2026-10-31');
  const wednesdayBlocked = (lawyers: RosterLawyer[]) => lawyers.map((l, i) => (i === 0 ? { ...l, blockedWeekdays: [3] } : l));

  it('never puts a lawyer on a blocked weekday, like leave, and keeps the balance', () => {
    const input = { dates: october, templates: TWO_SLOTS, lawyers: wednesdayBlocked(team(6)) };
    const plan = generateRoster(input);
    expectHardRulesKept(plan, input);
    expect(assigned(plan, 'L01').some((s) => weekday(s.date) === 3)).toBe(false);
    expect(plan.fairness.max - plan.fairness.min).toBeLessThanOrEqual(1);
  });

  it('leaves a slot empty with a reason rather than break a blocked weekday', () => {
    const plan = generateRoster({
      dates: ['2026-10-07'],
      templates: [FULL_DAY],
      lawyers: [{ id: 'L01', unavailable: [], blockedWeekdays: [3] }],
    });
    expect(plan.shifts[0]).toMatchObject({ lawyerId: null, reason: 'NO_ELIGIBLE_LAWYER' });
    expect(plan.warnings[0].message).toContain('not serving on this weekday');
  });

  it('schedules a lawyer on their preferred weekdays when the balance allows', () => {
    const lawyers = team(10).map((l, i) => (i === 0 ? { ...l, preferredWeekdays: [2, 4] } : l));
    const plan = generateRoster({ dates: october, templates: TWO_SLOTS, lawyers });
    expect(assigned(plan, 'L01').every((s) => [2, 4].includes(weekday(s.date)))).toBe(true);
    expect(plan.fairness.max - plan.fairness.min).toBeLessThanOrEqual(1);
  });
});

describe('generateRoster: property over random pools and months (seeded, bounded)', () => {
  const month = fc
    .record({ year: fc.integer({ min: 2025, max: 2028 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month: m }) => {
      const from = `${year}-${String(m).padStart(2, '0')}-01`;
      return { from, to: addDays(m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`, -1) };
    });
  const templates = fc.constantFrom([MORNING, AFTERNOON], [FULL_DAY], [MORNING], [MORNING, AFTERNOON, FULL_DAY]);
  const params = { seed: 20261201, numRuns: 40 };

  it('with a free pool: hard rules, max − min ≤ 1 and the spread rule for every lawyer', () => {
    fc.assert(
      fc.property(
        month,
        fc.integer({ min: 2, max: 16 }),
        fc.constantFrom([MORNING, AFTERNOON], [FULL_DAY]),
        fc.boolean(),
        (m, size, tpl, workdaysOnly) => {
          const input: RosterInput = { dates: dutyDates(m.from, m.to, workdaysOnly, mondayToFriday), templates: tpl, lawyers: team(size) };
          const { plan, bad } = spreadOk(input);
          expectHardRulesKept(plan, input);
          expect(plan.fairness.max - plan.fairness.min).toBeLessThanOrEqual(1);
          expect(bad).toEqual([]);
        },
      ),
      params,
    );
  });

  it('with leave and blocked weekdays: the hard rules always hold, and every slot someone could take is filled', () => {
    const lawyer = fc.record({
      leaveStart: fc.integer({ min: 0, max: 27 }),
      leaveDays: fc.integer({ min: 0, max: 10 }),
      blocked: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(month, fc.array(lawyer, { minLength: 1, maxLength: 12 }), templates, fc.boolean(), (m, specs, tpl, workdaysOnly) => {
        const lawyers: RosterLawyer[] = specs.map((s, i) => ({
          id: `L${String(i + 1).padStart(2, '0')}`,
          unavailable: s.leaveDays ? [{ from: addDays(m.from, s.leaveStart), to: addDays(m.from, s.leaveStart + s.leaveDays - 1) }] : [],
          blockedWeekdays: s.blocked,
        }));
        const input: RosterInput = { dates: dutyDates(m.from, m.to, workdaysOnly, mondayToFriday), templates: tpl, lawyers };
        const plan = generateRoster(input);
        expectHardRulesKept(plan, input);
        for (const s of plan.shifts.filter((x) => !x.lawyerId)) {
          const free = lawyers.filter(
            (l) => !(l.blockedWeekdays ?? []).includes(weekday(s.date)) && !l.unavailable.some((r) => r.from <= s.date && s.date <= r.to),
          );
          // Empty only when nobody was free that day, or everyone free already held an overlapping slot.
          expect(free.every((l) => plan.shifts.some((o) => o.lawyerId === l.id && o.date === s.date))).toBe(true);
        }
      }),
      params,
    );
  });
});
