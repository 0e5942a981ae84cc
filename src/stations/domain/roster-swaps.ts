import { addDays, weekday, type LocalDate } from '../../common/local-date';
import { halfOf } from './roster-spread';

/**
 * The greedy pass fills each round of a roster in date order, so the lawyer left for a round's
 * last slot has no choice, and a pool that divides the week evenly repeats the same pattern
 * every week. This pass then swaps the lawyers of two shifts of the same month when that
 * spreads both better over weekdays and half-days (and onto preferred weekdays). A swap keeps
 * every lawyer's count, so balance (max − min ≤ 1) is untouched; it is made only where both
 * lawyers may serve on the new date and neither gains or loses a neighbouring or same-day
 * duty, so the hard rules and the soft-rule warnings of the greedy pass stay true.
 */

export interface SwappableShift {
  date: LocalDate;
  start: string;
  lawyerId: string | null;
}

export interface SwapRules {
  /** Not on leave and not a blocked weekday. */
  canServe(lawyerId: string, date: LocalDate): boolean;
  /** Dates on which the lawyer holds a shift at another station. */
  busyElsewhere(lawyerId: string): ReadonlySet<LocalDate>;
  lastDutyDate(lawyerId: string): LocalDate | undefined;
  preferred(lawyerId: string): ReadonlySet<number>;
  halvesApply: boolean;
}

/** Passes over a month before giving up on further improvement (each pass only ever lowers the cost). */
const MAX_PASSES = 8;
/** A shift on a day the lawyer did not prefer weighs like a bunched weekday. */
const NOT_PREFERRED = 16;

/** What the pair loop asks of a shift's date, worked out once per shift (its date never changes, only its lawyer). */
interface Slot {
  weekday: number;
  morning: boolean;
  dayBefore: LocalDate;
  dayAfter: LocalDate;
}

function slotsOf(month: readonly SwappableShift[]): Map<SwappableShift, Slot> {
  return new Map(
    month.map((s) => [
      s,
      { weekday: weekday(s.date), morning: halfOf(s.start) === 'morning', dayBefore: addDays(s.date, -1), dayAfter: addDays(s.date, 1) },
    ]),
  );
}

interface Tally {
  weekdays: number[];
  /** Mornings minus afternoons. */
  halfLead: number;
  notPreferred: number;
}

/** Improves the spread in place; `fixed` shifts (those with a soft-rule warning) are never moved. */
export function improveSpread<T extends SwappableShift>(shifts: T[], fixed: ReadonlySet<T>, rules: SwapRules): void {
  const months = new Map<string, T[]>();
  for (const s of shifts) {
    if (!s.lawyerId) continue;
    const key = s.date.slice(0, 7);
    const month = months.get(key);
    if (month) month.push(s);
    else months.set(key, [s]);
  }
  const held = new Map<string, Map<LocalDate, number>>();
  for (const s of shifts) if (s.lawyerId) bump(held, s.lawyerId, s.date, 1);
  for (const month of months.values()) improveMonth(month, fixed, rules, held);
}

function bump(held: Map<string, Map<LocalDate, number>>, lawyerId: string, date: LocalDate, by: number): void {
  const dates = held.get(lawyerId) ?? new Map<LocalDate, number>();
  dates.set(date, (dates.get(date) ?? 0) + by);
  held.set(lawyerId, dates);
}

function improveMonth<T extends SwappableShift>(
  month: T[],
  fixed: ReadonlySet<T>,
  rules: SwapRules,
  held: Map<string, Map<LocalDate, number>>,
): void {
  const tallies = new Map<string, Tally>();
  const tally = (id: string): Tally => {
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = { weekdays: [0, 0, 0, 0, 0, 0, 0], halfLead: 0, notPreferred: 0 }));
    return t;
  };
  const slots = slotsOf(month);
  const place = (id: string, s: SwappableShift, by: number) => {
    const t = tally(id);
    const { weekday: day, morning } = slots.get(s)!;
    t.weekdays[day - 1] += by;
    t.halfLead += (morning ? 1 : -1) * by;
    const pref = rules.preferred(id);
    if (pref.size > 0 && !pref.has(day)) t.notPreferred += by;
  };
  const cost = (id: string): number => {
    const t = tally(id);
    return (
      t.weekdays.reduce((sum, n) => sum + n * n, 0) + (rules.halvesApply ? t.halfLead * t.halfLead : 0) + NOT_PREFERRED * t.notPreferred
    );
  };
  /** Cost change of moving `id` from shift `from` to shift `to`. */
  const change = (id: string, from: SwappableShift, to: SwappableShift): number => {
    const before = cost(id);
    place(id, from, -1);
    place(id, to, 1);
    const after = cost(id);
    place(id, to, -1);
    place(id, from, 1);
    return after - before;
  };
  const count = (id: string, date: LocalDate, except: SwappableShift) => (held.get(id)?.get(date) ?? 0) - (except.date === date ? 1 : 0);
  /** May `id` leave `from` for `to` without a new or lost neighbouring / same-day duty? */
  const movable = (id: string, from: SwappableShift, to: SwappableShift): boolean => {
    if (!rules.canServe(id, to.date)) return false;
    const [f, t] = [slots.get(from)!, slots.get(to)!];
    const around = [t.dayBefore, to.date, t.dayAfter, f.dayBefore, f.dayAfter];
    if (around.some((d) => count(id, d, from) > 0)) return false;
    const elsewhere = rules.busyElsewhere(id);
    return ![t.dayBefore, to.date, t.dayAfter].some((d) => elsewhere.has(d)) && rules.lastDutyDate(id) !== t.dayBefore;
  };

  for (const s of month) place(s.lawyerId!, s, 1);
  const free = month.filter((s) => !fixed.has(s));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i < free.length; i++) {
      for (let j = i + 1; j < free.length; j++) {
        const x = free[i];
        const y = free[j];
        const a = x.lawyerId!;
        const b = y.lawyerId!;
        const [sx, sy] = [slots.get(x)!, slots.get(y)!];
        if (a === b || (sx.weekday === sy.weekday && sx.morning === sy.morning)) continue;
        if (!movable(a, x, y) || !movable(b, y, x)) continue;
        if (change(a, x, y) + change(b, y, x) >= 0) continue;
        place(a, x, -1);
        place(b, y, -1);
        bump(held, a, x.date, -1);
        bump(held, b, y.date, -1);
        x.lawyerId = b;
        y.lawyerId = a;
        place(b, x, 1);
        place(a, y, 1);
        bump(held, b, x.date, 1);
        bump(held, a, y.date, 1);
        improved = true;
      }
    }
    if (!improved) return;
  }
}
