import type { RosterFairness } from './roster-generator';
import { currentFairness, currentWarnings, HeldSlot, RosterWarningLike } from './roster-status';

const slot = (date: string, lawyerId: string | null, templateName = '上午'): HeldSlot => ({
  date,
  templateName,
  start: templateName === '上午' ? '09:00' : '13:30',
  end: templateName === '上午' ? '12:00' : '17:00',
  lawyerId,
  unfilledReason: lawyerId ? null : 'NO_ELIGIBLE_LAWYER',
});

/** As generated: A 2 + history 3, B 2 + history 4, C 1 + history 4. */
const STORED: RosterFairness = { min: 5, max: 6, perLawyer: { A: 2, B: 2, C: 1 }, cumulative: { A: 5, B: 6, C: 5 } };
const GENERATED = [
  slot('2026-10-08', 'A'),
  slot('2026-10-09', 'B'),
  slot('2026-10-12', 'A'),
  slot('2026-10-13', 'B'),
  slot('2026-10-14', 'C'),
];

describe('currentFairness: the roster figures after changes (rule 10, max − min ≤ 1 with history)', () => {
  it.each<[string, HeldSlot[], Partial<RosterFairness>]>([
    [
      'unchanged slots give the stored figures (rule 10)',
      GENERATED,
      { min: 5, max: 6, perLawyer: { A: 2, B: 2, C: 1 }, cumulative: { A: 5, B: 6, C: 5 } },
    ],
    [
      'a slot moved from B to C keeps history and moves one count (rule 10)',
      [GENERATED[0], GENERATED[1], GENERATED[2], slot('2026-10-13', 'C'), GENERATED[4]],
      { min: 5, max: 6, perLawyer: { A: 2, B: 1, C: 2 }, cumulative: { A: 5, B: 5, C: 6 } },
    ],
    [
      'every slot given to A shows the imbalance (rule 10)',
      GENERATED.map((s) => ({ ...s, lawyerId: 'A' })),
      { min: 4, max: 8, perLawyer: { A: 5, B: 0, C: 0 }, cumulative: { A: 8, B: 4, C: 4 } },
    ],
    [
      'a lawyer who joined by a change counts from zero history (rule 10)',
      [...GENERATED.slice(0, 4), slot('2026-10-14', 'D')],
      { min: 1, max: 6, perLawyer: { A: 2, B: 2, C: 0, D: 1 }, cumulative: { A: 5, B: 6, C: 4, D: 1 } },
    ],
  ])('%s', (_name, slots, expected) => {
    expect(currentFairness(STORED, slots)).toMatchObject(expected);
  });

  it('keeps figures a later generator adds (rule 10)', () => {
    const stored = { ...STORED, gini: 0.1 } as RosterFairness;
    expect(currentFairness(stored, GENERATED)).toHaveProperty('gini', 0.1);
  });

  it('counts the spread again over the current holders (issue 15)', () => {
    const stored = { ...STORED, spread: {} };
    const spread = currentFairness(stored, [GENERATED[0], GENERATED[1], GENERATED[2], slot('2026-10-13', 'C'), GENERATED[4]]).spread!;
    expect(spread.C).toMatchObject({ byWeekday: [0, 1, 1, 0, 0, 0, 0], morning: 2, afternoon: 0, weekdayOk: true, halvesOk: null });
    expect(spread.B.byWeekday).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  it('an empty roster has 0..0 (rule 10)', () => {
    expect(currentFairness({ min: 0, max: 0, perLawyer: {}, cumulative: {} }, [slot('2026-10-08', null)])).toMatchObject({
      min: 0,
      max: 0,
      perLawyer: {},
    });
  });
});

describe('currentWarnings: what still holds after changes (rule 10)', () => {
  const calendar: RosterWarningLike = { code: 'CALENDAR_DATA_MISSING', message: 'no data for 2027', years: [2027] };
  const second: RosterWarningLike = { code: 'SECOND_SHIFT_SAME_DAY', date: '2026-10-08', lawyerId: 'A', message: 'A twice' };
  const unfilled: RosterWarningLike = { code: 'UNFILLED_SHIFT', date: '2026-10-09', message: 'nobody' };
  const fair = (min: number, max: number): RosterFairness => ({ min, max, perLawyer: {}, cumulative: {} });
  const codes = (w: RosterWarningLike[]) => w.map((x) => `${x.code}${x.date ? ` ${x.date}` : ''}`);

  it.each<[string, RosterWarningLike[], HeldSlot[], RosterFairness, string[]]>([
    [
      'an unfilled slot given a lawyer loses its warning (rule 10: one lawyer per shift)',
      [unfilled],
      [slot('2026-10-09', 'B')],
      fair(1, 1),
      [],
    ],
    [
      'a slot still empty keeps one warning per empty slot (rule 10)',
      [unfilled],
      [slot('2026-10-09', null), slot('2026-10-09', null, '下午')],
      fair(0, 0),
      ['UNFILLED_SHIFT 2026-10-09', 'UNFILLED_SHIFT 2026-10-09'],
    ],
    [
      'a second shift the same day stays while the lawyer still holds that day (rule 10)',
      [second],
      [slot('2026-10-08', 'A')],
      fair(1, 1),
      ['SECOND_SHIFT_SAME_DAY 2026-10-08'],
    ],
    [
      'a second shift the same day goes once the lawyer no longer holds that day (rule 10)',
      [second],
      [slot('2026-10-08', 'B')],
      fair(1, 1),
      [],
    ],
    [
      'the imbalance is judged on the current figures (rule 10: max − min ≤ 1)',
      [{ code: 'UNBALANCED', message: 'old' }],
      [],
      fair(2, 3),
      [],
    ],
    ['a change that unbalances the roster warns (rule 10: max − min ≤ 1)', [], [], fair(2, 4), ['UNBALANCED']],
    ['the calendar warning is kept (rule 7: official data)', [calendar], [], fair(0, 0), ['CALENDAR_DATA_MISSING']],
  ])('%s', (_name, stored, slots, fairness, expected) => {
    expect(codes(currentWarnings(stored, slots, fairness))).toEqual(expected);
  });
});
